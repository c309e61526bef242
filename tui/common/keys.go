package common

import "github.com/charmbracelet/bubbles/key"

// KeyMap holds every binding of the interface. Commands that must work while
// a text field has focus use ctrl, alt or function keys, so typing a letter
// into an answer never triggers a command.
type KeyMap struct {
	Up, Down, Left, Right      key.Binding
	Enter, Back, Tab, ShiftTab key.Binding
	NextItem, PrevItem         key.Binding
	Help, HelpLetter           key.Binding
	Glossary, GlossaryLetter   key.Binding
	Tips, TipsLetter           key.Binding
	Perspective, Action        key.Binding
	Status                     [5]key.Binding
	Quit, QuitLetter           key.Binding
	Actions, Participants      key.Binding
	Report, Convenant          key.Binding
	New, Delete, Toggle        key.Binding
	ReadOnly, Reflection       key.Binding
	CopyPrior, ShowPrior       key.Binding
	WholeQuestion              key.Binding
}

// DefaultKeyMap is the keymap; Dutch help texts.
func DefaultKeyMap() KeyMap {
	b := func(help string, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return KeyMap{
		Up:             b("↑/k", "omhoog", "up", "k"),
		Down:           b("↓/j", "omlaag", "down", "j"),
		Left:           b("←", "vorige keuze", "left"),
		Right:          b("→", "volgende keuze", "right"),
		Enter:          b("enter", "kiezen", "enter"),
		Back:           b("esc", "terug", "esc"),
		Tab:            b("tab", "volgend veld", "tab"),
		ShiftTab:       b("shift+tab", "vorig veld", "shift+tab"),
		NextItem:       b("ctrl+n", "volgende vraag", "ctrl+n"),
		PrevItem:       b("ctrl+p", "vorige vraag", "ctrl+p"),
		Help:           b("F1", "hulp bij toetsen", "f1"),
		HelpLetter:     b("?", "hulp bij toetsen", "?"),
		Glossary:       b("ctrl+g", "begrippen", "ctrl+g"),
		GlossaryLetter: b("g", "begrippen", "g"),
		Tips:           b("ctrl+t", "tips en advies", "ctrl+t"),
		TipsLetter:     b("t", "tips en advies", "t"),
		Perspective:    b("ctrl+o", "perspectief toevoegen", "ctrl+o"),
		Action:         b("ctrl+r", "actiepunt toevoegen", "ctrl+r"),
		Status: [5]key.Binding{
			b("alt+1", "geregeld", "alt+1"),
			b("alt+2", "deels", "alt+2"),
			b("alt+3", "nog niet", "alt+3"),
			b("alt+4", "n.v.t.", "alt+4"),
			b("alt+5", "niet besproken", "alt+5"),
		},
		Quit:         b("ctrl+c", "opslaan en stoppen", "ctrl+c"),
		QuitLetter:   b("q", "opslaan en stoppen", "q"),
		Actions:      b("a", "actiepunten", "a"),
		Participants: b("d", "gegevens en deelnemers", "d"),
		Report:       b("v", "verslag bekijken", "v"),
		Convenant:    b("c", "convenant-concept maken", "c"),
		New:          b("n", "nieuw", "n"),
		Delete:       b("x", "verwijderen", "x", "delete"),
		Toggle:       b("spatie", "aan/uit", " "),
		ReadOnly:     b("r", "alleen lezen openen", "r"),
		Reflection:   b("r", "jaarlijkse reflectie", "r"),
		CopyPrior:    b("ctrl+y", "antwoord van vorig jaar overnemen", "ctrl+y"),
		ShowPrior:    b("ctrl+b", "antwoord van vorig jaar helemaal lezen", "ctrl+b"),
		// A function key, so that it works while typing.
		WholeQuestion: b("F2", "de hele vraag lezen, met uitleg en onderdelen", "f2"),
	}
}
