package tui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"gespreksmap/tui/component"
	"gespreksmap/tui/forms"
)

// prompt is a small form the root shows over any screen: a remark to park,
// the minutes planned for a section, the choice of the printable report,
// the parties of a convenant. It takes every key while it is open; the
// screen below keeps its state (an answer being typed stays as it was).
// enter on the last field does what the prompt is for; esc does it too
// when escSaves (never lose words typed), else closes it.
type prompt struct {
	c      *base
	title  string
	note   string // a line under the form
	form   promptBody
	submit func(a *App) tea.Cmd
	// escSaves: esc does what enter does (when the form is valid), so
	// that words typed are not lost to one key.
	escSaves bool
	keys     promptKeys
	w, h     int
}

type promptKeys struct{ Submit, Back key.Binding }

// promptBody is what a prompt holds: a form, or another small component
// that says which key submits it (the chooser of a convenant's parties).
type promptBody interface {
	component.Component
	Validate() bool
	Submits(km tea.KeyMsg) bool
}

func newPrompt(c *base, title, submitDesc string, form *forms.Form, submit func(a *App) tea.Cmd) *prompt {
	form.Keys.Submit.SetHelp("enter", submitDesc)
	return newPromptWith(c, title, submitDesc, form, submit)
}

// newPromptWith makes a prompt of any body; the body's own help names
// what its submit key does.
func newPromptWith(c *base, title, submitDesc string, body promptBody, submit func(a *App) tea.Cmd) *prompt {
	return &prompt{c: c, title: title, form: body, submit: submit, keys: promptKeys{
		Submit: component.Bind("enter", submitDesc, "enter"),
		Back:   component.Bind("esc", "terug", "esc"),
	}}
}

// key handles a key for the prompt; closed says the prompt is done.
func (p *prompt) key(a *App, km tea.KeyMsg) (cmd tea.Cmd, closed bool) {
	switch {
	case component.Matches(km, p.keys.Back) && !p.escSaves:
		return nil, true
	case component.Matches(km, p.keys.Back) && p.form.Validate(), p.form.Submits(km):
		return p.submit(a), true
	}
	_, cmd = p.form.Update(km)
	return cmd, false
}

func (p *prompt) Init() tea.Cmd { return nil }

// Update implements component.Component; keys go through key.
func (p *prompt) Update(msg tea.Msg) (component.Component, tea.Cmd) { return p, nil }

func (p *prompt) SetSize(w, h int) {
	p.w, p.h = w, h
	p.form.SetSize(min(max(10, w-2), 90), max(3, h-4))
}

func (p *prompt) View() string {
	st := p.c.St
	out := st.Header.Render(ansi.Truncate(component.Plain(p.title), p.w, "…")) + "\n\n" + p.form.View()
	if p.note != "" {
		out += "\n\n" + st.Dim.Render(ansi.Wordwrap(component.Plain(p.note), max(10, p.w-2), ""))
	}
	return out
}

func (p *prompt) ShortHelp() []key.Binding {
	p.keys.Back.SetHelp("esc", "terug")
	if p.escSaves {
		p.keys.Back.SetHelp("esc", p.keys.Submit.Help().Desc+" en terug")
	}
	return append(p.form.ShortHelp(), p.keys.Back)
}

func (p *prompt) FullHelp() [][]key.Binding {
	p.ShortHelp()
	return append(p.form.FullHelp(), []key.Binding{p.keys.Back})
}

// showPrompt opens p over the current screen.
func (a *App) showPrompt(p *prompt) tea.Cmd {
	a.prompt = p
	p.SetSize(a.c.Width, a.c.Height-1)
	return p.form.Init()
}
