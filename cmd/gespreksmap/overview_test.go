package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/sessions/report"
)

// TestOverviewOverAFolder runs the subcommand over a folder with two
// partnerships and a report that does not parse: the page names both, the
// broken report is named with its line on the page and on stderr, --today
// decides what is past its date, and the HTML page is written with -o.
func TestOverviewOverAFolder(t *testing.T) {
	set := content.Default()
	dir := t.TempDir()
	write := func(name, region, title, when string) {
		s := sessions.New(set.ID, set.Version)
		s.Region, s.Title, s.Date = region, title, "2027-01-10"
		s.Actions = []sessions.ActionItem{{What: "Afspraak vastleggen", Who: "School", When: when}}
		os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755)
		if err := os.WriteFile(filepath.Join(dir, name), report.Render(set, s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("west/a.md", "Regio West", "ZiO West", "2027-03-01")
	write("oost/b.md", "Regio Oost", "<script>x</script> Oost", "2027-09-01")
	os.WriteFile(filepath.Join(dir, "kapot.md"), []byte("geen verslag\n"), 0o644)

	code, out, errOut := runCLI(t, "overview", dir, "--today", "2027-06-01")
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	for _, want := range []string{"## Regio West — ZiO West", "## Regio Oost", "kapot.md, regel 1:", "- Afspraak vastleggen — School — uiterlijk 1 maart 2027"} {
		if !strings.Contains(out, want) {
			t.Errorf("overview lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "1 september 2027") {
		t.Errorf("an action due after --today is listed as past its date:\n%s", out)
	}
	if !strings.Contains(errOut, filepath.Join(dir, "kapot.md")+":1:") {
		t.Errorf("stderr does not name the broken report with its line:\n%s", errOut)
	}

	page := filepath.Join(t.TempDir(), "overzicht.html")
	if code, _, errOut := runCLI(t, "overview", "--format", "html", "-o", page, dir); code != exitOK {
		t.Fatalf("html: exit %d\n%s", code, errOut)
	}
	html, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(html), "&lt;script&gt;x&lt;/script&gt; Oost") || strings.Contains(string(html), "<script") {
		t.Errorf("the HTML page does not show the title as text:\n%s", html)
	}

	if code, _, _ := runCLI(t, "overview"); code != exitBadInput {
		t.Errorf("overview without a folder: exit %d, want %d", code, exitBadInput)
	}
	if code, _, _ := runCLI(t, "overview", dir, "--today", "morgen"); code != exitBadInput {
		t.Errorf("overview --today morgen: exit %d, want %d", code, exitBadInput)
	}
}
