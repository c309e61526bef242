package report

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"gespreksmap/sessions"
)

// ParseError says which line of a report could not be read, and why.
type ParseError struct {
	Path string // file name; empty when the report did not come from a file
	Line int    // 1-based
	Msg  string // Dutch, for the user
}

// Error is printable as it stands: the file name and the message pass
// sessions.Printable, so nothing from the file reaches a terminal raw.
func (e *ParseError) Error() string {
	msg := sessions.Printable(e.Msg)
	if e.Path == "" {
		return "regel " + strconv.Itoa(e.Line) + ": " + msg
	}
	return sessions.Printable(e.Path) + ":" + strconv.Itoa(e.Line) + ": " + msg
}

// quoteLimit is how much of a line from the file an error message quotes.
const quoteLimit = 60

// quoted is text from the file as an error message quotes it: printable
// (no control character, escape sequence or bidirectional override reaches
// the terminal) and cut to quoteLimit characters.
func quoted(s string) string {
	s = strings.TrimSpace(sessions.Printable(s))
	if utf8.RuneCountInString(s) <= quoteLimit {
		return s
	}
	n := 0
	for i := range s {
		if n == quoteLimit {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

// nextLine splits off the first line of text. A line ends in LF, CRLF or a
// lone CR (as old Mac editors save it).
func nextLine(text string) (line, rest string) {
	i := strings.IndexAny(text, "\r\n")
	if i < 0 {
		return text, ""
	}
	if text[i] == '\r' && i+1 < len(text) && text[i+1] == '\n' {
		return text[:i], text[i+2:]
	}
	return text[:i], text[i+1:]
}

// encodingError refuses a line that is not UTF-8, naming the first byte
// that is not, without printing it.
func encodingError(line int, raw string) error {
	i := 0
	for i < len(raw) {
		r, n := utf8.DecodeRuneInString(raw[i:])
		if r == utf8.RuneError && n == 1 {
			break
		}
		i += n
	}
	before := ""
	if q := quoted(raw[:i]); q != "" {
		if utf8.RuneCountInString(q) > 20 {
			q = string([]rune(q)[utf8.RuneCountInString(q)-20:])
		}
		before = " na '" + q + "'"
	}
	return &ParseError{Line: line, Msg: "deze regel is geen UTF-8 (byte 0x" + strings.ToUpper(strconv.FormatUint(uint64(raw[i]), 16)) + before +
		"); het bestand is waarschijnlijk bewaard als Windows-1252 of Latin-1. Open het in een teksteditor, bewaar het als UTF-8 en open het dan opnieuw"}
}
