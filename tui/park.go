package tui

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/tui/component"
	"gespreksmap/tui/forms"
)

// The parking lot: ctrl+l (or F3) anywhere in a conversation opens a line
// to note a remark for later, linked to the stop on screen (on the
// overview and the other screens: general). The overview lists the
// remarks; enter there changes one, ctrl+d marks it dealt with.

// parkStop is the stop a remark parked now belongs to: the one on the
// question screen, or none.
func (a *App) parkStop() content.Stop {
	if a.screen == screenQuestion && a.pane != nil {
		if i := a.pane.Stop(); i >= 0 && i < len(a.c.stops) {
			return a.c.stops[i]
		}
	}
	return content.Stop{}
}

// openPark opens the line to park a remark.
func (a *App) openPark() tea.Cmd {
	conv := a.c.conv
	if conv == nil || a.screen == screenStart || a.screen == screenSetup {
		return component.Flash("Parkeren kan zodra het gesprek loopt.")
	}
	if conv.ReadOnly() {
		return readOnlyFlash()
	}
	st := a.parkStop()
	place := "algemeen"
	if st.Question != nil {
		place = "bij " + st.Number()
	}
	var text string
	f := forms.New("parkeren", a.c.St.FormStyles(),
		forms.Text("text", "Opmerking", &text).Placeholder("wat later aan bod moet komen"))
	p := newPrompt(a.c, "Parkeren ("+place+")", "parkeren", f, func(a *App) tea.Cmd {
		if strings.TrimSpace(text) == "" {
			return nil
		}
		if a.c.conv.Park(st, text, a.c.cfg.Now()) < 0 {
			return component.FlashError("De opmerking is niet geparkeerd.")
		}
		a.refreshOverview()
		return component.Flash("Geparkeerd (" + place + "). Het overzicht toont de parkeerplaats.")
	})
	p.escSaves = true
	p.note = "De opmerking komt op de parkeerplaats in het overzicht en in het verslag. Het gesprek gaat verder waar het was."
	return a.showPrompt(p)
}

// editParked opens remark i to change its words.
func (a *App) editParked(i int) tea.Cmd {
	conv := a.c.conv
	if conv == nil || i < 0 || i >= len(conv.Parked) {
		return nil
	}
	if conv.ReadOnly() {
		return readOnlyFlash()
	}
	text := conv.Parked[i].Text
	f := forms.New("parkeren", a.c.St.FormStyles(), forms.Text("text", "Opmerking", &text))
	p := newPrompt(a.c, "Geparkeerde opmerking ("+conv.ParkedPlace(conv.Parked[i])+")", "opslaan", f, func(a *App) tea.Cmd {
		if strings.TrimSpace(text) == "" {
			return component.FlashError("Een lege opmerking blijft zoals ze was; ctrl+d zet haar op afgehandeld.")
		}
		a.c.conv.EditParked(i, text)
		a.refreshOverview()
		return nil
	})
	p.escSaves = true
	return a.showPrompt(p)
}

// refreshOverview rebuilds the overview's rows after the parking lot or
// the agenda changed.
func (a *App) refreshOverview() {
	if a.overview != nil {
		a.overview.build()
	}
}

// parkedRow is a remark as the overview lists it.
func parkedRow(conv *sessions.Conversation, r sessions.ParkedRemark) string {
	box := "[ ]"
	if r.Resolved {
		box = "[x]"
	}
	s := box + " " + r.Text + " — " + conv.ParkedPlace(r)
	if r.Carried {
		s += " · van vorig jaar"
	}
	return component.Plain(s)
}
