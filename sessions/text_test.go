package sessions

import "testing"

func TestCleanTextRemovesTerminalEscapesAndControlCharacters(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"colour", "\x1b[31mrood\x1b[0m en \x1b[1;4mvet\x1b[m", "rood en vet"},
		{"window title ended by BEL", "\x1b]0;titel\x07tekst", "tekst"},
		{"hyperlink ended by ESC \\", "\x1b]8;;https://nji.nl\x1b\\link\x1b]8;;\x1b\\", "link"},
		{"window title with a character ending in byte 0x9c", "\x1b]0;Ŝ\x07na", "na"},
		{"device control string", "\x1bPq#0;2;0;0;0\x1b\\na", "na"},
		{"bracketed paste", "\x1b[200~geplakt\x1b[201~", "geplakt"},
		{"cursor keys", "\x1b[A\x1bOBa\x1b[1;5C", "a"},
		{"character set selection", "\x1b(Bx\x1b)0", "x"},
		{"8-bit CSI byte", "\x9b31mC1\x9b0m", "C1"},
		{"C1 CSI as a character", "\u009b31mC1\u009b0m", "C1"},
		{"C1 OSC as a character", "\u009d0;titel\u009cna", "na"},
		{"other C1 controls", "a\u0085b\u0084c\x85d", "abcd"},
		{"unterminated title runs to the end", "voor\x1b]0;titel zonder einde", "voor"},
		{"lone ESC", "a\x1b", "a"},
		{"CRLF and CR", "a\r\nb\rc\n\r\n", "a\nb\nc\n\n"},
		{"line separators", "a\u2028b\u2029c", "a\nb\nc"},
		{"backspace bell and delete", "a\bb\x07c\x7fd\x00e", "abcde"},
		{"invalid UTF-8", "caf\xe9", "caf\uFFFD"},
		{"tabs newlines and every script kept", "\tЖ 👩🏽‍🏫 🇳🇱 中文 مرحبا שלום\n", "\tЖ 👩🏽‍🏫 🇳🇱 中文 مرحبا שלום\n"},
	}
	for _, c := range cases {
		if got := CleanText(c.in); got != c.want {
			t.Errorf("%s: CleanText(%q) = %q, want %q", c.name, c.in, got, c.want)
		}
	}
	var all []byte
	for c := byte(0); c < 0x20; c++ {
		if c != 0x1b {
			all = append(all, 'x', c)
		}
	}
	// 0x00-0x08 go, tab stays, newline stays, 0x0b and 0x0c go, CR becomes a newline, the rest go.
	want := "xxxxxxxxx" + "x\t" + "x\n" + "xx" + "x\n" + "xxxxxxxxxxxxxxxxx"
	if got := CleanText(string(all)); got != want {
		t.Errorf("C0 controls: got %q, want %q", got, want)
	}
}

func TestCleanLineTurnsLineBreaksAndTabsIntoOneSpace(t *testing.T) {
	cases := map[string]string{
		"Anna\nde Vries":      "Anna de Vries",
		"Anna\r\n\r\n\tde":    "Anna de",
		"a\tb":                "a b",
		"\x1b[1mvet\x1b[0m\n": "vet ",
		"  spaties blijven  ": "  spaties blijven  ",
		"Gemeente Tilburg 🏛️": "Gemeente Tilburg 🏛️",
	}
	for in, want := range cases {
		if got := CleanLine(in); got != want {
			t.Errorf("CleanLine(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCleaningTwiceChangesNothing(t *testing.T) {
	for _, in := range append(nastyTexts, "\x1b[31ma\x1b", "\x9b\x9b1", "\xc2", "a\r", "\x1b]\x1b\\b") {
		once := CleanText(in)
		if again := CleanText(once); again != once {
			t.Errorf("CleanText(%q): %q, then %q", in, once, again)
		}
	}
}

func TestBidirectionalOverridesAreRemovedAndDirectionMarksKept(t *testing.T) {
	in := "abc\u202edcba\u202c \u2066x\u2069 \u200fשלום\u200e"
	want := "abcdcba x \u200fשלום\u200e"
	if got := CleanText(in); got != want {
		t.Errorf("CleanText(%q) = %q, want %q", in, got, want)
	}
	if got := Printable("naam\x1b]52;c;ZXZpbA==\x07\u202e.md\n"); got != "naam.md " {
		t.Errorf("Printable = %q", got)
	}
}
