// Package textedit is a multi-line text editor for Bubble Tea whose cost per
// key follows what is on screen, not how much text is stored: text is kept
// as logical lines of grapheme clusters, an edit touches only its own line,
// each line caches its soft-wrapped rows, and View draws only visible rows.
//
// The screen around it owns tab, esc and every key the editor has no
// binding for; Update ignores them, so they can be handled before or after.
// Version tells an autosave whether the text changed since it last looked.
// Undo (ctrl+z) and redo (alt+z) keep each step as the edit it was, not
// as a copy of the text, so they cost no more per key in a long answer.
package textedit

import (
	"slices"
	"strings"
)

// Model is the editor. Like other Bubble Tea components it is passed by
// value, but copies share the text, so keep only the latest one.
type Model struct {
	KeyMap KeyMap

	lines []*line
	row   int // cursor: logical line
	col   int // cursor: cluster index within the line
	goal  int // screen column kept while moving up and down; -1 when unset

	// The first visible row, kept as a logical line and a row within it so
	// that scrolling never has to count rows from the start of the text.
	topLine, topRow int

	width, height int
	focused       bool
	placeholder   []*line

	version uint64
	runes   int // runes in all lines, newlines not counted

	hist history
}

// New returns an empty, unfocused editor of 40 by 6 cells.
func New() Model {
	return Model{
		KeyMap: DefaultKeyMap(),
		lines:  []*line{newLine(nil)},
		goal:   -1,
		width:  40,
		height: 6,
	}
}

// init gives a Model made without New an empty line to work on.
func (m *Model) init() {
	if len(m.lines) == 0 {
		m.lines = []*line{newLine(nil)}
		m.row, m.col, m.goal = 0, 0, -1
	}
}

// SetValue replaces the text and puts the cursor at its end. The text it
// replaces cannot be brought back: undo starts afresh.
func (m *Model) SetValue(s string) {
	m.hist.clear()
	s = sanitize(s)
	parts := strings.Split(s, "\n")
	m.lines = make([]*line, len(parts))
	m.runes = 0
	for i, p := range parts {
		ln := newLine(segment(make([]cell, 0, len(p)), p))
		m.lines[i] = ln
		m.runes += ln.runes
	}
	m.version++
	m.row = len(m.lines) - 1
	m.col = len(m.lines[m.row].cells)
	m.goal = -1
	m.topLine, m.topRow = m.row, 0
	m.scrollToCursor()
}

// Value returns the text.
func (m Model) Value() string {
	n := max(len(m.lines)-1, 0)
	for _, ln := range m.lines {
		n += byteLen(ln.cells)
	}
	var b strings.Builder
	b.Grow(n)
	for i, ln := range m.lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		ln.appendTo(&b)
	}
	return b.String()
}

// Len returns the length of the text in runes, newlines included.
func (m Model) Len() int { return m.runes + max(len(m.lines)-1, 0) }

// Version changes whenever the text does, so a caller can see cheaply
// whether there is anything new to save.
func (m Model) Version() uint64 { return m.version }

// SetSize sets the editor's size in cells. The first visible row stays the
// same piece of text when the width changes.
func (m *Model) SetSize(width, height int) {
	m.init()
	width, height = max(width, 0), max(height, 0)
	if width != m.width {
		at := 0
		if m.topLine < len(m.lines) {
			ln := m.layout(m.topLine)
			m.topRow = min(m.topRow, len(ln.starts)-1)
			at = ln.starts[m.topRow]
		}
		m.width = width
		if m.topLine < len(m.lines) {
			m.topRow = m.layout(m.topLine).rowOf(at)
		}
	}
	m.height = height
	m.scrollToCursor()
}

// Width returns the editor's width in cells.
func (m Model) Width() int { return m.width }

// Height returns the editor's height in rows.
func (m Model) Height() int { return m.height }

// Focus makes the editor take keys and show its cursor.
func (m *Model) Focus() { m.focused = true }

// Blur makes the editor ignore keys and hide its cursor.
func (m *Model) Blur() { m.focused = false }

// Focused reports whether the editor takes keys.
func (m Model) Focused() bool { return m.focused }

// SetPlaceholder sets the text shown, dimmed, while the editor is empty.
func (m *Model) SetPlaceholder(s string) {
	m.placeholder = nil
	if s == "" {
		return
	}
	for _, p := range strings.Split(sanitize(s), "\n") {
		m.placeholder = append(m.placeholder, newLine(segment(nil, p)))
	}
}

// InsertString inserts text at the cursor, as a paste does: one undo step.
func (m *Model) InsertString(s string) {
	m.init()
	m.insertStep(s, editOther)
	m.goal = -1
	m.scrollToCursor()
}

// wrapWidth is the width rows are laid out for.
func (m *Model) wrapWidth() int { return max(m.width, 1) }

// layout returns line i with its rows laid out for the current width.
func (m *Model) layout(i int) *line {
	ln := m.lines[i]
	if w := m.wrapWidth(); ln.wrapW != w {
		ln.wrap(w)
	}
	return ln
}

// replace replaces clusters [from, to) of line i with repl. Every change of
// a line's clusters goes through here, so counts, version and layout stay
// in step.
func (m *Model) replace(i, from, to int, repl []cell) {
	ln := m.lines[i]
	delta := runeCount(repl) - runeCount(ln.cells[from:to])
	ln.cells = slices.Replace(ln.cells, from, to, repl...)
	ln.runes += delta
	m.runes += delta
	m.version++
	ln.rewrap(from, to-from, len(repl))
}

// insertLines puts new lines after line i.
func (m *Model) insertLines(i int, lines []*line) {
	for _, ln := range lines {
		m.runes += ln.runes
	}
	m.lines = slices.Insert(m.lines, i+1, lines...)
	m.version++
}

// joinNext appends line i+1 to line i and returns where they meet.
func (m *Model) joinNext(i int) int {
	at := len(m.lines[i].cells)
	next := m.lines[i+1]
	m.replace(i, at, at, next.cells)
	m.runes -= next.runes
	m.lines = slices.Delete(m.lines, i+1, i+2)
	switch {
	case m.topLine == i+1:
		m.topLine, m.topRow = i, m.layout(i).rowOf(at)
	case m.topLine > i+1:
		m.topLine--
	}
	return m.reseam(i, at, at)
}

// reseam re-segments the clusters that meet at position at of line i
// after an edit made them neighbours: a combining mark may now belong to
// the letter before it, an emoji joiner may now join two emoji, and a new
// flag letter pairs up the ones after it anew. It goes on rightwards as long
// as clusters change, and returns where cursor position p ends up.
func (m *Model) reseam(i, at, p int) int {
	for {
		cells := m.lines[i].cells
		if at <= 0 || at >= len(cells) || !mayJoin(cells[at-1].s, cells[at].s) {
			return p
		}
		a, b := cells[at-1].s, cells[at].s
		seg := segment(nil, a+b)
		if len(seg) == 2 && seg[0].s == a {
			return p
		}
		m.replace(i, at-1, at+1, seg)
		switch {
		case p == at:
			p = at - 1 + cursorIn(seg, len(a))
		case p > at:
			p += len(seg) - 2
		}
		at += len(seg) - 1
	}
}

// insert puts text at the cursor and moves the cursor past it. The clusters
// on either side take part in segmenting when they could combine with it.
func (m *Model) insert(s string) {
	s = sanitize(s)
	if s == "" {
		return
	}
	ln := m.lines[m.row]
	lo, hi := m.col, m.col
	pre, post := "", ""
	if lo > 0 && mayJoin(ln.cells[lo-1].s, s) {
		lo--
		pre = ln.cells[lo].s
	}
	if hi < len(ln.cells) && mayJoin(s, ln.cells[hi].s) {
		post = ln.cells[hi].s
		hi++
	}
	text := s
	if pre != "" || post != "" {
		text = pre + s + post
	}
	// The cursor goes after the inserted text, so it is found by the byte
	// offset where post begins.
	if !strings.Contains(text, "\n") {
		seg := segment(make([]cell, 0, len(text)), text)
		m.replace(m.row, lo, hi, seg)
		m.col = lo + cursorIn(seg, len(text)-len(post))
		m.col = m.reseam(m.row, lo+len(seg), m.col)
		m.col = m.reseam(m.row, lo, m.col)
		return
	}
	parts := strings.Split(text, "\n")
	tail := slices.Clone(ln.cells[hi:])
	m.replace(m.row, lo, len(ln.cells), segment(nil, parts[0]))
	rest := make([]*line, 0, len(parts)-1)
	for _, p := range parts[1 : len(parts)-1] {
		rest = append(rest, newLine(segment(make([]cell, 0, len(p)), p)))
	}
	lastPart := parts[len(parts)-1]
	last := segment(make([]cell, 0, len(lastPart)+len(tail)), lastPart)
	col := cursorIn(last, len(lastPart)-len(post))
	rest = append(rest, newLine(append(last, tail...)))
	m.insertLines(m.row, rest)
	m.reseam(m.row, lo, 0)
	m.row += len(parts) - 1
	m.col = m.reseam(m.row, len(last), col)
}

// cursorIn returns the index of the first cluster that starts at or after
// byte offset off; a cursor never stops inside a cluster.
func cursorIn(cells []cell, off int) int {
	b := 0
	for i, c := range cells {
		if b >= off {
			return i
		}
		b += len(c.s)
	}
	return len(cells)
}

// deleteRange removes clusters [from, to) of the cursor's line and leaves
// the cursor at from.
func (m *Model) deleteRange(from, to int) {
	if from >= to {
		return
	}
	m.replace(m.row, from, to, nil)
	m.col = m.reseam(m.row, from, from)
}

// scrollToCursor moves the first visible row the least needed to show the
// cursor, and pulls the text down when rows below its end would stay empty
// while text above is hidden. It looks only at rows near the screen.
func (m *Model) scrollToCursor() {
	if m.topLine >= len(m.lines) {
		m.topLine, m.topRow = len(m.lines)-1, 0
	}
	m.topRow = min(m.topRow, len(m.layout(m.topLine).starts)-1)
	h := max(m.height, 1)
	cl, cr := m.row, m.layout(m.row).rowOf(m.col)
	if cl < m.topLine || cl == m.topLine && cr < m.topRow {
		m.topLine, m.topRow = cl, cr
	} else if m.rowsBetween(m.topLine, m.topRow, cl, cr, h) >= h {
		m.topLine, m.topRow = m.back(cl, cr, h-1)
	}
	if shown := m.rowsBetween(m.topLine, m.topRow, len(m.lines), 0, h); shown < h {
		m.topLine, m.topRow = m.back(m.topLine, m.topRow, h-shown)
	}
}

// rowsBetween counts visual rows from (l, r) up to (tl, tr), stopping at
// limit. (len(lines), 0) stands for the end of the text.
func (m *Model) rowsBetween(l, r, tl, tr, limit int) int {
	d := 0
	for l < tl && d < limit {
		d += len(m.layout(l).starts) - r
		l, r = l+1, 0
	}
	if l == tl && l < len(m.lines) {
		d += tr - r
	}
	return min(d, limit)
}

// back returns the row n rows above (l, r), or the first row of the text.
func (m *Model) back(l, r, n int) (int, int) {
	for n > r {
		if l == 0 {
			return 0, 0
		}
		n -= r + 1
		l--
		r = len(m.layout(l).starts) - 1
	}
	return l, r - n
}

// forward returns the row n rows below (l, r), or the last row of the text.
func (m *Model) forward(l, r, n int) (int, int) {
	for {
		rows := len(m.layout(l).starts)
		if r+n < rows {
			return l, r + n
		}
		if l == len(m.lines)-1 {
			return l, rows - 1
		}
		n -= rows - r
		l, r = l+1, 0
	}
}
