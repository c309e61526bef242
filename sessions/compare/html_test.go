package compare_test

import (
	"encoding/xml"
	"strings"
	"testing"

	"gespreksmap/sessions/compare"
	"gespreksmap/sessions/export"
	"gespreksmap/sessions/export/exporttest"
)

func TestTheHTMLComparisonIsAWellFormedPageWithAChartPerSection(t *testing.T) {
	doc := compare.HTML(compare.CompareSet(), export.HTML, compare.ThreeYears()...)
	exporttest.WellFormed(t, doc)
	page := string(doc)
	for _, bad := range []string{"<script", "<link", "<img", "src=", "href=\"http", "Oplossingenlab <2024>"} {
		if strings.Contains(page, bad) {
			t.Errorf("the page holds %q", bad)
		}
	}
	if !strings.Contains(page, "5 maart 2024") || !strings.Contains(page, "<del>70%</del> <strong>85%</strong>") {
		t.Error("the page lacks the dates or the word difference")
	}
	charts := strings.Count(page, "<svg ")
	if charts != len(compare.CompareSet().Sections) {
		t.Fatalf("want one chart per section, got %d", charts)
	}
	for i := 0; i < charts; i++ {
		_, rest, _ := strings.Cut(page, "<svg ")
		svg, after, _ := strings.Cut(rest, "</svg>")
		page = after
		var chart struct {
			Series []struct {
				Status string `xml:"data-status,attr"`
				Points string `xml:"points,attr"`
			} `xml:"polyline"`
		}
		if err := xml.Unmarshal([]byte("<svg "+svg+"</svg>"), &chart); err != nil {
			t.Fatalf("chart %d is not well-formed XML: %v", i+1, err)
		}
		var got []string
		for _, s := range chart.Series {
			got = append(got, s.Status)
			if n := len(strings.Fields(s.Points)); n != 3 {
				t.Errorf("chart %d series %s has %d points, want one per report", i+1, s.Status, n)
			}
		}
		if strings.Join(got, "|") != "geregeld|deels|nog niet" {
			t.Errorf("chart %d series: %v", i+1, got)
		}
	}
}
