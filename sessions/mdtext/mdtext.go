// Package mdtext writes text into markdown so that it shows literally:
// single-line values with their markdown punctuation escaped, multi-line
// text as a blockquote that cannot break out, and dates the Dutch way. The
// report, the comparison, the convenant draft and the export all write text
// through it, so a name looks the same in each.
package mdtext

import (
	"strconv"
	"strings"
	"time"

	"gespreksmap/sessions"
)

// Inline prepares a single-line value for derived text (a sentence, a
// heading, a list item): cleaned of control characters, every run of white
// space one space, markdown punctuation escaped.
func Inline(s string) string {
	return Escape(strings.Join(strings.Fields(sessions.CleanLine(s)), " "))
}

// Cell is Inline for a table cell; an empty cell gets a dash, so that the
// raw table stays readable.
func Cell(s string) string {
	if s = Inline(s); s == "" {
		return "—"
	}
	return s
}

// Months are the Dutch names of the months, January first.
var Months = [12]string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"}

// Date writes a YYYY-MM-DD date the Dutch way, "22 november 2026"; any
// other text is returned as it is, since people edit dates by hand. The
// result is not escaped.
func Date(s string) string {
	t, err := time.Parse("2006-01-02", strings.TrimSpace(s))
	if err != nil {
		return s
	}
	return strconv.Itoa(t.Day()) + " " + Months[t.Month()-1] + " " + strconv.Itoa(t.Year())
}

// HardBreak ends a quoted line that another line follows: two spaces, a
// markdown hard line break.
const HardBreak = "  "

// AppendQuote appends multi-line text as a blockquote: every line gets "> "
// in front (an empty line becomes ">"), a line another line follows ends in
// a hard break, so that the lines a person typed stay lines, and a blank
// line follows the quote, so that nothing after it continues it. Text is
// cleaned first; empty text is no quote at all.
func AppendQuote(dst []byte, text string) []byte {
	text = sessions.CleanText(text)
	if text == "" {
		return dst
	}
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
			if k := quoteLineEscape(line); k >= 0 {
				dst = append(dst, line[:k]...)
				dst = append(dst, '\\')
				dst = append(dst, line[k:]...)
			} else {
				dst = append(dst, line...)
			}
			if i >= 0 && i+1 < len(text) && text[i+1] != '\n' {
				dst = append(dst, HardBreak...)
			}
			dst = append(dst, '\n')
		}
		if i < 0 {
			break
		}
		text = text[i+1:]
	}
	return append(dst, '\n')
}

// Quote is AppendQuote as a string.
func Quote(text string) string { return string(AppendQuote(nil, text)) }

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
		return unescapeQuoteLine(lines[0])
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
		b.WriteString(unescapeQuoteLine(l))
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
// one (unescapeQuoteLine).
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

// unescapeQuoteLine undoes quoteLineEscape on a line read from a quote.
func unescapeQuoteLine(line string) string {
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
