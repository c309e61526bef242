package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/sessions/report"
)

func setsConfig(t *testing.T) Config {
	cfg := testConfig(t)
	cfg.Sets = content.Embedded()
	return cfg
}

// writeSetReport puts a report of set with one answer into the folder.
func writeSetReport(t *testing.T, dir, name string, set *content.Set) string {
	t.Helper()
	s := sessions.New(set.ID, set.Version)
	s.Title, s.Date = name, "2025-11-20"
	c := sessions.NewConversation(set, s)
	c.SetText(set.Stops()[0], "Vorig jaar gezegd bij "+name)
	os.MkdirAll(dir, 0o700)
	path := filepath.Join(dir, name+".md")
	if err := os.WriteFile(path, report.Render(set, s), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// A new conversation with the Intermezzo: the start screen offers the
// sets, shows what the one under the cursor is for, and the report names
// the chosen set; the screens ask its questions.
func TestANewConversationStartsWithTheSetChosenOnTheStartScreen(t *testing.T) {
	app := New(setsConfig(t))
	tm := teatest.NewTestModel(t, app, teatest.WithInitialTermSize(120, 40))
	waitScreen(t, tm, "3 vragensets: bij een nieuw gesprek of een reflectie kies je er een.")
	tm.Send(keyOf(tea.KeyEnter))
	waitScreen(t, tm, "Nieuw gesprek: kies de vragenset", "Randvoorwaarden en werkzame factoren (versie 1)", "Intermezzo Zorg in Onderwijstijd (versie 1)")
	tm.Send(keyOf(tea.KeyDown))
	tm.Send(keyOf(tea.KeyDown))
	waitScreen(t, tm, "Een kort gesprek tussendoor")
	tm.Send(keyOf(tea.KeyEnter))
	fillSetup(t, tm)
	tm.Send(keyOf(tea.KeyEnter))
	waitScreen(t, tm, "Wat kun jij hiermee voor je eigen situatie")
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlC})
	tm.WaitFinished(t)

	conv := app.Conversation()
	if conv == nil || conv.Set != content.EmbeddedSet("intermezzo") {
		t.Fatalf("the conversation does not use the chosen set")
	}
	data, err := os.ReadFile(app.ReportPath())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "intermezzo") || strings.Contains(string(data), "zio-gespreksmap") {
		t.Errorf("the report does not name the intermezzo set:\n%s", data)
	}
}

// A report is continued with the set it names, picked from the list like
// any other; a reflection chooses the set first and then offers last
// year's reports of that set only.
func TestAReportOfAnotherSetIsOpenedWithThatSetAndAReflectionOffersReportsOfItsSet(t *testing.T) {
	cfg := setsConfig(t)
	writeSetReport(t, cfg.Dir, "kort-gesprek", content.EmbeddedSet("intermezzo"))
	writeSetReport(t, cfg.Dir, "groot-gesprek", content.Default())

	app := New(cfg)
	tm := teatest.NewTestModel(t, app, teatest.WithInitialTermSize(120, 40))
	waitScreen(t, tm, "kort-gesprek · Intermezzo Zorg in Onderwijstijd (1 van 4 ingevuld)", "groot-gesprek (1 van 42 ingevuld)")
	// The reflection: choose the Gespreksmap, and only its report is offered.
	tm.Send(keyOf(tea.KeyDown))
	tm.Send(keyOf(tea.KeyEnter))
	waitScreen(t, tm, "Jaarlijkse reflectie: kies de vragenset")
	tm.Send(keyOf(tea.KeyEnter))
	waitScreen(t, tm, "Jaarlijkse reflectie: kies het verslag van vorig jaar (Gespreksmap Zorg in Onderwijstijd)")
	if view := app.start.View(); strings.Contains(view, "kort-gesprek") || !strings.Contains(view, "groot-gesprek") {
		t.Errorf("the reflection on the Gespreksmap offers other reports:\n%s", view)
	}
	// Back, and open the Intermezzo's report.
	tm.Send(keyOf(tea.KeyEsc))
	waitScreen(t, tm, "Nieuw gesprek beginnen")
	for range 3 {
		tm.Send(keyOf(tea.KeyDown))
	}
	// The keys reach the program on its own goroutine: wait until the
	// cursor is drawn on the row before looking at it.
	waitScreen(t, tm, "▸ 2025-11-20 kort-gesprek")
	if rows := app.start.list.Items(); app.start.list.Cursor() != 3 || rows[3].entry.SetID != "intermezzo" {
		t.Fatalf("cursor %d is not on the intermezzo report", app.start.list.Cursor())
	}
	tm.Send(keyOf(tea.KeyEnter))
	waitScreen(t, tm, "1 van 4 onderwerpen ingevuld", "Intermezzo")
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlC})
	tm.WaitFinished(t)
	conv := app.Conversation()
	if conv == nil || conv.Set != content.EmbeddedSet("intermezzo") {
		t.Fatal("the report is not continued with the set it names")
	}
	if a := conv.Answers["intermezzo.eigen-situatie"]; a == nil || a.Text != "Vorig jaar gezegd bij kort-gesprek" {
		t.Errorf("the answer is not under its question: %+v", a)
	}
}

// With one set (--set), the start screen names it and offers no choice.
func TestWithOneSetTheStartScreenNamesItAndGoesStraightToTheSetup(t *testing.T) {
	cfg := testConfig(t)
	cfg.Set = content.EmbeddedSet("randvoorwaarden")
	app := New(cfg)
	tm := teatest.NewTestModel(t, app, teatest.WithInitialTermSize(120, 40))
	waitScreen(t, tm, "Randvoorwaarden en werkzame factoren", "In regio Hart van Brabant krijgen kinderen")
	tm.Send(keyOf(tea.KeyEnter))
	waitScreen(t, tm, "Gespreksleider")
	if v := app.start.View(); strings.Contains(v, "vragensets") || strings.Contains(v, "Zorg in Onderwijstijd: samen") {
		t.Errorf("the start screen speaks of other sets:\n%s", v)
	}
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlC})
	tm.WaitFinished(t)
}
