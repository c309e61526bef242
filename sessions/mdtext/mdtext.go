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
