package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/textarea"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/sessions/report"
	"gespreksmap/sessions/sessionstest"
	"gespreksmap/sessions/store"
	"gespreksmap/tui/question"
)

// The figures of these benchmarks are kept in BENCHMARKS.md at the root of
// the module, with the budgets they are held to.

// benchConversation is a conversation in which every question and every
// sub-point or topic of the default set is answered in 500 characters, and
// the answer to current holds currentChars characters.
func benchConversation(set *content.Set, current string, currentChars int) *sessions.Session {
	s := sessionstest.Conversation(set, 500)
	if current != "" {
		s.Answer(current).Text = sessionstest.Answer(currentChars)
	}
	s.Current = current
	return s
}

// firstOpenQuestion is the first question of the set answered in free text
// alone, where typing is all the screen does.
func firstOpenQuestion(b *testing.B, set *content.Set) string {
	for _, sec := range set.Sections {
		for _, q := range sec.Questions {
			if q.Kind == content.KindOpen {
				return q.ID
			}
		}
	}
	b.Fatal("the set has no open question")
	return ""
}

// resumeConversation saves s as a report and opens it as the command line
// does with a report argument, in a window of 120 by 40: the program resumes
// on the question where the conversation was left.
func resumeConversation(b *testing.B, set *content.Set, s *sessions.Session) *App {
	b.Helper()
	dir := b.TempDir()
	path, err := store.Create(dir, s.Date, s.Title)
	if err != nil {
		b.Fatal(err)
	}
	if err := store.WriteFile(path, report.Render(set, s)); err != nil {
		b.Fatal(err)
	}
	app := New(Config{
		Set:   set,
		Dir:   dir,
		Open:  path,
		Theme: ThemeDark,
		Dark:  true,
		Now:   func() time.Time { return time.Date(2026, 11, 22, 14, 0, 0, 0, time.UTC) },
	})
	app.Init()
	app.Update(tea.WindowSizeMsg{Width: benchWidth, Height: benchHeight})
	b.Cleanup(func() { app.Close() })
	if app.screen != screenQuestion || app.pane == nil {
		b.Fatalf("the report did not reopen on its question (screen %d)", app.screen)
	}
	return app
}

var benchKeys = []tea.KeyMsg{{Type: tea.KeyRunes, Runes: []rune{'e'}}, {Type: tea.KeyBackspace}}

var keystrokeSizes = []int{1000, 20000}

// The window the benchmarks run in; BenchmarkKeystrokeWide sets a
// projector's 200×50, where the side panel stands beside the question.
var benchWidth, benchHeight = 120, 40

// BenchmarkKeystrokeWide is BenchmarkKeystroke at 200×50 with the side
// panel shown: the same budget as at 120×40.
func BenchmarkKeystrokeWide(b *testing.B) {
	benchWidth, benchHeight = 200, 50
	defer func() { benchWidth, benchHeight = 120, 40 }()
	BenchmarkKeystroke(b)
}

// BenchmarkKeystroke: one op is one key, alternately a letter and a
// backspace, through the root model's Update and then its View, on the
// question screen of a conversation answered throughout, with the cursor in
// the middle of an answer of the given length. Commands are not run, as a
// real program runs them elsewhere.
func BenchmarkKeystroke(b *testing.B) {
	for _, n := range keystrokeSizes {
		b.Run(fmt.Sprintf("chars=%d", n), func(b *testing.B) {
			set := content.Default()
			current := firstOpenQuestion(b, set)
			app := resumeConversation(b, set, benchConversation(set, current, n))
			q := app.pane
			if f := q.(*question.Screen).Focus(); f != "antwoord" {
				b.Fatalf("the answer field does not have the focus (%s)", f)
			}
			text := answerAt(app)
			if len([]rune(text)) != n {
				b.Fatalf("the reopened answer holds %d characters, want %d", len([]rune(text)), n)
			}

			// The cursor goes to the middle as a person would put it there.
			app.Update(tea.KeyMsg{Type: tea.KeyCtrlHome})
			for range n / 2 {
				app.Update(tea.KeyMsg{Type: tea.KeyRight})
			}
			// One letter shows it is there; it also schedules the autosave
			// tick, which stays pending because commands are not run.
			_, tick := app.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'Q'}})
			if got := []rune(answerAt(app)); len(got) != n+1 || got[n/2] != 'Q' {
				b.Fatalf("the cursor is not in the middle of the answer")
			}
			if tick == nil {
				b.Fatal("the first change did not schedule an autosave")
			}
			app.Update(tea.KeyMsg{Type: tea.KeyBackspace})

			var view string
			pending := 0
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				_, cmd := app.Update(benchKeys[i%2])
				view = app.View()
				if cmd != nil {
					pending++
				}
			}
			b.StopTimer()
			if pending > 0 {
				b.Fatalf("%d more commands while an autosave tick was pending: ticks pile up", pending)
			}
			if _, side := question.Columns(benchWidth); side > 0 && !strings.Contains(ansi.Strip(view), " │ ") {
				b.Fatalf("at %d columns the side panel is not beside the question:\n%s", benchWidth, view)
			}
			words := strings.Fields(app.c.stops[q.Stop()].Question.Text)
			if !strings.Contains(view, "\x1b[7m") || !strings.Contains(view, strings.Join(words[:2], " ")) {
				b.Fatalf("the screen does not show the question with the cursor:\n%s", view)
			}
			if v := answerAt(app); len(v) < len(text) || len(v) > len(text)+1 {
				b.Fatalf("the answer changed length from %d to %d", len(text), len(v))
			}
		})
	}
}

// BenchmarkKeystrokeTextarea is the same keys on a bare bubbles textarea of
// the size the editor has on the question screen, holding the same text with
// the cursor at the same place: the peer the editor is measured against.
func BenchmarkKeystrokeTextarea(b *testing.B) {
	for _, n := range keystrokeSizes {
		b.Run(fmt.Sprintf("chars=%d", n), func(b *testing.B) {
			set := content.Default()
			current := firstOpenQuestion(b, set)
			app := resumeConversation(b, set, benchConversation(set, current, n))
			w, h := app.pane.(*question.Screen).EditorSize()
			text := sessionstest.Answer(n)

			m := textarea.New()
			m.ShowLineNumbers = false
			m.Prompt = ""
			m.CharLimit = 0
			m.MaxHeight = 0
			m.SetWidth(w)
			m.SetHeight(h)
			m.Focus()
			m.SetValue(text)
			line, col := runeLineCol(text, n/2)
			for m.Line() > line {
				m.CursorUp()
			}
			m.SetCursor(col)
			m, _ = m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'Q'}})
			if got := []rune(m.Value()); len(got) != n+1 || got[n/2] != 'Q' {
				b.Fatalf("the textarea's cursor is not in the middle of the text")
			}
			m, _ = m.Update(tea.KeyMsg{Type: tea.KeyBackspace})

			var view string
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				m, _ = m.Update(benchKeys[i%2])
				view = m.View()
			}
			b.StopTimer()
			if m.Length() < n || len(view) == 0 {
				b.Fatalf("the textarea lost its text (%d characters)", m.Length())
			}
			b.ReportMetric(float64(w), "cols")
			b.ReportMetric(float64(h), "rows")
		})
	}
}

// runeLineCol returns the logical line and the column, in runes, of rune
// offset off in text.
func runeLineCol(text string, off int) (line, col int) {
	for _, r := range []rune(text)[:off] {
		if r == '\n' {
			line, col = line+1, 0
			continue
		}
		col++
	}
	return line, col
}

// BenchmarkNavigate: one op is one step to the next stop (ctrl+n) through
// Update, the root's handling of the step the screen asks for, and then
// View, on the question screen of a conversation answered throughout. At
// the last stop it walks back with ctrl+p, so every op moves.
func BenchmarkNavigate(b *testing.B) {
	set := content.Default()
	first := set.Sections[0].Questions[0].ID
	app := resumeConversation(b, set, benchConversation(set, first, 500))
	// Each step saves, as in the program; writing the file runs off the
	// interface there, so here it writes nowhere (taking the snapshot for
	// the writer is still counted).
	app.adopt(app.c.conv, benchStorage{path: app.ReportPath()})
	app.openQuestion(0)
	last := len(app.c.stops) - 1
	next := tea.KeyMsg{Type: tea.KeyCtrlN}
	prev := tea.KeyMsg{Type: tea.KeyCtrlP}
	// Warm every cache once: a full walk there and back.
	for app.pane.Stop() < last {
		send(app, next)
		app.View()
	}
	for app.pane.Stop() > 0 {
		send(app, prev)
		app.View()
	}

	forward := true
	var view string
	b.ReportAllocs()
	for b.Loop() {
		if forward && app.pane.Stop() == last {
			forward = false
		} else if !forward && app.pane.Stop() == 0 {
			forward = true
		}
		k := prev
		if forward {
			k = next
		}
		send(app, k)
		view = app.View()
	}
	b.StopTimer()
	if app.screen != screenQuestion {
		b.Fatalf("navigation left the question screen (screen %d)", app.screen)
	}
	if want := fmt.Sprintf("(%d/%d)", app.pane.Stop()+1, last+1); !strings.Contains(view, want) {
		b.Fatalf("the screen does not show stop %s:\n%s", want, view)
	}
}

// BenchmarkAutosaveTick: the part of an autosave that runs on the interface
// while a long answer is typed: once a second the editor's text is copied
// into the conversation and the conversation is snapshotted for the writer.
// One op is a letter followed by the tick; the write itself is not run.
func BenchmarkAutosaveTick(b *testing.B) {
	const n = 20000
	set := content.Default()
	current := firstOpenQuestion(b, set)
	app := resumeConversation(b, set, benchConversation(set, current, n))
	var cmd tea.Cmd
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		app.Update(benchKeys[i%2])
		_, cmd = app.Update(autosaveMsg{})
	}
	b.StopTimer()
	if cmd == nil {
		b.Fatal("the tick did not produce a save")
	}
}

// answerAt is the answer text at the stop on the question screen, as the
// conversation holds it once the editor's text is recorded.
func answerAt(app *App) string {
	app.pane.Flush()
	return app.c.conv.Text(app.c.stops[app.pane.Stop()])
}

// benchStorage saves nowhere: the interface's share of a save without the
// disk, which the program's writer does off the keystroke path.
type benchStorage struct {
	noStorage
	path string
}

func (s benchStorage) Path() string { return s.path }
