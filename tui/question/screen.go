// Package question is the question screen: one stop of the conversation (a
// question, or one of its sub-points or topics) with its status, the input
// that fits the question's kind, the text, and the perspectives and action
// items made at that stop. It changes the conversation only through the
// conversation core (sessions.Conversation) and asks the root for
// everything else (navigation, panels, flash messages) with messages.
//
// The root draws the header line above and the footer below; the screen
// draws its body in the size SetSize gives it. Typed text stays in the
// editor until Flush, which the root calls before every save, before
// leaving the screen and before quitting: a key never costs work that grows
// with the answer.
package question

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/tui/common"
	"gespreksmap/tui/component"
	"gespreksmap/tui/list"
	"gespreksmap/tui/textedit"
)

// fieldID names one focusable part of the screen.
type fieldID int

const (
	fStatus fieldID = iota
	fInput          // the kind's own input: choice, partners, counts
	fText
	fPersp
	fActions
)

// Screen is the question screen. It implements component.Component.
type Screen struct {
	c    *common.Common
	conv *sessions.Conversation
	keys KeyMap

	idx   int
	navTo int // a step asked of the root and not yet shown (-1: none)
	st    content.Stop
	order []fieldID
	focus int

	in       input // nil for a kind with no input of its own
	ed       textedit.Model
	edSynced uint64 // editor version last recorded in the core

	persp *list.List[sessions.Perspective]
	acts  *list.List[int]
	panel panel

	terms []*content.Term
	prior string // last year's answer at the stop; "" outside a reflection
	// lastYear is last year's report as a conversation, to read what it
	// holds at a stop (nil outside a reflection).
	lastYear *sessions.Conversation

	// w is the width of the main column: the whole body, or at wide sizes
	// the part left of the side panel (see columns). bodyW is the body's.
	w, h  int
	bodyW int
	side  side
	hdr   header
	// statusText is the status line drawn for statusKey.
	statusKey, statusText string
	// topLimit and kindLimit are the rows the header block and the kind's
	// input get at the current size (see layout).
	topLimit, kindLimit int
}

// New makes the question screen; SetConversation and Show give it
// something to show.
func New(c *common.Common) *Screen {
	s := &Screen{c: c, keys: newKeyMap(c.Keys), h: max(1, c.Height-2), idx: -1, navTo: -1}
	s.bodyW = max(1, c.Width)
	s.w, s.side.w = Columns(s.bodyW)
	s.ed = textedit.New()
	s.ed.SetPlaceholder("Typ hier wat er gezegd en afgesproken wordt…")
	s.persp = newList[sessions.Perspective](c.St, "perspectieven", "+ perspectief toevoegen", func(p sessions.Perspective) string {
		return "het perspectief van " + p.Organisation
	}, func(p sessions.Perspective, w int) string {
		return component.Plain(p.Organisation + ": " + p.Text)
	})
	s.acts = newList[int](c.St, "actiepunten", "+ actiepunt toevoegen", func(int) string { return "dit actiepunt" }, s.actionRow)
	return s
}

// SetConversation sets the conversation shown: at the start, and after a
// reload (the screen stays at the stop it shows, with the text read again).
func (s *Screen) SetConversation(conv *sessions.Conversation) {
	s.conv = conv
	s.panel = nil
	s.lastYear = nil
	if conv != nil && conv.Prior != nil && conv.Prior.Answers != nil {
		// Last year's report is shared and never changed: NewConversation
		// writes only to a session without answers, which this is not.
		s.lastYear = sessions.NewConversation(conv.Set, conv.Prior)
	}
	if s.idx >= 0 && conv != nil && s.idx < len(conv.Stops()) {
		s.load(s.idx)
	}
}

// Show opens the screen at stop index i of conv.Stops() and records it as
// where the conversation is.
func (s *Screen) Show(i int) tea.Cmd {
	if s.conv == nil || i < 0 || i >= len(s.conv.Stops()) {
		return nil
	}
	s.Flush()
	s.load(i)
	s.conv.SetCurrent(i)
	return nil
}

// Stop returns the index of the stop shown (-1 before Show).
func (s *Screen) Stop() int { return s.idx }

// Title is the line the root shows above the screen: where we are.
func (s *Screen) Title() string {
	if s.st.Question == nil {
		return ""
	}
	return component.Plain(fmt.Sprintf("%s (%d/%d) · %d. %s", s.st.Number(), s.idx+1, len(s.conv.Stops()), s.st.SectionIndex+1, s.st.Section.Title))
}

// Editing reports whether a text field has focus: letters are text then.
func (s *Screen) Editing() bool {
	if s.panel != nil {
		return s.panel.editing()
	}
	return s.st.Question != nil && s.focused() == fText
}

// Pending reports whether text typed here is not yet in the core: the root
// schedules a save when it is, and calls Flush before saving.
func (s *Screen) Pending() bool {
	if s.st.Question == nil {
		return false
	}
	return s.ed.Version() != s.edSynced || (s.panel != nil && s.panel.pending())
}

// Flush records the text held in the editors in the core and reports
// whether anything changed.
func (s *Screen) Flush() bool {
	if s.conv == nil || s.st.Question == nil {
		return false
	}
	changed := false
	if s.panel != nil && s.panel.flush() {
		changed = true
	}
	if s.ed.Version() != s.edSynced {
		s.edSynced = s.ed.Version()
		if s.conv.SetText(s.st, s.ed.Value()) {
			changed = true
		}
	}
	return changed
}

// load sets the screen up for stop i: fields, editor text, lists, terms.
func (s *Screen) load(i int) {
	s.idx = i
	if s.navTo == i {
		s.navTo = -1 // arrived
	}
	s.st = s.conv.Stop(i)
	s.panel = nil
	s.in = newInput(s)
	s.order = s.order[:0]
	s.order = append(s.order, fStatus)
	if s.in != nil && s.in.focusable() {
		s.order = append(s.order, fInput)
	}
	s.order = append(s.order, fText, fPersp, fActions)
	s.ed.SetValue(s.conv.Text(s.st))
	s.edSynced = s.ed.Version()
	s.terms = s.conv.Terms(s.st)
	s.prior = s.priorLines()
	s.refreshLists()
	s.persp.SetCursor(0)
	s.acts.SetCursor(0)
	s.hdr = header{}
	// Where typing starts: the list these questions are about, a choice
	// not made yet, otherwise the text.
	s.setFocus(s.indexOf(fText))
	if s.in != nil && s.in.focusable() && s.in.startHere() {
		s.setFocus(s.indexOf(fInput))
	}
	s.layout()
}

// refreshLists hands the lists what the core holds at the stop now.
func (s *Screen) refreshLists() {
	s.persp.SetItems(s.conv.Perspectives(s.st))
	s.acts.SetItems(s.conv.ActionsAt(s.st))
	s.buildSide()
}

func (s *Screen) indexOf(f fieldID) int {
	for i, x := range s.order {
		if x == f {
			return i
		}
	}
	return 0
}

func (s *Screen) focused() fieldID {
	if len(s.order) == 0 {
		return fText
	}
	return s.order[s.focus]
}

// setFocus moves focus to field i (wrapping), and tells every part.
func (s *Screen) setFocus(i int) {
	n := len(s.order)
	s.focus = ((i % n) + n) % n
	f := s.focused()
	if f == fText && !s.conv.ReadOnly() {
		s.ed.Focus()
	} else {
		s.ed.Blur()
	}
	if s.in != nil {
		if f == fInput {
			s.in.focus()
		} else {
			s.in.blur()
		}
	}
	for _, l := range []interface {
		Focus()
		Blur()
	}{s.persp, s.acts} {
		l.Blur()
	}
	switch f {
	case fPersp:
		s.persp.Focus()
	case fActions:
		s.acts.Focus()
	}
	s.enableKeys()
}

// Init implements component.Component.
func (s *Screen) Init() tea.Cmd { return nil }

// SetSize sets the size of the body.
func (s *Screen) SetSize(w, h int) {
	w, h = max(1, w), max(1, h)
	if w == s.bodyW && h == s.h {
		return // laid out for this size already (the root sizes every screen it shows)
	}
	s.bodyW, s.h = w, h
	s.w, s.side.w = Columns(w)
	s.hdr = header{}
	if s.st.Question != nil {
		s.buildSide()
		s.layout()
	}
}

// readOnly says that nothing is changed here.
func readOnly() tea.Cmd {
	return component.FlashError("Alleen lezen: dit verslag wordt hier niet gewijzigd.")
}

// Focus names what has focus, in the words of the interface: a panel
// ("perspectief", "actiepunt", "partner") when one is open, else a field
// ("status", "invoer", "antwoord", "perspectieven", "actiepunten"). The
// root's tests use it to know where random keys went.
func (s *Screen) Focus() string {
	switch s.panel.(type) {
	case *perspectivePanel:
		return "perspectief"
	case *actionPanel:
		return "actiepunt"
	case *otherPanel:
		return "partner"
	}
	if len(s.order) == 0 {
		return ""
	}
	return [...]string{"status", "invoer", "antwoord", "perspectieven", "actiepunten"}[s.focused()]
}

// EditorSize is the size of the answer editor in cells and lines.
func (s *Screen) EditorSize() (w, h int) { return s.ed.Width(), s.ed.Height() }
