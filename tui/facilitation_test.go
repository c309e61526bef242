package tui

import (
	"archive/zip"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/sessions/report"
	"gespreksmap/sessions/store"
	"gespreksmap/tui/component"
	"gespreksmap/tui/question"
)

// openMeeting opens a conversation under way with participants of three
// organisations, on a clock the test moves.
func openMeeting(t *testing.T, now *time.Time) (*App, string) {
	t.Helper()
	cfg := testConfig(t)
	cfg.Now = func() time.Time { return *now }
	s := sessions.New(cfg.Set.ID, cfg.Set.Version)
	s.Title, s.Date = "Oplossingenlab 2026", "2026-11-22"
	s.Participants = []sessions.Participant{
		{Name: "Piet Jansen", Organisation: "Gemeente Tilburg", PartnerKind: "gemeente"},
		{Name: "Els de Boer", Organisation: "SWV Hart van Brabant", PartnerKind: sessions.OtherPartnerKind},
		{Name: "Kees Smit", Organisation: "Gemeente Tilburg", PartnerKind: "gemeente"},
		{Name: "Ans Vos", Organisation: "Zorgkantoor"},
	}
	cfg.Open = writeReport(t, cfg, s)
	app := New(cfg)
	app.Init()
	send(app, tea.WindowSizeMsg{Width: 120, Height: 40})
	t.Cleanup(func() { app.Close() })
	return app, cfg.Open
}

// firstOpenStop is the first stop from section si on with an open
// question.
func firstOpenStop(t *testing.T, app *App, si int) int {
	t.Helper()
	for i, st := range app.c.stops {
		if st.SectionIndex >= si && st.Question.Kind == content.KindOpen && st.Part == nil {
			return i
		}
	}
	t.Fatalf("section %d has no open question", si)
	return -1
}

// toAnswer opens stop i and puts focus on its answer.
func toAnswer(t *testing.T, app *App, i int) {
	t.Helper()
	send(app, component.NavigateMsg{To: component.Question, Stop: i})
	for range 6 {
		if app.pane.(*question.Screen).Focus() == "antwoord" {
			return
		}
		send(app, keyOf(tea.KeyTab))
	}
	t.Fatalf("no answer field at stop %d", i)
}

// saved saves now and reads the report back from disk.
func saved(t *testing.T, app *App, path string) (string, *sessions.Session) {
	t.Helper()
	send(app, autosaveMsg{})
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s, err := store.Load(path, app.c.Set)
	if err != nil {
		t.Fatal(err)
	}
	return string(raw), s
}

func TestParkingARemarkWhileTypingKeepsTheAnswerAndShowsOnTheOverviewAndInTheReport(t *testing.T) {
	now := time.Date(2026, 11, 22, 14, 37, 0, 0, time.UTC)
	app, path := openMeeting(t, &now)
	conv := app.c.conv
	i := firstOpenStop(t, app, 2)
	toAnswer(t, app, i)
	typeOn(app, "Wij kennen de")
	send(app, tea.KeyMsg{Type: tea.KeyCtrlL})
	if app.prompt == nil || !strings.Contains(screenText(app), "Parkeren (bij "+app.c.stops[i].Number()+")") {
		t.Fatalf("ctrl+l should open the parking line for this stop:\n%s", screenText(app))
	}
	typeOn(app, "Vervoer later met de gemeente")
	send(app, keyOf(tea.KeyEnter))
	if app.prompt != nil || len(conv.Parked) != 1 {
		t.Fatalf("enter should park the remark and close the line: %+v", conv.Parked)
	}
	if r := conv.Parked[0]; r.Text != "Vervoer later met de gemeente" || r.QuestionID != app.c.stops[i].Question.ID {
		t.Errorf("parked: %+v", r)
	}
	// Typing goes on in the answer as if nothing happened.
	typeOn(app, " aantallen")
	app.flush()
	if got := conv.Answers[app.c.stops[i].Question.ID].Text; got != "Wij kennen de aantallen" {
		t.Errorf("the answer after parking is %q", got)
	}
	// F3 parks too; esc with words typed parks them rather than losing them.
	send(app, keyOf(tea.KeyF3))
	typeOn(app, "Rol zorgkantoor")
	send(app, keyOf(tea.KeyEsc))
	if len(conv.Parked) != 2 || app.screen != screenQuestion {
		t.Fatalf("esc should park the words and stay on the question: %+v (screen %d)", conv.Parked, app.screen)
	}

	send(app, keyOf(tea.KeyEsc))
	out := screenText(app)
	place := "bij " + app.c.stops[i].Number()
	if !strings.Contains(out, "Parkeerplaats   2 open") || !strings.Contains(out, "[ ] Vervoer later met de gemeente — "+place) {
		t.Fatalf("the overview should list the parked remarks:\n%s", out)
	}
	// A general remark from the overview, then one resolved with ctrl+d.
	send(app, tea.KeyMsg{Type: tea.KeyCtrlL})
	typeOn(app, "Pauze om drie uur")
	send(app, keyOf(tea.KeyEnter))
	if r := conv.Parked[2]; r.QuestionID != "" || !strings.Contains(screenText(app), "[ ] Pauze om drie uur — algemeen") {
		t.Fatalf("a remark parked on the overview is general: %+v\n%s", r, screenText(app))
	}
	for app.overview.parkedHere() != 1 {
		send(app, keyOf(tea.KeyDown))
	}
	send(app, tea.KeyMsg{Type: tea.KeyCtrlD})
	if !conv.Parked[1].Resolved || !strings.Contains(screenText(app), "2 open") {
		t.Fatalf("ctrl+d should mark the remark dealt with: %+v", conv.Parked[1])
	}
	send(app, keyOf(tea.KeyEnter), tea.KeyMsg{Type: tea.KeyCtrlU})
	typeOn(app, "Rol zorgkantoor in 2027")
	send(app, keyOf(tea.KeyEnter))
	if conv.Parked[1].Text != "Rol zorgkantoor in 2027" {
		t.Fatalf("enter on a remark should change its words: %+v", conv.Parked[1])
	}

	raw, s := saved(t, app, path)
	if !strings.Contains(raw, "## Parkeerplaats") || !strings.Contains(raw, "| Vervoer later met de gemeente | "+app.c.stops[i].Number()) || !strings.Contains(raw, "2026-11-22 14:37") {
		t.Fatalf("the report should list the parked remarks:\n%s", raw)
	}
	if len(s.Parked) != 3 || !s.Parked[1].Resolved || s.Parked[2].Text != "Pauze om drie uur" {
		t.Errorf("the report read back: %+v", s.Parked)
	}

	// Next year's reflection takes the open remarks over, marked as last
	// year's; the one dealt with stays behind.
	cfg := app.c.cfg
	next := sessions.New(cfg.Set.ID, cfg.Set.Version)
	next.Title, next.Date = "Reflectie 2027", "2027-11-22"
	npath, err := store.Create(cfg.Dir, next.Date, next.Title)
	if err != nil {
		t.Fatal(err)
	}
	sessions.StartReflection(next, s, sessions.RelativePath(npath, path))
	if err := store.WriteFile(npath, report.Render(cfg.Set, next)); err != nil {
		t.Fatal(err)
	}
	cfg.Open = npath
	ny := New(cfg)
	ny.Init()
	t.Cleanup(func() { ny.Close() })
	send(ny, tea.WindowSizeMsg{Width: 120, Height: 40})
	out = screenText(ny)
	if !strings.Contains(out, "[ ] Vervoer later met de gemeente — "+place+" · van vorig jaar") || !strings.Contains(out, "Pauze om drie uur — algemeen · van vorig jaar") {
		t.Fatalf("next year's overview should list last year's open remarks:\n%s", out)
	}
	if strings.Contains(out, "Rol zorgkantoor") {
		t.Errorf("a remark dealt with is not carried over:\n%s", out)
	}
}

func TestTheTimeboxTurnsTheHeaderRedAtZeroWithoutInterruptingAndTheReportHasPlannedAndSpent(t *testing.T) {
	lipgloss.SetColorProfile(termenv.TrueColor)
	t.Cleanup(func() { lipgloss.SetColorProfile(termenv.Ascii) })
	now := time.Date(2026, 11, 22, 14, 0, 0, 0, time.UTC)
	app, path := openMeeting(t, &now)
	conv := app.c.conv
	// m on the overview plans the section under the cursor.
	send(app, runes("m"))
	if app.prompt == nil {
		t.Fatal("m should ask the minutes of the section")
	}
	typeOn(app, "x")
	send(app, keyOf(tea.KeyEnter))
	if app.prompt == nil || !strings.Contains(screenText(app), "geef een aantal minuten") {
		t.Fatalf("minutes must be a number:\n%s", screenText(app))
	}
	send(app, keyOf(tea.KeyBackspace))
	typeOn(app, "2")
	send(app, keyOf(tea.KeyEnter))
	if conv.Planned(0) != 2 || !strings.Contains(screenText(app), "⏱ 0/2 min") {
		t.Fatalf("the plan should be 2 minutes and shown on the overview (%d):\n%s", conv.Planned(0), screenText(app))
	}

	toAnswer(t, app, firstOpenStop(t, app, 0))
	header := func() string { return strings.SplitN(app.View(), "\n", 2)[0] }
	st := app.c.St
	if h := header(); !strings.Contains(h, st.HeaderDim.Render("nog 2 min")) {
		t.Fatalf("the header should show the time left, calmly: %q", h)
	}
	for range 90 {
		now = now.Add(time.Second)
		send(app, clockMsg{})
	}
	if h := header(); !strings.Contains(h, st.HeaderDim.Render("nog 1 min")) {
		t.Fatalf("after 90 s: %q", h)
	}
	typeOn(app, "Het staat")
	for range 40 {
		now = now.Add(time.Second)
		send(app, clockMsg{})
	}
	// At zero: the colour changes, nothing else does.
	if tb, late := app.timebox(); tb != "tijd om" || !late {
		t.Fatalf("at 2:10 the timebox is %q (late %v)", tb, late)
	}
	if h := header(); !strings.Contains(h, st.Error.Render("tijd om")) {
		t.Fatalf("at zero the indicator should turn to the error colour: %q", h)
	}
	typeOn(app, " op de agenda")
	if app.prompt != nil || app.overlay != nil || app.screen != screenQuestion || app.pane.(*question.Screen).Focus() != "antwoord" {
		t.Fatal("the end of the time interrupted the facilitator")
	}
	now = now.Add(70 * time.Second)
	send(app, clockMsg{})
	if h := header(); !strings.Contains(h, st.Error.Render("1 min over")) {
		t.Fatalf("a minute over: %q", h)
	}
	// The overview stops the clock: time there counts for no section.
	send(app, keyOf(tea.KeyEsc))
	now = now.Add(10 * time.Minute)
	if conv.TimingSection() != -1 || !strings.Contains(screenText(app), "⏱ 3/2 min") {
		t.Fatalf("the overview should stop the clock and show 3 of 2 minutes:\n%s", screenText(app))
	}
	raw, s := saved(t, app, path)
	id := app.c.Set.Sections[0].ID
	if got := s.Agenda[id]; got.Planned != 2 || sessions.SpentMinutes(got.Spent) != 3 {
		t.Errorf("the report should record 2 planned and 3 spent minutes: %+v", got)
	}
	if !strings.Contains(raw, "## Agenda en tijd") || !strings.Contains(raw, "| 2 | 3 |") {
		t.Errorf("the report's agenda:\n%s", raw)
	}
	if got := s.Answers[app.c.stops[firstOpenStop(t, app, 0)].Question.ID].Text; got != "Het staat op de agenda" {
		t.Errorf("typing through the end of the time: %q", got)
	}
}

func TestTheClosingRoundGivesEachOrganisationsFirstStepAsItsActionItem(t *testing.T) {
	now := time.Date(2026, 11, 22, 16, 0, 0, 0, time.UTC)
	app, path := openMeeting(t, &now)
	send(app, runes("s"))
	if app.screen != screenClosing {
		t.Fatalf("s should open the closing round (screen %d)", app.screen)
	}
	out := screenText(app)
	for _, org := range []string{"[ ] Gemeente Tilburg", "[ ] SWV Hart van Brabant", "[ ] Zorgkantoor"} {
		if !strings.Contains(out, org) {
			t.Fatalf("the closing round should list %q:\n%s", org, out)
		}
	}
	if strings.Count(out, "Gemeente Tilburg") != 1 {
		t.Errorf("an organisation with two people at the table is asked once:\n%s", out)
	}
	answer := func(use, step, questions string) {
		t.Helper()
		typeOn(app, use)
		send(app, keyOf(tea.KeyTab))
		typeOn(app, step)
		send(app, keyOf(tea.KeyTab))
		typeOn(app, questions)
		send(app, keyOf(tea.KeyEnter))
	}
	send(app, keyOf(tea.KeyEnter))
	if out := screenText(app); !strings.Contains(out, "Slotronde 1 van 3: Gemeente Tilburg") || !strings.Contains(out, sessions.ClosingFirstStepQuestion) {
		t.Fatalf("enter should ask the three questions of the first organisation:\n%s", out)
	}
	answer("Inkoop samen", "Wethouder bellen", "Wie betaalt?")
	if out := screenText(app); !strings.Contains(out, "Slotronde 2 van 3: SWV Hart van Brabant") || !strings.Contains(out, "Eerste stap staat bij de actiepunten (wie: Gemeente Tilburg).") {
		t.Fatalf("saving should go on to the next organisation and say where the first step went:\n%s", out)
	}
	answer("Overzicht", "Route beschrijven met scholen", "")
	answer("", "Indicaties nalopen", "Hoe lang duurt het?")
	if app.closing.edit != nil {
		t.Fatal("after the last organisation the round is back at its list")
	}
	out = screenText(app)
	if !strings.Contains(out, "[x] Zorgkantoor — eerste stap: Indicaties nalopen") {
		t.Fatalf("the list should show who answered:\n%s", out)
	}
	send(app, keyOf(tea.KeyEsc), runes("a"))
	if out := screenText(app); !strings.Contains(out, "Wethouder bellen — Gemeente Tilburg") {
		t.Fatalf("the action items should hold the first steps:\n%s", out)
	}
	raw, s := saved(t, app, path)
	want := map[string]string{"Gemeente Tilburg": "Wethouder bellen", "SWV Hart van Brabant": "Route beschrijven met scholen", "Zorgkantoor": "Indicaties nalopen"}
	for org, step := range want {
		found := false
		for _, ai := range s.Actions {
			if ai.Who == org && ai.What == step && ai.QuestionID == sessions.ClosingRef {
				found = true
			}
		}
		if !found {
			t.Errorf("the report has no action item %q owned by %s: %+v", step, org, s.Actions)
		}
	}
	if !strings.Contains(raw, "## Slotronde") || !strings.Contains(raw, "| Zorgkantoor |  | Indicaties nalopen | Hoe lang duurt het? |") {
		t.Errorf("the report's closing round:\n%s", raw)
	}
}

func TestThePrintableReportOfWhatWasDiscussedIsWrittenBesideTheReport(t *testing.T) {
	now := time.Date(2026, 11, 22, 16, 0, 0, 0, time.UTC)
	app, path := openMeeting(t, &now)
	toAnswer(t, app, firstOpenStop(t, app, 0))
	typeOn(app, "Staat op de agenda")
	send(app, keyOf(tea.KeyEsc), runes("e"))
	if app.prompt == nil || !strings.Contains(screenText(app), "Afdrukken") {
		t.Fatalf("e should ask what to print:\n%s", screenText(app))
	}
	send(app, keyOf(tea.KeyRight), keyOf(tea.KeyEnter), keyOf(tea.KeyEnter))
	html := strings.TrimSuffix(path, ".md") + "-besproken.html"
	if out := screenText(app); !strings.Contains(out, "Afdrukbaar verslag geschreven:") {
		t.Fatalf("the footer should say where the file went:\n%s", out)
	}
	raw, err := os.ReadFile(html)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(raw), "Staat op de agenda") || strings.Contains(string(raw), "Niet besproken") {
		t.Errorf("the only-discussed report should hold the answer and no \"Niet besproken\"")
	}
	// Everything: beside it, with what was not discussed.
	send(app, runes("e"), keyOf(tea.KeyEnter), keyOf(tea.KeyEnter))
	all, err := os.ReadFile(strings.TrimSuffix(path, ".md") + ".html")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(all), "Niet besproken") {
		t.Errorf("the whole report should say what was not discussed")
	}
	// As a Word document to edit: the answer is in the document's text.
	send(app, runes("e"), keyOf(tea.KeyRight), keyOf(tea.KeyEnter), keyOf(tea.KeyRight), keyOf(tea.KeyEnter))
	word := strings.TrimSuffix(path, ".md") + "-besproken.docx"
	if out := screenText(app); !strings.Contains(out, "Afdrukbaar verslag geschreven:") || !strings.Contains(out, ".docx") {
		t.Fatalf("the footer should say where the Word document went:\n%s", out)
	}
	zr, err := zip.OpenReader(word)
	if err != nil {
		t.Fatalf("no Word document: %v", err)
	}
	defer zr.Close()
	f, err := zr.Open("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := io.ReadAll(f)
	f.Close()
	if !strings.Contains(string(doc), "Staat op de agenda") || strings.Contains(string(doc), "Niet besproken") {
		t.Errorf("the Word document of what was discussed should hold the answer and no \"Niet besproken\"")
	}
}

func TestTheCentralQuestionIsNotShownTwiceInARowOnTheOverviewOrInTheTips(t *testing.T) {
	now := time.Date(2026, 11, 22, 16, 0, 0, 0, time.UTC)
	app, _ := openMeeting(t, &now)
	repeats, own := -1, -1
	for si := range app.c.Set.Sections {
		sec := &app.c.Set.Sections[si]
		switch {
		case sec.Central == "":
		case sessions.CentralRepeats(sec) && repeats < 0:
			repeats = si
		case !sessions.CentralRepeats(sec) && own < 0:
			own = si
		}
	}
	if repeats < 0 || own < 0 {
		t.Fatal("the set should have a section whose first question is its central question, and one whose is not")
	}
	open := func(si int) string {
		t.Helper()
		app.overview.toSection(si)
		send(app, keyOf(tea.KeyRight))
		return screenText(app)
	}
	central := func(si int) string {
		return strings.Join(strings.Fields(app.c.Set.Sections[si].Central), " ")[:40]
	}
	if out := open(repeats); strings.Count(out, central(repeats)) != 1 {
		t.Errorf("section %d opened should show its central question once (as its first question):\n%s", repeats+1, out)
	}
	send(app, keyOf(tea.KeyLeft))
	if out := open(own); strings.Count(out, central(own)) != 1 {
		t.Errorf("section %d opened should show its central field once, above its questions:\n%s", own+1, out)
	}
	send(app, keyOf(tea.KeyLeft))
	app.overview.toSection(repeats)
	send(app, runes("t"))
	n := app.c.Set.QuestionNumber(app.c.Set.Sections[repeats].Questions[0].ID)
	if out := squash(screenText(app)); !strings.Contains(out, squash(app.c.Set.Sections[repeats].CentralLine()+" (vraag "+n+")")) {
		t.Errorf("the tips should name the central question with the number of the question that asks it:\n%s", out)
	}
}
