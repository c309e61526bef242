package mdtext

import (
	"strings"

	"gespreksmap/sessions"
)

// HardBreak ends a quoted line that another line follows: two spaces, a
// markdown hard line break.
const HardBreak = "  "

// indentEscape goes before a line of quoted text that starts with an
// indentation markdown would show as code (four spaces or a tab, at the
// start of the text or after an empty line): an entity for a space, so the
// line starts with text. Reading removes it; a typed "&#32;" has its "&"
// escaped, so it cannot be taken for this one.
const indentEscape = "&#32;"

// AppendQuote appends multi-line text as a blockquote: every line gets "> "
// in front (an empty line becomes ">"), a line another line follows ends in
// a hard break, so that the lines a person typed stay lines, and a blank
// line follows the quote, so that nothing after it continues it. Each line
// is escaped so that it shows as typed (appendQuoteLine). Text is cleaned
// first; empty text is no quote at all.
func AppendQuote(dst []byte, text string) []byte {
	text = sessions.CleanText(text)
	if text == "" {
		return dst
	}
	afterBlank := true
	for {
		i := strings.IndexByte(text, '\n')
		line := text
		if i >= 0 {
			line = text[:i]
		}
		if line == "" {
			dst = append(dst, ">\n"...)
		} else {
			dst = append(dst, "> "...)
			dst = appendQuoteLine(dst, line, afterBlank)
			if i >= 0 && i+1 < len(text) && text[i+1] != '\n' {
				dst = append(dst, HardBreak...)
			}
			dst = append(dst, '\n')
		}
		afterBlank = strings.TrimLeft(line, " \t") == ""
		if i < 0 {
			break
		}
		text = text[i+1:]
	}
	return append(dst, '\n')
}

// Quote is AppendQuote as a string.
func Quote(text string) string { return string(AppendQuote(nil, text)) }

// appendQuoteLine writes one line of quoted text so that markdown shows it
// as typed. Emphasis, links, tables and lists typed with "- ", "* ", "+ "
// or "1. " keep their meaning; what would turn the line into something
// else gets a backslash in front:
//
//   - at the start of the line (after spaces, and after list markers): a
//     heading "#", a setext underline ("===", "--"), a thematic break
//     ("---", "* * *", "___"), a quote ">", a tilde fence "~~~", a link
//     definition "[x]: url", and a list marker with nothing after it;
//   - anywhere: every backtick (code spans and fences), "<" before
//     anything but a space (HTML, comments, autolinks), "&" that starts an
//     entity, and a backslash before ASCII punctuation, which would
//     otherwise escape it.
//
// A line indented like code at the start of the text or after an empty
// line gets indentEscape in front. Reading (unquoteLine) removes one
// backslash before every ASCII punctuation character, as markdown does,
// so the mapping is reversible.
func appendQuoteLine(dst []byte, line string, afterBlank bool) []byte {
	if afterBlank && codeIndent(line) {
		dst = append(dst, indentEscape...)
	}
	at := blockEscape(line)
	for i := 0; i < len(line); i++ {
		if i == at || inlineEscape(line, i) {
			dst = append(dst, '\\')
		}
		dst = append(dst, line[i])
	}
	return dst
}

// codeIndent reports whether a line with text starts with an indentation
// that may make it an indented code block: a tab, or four spaces.
func codeIndent(line string) bool {
	ws := len(line) - len(strings.TrimLeft(line, " \t"))
	return ws < len(line) && (strings.IndexByte(line[:ws], '\t') >= 0 || ws >= 4)
}

// inlineEscape reports whether line[i] needs a backslash wherever it is.
func inlineEscape(line string, i int) bool {
	next := byte(0)
	if i+1 < len(line) {
		next = line[i+1]
	}
	switch line[i] {
	case '\\':
		return isASCIIPunct(next)
	case '`':
		return true
	case '<':
		return next != 0 && next != ' ' && next != '\t'
	case '&':
		return entityAt(line[i+1:])
	}
	return false
}

// blockEscape returns where a line of quoted text starts a block that is
// not a paragraph or a list (a heading, rule, fence, quote, link
// definition or an empty list item), or -1.
func blockEscape(line string) int {
	i := 0
	for {
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			i++
		}
		rest := line[i:]
		if rest == "" {
			return -1
		}
		switch rest[0] {
		case '#':
			n := len(rest) - len(strings.TrimLeft(rest, "#"))
			if n == len(rest) || rest[n] == ' ' || rest[n] == '\t' {
				return i
			}
			return -1
		case '>':
			return i
		case '[':
			if strings.Contains(rest, "]:") {
				return i
			}
			return -1
		case '~':
			if strings.HasPrefix(rest, "~~~") {
				return i
			}
			return -1
		case '=', '-', '*', '_':
			if ThematicBreak(rest) || underline(rest) {
				return i
			}
		}
		n, mark := listMarker(rest)
		if n == 0 {
			return -1
		}
		if strings.TrimLeft(rest[n:], " \t") == "" {
			return i + mark // an empty list item shows no marker
		}
		i += n
	}
}

// ThematicBreak reports whether s is three or more of "-", "*" or "_",
// with nothing but spaces and tabs between them.
func ThematicBreak(s string) bool {
	if s[0] != '-' && s[0] != '*' && s[0] != '_' {
		return false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case s[0]:
			n++
		case ' ', '\t':
		default:
			return false
		}
	}
	return n >= 3
}

// underline reports whether s underlines the line above into a heading:
// only "=" or only "-", then spaces.
func underline(s string) bool {
	t := strings.TrimRight(s, " \t")
	return strings.Trim(t, "=") == "" || strings.Trim(t, "-") == ""
}

// listMarker returns the length of a list marker at the start of s ("- ",
// "* ", "+ ", "1. ", "2) " without the space), and where a backslash would
// make it text; n is 0 when s does not start with one.
func listMarker(s string) (n, mark int) {
	switch {
	case s[0] == '-' || s[0] == '*' || s[0] == '+':
		n = 1
	default:
		for n < len(s) && n < 9 && s[n] >= '0' && s[n] <= '9' {
			n++
		}
		if n == 0 || n == len(s) || (s[n] != '.' && s[n] != ')') {
			return 0, 0
		}
		mark = n
		n++
	}
	if n < len(s) && s[n] != ' ' && s[n] != '\t' {
		return 0, 0
	}
	return n, mark
}

// UnquoteLines joins the lines read from a blockquote (each without its
// ">" and the space after it) back into the text AppendQuote wrote: the
// hard breaks and the escapes it added come off again.
func UnquoteLines(lines []string) string {
	for i := 0; i+1 < len(lines); i++ {
		if lines[i] != "" && lines[i+1] != "" {
			lines[i] = strings.TrimSuffix(lines[i], HardBreak)
		}
	}
	if len(lines) == 1 {
		return unquoteLine(lines[0])
	}
	n := 0
	for _, l := range lines {
		n += len(l) + 1
	}
	var b strings.Builder
	b.Grow(n)
	for i, l := range lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(unquoteLine(l))
	}
	return b.String()
}

// unquoteLine undoes appendQuoteLine on a line read from a quote: without
// the indentation escape, and with one backslash less before each ASCII
// punctuation character, as markdown shows it.
func unquoteLine(line string) string {
	if rest, ok := strings.CutPrefix(line, indentEscape); ok && rest != "" && (rest[0] == ' ' || rest[0] == '\t') {
		line = rest
	}
	return Unescape(line)
}
