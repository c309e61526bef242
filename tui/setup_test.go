package tui

import (
	"os"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"gespreksmap/sessions"
	"gespreksmap/sessions/store"
	"gespreksmap/tui/component"
)

// aReportWithParents writes a report, left at the overview, in which the
// parents' council has spoken for itself and holds an action item.
func aReportWithParents(t *testing.T, cfg Config) string {
	t.Helper()
	s := sessions.New(cfg.Set.ID, cfg.Set.Version)
	s.Title, s.Date = "Lab", "2026-11-22"
	s.Participants = []sessions.Participant{
		{Name: "Piet", Organisation: "Gemeente Noord", PartnerKind: "gemeente"},
		{Name: "Fatima", Organisation: "Ouderraad De Regenboog", PartnerKind: "oudervertegenwoordiging"},
	}
	a := s.Answer("bestuur.agenda")
	a.Text = "Het staat op de agenda."
	a.Perspectives = []sessions.Perspective{{Organisation: "Ouderraad De Regenboog", Text: "Ouders willen meepraten."}}
	s.Actions = []sessions.ActionItem{
		{What: "Ouderavond plannen", Who: "Ouderraad De Regenboog", When: "2027-02-01", QuestionID: "bestuur.agenda"},
		{What: "Brief sturen", Who: "Ouderraad De Regenboog en gemeente", QuestionID: "bestuur.agenda"},
	}
	return writeReport(t, cfg, s)
}

// waitFile waits until the file at path contains want.
func waitFile(t *testing.T, path, want string, d time.Duration) string {
	t.Helper()
	deadline := time.Now().Add(d)
	for {
		raw, err := os.ReadFile(path)
		if err == nil && strings.Contains(string(raw), want) {
			return string(raw)
		}
		if time.Now().After(deadline) {
			t.Fatalf("after %s the report still lacks %q:\n%s", d, want, raw)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// editParentsCouncil opens the participants from the overview and renames
// the parents' council, staying on that screen.
func editParentsCouncil(t *testing.T, tm *teatest.TestModel, name string) {
	t.Helper()
	waitScreen(t, tm, "Onderdelen")
	tm.Send(runes("d"))
	waitScreen(t, tm, "Gegevens en deelnemers")
	// Opened from the overview, the participants have focus.
	tm.Send(keyOf(tea.KeyDown)) // the second participant
	tm.Send(keyOf(tea.KeyEnter))
	waitScreen(t, tm, "Deelnemer wijzigen")
	tm.Send(keyOf(tea.KeyTab))
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlU})
	typeText(tm, name)
	tm.Send(keyOf(tea.KeyEnter)) // on to the partner kind
	tm.Send(keyOf(tea.KeyEnter)) // saves the participant
}

func TestAParticipantEditedIsSavedWithinASecondWithoutLeavingTheScreen(t *testing.T) {
	cfg := testConfig(t)
	path := aReportWithParents(t, cfg)
	cfg.Open = path
	app := New(cfg)
	tm := teatest.NewTestModel(t, app, teatest.WithInitialTermSize(120, 40))
	editParentsCouncil(t, tm, "Ouderraad MR Regenboog")
	waitScreen(t, tm, "Fatima · Ouderraad MR Regenboog")

	// The autosave ticks once a second; two seconds is ample.
	waitFile(t, path, "Ouderraad MR Regenboog", 2*time.Second)
	waitScreen(t, tm, "opgeslagen ")

	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlC})
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	if err := app.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestRenamingAnOrganisationTakesItsPerspectivesAndActionItemsAlong(t *testing.T) {
	cfg := testConfig(t)
	path := aReportWithParents(t, cfg)
	cfg.Open = path
	app := New(cfg)
	tm := teatest.NewTestModel(t, app, teatest.WithInitialTermSize(120, 40))
	editParentsCouncil(t, tm, "Ouderraad MR Regenboog")
	waitScreen(t, tm, "1 perspectief en 1 actiepunt van Ouderraad De Regenboog staan nu op naam van Ouderraad MR Regenboog.")

	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlC})
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	if err := app.Close(); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	out := string(raw)
	if strings.Contains(out, "Perspectief van Ouderraad De Regenboog") {
		t.Errorf("the perspective stayed under the old name:\n%s", out)
	}
	for _, want := range []string{
		"**Perspectief van Ouderraad MR Regenboog:**",
		"> Ouders willen meepraten.",
		"| Ouderavond plannen | Ouderraad MR Regenboog |",
		"| Brief sturen | Ouderraad De Regenboog en gemeente |",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
}

func TestAnOrganisationStillAtTheTableKeepsItsPerspectives(t *testing.T) {
	cfg := testConfig(t)
	s := sessions.New(cfg.Set.ID, cfg.Set.Version)
	s.Participants = []sessions.Participant{
		{Name: "Fatima", Organisation: "Ouderraad De Regenboog"},
		{Name: "Joost", Organisation: "Ouderraad De Regenboog"},
	}
	s.Answer("bestuur.agenda").Perspectives = []sessions.Perspective{{Organisation: "Ouderraad De Regenboog", Text: "Ja."}}
	app := New(cfg)
	app.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	app.startSession(s, nil)
	app.setup = newSetupScreen(app.c, app.c.conv)
	app.screen = screenSetup
	su := app.setup
	// Joost turns out to come from the school.
	su.focusList(1)
	send(app, keyOf(tea.KeyEnter))
	send(app, keyOf(tea.KeyTab))
	send(app, tea.KeyMsg{Type: tea.KeyCtrlU})
	send(app, runes("Basisschool De Regenboog"))
	send(app, keyOf(tea.KeyEnter))
	send(app, keyOf(tea.KeyEnter))
	if got := s.Participants[1].Organisation; got != "Basisschool De Regenboog" {
		t.Fatalf("the participant was not changed: %q", got)
	}
	if got := s.Answers["bestuur.agenda"].Perspectives[0].Organisation; got != "Ouderraad De Regenboog" {
		t.Errorf("Fatima's council still speaks for itself, but its perspective moved to %q", got)
	}
}

// A report that exists but is empty is refused on the start screen; the
// program could be killed right after a conversation begins.
func TestBeginningAConversationWritesItsReportAtOnce(t *testing.T) {
	cfg := testConfig(t)
	app := New(cfg)
	send(app, tea.WindowSizeMsg{Width: 100, Height: 30})
	st := sessions.NewStart(nil, "", time.Date(2026, 11, 22, 14, 0, 0, 0, time.UTC))
	st.Title = "Oplossingenlab"
	app.Update(beginMsg{start: st}) // its commands never run
	if _, err := store.Load(app.ReportPath(), cfg.Set); err != nil {
		t.Fatalf("the report right after beginning: %v", err)
	}
}

// d on the overview opens the details; a sentence typed there by mistake
// ("ok dat is af": its d opens them) must not run on into the title.
func TestTypingOnTheOverviewNeverRunsOnIntoTheTitle(t *testing.T) {
	cfg := testConfig(t)
	s := sessions.New(cfg.Set.ID, cfg.Set.Version)
	s.Title, s.Date = "Oplossingenlab", "2026-11-22"
	cfg.Open = writeReport(t, cfg, s)
	app := New(cfg)
	run(app, app.Init(), 0)
	send(app, tea.WindowSizeMsg{Width: 120, Height: 40})
	app.navigate(component.NavigateMsg{To: component.Overview})
	for _, r := range "ok dat is af" {
		send(app, runes(string(r)))
	}
	if app.c.conv.Title != "Oplossingenlab" {
		t.Errorf("typing on the overview changed the title to %q", app.c.conv.Title)
	}
}
