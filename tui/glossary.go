package tui

import (
	"sort"
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/tui/component"
	"gespreksmap/tui/forms"
)

// The glossary filters as you type. It is the overlay with a line to type
// in, not bubbles/list: a term is several lines (its name, its full name,
// an explanation wrapped to the width), which bubbles/list's rows of one
// fixed height cannot show whole, and its fuzzy filter finds terms by
// letters scattered through them where people look for a word. Here a term
// shows when its name, full name, other spellings or explanation hold what
// is typed.

// sortedTerms is the set's glossary in alphabetical order, case ignored.
func sortedTerms(set *content.Set) []*content.Term {
	out := make([]*content.Term, len(set.Glossary))
	for i := range set.Glossary {
		out[i] = &set.Glossary[i]
	}
	sort.SliceStable(out, func(i, j int) bool {
		return strings.ToLower(out[i].Term) < strings.ToLower(out[j].Term)
	})
	return out
}

// glossaryMatch reports whether term t holds q (lowercase).
func glossaryMatch(t *content.Term, q string) bool {
	for _, s := range append([]string{t.Term, t.Full, t.Explanation}, t.Aliases...) {
		if strings.Contains(strings.ToLower(s), q) {
			return true
		}
	}
	return false
}

func newFilterInput() textinput.Model {
	in := textinput.New()
	in.Cursor.SetMode(cursor.CursorStatic)
	in.Prompt = "Zoek: "
	in.Placeholder = "typ om te zoeken"
	in.CharLimit = 60
	in.Focus()
	return in
}

// glossaryKeys are the keys of the glossary: only arrows and pages scroll,
// letters are typed in the filter.
var glossaryKeys = struct {
	Up, Down, PageUp, PageDown, Back, Close, Help key.Binding
}{
	Up:       component.Bind("↑", "omhoog", "up"),
	Down:     component.Bind("↓", "omlaag", "down"),
	PageUp:   component.Bind("pgup", "bladzijde terug", "pgup"),
	PageDown: component.Bind("pgdn", "bladzijde verder", "pgdown"),
	Back:     component.Bind("esc", "terug", "esc"),
	Close:    component.Bind("ctrl+g", "sluiten", "ctrl+g"),
	Help:     component.Bind("F1", "toetsen", "f1"),
}

// filterKey handles a key in an overlay with a filter line.
func (o *overlay) filterKey(km tea.KeyMsg) tea.Cmd {
	k := glossaryKeys
	switch {
	case component.Matches(km, k.Back, k.Close):
		o.closed = true
		return component.CloseOverlay()
	case component.Matches(km, k.Help):
		return component.Send(component.ShowHelpMsg{})
	case component.Matches(km, k.Up, k.Down, k.PageUp, k.PageDown):
		o.vp, _ = o.vp.Update(km)
		return nil
	}
	if km.Type == tea.KeyRunes {
		km.Runes = []rune(sessions.CleanLine(string(km.Runes)))
	}
	before := o.filter.Value()
	*o.filter, _ = o.filter.Update(forms.SafeKey(*o.filter, km))
	if o.filter.Value() != before {
		o.refresh(o.c)
		o.vp.GotoTop()
	}
	return nil
}

// filterHelp is the glossary's help.
func (o *overlay) filterHelp() []key.Binding {
	k := glossaryKeys
	scroll := o.vp.TotalLineCount() > o.vp.Height
	for _, b := range []*key.Binding{&k.Up, &k.Down, &k.PageUp, &k.PageDown} {
		b.SetEnabled(scroll)
	}
	return []key.Binding{k.Back, k.Help, k.Down, k.Up, k.PageDown, k.PageUp, k.Close}
}
