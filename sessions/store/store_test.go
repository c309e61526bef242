package store

import (
	"bytes"
	"errors"
	"gespreksmap/sessions"
	"gespreksmap/sessions/report"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestReportsGoToTheFolderFromTheEnvironmentOrBesideTheProgram(t *testing.T) {
	t.Setenv("GESPREKSMAP_DIR", "/srv/verslagen")
	if got := DefaultDir(); got != "/srv/verslagen" {
		t.Errorf("DefaultDir() = %q with GESPREKSMAP_DIR set", got)
	}
	t.Setenv("GESPREKSMAP_DIR", "")
	if got := DefaultDir(); filepath.Clean(got) != "gespreksmap-sessies" {
		t.Errorf("DefaultDir() = %q, want ./gespreksmap-sessies", got)
	}
}

func TestFileNamesAreSafeLowerCaseSlugs(t *testing.T) {
	cases := []struct{ date, title, want string }{
		{"2026-11-22", "Oplossingenlab ZiO", "2026-11-22-oplossingenlab-zio.md"},
		{"2026-11-22", "Coördinatie café & ĳs — Hart van Brabant!", "2026-11-22-coordinatie-cafe-ijs-hart-van-brabant.md"},
		{"2026-11-22", "../../etc/passwd", "2026-11-22-etc-passwd.md"},
		{"2026-11-22", `a/b\c`, "2026-11-22-a-b-c.md"},
		{"2026-11-22", "", "2026-11-22-gesprek.md"},
		{"2026-11-22", "中文 👩🏽‍🏫", "2026-11-22-gesprek.md"},
		{"", "CON", "con-gesprek.md"},
		{"", "lpt1", "lpt1-gesprek.md"},
		{"", "Nul", "nul-gesprek.md"},
		{"", "console", "console.md"},
		{"../..", "..", "gesprek.md"},
		{"22/11/2026", "x", "22-11-2026-x.md"},
	}
	for _, c := range cases {
		if got := FileName(c.date, c.title); got != c.want {
			t.Errorf("FileName(%q, %q) = %q, want %q", c.date, c.title, got, c.want)
		}
	}
	long := FileName("2026-11-22", strings.Repeat("samenwerking onderwijs jeugdhulp ", 20))
	if len(long) > 11+maxSlug+3 || strings.Contains(long, "--") || strings.HasSuffix(long, "-.md") {
		t.Errorf("long title gives %q (%d characters)", long, len(long))
	}
}

func TestANewReportNeverOverwritesAnExistingOne(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "verslagen", "2026")
	first, err := Create(dir, "2026-11-22", "Oplossingenlab ZiO")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(first, []byte("al geschreven"), 0o600); err != nil {
		t.Fatal(err)
	}
	second, err := Create(dir, "2026-11-22", "Oplossingenlab ZiO")
	if err != nil {
		t.Fatal(err)
	}
	third, _ := Create(dir, "2026-11-22", "oplossingenlab zio")
	if filepath.Base(first) != "2026-11-22-oplossingenlab-zio.md" || filepath.Base(second) != "2026-11-22-oplossingenlab-zio-2.md" || filepath.Base(third) != "2026-11-22-oplossingenlab-zio-3.md" {
		t.Errorf("names: %s, %s, %s", first, second, third)
	}
	if data, _ := os.ReadFile(first); string(data) != "al geschreven" {
		t.Errorf("the first report was overwritten: %q", data)
	}
	for _, title := range []string{"../buiten", "a/b", "CON", ""} {
		p, err := Create(dir, "", title)
		if err != nil {
			t.Fatal(err)
		}
		if filepath.Dir(p) != dir {
			t.Errorf("Create(%q) made %s outside %s", title, p, dir)
		}
	}
	if runtime.GOOS != "windows" {
		if mode := fileMode(t, dir); mode != 0o700 {
			t.Errorf("folder mode %o, want 700", mode)
		}
		if mode := fileMode(t, filepath.Dir(dir)); mode != 0o700 {
			t.Errorf("parent folder mode %o, want 700", mode)
		}
		if mode := fileMode(t, second); mode != 0o600 {
			t.Errorf("report mode %o, want 600", mode)
		}
	}
}

func fileMode(t *testing.T, path string) os.FileMode {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return st.Mode().Perm()
}

func TestSavingLeavesOnlyTheReportReadableByItsOwner(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "verslag.md")
	if err := os.WriteFile(path, []byte("oud"), 0o644); err != nil {
		t.Fatal(err)
	}
	doc := report.Render(testSet(), everything())
	if err := WriteFile(path, doc); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, doc) {
		t.Error("the saved file differs from what was saved")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("after saving the folder holds %v, want only verslag.md", names)
	}
	if runtime.GOOS != "windows" {
		if mode := fileMode(t, path); mode != 0o600 {
			t.Errorf("mode %o after saving, want 600", mode)
		}
	}
	// A failed save leaves nothing behind either.
	if err := WriteFile(filepath.Join(dir, "weg", "verslag.md"), doc); err == nil {
		t.Error("saving into a folder that does not exist succeeded")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("a failed save left %d files", len(entries))
	}
}

func TestAReaderNeverSeesAHalfSavedReport(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "verslag.md")
	set := defaultSet
	a := report.Render(set, fullSession(set, 2000))
	small := fullSession(set, 100)
	small.Title = "Een kleinere versie"
	b := report.Render(set, small)
	if err := WriteFile(path, a); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < 60; i++ {
			doc := a
			if i%2 == 0 {
				doc = b
			}
			if err := WriteFile(path, doc); err != nil {
				t.Error(err)
				break
			}
		}
		close(done)
	}()
	reads := 0
	for {
		select {
		case <-done:
			wg.Wait()
			if reads < 10 {
				t.Logf("only %d reads during the saves", reads)
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) != 1 {
				t.Errorf("%d files left after saving, want 1", len(entries))
			}
			return
		default:
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("reading during a save: %v", err)
		}
		if !bytes.Equal(got, a) && !bytes.Equal(got, b) {
			t.Fatalf("a reader saw a report of %d bytes that is neither version", len(got))
		}
		if _, err := report.Parse(got, set); err != nil {
			t.Fatal(err)
		}
		reads++
	}
}

func writeReport(t *testing.T, path string, s *sessions.Session, mod time.Time) {
	t.Helper()
	if err := os.WriteFile(path, report.Render(testSet(), s), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(path, mod, mod); err != nil {
		t.Fatal(err)
	}
}

func TestTheListShowsEveryReportNewestFirstAndTheBrokenOnesToo(t *testing.T) {
	dir := t.TempDir()
	now := time.Now().Truncate(time.Second)
	old := everything()
	old.Title, old.Date = "Vorig jaar", "2025-11-20"
	writeReport(t, filepath.Join(dir, "2025-11-20-vorig-jaar.md"), old, now.Add(-48*time.Hour))
	cur := everything()
	writeReport(t, filepath.Join(dir, "2026-11-22-oplossingenlab.md"), cur, now.Add(-time.Hour))
	broken := strings.Replace(string(report.Render(testSet(), cur)), "**Status:** deels", "**Status:** half", 1)
	if err := os.WriteFile(filepath.Join(dir, "kapot.md"), []byte(broken), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"notities.txt", ".2026-11-22-oplossingenlab.md.lock", ".verslag.md.tmp-123"} {
		os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o600)
	}
	os.Mkdir(filepath.Join(dir, "map.md"), 0o700)

	list, err := List(dir, testSet())
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range list {
		names = append(names, filepath.Base(e.Path))
	}
	if got, want := strings.Join(names, " "), "kapot.md 2026-11-22-oplossingenlab.md 2025-11-20-vorig-jaar.md"; got != want {
		t.Fatalf("listed %s, want %s", got, want)
	}
	var pe *report.ParseError
	if !errors.As(list[0].Err, &pe) || pe.Path != filepath.Join(dir, "kapot.md") || pe.Line == 0 {
		t.Errorf("the broken report is listed with error %v", list[0].Err)
	}
	e := list[1]
	if e.Err != nil || e.Title != cur.Title || e.Date != "2026-11-22" || e.Region != cur.Region || e.Current != cur.Current {
		t.Errorf("entry = %+v", e)
	}
	if e.Tally.Units != 9 || e.Tally.Counts[sessions.StatusDone] != 2 || e.Tally.Answered != 8 {
		t.Errorf("tally = %+v", e.Tally)
	}
	if !e.ModTime.Equal(now.Add(-time.Hour)) {
		t.Errorf("mod time %v", e.ModTime)
	}
	if list, err := List(filepath.Join(dir, "bestaat-niet"), testSet()); err != nil || list != nil {
		t.Errorf("a missing folder gives %v, %v; want no reports and no error", list, err)
	}
}

func TestLoadingAReportAlsoLoadsLastYearsReportItComparesTo(t *testing.T) {
	dir := t.TempDir()
	prior := everything()
	prior.Title = "Vorig jaar"
	prior.Baseline = "" // last year's own baseline is not followed
	writeReport(t, filepath.Join(dir, "vorig.md"), prior, time.Now())
	cur := everything()
	cur.Baseline = "vorig.md"
	path := filepath.Join(dir, "dit-jaar.md")
	writeReport(t, path, cur, time.Now())
	s, err := Load(path, testSet())
	if err != nil {
		t.Fatal(err)
	}
	if s.Prior == nil || s.Prior.Title != "Vorig jaar" || s.Prior.Prior != nil {
		t.Fatalf("prior = %+v", s.Prior)
	}

	cur.Baseline = "weg.md"
	writeReport(t, path, cur, time.Now())
	if s, err := Load(path, testSet()); err != nil || s.Prior != nil {
		t.Errorf("a missing baseline gives %v (prior %v); want no error and no prior", err, s.Prior)
	}

	os.WriteFile(filepath.Join(dir, "vorig.md"), []byte("<!-- gespreksmap report v1 -->\n# x\n\nkapot\n"), 0o600)
	cur.Baseline = "vorig.md"
	writeReport(t, path, cur, time.Now())
	_, err = Load(path, testSet())
	var pe *report.ParseError
	if !errors.As(err, &pe) || pe.Path != filepath.Join(dir, "vorig.md") || pe.Line != 4 {
		t.Errorf("a broken baseline gives %v, want its own path and line", err)
	}
}

func TestLoadingABrokenReportNeverChangesIt(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "kapot.md")
	broken := strings.Replace(string(report.Render(testSet(), everything())), "**12**", "**twaalf**", 1)
	if err := os.WriteFile(path, []byte(broken), 0o640); err != nil {
		t.Fatal(err)
	}
	mod := time.Now().Add(-time.Hour).Truncate(time.Second)
	os.Chtimes(path, mod, mod)
	before, _ := os.Stat(path)

	_, err := Load(path, testSet())
	var pe *report.ParseError
	if !errors.As(err, &pe) || pe.Path != path || pe.Line != lineOf(t, broken, "**twaalf**") {
		t.Fatalf("Load gave %v", err)
	}
	if !strings.HasPrefix(err.Error(), path+":") {
		t.Errorf("the error does not start with the file name: %v", err)
	}
	if _, _, err := Open(path, testSet()); err == nil {
		t.Fatal("Open of a broken report succeeded")
	}
	if _, _, err := OpenReadOnly(path, testSet()); err == nil {
		t.Fatal("OpenReadOnly of a broken report succeeded")
	}
	List(dir, testSet())

	after, _ := os.Stat(path)
	if data, _ := os.ReadFile(path); string(data) != broken {
		t.Error("reading the broken report changed it")
	}
	if !after.ModTime().Equal(before.ModTime()) || after.Mode() != before.Mode() {
		t.Errorf("reading changed the file's time or mode: %v %v -> %v %v", before.ModTime(), before.Mode(), after.ModTime(), after.Mode())
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("reading left %d files behind (a lock?)", len(entries))
	}
}

// lastYearsReport is a report as it stood a year ago, with two open action
// items and one done.
func lastYearsReport() *sessions.Session {
	s := sessions.New("test-set", "3")
	s.Title, s.Date = "Oplossingenlab 2025", "2025-11-20"
	s.Answer("bestuur.agenda").Status = sessions.StatusNotYet
	s.Actions = []sessions.ActionItem{
		{What: "Visie opschrijven", Who: "SWV", When: "2026-03-01", QuestionID: "bestuur.uitwerking"},
		{What: "Al gedaan", Done: true},
		{What: "Ouderavond", Who: "School", When: "2026-02-01"},
	}
	return s
}

func TestAReportStoredWithARelativeBaselineFindsLastYearsReportAgain(t *testing.T) {
	dir := t.TempDir()
	set := testSet()
	priorPath := filepath.Join(dir, "2025", "vorig.md")
	if err := os.MkdirAll(filepath.Dir(priorPath), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(priorPath, report.Render(set, lastYearsReport())); err != nil {
		t.Fatal(err)
	}
	prior, err := Load(priorPath, set)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "2026", "nieuw.md")
	s := sessions.New(set.ID, set.Version)
	s.Title, s.Date = "Reflectie 2026", "2026-11-22"
	sessions.StartReflection(s, prior, sessions.RelativePath(path, priorPath))
	s.Settle(1, sessions.OutcomeDropped, "")
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, report.Render(set, s)); err != nil {
		t.Fatal(err)
	}
	back, err := Load(path, set)
	if err != nil {
		t.Fatal(err)
	}
	if back.Prior == nil || back.Prior.Title != "Oplossingenlab 2025" {
		t.Fatalf("the new report does not find last year's through %q", back.Baseline)
	}
	if len(back.PriorActions) != 2 || back.PriorActions[1].Outcome != sessions.OutcomeDropped {
		t.Errorf("prior actions read back: %+v", back.PriorActions)
	}
}

func TestWhyAListedReportCannotBeReadNamesNoPath(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "kapot.md")
	os.WriteFile(path, []byte("<!-- gespreksmap report v2 -->\n# Titel\n\nzomaar tekst\n"), 0o600)
	entries, err := List(dir, testSet())
	if err != nil || len(entries) != 1 || entries[0].Err == nil {
		t.Fatalf("List: %v %+v", err, entries)
	}
	if why := Why(entries[0]); !strings.HasPrefix(why, "regel ") || strings.Contains(why, dir) {
		t.Errorf("Why = %q, want the line and no path", why)
	}
}
