package question

import (
	"hash/fnv"
	"strconv"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/tui/component"
	"gespreksmap/tui/forms"
	"gespreksmap/tui/list"
)

// Update handles keys, the mouse wheel and the messages of the screen's
// own lists and forms.
func (s *Screen) Update(msg tea.Msg) (component.Component, tea.Cmd) {
	if s.conv == nil || s.st.Question == nil {
		return s, nil
	}
	var cmd tea.Cmd
	switch m := msg.(type) {
	case tea.KeyMsg:
		cmd = s.key(m)
	case tea.MouseMsg:
		if s.panel == nil && m.Action == tea.MouseActionPress {
			switch m.Button {
			case tea.MouseButtonWheelUp:
				s.ed, _ = s.ed.Update(tea.KeyMsg{Type: tea.KeyUp})
			case tea.MouseButtonWheelDown:
				s.ed, _ = s.ed.Update(tea.KeyMsg{Type: tea.KeyDown})
			}
		}
	case list.TypedMsg:
		cmd = component.Flash(typedHint)
	case list.AddMsg:
		cmd = s.listAdd(m.List)
	case list.ChosenMsg:
		cmd = s.listChosen(m.List, m.Index)
	case list.DeleteMsg:
		cmd = s.listDelete(m.List, m.Index)
	case forms.ChangedMsg, forms.SubmitMsg:
		if s.panel != nil {
			done, c := s.panel.update(msg)
			cmd = tea.Batch(c, s.closePanelIf(done))
		}
	}
	s.enableKeys()
	return s, cmd
}

// typedHint says where typing goes when letters are typed where no text
// goes: nothing changed.
const typedHint = "Typ je antwoord in het antwoordveld (tab); hier verandert typen niets."

func (s *Screen) key(km tea.KeyMsg) tea.Cmd {
	k := s.keys
	switch {
	case component.Matches(km, k.Help):
		return component.Send(component.ShowHelpMsg{})
	case component.Matches(km, k.Glossary):
		return component.Send(component.ShowGlossaryMsg{First: s.terms})
	case component.Matches(km, k.Tips):
		return component.Send(component.ShowTipsMsg{Section: s.st.SectionIndex})
	case component.Matches(km, k.Whole):
		text := wholeText(s.conv, s.st, s.terms)
		return component.Send(component.ShowTextMsg{Title: "De hele vraag: " + s.st.Number(), Name: textName("whole:", s.st, text), Text: text})
	case component.Matches(km, k.ShowPrior) && s.conv.Prior != nil:
		text := priorText(s.conv, s.st)
		return component.Send(component.ShowTextMsg{Title: "Vorig jaar bij " + s.st.Number(), Name: textName("prior:", s.st, text), Text: text})
	}
	if i := k.statusKey(km); i >= 0 {
		if s.conv.ReadOnly() {
			return readOnly()
		}
		s.conv.SetStatus(s.st, sessions.Statuses[i])
		return nil
	}
	if s.panel != nil {
		done, cmd := s.panel.update(km)
		return tea.Batch(cmd, s.closePanelIf(done))
	}
	// A delete waiting for its second press gets the key first, so that esc
	// cancels it rather than leaving the screen.
	if l := s.focusedList(); l != nil && l.Confirming() {
		_, cmd := l.Update(km)
		return cmd
	}
	editing := s.focused() == fText
	if !component.Matches(km, k.Next, k.Prev, k.PageDown, k.PageUp) {
		s.navTo = -1 // any other key: where the screen is, is where it goes from
	}
	switch {
	case component.Matches(km, k.Back):
		return component.Navigate(component.Overview)
	case component.Matches(km, k.Next), !editing && component.Matches(km, k.PageDown):
		if from := s.heading(); from < len(s.conv.Stops())-1 {
			s.navTo = from + 1
			return component.OpenStop(s.navTo)
		}
		return component.Flash("Dit was de laatste vraag. esc: terug naar het overzicht.")
	case component.Matches(km, k.Prev), !editing && component.Matches(km, k.PageUp):
		if from := s.heading(); from > 0 {
			s.navTo = from - 1
			return component.OpenStop(s.navTo)
		}
		return component.Flash("Dit is de eerste vraag. esc: terug naar het overzicht.")
	case component.Matches(km, k.Tab):
		s.moveFocus(1)
		return nil
	case component.Matches(km, k.ShiftTab):
		s.moveFocus(-1)
		return nil
	case !editing && component.Matches(km, k.HelpLetter):
		return component.Send(component.ShowHelpMsg{})
	case component.Matches(km, k.Perspective):
		return s.openPerspective(-1)
	case component.Matches(km, k.Action):
		return s.openAction(-1)
	case component.Matches(km, k.CopyPrior):
		return s.copyPrior()
	}
	return s.updateFocused(km)
}

// moveFocus goes to the next (d=1) or previous (d=-1) field.
func (s *Screen) moveFocus(d int) {
	s.setFocus(s.focus + d)
	s.layout()
}

func (s *Screen) updateFocused(km tea.KeyMsg) tea.Cmd {
	switch s.focused() {
	case fStatus:
		return s.updateStatus(km)
	case fInput:
		cmd, edge := s.in.update(km)
		if edge != 0 {
			s.moveFocus(edge)
		}
		return cmd
	case fText:
		return s.updateText(km)
	case fPersp, fActions:
		l := s.focusedList()
		if s.focused() == fActions && component.Matches(km, s.keys.toggleDoneList) {
			if _, i, ok := s.acts.Selected(); ok {
				if s.conv.ReadOnly() {
					return readOnly()
				}
				s.conv.ToggleAction(i)
				s.refreshLists()
			}
			return nil
		}
		if e := l.Edge(km); e != 0 {
			if e > 0 && s.focus == len(s.order)-1 {
				return nil
			}
			s.moveFocus(e)
			return nil
		}
		_, cmd := l.Update(km)
		return cmd
	}
	return nil
}

// updateText gives the key to the editor.
func (s *Screen) updateText(km tea.KeyMsg) tea.Cmd {
	if s.conv.ReadOnly() {
		if km.Type == tea.KeyRunes || km.Type == tea.KeySpace || km.Type == tea.KeyEnter || km.Type == tea.KeyBackspace || km.Type == tea.KeyDelete {
			return readOnly()
		}
		return nil
	}
	v := s.ed.Version()
	var cmd tea.Cmd
	s.ed, cmd = s.ed.Update(km)
	if s.ed.Version() != v && v == s.edSynced {
		if _, moved := s.conv.MovedText(s.st); moved {
			// Editing the text is checking it: the note on where it was
			// typed has done its work (the core forgets it at Flush).
			s.layout()
		}
	}
	return cmd
}

// updateStatus: ←/→ step through the statuses, 1-5 choose one, ↓ and
// enter go on to the next field.
func (s *Screen) updateStatus(km tea.KeyMsg) tea.Cmd {
	k := s.keys
	cur := s.conv.Status(s.st)
	next := cur
	switch {
	case component.Matches(km, k.fieldDown):
		s.moveFocus(1)
		return nil
	case component.Matches(km, k.fieldUp):
		return nil
	case component.Matches(km, k.statusLeft):
		next = sessions.CycleStatus(cur, -1)
	case component.Matches(km, k.statusRight):
		next = sessions.CycleStatus(cur, 1)
	case component.Matches(km, k.statusDigits):
		next = sessions.Statuses[km.Runes[0]-'1']
	case km.Type == tea.KeyRunes || km.Type == tea.KeySpace:
		return component.Flash(typedHint)
	default:
		return nil
	}
	if s.conv.ReadOnly() {
		return readOnly()
	}
	s.conv.SetStatus(s.st, next)
	return nil
}

// copyPrior takes last year's answer over, to edit (ctrl+y).
func (s *Screen) copyPrior() tea.Cmd {
	if s.conv.Prior == nil {
		return nil
	}
	if s.conv.ReadOnly() {
		return readOnly()
	}
	typed := s.ed.Value()
	text, res := s.conv.TakeOverPrior(s.st, typed)
	if res == sessions.TookOver {
		s.in = newInput(s) // structured answers may have been filled in
		s.setFocus(s.indexOf(fText))
		if strings.HasPrefix(text, typed) {
			// Added at the end as one edit, so ctrl+z takes it back.
			s.ed, _ = s.ed.Update(tea.KeyMsg{Type: tea.KeyCtrlEnd})
			s.ed.InsertString(text[len(typed):])
		} else {
			s.ed.SetValue(text)
		}
		s.edSynced = s.ed.Version()
		s.layout()
		return component.Flash(res.Message())
	}
	return component.FlashError(res.Message())
}

// heading is the stop the screen is on its way to: a step asked for and
// not yet shown counts, so that ctrl+n held down walks one stop a key
// although the root shows each step after the keys already typed.
func (s *Screen) heading() int {
	if s.navTo >= 0 {
		return s.navTo
	}
	return s.idx
}

// textName names a text for the root's rendering cache. The text holds
// what changes during the conversation (the perspectives and action items
// made here, what became of last year's), so its name changes with it.
func textName(kind string, st content.Stop, text string) string {
	h := fnv.New64a()
	h.Write([]byte(text))
	return kind + sessions.Ref(st) + ":" + strconv.FormatUint(h.Sum64(), 36)
}
