package tui

import (
	"os"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"gespreksmap/sessions"
)

func TestTheGoToPromptJumpsTo32bByNumberFromTheOverviewAndByWordsFromAQuestion(t *testing.T) {
	app, _ := openRoom(t)
	conv := app.c.conv
	want := conv.StopByNumber("3.2b")
	if app.screen != screenOverview {
		t.Fatalf("the reflection opens on the overview (screen %d)", app.screen)
	}
	// From the overview: / and the number.
	send(app, runes("/"))
	if app.finder == nil || !strings.Contains(screenText(app), "Ga naar:") {
		t.Fatalf("/ on the overview should open the go-to prompt:\n%s", screenText(app))
	}
	typeOn(app, "3.2b")
	out := screenText(app)
	if !strings.Contains(out, "3.2b  Welke wederzijdse verantwoordelijkheden") || strings.Contains(out, "3.2a") {
		t.Fatalf("3.2b should be the one stop listed:\n%s", out)
	}
	send(app, keyOf(tea.KeyEnter))
	if app.finder != nil || app.screen != screenQuestion || app.pane.Stop() != want {
		t.Fatalf("enter should open 3.2b (screen %d)", app.screen)
	}
	if !strings.Contains(screenText(app), "3.2b") {
		t.Fatalf("the question screen should show 3.2b:\n%s", screenText(app))
	}

	// From a question, where letters are text: / is text, ctrl+f opens the prompt.
	send(app, tea.KeyMsg{Type: tea.KeyCtrlP}, tea.KeyMsg{Type: tea.KeyCtrlP})
	if app.pane.Stop() == want {
		t.Fatal("ctrl+p should have left 3.2b")
	}
	if app.editing() {
		send(app, runes("/"))
		if app.finder != nil {
			t.Fatal("/ typed in an answer opened the prompt")
		}
	}
	send(app, tea.KeyMsg{Type: tea.KeyCtrlF})
	if app.finder == nil {
		t.Fatal("ctrl+f on a question should open the go-to prompt")
	}
	typeOn(app, "wederzijdse VERANTWOORDELIJKHEDEN")
	if items := app.finder.list.Items(); len(items) != 1 || items[0] != want {
		t.Fatalf("the words should find 3.2b alone: %v", items)
	}
	send(app, keyOf(tea.KeyEnter))
	if app.screen != screenQuestion || app.pane.Stop() != want {
		t.Fatalf("enter should open 3.2b from a question (stop %d)", app.pane.Stop())
	}

	// A number that begins several: all of them, the question itself first; esc goes back.
	send(app, tea.KeyMsg{Type: tea.KeyCtrlF})
	typeOn(app, "3.2")
	if items := app.finder.list.Items(); len(items) != 5 || items[0] != conv.StopByNumber("3.2a") {
		t.Errorf("3.2 should list its five sub-points, 3.2a first: %v", items)
	}
	send(app, keyOf(tea.KeyEsc))
	if app.finder != nil || app.pane.Stop() != want {
		t.Errorf("esc should close the prompt where one was")
	}
}

func TestTheOverviewOpensASectionIntoItsQuestionsAndEnterOpens31b(t *testing.T) {
	app, _ := openRoom(t)
	send(app, tea.WindowSizeMsg{Width: 80, Height: 24})
	send(app, keyOf(tea.KeyDown), keyOf(tea.KeyDown), keyOf(tea.KeyRight))
	out := screenText(app)
	for _, want := range []string{"▾ 3. ", "3.1 Maak aansluitend", "3.1a Welke zorg of handelingen", "niet besproken"} {
		if !strings.Contains(out, want) {
			t.Fatalf("section 3 opened should show %q:\n%s", want, out)
		}
	}
	for _, l := range strings.Split(out, "\n") {
		if w := len([]rune(l)); w > 80 {
			t.Errorf("a line wider than the window (%d): %q", w, l)
		}
	}
	send(app, keyOf(tea.KeyDown), keyOf(tea.KeyDown), keyOf(tea.KeyDown))
	if !strings.Contains(screenText(app), "▸       3.1b Hoe komt de beoordeling") {
		t.Fatalf("the cursor should be on 3.1b:\n%s", screenText(app))
	}
	send(app, keyOf(tea.KeyEnter))
	if app.screen != screenQuestion || app.pane.Stop() != app.c.conv.StopByNumber("3.1b") {
		t.Fatalf("enter on 3.1b should open 3.1b (screen %d)", app.screen)
	}
	// Back on the overview the section is still open, the cursor where it was;
	// ← folds it and the cursor goes to the section.
	send(app, keyOf(tea.KeyEsc))
	if !strings.Contains(screenText(app), "▸       3.1b") {
		t.Fatalf("the overview should keep its place:\n%s", screenText(app))
	}
	send(app, keyOf(tea.KeyLeft))
	out = screenText(app)
	if strings.Contains(out, "3.1b") || !strings.Contains(out, "▸ ▸ 3. ") {
		t.Fatalf("← should fold section 3:\n%s", out)
	}
	// Enter on a section still opens it where it was left.
	send(app, keyOf(tea.KeyEnter))
	if app.pane.Stop() != app.c.conv.StopByNumber("3.1b") {
		t.Errorf("enter on section 3 should resume at 3.1b, not %d", app.pane.Stop())
	}
}

func TestTheReportViewShowsTheFileAsItIsNowWithAnAnswerTypedAfterOpening(t *testing.T) {
	app, path := openRoom(t)
	send(app, keyOf(tea.KeyEnter)) // 1.1
	if app.screen != screenQuestion || !app.editing() {
		t.Fatalf("enter should open 1.1 with the answer field")
	}
	typeOn(app, "Typed na het openen")
	send(app, keyOf(tea.KeyEsc), runes("v"))
	if app.overlay == nil {
		t.Fatal("v should show the report")
	}
	out := screenText(app)
	saved := app.c.cfg.Now().Local().Format("2006-01-02 15:04")
	whole, ok := app.c.MD.Get(app.reportName, app.overlay.vp.Width)
	if !ok || !strings.Contains(ansi.Strip(whole), "Typed na het openen") {
		t.Errorf("the report view should hold the answer typed after opening:\n%s", ansi.Strip(whole))
	}
	if !strings.Contains(out, "Bijgewerkt") || !strings.Contains(out, saved) {
		t.Errorf("the report view should say when it was last saved (%s):\n%s", saved, out)
	}
	raw, err := os.ReadFile(path)
	if err != nil || !strings.Contains(string(raw), "Typed na het openen") {
		t.Errorf("what the view shows should be in the file: %v", err)
	}
}

func TestTheGlossaryIsAlphabeticalFiltersAsYouTypeAndF1ShowsItsKeys(t *testing.T) {
	app, _ := openRoom(t)
	send(app, tea.WindowSizeMsg{Width: 100, Height: 400}) // the whole glossary in view
	send(app, tea.KeyMsg{Type: tea.KeyCtrlG})
	if app.overlay == nil || app.overlay.filter == nil {
		t.Fatal("ctrl+g should open the glossary with a line to type in")
	}
	out := screenText(app)
	terms := sortedTerms(app.c.Set)
	last := -1
	for _, term := range terms {
		i := strings.Index(out, "\n  "+term.Term)
		if i < last {
			t.Fatalf("%s is out of alphabetical order:\n%s", term.Term, out)
		}
		last = i
	}
	if sorted := strings.ToLower(terms[0].Term) <= strings.ToLower(terms[len(terms)-1].Term); !sorted {
		t.Fatal("sortedTerms does not sort")
	}
	// Letters go into the filter, also those that scroll or close elsewhere.
	typeOn(app, "oogo")
	out = screenText(app)
	if app.overlay == nil || !strings.Contains(out, "Zoek: oogo") || !strings.Contains(out, "OOGO (op overeenstemming gericht overleg)") {
		t.Fatalf("typing oogo should filter to the OOGO:\n%s", out)
	}
	shown := 0
	for _, term := range terms {
		if strings.Contains(out, "\n  "+term.Term+"\n") || strings.Contains(out, "\n  "+term.Term+" (") {
			shown++
		}
	}
	if shown == 0 || shown == len(terms) {
		t.Fatalf("the filter should leave some terms, not all (%d of %d):\n%s", shown, len(terms), out)
	}
	typeOn(app, "qqq")
	if app.overlay == nil || !strings.Contains(screenText(app), "Geen begrip bevat") {
		t.Fatalf("q is text in the glossary, and no term fits:\n%s", screenText(app))
	}
	// F1 shows the glossary's keys; esc returns to the glossary as it was.
	send(app, keyOf(tea.KeyF1))
	if out := screenText(app); app.overlay == nil || !strings.Contains(out, "Hulp bij toetsen") || !strings.Contains(out, "ctrl+g") {
		t.Fatalf("F1 in the glossary should show its keys:\n%s", out)
	}
	send(app, keyOf(tea.KeyEsc))
	if app.overlay == nil || !strings.Contains(screenText(app), "Zoek: oogoqqq") {
		t.Fatalf("esc after F1 should return to the glossary as it was:\n%s", screenText(app))
	}
	send(app, keyOf(tea.KeyEsc))
	if app.overlay != nil || app.screen != screenOverview {
		t.Fatal("esc should close the glossary")
	}
}

func TestAConversationLeftAt31bResumesAt31b(t *testing.T) {
	cfg := testConfig(t)
	s := sessions.New(cfg.Set.ID, cfg.Set.Version)
	s.Title, s.Date = "Lab", "2026-11-22"
	conv := sessions.NewConversation(cfg.Set, s)
	at := conv.StopByNumber("3.1b")
	conv.SetCurrent(at)
	cfg.Open = writeReport(t, cfg, conv.Session)
	app := New(cfg)
	run(app, app.Init(), 0)
	send(app, tea.WindowSizeMsg{Width: 100, Height: 30})
	t.Cleanup(func() { app.Close() })
	if app.screen != screenQuestion || app.pane.Stop() != at {
		t.Fatalf("the conversation should resume at 3.1b (screen %d)", app.screen)
	}
}
