package question

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"gespreksmap/sessions"
	"gespreksmap/tui/component"
	"gespreksmap/tui/list"
)

// partnerRow is one partner on the checklist: a kind of the set, or
// another partner named at this question (other >= 0).
type partnerRow struct {
	kind  string
	other int
	label string
	state sessions.PartnerState
}

// partnersInput is the partner checklist: per partner whether the
// partnership works together with it, and other partners by name.
type partnersInput struct {
	s     *Screen
	list  *list.List[partnerRow]
	left  key.Binding
	right key.Binding
}

func newPartnersInput(s *Screen) *partnersInput {
	p := &partnersInput{s: s, left: component.Bind("←", "vorige stand", "left"), right: component.Bind("→", "volgende stand", "right")}
	p.list = newList(s.c.St, "partners", "+ andere partner toevoegen", func(r partnerRow) string { return r.label }, p.row)
	p.list.Keys.Add = component.Bind("enter", "andere partner toevoegen", "enter")
	p.list.Keys.Choose.SetHelp("enter", "stand wijzigen")
	p.refresh()
	return p
}

func (p *partnersInput) refresh() {
	st := p.s.st
	var rows []partnerRow
	for _, pk := range p.s.c.Set.PartnerKinds {
		rows = append(rows, partnerRow{kind: pk.ID, other: -1, label: pk.Label, state: p.s.conv.PartnerState(st, pk.ID)})
	}
	for i, o := range p.s.conv.OtherPartners(st) {
		rows = append(rows, partnerRow{other: i, label: "Anders: " + o.Name, state: o.State})
	}
	p.list.SetItems(rows)
}

// row lays a partner out: its name in a column, its state beside it.
func (p *partnersInput) row(r partnerRow, w int) string {
	st := p.s.c.St
	lw := 0
	for _, pk := range p.s.c.Set.PartnerKinds {
		lw = max(lw, ansi.StringWidth(pk.Label))
	}
	lw = max(4, min(lw+2, w-16))
	label := ansi.Truncate(component.Plain(r.label), lw, "…")
	pad := strings.Repeat(" ", max(1, lw-ansi.StringWidth(label)))
	var state string
	switch r.state {
	case sessions.PartnerTogether:
		state = st.Status["geregeld"].Render(r.state.Label())
	case sessions.PartnerNotYet:
		state = st.Status["nog-niet"].Render(r.state.Label())
	default:
		state = st.Dim.Render(r.state.Label())
	}
	return label + pad + state
}

func (p *partnersInput) focusable() bool { return true }
func (p *partnersInput) startHere() bool { return true }
func (p *partnersInput) focus()          { p.list.Focus() }
func (p *partnersInput) blur()           { p.list.Blur() }
func (p *partnersInput) rows(int) int    { return 1 + p.list.Rows() }

func (p *partnersInput) ShortHelp() []key.Binding {
	_, _, onRow := p.list.Selected()
	p.left.SetEnabled(onRow)
	p.right.SetEnabled(onRow)
	return append([]key.Binding{p.left, p.right}, p.list.ShortHelp()...)
}

func (p *partnersInput) FullHelp() [][]key.Binding {
	return append([][]key.Binding{{p.left, p.right}}, p.list.FullHelp()...)
}

func (p *partnersInput) update(km tea.KeyMsg) (tea.Cmd, int) {
	if !p.list.Confirming() {
		if e := p.list.Edge(km); e != 0 {
			return nil, e
		}
	}
	r, _, onRow := p.list.Selected()
	switch {
	case component.Matches(km, p.left) && onRow:
		return p.step(r, -1), 0
	case component.Matches(km, p.right) && onRow:
		return p.step(r, 1), 0
	case component.Matches(km, p.list.Keys.Delete) && onRow && r.other < 0 && !p.list.Confirming():
		return component.Flash("Alleen een andere partner kan weg; ←/→ zet de stand van deze partner."), 0
	}
	_, cmd := p.list.Update(km)
	return cmd, 0
}

// step moves a partner's state one step.
func (p *partnersInput) step(r partnerRow, d int) tea.Cmd {
	if p.s.conv.ReadOnly() {
		return readOnly()
	}
	next := sessions.CyclePartner(r.state, d)
	if r.other >= 0 {
		p.s.conv.SetOtherPartnerState(p.s.st, r.other, next)
	} else {
		p.s.conv.SetPartnerState(p.s.st, r.kind, next)
	}
	p.refresh()
	return nil
}

// chosen: enter on a kind steps its state; on another partner it opens
// its name.
func (p *partnersInput) chosen(i int) tea.Cmd {
	items := p.list.Items()
	if i < 0 || i >= len(items) {
		return nil
	}
	if r := items[i]; r.other >= 0 {
		return p.s.openOther(r.other)
	}
	return p.step(items[i], 1)
}

// remove takes another partner off the list (after the second press).
func (p *partnersInput) remove(i int) {
	items := p.list.Items()
	if i >= 0 && i < len(items) && items[i].other >= 0 {
		p.s.conv.RemoveOtherPartner(p.s.st, items[i].other)
	}
	p.refresh()
}

func (p *partnersInput) view(w, h int) string {
	p.list.SetSize(w, max(0, h-1))
	head := p.s.label("Partners:", p.list.Focused())
	if h <= 1 {
		return ansi.Truncate(head, w, "…")
	}
	return ansi.Truncate(head, w, "…") + "\n" + p.list.View()
}
