package textedit

import "strings"

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
	var b strings.Builder
	b.Grow(m.height * (m.width + 16))
	if m.Len() == 0 && len(m.placeholder) > 0 {
		m.placeholderView(&b)
		return b.String()
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
			b.WriteByte('\n')
		}
		if l >= len(m.lines) {
			writeSpaces(&b, m.width)
			continue
		}
		ln := m.layout(l)
		r = min(r, len(ln.starts)-1)
		p := -1
		if l == cl && ln.rowOf(cp) == r {
			p = cp
		}
		drawRow(&b, ln, r, p, m.width, "", "")
		r++
		if r >= len(ln.starts) {
			l, r = l+1, 0
		}
	}
	return b.String()
}

// drawRow writes row r of ln in exactly width cells, with the cursor on
// position p (-1 for none). on and off wrap the text in a style.
func drawRow(b *strings.Builder, ln *line, r, p, width int, on, off string) {
	if width <= 0 {
		return
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
	b.WriteString(on)
	used := 0
	for i := start; i < end; i++ {
		c := ln.cells[i]
		w := int(c.w)
		if used+w > limit {
			break
		}
		if i == p && !cursorAtEdge {
			b.WriteString(off)
			b.WriteString(reverseOn)
			writeCell(b, c, true)
			b.WriteString(reverseOff)
			b.WriteString(on)
		} else {
			writeCell(b, c, false)
		}
		used += w
	}
	b.WriteString(off)
	if p >= 0 && (p == end || cursorAtEdge) {
		if cursorAtEdge {
			writeSpaces(b, limit-used)
			used = limit
		}
		b.WriteString(reverseOn + " " + reverseOff)
		used++
	}
	writeSpaces(b, width-used)
}

// writeCell writes a cluster; tabs become spaces and clusters of no width
// a space, so what is drawn is as wide as the layout says. Under the cursor
// only the first cell of a tab is marked.
func writeCell(b *strings.Builder, c cell, cursor bool) {
	switch {
	case c.s == "\t":
		b.WriteByte(' ')
		if cursor {
			b.WriteString(reverseOff)
		}
		writeSpaces(b, tabWidth-1)
		if cursor {
			b.WriteString(reverseOn)
		}
	case c.hidden:
		b.WriteByte(' ')
	default:
		b.WriteString(c.s)
	}
}

const spaces = "                                                                "

func writeSpaces(b *strings.Builder, n int) {
	for n > len(spaces) {
		b.WriteString(spaces)
		n -= len(spaces)
	}
	if n > 0 {
		b.WriteString(spaces[:n])
	}
}

// placeholderView draws the placeholder dimmed, with the cursor on its
// first cell.
func (m Model) placeholderView(b *strings.Builder) {
	w := m.wrapWidth()
	i := 0
	for li, ln := range m.placeholder {
		if ln.wrapW != w {
			ln.wrap(w)
		}
		for r := range ln.starts {
			if i == m.height {
				return
			}
			if i > 0 {
				b.WriteByte('\n')
			}
			p := -1
			if m.focused && li == 0 && r == 0 {
				p = 0
			}
			drawRow(b, ln, r, p, m.width, faintOn, faintOff)
			i++
		}
	}
	for ; i < m.height; i++ {
		if i > 0 {
			b.WriteByte('\n')
		}
		writeSpaces(b, m.width)
	}
}
