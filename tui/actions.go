package tui

import (
	"fmt"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/tui/common"
	"gespreksmap/tui/component"
	"gespreksmap/tui/forms"
	"gespreksmap/tui/list"
)

// actionsScreen lists every action item of the conversation: what, who, by
// when, and at which stop it was made; they are added, edited, ticked off
// and deleted here through the core.
type actionsScreen struct {
	c    *base
	list *list.List[sessions.ActionItem]
	// edit is the action-item form while one is added or changed; at is
	// the item's index, -1 for a new one.
	edit *forms.Form
	item sessions.ActionItem
	at   int
	keys actionsKeys
	w, h int
}

type actionsKeys struct {
	Toggle, Back, Save key.Binding
}

func newActionsScreen(c *base) *actionsScreen {
	s := &actionsScreen{c: c, keys: actionsKeys{
		Toggle: component.Bind("ctrl+d", "gedaan aan/uit", "ctrl+d"),
		Back:   component.Bind("esc", "terug naar het overzicht", "esc"),
		Save:   component.Bind("esc", "opslaan en terug", "esc"),
	}}
	s.list = list.New("acties", c.St.ListStyles(), s.row).
		WithAdd("+ nieuw actiepunt").
		WithDelete(func(ai sessions.ActionItem) string { return "het actiepunt " + ai.What }).
		WithEmpty("Nog geen actiepunten.").
		Explicit(component.Bind("ctrl+r", "nieuw actiepunt", "ctrl+r"))
	s.list.Keys.Choose.SetHelp("enter", "wijzigen")
	s.refresh()
	return s
}

func (s *actionsScreen) refresh() {
	s.list.SetItems(append([]sessions.ActionItem(nil), s.c.conv.Actions...))
}

func (s *actionsScreen) row(ai sessions.ActionItem, w int) string {
	box := "[ ]"
	if ai.Done {
		box = "[x]"
	}
	return component.Plain(fmt.Sprintf("%s %s — %s, %s (%s)", box, ai.What, orDash(ai.Who), orDash(ai.When), s.c.conv.ActionPlace(ai)))
}

// Title implements titled.
func (s *actionsScreen) Title() string {
	switch {
	case s.edit == nil:
		return "Actiepunten"
	case s.at < 0:
		return "Nieuw actiepunt (algemeen)"
	}
	return "Actiepunt " + s.c.conv.ActionPlace(s.c.conv.Actions[s.at])
}

// Editing implements the root's question: the form takes letters.
func (s *actionsScreen) Editing() bool { return s.edit != nil }

func (s *actionsScreen) Init() tea.Cmd { return nil }

func (s *actionsScreen) Update(msg tea.Msg) (component.Component, tea.Cmd) {
	if s.edit != nil {
		return s, s.updateEdit(msg)
	}
	ro := s.c.readOnly()
	switch msg := msg.(type) {
	case list.AddMsg:
		if ro {
			return s, readOnlyFlash()
		}
		s.open(-1)
	case list.ChosenMsg:
		if ro {
			return s, readOnlyFlash()
		}
		s.open(msg.Index)
	case list.DeleteMsg:
		s.c.conv.RemoveAction(msg.Index)
		s.refresh()
	case list.TypedMsg:
		return s, component.Flash(actionsTypedHint)
	case tea.KeyMsg:
		switch {
		case s.list.Confirming():
		case component.Matches(msg, s.keys.Back):
			return s, component.Navigate(screenOverview)
		case component.Matches(msg, s.keys.Toggle):
			if _, i, ok := s.list.Selected(); ok {
				if ro {
					return s, readOnlyFlash()
				}
				s.c.conv.ToggleAction(i)
				s.refresh()
			}
			return s, nil
		case ro && component.Matches(msg, s.list.Keys.Delete):
			return s, readOnlyFlash()
		case component.Matches(msg, s.list.Keys.Choose) && s.list.OnAdd(), component.Matches(msg, s.list.Keys.Add):
			// At once, so that what is typed next goes into the form.
			return s.Update(list.AddMsg{List: s.list.ID()})
		case component.Matches(msg, s.list.Keys.Choose):
			if _, i, ok := s.list.Selected(); ok {
				return s.Update(list.ChosenMsg{List: s.list.ID(), Index: i})
			}
		}
		_, cmd := s.list.Update(msg)
		return s, cmd
	}
	return s, nil
}

// open edits item at (-1: a new, general one) in the one action form.
func (s *actionsScreen) open(at int) {
	s.at, s.item = at, sessions.ActionItem{}
	if at >= 0 {
		s.item = s.c.conv.Actions[at]
	}
	s.edit = common.ActionFormFor(s.c.St, &s.item, s.c.conv)
	s.edit.Keys.Submit.SetHelp("enter", "opslaan")
	s.edit.SetSize(min(s.w-2, 90), max(3, s.h-4))
}

func (s *actionsScreen) updateEdit(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case forms.SubmitMsg:
		return s.save()
	case tea.KeyMsg:
		if component.Matches(msg, s.keys.Save) && s.edit.Validate() || s.edit.Submits(msg) {
			return s.save()
		}
		_, cmd := s.edit.Update(msg)
		return cmd
	}
	return nil
}

// save records the item through the core and closes the form.
func (s *actionsScreen) save() tea.Cmd {
	s.edit = nil
	var cmd tea.Cmd
	if s.at < 0 {
		if i := s.c.conv.AddAction(content.Stop{}, s.item); i >= 0 {
			s.refresh()
			s.list.SetCursor(i)
		}
		return nil
	}
	if s.item.What == "" {
		cmd = component.FlashError("Een actiepunt zonder wat blijft zoals het was; verwijderen kan met delete (twee keer).")
	}
	s.c.conv.UpdateAction(s.at, s.item)
	s.refresh()
	return cmd
}

func (s *actionsScreen) SetSize(w, h int) {
	s.w, s.h = w, h
	s.list.SetSize(w, max(1, h-1))
	if s.edit != nil {
		s.edit.SetSize(min(w-2, 90), max(3, h-4))
	}
}

func (s *actionsScreen) View() string {
	if s.edit != nil {
		return "\n" + s.edit.View() + "\n\n" + s.c.St.Dim.Render(ansi.Truncate("Alle actiepunten staan onderaan het verslag, met de vraag waarbij ze zijn gemaakt.", s.w, "…"))
	}
	return "\n" + s.list.View()
}

func (s *actionsScreen) ShortHelp() []key.Binding {
	if s.edit != nil {
		return append(s.edit.ShortHelp(), s.keys.Save)
	}
	_, _, onItem := s.list.Selected()
	s.keys.Toggle.SetEnabled(onItem && !s.list.Confirming())
	s.keys.Back.SetEnabled(!s.list.Confirming())
	return append(s.list.ShortHelp(), s.keys.Toggle, s.keys.Back)
}

func (s *actionsScreen) FullHelp() [][]key.Binding {
	if s.edit != nil {
		return append(s.edit.FullHelp(), []key.Binding{s.keys.Save})
	}
	s.ShortHelp()
	return append(s.list.FullHelp(), []key.Binding{s.keys.Toggle, s.keys.Back})
}

// actionsTypedHint says where typing goes on the list of action items:
// nothing changed.
const actionsTypedHint = "Typen verandert hier niets: enter wijzigt het actiepunt, ctrl+r maakt een nieuw, ctrl+d zet het op gedaan."

// readOnlyFlash says why nothing changed.
func readOnlyFlash() tea.Cmd {
	return component.FlashError("Alleen lezen: dit verslag wordt hier niet gewijzigd.")
}
