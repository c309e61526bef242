package list

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"gespreksmap/tui/component"
)

// KeyMap is the keys of a list. The list enables only the bindings that
// apply to its current state, so help built from it never offers a key that
// does nothing: no delete on the add row or in an empty list, no moving in
// a list of one row, no cancel unless a delete waits for confirmation.
type KeyMap struct {
	Up, Down  key.Binding
	Home, End key.Binding
	PageUp    key.Binding
	PageDown  key.Binding
	Choose    key.Binding // enter: open or choose the row; on the add row, add
	Add       key.Binding
	Delete    key.Binding // asks first; the same key again deletes
	Cancel    key.Binding // esc: do not delete

	// Help-only bindings the list shows in place of others: the second
	// press of delete, and enter on the add row.
	confirmDelete, addHere key.Binding
}

// DefaultKeyMap is the list keys with Dutch help. Change a binding's help
// (key.Binding.SetHelp) to say what choosing does on a particular list.
func DefaultKeyMap() KeyMap {
	b := component.Bind
	return KeyMap{
		Up:       b("↑/k", "omhoog", "up", "k"),
		Down:     b("↓/j", "omlaag", "down", "j"),
		Home:     b("home", "naar het begin", "home"),
		End:      b("end", "naar het eind", "end"),
		PageUp:   b("pgup", "bladzijde terug", "pgup"),
		PageDown: b("pgdown", "bladzijde verder", "pgdown"),
		Choose:   b("enter", "openen", "enter"),
		Add:      b("n", "toevoegen", "n"),
		Delete:   b("x", "verwijderen", "x", "delete"),
		Cancel:   b("esc", "niet verwijderen", "esc"),
	}
}

// ShortHelp implements help.KeyMap, most important first.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.confirmDelete, k.Cancel, k.Choose, k.addHere, k.Add, k.Delete, k.Up, k.Down}
}

// FullHelp implements help.KeyMap.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.Home, k.End, k.PageUp, k.PageDown},
		{k.confirmDelete, k.Cancel, k.Choose, k.addHere, k.Add, k.Delete},
	}
}

// own reports whether km is one of the list's keys, enabled or not: a key
// that moves a longer list is not "typing" on a short one.
func (k KeyMap) own(km tea.KeyMsg) bool {
	return component.Matches(km, k.Up, k.Down, k.Home, k.End, k.PageUp, k.PageDown, k.Choose, k.Add, k.Delete, k.Cancel)
}

// Explicit makes a list whose letters are never commands: only the arrows
// move it, only the delete key deletes (pressed twice), and add is the key
// given (besides enter on the add row; a binding without keys: only that).
// Every letter and space typed on it is reported as TypedMsg, so a sentence
// typed in the wrong place changes nothing and the screen can say where
// typing goes. Screens shown to a room use it for every list.
func (l *List[T]) Explicit(add key.Binding) *List[T] {
	b := component.Bind
	l.Keys.Up = b("↑", "omhoog", "up")
	l.Keys.Down = b("↓", "omlaag", "down")
	l.Keys.Delete = b("delete", "verwijderen", "delete")
	l.Keys.Add = add
	l.sync()
	return l
}
