package question

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"gespreksmap/sessions"
	"gespreksmap/sessions/sessionstest"
)

func TestEveryStopFitsTheBodyAndLeavesRoomToType(t *testing.T) {
	for _, size := range [][2]int{{80, 22}, {120, 38}, {200, 48}, {160, 40}, {200, 50}, {240, 60}} {
		w, h := size[0], size[1]
		t.Run(fmt.Sprintf("%dx%d", w, h), func(t *testing.T) {
			f := newFixture(t, w, h)
			for i, st := range f.conv.Stops() {
				f.s.Show(i)
				for _, focus := range []int{0, 1, 2, 3, 4} {
					f.s.setFocus(focus)
					f.s.layout()
					lines := strings.Split(f.view(), "\n")
					if len(lines) != h {
						t.Fatalf("%s: %d lines in a body of %d", st.Number(), len(lines), h)
					}
					editor := 0
					for _, l := range lines {
						if ansi.StringWidth(l) > w {
							t.Fatalf("%s: a line wider than %d: %q", st.Number(), w, l)
						}
						// From 160 columns on, the side panel stands right
						// of a main column of readable width on every row.
						if rule := ansi.Truncate(l, mainMax+2, ""); w >= sideFrom && !strings.HasSuffix(rule, " │") {
							t.Fatalf("%s at %dx%d: the side panel's rule is not at column %d: %q", st.Number(), w, h, mainMax+2, l)
						}
						if strings.HasPrefix(l, "│ ") {
							editor++
						}
					}
					if editor < 3 {
						t.Errorf("%s at %dx%d, focus %d: %d rows to type in:\n%s", st.Number(), w, h, focus, editor, f.view())
					}
				}
			}
		})
	}
}

func TestInASmallWindowTheCountsShowTheirWholeLabelsAndSayWhereTheHelpIs(t *testing.T) {
	f := newFixture(t, 80, 22).at("2.1")
	screen := f.view()
	flat := strings.Join(strings.Fields(screen), " ")
	for _, c := range f.s.st.Question.Categories {
		if !strings.Contains(flat, strings.Join(strings.Fields(c.Label), " ")) {
			t.Errorf("the label %q is cut:\n%s", c.Label, screen)
		}
	}
	if !strings.Contains(screen, moreLine) {
		t.Errorf("the help is left out without saying so:\n%s", screen)
	}
}

func TestFocusIsMarkedOnTheLabelOfTheFocusedField(t *testing.T) {
	f := newFixture(t, 80, 22).at("1.1")
	if !strings.Contains(f.view(), "▶  "+f.conv.TextLabel(f.s.st)) {
		t.Errorf("the text field's label is not marked:\n%s", f.view())
	}
	f.keys(tab)
	if !strings.Contains(f.view(), "▶  Perspectieven (0)") {
		t.Errorf("the perspectives' label is not marked:\n%s", f.view())
	}
}

func TestChangingTheChoiceAfterTypingKeepsTheTextAndSaysWhereItWasTyped(t *testing.T) {
	f := newFixture(t, 100, 30)
	f.s.Show(stopOfKind(f, "choice"))
	q := f.s.st.Question
	f.keys(right, tab)
	f.typeText("Dit geldt voor twee scholen")
	f.keys(shiftTab, right)
	if f.conv.Text(f.s.st) != "Dit geldt voor twee scholen" {
		t.Fatalf("the text was not kept: %q", f.conv.Text(f.s.st))
	}
	if !strings.Contains(f.view(), "(getypt bij "+q.Choices[0].Label) {
		t.Errorf("no note where the text was typed:\n%s", f.view())
	}
	if !strings.Contains(f.flashes(), "Je tekst") {
		t.Errorf("no message; flashes %q", f.flashes())
	}
}

// Random keys, weighted toward what moves and opens things, on every stop:
// nothing panics and the body keeps its size.
func TestRandomKeysOnEveryStopNeverCrash(t *testing.T) {
	for _, size := range [][2]int{{80, 22}, {200, 50}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) { randomKeys(t, size[0], size[1]) })
	}
}

func randomKeys(t *testing.T, w, h int) {
	seed := int64(20261122)
	rng := rand.New(rand.NewSource(seed))
	pool := []tea.KeyMsg{tab, tab, shiftTab, enter, enter, esc, right, down, {Type: tea.KeyUp}, {Type: tea.KeyLeft},
		{Type: tea.KeyDelete}, {Type: tea.KeyDelete}, {Type: tea.KeyBackspace}, ctrlO, ctrlR, {Type: tea.KeyCtrlD}, {Type: tea.KeyCtrlY},
		{Type: tea.KeyPgDown}, {Type: tea.KeyHome}, {Type: tea.KeyEnd}, runes("a"), runes("x"), runes("7"), runes("+"), {Type: tea.KeySpace, Runes: []rune{' '}},
		{Type: tea.KeyRunes, Runes: []rune{'3'}, Alt: true}}
	f := newFixture(t, w, h)
	if w >= sideFrom {
		f.reflection("Vorig jaar: het formulier van het swv.")
	}
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("panic with seed %d: %v", seed, r)
		}
	}()
	for i := range f.conv.Stops() {
		f.s.Show(i)
		for n := 0; n < 300; n++ {
			f.send(pool[rng.Intn(len(pool))])
			if n%50 == 0 {
				f.s.Flush()
			}
			if got := strings.Count(f.s.View(), "\n") + 1; got != h {
				t.Fatalf("seed %d, stop %d: %d lines", seed, i, got)
			}
		}
		f.s.Flush()
		f.out = f.out[:0]
	}
}

func BenchmarkQuestionKeystroke(b *testing.B) { benchmarkKeystroke(b, 118, 38) }

// BenchmarkQuestionKeystrokeSidePanel is the same key at 200x50 (a body of
// 200x48), where the side panel shows the perspectives, the action items
// and last year's answer at the stop: same budget.
func BenchmarkQuestionKeystrokeSidePanel(b *testing.B) { benchmarkKeystroke(b, 200, 48) }

func benchmarkKeystroke(b *testing.B, w, h int) {
	f := newFixture(b, w, h)
	i := stopOfKind(&fixture{t: b, conv: f.conv}, "open")
	if w >= sideFrom {
		f.reflection(sessionstest.Answer(2000))
	}
	f.s.Show(i)
	// paragraphs of about 400 characters, as in the root's benchmark
	text := sessionstest.Answer(20000)
	f.conv.SetText(f.s.st, text)
	if w >= sideFrom {
		f.conv.SetPerspective(f.s.st, "Basisschool De Linde", sessionstest.Answer(600))
		f.conv.SetPerspective(f.s.st, "Zorgaanbieder Zon", sessionstest.Answer(400))
		f.conv.AddAction(f.s.st, sessions.ActionItem{What: "Folder voor ouders maken", Who: "Anna", When: "voor de zomer"})
	}
	f.s.Show(i)
	if side := sidePanel(ansi.Strip(f.s.View())); (w >= sideFrom) != strings.Contains(side, "Perspectieven bij") {
		b.Fatalf("side panel at %dx%d: %q", w, h, side)
	}
	keys := []tea.KeyMsg{runes("e"), {Type: tea.KeyBackspace}}
	for range 5000 {
		f.s.Update(tea.KeyMsg{Type: tea.KeyLeft})
	}
	if n := len([]rune(f.s.ed.Value())); n < 20000 {
		b.Fatalf("the answer holds %d characters", n)
	}
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		f.s.Update(keys[n%2])
		_ = f.s.View()
	}
}
