package overview

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gespreksmap/content/contenttest"
	"gespreksmap/sessions"
	"gespreksmap/sessions/report"
	"gespreksmap/sessions/store"
)

var updateOverview = flag.Bool("update-overview", false, "rewrite the golden overview in testdata")

var today = time.Date(2027, 12, 1, 9, 0, 0, 0, time.UTC)

// brokenLine is the line of kapot.md the parser stops at.
const brokenLine = 9

// region writes a folder of reports: West over three years in a chain
// through "Vergelijkt met" (with a title that changes every year, and the
// newest in a folder of its own), Oost in one report with a title that is
// markup, Noord in two reports found by region and title, and one report
// that does not parse.
func region(t testing.TB) string {
	t.Helper()
	set := contenttest.Set()
	dir := t.TempDir()
	write := func(rel string, s *sessions.Session) {
		t.Helper()
		path := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, report.Render(set, s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	conv := func(region, title, date, baseline string, agenda, visie, toezicht sessions.Status) *sessions.Session {
		s := sessions.New(set.ID, set.Version)
		s.Region, s.Title, s.Date, s.Baseline = region, title, date, baseline
		s.Answer("bestuur.agenda").Status = agenda
		a := s.Answer("bestuur.uitwerking")
		a.Part("visie").Status = visie
		a.Part("vastgelegd").Status = sessions.StatusNotYet
		a.Part("toezicht").Status = toezicht
		s.Answer("kinderen.onderwerpen").Part("beoordeling").Status = sessions.StatusPartial
		return s
	}
	nyt, part, done := sessions.StatusNotYet, sessions.StatusPartial, sessions.StatusDone

	write("west/2025-zio-west.md", conv("Regio West", "ZiO West 2025", "2025-11-20", "", nyt, nyt, nyt))
	write("west/2026-zio-west.md", conv("Regio West", "ZiO West 2026", "2026-11-19", "2025-zio-west.md", nyt, part, nyt))
	w27 := conv("Regio West", "ZiO West 2027", "2027-11-18", "../2026-zio-west.md", nyt, done, part)
	w27.Actions = []sessions.ActionItem{
		{What: "Convenant ondertekenen", Who: "Gemeente", When: "2027-11-30", QuestionID: "bestuur.uitwerking", Part: "vastgelegd"},
		{What: "Visie delen met de ouders", Who: "School", When: "2027-12-01"},
		{What: "Vervoer regelen", Who: "Gemeente", When: "2027-01-15", Done: true},
		{What: "Begeleider vinden", Who: "Zorgaanbieder", When: "voor de zomer"},
		{What: "Evalueren", Who: "Allen", When: "2028-06-01"},
	}
	write("west/2027/2027-zio-west.md", w27)

	oost := conv("Regio Oost", "<script>alert(1)</script> Oost", "2027-10-01", "", part, done, done)
	oost.Actions = []sessions.ActionItem{{What: "<b>Plan</b> maken", Who: "Samenwerkingsverband", When: "2027-03-01"}}
	write("oost/oost.md", oost)

	write("noord/a.md", conv("Regio Noord", "ZiO Noord", "2026-05-01", "", nyt, nyt, nyt))
	write("noord/b.md", conv("Regio Noord", "ZiO Noord", "2027-05-01", "", nyt, done, nyt))

	broken := strings.Split(string(report.Render(set, conv("Regio Zuid", "ZiO Zuid", "2027-01-01", "", nyt, nyt, nyt))), "\n")
	broken = append(broken[:brokenLine-1], append([]string{"- **Datum:** morgen of overmorgen"}, broken[brokenLine-1:]...)...)
	if err := os.MkdirAll(filepath.Join(dir, "zuid"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "zuid/kapot.md"), []byte(strings.Join(broken, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	// What the program writes beside reports and is not one.
	if err := os.WriteFile(filepath.Join(dir, "oost/.oost.md.lock"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func collect(t *testing.T, dir string) *Overview {
	t.Helper()
	o, err := Collect([]string{dir}, store.Pick(contenttest.Set()), 0)
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// relative makes the page independent of where the temporary folder is.
func relative(page, dir string) string {
	return strings.ReplaceAll(page, dir+string(filepath.Separator), "")
}

func TestOverviewGolden(t *testing.T) {
	dir := region(t)
	got := relative(collect(t, dir).Markdown(today), dir)
	golden := filepath.Join("testdata", "overview.md.golden")
	if *updateOverview {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("overview differs from %s (go test -update-overview rewrites it):\n%s", golden, got)
	}
}

func TestOverviewNamesTheBrokenReportWithItsLine(t *testing.T) {
	dir := region(t)
	o := collect(t, dir)
	if len(o.Failures) != 1 {
		t.Fatalf("failures = %+v, want the one broken report", o.Failures)
	}
	f := o.Failures[0]
	if f.Path != filepath.Join(dir, "zuid", "kapot.md") || f.Line != brokenLine {
		t.Errorf("failure = %+v, want zuid/kapot.md at line %d", f, brokenLine)
	}
	want := "- zuid/kapot.md, regel 9: 'Datum' staat twee keer"
	if page := relative(o.Markdown(today), dir); !strings.Contains(page, want) {
		t.Errorf("page does not name the broken report as %q:\n%s", want, page)
	}
}

func TestOverviewListsActionsPastTheirDate(t *testing.T) {
	dir := region(t)
	page := collect(t, dir).Markdown(today)
	for _, want := range []string{
		"- Convenant ondertekenen — Gemeente — uiterlijk 30 november 2027",
		"- \\<b>Plan\\</b> maken — Samenwerkingsverband — uiterlijk 1 maart 2027",
		"datum niet te vergelijken:\n\n- Begeleider vinden — Zorgaanbieder — “voor de zomer”",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q:\n%s", want, page)
		}
	}
	// Due today, done, or in the future: not past their date.
	for _, not := range []string{"Visie delen", "Vervoer regelen", "Evalueren"} {
		if strings.Contains(page, not) {
			t.Errorf("page lists %q, which is not past its date", not)
		}
	}
}

func TestOverviewFollowsTheBaselineChain(t *testing.T) {
	dir := region(t)
	o := collect(t, dir)
	for _, p := range o.Partnerships {
		if p.Latest().Session.Region != "Regio West" {
			continue
		}
		var titles []string
		for _, r := range p.Reports {
			titles = append(titles, r.Session.Title)
		}
		if got := strings.Join(titles, ", "); got != "ZiO West 2025, ZiO West 2026, ZiO West 2027" {
			t.Errorf("West's reports = %s, want the chain of three years oldest first", got)
		}
		return
	}
	t.Fatal("no partnership for Regio West")
}

func TestOverviewHTMLShowsMarkupAsText(t *testing.T) {
	dir := region(t)
	page := string(collect(t, dir).HTML(today))
	if strings.Contains(page, "<script") || strings.Contains(page, "<b>") {
		t.Errorf("markup from a report reached the HTML as markup:\n%s", page)
	}
	for _, want := range []string{"&lt;script&gt;alert(1)&lt;/script&gt; Oost", "&lt;b&gt;Plan&lt;/b&gt; maken", "<!DOCTYPE html>"} {
		if !strings.Contains(page, want) {
			t.Errorf("HTML lacks %q:\n%s", want, page)
		}
	}
}

func TestOverviewWritesNothingIntoTheFolders(t *testing.T) {
	dir := region(t)
	before := listing(t, dir)
	collect(t, dir).Markdown(today)
	if after := listing(t, dir); after != before {
		t.Errorf("the folder changed:\nbefore:\n%s\nafter:\n%s", before, after)
	}
}

func listing(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.Walk(dir, func(path string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		b.WriteString(path + " " + info.Mode().String() + " " + info.ModTime().String() + "\n")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}
