package question

import (
	"strconv"
	"strings"
)

// lastYearCounts is what last year's report holds at a counts question:
// one number per category of this year's question, and the total.
type lastYearCounts struct {
	n      []int
	ok     []bool
	total  int
	filled int
	// numW is the width of the widest of last year's numbers ("–": 1).
	numW int
}

// lastLabelRoom is the least room the labels keep beside the long form
// "(vorig jaar 10, +2)"; with less, the short form "(v.j. 10, +2)" is
// drawn: the long form from a main column of about 96 columns on, so at
// 80 columns the labels keep room to be read.
const lastLabelRoom = 60

// readLastYear reads last year's numbers at the stop s shows; nil outside
// a yearly reflection. It runs when a stop is loaded, never on a key.
func readLastYear(s *Screen) *lastYearCounts {
	if s.conv == nil || s.conv.Prior == nil || s.st.Question == nil {
		return nil
	}
	cats := s.st.Question.Categories
	l := &lastYearCounts{n: make([]int, len(cats)), ok: make([]bool, len(cats)), numW: 1}
	if s.lastYear == nil { // last year's report answered nothing
		return l
	}
	for i, cat := range cats {
		l.n[i], l.ok[i] = s.lastYear.Count(s.st, cat.ID)
		if l.ok[i] {
			l.numW = max(l.numW, len(strconv.Itoa(l.n[i])))
		}
	}
	l.total, l.filled = s.lastYear.CountTotal(s.st)
	l.numW = max(l.numW, len(strconv.Itoa(l.total)))
	return l
}

// lastPrefix is the opening of the cell at width w: the long form when
// the labels keep lastLabelRoom columns beside it, the short one else.
func (c *countsInput) lastPrefix(w int) string {
	long := "(vorig jaar "
	if w-4-c.numberWidth()-2-c.cellWidth(long)-2 >= lastLabelRoom {
		return long
	}
	return "(v.j. "
}

// cellWidth is the width of a cell opening with prefix: the widest of
// last year's numbers, and a difference as wide as the widest number of
// either year, so that the labels stay in one column while typing.
func (c *countsInput) cellWidth(prefix string) int {
	dw := max(c.last.numW, c.numberWidth())
	return len([]rune(prefix)) + c.last.numW + len(", +") + dw + len(")")
}

// lastWidth is the columns the cell with last year's number takes with
// its gap; 0 outside a reflection.
func (c *countsInput) lastWidth(w int) int {
	if c.last == nil {
		return 0
	}
	return c.cellWidth(c.lastPrefix(w)) + 2
}

// lastCell is last year's number for category i (-1: the total) and the
// difference with this year's n (has: n is filled in), padded to
// lastWidth; "" outside a reflection. Arithmetic only: it runs per frame.
func (c *countsInput) lastCell(w, i, n int, has bool) string {
	if c.last == nil {
		return ""
	}
	prev, ok := c.last.total, c.last.filled > 0
	if i >= 0 {
		prev, ok = c.last.n[i], c.last.ok[i]
	}
	prefix := c.lastPrefix(w)
	var b strings.Builder
	b.WriteString(prefix)
	switch {
	case !ok:
		b.WriteString("–")
	case !has:
		b.WriteString(strconv.Itoa(prev))
	default:
		b.WriteString(strconv.Itoa(prev))
		b.WriteString(", ")
		b.WriteString(difference(n - prev))
	}
	b.WriteString(")")
	cell := b.String()
	pad := c.lastWidth(w) - len([]rune(cell))
	return cell + strings.Repeat(" ", max(0, pad))
}

// difference is d with its sign: "+2", "-3", "±0".
func difference(d int) string {
	switch {
	case d > 0:
		return "+" + strconv.Itoa(d)
	case d < 0:
		return "-" + strconv.Itoa(-d)
	}
	return "±0"
}
