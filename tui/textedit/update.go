package textedit

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// Update handles keys while the editor has the focus. Other messages, and
// keys it has no use for, are ignored; the editor never returns a command.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok || !m.focused {
		return m, nil
	}
	m.init()
	m.handleKey(k)
	return m, nil
}

func (m *Model) handleKey(k tea.KeyMsg) {
	// Plain and pasted characters are text whatever the key map says; a
	// binding on a letter would make that letter impossible to type.
	if k.Paste || !k.Alt && (k.Type == tea.KeyRunes || k.Type == tea.KeySpace) {
		kind := editTyping
		if k.Paste {
			kind = editOther
		}
		m.insertStep(string(k.Runes), kind)
		m.goal = -1
		m.scrollToCursor()
		return
	}
	name := keyName(k.Type.String()) // the name without an allocation
	if k.Alt || k.Type == tea.KeyRunes {
		name = keyName(k.String())
	}
	km := &m.KeyMap
	vertical := false
	v := m.version
	switch {
	case key.Matches(name, km.Undo):
		m.undo()
	case key.Matches(name, km.Redo):
		m.redo()
	case key.Matches(name, km.CharacterForward):
		m.characterForward()
	case key.Matches(name, km.CharacterBackward):
		m.characterBackward()
	case key.Matches(name, km.WordForward):
		m.wordForward()
	case key.Matches(name, km.WordBackward):
		m.wordBackward()
	case key.Matches(name, km.LineNext):
		m.moveRows(1)
		vertical = true
	case key.Matches(name, km.LinePrevious):
		m.moveRows(-1)
		vertical = true
	case key.Matches(name, km.PageDown):
		m.page(1)
		vertical = true
	case key.Matches(name, km.PageUp):
		m.page(-1)
		vertical = true
	case key.Matches(name, km.LineStart):
		ln := m.layout(m.row)
		m.col = ln.starts[ln.rowOf(m.col)]
	case key.Matches(name, km.LineEnd):
		ln := m.layout(m.row)
		m.col = ln.lastPos(ln.rowOf(m.col))
	case key.Matches(name, km.InputBegin):
		m.row, m.col = 0, 0
	case key.Matches(name, km.InputEnd):
		m.row = len(m.lines) - 1
		m.col = len(m.lines[m.row].cells)
	case key.Matches(name, km.InsertNewline):
		m.insertStep("\n", editTyping)
	case key.Matches(name, km.DeleteCharacterBackward):
		if m.col > 0 {
			m.deleteStep(m.col-1, m.col, editBack, true)
		} else if m.row > 0 {
			m.row--
			m.col = m.joinStep(m.row, editBack, true)
		}
	case key.Matches(name, km.DeleteCharacterForward):
		if m.col < len(m.lines[m.row].cells) {
			m.deleteStep(m.col, m.col+1, editDelete, false)
		} else if m.row < len(m.lines)-1 {
			m.col = m.joinStep(m.row, editDelete, false)
		}
	case key.Matches(name, km.DeleteWordBackward):
		if m.col > 0 {
			m.deleteStep(m.wordStart(), m.col, editOther, true)
		} else if m.row > 0 {
			m.row--
			m.col = m.joinStep(m.row, editOther, true)
		}
	case key.Matches(name, km.DeleteAfterCursor):
		if n := len(m.lines[m.row].cells); m.col < n {
			m.deleteStep(m.col, n, editOther, false)
		} else if m.row < len(m.lines)-1 {
			m.col = m.joinStep(m.row, editOther, false)
		}
	case key.Matches(name, km.DeleteBeforeCursor):
		m.deleteStep(0, m.col, editOther, true)
	default:
		return
	}
	if m.version == v {
		// A key that moved the cursor, or changed nothing, ends the step
		// being typed.
		m.hist.seal()
	}
	if !vertical {
		m.goal = -1
	}
	m.scrollToCursor()
}

func (m *Model) characterForward() {
	if m.col < len(m.lines[m.row].cells) {
		m.col++
	} else if m.row < len(m.lines)-1 {
		m.row, m.col = m.row+1, 0
	}
}

func (m *Model) characterBackward() {
	if m.col > 0 {
		m.col--
	} else if m.row > 0 {
		m.row--
		m.col = len(m.lines[m.row].cells)
	}
}

// wordStart returns the start of the word before the cursor, blanks
// between it and the cursor included.
func (m *Model) wordStart() int {
	cells, i := m.lines[m.row].cells, m.col
	for i > 0 && cells[i-1].space() {
		i--
	}
	for i > 0 && !cells[i-1].space() {
		i--
	}
	return i
}

// wordBackward goes to the start of the word before the cursor; the start
// of a line is a stop of its own.
func (m *Model) wordBackward() {
	if m.col == 0 {
		m.characterBackward()
		return
	}
	m.col = m.wordStart()
}

// wordForward goes to the end of the word after the cursor; the end of a
// line is a stop of its own.
func (m *Model) wordForward() {
	cells := m.lines[m.row].cells
	if m.col == len(cells) {
		m.characterForward()
		return
	}
	i := m.col
	for i < len(cells) && cells[i].space() {
		i++
	}
	for i < len(cells) && !cells[i].space() {
		i++
	}
	m.col = i
}

// moveRows moves the cursor n visual rows down (up when negative), keeping
// the screen column it had before it started moving vertically. Past the
// first row it goes to the start of the text, past the last to the end.
func (m *Model) moveRows(n int) {
	ln := m.layout(m.row)
	r := ln.rowOf(m.col)
	if m.goal < 0 {
		m.goal = ln.colOf(r, m.col)
	}
	l := m.row
	if n > 0 {
		if l == len(m.lines)-1 && r == len(ln.starts)-1 {
			m.col = len(ln.cells)
			return
		}
		l, r = m.forward(l, r, n)
	} else {
		if l == 0 && r == 0 {
			m.col = 0
			return
		}
		l, r = m.back(l, r, -n)
	}
	m.row = l
	m.col = m.layout(l).posAt(r, m.goal)
}

// page moves the cursor and the view a screen up or down.
func (m *Model) page(dir int) {
	h := max(m.height, 1)
	if dir > 0 {
		m.topLine, m.topRow = m.forward(m.topLine, m.topRow, h)
		m.moveRows(h)
	} else {
		m.topLine, m.topRow = m.back(m.topLine, m.topRow, h)
		m.moveRows(-h)
	}
}
