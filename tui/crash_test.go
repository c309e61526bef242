package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"gespreksmap/sessions"
	"gespreksmap/sessions/report"
	"gespreksmap/sessions/store"
)

// Each test here replays a key sequence that once crashed the program (most
// were found by the random-key test in randomkeys_test.go).

// resumed opens aReport (left at 1.1, an open question) as the command line
// does, in a window of w by h.
func resumed(t *testing.T, w, h int) (*App, Config) {
	t.Helper()
	cfg := testConfig(t)
	cfg.Open = aReport(t, cfg)
	app := New(cfg)
	app.Init()
	send(app, tea.WindowSizeMsg{Width: w, Height: h})
	t.Cleanup(func() { app.Close() })
	if app.screen != screenQuestion {
		t.Fatalf("the report did not reopen on its question (screen %d)", app.screen)
	}
	return app, cfg
}

func TestTabTabEnterOnAnEmptyActionListOpensTheActionForm(t *testing.T) {
	app, cfg := resumed(t, 120, 40)
	for _, k := range []tea.KeyMsg{keyOf(tea.KeyTab), keyOf(tea.KeyTab), keyOf(tea.KeyEnter)} {
		send(app, k)
	}
	if screen := ansi.Strip(app.View()); !strings.Contains(screen, "Nieuw actiepunt bij 1.1") {
		t.Fatalf("enter on \"+ toevoegen\" should open the action form:\n%s", screen)
	}
	send(app, runes("Agenda OOGO"))
	send(app, keyOf(tea.KeyEsc))
	if err := app.Close(); err != nil {
		t.Fatal(err)
	}
	s, err := store.Load(cfg.Open, cfg.Set)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Actions) != 1 || s.Actions[0].What != "Agenda OOGO" || s.Actions[0].QuestionID != "bestuur.agenda" {
		t.Errorf("the new action item should be in the report at 1.1: %+v", s.Actions)
	}
}

func TestSettlingKeysOnAnEmptyListOfLastYearsActionsDoNothing(t *testing.T) {
	cfg := testConfig(t)
	// Last year's only action item was done: nothing is left to settle.
	prior := sessions.New(cfg.Set.ID, cfg.Set.Version)
	prior.Title, prior.Date = "Oplossingenlab 2025", "2025-11-20"
	prior.Actions = []sessions.ActionItem{{What: "Al gedaan", Done: true}}
	lastYear := writeReport(t, cfg, prior)
	s := sessions.New(cfg.Set.ID, cfg.Set.Version)
	s.Title, s.Date = "Reflectie 2026", "2026-11-22"
	path, err := store.Create(cfg.Dir, s.Date, s.Title)
	if err != nil {
		t.Fatal(err)
	}
	sessions.StartReflection(s, prior, sessions.RelativePath(path, lastYear))
	if err := store.WriteFile(path, report.Render(cfg.Set, s)); err != nil {
		t.Fatal(err)
	}
	cfg.Open = path
	app := New(cfg)
	app.Init()
	send(app, tea.WindowSizeMsg{Width: 80, Height: 24})
	t.Cleanup(func() { app.Close() })
	if app.screen != screenOverview {
		t.Fatalf("the reflection should open on the overview (screen %d)", app.screen)
	}
	for _, k := range []tea.KeyMsg{runes("p"), keyOf(tea.KeyDown), alt('d'), alt('g'), alt('d'), alt('v'), alt('o'), keyOf(tea.KeyUp), alt('d')} {
		send(app, k)
	}
	screen := ansi.Strip(app.View())
	if !strings.Contains(screen, "Er stonden vorig jaar geen open actiepunten.") || strings.Contains(screen, "Nieuwe datum") {
		t.Errorf("the empty list should say there is nothing to settle, without a date form:\n%s", screen)
	}
	if len(app.c.conv.Actions) != 0 {
		t.Errorf("nothing should have been carried over: %+v", app.c.conv.Actions)
	}
}
