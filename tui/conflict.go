package tui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"gespreksmap/sessions"
	"gespreksmap/tui/component"
)

// conflictPrompt asks what to do when the report changed on disk beside
// the program: read it again, or go on in a copy. Nothing is overwritten
// without asking.
type conflictPrompt struct{}

type conflictKeys struct{ Reload, Copy key.Binding }

var conflictKeyMap = conflictKeys{
	Reload: component.Bind("h", "herladen: de wijzigingen op schijf inlezen (wat hier sinds het laatste opslaan is getypt, vervalt)", "h", "H"),
	Copy:   component.Bind("k", "opslaan als kopie: dit gesprek verder in een nieuw bestand ernaast", "k", "K"),
}

func (p *conflictPrompt) key(a *App, km tea.KeyMsg) tea.Cmd {
	switch {
	case component.Matches(km, conflictKeyMap.Reload):
		conv, err := a.c.ctl.Reload()
		if err != nil {
			return component.FlashError("Herladen mislukt: " + err.Error())
		}
		a.conflict = nil
		ctl := a.c.ctl
		a.c.conv = conv
		a.seenRev = conv.Revision()
		a.reset()
		a.c.ctl = ctl
		a.show(screenOverview)
		var cmd tea.Cmd
		if i := conv.Resume(); i >= 0 {
			cmd = a.openQuestion(i)
		}
		return tea.Batch(cmd, component.Flash("Verslag opnieuw ingelezen."))
	case component.Matches(km, conflictKeyMap.Copy):
		a.flush()
		path, err := a.c.ctl.SaveCopy()
		if err != nil {
			return component.FlashError("Kopie opslaan mislukt: " + err.Error())
		}
		a.conflict = nil
		return component.Flash("Opgeslagen als kopie: " + path)
	}
	return nil
}

func (p *conflictPrompt) view(a *App) string {
	st := a.c.St
	line := func(b key.Binding) string {
		return st.Key.Render(b.Help().Key) + "  " + b.Help().Desc + "\n"
	}
	// What the store found: the copy it already made, a report made read
	// only, a folder removed.
	why := ""
	if err := a.c.ctl.Err(); err != nil && err.Error() != sessions.ErrChangedOnDisk.Error() {
		why = component.Plain(err.Error()) + "\n\n"
	}
	return st.Error.Render("Het verslag is buiten dit programma gewijzigd.") + "\n\n" +
		"Bestand: " + component.Plain(a.c.path()) + "\n\n" + why +
		"Het programma overschrijft het niet zonder te vragen.\n\n" +
		line(conflictKeyMap.Reload) + line(conflictKeyMap.Copy) +
		st.Key.Render("ctrl+c") + "  stoppen zonder te overschrijven: wat hier getypt is, komt in een kopie ernaast\n"
}
