package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"gespreksmap/sessions"
	"gespreksmap/tui/common"
	"gespreksmap/tui/component"
	"gespreksmap/tui/pagelink"
	"gespreksmap/tui/textedit"
)

// What the facilitator does with a contribution: take it over as its
// organisation's perspective at its stop (as sent, or edited first), set it
// aside (it stays in the report, not as a perspective), or let one set
// aside wait again. The conversation core decides and package pagelink
// tells the page, so that the participant sees it and can no longer change
// what was taken over. A contribution the page does not know (it came from
// the report, sent before the program was started again) is taken over
// with the text the conversation holds.

// page is the participants' page, or nil (a nil *pagelink.Link is no page).
func (a *App) page() *pagelink.Link {
	if a.room.link == nil {
		return nil
	}
	return a.room.link.Link
}

// outcome says what became of a decision on a contribution, when it was
// not done.
func outcome(o pagelink.Outcome) tea.Cmd {
	switch o {
	case pagelink.ReadOnly:
		return readOnlyFlash()
	case pagelink.Gone:
		return component.FlashError("Deze bijdrage is er niet meer: de deelnemer heeft haar ingetrokken.")
	case pagelink.Refused:
		return component.FlashError("Deze bijdrage kan niet worden overgenomen: de vraag bestaat niet in deze vragenset. Leg haar terzijde; ze blijft in het verslag.")
	}
	return nil
}

// acceptContribution takes contribution id over as its organisation's
// perspective: with text when the facilitator edited it, otherwise with
// the latest text the participant sent.
func (a *App) acceptContribution(id, text string) tea.Cmd {
	conv := a.c.conv
	if conv == nil {
		return nil
	}
	// What is typed in the question screen's editors is recorded first:
	// the perspective taken over is added to it, never written over it.
	a.flush()
	k, o := a.page().Accept(conv, id, text)
	if o != pagelink.Done {
		return outcome(o)
	}
	a.contributionsChanged()
	return component.Flash("Overgenomen als perspectief van " + component.Plain(k.Organisation) + " bij " + a.stopNumber(k) + ".")
}

// setAsideContribution sets a contribution aside: it stays in the report,
// in the section of contributions not taken over.
func (a *App) setAsideContribution(id string) tea.Cmd {
	if a.c.conv == nil {
		return nil
	}
	if o := a.page().SetAside(a.c.conv, id); o != pagelink.Done {
		return outcome(o)
	}
	a.contributionsChanged()
	return component.Flash("Terzijde gelegd; de bijdrage blijft in het verslag. r zet haar terug.")
}

// restoreContribution lets a contribution set aside wait again.
func (a *App) restoreContribution(id string) tea.Cmd {
	if a.c.conv == nil {
		return nil
	}
	if o := a.page().Restore(a.c.conv, id); o != pagelink.Done {
		return outcome(o)
	}
	a.contributionsChanged()
	return component.Flash("De bijdrage wacht weer.")
}

// contributionsChanged shows what the core holds after a contribution was
// handled: the question screen's lists and side panel, the header, the
// open sheet.
func (a *App) contributionsChanged() {
	if a.pane != nil && a.screen == screenQuestion {
		a.pane.Refresh()
	}
	a.refreshWaiting()
}

// stopNumber is the number of the stop a contribution was written at.
func (a *App) stopNumber(k sessions.Contribution) string {
	if i := a.c.conv.StopIndex(k.QuestionID, k.Part); i >= 0 {
		return a.c.conv.Stop(i).Number()
	}
	return component.Plain(k.QuestionID)
}

// editContribution opens contribution id in an editor, to take it over
// as edited; back is the sheet to return to.
func (a *App) editContribution(id string, back sheet) tea.Cmd {
	if a.c.conv == nil {
		return nil
	}
	// Locked on the page while it is edited here: the participant cannot
	// change it under the facilitator's hands.
	k, o := a.page().Edit(a.c.conv, id)
	if o != pagelink.Done {
		return outcome(o)
	}
	e := &contributionEditor{c: a.c, k: k, back: back, where: a.stopNumber(k)}
	e.ed = textedit.New()
	e.ed.SetValue(k.Text)
	e.ed.Focus()
	e.keys.Accept = component.Bind("esc", "overnemen als perspectief", "esc")
	e.keys.Cancel = component.Bind("ctrl+x", "terug zonder overnemen", "ctrl+x")
	a.sheet = nil
	return a.showSheet(e)
}

// contributionEditor is a contribution's text in an editor, to be taken
// over as edited (esc, as every panel of the program keeps what is typed)
// or left waiting (ctrl+x).
type contributionEditor struct {
	c     *base
	k     sessions.Contribution
	where string // the stop's number
	ed    textedit.Model
	back  sheet
	keys  struct{ Accept, Cancel key.Binding }
	w, h  int
}

func (e *contributionEditor) Title() string {
	return "Bijdrage van " + component.Plain(e.k.Organisation) + " bij " + e.where + " bewerken"
}

func (e *contributionEditor) Init() tea.Cmd { return nil }

func (e *contributionEditor) Update(tea.Msg) (component.Component, tea.Cmd) { return e, nil }

func (e *contributionEditor) editing() bool { return true }

func (e *contributionEditor) backTo() sheet { return e.back }

func (e *contributionEditor) SetSize(w, h int) {
	e.w, e.h = w, h
	e.ed.SetSize(max(10, w-2), max(3, h-4))
}

func (e *contributionEditor) key(a *App, km tea.KeyMsg) (tea.Cmd, bool) {
	switch {
	case component.Matches(km, e.keys.Accept):
		if strings.TrimSpace(e.ed.Value()) == "" {
			e.release(a)
			return component.FlashError("Een lege tekst wordt niet overgenomen; de bijdrage wacht nog."), true
		}
		return a.acceptContribution(e.k.ID, e.ed.Value()), true
	case component.Matches(km, e.keys.Cancel):
		e.release(a)
		return component.Flash("Niet overgenomen; de bijdrage wacht nog."), true
	}
	e.ed, _ = e.ed.Update(km)
	return nil, false
}

// release lets the participant change or withdraw the contribution again.
func (e *contributionEditor) release(a *App) { a.page().Release(e.k.ID) }

func (e *contributionEditor) View() string {
	st := e.c.St
	head := st.Dim.Render(ansi.Truncate(component.Plain("Ingestuurd "+e.k.At.Format("15:04")+" vanaf een telefoon of laptop. Wat hier staat, wordt het perspectief van "+e.k.Organisation+"."), e.w, "…"))
	bar := st.Cursor.Render("│ ")
	var b strings.Builder
	b.WriteString(head + "\n\n")
	for _, l := range strings.Split(e.ed.View(), "\n") {
		b.WriteString(bar + l + "\n")
	}
	b.WriteString("\n" + st.Dim.Render(ansi.Truncate("esc: overnemen · ctrl+x: terug zonder overnemen · ctrl+z: ongedaan maken", e.w, "…")))
	return common.FitBlock(b.String(), e.w, e.h)
}

func (e *contributionEditor) ShortHelp() []key.Binding {
	return []key.Binding{e.keys.Accept, e.keys.Cancel, e.ed.KeyMap.Undo}
}

func (e *contributionEditor) FullHelp() [][]key.Binding {
	return append([][]key.Binding{{e.keys.Accept, e.keys.Cancel}}, e.ed.KeyMap.FullHelp()...)
}
