package store

import (
	"os"
	"path/filepath"
	"testing"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/sessions/report"
)

// A report is read with the set it names: a folder with a report of the
// default set, one of the intermezzo and one of a set the program does not
// know lists each with its own set's tally, and loads each answer under
// its question.
func TestAReportIsReadWithTheSetItNames(t *testing.T) {
	dir := t.TempDir()
	inter := content.EmbeddedSet("intermezzo")
	write := func(name string, set *content.Set, id string) string {
		s := sessions.New(id, set.Version)
		s.Title, s.Date = name, "2026-11-22"
		c := sessions.NewConversation(set, s)
		st := set.Stops()[0]
		c.SetStatus(st, sessions.StatusDone)
		c.SetText(st, "Antwoord van "+name)
		path := filepath.Join(dir, name+".md")
		if err := os.WriteFile(path, report.Render(set, s), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	def := write("gespreksmap", defaultSet, defaultSet.ID)
	quick := write("intermezzo", inter, inter.ID)
	own := write("eigen", defaultSet, "eigen-set")
	pick := Pick(defaultSet, content.Embedded()...)

	entries, err := ListNamed(dir, pick)
	if err != nil || len(entries) != 3 {
		t.Fatalf("ListNamed: %v, %d entries", err, len(entries))
	}
	units := map[string]int{def: len(defaultSet.Stops()), quick: len(inter.Stops()), own: len(defaultSet.Stops())}
	ids := map[string]string{def: "zio-gespreksmap", quick: "intermezzo", own: "eigen-set"}
	for _, e := range entries {
		if e.Err != nil || e.Tally.Units != units[e.Path] || e.Tally.Answered != 1 || e.SetID != ids[e.Path] {
			t.Errorf("%s: err %v, set %q, %d of %d answered; want set %q and %d units", filepath.Base(e.Path), e.Err, e.SetID, e.Tally.Answered, e.Tally.Units, ids[e.Path], units[e.Path])
		}
	}

	for path, want := range map[string]*content.Set{def: defaultSet, quick: inter, own: defaultSet} {
		if got := SetOf(path, pick); got != want {
			t.Errorf("SetOf(%s) = %s, want %s", filepath.Base(path), got.ID, want.ID)
		}
		set, s, err := LoadNamed(path, pick)
		if err != nil || set != want {
			t.Fatalf("LoadNamed(%s): %v, set %v", filepath.Base(path), err, set.ID)
		}
		q := want.Stops()[0].Question.ID
		if a := s.Answers[q]; a == nil || a.Text == "" || unknown(set, s) != 0 {
			t.Errorf("%s: the answer to %s is not under its question (%+v, unknown %d)", filepath.Base(path), q, a, unknown(set, s))
		}
	}
	// Without the other sets, the intermezzo's answer is kept aside, as
	// before: read with the default, it has no question.
	if set, s, err := LoadNamed(quick, Pick(defaultSet)); err != nil || set != defaultSet || unknown(set, s) != 1 {
		t.Errorf("read with the default only: %v, set %s, unknown %d", err, set.ID, unknown(set, s))
	}
}

// unknown counts the answers to questions the set does not have.
func unknown(set *content.Set, s *sessions.Session) int {
	n := 0
	for id := range s.Answers {
		if _, q := set.Question(id); q == nil {
			n++
		}
	}
	return n
}
