package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/sessions/report"
	"gespreksmap/sessions/store"
)

// aReport writes a report to continue, left at 1.1.
func aReport(t *testing.T, cfg Config) string {
	t.Helper()
	s := sessions.New(cfg.Set.ID, cfg.Set.Version)
	s.Title, s.Date, s.Current = "Lab", "2026-11-22", "bestuur.agenda"
	s.Participants = []sessions.Participant{{Name: "Piet", Organisation: "Gemeente Noord", PartnerKind: "gemeente", Signs: true, Function: "wethouder"}}
	a := s.Answer("organiseren.afspraken")
	a.Part("verschil-van-mening").Status = sessions.StatusDone
	a.Part("verschil-van-mening").Text = "De stuurgroep beslist."
	return writeReport(t, cfg, s)
}

func TestAReportEditedOnDiskIsNeverOverwrittenButContinuedInACopy(t *testing.T) {
	cfg := testConfig(t)
	path := aReport(t, cfg)
	cfg.Open = path
	app := New(cfg)
	tm := teatest.NewTestModel(t, app, teatest.WithInitialTermSize(100, 30))
	waitScreen(t, tm, "1.1 Staat de")

	// Someone corrects the report in a text editor meanwhile.
	raw, _ := os.ReadFile(path)
	edited := strings.Replace(string(raw), "> De stuurgroep beslist.", "> De stuurgroep beslist, na advies van ouders.", 1)
	if edited == string(raw) {
		t.Fatal("the test's edit did not apply")
	}
	if err := os.WriteFile(path, []byte(edited), 0o600); err != nil {
		t.Fatal(err)
	}

	typeText(tm, "Op de agenda.")
	waitScreen(t, tm, "Het verslag is buiten dit programma gewijzigd.")
	tm.Send(runes("k"))
	waitScreen(t, tm, "Opgeslagen als kopie")
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlC})
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	if err := app.Close(); err != nil {
		t.Fatal(err)
	}

	now, _ := os.ReadFile(path)
	if string(now) != edited {
		t.Error("the edited report was overwritten")
	}
	copyPath := app.ReportPath()
	if copyPath == path || !strings.HasSuffix(copyPath, "-kopie.md") {
		t.Fatalf("the conversation should continue in a copy, not %s", copyPath)
	}
	s, err := store.Load(copyPath, cfg.Set)
	if err != nil {
		t.Fatal(err)
	}
	if a := s.Answers["bestuur.agenda"]; a == nil || a.Text != "Op de agenda." {
		t.Errorf("the copy holds what was typed: %+v", a)
	}
}

func TestTheConvenantKeyWritesADraftBesideTheReport(t *testing.T) {
	cfg := testConfig(t)
	cfg.Open = aReport(t, cfg)
	cfg.Convenant = func(path string, set *content.Set, s *sessions.Session, _ []string) (string, error) {
		out := filepath.Join(filepath.Dir(path), "concept.md")
		text := "concept voor " + s.Title + ": " + s.Answers["organiseren.afspraken"].Parts["verschil-van-mening"].Text
		return out, os.WriteFile(out, []byte(text), 0o600)
	}
	app := New(cfg)
	tm := teatest.NewTestModel(t, app, teatest.WithInitialTermSize(100, 30))
	waitScreen(t, tm, "1.1 Staat de")
	tm.Send(keyOf(tea.KeyEsc))
	waitScreen(t, tm, "Onderdelen")
	tm.Send(runes("c"))
	waitScreen(t, tm, "Welke organisaties tekenen")
	tm.Send(keyOf(tea.KeyEnter))
	waitScreen(t, tm, "Concept-convenant geschreven")
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlC})
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	app.Close()
	got, err := os.ReadFile(filepath.Join(cfg.Dir, "concept.md"))
	if err != nil || string(got) != "concept voor Lab: De stuurgroep beslist." {
		t.Errorf("draft: %q %v", got, err)
	}
}

func TestAReportOpenElsewhereSaysWhoHoldsItAndOpensReadOnly(t *testing.T) {
	cfg := testConfig(t)
	path := aReport(t, cfg)
	holder, _, err := store.Open(path, cfg.Set)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	before, _ := os.ReadFile(path)

	cfg.Open = path
	app := New(cfg)
	tm := teatest.NewTestModel(t, app, teatest.WithInitialTermSize(120, 30))
	waitScreen(t, tm, "r alleen lezen openen")
	tm.Send(runes("r"))
	waitScreen(t, tm, "ALLEEN LEZEN")
	typeText(tm, "dit mag niet")
	tm.Send(alt('1'))
	waitScreen(t, tm, "Alleen lezen")
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlC})
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	app.Close()
	after, _ := os.ReadFile(path)
	if string(after) != string(before) {
		t.Error("a report opened read-only must not change")
	}
}

// writeReport writes s as a new report in the sessions folder of cfg, as
// the program would have, and returns its path.
func writeReport(t *testing.T, cfg Config, s *sessions.Session) string {
	t.Helper()
	path, err := store.Create(cfg.Dir, s.Date, s.Title)
	if err != nil {
		t.Fatal(err)
	}
	if err := store.WriteFile(path, report.Render(cfg.Set, s)); err != nil {
		t.Fatal(err)
	}
	return path
}
