package textedit

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxUndo is how many steps are kept at least. The history holds between
// maxUndo and twice as many, so that dropping the oldest half now and then
// keeps the cost of recording a step constant.
const maxUndo = 200

// editKind says how a step may grow.
type editKind uint8

const (
	editOther  editKind = iota // paste, ctrl+w, ctrl+k, ctrl+u: a step of its own
	editTyping                 // typed characters, space and enter
	editBack                   // backspace
	editDelete                 // delete
)

// edit is one undo step as a change of text, not a copy of it: at byte off
// of logical line line, del was removed and ins put in its place. Either may
// hold newlines. Storing edits keeps the cost of a step proportional to the
// edit, whatever the length of the answer.
type edit struct {
	line, off int
	del, ins  string
	kind      editKind
	// cursorAfter tells that the cursor stood after del before the edit
	// (backspace, ctrl+w, ctrl+u) rather than at off.
	cursorAfter bool
}

// history is a field's undo and redo stacks.
type history struct {
	done   []edit
	undone []edit
	// version is the text's version after the last recorded edit; a step
	// grows only while nothing else changed the text and the cursor did not
	// jump (sealed).
	version uint64
	sealed  bool
}

// seal ends the step being typed: the next edit starts a new one.
func (h *history) seal() { h.sealed = true }

// clear forgets every step.
func (h *history) clear() {
	h.done, h.undone = nil, nil
	h.sealed = true
}

// push adds a step, dropping the oldest half when the stack is full.
func (h *history) push(e edit) {
	if len(h.done) >= 2*maxUndo {
		n := copy(h.done, h.done[len(h.done)-maxUndo:])
		clear(h.done[n:])
		h.done = h.done[:n]
	}
	h.done = append(h.done, e)
}

// blankRune reports whether r separates words for grouping typing.
func blankRune(r rune) bool { return r == '\n' || unicode.IsSpace(r) }

func firstRune(s string) rune { r, _ := utf8.DecodeRuneInString(s); return r }
func lastRune(s string) rune  { r, _ := utf8.DecodeLastRuneInString(s); return r }

// wordBreak reports whether text b, typed or removed right after text a,
// starts a new word: the blanks after a word belong to its step, the next
// word is a step of its own.
func wordBreak(a, b string) bool {
	return blankRune(lastRune(a)) && !blankRune(firstRune(b))
}

// endOf returns the line and byte offset where text s ends when it starts
// at byte off of line l.
func endOf(l, off int, s string) (int, int) {
	n := strings.Count(s, "\n")
	if n == 0 {
		return l, off + len(s)
	}
	return l + n, len(s) - strings.LastIndexByte(s, '\n') - 1
}

// record notes an edit made at the text's version v, joining it to the
// step before when it continues it: characters typed one after the other up
// to the next word, or backspaces or deletes in a row likewise. A step never
// grows across a cursor jump or another change of the text. Anything
// recorded empties the redo stack.
func (m *Model) record(v uint64, e edit) {
	h := &m.hist
	clear(h.undone)
	h.undone = h.undone[:0]
	grow := false
	if n := len(h.done); n > 0 && !h.sealed && v == h.version && h.done[n-1].kind == e.kind {
		p := &h.done[n-1]
		switch e.kind {
		case editTyping:
			l, off := endOf(p.line, p.off, p.ins)
			if grow = l == e.line && off == e.off && !wordBreak(p.ins, e.ins); grow {
				p.ins += e.ins
			}
		case editBack:
			l, off := endOf(e.line, e.off, e.del)
			brk := blankRune(firstRune(p.del)) && !blankRune(lastRune(e.del))
			if grow = l == p.line && off == p.off && !brk; grow {
				p.line, p.off, p.del = e.line, e.off, e.del+p.del
			}
		case editDelete:
			if grow = e.line == p.line && e.off == p.off && !wordBreak(p.del, e.del); grow {
				p.del += e.del
			}
		}
	}
	if !grow {
		h.push(e)
	}
	h.version = m.version
	h.sealed = false
}

// offset returns the byte offset of cluster col in line l.
func (m *Model) offset(l, col int) int {
	return byteLen(m.lines[l].cells[:col])
}

// cellText returns the text of cells.
func cellText(cells []cell) string {
	if len(cells) == 1 {
		return cells[0].s
	}
	var b strings.Builder
	b.Grow(byteLen(cells))
	for _, c := range cells {
		b.WriteString(c.s)
	}
	return b.String()
}

// insertStep inserts s at the cursor as an undoable edit.
func (m *Model) insertStep(s string, kind editKind) {
	s = sanitize(s)
	if s == "" {
		return
	}
	v, l, off := m.version, m.row, m.offset(m.row, m.col)
	m.insert(s)
	m.record(v, edit{line: l, off: off, ins: s, kind: kind})
}

// deleteStep removes clusters [from, to) of the cursor's line as an
// undoable edit; after tells that the cursor stood at to.
func (m *Model) deleteStep(from, to int, kind editKind, after bool) {
	if from >= to {
		return
	}
	v, l, off := m.version, m.row, m.offset(m.row, from)
	del := cellText(m.lines[l].cells[from:to])
	m.deleteRange(from, to)
	m.record(v, edit{line: l, off: off, del: del, kind: kind, cursorAfter: after})
}

// joinStep joins line i+1 to line i as an undoable edit and returns where
// they meet; after tells that the cursor stood at the start of line i+1.
func (m *Model) joinStep(i int, kind editKind, after bool) int {
	v, off := m.version, byteLen(m.lines[i].cells)
	col := m.joinNext(i)
	m.record(v, edit{line: i, off: off, del: "\n", kind: kind, cursorAfter: after})
	return col
}

// undo takes back the last step and puts the cursor where it was before
// it. It reports whether there was a step to take back.
func (m *Model) undo() bool {
	h := &m.hist
	e, ok := pop(&h.done)
	if !ok {
		return false
	}
	m.splice(e.line, e.off, e.ins, e.del)
	l, off := e.line, e.off
	if e.cursorAfter {
		l, off = endOf(l, off, e.del)
	}
	m.moveTo(l, off)
	h.undone = append(h.undone, e)
	h.seal()
	return true
}

// redo makes the last step taken back again, with the cursor after it.
func (m *Model) redo() bool {
	h := &m.hist
	e, ok := pop(&h.undone)
	if !ok {
		return false
	}
	m.splice(e.line, e.off, e.del, e.ins)
	m.moveTo(endOf(e.line, e.off, e.ins))
	h.push(e)
	h.seal()
	return true
}

// pop takes the last step off a stack.
func pop(stack *[]edit) (edit, bool) {
	s := *stack
	if len(s) == 0 {
		return edit{}, false
	}
	e := s[len(s)-1]
	s[len(s)-1] = edit{} // let the text go
	*stack = s[:len(s)-1]
	return e, true
}

// moveTo puts the cursor at byte off of line l, or at the first cluster
// after it should off fall inside one.
func (m *Model) moveTo(l, off int) {
	m.row = l
	m.col = cursorIn(m.lines[l].cells, off)
}

// clusterAt returns the cluster of cells holding byte off and how many of
// its bytes lie before off; at the end of the line, len(cells) and 0.
func clusterAt(cells []cell, off int) (int, int) {
	b := 0
	for i, c := range cells {
		if b+len(c.s) > off {
			return i, off - b
		}
		b += len(c.s)
	}
	return len(cells), 0
}

// splice replaces text old, which starts at byte off of line l, with s.
// Clusters are cut only where the text is: should old begin or end inside
// a cluster, as after a combining mark joined a letter, the rest of that
// cluster is put back around s, and insert segments the seams anew.
func (m *Model) splice(l, off int, old, s string) {
	l2, off2 := endOf(l, off, old)
	i1, p1 := clusterAt(m.lines[l].cells, off)
	pre := ""
	if p1 > 0 {
		pre = m.lines[l].cells[i1].s[:p1]
	}
	cells2 := m.lines[l2].cells
	i2, p2 := clusterAt(cells2, off2)
	post := ""
	if p2 > 0 {
		post = cells2[i2].s[p2:]
		i2++
	}
	if l2 > l {
		// The rest of line l2 is put back with s; lines l+1 to l2 go.
		post += cellText(cells2[i2:])
		m.replace(l, i1, len(m.lines[l].cells), nil)
		m.deleteLines(l+1, l2+1)
	} else {
		m.replace(l, i1, i2, nil)
	}
	m.row, m.col = l, i1
	if text := pre + s + post; text != "" {
		m.insert(text)
	} else {
		m.col = m.reseam(l, i1, i1)
	}
}

// deleteLines removes lines [from, to); from is at least 1.
func (m *Model) deleteLines(from, to int) {
	if from >= to {
		return
	}
	for _, ln := range m.lines[from:to] {
		m.runes -= ln.runes
	}
	m.lines = slices.Delete(m.lines, from, to)
	m.version++
	switch {
	case m.topLine >= to:
		m.topLine -= to - from
	case m.topLine >= from:
		m.topLine, m.topRow = from-1, 0
	}
}
