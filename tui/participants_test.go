package tui

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest"

	"gespreksmap/sessions"
	"gespreksmap/sessions/store"
	"gespreksmap/tui/participants"
	"gespreksmap/tui/phonetest"
)

// The six organisations at the table in these tests.
var tableOrgs = []string{"Gemeente Tilburg", "SWV Hart van Brabant", "Ouders", "Basisschool De Vlinder", "Zorgaanbieder Zon", "Zorgkantoor"}

// meetingWithPhones is a conversation under way at 1.1 with one participant
// of each of orgs, and a Config that starts the participants' page on the
// loopback.
func meetingWithPhones(t *testing.T, orgs ...string) (Config, string, <-chan *participants.Room) {
	t.Helper()
	cfg := testConfig(t)
	s := sessions.New(cfg.Set.ID, cfg.Set.Version)
	s.Title, s.Date = "Oplossingenlab 2026", "2026-11-22"
	for i, o := range orgs {
		s.Participants = append(s.Participants, sessions.Participant{Name: "Deelnemer " + string(rune('A'+i)), Organisation: o})
	}
	s.Current = "bestuur.agenda"
	cfg.Open = writeReport(t, cfg, s)
	start, rooms := phonetest.Loopback(t)
	cfg.Participants = start
	return cfg, cfg.Open, rooms
}

// finish quits with ctrl+c and closes the program as the command line does,
// and reads the report back.
func finish(t *testing.T, tm *teatest.TestModel, app *App) *sessions.Session {
	t.Helper()
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlC})
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	if err := app.Close(); err != nil {
		t.Fatal(err)
	}
	s, err := store.Load(app.ReportPath(), app.c.Set)
	if err != nil {
		t.Fatalf("the report does not read back: %v", err)
	}
	return s
}

// perspective is what org said at the stop of question id in s.
func perspective(s *sessions.Session, id, org string) string {
	a := s.Answers[id]
	if a == nil {
		return ""
	}
	for _, p := range a.Perspectives {
		if p.Organisation == org {
			return p.Text
		}
	}
	return ""
}

// screenUntil waits until the screen shows every text of want, and
// returns all that was drawn until then.
func screenUntil(t *testing.T, tm *teatest.TestModel, want ...string) string {
	t.Helper()
	var seen strings.Builder
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		seen.Write(b)
		out := ansi.Strip(string(b))
		for _, w := range want {
			if !strings.Contains(out, w) {
				return false
			}
		}
		return true
	}, teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	return ansi.Strip(seen.String())
}

func TestAPhoneJoinsFollowsTheStopSendsAndTheFacilitatorTakesItOverUnderTheRightStopAndOrganisation(t *testing.T) {
	cfg, _, rooms := meetingWithPhones(t, tableOrgs...)
	app := New(cfg)
	tm := teatest.NewTestModel(t, app, teatest.WithInitialTermSize(120, 40))
	waitScreen(t, tm, "1.1 (1/42)")

	tm.Send(keyOf(tea.KeyF6))
	room := phonetest.Room(t, rooms)
	waitScreen(t, tm, "Deelnemers: pagina voor telefoons", room.JoinCode())

	ouders := phonetest.Join(t, room.URL())
	ouders.Choose("Ouders")
	waitScreen(t, tm, "Verbonden: 1 deelnemer") // the sheet looks again every two seconds
	tm.Send(keyOf(tea.KeyEsc))
	ouders.WaitStop("1.1")

	// The facilitator goes on to 1.2: the page follows.
	tm.Send(keyOf(tea.KeyCtrlN))
	waitScreen(t, tm, "1.2 (2/42)")
	ouders.WaitStop("1.2")

	ouders.Send("Wij werken samen met de <b>buurtsportcoach</b>.")
	waitScreen(t, tm, "✉ 1 wacht")

	tm.Send(keyOf(tea.KeyF7))
	waitScreen(t, tm, "Bijdragen van deelnemers", "Ouders · bij 1.2")
	tm.Send(keyOf(tea.KeyEnter))
	waitScreen(t, tm, "Overgenomen als perspectief van Ouders bij 1.2.")
	if got := ouders.States(); len(got) != 1 || got[0] != "overgenomen" {
		t.Errorf("the phone shows %v, want [overgenomen]", got)
	}

	s := finish(t, tm, app)
	if got := perspective(s, "bestuur.partners", "Ouders"); got != "Wij werken samen met de <b>buurtsportcoach</b>." {
		t.Errorf("Ouders' perspective at 1.2 in the report: %q", got)
	}
	if got := perspective(s, "bestuur.agenda", "Ouders"); got != "" {
		t.Errorf("the perspective went to 1.1 too: %q", got)
	}
	if len(s.Contributions) != 0 {
		t.Errorf("the report still lists contributions: %+v", s.Contributions)
	}
}

func TestTakingOverGetsTheParticipantsLatestTextEditingFirstKeepsTheEditAndSetAsideStaysInTheReport(t *testing.T) {
	cfg, _, rooms := meetingWithPhones(t, tableOrgs...)
	app := New(cfg)
	tm := teatest.NewTestModel(t, app, teatest.WithInitialTermSize(120, 40))
	waitScreen(t, tm, "1.1 (1/42)")
	tm.Send(keyOf(tea.KeyF6))
	room := phonetest.Room(t, rooms)
	waitScreen(t, tm, room.JoinCode())
	tm.Send(keyOf(tea.KeyEsc))

	gemeente := phonetest.Join(t, room.URL())
	gemeente.Choose("Gemeente Tilburg")
	gemeente.WaitStop("1.1")
	gemeente.Send("Eerste versie.")
	waitScreen(t, tm, "✉ 1 wacht")
	// The participant changes it after it arrived, before it is taken over.
	if code := gemeente.Edit(gemeente.Mine()[0], "Tweede versie, na overleg."); code != 303 {
		t.Fatalf("editing: %d", code)
	}
	tm.Send(keyOf(tea.KeyF7))
	waitScreen(t, tm, "Gemeente Tilburg · bij 1.1")
	tm.Send(keyOf(tea.KeyEnter))
	waitScreen(t, tm, "Overgenomen als perspectief van Gemeente Tilburg bij 1.1.")

	// Edited first: the editor holds the latest text; what is typed is taken over.
	swv := phonetest.Join(t, room.URL())
	swv.Choose("SWV Hart van Brabant")
	swv.Send("Het SWV betaalt mee.")
	waitScreen(t, tm, "SWV Hart van Brabant · bij 1.1")
	swv.Edit(swv.Mine()[0], "Het SWV betaalt de helft.")
	tm.Send(runes("e"))
	waitScreen(t, tm, "Bijdrage van SWV Hart van Brabant bij 1.1 bewerken", "Het SWV betaalt de helft.")
	typeText(tm, " Vanaf 2027.")
	tm.Send(keyOf(tea.KeyEsc))
	waitScreen(t, tm, "Overgenomen als perspectief van SWV Hart van Brabant bij 1.1.")
	if code := swv.Edit(swv.Mine()[0], "Te laat gewijzigd."); code != 409 {
		t.Errorf("a contribution taken over can still be changed on the phone: %d", code)
	}

	// Set aside: it stays in the report, in its own section.
	ouders := phonetest.Join(t, room.URL())
	ouders.Choose("Ouders")
	ouders.Send("Dit hoort eigenlijk bij een andere vraag.")
	waitScreen(t, tm, "Ouders · bij 1.1")
	tm.Send(runes("t"))
	waitScreen(t, tm, "Terzijde gelegd")
	if got := ouders.States(); len(got) != 1 || got[0] != "terzijde gelegd" {
		t.Errorf("the phone shows %v, want [terzijde gelegd]", got)
	}

	s := finish(t, tm, app)
	if got := perspective(s, "bestuur.agenda", "Gemeente Tilburg"); got != "Tweede versie, na overleg." {
		t.Errorf("taken over without editing, the perspective is %q; want the participant's latest text", got)
	}
	if got := perspective(s, "bestuur.agenda", "SWV Hart van Brabant"); got != "Het SWV betaalt de helft. Vanaf 2027." {
		t.Errorf("edited first, the perspective is %q", got)
	}
	if len(s.Contributions) != 1 || s.Contributions[0].Organisation != "Ouders" || s.Contributions[0].State != sessions.ContributionSetAside ||
		s.Contributions[0].Text != "Dit hoort eigenlijk bij een andere vraag." || s.Contributions[0].QuestionID != "bestuur.agenda" {
		t.Errorf("the contribution set aside in the report: %+v", s.Contributions)
	}
	raw, _ := os.ReadFile(app.ReportPath())
	if !bytes.Contains(raw, []byte("terzijde gelegd")) || !bytes.Contains(raw, []byte("> Dit hoort eigenlijk bij een andere vraag.")) {
		t.Errorf("the report's section does not show it set aside:\n%s", raw)
	}
}

func TestQuittingWhileEditingAContributionTakesTheEditedTextOver(t *testing.T) {
	cfg, _, rooms := meetingWithPhones(t, tableOrgs...)
	app := New(cfg)
	tm := teatest.NewTestModel(t, app, teatest.WithInitialTermSize(120, 40))
	waitScreen(t, tm, "1.1 (1/42)")
	tm.Send(keyOf(tea.KeyF6))
	room := phonetest.Room(t, rooms)
	waitScreen(t, tm, room.JoinCode())
	tm.Send(keyOf(tea.KeyEsc))
	ouders := phonetest.Join(t, room.URL())
	ouders.Choose("Ouders")
	ouders.WaitStop("1.1")
	ouders.Send("Ouders willen meepraten.")
	waitScreen(t, tm, "✉ 1 wacht")
	tm.Send(keyOf(tea.KeyF7))
	waitScreen(t, tm, "Ouders · bij 1.1")
	tm.Send(runes("e"))
	waitScreen(t, tm, "Bijdrage van Ouders bij 1.1 bewerken")
	typeText(tm, " En meebeslissen.")
	waitScreen(t, tm, "En meebeslissen.")

	s := finish(t, tm, app)
	if got := perspective(s, "bestuur.agenda", "Ouders"); got != "Ouders willen meepraten. En meebeslissen." {
		t.Errorf("quitting in the editor, the perspective is %q; want the text as edited", got)
	}
	if len(s.Contributions) != 0 {
		t.Errorf("the contribution taken over still waits: %+v", s.Contributions)
	}
}

func TestAWritingRoundOfSixShowsOnlyTheCountUntilRevealedThenAllSixAreTakenOverAtOnce(t *testing.T) {
	cfg, _, rooms := meetingWithPhones(t, tableOrgs...)
	app := New(cfg)
	tm := teatest.NewTestModel(t, app, teatest.WithInitialTermSize(200, 50))
	waitScreen(t, tm, "1.1 (1/42)")
	tm.Send(keyOf(tea.KeyF6))
	room := phonetest.Room(t, rooms)
	waitScreen(t, tm, room.JoinCode())
	tm.Send(keyOf(tea.KeyEsc))
	tm.Send(keyOf(tea.KeyF8))
	waitScreen(t, tm, "Schrijfronde bij 1.1", "0 van 6 organisaties hebben ingestuurd")

	phones := make([]*phonetest.Phone, len(tableOrgs))
	for i, o := range tableOrgs {
		phones[i] = phonetest.Join(t, room.URL())
		phones[i].Choose(o)
		phones[i].WaitStop("1.1")
	}
	texts := []string{"Gemeente: regie.", "SWV: geld.", "Ouders: meepraten.", "School: rust.", "Zon: zorg.", "Kantoor: Wlz."}
	for i, p := range phones {
		p.Send(texts[i])
	}
	before := screenUntil(t, tm, "6 van 6 organisaties hebben ingestuurd")
	for _, text := range texts {
		if strings.Contains(before, text) {
			t.Errorf("%q was on screen before the round was revealed", text)
		}
	}
	// The projector's view says the same, and nothing more.
	tm.Send(keyOf(tea.KeyF5))
	projector := screenUntil(t, tm, "Schrijfronde", "6 van 6 organisaties hebben ingestuurd")
	for _, text := range texts {
		if strings.Contains(projector, text) {
			t.Errorf("%q was on the projector before the round was revealed", text)
		}
	}
	tm.Send(keyOf(tea.KeyF5))

	tm.Send(runes("v"))
	waitScreen(t, tm, texts[0], texts[1:]...)
	if got := phones[2].Page(); !strings.Contains(got, "SWV: geld.") {
		t.Error("revealed, the participants' page does not show the others' contributions")
	}
	tm.Send(runes("a"))
	waitScreen(t, tm, "6 bijdragen overgenomen")
	tm.Send(runes("x"))
	waitScreen(t, tm, "De schrijfronde is gesloten.")

	s := finish(t, tm, app)
	for i, o := range tableOrgs {
		if got := perspective(s, "bestuur.agenda", o); got != texts[i] {
			t.Errorf("%s's perspective at 1.1: %q, want %q", o, got, texts[i])
		}
	}
	if len(s.Contributions) != 0 {
		t.Errorf("contributions left in the report: %+v", s.Contributions)
	}
}

func TestQuittingWithContributionsWaitingLosesNoneAndReopeningOffersThemAgain(t *testing.T) {
	cfg, path, rooms := meetingWithPhones(t, tableOrgs...)
	app := New(cfg)
	tm := teatest.NewTestModel(t, app, teatest.WithInitialTermSize(120, 40))
	waitScreen(t, tm, "1.1 (1/42)")
	tm.Send(keyOf(tea.KeyF6))
	room := phonetest.Room(t, rooms)
	waitScreen(t, tm, room.JoinCode())
	tm.Send(keyOf(tea.KeyEsc))
	ouders := phonetest.Join(t, room.URL())
	ouders.Choose("Ouders")
	ouders.WaitStop("1.1")
	ouders.Send("Eerste bijdrage.")
	waitScreen(t, tm, "✉ 1 wacht")
	// The second is sent right before ctrl+c: whether or not the program
	// saw it arrive, quitting takes it in.
	ouders.Send("Vlak voor het einde.")

	s := finish(t, tm, app)
	if n, at := app.WaitingContributions(); n != 2 || len(at) != 1 || at[0] != "1.1" {
		t.Errorf("on leaving: %d waiting at %v, want 2 at [1.1]", n, at)
	}
	if len(s.Contributions) != 2 || s.Contributions[0].Text != "Eerste bijdrage." || s.Contributions[1].Text != "Vlak voor het einde." {
		t.Fatalf("the report on disk holds %+v", s.Contributions)
	}
	if left := room.Drain(); len(left) != 0 {
		t.Errorf("the page still held %d changes after the program quit", len(left))
	}
	if ouders.Answers() {
		t.Error("the participants' page still answers after the program quit")
	}

	// Reopened: the header counts them, and they can be taken over without
	// the page (it does not know them any more).
	cfg.Open = path
	again := New(cfg)
	tm = teatest.NewTestModel(t, again, teatest.WithInitialTermSize(120, 40))
	waitScreen(t, tm, "✉ 2 wachten")
	tm.Send(keyOf(tea.KeyF7))
	waitScreen(t, tm, "Eerste bijdrage.")
	tm.Send(keyOf(tea.KeyEnter))
	waitScreen(t, tm, "Overgenomen als perspectief van Ouders bij 1.1.")
	s = finish(t, tm, again)
	if got := perspective(s, "bestuur.agenda", "Ouders"); got != "Eerste bijdrage." {
		t.Errorf("after reopening, the perspective taken over: %q", got)
	}
	if len(s.Contributions) != 1 || s.Contributions[0].Text != "Vlak voor het einde." {
		t.Errorf("after reopening, the one left waiting: %+v", s.Contributions)
	}
}

func TestAWithdrawalLeavesTheListAGivenUpEditFreesItAndGJumpsToItsStopFromTheOverview(t *testing.T) {
	app, room := pageOpen(t, 120, 40)
	send(app, keyOf(tea.KeyEsc))
	ouders := phonetest.Join(t, room.URL())
	ouders.Choose("Ouders")
	ouders.Send("Dit trek ik weer in.")
	arrive(t, app, 1)
	if !strings.Contains(app.foot.Flashing(), "Nieuwe bijdrage van Ouders.") {
		t.Errorf("the arrival is not said: %q", app.foot.Flashing())
	}
	app.foot.ClearFlash()
	if v := screenText(app); !strings.Contains(v, "✉ 1 wacht") || !strings.Contains(v, "F7 bijdragen") {
		t.Fatalf("the header or the footer does not name the contribution:\n%s", v)
	}
	if code := ouders.Withdraw(ouders.Mine()[0]); code != 303 {
		t.Fatalf("withdrawing: %d", code)
	}
	deadline := time.Now().Add(5 * time.Second)
	for app.c.conv.WaitingCount() > 0 && time.Now().Before(deadline) {
		select {
		case <-room.Notify():
			send(app, arrivalMsg{room: room})
		case <-time.After(50 * time.Millisecond):
		}
	}
	if v := screenText(app); app.c.conv.WaitingCount() != 0 || !strings.Contains(v, "✉ 0 wachten") {
		t.Fatalf("the withdrawn contribution still waits:\n%s", v)
	}

	// Sent at 1.2; the facilitator is on the overview, opens the list and
	// goes to its stop with g.
	send(app, keyOf(tea.KeyCtrlN))
	ouders.WaitStop("1.2")
	ouders.Send("Hoort bij 1.2.")
	arrive(t, app, 1)
	send(app, keyOf(tea.KeyEsc))
	if app.screen != screenOverview {
		t.Fatalf("esc did not go to the overview (screen %d)", app.screen)
	}
	ouders.WaitStop("")
	send(app, keyOf(tea.KeyF7))
	app.foot.ClearFlash()
	if v := screenText(app); !strings.Contains(v, "1.2") || !strings.Contains(v, "g naar de vraag") {
		t.Fatalf("the list from the overview:\n%s", v)
	}
	send(app, runes("g"))
	app.foot.ClearFlash()
	if app.screen != screenQuestion || app.c.stops[app.pane.Stop()].Number() != "1.2" {
		t.Fatalf("g did not go to 1.2")
	}
	if v := screenText(app); !strings.Contains(v, "1.2 hier") || strings.Contains(v, "g naar de vraag") {
		t.Fatalf("at 1.2 the list shows the contribution as here:\n%s", v)
	}
	ouders.WaitStop("1.2")

	// Edited and given up: the participant can change it again.
	send(app, runes("e"))
	if got := ouders.States(); len(got) != 1 || got[0] != "overgenomen" {
		t.Fatalf("while edited here the phone shows %v, want it locked", got)
	}
	send(app, tea.KeyMsg{Type: tea.KeyCtrlX})
	if got := ouders.States(); len(got) != 1 || got[0] != "wacht" {
		t.Fatalf("given up, the phone shows %v, want [wacht]", got)
	}
	if code := ouders.Edit(ouders.Mine()[0], "Toch anders."); code != 303 {
		t.Fatalf("the participant cannot change it again: %d", code)
	}
	if _, ok := app.sheet.(*inbox); !ok {
		t.Fatalf("ctrl+x does not go back to the list (sheet %T)", app.sheet)
	}

	// F1 names the keys.
	send(app, keyOf(tea.KeyEsc), keyOf(tea.KeyF1))
	if app.overlay == nil || app.overlay.layout == nil {
		t.Fatal("F1 opened no help")
	}
	help := ansi.Strip(app.overlay.layout(120))
	for _, want := range []string{"F6", "deelnemers: pagina voor telefoons", "F7", "F8", "schrijfronde"} {
		if !strings.Contains(help, want) {
			t.Errorf("F1 does not name %q:\n%s", want, help)
		}
	}
}

func TestInAReportOpenedReadOnlyThePageDoesNotStartAndContributionsAreOnlyShown(t *testing.T) {
	cfg, path, _ := meetingWithPhones(t, tableOrgs...)
	s, err := store.Load(path, cfg.Set)
	if err != nil {
		t.Fatal(err)
	}
	s.Contributions = []sessions.Contribution{{ID: "k1", Organisation: "Ouders", QuestionID: "bestuur.agenda", Text: "Uit het verslag.", At: time.Date(2026, 11, 22, 13, 0, 0, 0, time.UTC)}}
	path = writeReport(t, cfg, s)
	cfg.Open, cfg.ReadOnly = path, true
	app := New(cfg)
	app.Init()
	send(app, tea.WindowSizeMsg{Width: 120, Height: 40})
	t.Cleanup(func() { app.Close() })
	send(app, keyOf(tea.KeyF6))
	if app.room.link != nil || !strings.Contains(app.foot.Flashing(), "Alleen lezen") {
		t.Fatalf("F6 in a read-only report: page %v, footer %q", app.room.link != nil, app.foot.Flashing())
	}
	send(app, keyOf(tea.KeyF7), keyOf(tea.KeyEnter))
	if app.c.conv.WaitingCount() != 1 || !strings.Contains(app.foot.Flashing(), "Alleen lezen") {
		t.Fatalf("enter took a contribution over in a read-only report (footer %q)", app.foot.Flashing())
	}
}

func TestClosingARoundLeavesWhatWasNotTakenOverWaitingAndSaysSo(t *testing.T) {
	app, room := pageOpen(t, 120, 40)
	send(app, keyOf(tea.KeyEsc), keyOf(tea.KeyF8))
	if _, ok := app.sheet.(*roundSheet); !ok {
		t.Fatalf("F8 on a question opens no round (sheet %T)", app.sheet)
	}
	gemeente, ouders := phonetest.Join(t, room.URL()), phonetest.Join(t, room.URL())
	gemeente.Choose("Gemeente Tilburg")
	ouders.Choose("Ouders")
	gemeente.Send("De gemeente: regie.")
	ouders.Send("Ouders: meepraten.")
	arrive(t, app, 2)
	if v := screenText(app); !strings.Contains(v, "2 van 6 organisaties hebben ingestuurd") || strings.Contains(v, "regie") {
		t.Fatalf("before revealing:\n%s", v)
	}
	send(app, runes("v"), keyOf(tea.KeyEnter))
	if v := screenText(app); !strings.Contains(v, "Gemeente Tilburg ✓") || !strings.Contains(v, "Ouders: meepraten.") {
		t.Fatalf("after taking the first over:\n%s", v)
	}
	send(app, runes("x"))
	if f := app.foot.Flashing(); !strings.Contains(f, "De schrijfronde is gesloten. Uit de ronde wacht nog 1 bijdrage") {
		t.Errorf("closing says %q", f)
	}
	if _, open := app.c.conv.CurrentRound(); open || app.c.conv.WaitingCount() != 1 {
		t.Errorf("after closing: round open %v, %d waiting", open, app.c.conv.WaitingCount())
	}
	if v := screenText(app); strings.Contains(v, "schrijfronde:") {
		t.Errorf("the header still shows the round:\n%s", v)
	}
}

func TestWithParticipantsAtOnceANewConversationStartsThePageAndShowsItsCode(t *testing.T) {
	cfg := testConfig(t)
	start, rooms := phonetest.Loopback(t)
	cfg.Participants, cfg.ParticipantsAtOnce = start, true
	app := New(cfg)
	app.Init()
	send(app, tea.WindowSizeMsg{Width: 120, Height: 40})
	t.Cleanup(func() { app.Close() })
	if app.room.link != nil {
		t.Fatal("the page started before a conversation was open")
	}
	st := sessions.NewStart(nil, "", cfg.Now())
	st.Title = "Nieuw gesprek"
	st.Participants = []sessions.Participant{{Name: "Mo", Organisation: "Ouders"}}
	send(app, beginMsg{start: st})
	room := phonetest.Room(t, rooms)
	if v := screenText(app); !strings.Contains(v, room.JoinCode()) {
		t.Fatalf("the new conversation does not show the page's code:\n%s", v)
	}
	p := phonetest.Join(t, room.URL())
	if !strings.Contains(p.Page(), "Ouders") {
		t.Error("the page does not offer the conversation's organisation")
	}
	// Another conversation opened: the page of this one stops, and one for
	// the other starts.
	other := sessions.New(cfg.Set.ID, cfg.Set.Version)
	other.Title, other.Date = "Ander gesprek", "2026-11-23"
	send(app, openReportMsg{path: writeReport(t, cfg, other)})
	if p.Answers() {
		t.Error("the page of the conversation before still answers")
	}
	if next := phonetest.Room(t, rooms); next == room || app.room.link == nil || app.room.link.Room != next {
		t.Error("no page of its own for the conversation opened next")
	}
}
