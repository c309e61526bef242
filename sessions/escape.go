package sessions

import "strings"

// isASCIIPunct reports whether c is ASCII punctuation, the characters a
// backslash escapes in CommonMark.
func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// inlineSpecial marks the characters escapeInline always backslash-escapes:
// those that start emphasis, code, links, HTML and autolinks, table cells,
// strikethrough and pandoc's math, super- and subscript.
var inlineSpecial = func() (t [256]bool) {
	for _, c := range []byte("`*_[<|~$^") {
		t[c] = true
	}
	return t
}()

// escapeInline writes a single-line value so that markdown shows it
// literally. Escapes are kept to what is needed, so that the raw file stays
// readable: a backslash only where it would otherwise escape what follows
// ("C:\map" stays as it is), "&" only before what reads as an entity
// ("&amp;"), "#" only at the end (where a heading would drop it), "_" not
// between letters.
func escapeInline(s string) string {
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
		return strings.Trim(s[i:], "#") == ""
	case '_':
		// Between letters or digits ("piet_jansen") it cannot emphasise.
		return i == 0 || i+1 == len(s) || !isAlnum(s[i-1]) || !isAlnum(s[i+1])
	default:
		return inlineSpecial[c]
	}
}

func isAlnum(c byte) bool { return isLetter(c) || c >= '0' && c <= '9' }

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

// unescapeInline undoes escapeInline, and more generally removes a
// backslash before ASCII punctuation, as markdown renders it.
func unescapeInline(s string) string {
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

// quoteLineEscape reports where a backslash must be inserted in a line of
// quoted text (or -1 when none is needed). Inside a blockquote a line that
// starts with "<" would open an HTML block, which viewers hide and browsers
// may leave unclosed (swallowing the rest of the page), and a line like
// "[x]: url" would be a link definition, which viewers hide. A backslash
// before such a line shows it literally. To keep the mapping reversible, a
// line that already has backslashes there gets one more; reading removes
// one (quoteLineUnescape).
func quoteLineEscape(line string) int {
	i := 0
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	j := i
	for j < len(line) && line[j] == '\\' {
		j++
	}
	if hiddenLineStart(line[j:]) {
		return i
	}
	return -1
}

// quoteLineUnescape undoes quoteLineEscape on a line read from a quote.
func quoteLineUnescape(line string) string {
	i := 0
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	if i == len(line) || line[i] != '\\' {
		return line
	}
	j := i
	for j < len(line) && line[j] == '\\' {
		j++
	}
	if hiddenLineStart(line[j:]) {
		return line[:i] + line[i+1:]
	}
	return line
}

func hiddenLineStart(rest string) bool {
	if rest == "" {
		return false
	}
	switch rest[0] {
	case '<':
		return true
	case '[':
		return strings.Contains(rest, "]:")
	}
	return false
}

// headingNumberLen reports the length of a leading question number such as
// "1.2 " (digits, at least one dot, a space), or 0.
func headingNumberLen(s string) int {
	i := 0
	dots := 0
	for {
		start := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == start {
			return 0
		}
		if i < len(s) && s[i] == '.' && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9' {
			dots++
			i++
			continue
		}
		break
	}
	if dots == 0 || i >= len(s) || s[i] != ' ' {
		return 0
	}
	return i + 1
}
