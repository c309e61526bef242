// Package tui is the interactive interface: the start screen, the setup of a
// new conversation, the overview of sections, the question screen and the
// panels beside it. It reads question sets from package content and keeps the
// conversation in package sessions; neither of those knows about this one.
package tui

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// Theme names accepted by --theme.
const (
	ThemeAuto     = "auto"
	ThemeDark     = "dark"
	ThemeLight    = "light"
	ThemeContrast = "contrast" // high contrast for washed-out projectors
)

// Styles is every style the interface uses, built once at start.
type Styles struct {
	App       lipgloss.Style
	Header    lipgloss.Style
	HeaderDim lipgloss.Style
	Title     lipgloss.Style
	Question  lipgloss.Style
	Help      lipgloss.Style
	Dim       lipgloss.Style
	Label     lipgloss.Style
	Focused   lipgloss.Style // label of the field that has focus
	Selected  lipgloss.Style // selected row in a list
	Cursor    lipgloss.Style // cursor row marker
	Box       lipgloss.Style
	BoxFocus  lipgloss.Style
	Footer    lipgloss.Style
	Key       lipgloss.Style
	Error     lipgloss.Style
	OK        lipgloss.Style
	Term      lipgloss.Style
	Status    map[string]lipgloss.Style // by sessions.Status value
}

// DefaultStyles builds the styles for a theme. dark says whether the
// terminal background is dark; it is resolved once before the program starts,
// never per render.
func DefaultStyles(theme string, dark bool) Styles {
	lipgloss.SetHasDarkBackground(dark)
	fg := func(light, darkc string) lipgloss.TerminalColor {
		return lipgloss.AdaptiveColor{Light: light, Dark: darkc}
	}
	accent := fg("#005f87", "#5fd7ff")
	dim := fg("#585858", "#a8a8a8")
	okc := fg("#005f00", "#87d787")
	warn := fg("#875f00", "#ffd75f")
	bad := fg("#af0000", "#ff8787")
	if theme == ThemeContrast {
		// Projectors wash out mid tones: only black, white and one strong
		// accent, everything that matters bold.
		if dark {
			accent, dim, okc, warn, bad = lipgloss.Color("#ffff00"), lipgloss.Color("#ffffff"), lipgloss.Color("#00ff00"), lipgloss.Color("#ffff00"), lipgloss.Color("#ff5f5f")
		} else {
			accent, dim, okc, warn, bad = lipgloss.Color("#0000af"), lipgloss.Color("#000000"), lipgloss.Color("#005f00"), lipgloss.Color("#5f0000"), lipgloss.Color("#af0000")
		}
	}
	bold := theme == ThemeContrast
	s := Styles{
		App:       lipgloss.NewStyle(),
		Header:    lipgloss.NewStyle().Bold(true).Foreground(accent),
		HeaderDim: lipgloss.NewStyle().Foreground(dim),
		Title:     lipgloss.NewStyle().Bold(true),
		Question:  lipgloss.NewStyle().Bold(true),
		Help:      lipgloss.NewStyle().Foreground(dim).Bold(bold),
		Dim:       lipgloss.NewStyle().Foreground(dim).Bold(bold),
		Label:     lipgloss.NewStyle().Bold(true),
		Focused:   lipgloss.NewStyle().Bold(true).Foreground(accent),
		Selected:  lipgloss.NewStyle().Bold(true).Foreground(accent),
		Cursor:    lipgloss.NewStyle().Bold(true).Foreground(accent),
		Box:       lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(dim),
		BoxFocus:  lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(accent),
		Footer:    lipgloss.NewStyle().Foreground(dim).Bold(bold),
		Key:       lipgloss.NewStyle().Bold(true),
		Error:     lipgloss.NewStyle().Bold(true).Foreground(bad),
		OK:        lipgloss.NewStyle().Foreground(okc).Bold(bold),
		Term:      lipgloss.NewStyle().Underline(true),
	}
	if theme == ThemeContrast {
		s.Box = s.Box.Border(lipgloss.ThickBorder())
		s.BoxFocus = s.BoxFocus.Border(lipgloss.ThickBorder())
	}
	s.Status = map[string]lipgloss.Style{
		"geregeld": lipgloss.NewStyle().Foreground(okc).Bold(true),
		"deels":    lipgloss.NewStyle().Foreground(warn).Bold(true),
		"nog-niet": lipgloss.NewStyle().Foreground(bad).Bold(true),
		"nvt":      lipgloss.NewStyle().Foreground(dim),
		"":         lipgloss.NewStyle().Foreground(dim),
	}
	return s
}

// ResolveDark decides once whether the background is dark. Theme dark/light
// force it; auto asks the terminal once (not per renderer, which can block).
func ResolveDark(theme string) bool {
	switch theme {
	case ThemeDark:
		return true
	case ThemeLight:
		return false
	}
	return lipgloss.HasDarkBackground()
}

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

// colorProfile is the profile for glamour, so NO_COLOR holds there too.
func colorProfile() termenv.Profile { return lipgloss.ColorProfile() }
