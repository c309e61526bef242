package textedit

import (
	"strings"
	"testing"
	"unicode/utf8"

	tea "github.com/charmbracelet/bubbletea"
)

// withoutControls is what the editor should keep of s: line breaks of any
// kind as LF, tabs, and no other control character.
func withoutControls(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	var out []rune
	for _, r := range s {
		if r == '\n' || r == '\t' || r >= 0x20 && (r < 0x7f || r > 0x9f) {
			out = append(out, r)
		}
	}
	return string(out)
}

var fuzzKeys = []tea.KeyMsg{
	{Type: tea.KeyLeft}, {Type: tea.KeyRight}, {Type: tea.KeyUp}, {Type: tea.KeyDown},
	{Type: tea.KeyHome}, {Type: tea.KeyEnd}, {Type: tea.KeyPgUp}, {Type: tea.KeyPgDown},
	{Type: tea.KeyCtrlHome}, {Type: tea.KeyCtrlEnd}, {Type: tea.KeyCtrlLeft}, {Type: tea.KeyCtrlRight},
	{Type: tea.KeyEnter}, {Type: tea.KeyBackspace}, {Type: tea.KeyDelete},
	{Type: tea.KeyCtrlW}, {Type: tea.KeyCtrlK}, {Type: tea.KeyCtrlU}, {Type: tea.KeyTab},
	{Type: tea.KeySpace, Runes: []rune{' '}},
	{Type: tea.KeyRunes, Runes: []rune{'a'}},
	{Type: tea.KeyRunes, Runes: []rune{'\u0301'}},
	{Type: tea.KeyRunes, Runes: []rune{'日'}},
	{Type: tea.KeyRunes, Runes: []rune{'\u200d'}},
	{Type: tea.KeyRunes, Runes: []rune("👍🏽")},
	{Type: tea.KeyRunes, Runes: []rune("x\r\ny\tz\x1b[0m\n"), Paste: true},
	{Type: tea.KeyRunes, Runes: []rune{'\U0001F1F3'}}, // a flag letter pairs with the next
	{Type: tea.KeyRunes, Runes: []rune{'\u0e33'}},     // a spacing mark
}

// FuzzEditorValue checks that any text comes back as set, less control
// characters, and that any sequence of keys and resizes keeps the view in
// shape with the cursor on it.
func FuzzEditorValue(f *testing.F) {
	f.Add("", []byte{})
	f.Add("Ouders zijn welkom.\nDe school nodigt uit.", []byte{0, 2, 12, 13, 19, 20, 3, 3, 14})
	f.Add("a\r\nb\rc\x00d\x1b[31me\u0085f\tg", []byte{8, 25, 13, 13, 13, 16, 17, 200, 201})
	f.Add("日本語のテキスト 👨\u200d👩\u200d👧 e\u0301", []byte{1, 1, 1, 21, 22, 23, 24, 13, 15, 10, 11})
	f.Add(strings.Repeat("woord ", 50)+"\n\n"+strings.Repeat("x", 90), []byte{8, 6, 6, 7, 2, 2, 4, 5, 199, 20, 0, 0, 13})
	f.Add("\xff\xfeongeldig\xed\xa0\x80", []byte{13, 13, 12})
	f.Add("🇳🇱🇧🇪 vlaggen", []byte{26, 26, 0, 0, 26, 4, 26, 13, 27, 27})
	f.Fuzz(func(t *testing.T, x string, keys []byte) {
		m := editor(20, 4, x)
		want := withoutControls(x)
		if got := m.Value(); got != want {
			t.Fatalf("SetValue(%q) then Value() = %q, want %q", x, got, want)
		}
		if m.Len() != utf8.RuneCountInString(want) {
			t.Fatalf("Len() = %d, want %d", m.Len(), utf8.RuneCountInString(want))
		}
		checkShape(t, m)
		for i, b := range keys {
			if int(b) < len(fuzzKeys) {
				m, _ = m.Update(fuzzKeys[b])
			} else if i+1 < len(keys) {
				// Other bytes resize the editor to a size taken from the next.
				m.SetSize(int(keys[i+1]%50), int(b%9))
			}
			checkShape(t, m)
			if m.Width() > 0 && m.Height() > 0 {
				if r, _ := cursorOnScreen(m); r < 0 {
					t.Fatalf("after key %d the cursor is off screen:\n%s", i, m.View())
				}
			}
		}
		v := m.Value()
		if v != withoutControls(v) {
			t.Fatalf("the text holds control characters: %q", v)
		}
		if m.Len() != utf8.RuneCountInString(v) {
			t.Fatalf("Len() = %d for %q", m.Len(), v)
		}
	})
}
