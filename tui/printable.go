package tui

import (
	"path/filepath"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"gespreksmap/sessions/export"
	"gespreksmap/sessions/store"
	"gespreksmap/tui/component"
	"gespreksmap/tui/forms"
)

// The printable report: e on the overview asks whether to print everything
// or only what was discussed, and writes the HTML beside the report, off
// the keystroke path.

const (
	printAll       = "alles"
	printDiscussed = "besproken"
)

// openPrint asks which printable report to write.
func (a *App) openPrint() tea.Cmd {
	if a.c.conv == nil || a.c.path() == "" {
		return component.FlashError("Er is geen verslag om af te drukken.")
	}
	which := printAll
	f := forms.New("afdrukken", a.c.St.FormStyles(),
		forms.Choice("which", "Afdrukken", []forms.Option{
			{Value: printAll, Label: "alles"},
			{Value: printDiscussed, Label: "alleen wat besproken is"},
		}, &which))
	p := newPrompt(a.c, "Afdrukbaar verslag (A4, om in de browser af te drukken)", "schrijven", f, func(a *App) tea.Cmd {
		return a.writePrintable(which == printDiscussed)
	})
	p.note = "Het bestand komt naast het verslag; open het in een browser en druk het af. Alleen wat besproken is laat de vragen zonder antwoord weg."
	return a.showPrompt(p)
}

// printablePath is where the printable report of the report at path goes.
func printablePath(path string, onlyDiscussed bool) string {
	base := strings.TrimSuffix(path, filepath.Ext(path))
	if onlyDiscussed {
		return base + "-besproken.html"
	}
	return base + ".html"
}

// writePrintable writes the printable report in a command.
func (a *App) writePrintable(onlyDiscussed bool) tea.Cmd {
	a.flush()
	set, snap := a.c.Set, a.c.conv.Clone()
	out := printablePath(a.c.path(), onlyDiscussed)
	return func() tea.Msg {
		data := export.ReportHTMLWith(set, snap, export.Options{OnlyDiscussed: onlyDiscussed})
		if err := store.WriteFile(out, data); err != nil {
			return component.FlashMsg{Text: "Afdrukbaar verslag schrijven mislukt: " + err.Error(), Kind: component.Error}
		}
		return component.FlashMsg{Text: "Afdrukbaar verslag geschreven: " + out, Kind: component.Info}
	}
}
