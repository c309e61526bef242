package textedit

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// editor returns a focused editor of the given size holding text.
func editor(width, height int, text string) Model {
	m := New()
	m.SetSize(width, height)
	m.Focus()
	m.SetValue(text)
	return m
}

// typeText sends s as a person types it: one key per rune, a space as the
// space key and a newline as enter.
func typeText(m Model, s string) Model {
	for _, r := range s {
		var k tea.KeyMsg
		switch r {
		case ' ':
			k = tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}
		case '\n':
			k = tea.KeyMsg{Type: tea.KeyEnter}
		default:
			k = tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}}
		}
		m, _ = m.Update(k)
	}
	return m
}

// press sends special keys, each possibly several times.
func press(m Model, keys ...tea.KeyType) Model {
	for _, k := range keys {
		m, _ = m.Update(tea.KeyMsg{Type: k})
	}
	return m
}

func alt(m Model, r rune) Model {
	m, _ = m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: true})
	return m
}

func repeat(k tea.KeyType, n int) []tea.KeyType {
	ks := make([]tea.KeyType, n)
	for i := range ks {
		ks[i] = k
	}
	return ks
}

func paste(m Model, s string) Model {
	m, _ = m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s), Paste: true})
	return m
}

// screen returns the rows of the view as plain text, trailing blanks cut.
func screen(m Model) []string {
	rows := strings.Split(ansi.Strip(m.View()), "\n")
	for i, r := range rows {
		rows[i] = strings.TrimRight(r, " ")
	}
	return rows
}

// cursorOnScreen finds the reverse-video cell in the view and returns its
// row and column, or -1, -1.
func cursorOnScreen(m Model) (row, col int) {
	for i, r := range strings.Split(m.View(), "\n") {
		if at := strings.Index(r, reverseOn); at >= 0 {
			return i, ansi.StringWidth(r[:at])
		}
	}
	return -1, -1
}

// checkShape fails unless the view has exactly height rows of exactly width
// cells.
func checkShape(t testing.TB, m Model) {
	t.Helper()
	view := m.View()
	if m.Height() == 0 {
		if view != "" {
			t.Fatalf("a view of no height should be empty, got %q", view)
		}
		return
	}
	rows := strings.Split(view, "\n")
	if len(rows) != m.Height() {
		t.Fatalf("view has %d rows, want %d:\n%s", len(rows), m.Height(), view)
	}
	for i, r := range rows {
		if w := ansi.StringWidth(ansi.Strip(r)); w != m.Width() {
			t.Fatalf("row %d is %d cells wide, want %d: %q", i, w, m.Width(), r)
		}
	}
}

func wantScreen(t *testing.T, m Model, want ...string) {
	t.Helper()
	got := screen(m)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("screen:\n%s\nwant:\n%s", strings.Join(got, "|\n")+"|", strings.Join(want, "|\n")+"|")
	}
	checkShape(t, m)
}

func wantCursor(t *testing.T, m Model, row, col int) {
	t.Helper()
	r, c := cursorOnScreen(m)
	if r != row || c != col {
		t.Fatalf("cursor on screen at row %d col %d, want row %d col %d\n%s", r, c, row, col, strings.Join(screen(m), "|\n"))
	}
}

func wantValue(t *testing.T, m Model, want string) {
	t.Helper()
	if got := m.Value(); got != want {
		t.Fatalf("value %q, want %q", got, want)
	}
	if got, n := m.Len(), len([]rune(want)); got != n {
		t.Fatalf("Len() = %d, want %d", got, n)
	}
}
