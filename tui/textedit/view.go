package textedit

// Raw SGR rather than lipgloss styles: lipgloss drops every attribute when
// colours are off (NO_COLOR, or no terminal), and an editor without a
// visible cursor cannot be used. Reverse video and faint are not colours.
const (
	reverseOn  = "\x1b[7m"
	reverseOff = "\x1b[27m"
	faintOn    = "\x1b[2m"
	faintOff   = "\x1b[22m"
)

// View draws exactly height rows of exactly width cells. Only the visible
// rows are laid out and drawn.
func (m Model) View() string {
	if m.height <= 0 {
		return ""
	}
	m.init() // only this copy: a Model made without New has no lines yet
	// Rows are appended to a local byte slice rather than a
	// strings.Builder behind a pointer: that keeps the garbage collector's
	// write barrier out of the loop over clusters.
	b := make([]byte, 0, m.height*(2*m.width+32))
	if m.Len() == 0 && len(m.placeholder) > 0 {
		return string(m.placeholderView(b))
	}
	l, r := m.topLine, m.topRow
	if l >= len(m.lines) {
		l, r = len(m.lines)-1, 0
	}
	cl, cp := -1, -1
	if m.focused {
		cl, cp = m.row, m.col
	}
	for i := range m.height {
		if i > 0 {
			b = append(b, '\n')
		}
		if l >= len(m.lines) {
			b = appendSpaces(b, m.width)
			continue
		}
		ln := m.layout(l)
		r = min(r, len(ln.starts)-1)
		p := -1
		if l == cl && ln.rowOf(cp) == r {
			p = cp
		}
		b = appendRow(b, ln, r, p, m.width, "", "")
		r++
		if r >= len(ln.starts) {
			l, r = l+1, 0
		}
	}
	return string(b)
}

// appendRow appends row r of ln in exactly width cells, with the cursor on
// position p (-1 for none). on and off wrap the text in a style.
func appendRow(b []byte, ln *line, r, p, width int, on, off string) []byte {
	if width <= 0 {
		return b
	}
	start, end := ln.starts[r], ln.rowEnd(r)
	limit := width
	cursorAtEdge := false
	if p >= 0 {
		cw := 1
		if p < end {
			cw = int(ln.cells[p].w)
		}
		// A cursor on a blank hanging past the edge, or after a row with no
		// room left, is drawn in the last cell.
		if ln.colOf(r, p)+cw > width {
			limit = width - 1
			cursorAtEdge = true
		}
	}
	b = append(b, on...)
	used := 0
	for i := start; i < end; i++ {
		c := ln.cells[i]
		w := int(c.w)
		if used+w > limit {
			break
		}
		if i == p && !cursorAtEdge {
			b = append(b, off...)
			b = append(b, reverseOn...)
			b = appendCell(b, c, true)
			b = append(b, reverseOff...)
			b = append(b, on...)
		} else {
			b = appendCell(b, c, false)
		}
		used += w
	}
	b = append(b, off...)
	if p >= 0 && (p == end || cursorAtEdge) {
		if cursorAtEdge {
			b = appendSpaces(b, limit-used)
			used = limit
		}
		b = append(b, reverseOn+" "+reverseOff...)
		used++
	}
	return appendSpaces(b, width-used)
}

// appendCell appends a cluster; tabs become spaces and clusters of no width
// a space, so what is drawn is as wide as the layout says. Under the cursor
// only the first cell of a tab is marked.
func appendCell(b []byte, c cell, cursor bool) []byte {
	switch {
	case len(c.s) == 1 && c.s[0] != '\t':
		b = append(b, c.s[0])
	case c.s == "\t":
		b = append(b, ' ')
		if cursor {
			b = append(b, reverseOff...)
		}
		b = appendSpaces(b, tabWidth-1)
		if cursor {
			b = append(b, reverseOn...)
		}
	case c.hidden:
		b = append(b, ' ')
	default:
		b = append(b, c.s...)
	}
	return b
}

const spaces = "                                                                "

func appendSpaces(b []byte, n int) []byte {
	for n > len(spaces) {
		b = append(b, spaces...)
		n -= len(spaces)
	}
	if n > 0 {
		b = append(b, spaces[:n]...)
	}
	return b
}

// placeholderView draws the placeholder dimmed, with the cursor on its
// first cell.
func (m Model) placeholderView(b []byte) []byte {
	w := m.wrapWidth()
	i := 0
	for li, ln := range m.placeholder {
		if ln.wrapW != w {
			ln.wrap(w)
		}
		for r := range ln.starts {
			if i == m.height {
				return b
			}
			if i > 0 {
				b = append(b, '\n')
			}
			p := -1
			if m.focused && li == 0 && r == 0 {
				p = 0
			}
			b = appendRow(b, ln, r, p, m.width, faintOn, faintOff)
			i++
		}
	}
	for ; i < m.height; i++ {
		if i > 0 {
			b = append(b, '\n')
		}
		b = appendSpaces(b, m.width)
	}
	return b
}
