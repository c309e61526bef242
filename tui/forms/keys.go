package forms

import (
	"github.com/charmbracelet/bubbles/key"

	"gespreksmap/tui/component"
)

// KeyMap is the keys of a form. Only the bindings that apply to the focused
// field are enabled: ←/→ on a choice, space on a toggle, enter says "next
// field" or "opslaan" depending on where focus is.
type KeyMap struct {
	Next, Prev  key.Binding // tab, shift+tab (and ↓/↑)
	Left, Right key.Binding // choice and toggle; Right at the end of a text with names to pick: the next name
	Pick        key.Binding // help only: → picks a name
	Toggle      key.Binding // space on a toggle
	Yes, No     key.Binding // j/n on a toggle
	Enter       key.Binding // enter: next field
	Submit      key.Binding // enter on the last field
}

// DefaultKeyMap is the form keys with Dutch help. Set Submit's help to say
// what submitting does ("opslaan", "gesprek beginnen").
func DefaultKeyMap() KeyMap {
	b := component.Bind
	return KeyMap{
		Next:   b("tab", "volgend veld", "tab", "down"),
		Prev:   b("shift+tab", "vorig veld", "shift+tab", "up"),
		Left:   b("←", "vorige keuze", "left"),
		Right:  b("→", "volgende keuze", "right"),
		Pick:   b("→", "naam kiezen", "right"),
		Toggle: b("spatie", "ja/nee", " "),
		Yes:    b("j", "ja", "j", "y"),
		No:     b("n", "nee", "n"),
		Enter:  b("enter", "volgend veld", "enter"),
		Submit: b("enter", "opslaan", "enter"),
	}
}

// ShortHelp implements help.KeyMap, most important first.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Submit, k.Enter, k.Next, k.Pick, k.Left, k.Right, k.Toggle}
}

// FullHelp implements help.KeyMap.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Next, k.Prev, k.Enter, k.Submit}, {k.Pick, k.Left, k.Right, k.Toggle, k.Yes, k.No}}
}
