// Package footer is the bottom line of the full-screen interface: the keys
// that work right now, built with bubbles/help from the current screen's
// help.KeyMap, or for a while a flash message in their place.
//
// The short help always fits the width: bindings come most important first
// (ShortHelp order) and the footer keeps the longest run of them that fits,
// dropping the least important whole, never cutting a hint. When hints were
// dropped it ends with the More binding (F1), so the rest is one key away.
// The full help (F1) lays the FullHelp columns out in bands that fit the
// width. Disabled bindings (key.Binding.SetEnabled(false)) never show.
package footer

import (
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"gespreksmap/tui/component"
)

// Styles is what the footer draws with; the root builds it from its own
// styles (tui.Styles: Key, Footer, Dim, Error, OK).
type Styles struct {
	Key   lipgloss.Style // the key of a hint: "enter"
	Desc  lipgloss.Style // what it does: "kiezen"
	Sep   lipgloss.Style // between hints
	Info  lipgloss.Style // a flash note
	Error lipgloss.Style // a flash error
}

// How long a flash message stays, unless the root clears it earlier.
const (
	InfoFor  = 5 * time.Second
	ErrorFor = 10 * time.Second
)

// Footer is the footer component.
type Footer struct {
	st   Styles
	help help.Model
	keys help.KeyMap
	more key.Binding

	lastSig, lastLine string // the short line last fitted, and what it was made of
	width             int
	height            int
	showAll           bool

	flash     string
	flashKind component.FlashKind
	flashID   int
}

// expiredMsg ends the flash message with the same id; a newer flash has a
// newer id and outlives the tick of an older one.
type expiredMsg struct{ id int }

// New builds a footer. more is the binding that opens the full help (F1);
// it always ends the short help, after the hints that fit.
func New(st Styles, more key.Binding) *Footer {
	h := help.New()
	h.ShortSeparator = " · "
	h.FullSeparator = "   "
	h.Styles = help.Styles{
		ShortKey: st.Key, ShortDesc: st.Desc, ShortSeparator: st.Sep,
		FullKey: st.Key, FullDesc: st.Desc, FullSeparator: st.Sep,
		Ellipsis: st.Sep,
	}
	return &Footer{st: st, help: h, more: more, width: 80, height: 1}
}

// SetKeyMap sets the bindings to show: the current screen, or an overlay.
func (f *Footer) SetKeyMap(km help.KeyMap) { f.keys = km }

// SetSize sets the width, and the most lines the full help may take.
func (f *Footer) SetSize(width, height int) {
	f.width, f.height = max(0, width), max(1, height)
}

// ShowAll switches between the short help (one line) and the full help.
func (f *Footer) ShowAll(all bool) { f.showAll = all }

// ShowingAll reports whether the full help is shown.
func (f *Footer) ShowingAll() bool { return f.showAll }

// Flash shows text in place of the hints until the returned command's tick
// ends it (InfoFor or ErrorFor), or until ClearFlash or another flash.
func (f *Footer) Flash(text string, kind component.FlashKind) tea.Cmd {
	f.flash, f.flashKind = oneLine(text), kind
	f.flashID++
	id := f.flashID
	d := InfoFor
	if kind == component.Error {
		d = ErrorFor
	}
	return tea.Tick(d, func(time.Time) tea.Msg { return expiredMsg{id} })
}

// ClearFlash brings the hints back now.
func (f *Footer) ClearFlash() { f.flash = "" }

// Flashing returns the flash message shown, or "".
func (f *Footer) Flashing() string { return f.flash }

// Init implements component.Component.
func (f *Footer) Init() tea.Cmd { return nil }

// Update takes flash messages (component.FlashMsg) and their expiry.
func (f *Footer) Update(msg tea.Msg) (component.Component, tea.Cmd) {
	switch msg := msg.(type) {
	case component.FlashMsg:
		return f, f.Flash(msg.Text, msg.Kind)
	case expiredMsg:
		if msg.id == f.flashID {
			f.flash = ""
		}
	}
	return f, nil
}

// View renders the footer: one line, or the full help.
func (f *Footer) View() string {
	var lines []string
	if f.flash != "" {
		style := f.st.Info
		if f.flashKind == component.Error {
			style = f.st.Error
		}
		// A flash is a sentence: wrap it rather than lose its end.
		for _, l := range strings.Split(ansi.Wordwrap(f.flash, f.width, ""), "\n") {
			lines = append(lines, style.Render(ansi.Truncate(l, f.width, "")))
		}
		if !f.showAll {
			return strings.Join(lines, "\n")
		}
	}
	if f.keys == nil {
		return strings.Join(lines, "\n")
	}
	if f.showAll {
		lines = append(lines, f.fullLines()...)
		if len(lines) > f.height {
			lines = lines[:f.height]
		}
		return strings.Join(lines, "\n")
	}
	return f.shortLine()
}

// Height is the number of lines View returns now.
func (f *Footer) Height() int { return strings.Count(f.View(), "\n") + 1 }

// ShortHelp implements help.KeyMap: the bindings of the key map shown.
func (f *Footer) ShortHelp() []key.Binding {
	if f.keys == nil {
		return nil
	}
	return f.keys.ShortHelp()
}

// FullHelp implements help.KeyMap.
func (f *Footer) FullHelp() [][]key.Binding {
	if f.keys == nil {
		return nil
	}
	return f.keys.FullHelp()
}

// shown reports whether a binding belongs in help: enabled and with a key
// to name (help-only bindings without keys still show).
func shown(b key.Binding) bool { return b.Enabled() && b.Help().Key != "" }

// shortLine keeps the longest run of hints, in order, that fits the width,
// and names the full-help key when some were left out.
func (f *Footer) shortLine() string {
	var all []key.Binding
	for _, b := range f.keys.ShortHelp() {
		// A screen and the widget in it may name the same key: once.
		if shown(b) && !containsKey(all, b) {
			all = append(all, b)
		}
	}
	// The line changes when the hints or the width do, not on every key:
	// fitting it renders and measures hints, which costs more than the
	// rest of a frame.
	sig := f.signature(all)
	if sig == f.lastSig {
		return f.lastLine
	}
	f.lastSig = sig
	f.lastLine = f.fit(all)
	return f.lastLine
}

// signature names what the short line is made of: the width and the hints.
func (f *Footer) signature(bs []key.Binding) string {
	var b strings.Builder
	b.WriteString(strconv.Itoa(f.width))
	for _, k := range append(bs, f.more) {
		h := k.Help()
		b.WriteString("\x00" + h.Key + "\x01" + h.Desc)
	}
	return b.String()
}

// fit keeps the longest run of whole hints that fits the width.
func (f *Footer) fit(all []key.Binding) string {
	render := func(bs []key.Binding) string {
		m := f.help
		m.Width = 0 // we measure; help's own cut can overflow a narrow line
		return m.ShortHelpView(bs)
	}
	// The key to all keys always ends the line, so the room always sees
	// where the rest is.
	more := shown(f.more) && !containsKey(all, f.more)
	for n := len(all); n >= 0; n-- {
		run := append([]key.Binding(nil), all[:n]...)
		if more {
			run = append(run, f.more)
		}
		if line := render(run); ansi.StringWidth(line) <= f.width {
			return line
		}
	}
	return ""
}

func containsKey(bs []key.Binding, b key.Binding) bool {
	for _, x := range bs {
		if x.Help().Key == b.Help().Key {
			return true
		}
	}
	return false
}

// fullLines lays the FullHelp columns side by side in bands that fit the
// width; a column wider than the window is listed one hint a line.
func (f *Footer) fullLines() []string {
	var cols [][]key.Binding
	for _, g := range f.keys.FullHelp() {
		var col []key.Binding
		for _, b := range g {
			if shown(b) {
				col = append(col, b)
			}
		}
		if len(col) > 0 {
			cols = append(cols, col)
		}
	}
	m := f.help
	m.Width = 0
	var lines []string
	var band [][]key.Binding
	flush := func() {
		if len(band) > 0 {
			lines = append(lines, strings.Split(m.FullHelpView(band), "\n")...)
			band = nil
		}
	}
	for _, col := range cols {
		if lipgloss.Width(m.FullHelpView([][]key.Binding{col})) > f.width {
			flush()
			for _, b := range col {
				h := f.st.Key.Render(b.Help().Key) + " " + f.st.Desc.Render(b.Help().Desc)
				lines = append(lines, strings.Split(ansi.Wordwrap(h, f.width, ""), "\n")...)
			}
			continue
		}
		if lipgloss.Width(m.FullHelpView(append(band, col))) > f.width {
			flush()
		}
		band = append(band, col)
	}
	flush()
	for i, l := range lines {
		lines[i] = ansi.Truncate(strings.TrimRight(l, " "), f.width, "")
	}
	return lines
}

// oneLine makes a message one plain paragraph: the footer wraps it itself,
// and an error that quotes a file brings no escape sequence to the terminal.
func oneLine(s string) string { return component.Plain(s) }
