package compare_test

import (
	"strings"
	"testing"

	"gespreksmap/sessions/compare"
	"gespreksmap/sessions/mdtext"
	"gespreksmap/sessions/report"
)

func TestDatesAreWrittenTheDutchWay(t *testing.T) {
	for in, want := range map[string]string{
		"2025-11-20":    "20 november 2025",
		"2026-03-01":    "1 maart 2026",
		"voorjaar 2026": "voorjaar 2026",
	} {
		if got := mdtext.Date(in); got != want {
			t.Errorf("mdtext.Date(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAReportWithLastYearsBaselineShowsWhatChangedAndStillReadsBack(t *testing.T) {
	set := compare.CompareSet()
	s := compare.ThisYear()
	s.Baseline = "2025-11-20-oplossingenlab.md"
	s.Prior = compare.LastYear()

	doc := report.Render(set, s)
	section := strings.TrimRight(compare.Compare(set, s.Prior, s).Markdown(), "\n")
	if !strings.Contains(string(doc), "\n"+section+"\n") {
		t.Fatalf("the report does not hold the comparison:\n%s", doc)
	}

	back, err := report.Parse(doc, set)
	if err != nil {
		t.Fatalf("the report with its comparison does not read back: %v", err)
	}
	back.Prior = compare.LastYear()
	if again := report.Render(set, back); string(again) != string(doc) {
		t.Errorf("writing the report read back gives different text:\n%s", again)
	}
}
