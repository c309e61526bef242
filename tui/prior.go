package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"gespreksmap/sessions"
	"gespreksmap/tui/component"
	"gespreksmap/tui/forms"
	"gespreksmap/tui/list"
)

// priorScreen settles last year's open action items: done, carried over
// with a new date and whoever owns it now, dropped, or open again. A decision is an alt key
// (alt+g, alt+d, alt+v, alt+o), never a letter alone: a sentence typed here
// changes nothing and the screen says so. Each decides for the item under
// the cursor only, and the cursor stays there, so a key pressed once too
// often never decides for the next item.
type priorScreen struct {
	c    *base
	list *list.List[int]
	// date asks the new date of an item carried over, and who owns it now
	// (people change jobs): one of this year's participants or any name.
	date *forms.Form
	when string
	who  string
	keys priorKeys
	w, h int
}

type priorKeys struct {
	Done, Carry, Drop, Reopen, Continue, Cancel, Save key.Binding
}

func newPriorScreen(c *base) *priorScreen {
	b := component.Bind
	p := &priorScreen{c: c, keys: priorKeys{
		Done:     b("alt+g", "gedaan", "alt+g"),
		Carry:    b("alt+d", "doorgeschoven", "alt+d"),
		Drop:     b("alt+v", "vervallen", "alt+v"),
		Reopen:   b("alt+o", "nog niet besloten", "alt+o"),
		Continue: b("enter", "naar het overzicht", "enter", "esc"),
		Cancel:   b("esc", "niet doorschuiven", "esc"),
		Save:     b("enter", "doorschuiven naar deze datum", "enter"),
	}}
	p.list = list.New("vorig-jaar", c.St.ListStyles(), p.row).WithEmpty("Er stonden vorig jaar geen open actiepunten.").Explicit(key.Binding{})
	p.list.Keys.Choose.SetEnabled(false)
	p.refresh()
	return p
}

func (p *priorScreen) refresh() {
	items := make([]int, len(p.c.conv.PriorActions))
	for i := range items {
		items[i] = i
	}
	p.list.SetItems(items)
}

func (p *priorScreen) row(i int, w int) string {
	conv := p.c.conv
	pa := conv.PriorActions[i]
	outcome := pa.Outcome.Label()
	if pa.Outcome == sessions.OutcomeCarried {
		outcome += " (nieuwe datum: " + conv.CarriedTo(i) + ")"
	}
	text := pa.Item.What + " — " + orDash(pa.Item.Who) + ", " + orDash(pa.Item.When)
	if where := conv.ActionPlace(pa.Item); where != "" {
		text += " (" + where + ")"
	}
	text, outcome = component.Plain(text), component.Plain(outcome)
	room := max(10, w-2-ansi.StringWidth(outcome))
	text = ansi.Truncate(text, room, "…")
	return text + strings.Repeat(" ", max(0, room-ansi.StringWidth(text))) + "  " + outcome
}

// Title implements titled.
func (p *priorScreen) Title() string { return "Actiepunten van vorig jaar" }

// Editing implements the root's question: the date field takes letters.
func (p *priorScreen) Editing() bool { return p.date != nil }

func (p *priorScreen) Init() tea.Cmd { return nil }

func (p *priorScreen) Update(msg tea.Msg) (component.Component, tea.Cmd) {
	if p.date != nil {
		return p, p.updateDate(msg)
	}
	if _, typed := msg.(list.TypedMsg); typed {
		return p, component.Flash(priorTypedHint)
	}
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return p, nil
	}
	k := p.keys
	_, i, onItem := p.list.Selected()
	switch {
	case component.Matches(km, k.Continue):
		return p, component.Navigate(screenOverview)
	case !onItem && component.Matches(km, k.Done, k.Carry, k.Drop, k.Reopen):
		return p, nil
	case component.Matches(km, k.Done):
		return p, p.settle(i, sessions.OutcomeDone, "")
	case component.Matches(km, k.Drop):
		return p, p.settle(i, sessions.OutcomeDropped, "")
	case component.Matches(km, k.Reopen):
		return p, p.settle(i, sessions.OutcomeOpen, "")
	case component.Matches(km, k.Carry):
		if p.c.readOnly() {
			return p, readOnlyFlash()
		}
		p.when, p.who = p.c.conv.CarriedTo(i), p.c.conv.CarriedOwner(i)
		p.date = forms.New("datum", p.c.St.FormStyles(),
			forms.Text("when", "Nieuwe datum", &p.when).Placeholder("bijv. 2027-06-30 of voor de zomer"),
			forms.Text("who", "Wie nu", &p.who).Placeholder("persoon of organisatie (→ kiest een deelnemer)").Suggest(p.participants()...))
		p.date.Keys.Submit = k.Save
		p.SetSize(p.w, p.h)
		return p, nil
	}
	_, cmd := p.list.Update(km)
	return p, cmd
}

// priorTypedHint says how to decide: typing changes nothing here.
const priorTypedHint = "Typen verandert hier niets. Besluit met alt+g (gedaan), alt+d (doorgeschoven), alt+v (vervallen) of alt+o (nog niet besloten)."

func (p *priorScreen) updateDate(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case forms.SubmitMsg:
		_, i, _ := p.list.Selected()
		if p.c.readOnly() {
			return readOnlyFlash()
		}
		if _, err := p.c.conv.SettleCarried(i, p.when, p.who); err != nil {
			// Carried over means: with a new date.
			return component.FlashError("Geef een nieuwe datum, of esc om niet door te schuiven.")
		}
		p.refresh()
		p.date = nil
		p.SetSize(p.w, p.h)
	case tea.KeyMsg:
		if component.Matches(msg, p.keys.Cancel) {
			p.date = nil
			p.SetSize(p.w, p.h)
			return nil
		}
		if component.Matches(msg, p.keys.Save) {
			return p.updateDate(forms.SubmitMsg{Form: "datum"})
		}
		_, cmd := p.date.Update(msg)
		return cmd
	}
	return nil
}

// settle records an outcome through the core; a carried item also joins
// this year's list.
func (p *priorScreen) settle(i int, o sessions.Outcome, when string) tea.Cmd {
	if p.c.readOnly() {
		return readOnlyFlash()
	}
	if _, err := p.c.conv.Settle(i, o, when); err != nil {
		// Carried over means: with a new date.
		return component.FlashError("Geef een nieuwe datum, of esc om niet door te schuiven.")
	}
	p.refresh()
	return nil
}

// participants are this year's participants' names, then their
// organisations, to pick the owner from.
func (p *priorScreen) participants() []string {
	var names, orgs []string
	for _, pt := range p.c.conv.Participants {
		names = append(names, pt.Name)
		orgs = append(orgs, pt.Organisation)
	}
	return append(names, orgs...)
}

func (p *priorScreen) SetSize(w, h int) {
	p.w, p.h = w, h
	if p.date == nil {
		p.list.SetSize(w, max(1, h-6))
		return
	}
	// The form has two fields and the names to pick under the focused one.
	p.list.SetSize(w, max(1, h-13))
	p.date.SetSize(w-2, 6)
}

func (p *priorScreen) View() string {
	st := p.c.St
	var b strings.Builder
	if prior := p.c.conv.Prior; prior != nil {
		b.WriteString(st.Dim.Render(ansi.Truncate(component.Plain("Open actiepunten uit "+prior.Date+" "+prior.Title+": wat is ermee gebeurd?"), p.w, "…")))
	}
	b.WriteString("\n\n" + p.list.View() + "\n")
	if p.date != nil {
		b.WriteString("\n" + p.date.View() + "\n")
	}
	return b.String()
}

func (p *priorScreen) ShortHelp() []key.Binding {
	k := &p.keys
	if p.date != nil {
		return []key.Binding{k.Save, k.Cancel}
	}
	_, _, onItem := p.list.Selected()
	for _, b := range []*key.Binding{&k.Done, &k.Carry, &k.Drop, &k.Reopen} {
		b.SetEnabled(onItem)
	}
	return append([]key.Binding{k.Done, k.Carry, k.Drop, k.Continue, k.Reopen}, p.list.ShortHelp()...)
}

func (p *priorScreen) FullHelp() [][]key.Binding {
	short := p.ShortHelp()
	if p.date != nil {
		return [][]key.Binding{short}
	}
	return append([][]key.Binding{{p.keys.Done, p.keys.Carry, p.keys.Drop, p.keys.Reopen, p.keys.Continue}}, p.list.FullHelp()...)
}
