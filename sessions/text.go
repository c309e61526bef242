package sessions

import (
	"strings"
	"unicode/utf8"

	"gespreksmap/content"
)

// CleanText prepares typed or pasted multi-line text for storage: it removes
// control characters and terminal escape sequences (CSI, OSC, DCS and other
// string sequences, with or without ESC, i.e. also 8-bit C1), turns CRLF and
// lone CR into LF, and replaces invalid UTF-8 with U+FFFD. Tabs, newlines and
// every printable character (emoji, wide and right-to-left text) are kept.
// Unicode line and paragraph separators become newlines, because text editors
// treat them as line breaks and would otherwise split a quoted line.
// Bidirectional embedding, override and isolate controls are removed.
func CleanText(s string) string {
	if isClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	cleanInto(&b, s)
	return b.String()
}

// bidiControl reports the bidirectional embedding, override and isolate
// controls (U+202A–U+202E, U+2066–U+2069): invisible, they make text read
// in another order than it is stored ("Trojan Source"). The marks that only
// set a direction (U+200E, U+200F) stay.
func bidiControl(r rune) bool {
	return r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069'
}

// Printable is what may reach a terminal or a page of a string that came
// from a file, a question set or the network: CleanLine, so no control
// character, escape sequence or bidirectional override survives and the
// string stays on one line. Every such string passes it before it is drawn
// or printed (file names, lock hosts, parse messages, set texts).
func Printable(s string) string { return CleanLine(s) }

// CleanLine is CleanText for single-line values (names, titles, table cells):
// every run of newlines and tabs becomes a single space.
func CleanLine(s string) string {
	s = CleanText(s)
	if !strings.ContainsAny(s, "\n\t") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	inRun := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\n' || c == '\t' {
			if !inRun {
				b.WriteByte(' ')
			}
			inRun = true
			continue
		}
		inRun = false
		b.WriteByte(c)
	}
	return b.String()
}

// isClean reports whether CleanText would return s unchanged; it lets the
// common case (ordinary text) pass without copying.
func isClean(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 && c != '\t' && c != '\n') || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return false
		}
		if (r >= 0x80 && r <= 0x9f) || r == '\u2028' || r == '\u2029' || bidiControl(r) {
			return false
		}
		i += n
	}
	return true
}

// The C1 controls that introduce a sequence, as code points; the same values
// arrive as single (invalid UTF-8) bytes from 8-bit terminals.
const (
	c1DCS = 0x90
	c1SOS = 0x98
	c1ST  = 0x9c
	c1CSI = 0x9b
	c1OSC = 0x9d
	c1PM  = 0x9e
	c1APC = 0x9f
	c1SS2 = 0x8e
	c1SS3 = 0x8f
)

func cleanInto(b *strings.Builder, s string) {
	i := 0
	for i < len(s) {
		c := s[i]
		if c >= 0x20 && c < 0x7f || c == '\t' || c == '\n' {
			b.WriteByte(c)
			i++
			continue
		}
		switch {
		case c == '\r':
			b.WriteByte('\n')
			i++
			if i < len(s) && s[i] == '\n' {
				i++
			}
			continue
		case c == 0x1b:
			i = skipEscape(s, i+1)
			continue
		case c < utf8.RuneSelf:
			// Other C0 controls and DEL.
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			if c >= 0x80 && c <= 0x9f {
				i = skipC1(s, int(c), i+1)
				continue
			}
			b.WriteString("\uFFFD")
			i++
			continue
		}
		switch {
		case r >= 0x80 && r <= 0x9f:
			i = skipC1(s, int(r), i+n)
		case r == '\u2028' || r == '\u2029':
			b.WriteByte('\n')
			i += n
		case bidiControl(r):
			i += n
		default:
			b.WriteString(s[i : i+n])
			i += n
		}
	}
}

// skipEscape skips what follows an ESC at s[i-1] and returns the index after
// the sequence.
func skipEscape(s string, i int) int {
	if i >= len(s) {
		return i
	}
	c := s[i]
	switch {
	case c == '[':
		return skipCSI(s, i+1)
	case c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_':
		return skipString(s, i+1)
	case c == 'N' || c == 'O':
		// SS2/SS3 select one character of another set (function keys).
		if i+1 < len(s) && s[i+1] >= 0x20 && s[i+1] < 0x7f {
			return i + 2
		}
		return i + 1
	case c >= 0x20 && c <= 0x2f:
		// nF escape: intermediates, then one final byte.
		for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
			i++
		}
		if i < len(s) && s[i] >= 0x30 && s[i] < 0x7f {
			i++
		}
		return i
	case c >= 0x30 && c < 0x7f:
		return i + 1
	}
	// ESC before anything else: drop the ESC alone.
	return i
}

// skipC1 skips a C1 control (given as code point) whose encoding ended just
// before i, together with the sequence it introduces.
func skipC1(s string, c1 int, i int) int {
	switch c1 {
	case c1CSI:
		return skipCSI(s, i)
	case c1OSC, c1DCS, c1SOS, c1PM, c1APC:
		return skipString(s, i)
	case c1SS2, c1SS3:
		if i < len(s) && s[i] >= 0x20 && s[i] < 0x7f {
			return i + 1
		}
	}
	return i
}

// skipCSI skips parameter and intermediate bytes and the final byte of a
// control sequence. A malformed sequence ends before the offending byte.
func skipCSI(s string, i int) int {
	for i < len(s) && s[i] >= 0x30 && s[i] <= 0x3f {
		i++
	}
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
		i++
	}
	if i < len(s) && s[i] >= 0x40 && s[i] <= 0x7e {
		i++
	}
	return i
}

// skipString skips the body of an OSC, DCS, SOS, PM or APC string up to and
// including its terminator (BEL, ESC \ or ST). CAN and SUB abort the string,
// another ESC ends it; an unterminated string runs to the end, as it would
// in a terminal.
func skipString(s string, i int) int {
	for i < len(s) {
		c := s[i]
		switch {
		case c == 0x07 || c == 0x18 || c == 0x1a:
			return i + 1
		case c == 0x1b:
			if i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
			return i
		case c >= utf8.RuneSelf:
			// Decode, so that a continuation byte of a character in a
			// window title is not taken for a raw ST.
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == c1ST || (r == utf8.RuneError && n == 1 && c == c1ST) {
				return i + n
			}
			i += n
			continue
		}
		i++
	}
	return i
}

// CentralRepeats reports whether the section's central field says what
// its first question says (ignoring case and spacing), as in sections 1, 5
// and 6 of the Gespreksmap: then it is shown once, as the question.
func CentralRepeats(sec *content.Section) bool {
	if sec == nil || len(sec.Questions) == 0 {
		return false
	}
	norm := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
	c := norm(sec.Central)
	return c != "" && c == norm(sec.Questions[0].Text)
}
