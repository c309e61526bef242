package textedit

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

func undo(m Model, n int) Model {
	for range n {
		m, _ = m.Update(tea.KeyMsg{Type: tea.KeyCtrlZ})
	}
	return m
}

func redo(m Model, n int) Model {
	for range n {
		m = alt(m, 'z')
	}
	return m
}

func TestUndoTakesBackTypingAWordAtATime(t *testing.T) {
	m := editor(30, 3, "")
	m = typeText(m, "Ouders zijn welkom")
	m = undo(m, 1)
	wantValue(t, m, "Ouders zijn ")
	wantScreen(t, m, "Ouders zijn", "", "")
	wantCursor(t, m, 0, 12)
	m = undo(m, 1)
	wantValue(t, m, "Ouders ")
	m = undo(m, 1)
	wantValue(t, m, "")
	wantCursor(t, m, 0, 0)
	m = undo(m, 1)
	wantValue(t, m, "")

	m = redo(m, 1)
	wantValue(t, m, "Ouders ")
	wantCursor(t, m, 0, 7)
	m = redo(m, 5)
	wantValue(t, m, "Ouders zijn welkom")
	wantCursor(t, m, 0, 18)
}

func TestEnterBelongsToTheWordBeforeIt(t *testing.T) {
	m := editor(30, 3, "")
	m = typeText(m, "school\nouders")
	m = undo(m, 1)
	wantValue(t, m, "school\n")
	wantCursor(t, m, 1, 0)
	m = undo(m, 1)
	wantValue(t, m, "")
}

func TestMovingTheCursorStartsANewStep(t *testing.T) {
	m := editor(30, 3, "")
	m = typeText(m, "zorg")
	m = press(m, tea.KeyLeft, tea.KeyRight)
	m = typeText(m, "kantoor")
	m = undo(m, 1)
	wantValue(t, m, "zorg")
	wantCursor(t, m, 0, 4)
}

func TestUndoPutsTheCursorBackWhereTheEditWas(t *testing.T) {
	m := editor(40, 3, "De school nodigt uit")
	m = press(m, tea.KeyHome)
	m = press(m, repeat(tea.KeyRight, 3)...)
	m = typeText(m, "basis")
	m = press(m, tea.KeyEnd)
	wantValue(t, m, "De basisschool nodigt uit")
	m = undo(m, 1)
	wantValue(t, m, "De school nodigt uit")
	wantCursor(t, m, 0, 3)
	m = redo(m, 1)
	wantValue(t, m, "De basisschool nodigt uit")
	wantCursor(t, m, 0, 8)
}

func TestBackspacesInARowAreTakenBackAWordAtATime(t *testing.T) {
	m := editor(30, 3, "hallo wereld")
	m = press(m, repeat(tea.KeyBackspace, 8)...)
	wantValue(t, m, "hall")
	m = undo(m, 1)
	wantValue(t, m, "hallo")
	wantCursor(t, m, 0, 5)
	m = undo(m, 1)
	wantValue(t, m, "hallo wereld")
	wantCursor(t, m, 0, 12)
	m = undo(m, 1)
	wantValue(t, m, "hallo wereld") // SetValue is not a step
}

func TestDeletesInARowAreOneStepWithTheCursorStaying(t *testing.T) {
	m := editor(30, 3, "hallo wereld")
	m = press(m, tea.KeyHome)
	m = press(m, repeat(tea.KeyDelete, 8)...)
	wantValue(t, m, "reld")
	m = undo(m, 1)
	wantValue(t, m, "wereld")
	m = undo(m, 1)
	wantValue(t, m, "hallo wereld")
	wantCursor(t, m, 0, 0)
}

func TestUndoAfterAPasteRemovesThePasteWhole(t *testing.T) {
	m := editor(30, 4, "")
	m = typeText(m, "De school")
	m = paste(m, " en de ouders\r\nnodigen uit")
	wantValue(t, m, "De school en de ouders\nnodigen uit")
	m = undo(m, 1)
	wantValue(t, m, "De school")
	wantScreen(t, m, "De school", "", "", "")
	wantCursor(t, m, 0, 9)
	m = redo(m, 1)
	wantValue(t, m, "De school en de ouders\nnodigen uit")
	wantCursor(t, m, 1, 11)
	// Typing right after a paste is a step of its own.
	m = typeText(m, "!")
	m = undo(m, 1)
	wantValue(t, m, "De school en de ouders\nnodigen uit")
}

func TestUndoAfterCtrlWAndCtrlK(t *testing.T) {
	m := editor(30, 3, "een twee drie")
	m = press(m, tea.KeyCtrlW)
	wantValue(t, m, "een twee ")
	m = undo(m, 1)
	wantValue(t, m, "een twee drie")
	wantCursor(t, m, 0, 13)

	m = press(m, tea.KeyHome, tea.KeyCtrlRight, tea.KeyCtrlK)
	wantValue(t, m, "een")
	m = press(m, tea.KeyCtrlHome)
	m = undo(m, 1)
	wantValue(t, m, "een twee drie")
	wantCursor(t, m, 0, 3)

	// ctrl+k at the end of a line joins the next; undo splits them again.
	m = editor(30, 3, "zorg\nkantoor")
	m = press(m, tea.KeyUp, tea.KeyEnd, tea.KeyCtrlK)
	wantValue(t, m, "zorgkantoor")
	m = undo(m, 1)
	wantValue(t, m, "zorg\nkantoor")
	wantCursor(t, m, 0, 4)
	m = press(m, tea.KeyDown, tea.KeyHome, tea.KeyBackspace)
	wantValue(t, m, "zorgkantoor")
	m = undo(m, 1)
	wantValue(t, m, "zorg\nkantoor")
	wantCursor(t, m, 1, 0)
}

func TestUndoKeepsLettersAndTheirMarksTogether(t *testing.T) {
	m := editor(30, 3, "")
	m = typeText(m, "cafe")
	m, _ = m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'\u0301'}})
	wantValue(t, m, "cafe\u0301")
	m = press(m, tea.KeyLeft, tea.KeyBackspace) // removes the f
	wantValue(t, m, "cae\u0301")
	m = undo(m, 1)
	wantValue(t, m, "cafe\u0301")
	wantCursor(t, m, 0, 3)
	m = undo(m, 1)
	wantValue(t, m, "")
}

func TestMoreThanAHundredStepsCanBeUndone(t *testing.T) {
	m := editor(40, 5, "")
	var words []string
	for i := range 3 * maxUndo {
		w := fmt.Sprintf("w%d ", i)
		words = append(words, w)
		m = typeText(m, w)
		if i%3 == 0 {
			m = press(m, tea.KeyBackspace) // a step of its own
			words[i] = strings.TrimSuffix(w, " ")
		}
	}
	steps := 0
	for {
		v := m.Version()
		m = undo(m, 1)
		if m.Version() == v {
			break
		}
		steps++
	}
	if steps < maxUndo || steps < 100 {
		t.Fatalf("%d steps could be undone, want at least %d", steps, max(maxUndo, 100))
	}
	// Every step undone took back exactly what was done last, so what is
	// left is what had been written before the oldest step kept.
	if v := m.Value(); !strings.HasPrefix(strings.Join(words, ""), v) || len(v) == 0 {
		t.Fatalf("after undoing %d steps the text is %q", steps, v)
	}
	m = redo(m, steps)
	wantValue(t, m, strings.Join(words, ""))
}

func TestSetValueClearsTheHistory(t *testing.T) {
	m := editor(30, 3, "")
	m = typeText(m, "vorige vraag")
	m.SetValue("nieuwe vraag")
	v := m.Version()
	m = undo(m, 3)
	wantValue(t, m, "nieuwe vraag")
	if m.Version() != v {
		t.Fatal("undo after SetValue should change nothing")
	}
	m = typeText(m, "!")
	m = undo(m, 1)
	m.SetValue("derde")
	m = redo(m, 1)
	wantValue(t, m, "derde")
}

func TestTypingAfterUndoForgetsWhatCouldBeRedone(t *testing.T) {
	m := editor(30, 3, "")
	m = typeText(m, "een twee")
	m = undo(m, 1)
	m = typeText(m, "drie")
	m = redo(m, 1)
	wantValue(t, m, "een drie")
}

func TestUndoAndRedoMoveTheVersion(t *testing.T) {
	m := editor(30, 3, "")
	m = typeText(m, "gemeente")
	v := m.Version()
	m = undo(m, 1)
	if m.Version() == v {
		t.Fatal("undo changed the text but not the version")
	}
	v = m.Version()
	m = redo(m, 1)
	if m.Version() == v {
		t.Fatal("redo changed the text but not the version")
	}
	v = m.Version()
	m = redo(m, 1)
	if m.Version() != v {
		t.Fatal("a redo with nothing to redo changed the version")
	}
}

func TestUndoRedoKeysInTheHelp(t *testing.T) {
	h := help.New()
	h.Width = 200
	short := ansi.Strip(h.View(DefaultKeyMap()))
	h.ShowAll = true
	full := ansi.Strip(h.View(DefaultKeyMap()))
	for _, want := range []string{"ctrl+z", "ongedaan maken", "alt+z", "opnieuw"} {
		if !strings.Contains(short, want) {
			t.Errorf("short help %q lacks %q", short, want)
		}
		if !strings.Contains(full, want) {
			t.Errorf("full help lacks %q:\n%s", want, full)
		}
	}
}

// checkUndoAll types keys on text x, then undoes until nothing changes
// and expects x back, then redoes everything and expects the edited text.
func checkUndoAll(t *testing.T, x string, keys []tea.KeyMsg) {
	t.Helper()
	m := editor(20, 4, x)
	orig := m.Value()
	for _, k := range keys {
		m, _ = m.Update(k)
	}
	edited := m.Value()
	n := 0
	for ; n < 10*len(keys)+1; n++ {
		v := m.Version()
		m = undo(m, 1)
		if m.Version() == v {
			break
		}
		checkShape(t, m)
		if m.Len() != len([]rune(m.Value())) {
			t.Fatalf("Len() = %d for %q after %d undos", m.Len(), m.Value(), n+1)
		}
	}
	if got := m.Value(); got != orig {
		t.Fatalf("keys %v on %q: undoing all gives %q, want %q", keyNames(keys), x, got, orig)
	}
	m = redo(m, n)
	if got := m.Value(); got != edited {
		t.Fatalf("keys %v on %q: redoing all gives %q, want %q", keyNames(keys), x, got, edited)
	}
}

func keyNames(keys []tea.KeyMsg) []string {
	s := make([]string, len(keys))
	for i, k := range keys {
		s[i] = k.String()
	}
	return s
}

func TestRandomEditsAreAllUndone(t *testing.T) {
	texts := []string{
		"",
		"Ouders zijn welkom.\nDe school nodigt uit.",
		"日本語のテキスト 👨\u200d👩\u200d👧 e\u0301",
		"🇳🇱🇧🇪 vlaggen\n\nen\ttabs",
		strings.Repeat("woord ", 30),
	}
	rnd := rand.New(rand.NewSource(12))
	for trial := range 400 {
		keys := make([]tea.KeyMsg, 1+rnd.Intn(40))
		for i := range keys {
			keys[i] = fuzzKeys[rnd.Intn(len(fuzzKeys))]
		}
		checkUndoAll(t, texts[trial%len(texts)], keys)
	}
}

func FuzzUndo(f *testing.F) {
	f.Add("", []byte{20, 21, 20, 13, 22, 14, 25})
	f.Add("e\u0301 a\u200db", []byte{0, 0, 21, 14, 1, 23, 22, 15})
	f.Add("🇳🇱🇧🇪\nx", []byte{26, 26, 0, 14, 26, 16, 17, 18, 25, 27})
	f.Fuzz(func(t *testing.T, x string, b []byte) {
		var keys []tea.KeyMsg
		for _, c := range b {
			if int(c) < len(fuzzKeys) {
				keys = append(keys, fuzzKeys[c])
			}
		}
		checkUndoAll(t, x, keys)
	})
}
