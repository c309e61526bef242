package textedit

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// tabWidth is how many cells a pasted tab takes on screen.
const tabWidth = 4

// cell is one grapheme cluster: what the cursor steps over and backspace
// removes in one go, so an accented letter or a family emoji never splits.
type cell struct {
	s string
	w uint8 // cells on screen, at least 1
	// hidden marks a cluster of no width (a zero-width space) or one that
	// cannot stand on its own (a stray combining mark); it is shown as a
	// space, so the cursor always has a cell to sit on and what is drawn is
	// exactly as wide as the layout.
	hidden bool
}

// blank reports whether a row may break after this cluster.
func (c cell) blank() bool { return c.s == " " || c.s == "\t" }

// space reports whether word movement treats the cluster as a separator.
func (c cell) space() bool {
	if c.s == " " || c.s == "\t" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(c.s)
	return r >= utf8.RuneSelf && unicode.IsSpace(r)
}

var asciiCells [utf8.RuneSelf]cell

func init() {
	var b strings.Builder
	for i := range utf8.RuneSelf {
		b.WriteByte(byte(i))
	}
	all := b.String()
	for i := range asciiCells {
		asciiCells[i] = cell{s: all[i : i+1], w: 1}
	}
	asciiCells['\t'].w = tabWidth
}

// newCell wraps a cluster found by ansi's segmenter.
func newCell(s string, w int) cell {
	switch {
	case s == "\t":
		return asciiCells['\t']
	case w <= 0 || joinsSpace(s):
		return cell{s: s, w: 1, hidden: true}
	case w > 255:
		w = 255
	}
	return cell{s: s, w: uint8(w)}
}

// joinsSpace reports whether cl would merge with a space drawn beside it: a
// mark without its letter (at the start of a line, after a tab) or a prefix
// sign with nothing after it. Tabs, padding and the cursor are drawn as
// spaces, and such a merge would make the row one cell narrower on screen
// than it was laid out.
func joinsSpace(cl string) bool {
	var buf [utf8.UTFMax + 1]byte
	if r, size := utf8.DecodeRuneInString(cl); r >= 0x300 {
		buf[0] = ' '
		n := 1 + copy(buf[1:], cl[:size])
		if c, _ := ansi.FirstGraphemeCluster(buf[:n], ansi.GraphemeWidth); len(c) > 1 {
			return true
		}
	}
	if r, size := utf8.DecodeLastRuneInString(cl); r >= 0x300 {
		n := copy(buf[:], cl[len(cl)-size:])
		buf[n] = ' '
		n++
		if c, _ := ansi.FirstGraphemeCluster(buf[:n], ansi.GraphemeWidth); len(c) == n {
			return true
		}
	}
	return false
}

// segment appends the grapheme clusters of s, which holds no newline, to dst.
// Two ASCII bytes never join into one cluster (CR LF is gone after
// sanitizing), so plain text skips the Unicode segmenter.
func segment(dst []cell, s string) []cell {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf && (i+1 == len(s) || s[i+1] < utf8.RuneSelf) {
			dst = append(dst, asciiCells[s[i]])
			i++
			continue
		}
		cl, w := ansi.FirstGraphemeCluster(s[i:], ansi.GraphemeWidth)
		if cl == "" {
			_, size := utf8.DecodeRuneInString(s[i:])
			cl = s[i : i+size]
		}
		dst = append(dst, newCell(cl, w))
		i += len(cl)
	}
	return dst
}

// mayJoin reports whether clusters a and b could merge into one when they
// become neighbours. Only non-ASCII text can combine.
func mayJoin(a, b string) bool {
	return a != "" && b != "" && (a[len(a)-1] >= utf8.RuneSelf || b[0] >= utf8.RuneSelf)
}

// allowed reports whether a rune may be stored. Control characters would let
// typed or pasted text move the terminal's cursor or change its colours on a
// shared screen, so only newline and tab survive.
func allowed(r rune) bool {
	switch {
	case r == '\n' || r == '\t':
		return true
	case r < 0x20:
		return false
	case r >= 0x7f && r <= 0x9f:
		return false
	}
	return true
}

// sanitize turns CR LF and lone CR into LF (terminals send CR for the line
// breaks of a paste), drops other control characters and turns invalid
// UTF-8 into U+FFFD. Clean text is returned as is, without copying.
func sanitize(s string) string {
	clean := true
	for _, r := range s {
		if r == utf8.RuneError || !allowed(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range s {
		switch {
		case r == '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				continue
			}
			b.WriteByte('\n')
		case allowed(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// line is one logical line (a paragraph) with its soft-wrap cache.
type line struct {
	cells []cell
	runes int

	// The rows below are valid for wrapW cells; 0 means not laid out yet.
	wrapW int
	// starts holds the first cluster of every visual row. reads holds, per
	// row, one past the last cluster the layout looked at (len(cells)+1 when
	// it saw the end of the line): an edit before that bound may change the
	// row, an edit after it cannot.
	starts []int
	reads  []int
}

func runeCount(cells []cell) int {
	n := 0
	for _, c := range cells {
		if len(c.s) == 1 {
			n++
		} else {
			n += utf8.RuneCountInString(c.s)
		}
	}
	return n
}

func newLine(cells []cell) *line {
	return &line{cells: cells, runes: runeCount(cells)}
}

func (ln *line) appendTo(b *strings.Builder) {
	for _, c := range ln.cells {
		b.WriteString(c.s)
	}
}

// byteLen is the length of the line's text in bytes.
func byteLen(cells []cell) int {
	n := 0
	for _, c := range cells {
		n += len(c.s)
	}
	return n
}
