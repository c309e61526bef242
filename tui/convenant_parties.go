package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"gespreksmap/sessions/convenant"
	"gespreksmap/tui/component"
	"gespreksmap/tui/list"
)

// The convenant's parties: c on the overview opens, over the screen, the
// organisations at the table with a box each, ticked for those that sign by
// default (all but the parents' representation). space ticks or unticks
// one, enter writes the draft with the ticked ones as parties, esc goes
// back without writing.

// partyChoice is one organisation in the chooser.
type partyChoice struct {
	org convenant.Organisation
	on  bool
}

// partiesChooser is the body of the prompt that asks who signs.
type partiesChooser struct {
	choices []partyChoice
	list    *list.List[int]
	keys    partiesKeys
	w, h    int
}

type partiesKeys struct{ Toggle, Write key.Binding }

func newPartiesChooser(c *base, orgs []convenant.Organisation) *partiesChooser {
	p := &partiesChooser{keys: partiesKeys{
		Toggle: component.Bind("spatie", "tekent wel/niet", " "),
		Write:  component.Bind("enter", "concept schrijven", "enter"),
	}}
	items := make([]int, len(orgs))
	for i, o := range orgs {
		p.choices = append(p.choices, partyChoice{org: o, on: o.Default})
		items[i] = i
	}
	// Only the arrows move it: letters are no commands here.
	p.list = list.New("partijen", c.St.ListStyles(), p.row).
		WithEmpty("Er zijn geen deelnemers; het concept vraagt om de partijen.").
		Explicit(key.Binding{})
	p.list.SetItems(items)
	p.sync()
	return p
}

func (p *partiesChooser) row(i int, w int) string {
	ch := p.choices[i]
	box := "[ ] "
	if ch.on {
		box = "[x] "
	}
	var note string
	switch {
	case ch.org.Parents:
		note = "vertegenwoordiging van ouders"
	case ch.org.School:
		note = "school: tekent via het bevoegd gezag"
	case ch.org.Person:
		note = "zonder organisatie"
	}
	text := box + component.Plain(ch.org.Name)
	if note != "" {
		text += " — " + note
	}
	return ansi.Truncate(text, w, "…")
}

// Parties are the names of the ticked organisations, in the order of the
// table; an empty (not nil) list when none is ticked.
func (p *partiesChooser) Parties() []string {
	out := []string{}
	for _, ch := range p.choices {
		if ch.on {
			out = append(out, ch.org.Name)
		}
	}
	return out
}

func (p *partiesChooser) Init() tea.Cmd { return nil }

// Update ticks with space and moves with the arrows; enter is the
// prompt's (Submits).
func (p *partiesChooser) Update(msg tea.Msg) (component.Component, tea.Cmd) {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return p, nil
	}
	switch {
	case component.Matches(km, p.keys.Toggle):
		if _, i, ok := p.list.Selected(); ok {
			p.choices[i].on = !p.choices[i].on
		}
		return p, nil
	case km.Type == tea.KeyRunes:
		// A letter does nothing here; the list would report it as typing.
		return p, nil
	}
	p.list.Update(km)
	p.sync()
	return p, nil
}

// Validate implements promptBody: any choice may be written, none too
// (the draft then asks for the parties).
func (p *partiesChooser) Validate() bool { return true }

// Submits implements promptBody: enter writes.
func (p *partiesChooser) Submits(km tea.KeyMsg) bool { return component.Matches(km, p.keys.Write) }

func (p *partiesChooser) SetSize(w, h int) {
	p.w, p.h = w, h
	p.list.SetSize(w, max(1, h-2))
}

func (p *partiesChooser) View() string {
	var b strings.Builder
	b.WriteString("Welke organisaties tekenen het convenant als partij?\n\n")
	b.WriteString(p.list.View())
	return b.String()
}

func (p *partiesChooser) sync() {
	_, _, onItem := p.list.Selected()
	p.keys.Toggle.SetEnabled(onItem)
}

func (p *partiesChooser) ShortHelp() []key.Binding {
	p.sync()
	return append([]key.Binding{p.keys.Write, p.keys.Toggle}, p.list.Keys.Up, p.list.Keys.Down)
}

func (p *partiesChooser) FullHelp() [][]key.Binding {
	return [][]key.Binding{{p.keys.Write, p.keys.Toggle}, p.list.FullHelp()[0]}
}

// openConvenant asks which organisations sign, then writes the draft.
func (a *App) openConvenant() tea.Cmd {
	if a.c.cfg.Convenant == nil || a.c.conv == nil || a.c.path() == "" {
		return nil
	}
	ch := newPartiesChooser(a.c, convenant.Organisations(a.c.Set, a.c.conv.Session))
	p := newPromptWith(a.c, "Concept-convenant: partijen", "concept schrijven", ch, func(a *App) tea.Cmd {
		return a.makeConvenant(ch.Parties())
	})
	p.note = "Een school tekent via haar bevoegd gezag (de stichting of vereniging); het concept vraagt daarnaar. " +
		"De vertegenwoordiging van ouders wordt standaard als betrokkene genoemd en tekent niet, tenzij je haar aanvinkt."
	return a.showPrompt(p)
}
