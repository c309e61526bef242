package tui

import (
	"os"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest"

	"gespreksmap/sessions"
	"gespreksmap/sessions/store"
)

// lastYear writes a report as it stood a year ago.
func lastYear(t *testing.T, cfg Config) string {
	t.Helper()
	s := sessions.New(cfg.Set.ID, cfg.Set.Version)
	s.Title, s.Region, s.Date, s.Facilitator = "Oplossingenlab 2025", "Hart van Brabant", "2025-11-20", "Anna"
	s.Participants = []sessions.Participant{{Name: "Piet", Organisation: "Gemeente Tilburg", PartnerKind: "gemeente", Signs: true, Function: "wethouder"}}
	a := s.Answer("bestuur.agenda")
	a.Status, a.Text = sessions.StatusNotYet, "Nog niet op de agenda."
	k := s.Answer("kinderen.aantallen")
	k.Counts = map[string]int{"ondersteuning": 10}
	s.Actions = []sessions.ActionItem{
		{What: "Visie opschrijven", Who: "SWV", When: "2026-03-01", QuestionID: "bestuur.uitwerking"},
		{What: "Vervoer evalueren", Who: "Gemeente", When: "2026-06-01", QuestionID: "financiering.vervoer"},
		{What: "Ouderavond", Who: "School", When: "2026-02-01", QuestionID: "ouders.overleg"},
		{What: "Al gedaan vorig jaar", Done: true},
	}
	return writeReport(t, cfg, s)
}

func TestAYearlyReflectionShowsLastYearSettlesItsActionsAndSaysWhatChanged(t *testing.T) {
	cfg := testConfig(t)
	cfg.Baseline = lastYear(t, cfg)
	cfg.Now = func() time.Time { return time.Date(2026, 11, 22, 14, 0, 0, 0, time.UTC) }
	app := New(cfg)
	tm := teatest.NewTestModel(t, app, teatest.WithInitialTermSize(120, 40))

	// The partnership and participants are taken over; only the title changes.
	waitScreen(t, tm, "Piet · Gemeente Tilburg · Gemeente(n) · tekent als wethouder")
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlU}) // clear last year's title
	typeText(tm, "Reflectie 2026")
	for range 5 {
		tm.Send(keyOf(tea.KeyTab))
	}
	tm.Send(keyOf(tea.KeyEnter))

	// Last year's three open action items: done, carried over, dropped.
	waitScreen(t, tm, "Actiepunten van vorig jaar")
	// A decision settles the item under the cursor and leaves the cursor
	// there: the next item is one key down.
	tm.Send(alt('g'))
	tm.Send(keyOf(tea.KeyDown))
	tm.Send(alt('d'))
	waitScreen(t, tm, "Nieuwe datum")
	tm.Send(keyOf(tea.KeyEnter)) // carried over without a date is refused
	waitScreen(t, tm, "Geef een nieuwe datum")
	typeText(tm, "2027-06-01")
	tm.Send(keyOf(tea.KeyEnter))
	waitScreen(t, tm, "doorgeschoven (nieuwe datum: 2027-06-01)")
	tm.Send(keyOf(tea.KeyDown))
	tm.Send(alt('v'))
	waitScreen(t, tm, "vervallen")
	tm.Send(keyOf(tea.KeyEnter))
	waitScreen(t, tm, "Onderdelen")

	// At 1.1 last year's answer stands beside the question; ctrl+y takes it over.
	tm.Send(keyOf(tea.KeyEnter))
	waitScreen(t, tm, "Vorig jaar (2025-11-20): nog niet — Nog niet op de agenda.")
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlB}) // last year's whole answer
	waitScreen(t, tm, "Uit het verslag van 2025-11-20: Oplossingenlab 2025")
	tm.Send(keyOf(tea.KeyEsc))
	waitScreen(t, tm, "1.1 Staat de")
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlY})
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlE}) // end of the line
	typeText(tm, " Nu wel: sinds mei staat het erop.")
	tm.Send(alt('1'))

	// At 5.5, last year's carried action item stands beside the question.
	tm.Send(keyOf(tea.KeyEsc))
	waitScreen(t, tm, "Onderdelen")
	tm.Send(runes("5"))
	waitScreen(t, tm, "5.1 (32/42)")
	// Four quick steps, as a held key sends them, before any is shown.
	for range 4 {
		tm.Send(tea.KeyMsg{Type: tea.KeyCtrlN})
	}
	waitScreen(t, tm, "Actiepunt van vorig jaar: Vervoer evalueren (Gemeente, 2026-06-01): doorgeschoven")

	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlC})
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	if err := app.Close(); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(app.ReportPath())
	if err != nil {
		t.Fatal(err)
	}
	report := string(raw)
	s, err := store.Load(app.ReportPath(), cfg.Set)
	if err != nil {
		t.Fatal(err)
	}
	if s.Title != "Reflectie 2026" || s.Region != "Hart van Brabant" || len(s.Participants) != 1 {
		t.Errorf("taken over from last year: %q %q %+v", s.Title, s.Region, s.Participants)
	}
	if s.Prior == nil || s.Prior.Date != "2025-11-20" {
		t.Fatalf("the report should name last year's as its baseline (got %q)", s.Baseline)
	}
	if a := s.Answers["bestuur.agenda"]; a == nil || a.Text != "Nog niet op de agenda. Nu wel: sinds mei staat het erop." || a.Status != sessions.StatusDone {
		t.Errorf("1.1: %+v", a)
	}
	outcomes := map[string]sessions.Outcome{}
	for _, pa := range s.PriorActions {
		outcomes[pa.Item.What] = pa.Outcome
	}
	want := map[string]sessions.Outcome{"Visie opschrijven": sessions.OutcomeDone, "Vervoer evalueren": sessions.OutcomeCarried, "Ouderavond": sessions.OutcomeDropped}
	for what, o := range want {
		if outcomes[what] != o {
			t.Errorf("last year's %q: outcome %q, want %q", what, outcomes[what], o)
		}
	}
	if len(outcomes) != 3 {
		t.Errorf("only last year's open items are settled: %v", outcomes)
	}
	if len(s.Actions) != 1 || s.Actions[0].What != "Vervoer evalueren" || s.Actions[0].When != "2027-06-01" || !s.Actions[0].Carried {
		t.Errorf("the carried item belongs to this year's list with its new date: %+v", s.Actions)
	}
	for _, want := range []string{
		"Wat is er veranderd sinds 20 november 2025",
		"nog niet → geregeld",
	} {
		if !strings.Contains(report, want) {
			t.Errorf("report lacks %q", want)
		}
	}
}

// reflectionAt opens the question screen of a yearly reflection on last
// year's report, at the first question.
func reflectionAt(t *testing.T, w, h int) *App {
	t.Helper()
	cfg := testConfig(t)
	prior, err := store.Load(lastYear(t, cfg), cfg.Set)
	if err != nil {
		t.Fatal(err)
	}
	s := sessions.New(cfg.Set.ID, cfg.Set.Version)
	sessions.StartReflection(s, prior, "vorig-jaar.md")
	app := New(cfg)
	send(app, tea.WindowSizeMsg{Width: w, Height: h})
	app.startSession(s, nil)
	app.openQuestion(0)
	return app
}

func TestTakingOverLastYearsAnswerTwiceAddsItOnce(t *testing.T) {
	app := reflectionAt(t, 100, 30)
	send(app, tea.KeyMsg{Type: tea.KeyCtrlY})
	send(app, tea.KeyMsg{Type: tea.KeyCtrlY})
	if !strings.Contains(ansi.Strip(app.View()), "Het antwoord van vorig jaar staat hier al; er is niets toegevoegd.") {
		t.Errorf("the second ctrl+y should say the answer is there already:\n%s", ansi.Strip(app.View()))
	}
	app.pane.Flush()
	if got := app.c.conv.Answers["bestuur.agenda"].Text; got != "Nog niet op de agenda." {
		t.Errorf("answer after two ctrl+y: %q", got)
	}
}

func TestTheKeyHelpNamesLastYearsKeysOnlyInAYearlyReflection(t *testing.T) {
	cfg := testConfig(t)
	app := New(cfg)
	send(app, tea.WindowSizeMsg{Width: 100, Height: 60})
	app.startSession(sessions.New(cfg.Set.ID, cfg.Set.Version), nil)
	app.openQuestion(0)
	send(app, tea.KeyMsg{Type: tea.KeyF1})
	help := ansi.Strip(app.View())
	if !strings.Contains(help, "perspectief toevoegen") {
		t.Fatalf("F1 shows no key help:\n%s", help)
	}
	if strings.Contains(help, "ctrl+y") || strings.Contains(help, "ctrl+b") {
		t.Errorf("without last year's report, F1 names keys that do nothing:\n%s", help)
	}

	app = reflectionAt(t, 100, 60)
	send(app, tea.KeyMsg{Type: tea.KeyF1})
	help = ansi.Strip(app.View())
	for _, want := range []string{"ctrl+b", "antwoord van vorig jaar lezen", "ctrl+y", "antwoord van vorig jaar overnemen"} {
		if !strings.Contains(help, want) {
			t.Errorf("in a reflection F1 should name %q:\n%s", want, help)
		}
	}
}

func TestTheOverviewOfAReflectionShowsLastYearsCountsBesideThisYears(t *testing.T) {
	app := reflectionAt(t, 120, 60)
	// This year 1.1 is settled; last year it was "nog niet".
	app.c.conv.Answer("bestuur.agenda").Status = sessions.StatusDone
	send(app, keyOf(tea.KeyEsc))
	view := ansi.Strip(app.View())
	lines := strings.Split(view, "\n")
	at := -1
	for i, l := range lines {
		if at < 0 && strings.Contains(l, "1. "+app.c.Set.Sections[0].Title) {
			at = i
		}
	}
	if at < 0 || at+2 >= len(lines) {
		t.Fatalf("no first section in the overview:\n%s", view)
	}
	if !strings.Contains(lines[at+1], "geregeld 1") {
		t.Errorf("this year's count under section 1: %q", lines[at+1])
	}
	if want := "vorig jaar: geregeld 0 · deels 0 · nog niet 1"; !strings.Contains(lines[at+2], want) {
		t.Errorf("last year's counts under section 1: %q, want %q\n%s", lines[at+2], want, view)
	}
	if n := strings.Count(view, "vorig jaar: geregeld"); n != len(app.c.Set.Sections) {
		t.Errorf("last year's counts shown for %d sections, want %d", n, len(app.c.Set.Sections))
	}

	// Without last year's report, no such line.
	cfg := testConfig(t)
	plain := New(cfg)
	send(plain, tea.WindowSizeMsg{Width: 120, Height: 60})
	plain.startSession(sessions.New(cfg.Set.ID, cfg.Set.Version), nil)
	plain.openQuestion(0)
	send(plain, keyOf(tea.KeyEsc))
	if v := ansi.Strip(plain.View()); !strings.Contains(v, "Onderdelen") || strings.Contains(v, "vorig jaar:") {
		t.Errorf("a first conversation shows last year's counts:\n%s", v)
	}
}

func TestACarriedOverActionItemGetsItsNewOwnerPickedFromThisYearsParticipants(t *testing.T) {
	cfg := testConfig(t)
	cfg.Baseline = lastYear(t, cfg)
	cfg.Now = func() time.Time { return time.Date(2026, 11, 22, 14, 0, 0, 0, time.UTC) }
	app := New(cfg)
	tm := teatest.NewTestModel(t, app, teatest.WithInitialTermSize(120, 40))

	waitScreen(t, tm, "Piet · Gemeente Tilburg")
	for range 5 {
		tm.Send(keyOf(tea.KeyTab))
	}
	tm.Send(keyOf(tea.KeyEnter))
	waitScreen(t, tm, "Actiepunten van vorig jaar")
	tm.Send(keyOf(tea.KeyDown)) // Vervoer evalueren, last year the Gemeente's
	tm.Send(alt('d'))
	waitScreen(t, tm, "Wie nu")
	typeText(tm, "2027-06-01")
	tm.Send(keyOf(tea.KeyTab))
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlU}) // last year's owner out
	typeText(tm, "pi")
	tm.Send(keyOf(tea.KeyRight)) // picks this year's participant
	waitScreen(t, tm, "Piet")
	tm.Send(keyOf(tea.KeyEnter))
	waitScreen(t, tm, "doorgeschoven (nieuwe datum: 2027-06-01)")

	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlC})
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	if err := app.Close(); err != nil {
		t.Fatal(err)
	}
	s, err := store.Load(app.ReportPath(), cfg.Set)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Actions) != 1 || s.Actions[0].What != "Vervoer evalueren" || s.Actions[0].Who != "Piet" || s.Actions[0].When != "2027-06-01" || !s.Actions[0].Carried {
		t.Errorf("the carried item belongs to this year's list with its new owner and date: %+v", s.Actions)
	}
	for _, pa := range s.PriorActions {
		if pa.Item.What == "Vervoer evalueren" && (pa.Item.Who != "Gemeente" || pa.Outcome != sessions.OutcomeCarried) {
			t.Errorf("last year's item keeps last year's owner: %+v", pa)
		}
	}
}
