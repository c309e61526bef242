package question

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"gespreksmap/tui/component"
	"gespreksmap/tui/forms"
	"gespreksmap/tui/textedit"
)

// perspectivePanel edits what one organisation says at the stop, from its
// own point of view, beside the joint answer: the organisation chosen from
// those at the table, the text in an editor.
type perspectivePanel struct {
	s   *Screen
	org string // chosen in the form
	// recorded is the organisation whose perspective at the stop holds
	// this panel's text in the core ("" while nothing is recorded).
	recorded string
	form     *forms.Form
	ed       textedit.Model
	synced   uint64
	onText   bool
	keys     struct{ Switch key.Binding }
}

func (s *Screen) openPerspective(i int) tea.Cmd {
	if s.conv.ReadOnly() {
		return readOnly()
	}
	p := &perspectivePanel{s: s}
	p.keys.Switch = component.Bind("tab", "organisatie/tekst", "tab", "shift+tab")
	text := ""
	if items := s.persp.Items(); i >= 0 && i < len(items) {
		p.org, text, p.recorded = items[i].Organisation, items[i].Text, items[i].Organisation
	} else {
		p.org = s.conv.SuggestedOrganisation(s.st)
	}
	orgs := s.conv.PerspectiveOrganisations(s.st)
	if p.org == "" && len(orgs) > 0 {
		p.org = orgs[0]
	}
	if len(orgs) > 0 {
		opts := make([]forms.Option, len(orgs))
		for j, o := range orgs {
			opts[j] = forms.Option{Value: o, Label: o}
		}
		p.form = forms.New("perspectief", s.c.St.FormStyles(), forms.Choice("org", "Organisatie", opts, &p.org).Hint("←/→ kiezen · tab naar de tekst"))
		p.onText = true
	} else {
		p.form = forms.New("perspectief", s.c.St.FormStyles(), forms.Text("org", "Organisatie", &p.org).Placeholder("organisatie (deelnemers voeg je toe met d in het overzicht)"))
	}
	p.ed = textedit.New()
	p.ed.SetPlaceholder("Wat zegt deze organisatie, vanuit haar eigen perspectief?")
	p.ed.SetValue(text)
	p.synced = p.ed.Version()
	p.focusText(p.onText)
	return s.openPanel(p)
}

func (p *perspectivePanel) focusText(on bool) {
	p.onText = on
	if on {
		p.form.Blur()
		p.ed.Focus()
	} else {
		p.ed.Blur()
		p.form.FocusFirst()
	}
}

func (p *perspectivePanel) ShortHelp() []key.Binding {
	out := []key.Binding{p.keys.Switch, closeKey}
	if !p.onText {
		out = append(p.form.ShortHelp(), out...)
	}
	return out
}

func (p *perspectivePanel) FullHelp() [][]key.Binding {
	return [][]key.Binding{{p.keys.Switch, closeKey}, p.form.ShortHelp(), p.ed.KeyMap.ShortHelp()}
}

func (p *perspectivePanel) editing() bool { return true }

func (p *perspectivePanel) update(msg tea.Msg) (bool, tea.Cmd) {
	switch m := msg.(type) {
	case forms.ChangedMsg:
		p.orgChanged()
		return false, nil
	case tea.KeyMsg:
		switch {
		case component.Matches(m, closeKey):
			return true, nil
		case component.Matches(m, p.keys.Switch):
			p.focusText(!p.onText)
			return false, nil
		}
		if !p.onText {
			if m.Type == tea.KeyEnter {
				p.focusText(true)
				return false, nil
			}
			_, cmd := p.form.Update(m)
			return false, cmd
		}
		p.ed, _ = p.ed.Update(m)
	}
	return false, nil
}

// orgChanged follows a change of organisation. A perspective already
// recorded moves to the new name (joined with what that organisation said
// there, never lost); a new one shows what the organisation said before,
// when nothing is typed yet.
func (p *perspectivePanel) orgChanged() {
	conv, st := p.s.conv, p.s.st
	if p.org == "" || p.org == p.recorded {
		return
	}
	if p.recorded != "" {
		if p.ed.Version() != p.synced {
			conv.SetPerspective(st, p.recorded, p.ed.Value())
		}
		conv.MovePerspective(st, p.recorded, p.org)
		p.recorded = p.org
		p.reload()
		return
	}
	if text, ok := conv.Perspective(st, p.org); ok && strings.TrimSpace(p.ed.Value()) == "" {
		p.ed.SetValue(text)
		p.synced = p.ed.Version()
		p.recorded = p.org
	}
}

// reload shows the text the core holds for the organisation.
func (p *perspectivePanel) reload() {
	text, _ := p.s.conv.Perspective(p.s.st, p.recorded)
	p.ed.SetValue(text)
	p.synced = p.ed.Version()
}

func (p *perspectivePanel) pending() bool {
	return p.ed.Version() != p.synced || (p.recorded != "" && p.org != p.recorded)
}

func (p *perspectivePanel) flush() bool {
	conv, st := p.s.conv, p.s.st
	if p.recorded != "" && p.org != p.recorded && p.org != "" {
		p.orgChanged()
	}
	if p.ed.Version() == p.synced || p.org == "" {
		return false
	}
	p.synced = p.ed.Version()
	text := p.ed.Value()
	if p.recorded == "" {
		if strings.TrimSpace(text) == "" {
			return false
		}
		if _, had := conv.Perspective(st, p.org); had {
			// The organisation spoke here already: what is typed is added,
			// its earlier words stay.
			changed := conv.AppendPerspective(st, p.org, text)
			p.recorded = p.org
			p.reload()
			return changed
		}
		p.recorded = p.org
		return conv.SetPerspective(st, p.org, text)
	}
	changed := conv.SetPerspective(st, p.recorded, text)
	if strings.TrimSpace(text) == "" {
		p.recorded = ""
	}
	return changed
}

func (p *perspectivePanel) setSize(w, h int) {
	p.form.SetSize(w, 2)
	used := strings.Count(p.s.panelTop("x", w), "\n") + strings.Count(p.form.View(), "\n") + 2
	p.ed.SetSize(max(10, w-2), max(3, h-used-1))
}

func (p *perspectivePanel) view(w, h int) string {
	st := p.s.c.St
	var b strings.Builder
	b.WriteString(p.s.panelTop("Perspectief bij "+p.s.st.Number(), w))
	b.WriteString(p.form.View() + "\n")
	b.WriteString(p.s.label("Antwoord vanuit deze organisatie", p.onText) + "\n")
	bar := st.Dim.Render("│ ")
	if p.onText {
		bar = st.Cursor.Render("│ ")
	}
	for _, l := range strings.Split(p.ed.View(), "\n") {
		b.WriteString(bar + l + "\n")
	}
	return b.String()
}
