package tui

import (
	"reflect"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"gespreksmap/sessions"
	"gespreksmap/sessions/report"
	"gespreksmap/sessions/store"
)

// openRoom opens a yearly reflection under way: participants, two action
// items, and last year's three open action items still to settle.
func openRoom(t *testing.T) (*App, string) {
	t.Helper()
	cfg := testConfig(t)
	prior, err := store.Load(lastYear(t, cfg), cfg.Set)
	if err != nil {
		t.Fatal(err)
	}
	s := sessions.New(cfg.Set.ID, cfg.Set.Version)
	s.Title, s.Date = "Reflectie 2026", "2026-11-22"
	s.Participants = []sessions.Participant{
		{Name: "Piet Jansen", Organisation: "Gemeente Tilburg", PartnerKind: "gemeente"},
		{Name: "Els de Boer", Organisation: "SWV Hart van Brabant", PartnerKind: sessions.OtherPartnerKind},
	}
	s.Actions = []sessions.ActionItem{{What: "Agenda OOGO", Who: "Piet Jansen", When: "2027-03-01"}, {What: "Brief aan ouders"}}
	path, err := store.Create(cfg.Dir, s.Date, s.Title)
	if err != nil {
		t.Fatal(err)
	}
	sessions.StartReflection(s, prior, sessions.RelativePath(path, filepathOf(t, cfg, prior)))
	if err := store.WriteFile(path, report.Render(cfg.Set, s)); err != nil {
		t.Fatal(err)
	}
	cfg.Open = path
	app := New(cfg)
	app.Init()
	send(app, tea.WindowSizeMsg{Width: 120, Height: 40})
	t.Cleanup(func() { app.Close() })
	return app, path
}

// filepathOf is where lastYear wrote last year's report.
func filepathOf(t *testing.T, cfg Config, prior *sessions.Session) string {
	t.Helper()
	es, err := store.ListNamed(cfg.Dir, store.Pick(cfg.Set))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		if e.Title == prior.Title {
			return e.Path
		}
	}
	t.Fatal("last year's report is not in the folder")
	return ""
}

// typeOn types s key by key, as someone who thinks the text goes here.
func typeOn(app *App, s string) {
	for _, r := range s {
		if r == ' ' {
			send(app, tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}})
			continue
		}
		send(app, runes(string(r)))
	}
}

func screenText(app *App) string { return ansi.Strip(app.View()) }

func TestTypingASentenceOnAnyListOfTheRootChangesNothingAndSaysWhereTypingGoes(t *testing.T) {
	const sentence = "ok dat is af"
	app, _ := openRoom(t)
	conv := app.c.conv
	before := conv.Clone()
	rev := conv.Revision()
	check := func(app *App, where string, cursor func() int) {
		t.Helper()
		at := cursor()
		typeOn(app, sentence)
		if conv.Revision() != rev || !reflect.DeepEqual(conv.Clone(), before) {
			t.Errorf("%s: typing %q changed the conversation", where, sentence)
		}
		if cursor() != at {
			t.Errorf("%s: typing moved the cursor from %d to %d", where, at, cursor())
		}
		if out := screenText(app); !strings.Contains(out, "Typen verandert hier niets") {
			t.Errorf("%s: no hint that typing does nothing here:\n%s", where, out)
		}
	}

	// Last year's action items, the cursor on the second.
	send(app, runes("p"))
	if app.screen != screenPriorActions {
		t.Fatalf("p should open last year's action items (screen %d)", app.screen)
	}
	send(app, keyOf(tea.KeyDown))
	check(app, "last year's action items", app.prior.list.Cursor)
	send(app, keyOf(tea.KeyEsc))

	// Every action item, the cursor on the first.
	send(app, runes("a"))
	if app.screen != screenActions {
		t.Fatalf("a should open the action items (screen %d)", app.screen)
	}
	check(app, "action items", app.actions.list.Cursor)
	if app.screen != screenActions || app.actions.edit != nil {
		t.Errorf("typing left the list of action items or opened the form")
	}
	send(app, keyOf(tea.KeyEsc))

	// The participants.
	send(app, runes("d"))
	if app.screen != screenSetup || app.setup.focus != focusPeople {
		t.Fatalf("the details opened from the overview should start on the participants (screen %d)", app.screen)
	}
	check(app, "participants", app.setup.people.Cursor)
	if app.setup.person != nil {
		t.Errorf("typing opened the participant form")
	}
	send(app, keyOf(tea.KeyEsc))

	// The start screen, listing the two reports in the folder.
	cfg := app.c.cfg
	cfg.Open = ""
	start := New(cfg)
	send(start, tea.WindowSizeMsg{Width: 120, Height: 40}, start.Init()())
	send(start, keyOf(tea.KeyDown), keyOf(tea.KeyDown))
	check(start, "start", start.start.list.Cursor)
	if start.screen != screenStart || start.c.conv != nil {
		t.Errorf("typing left the start screen (screen %d)", start.screen)
	}
}

func TestTheRootsListsChangeDataOnlyWithExplicitKeys(t *testing.T) {
	app, _ := openRoom(t)
	conv := app.c.conv
	send(app, runes("a"))
	send(app, tea.KeyMsg{Type: tea.KeyCtrlD})
	if !conv.Actions[0].Done {
		t.Fatalf("ctrl+d should tick off the first action item: %+v", conv.Actions[0])
	}
	send(app, keyOf(tea.KeyDelete))
	if len(conv.Actions) != 2 || !strings.Contains(screenText(app), "Nogmaals delete") {
		t.Fatalf("the first delete only asks:\n%s", screenText(app))
	}
	send(app, keyOf(tea.KeyDelete))
	if len(conv.Actions) != 1 || conv.Actions[0].What != "Brief aan ouders" {
		t.Fatalf("the second delete deletes: %+v", conv.Actions)
	}
	send(app, keyOf(tea.KeyEsc), runes("p"), keyOf(tea.KeyDown), alt('v'))
	if o := conv.PriorActions[1].Outcome; o != sessions.OutcomeDropped {
		t.Fatalf("alt+v drops the item under the cursor: %v", o)
	}
	// The cursor stays on the item decided; the next decision is for it too.
	if app.prior.list.Cursor() != 1 {
		t.Errorf("a decision moved the cursor to %d", app.prior.list.Cursor())
	}
	send(app, alt('g'))
	if conv.PriorActions[1].Outcome != sessions.OutcomeDone || conv.PriorActions[2].Outcome != sessions.OutcomeOpen {
		t.Errorf("a second decision is for the same item: %+v", conv.PriorActions)
	}
}

func TestTheActionFormPicksAParticipantAndTakesADateOrWords(t *testing.T) {
	app, _ := openRoom(t)
	conv := app.c.conv
	send(app, runes("a"), tea.KeyMsg{Type: tea.KeyCtrlR})
	if app.actions.edit == nil {
		t.Fatal("ctrl+r should open the action form")
	}
	typeOn(app, "Verslag rondsturen")
	send(app, keyOf(tea.KeyTab))
	if out := screenText(app); !strings.Contains(out, "→ kiest: Piet Jansen · Els de Boer · Gemeente Tilburg · SWV Hart van Brabant") {
		t.Fatalf("wie should offer the participants and their organisations:\n%s", out)
	}
	typeOn(app, "el")
	send(app, keyOf(tea.KeyRight), keyOf(tea.KeyTab))
	typeOn(app, "31-02-2027")
	send(app, keyOf(tea.KeyEnter))
	if out := screenText(app); app.actions.edit == nil || !strings.Contains(out, `"31-02-2027" is geen bestaande datum`) {
		t.Fatalf("31-02-2027 should be refused with a message, the form still open:\n%s", out)
	}
	send(app, keyOf(tea.KeyEsc)) // esc keeps the form too while the date is wrong
	if app.actions.edit == nil || len(conv.Actions) != 2 {
		t.Fatalf("esc should not save a wrong date: %+v", conv.Actions)
	}
	send(app, tea.KeyMsg{Type: tea.KeyCtrlU})
	typeOn(app, "voor de zomer")
	send(app, keyOf(tea.KeyEnter))
	if app.actions.edit != nil || len(conv.Actions) != 3 {
		t.Fatalf("voor de zomer should be taken and the item saved: %+v", conv.Actions)
	}
	got := conv.Actions[2]
	if got.What != "Verslag rondsturen" || got.Who != "Els de Boer" || got.When != "voor de zomer" {
		t.Errorf("the item saved: %+v", got)
	}
}
