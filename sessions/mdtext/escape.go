package mdtext

import "strings"

// isASCIIPunct reports whether c is ASCII punctuation, the characters a
// backslash escapes in CommonMark.
func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// inlineSpecial marks the characters Escape always backslash-escapes:
// those that start emphasis, code, links, HTML and autolinks, table cells,
// strikethrough and pandoc's math, super- and subscript.
var inlineSpecial = func() (t [256]bool) {
	for _, c := range []byte("`*_[<|~$^") {
		t[c] = true
	}
	return t
}()

// Escape writes a single-line value so that markdown shows it literally.
// Escapes are kept to what is needed, so that the raw file stays readable:
// a backslash only where it would otherwise escape what follows ("C:\map"
// stays as it is), "&" only before what reads as an entity ("&amp;"), "#"
// only at the start or the end (where a heading would take or drop it),
// ">" only at the start (where it would open a quote in a list item), "_"
// not between letters.
func Escape(s string) string {
	n := 0
	for i := 0; i < len(s); i++ {
		if needsEscape(s, i) {
			n++
		}
	}
	if n == 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + n)
	for i := 0; i < len(s); i++ {
		if needsEscape(s, i) {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func needsEscape(s string, i int) bool {
	switch c := s[i]; c {
	case '\\':
		return i+1 == len(s) || isASCIIPunct(s[i+1])
	case '&':
		return entityAt(s[i+1:])
	case '#':
		return i == 0 || strings.Trim(s[i:], "#") == ""
	case '>':
		return i == 0
	case '_':
		// Between letters or digits ("piet_jansen") it cannot emphasise.
		return i == 0 || i+1 == len(s) || !isAlnum(s[i-1]) || !isAlnum(s[i+1])
	default:
		return inlineSpecial[c]
	}
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// entityAt reports whether s (what follows an "&") reads as the rest of an
// HTML entity or character reference, such as "amp;" or "#39;".
func entityAt(s string) bool {
	for i := 0; i < len(s) && i < 40; i++ {
		c := s[i]
		switch {
		case c == ';':
			return i > 0
		case c == '#' && i == 0, isAlnum(c):
		default:
			return false
		}
	}
	return false
}

// Unescape undoes Escape, and more generally removes a backslash before
// ASCII punctuation, as markdown renders it.
func Unescape(s string) string {
	i := strings.IndexByte(s, '\\')
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for ; i < len(s); i++ {
		c := s[i]
		if c == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]) {
			i++
			c = s[i]
		}
		b.WriteByte(c)
	}
	return b.String()
}
