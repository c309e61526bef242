package question

import (
	tea "github.com/charmbracelet/bubbletea"

	"gespreksmap/sessions"
	"gespreksmap/tui/common"
	"gespreksmap/tui/component"
	"gespreksmap/tui/list"
)

// lister is what the screen asks of its lists, whatever their items.
type lister interface {
	Confirming() bool
	Edge(tea.KeyMsg) int
	Update(tea.Msg) (component.Component, tea.Cmd)
	View() string
	SetSize(w, h int)
	Rows() int
}

// newList makes a list of the screen. Only arrows move it and only the
// delete key deletes (twice): a letter typed on it is never a command, so a
// sentence typed in the wrong place changes nothing and the screen says
// where typing goes.
func newList[T any](st common.Styles, id, add string, what func(T) string, row func(T, int) string) *list.List[T] {
	l := list.New(id, st.ListStyles(), row).WithAdd(add).WithDelete(what)
	b := component.Bind
	l.Keys.Up = b("↑", "omhoog", "up")
	l.Keys.Down = b("↓", "omlaag", "down")
	l.Keys.Delete = b("delete", "verwijderen", "delete")
	if id == "actiepunten" {
		l.Keys.Add = b("ctrl+r", "actiepunt toevoegen", "ctrl+r")
	} else {
		l.Keys.Add = b("ctrl+o", "perspectief toevoegen", "ctrl+o")
	}
	l.Blur()
	return l
}

// focusedList is the list with focus, or nil.
func (s *Screen) focusedList() lister {
	switch s.focused() {
	case fPersp:
		return s.persp
	case fActions:
		return s.acts
	case fInput:
		if p, ok := s.in.(*partnersInput); ok {
			return p.list
		}
	}
	return nil
}

// actionRow is one action item in the list: done or not, what, who, when.
func (s *Screen) actionRow(i int, _ int) string {
	if i < 0 || i >= len(s.conv.Actions) {
		return ""
	}
	ai := s.conv.Actions[i]
	text := ai.What
	if ai.Who != "" || ai.When != "" {
		text += " (" + joinNonEmpty(", ", ai.Who, ai.When) + ")"
	}
	if ai.Done {
		text = "✓ " + text
	}
	return component.Plain(text)
}

func joinNonEmpty(sep string, parts ...string) string {
	out := ""
	for _, p := range parts {
		if p == "" {
			continue
		}
		if out != "" {
			out += sep
		}
		out += p
	}
	return out
}

// listAdd opens a new item from the add row.
func (s *Screen) listAdd(id string) tea.Cmd {
	switch id {
	case s.persp.ID():
		return s.openPerspective(-1)
	case s.acts.ID():
		return s.openAction(-1)
	}
	if p, ok := s.in.(*partnersInput); ok && id == p.list.ID() {
		return s.openOther(-1)
	}
	return nil
}

// listChosen opens the item chosen with enter.
func (s *Screen) listChosen(id string, i int) tea.Cmd {
	switch id {
	case s.persp.ID():
		return s.openPerspective(i)
	case s.acts.ID():
		items := s.acts.Items()
		if i >= 0 && i < len(items) {
			return s.openAction(items[i])
		}
		return nil
	}
	if p, ok := s.in.(*partnersInput); ok && id == p.list.ID() {
		return p.chosen(i)
	}
	return nil
}

// listDelete deletes an item after the second press.
func (s *Screen) listDelete(id string, i int) tea.Cmd {
	if s.conv.ReadOnly() {
		return readOnly()
	}
	switch id {
	case s.persp.ID():
		items := s.persp.Items()
		if i >= 0 && i < len(items) {
			s.conv.RemovePerspective(s.st, items[i].Organisation)
		}
	case s.acts.ID():
		items := s.acts.Items()
		if i >= 0 && i < len(items) {
			s.conv.RemoveAction(items[i])
		}
	default:
		if p, ok := s.in.(*partnersInput); ok && id == p.list.ID() {
			p.remove(i)
		}
	}
	s.refreshLists()
	s.layout()
	return nil
}

// perspectiveNames is the list summary shown while the list has no focus.
func perspectiveNames(ps []sessions.Perspective) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Organisation
	}
	return out
}
