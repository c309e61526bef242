package component

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"gespreksmap/sessions"
)

// Bind makes a binding with Dutch help: Bind("x", "verwijderen", "x", "delete").
func Bind(help, desc string, keys ...string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
}

// Matches reports whether km is one of the keys of any of bs, enabled or
// not. Components enable a binding to say whether help shows it; what a key
// does they decide themselves, so a key that does nothing here is still not
// mistaken for typing.
func Matches(km tea.KeyMsg, bs ...key.Binding) bool {
	s := km.String()
	for _, b := range bs {
		for _, k := range b.Keys() {
			if k == s {
				return true
			}
		}
	}
	return false
}

// Plain makes text from the user, a report or a question set safe to print
// on one line: it passes sessions.Printable (no control character, escape
// sequence or bidirectional override), and runs of spaces become one.
func Plain(s string) string {
	return strings.Join(strings.Fields(sessions.Printable(s)), " ")
}

// Send is a command that delivers msg: how a component reports to its
// owner or the root.
func Send(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }
