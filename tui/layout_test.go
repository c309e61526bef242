package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/glamour/styles"
	"github.com/charmbracelet/x/ansi"

	"gespreksmap/sessions"
	"gespreksmap/sessions/report"
	"gespreksmap/tui/common"
	"gespreksmap/tui/question"
)

// Every question must leave room to type, at the smallest supported window
// and on a projector, and the screen must fit the window exactly.
func TestEveryQuestionLeavesRoomToTypeAtEveryWindowSize(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}, {200, 60}, {minWidth, minHeight}} {
		w, h := size[0], size[1]
		t.Run(fmt.Sprintf("%dx%d", w, h), func(t *testing.T) {
			cfg := testConfig(t)
			app := New(cfg)
			send(app, tea.WindowSizeMsg{Width: w, Height: h})
			app.startSession(sessions.New(cfg.Set.ID, cfg.Set.Version), nil)
			wantRows := 3
			if h < 24 {
				wantRows = 1
			}
			for i, st := range app.c.stops {
				app.openQuestion(i)
				screen := ansi.Strip(app.View())
				lines := strings.Split(screen, "\n")
				if len(lines) != h {
					t.Fatalf("%s: %d lines in a window of %d", st.Number(), len(lines), h)
				}
				editor := 0
				for _, l := range lines {
					if ansi.StringWidth(l) > w {
						t.Fatalf("%s: a line wider than the window (%d): %q", st.Number(), w, l)
					}
					if strings.HasPrefix(l, "│ ") {
						editor++
					}
				}
				if editor < wantRows {
					t.Errorf("%s at %dx%d: %d rows to type in, want at least %d:\n%s", st.Number(), w, h, editor, wantRows, screen)
				}
				if !strings.Contains(lines[0], st.Number()) {
					t.Errorf("%s: the header does not say where we are: %q", st.Number(), lines[0])
				}
				if !strings.Contains(lines[h-1], "F1") {
					t.Errorf("%s: the footer is gone: %q", st.Number(), lines[h-1])
				}
			}
		})
	}
}

func TestATooSmallWindowSaysSoPlainly(t *testing.T) {
	app := New(testConfig(t))
	send(app, tea.WindowSizeMsg{Width: 50, Height: 12})
	if v := ansi.Strip(app.View()); !strings.Contains(v, "Het venster is te klein (50×12)") || !strings.Contains(v, "60×16") {
		t.Errorf("got:\n%s", v)
	}
}

func TestTheGlossaryOpensFromAQuestionWithItsOwnTermsFirst(t *testing.T) {
	cfg := testConfig(t)
	app := New(cfg)
	send(app, tea.WindowSizeMsg{Width: 100, Height: 30})
	app.startSession(sessions.New(cfg.Set.ID, cfg.Set.Version), nil)
	app.openQuestion(0)                                    // 1.1 mentions the OOGO
	app.Update(tea.WindowSizeMsg{Width: 100, Height: 200}) // the whole glossary in view
	if _, cmd := app.Update(tea.KeyMsg{Type: tea.KeyCtrlG}); cmd != nil {
		send(app, cmd())
	}
	var lines []string
	for _, l := range strings.Split(ansi.Strip(app.View()), "\n") {
		lines = append(lines, strings.TrimRight(l, " "))
	}
	screen := strings.Join(lines, "\n")
	own, all := strings.Index(screen, "Bij deze vraag"), strings.Index(screen, "OOGO (op overeenstemming gericht overleg)")
	if own < 0 || all < own {
		t.Errorf("the question's own terms should come first, under their heading:\n%s", screen)
	}
	if strings.Contains(screen, "## ") || strings.Contains(screen, "**") {
		t.Errorf("the glossary shows markdown markers:\n%s", screen)
	}
	if !strings.Contains(screen, "Alle begrippen\n  ──────────────") {
		t.Errorf("the glossary's headings are not marked as such:\n%s", screen)
	}
	send(app, tea.KeyMsg{Type: tea.KeyEsc})
	if screen := ansi.Strip(app.View()); !strings.Contains(screen, "1.1 Staat de") {
		t.Errorf("esc should return to the question:\n%s", screen)
	}
}

func TestAPasteWithTerminalEscapeSequencesLeavesOnlyItsText(t *testing.T) {
	cfg := testConfig(t)
	app := New(cfg)
	send(app, tea.WindowSizeMsg{Width: 100, Height: 30})
	app.startSession(sessions.New(cfg.Set.ID, cfg.Set.Version), nil)
	app.openQuestion(0)
	send(app, tea.KeyMsg{Type: tea.KeyRunes, Paste: true, Runes: []rune("\x1b[31mrood\x1b[0m en \x1b]0;titel\x07blauw")})
	app.pane.Flush()
	if got := app.c.conv.Answers["bestuur.agenda"].Text; got != "rood en blauw" {
		t.Errorf("pasted answer %q", got)
	}
}

func TestEscOnTheOverviewDoesNotEndTheConversation(t *testing.T) {
	cfg := testConfig(t)
	app := New(cfg)
	send(app, tea.WindowSizeMsg{Width: 100, Height: 30})
	app.startSession(sessions.New(cfg.Set.ID, cfg.Set.Version), nil)
	app.screen = screenOverview
	_, cmd := app.Update(tea.KeyMsg{Type: tea.KeyEsc})
	if cmd != nil {
		if _, quit := cmd().(tea.QuitMsg); quit {
			t.Fatal("esc on the overview quit the program")
		}
		run(app, cmd, 0)
	}
	if v := ansi.Strip(app.View()); !strings.Contains(v, "Stoppen: q of ctrl+c") {
		t.Errorf("the overview should say how to stop:\n%s", v)
	}
}

func TestTipLinksStayWholeOnTheirLine(t *testing.T) {
	cfg := testConfig(t)
	app := New(cfg)
	send(app, tea.WindowSizeMsg{Width: 100, Height: 60})
	app.startSession(sessions.New(cfg.Set.ID, cfg.Set.Version), nil)
	for i := range cfg.Set.Sections {
		sec := &cfg.Set.Sections[i]
		app.openTips(sec)
		screen := ansi.Strip(app.View())
		for _, tip := range sec.Tips {
			if !strings.Contains(screen, tip.URL) {
				t.Errorf("%s: the link %s is not whole on one line:\n%s", sec.ID, tip.URL, screen)
			}
		}
		app.overlay = nil
	}
}

// The tips window names a section's central field as the set's section
// has it: a question as the central question, a purpose or a heading alone.
func TestTipsLabelTheCentralFieldByWhatItIs(t *testing.T) {
	cfg := testConfig(t)
	app := New(cfg)
	send(app, tea.WindowSizeMsg{Width: 100, Height: 60})
	app.startSession(sessions.New(cfg.Set.ID, cfg.Set.Version), nil)
	questions, others := 0, 0
	for i := range cfg.Set.Sections {
		sec := &cfg.Set.Sections[i]
		if sec.Central == "" {
			continue
		}
		app.openTips(sec)
		screen := squash(ansi.Strip(app.View()))
		labelled := strings.Contains(screen, squash("Centrale vraag: "+sec.Central))
		switch question := strings.HasSuffix(sec.Central, "?"); {
		case question && !labelled:
			t.Errorf("%s: the central question is not called one:\n%s", sec.ID, screen)
		case !question && (labelled || !strings.Contains(screen, squash(sec.Central))):
			t.Errorf("%s: %q should stand without a label:\n%s", sec.ID, sec.Central, screen)
		case question:
			questions++
		default:
			others++
		}
		app.overlay = nil
	}
	if questions == 0 || others == 0 {
		t.Fatalf("the set has %d central questions and %d other central fields; the test needs both", questions, others)
	}
}

func TestTheReportViewKeepsTypedLineBreaks(t *testing.T) {
	cfg := testConfig(t)
	s := sessions.New(cfg.Set.ID, cfg.Set.Version)
	s.Title, s.Date = "Lab", "2026-11-22"
	s.Answer("bestuur.agenda").Text = "Eerste regel van het antwoord.\nTweede regel van het antwoord."
	out := ansi.Strip(common.RenderMarkdown(string(report.Render(cfg.Set, s)), 100, "dark"))
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, "Eerste regel") && strings.Contains(l, "Tweede regel") {
			t.Fatalf("two typed lines were joined: %q", l)
		}
	}
	if !strings.Contains(out, "Tweede regel van het antwoord.") {
		t.Fatalf("the answer is missing:\n%s", out)
	}
}

// squash drops all white space, so that text wrapped over lines and
// indented compares with the text as written.
func squash(s string) string {
	return strings.Join(strings.Fields(s), "")
}

// Question text is content: at every window size each question shows whole
// or says that F2 shows the rest, and F2 shows all of it.
func TestEveryQuestionCanBeReadWholeOnScreenOrWithF2(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}, {200, 60}, {minWidth, minHeight}} {
		w, h := size[0], size[1]
		t.Run(fmt.Sprintf("%dx%d", w, h), func(t *testing.T) {
			cfg := testConfig(t)
			app := New(cfg)
			send(app, tea.WindowSizeMsg{Width: w, Height: h})
			app.startSession(sessions.New(cfg.Set.ID, cfg.Set.Version), nil)
			for i, st := range app.c.stops {
				app.openQuestion(i)
				qu := st.Question
				pieces := []string{qu.Text, qu.Help}
				if st.Part != nil {
					pieces = append(pieces, st.Part.Text)
					pieces = append(pieces, st.Part.Bullets...)
				}
				for _, c := range qu.Categories {
					pieces = append(pieces, c.Label)
				}
				if terms := app.c.conv.Terms(st); len(terms) > 0 {
					var names []string
					for _, t := range terms {
						names = append(names, t.Term)
					}
					pieces = append(pieces, "Begrippen: "+strings.Join(names, ", "))
				}
				screen := ansi.Strip(app.View())
				flat := squash(screen)
				if main, side := question.Columns(w); side > 0 {
					// The side panel stands beside the question: read the main column.
					var col []string
					for _, l := range strings.Split(screen, "\n") {
						col = append(col, ansi.Truncate(l, main, ""))
					}
					flat = squash(strings.Join(col, "\n"))
				}
				var missing []string
				for _, p := range pieces {
					if p != "" && !strings.Contains(flat, squash(p)) {
						missing = append(missing, p)
					}
				}
				said := strings.Contains(screen, "F2 toont de hele vraag") || strings.Contains(screen, "… F2")
				if len(missing) > 0 && !said {
					t.Errorf("%s at %dx%d: %q is not on screen, and the screen does not say F2 shows it:\n%s", st.Number(), w, h, missing[0], screen)
				}

				send(app, tea.KeyMsg{Type: tea.KeyF2})
				if app.overlay == nil {
					t.Fatalf("%s: F2 opened nothing", st.Number())
				}
				if v := ansi.Strip(app.View()); !strings.Contains(v, "De hele vraag: "+st.Number()) {
					t.Errorf("%s: F2 shows:\n%s", st.Number(), v)
				}
				whole := squash(ansi.Strip(common.RenderMarkdown(app.overlay.text, w, styles.NoTTYStyle)))
				for _, p := range pieces {
					if !strings.Contains(whole, squash(p)) {
						t.Errorf("%s at %dx%d: F2 lacks %q", st.Number(), w, h, p)
					}
				}
				for _, f := range qu.FollowUps {
					if !strings.Contains(whole, squash(f.Text)) {
						t.Errorf("%s: F2 lacks the follow-up question %q", st.Number(), f.Text)
					}
				}
				send(app, tea.KeyMsg{Type: tea.KeyF2})
				if app.overlay != nil {
					t.Fatalf("%s: F2 again should close the whole question", st.Number())
				}
			}
		})
	}
}

// stopAt opens the question screen at the stop numbered n.
func stopAt(t *testing.T, w, h int, n string) *App {
	t.Helper()
	cfg := testConfig(t)
	app := New(cfg)
	send(app, tea.WindowSizeMsg{Width: w, Height: h})
	app.startSession(sessions.New(cfg.Set.ID, cfg.Set.Version), nil)
	for i, st := range app.c.stops {
		if st.Number() == n {
			app.openQuestion(i)
			return app
		}
	}
	t.Fatalf("no stop %s", n)
	return nil
}

func TestOnAProjectorEveryBulletOfATopicIsWhole(t *testing.T) {
	app := stopAt(t, 120, 40, "3.1b")
	screen := ansi.Strip(app.View())
	want := "de mogelijkheden voor ouders om over zorg in onderwijstijd mee te beslissen, een second opinion of ondersteuning te krijgen"
	if !strings.Contains(squash(screen), squash(want)) {
		t.Errorf("the third bullet is not whole:\n%s", screen)
	}
	if strings.Contains(screen, "F2 toont") {
		t.Errorf("at 120x40 3.1b should fit whole:\n%s", screen)
	}
}

func TestInASmallWindowTheCountsShowTheirWholeLabelsAndSayWhereTheHelpIs(t *testing.T) {
	app := stopAt(t, 80, 24, "2.1")
	screen := ansi.Strip(app.View())
	for _, c := range app.c.stops[app.pane.Stop()].Question.Categories {
		if !strings.Contains(squash(screen), squash(c.Label)) {
			t.Errorf("the label %q is cut:\n%s", c.Label, screen)
		}
	}
	if !strings.Contains(screen, "… Niet alles past: F2 toont de hele vraag.") {
		t.Errorf("the help is left out without saying so:\n%s", screen)
	}
	if strings.Contains(screen, "het totaal is dan een…") {
		t.Errorf("the help is cut mid-sentence:\n%s", screen)
	}
}

func TestLargeCountsKeepTheirNumbersInOneColumn(t *testing.T) {
	app := stopAt(t, 120, 40, "2.1")
	cats := app.c.stops[app.pane.Stop()].Question.Categories
	a := app.c.conv.Answer("kinderen.aantallen")
	a.Counts = map[string]int{cats[0].ID: 1234567, cats[1].ID: 3}
	screen := ansi.Strip(app.View())
	col := func(label string) int {
		for _, l := range strings.Split(screen, "\n") {
			if i := strings.Index(l, label); i >= 0 {
				return ansi.StringWidth(l[:i])
			}
		}
		t.Fatalf("no line with %q:\n%s", label, screen)
		return 0
	}
	first, second, third := col(cats[0].Label[:12]), col(cats[1].Label[:12]), col(cats[2].Label[:12])
	if first != second || second != third {
		t.Errorf("labels start at columns %d, %d, %d:\n%s", first, second, third, screen)
	}
	if !strings.Contains(screen, "1234570  totaal") {
		t.Errorf("the total is not in the numbers' column:\n%s", screen)
	}
}
