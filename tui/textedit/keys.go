package textedit

import "github.com/charmbracelet/bubbles/key"

// KeyMap holds the editor's key bindings. Tab is deliberately absent: the
// screen around the editor uses it to move the focus.
type KeyMap struct {
	CharacterForward  key.Binding
	CharacterBackward key.Binding
	WordForward       key.Binding
	WordBackward      key.Binding
	LineNext          key.Binding
	LinePrevious      key.Binding
	LineStart         key.Binding
	LineEnd           key.Binding
	PageDown          key.Binding
	PageUp            key.Binding
	InputBegin        key.Binding
	InputEnd          key.Binding

	InsertNewline           key.Binding
	DeleteCharacterBackward key.Binding
	DeleteCharacterForward  key.Binding
	DeleteWordBackward      key.Binding
	DeleteAfterCursor       key.Binding
	DeleteBeforeCursor      key.Binding

	Undo key.Binding
	Redo key.Binding
}

// DefaultKeyMap returns the bindings most terminal editors share.
func DefaultKeyMap() KeyMap {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return KeyMap{
		CharacterForward:  b("→", "teken verder", "right"),
		CharacterBackward: b("←", "teken terug", "left"),
		WordForward:       b("ctrl+→", "woord verder", "ctrl+right", "alt+right", "alt+f"),
		WordBackward:      b("ctrl+←", "woord terug", "ctrl+left", "alt+left", "alt+b"),
		LineNext:          b("↓", "regel omlaag", "down"),
		LinePrevious:      b("↑", "regel omhoog", "up"),
		LineStart:         b("home", "begin van de regel", "home", "ctrl+a"),
		LineEnd:           b("end", "eind van de regel", "end", "ctrl+e"),
		PageDown:          b("pgdn", "pagina omlaag", "pgdown"),
		PageUp:            b("pgup", "pagina omhoog", "pgup"),
		InputBegin:        b("ctrl+home", "begin van de tekst", "ctrl+home"),
		InputEnd:          b("ctrl+end", "eind van de tekst", "ctrl+end"),

		InsertNewline:           b("enter", "nieuwe regel", "enter"),
		DeleteCharacterBackward: b("backspace", "teken wissen", "backspace", "ctrl+h"),
		DeleteCharacterForward:  b("delete", "teken rechts wissen", "delete"),
		DeleteWordBackward:      b("ctrl+w", "woord wissen", "ctrl+w", "alt+backspace"),
		DeleteAfterCursor:       b("ctrl+k", "wissen tot eind van de regel", "ctrl+k"),
		DeleteBeforeCursor:      b("ctrl+u", "wissen tot begin van de regel", "ctrl+u"),

		// ctrl+z reaches a Bubble Tea v1 program in raw mode as a key (it
		// suspends only when the program returns tea.Suspend). Redo cannot
		// be ctrl+shift+z: terminals send the same byte (0x1a) for it as
		// for ctrl+z, and Bubble Tea v1 asks for no keyboard protocol that
		// tells them apart; ctrl+y, redo elsewhere, takes over last year's
		// answer on the question screen. alt+z is ESC z in every terminal
		// that sends alt as a prefix (on macOS: "use Option as Meta").
		Undo: b("ctrl+z", "ongedaan maken", "ctrl+z"),
		Redo: b("alt+z", "opnieuw", "alt+z"),
	}
}

// ShortHelp returns the bindings worth a place in a one-line help bar.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.InsertNewline, k.Undo, k.Redo, k.DeleteWordBackward, k.WordForward, k.WordBackward}
}

// FullHelp returns all bindings, grouped in columns.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.CharacterForward, k.CharacterBackward, k.WordForward, k.WordBackward, k.LineNext, k.LinePrevious},
		{k.LineStart, k.LineEnd, k.PageDown, k.PageUp, k.InputBegin, k.InputEnd},
		{k.InsertNewline, k.DeleteCharacterBackward, k.DeleteCharacterForward, k.DeleteWordBackward, k.DeleteAfterCursor, k.DeleteBeforeCursor},
		{k.Undo, k.Redo},
	}
}

// keyName lets key.Matches compare a key string computed once per message.
type keyName string

func (k keyName) String() string { return string(k) }
