package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"gespreksmap/tui/component"
)

// legacyQuestion lets the question screen of this package (question.go,
// modals.go, whole.go) stand in the question pane until the component in
// tui/question replaces it. That screen writes the session directly and
// draws its own header and footer; everything in this file goes with it.
type legacyQuestion struct {
	a *App
	q *questionScreen
}

func newLegacyQuestion(a *App) *legacyQuestion {
	a.question = newQuestionScreen(a.c, a)
	return &legacyQuestion{a: a, q: a.question}
}

func (l *legacyQuestion) Init() tea.Cmd { return nil }

func (l *legacyQuestion) Update(msg tea.Msg) (component.Component, tea.Cmd) {
	return l, l.q.update(l.a, msg)
}

func (l *legacyQuestion) View() string { return l.q.view(l.a) }

func (l *legacyQuestion) SetSize(w, h int) { l.q.resize() }

func (l *legacyQuestion) Show(i int) tea.Cmd {
	l.Flush()
	l.q.show(i)
	return nil
}

func (l *legacyQuestion) Stop() int { return l.q.idx }

func (l *legacyQuestion) Flush() bool {
	if l.q.sync() {
		l.a.touch()
		return true
	}
	return false
}

func (l *legacyQuestion) Editing() bool { return l.q.modal != nil || l.q.focused() == fText }

// ShortHelp implements help.KeyMap; the screen draws its own hints.
func (l *legacyQuestion) ShortHelp() []key.Binding { return nil }

// FullHelp is the key help of the question screen (F1).
func (l *legacyQuestion) FullHelp() [][]key.Binding {
	k := l.a.c.Keys
	keys := []key.Binding{k.Tab, k.ShiftTab, k.NextItem, k.PrevItem,
		k.Status[0], k.Status[1], k.Status[2], k.Status[3], k.Status[4],
		k.WholeQuestion, k.Perspective, k.Action, k.Tips}
	// Last year's answer is there only in a yearly reflection.
	if l.a.c.conv != nil && l.a.c.conv.Prior != nil {
		keys = append(keys, k.ShowPrior, k.CopyPrior)
	}
	h := func(k, d string) key.Binding { return component.Bind(k, d, k) }
	return [][]key.Binding{keys,
		{h("←/→ spatie", "waarde kiezen"), h("↑/↓", "regel kiezen"), h("0-9 backspace", "aantal typen"), h("enter", "openen / toevoegen"), k.Delete},
		{h("ctrl+←/→", "woord terug/verder"), h("home/end", "begin/eind van de regel"), h("ctrl+w", "woord wissen"), h("ctrl+k", "wissen tot eind van de regel")},
	}
}

// touch moves the conversation's revision after the question screen of
// this package wrote the session directly, so the change is saved. The
// core has no way to say "changed" without a change of its own; stepping
// the current stop away and back is one.
func (a *App) touch() {
	c := a.c.conv
	if c == nil || c.ReadOnly() {
		return
	}
	cur := c.Resume()
	other := 0
	if cur == 0 {
		other = 1
	}
	if c.SetCurrent(other) {
		c.SetCurrent(cur)
	}
}

// changed: the question screen changed the session.
func (a *App) changed() tea.Cmd {
	a.touch()
	return nil
}

// goTo: the question screen asks for another screen.
func (a *App) goTo(s screenID) tea.Cmd {
	return a.navigate(component.NavigateMsg{To: s})
}

// syncEditors records what the question screen's editors hold.
func (a *App) syncEditors() { a.flush() }

// footer renders key hints on one line, cut to the width, or the flash
// message shown now.
func (a *App) footer(bindings ...key.Binding) string {
	if f := a.foot.Flashing(); f != "" || a.flash != "" {
		if a.flash != "" {
			f = a.flash
		}
		return ansi.Truncate(a.c.St.Error.Render(component.Plain(f)), a.c.Width, "…")
	}
	var parts []string
	for _, b := range bindings {
		if h := b.Help(); h.Key != "" {
			parts = append(parts, a.c.St.Key.Render(h.Key)+" "+h.Desc)
		}
	}
	return ansi.Truncate(strings.Join(parts, a.c.St.Footer.Render(" · ")), a.c.Width, "…")
}
