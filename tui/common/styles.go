// Package common holds what every screen of the full-screen interface
// shares: the styles, the key bindings, the markdown cache and the window
// size, handed to each screen by pointer (as soft-serve's common.Common).
package common

import (
	"github.com/charmbracelet/lipgloss"
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
