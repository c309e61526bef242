// Package component is the one contract every screen and widget of the
// full-screen interface implements, and the messages a screen sends to the
// root instead of writing the root's fields.
//
// A component is a pointer that updates in place. The root owns the screens,
// the footer and at most one overlay; a screen owns its widgets (lists,
// forms). Parents hand their children the keys and the size, and build their
// own help from their children's bindings, so the help bar always shows the
// keys that work right now.
//
// What a screen may ask of the root is a message, sent as a tea.Cmd:
//
//	return s, component.OpenStop(i)               // go to the question screen at stop i
//	return s, component.Flash("Opgeslagen als kopie.") // one line in the footer
//	return s, component.OpenOverlay(panel)        // a panel over the screen
//
// The root is the only place that switches screens, shows flash messages,
// opens overlays and quits; a new screen touches no other screen.
package component

import (
	"gespreksmap/content"

	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"
)

// Component is a screen, an overlay or a widget.
//
// Update returns the component itself (or, for a screen that replaces
// itself, another one) and a command; widgets that are held by their
// concrete type may have their result ignored, as they update in place.
// View stays within the size last given to SetSize (width and height, in
// cells and lines): the parent lays out, the child never spills. The help.KeyMap methods return only the
// bindings that apply in the current state (key.Binding.SetEnabled), most
// important first in ShortHelp.
type Component interface {
	Init() tea.Cmd
	Update(msg tea.Msg) (Component, tea.Cmd)
	View() string
	SetSize(width, height int)
	help.KeyMap
}

// Screen names a screen the root can show.
type Screen int

// The screens of the interface.
const (
	Start        Screen = iota // the list of reports, new conversation, reflection
	Setup                      // title, date and participants
	Overview                   // the sections and their progress
	Question                   // one stop: a question, sub-point or topic
	Actions                    // every action item of the conversation
	PriorActions               // settling last year's open action items
	Closing                    // the closing round: three questions per organisation
)

// NavigateMsg asks the root to show a screen. Stop is the stop index for
// Question and is ignored by the other screens. Every change of screen
// saves.
type NavigateMsg struct {
	To   Screen
	Stop int
}

// Navigate asks the root to show screen to.
func Navigate(to Screen) tea.Cmd { return Send(NavigateMsg{To: to}) }

// OpenStop asks the root to show the question screen at stop index i.
func OpenStop(i int) tea.Cmd { return Send(NavigateMsg{To: Question, Stop: i}) }

// FlashKind says how a flash message is shown.
type FlashKind int

// Kinds of flash message.
const (
	Info  FlashKind = iota // a note: what just happened, what to do next
	Error                  // something did not work
)

// FlashMsg asks the root to show one message in the footer, in place of
// the key hints, for a while.
type FlashMsg struct {
	Text string
	Kind FlashKind
}

// Flash shows an informative message in the footer.
func Flash(text string) tea.Cmd { return Send(FlashMsg{Text: text, Kind: Info}) }

// FlashError shows an error in the footer.
func FlashError(text string) tea.Cmd { return Send(FlashMsg{Text: text, Kind: Error}) }

// OpenOverlayMsg asks the root to show a component over the current screen
// (help, glossary, tips, a panel). While it is open it gets every key; it
// closes itself with CloseOverlay.
type OpenOverlayMsg struct{ Overlay Component }

// CloseOverlayMsg asks the root to close the overlay.
type CloseOverlayMsg struct{}

// OpenOverlay shows c over the current screen.
func OpenOverlay(c Component) tea.Cmd { return Send(OpenOverlayMsg{Overlay: c}) }

// CloseOverlay closes the overlay.
func CloseOverlay() tea.Cmd { return Send(CloseOverlayMsg{}) }

// QuitMsg asks the root to save and stop. Screens never return tea.Quit
// themselves: only the root knows what is left to save.
type QuitMsg struct{}

// Quit asks the root to save and stop.
func Quit() tea.Cmd { return Send(QuitMsg{}) }

// Requests for the root's shared panels, which need the whole set or the
// report on disk and so are built by the root.
type (
	// ShowHelpMsg: the full key help of the current screen (F1).
	ShowHelpMsg struct{}
	// ShowGlossaryMsg: the glossary, with the terms of the current stop
	// first (none: alphabetical only).
	ShowGlossaryMsg struct{ First []*content.Term }
	// ShowTipsMsg: the tips and advice of section Section (an index).
	ShowTipsMsg struct{ Section int }
	// ShowTextMsg: a markdown text in a scrolling panel, rendered off the
	// keystroke path and cached under Name.
	ShowTextMsg struct{ Title, Name, Text string }
)
