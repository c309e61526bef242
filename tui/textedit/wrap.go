package textedit

import (
	"slices"
	"sort"
)

// nextRow lays out the visual row that begins at cluster s in a row of w
// cells. It returns where the next row starts, one past the last cluster it
// looked at (len(cells)+1 when it saw the end of the line), whether this is
// the line's last row, and whether that last row leaves a cell free for the
// cursor standing at the end of the line.
//
// Rows break after a blank. Blanks that do not fit hang past the edge rather
// than start the next row; a word wider than the row is cut where it is full.
func nextRow(cells []cell, s, w int) (end, read int, last, room bool) {
	n := len(cells)
	x, brk := 0, -1
	for i := s; i < n; i++ {
		c := cells[i]
		cw := int(c.w)
		if x+cw > w {
			switch {
			case c.blank():
				j := i + 1
				for j < n && cells[j].blank() {
					j++
				}
				if j == n {
					return n, n + 1, true, false
				}
				return j, j + 1, false, false
			case brk >= 0:
				return brk, i + 1, false, false
			case i == s:
				// One cluster wider than the whole row: it gets a row of its own.
				if s+1 == n {
					return n, n + 1, true, false
				}
				return s + 1, s + 2, false, false
			}
			return i, i + 1, false, false
		}
		x += cw
		if c.blank() {
			brk = i + 1
		}
	}
	return n, n + 1, true, x < w
}

// layoutFrom appends the rows that begin at cluster s to starts and reads,
// stopping at the end of the line, or as soon as a row starts at a cluster
// that still has its old layout (see rewrap). It returns the updated slices
// and, when it stopped early, the index into oldStarts where the old rows
// take over (otherwise -1).
func layoutFrom(cells []cell, s, w int, starts, reads []int, sync func(int) int) ([]int, []int, int) {
	n := len(cells)
	for {
		end, read, last, room := nextRow(cells, s, w)
		starts = append(starts, s)
		reads = append(reads, read)
		if last {
			if !room {
				starts = append(starts, n)
				reads = append(reads, n+1)
			}
			return starts, reads, -1
		}
		s = end
		if sync != nil {
			if t := sync(s); t >= 0 {
				return starts, reads, t
			}
		}
	}
}

// wrap lays out the whole line for rows of w cells.
func (ln *line) wrap(w int) {
	ln.starts, ln.reads, _ = layoutFrom(ln.cells, 0, w, ln.starts[:0], ln.reads[:0], nil)
	ln.wrapW = w
}

// rewrap updates the layout after clusters [from, from+removed) were
// replaced by added new ones. Rows that only looked at clusters before from
// keep their place; from there on rows are laid out again until one starts
// where an old row started past the edit, and the old rows after it are
// reused, shifted. Typing in a long paragraph so costs a row or two.
func (ln *line) rewrap(from, removed, added int) {
	if ln.wrapW == 0 {
		return
	}
	delta := added - removed
	oldStarts, oldReads := ln.starts, ln.reads
	// Reads never decrease from row to row, so the first affected row is
	// found by bisection.
	j := sort.Search(len(oldReads), func(k int) bool { return oldReads[k] > from })
	if j == len(oldReads) {
		j = len(oldReads) - 1
	}
	t := j
	sync := func(s int) int {
		// Past the new text, s corresponds to old position s-delta, which
		// is then past the old text as well.
		if s < from+added {
			return -1
		}
		old := s - delta
		for t < len(oldStarts) && oldStarts[t] < old {
			t++
		}
		if t < len(oldStarts) && oldStarts[t] == old {
			return t
		}
		return -1
	}
	var startBuf, readBuf [16]int
	newStarts, newReads, tail := layoutFrom(ln.cells, oldStarts[j], ln.wrapW, startBuf[:0], readBuf[:0], sync)
	if tail < 0 {
		tail = len(oldStarts)
	}
	ln.starts = slices.Replace(oldStarts, j, tail, newStarts...)
	ln.reads = slices.Replace(oldReads, j, tail, newReads...)
	for k := j + len(newStarts); k < len(ln.starts); k++ {
		ln.starts[k] += delta
		ln.reads[k] += delta
	}
}

// rowOf returns the visual row that holds cursor position p. A position at
// the start of a row belongs to that row, not to the end of the previous one.
func (ln *line) rowOf(p int) int {
	return sort.Search(len(ln.starts), func(k int) bool { return ln.starts[k] > p }) - 1
}

// rowEnd returns one past the last cluster of row r.
func (ln *line) rowEnd(r int) int {
	if r+1 < len(ln.starts) {
		return ln.starts[r+1]
	}
	return len(ln.cells)
}

// lastPos returns the last cursor position on row r: the end of the line on
// its last row, otherwise the row's last cluster (the position after it is
// the start of the next row).
func (ln *line) lastPos(r int) int {
	if r+1 < len(ln.starts) {
		return ln.starts[r+1] - 1
	}
	return len(ln.cells)
}

// colOf returns the screen column of position p on row r.
func (ln *line) colOf(r, p int) int {
	x := 0
	for _, c := range ln.cells[ln.starts[r]:p] {
		x += int(c.w)
	}
	return x
}

// posAt returns the position on row r closest to column x, never past the
// row's last position.
func (ln *line) posAt(r, x int) int {
	p, last := ln.starts[r], ln.lastPos(r)
	acc := 0
	for p < last && acc+int(ln.cells[p].w) <= x {
		acc += int(ln.cells[p].w)
		p++
	}
	return p
}
