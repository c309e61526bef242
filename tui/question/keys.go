package question

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"gespreksmap/tui/common"
	"gespreksmap/tui/component"
)

// KeyMap is the question screen's own keys. They work wherever focus is on
// the screen, also while typing, so none of them is a plain letter. The
// focused field adds its own bindings (see Screen.ShortHelp).
type KeyMap struct {
	Tab, ShiftTab  key.Binding
	Next, Prev     key.Binding
	Step           key.Binding // help only: ctrl+n/p
	Status         [5]key.Binding
	StatusAny      key.Binding // help only: alt+1…5
	Back           key.Binding
	Perspective    key.Binding
	Action         key.Binding
	Glossary       key.Binding
	Tips           key.Binding
	Whole          key.Binding
	Help           key.Binding
	HelpLetter     key.Binding // ? outside a text field
	ShowPrior      key.Binding
	CopyPrior      key.Binding
	PageDown       key.Binding // next stop, outside the text field
	PageUp         key.Binding // previous stop, outside the text field
	statusDigits   key.Binding // 1-5 on the status field
	statusCycle    key.Binding // ←/→ on the status field
	statusLeft     key.Binding
	statusRight    key.Binding
	fieldDown      key.Binding // ↓ and enter on a one-line field: next field
	fieldUp        key.Binding
	toggleDoneList key.Binding // ctrl+d on the action list
}

func newKeyMap(k common.KeyMap) KeyMap {
	b := component.Bind
	return KeyMap{
		Tab:            k.Tab,
		ShiftTab:       k.ShiftTab,
		Next:           k.NextItem,
		Prev:           k.PrevItem,
		Step:           b("ctrl+n/p", "volgende/vorige", "ctrl+n", "ctrl+p"),
		Status:         k.Status,
		StatusAny:      b("alt+1…5", "status", "alt+1", "alt+2", "alt+3", "alt+4", "alt+5"),
		Back:           b("esc", "overzicht", "esc"),
		Perspective:    b("ctrl+o", "perspectief toevoegen", "ctrl+o"),
		Action:         b("ctrl+r", "actiepunt toevoegen", "ctrl+r"),
		Glossary:       b("ctrl+g", "begrippen", "ctrl+g"),
		Tips:           b("ctrl+t", "tips", "ctrl+t"),
		Whole:          b("F2", "hele vraag", "f2"),
		Help:           b("F1", "hulp", "f1"),
		HelpLetter:     b("?", "hulp", "?"),
		ShowPrior:      b("ctrl+b", "antwoord van vorig jaar lezen", "ctrl+b"),
		CopyPrior:      b("ctrl+y", "antwoord van vorig jaar overnemen", "ctrl+y"),
		PageDown:       b("pgdown", "volgende vraag", "pgdown"),
		PageUp:         b("pgup", "vorige vraag", "pgup"),
		statusDigits:   b("1-5", "status kiezen", "1", "2", "3", "4", "5"),
		statusCycle:    b("←/→", "status wijzigen", "left", "right"),
		statusLeft:     b("←", "vorige status", "left"),
		statusRight:    b("→", "volgende status", "right"),
		fieldDown:      b("↓/enter", "volgend veld", "down", "enter"),
		fieldUp:        b("↑", "vorig veld", "up"),
		toggleDoneList: b("ctrl+d", "gedaan aan/uit", "ctrl+d"),
	}
}

// statusKey returns the status index of an alt+1…5 key, or -1.
func (k KeyMap) statusKey(km tea.KeyMsg) int {
	for i, b := range k.Status {
		if component.Matches(km, b) {
			return i
		}
	}
	return -1
}

// ShortHelp is the screen's keys, most important first, after the
// focused field's own.
func (s *Screen) ShortHelp() []key.Binding {
	k := s.keys
	var out []key.Binding
	if s.panel != nil {
		out = append(out, s.panel.ShortHelp()...)
		return append(out, k.Whole, k.Glossary, k.Help)
	}
	out = append(out, s.fieldHelp()...)
	out = append(out, k.Tab, k.Step, k.StatusAny, k.Back)
	if s.focused() == fText {
		// A slip while typing in front of the room is one key away from undone.
		out = append(out, s.ed.KeyMap.Undo)
	}
	out = append(out, k.Whole, k.Perspective, k.Action, k.Glossary, k.Tips, k.ShowPrior, k.CopyPrior)
	return out
}

// FullHelp is every key that works now, in columns.
func (s *Screen) FullHelp() [][]key.Binding {
	k := s.keys
	if s.panel != nil {
		return append(s.panel.FullHelp(), []key.Binding{k.Whole, k.Glossary, k.Help})
	}
	cols := [][]key.Binding{
		{k.Tab, k.ShiftTab, k.Next, k.Prev, k.Back, k.Help},
		{k.Status[0], k.Status[1], k.Status[2], k.Status[3], k.Status[4]},
		{k.Perspective, k.Action, k.Whole, k.Glossary, k.Tips, k.ShowPrior, k.CopyPrior},
	}
	if f := s.fieldFullHelp(); len(f) > 0 {
		cols = append(f, cols...)
	}
	return cols
}

// enableKeys sets which of the screen's bindings apply now.
func (s *Screen) enableKeys() {
	k := &s.keys
	ro := s.conv != nil && s.conv.ReadOnly()
	prior := s.conv != nil && s.conv.Prior != nil
	k.ShowPrior.SetEnabled(prior)
	k.CopyPrior.SetEnabled(prior && !ro)
	k.Perspective.SetEnabled(!ro)
	k.Action.SetEnabled(!ro)
	k.StatusAny.SetEnabled(!ro)
	for i := range k.Status {
		k.Status[i].SetEnabled(!ro)
	}
	f := s.focused()
	k.statusDigits.SetEnabled(f == fStatus && !ro)
	k.statusCycle.SetEnabled(f == fStatus && !ro)
	k.fieldDown.SetEnabled(f == fStatus)
	k.toggleDoneList.SetEnabled(f == fActions && !ro && s.acts != nil && !s.acts.OnAdd() && len(s.acts.Items()) > 0)
}
