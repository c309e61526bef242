package tui

import (
	"path/filepath"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"gespreksmap/sessions/docx"
	"gespreksmap/sessions/export"
	"gespreksmap/sessions/store"
	"gespreksmap/tui/component"
	"gespreksmap/tui/forms"
)

// The printable report: e on the overview asks whether to print everything
// or only what was discussed, as a page to print or a Word document to
// edit, and writes it beside the report, off the keystroke path.

const (
	printAll       = "alles"
	printDiscussed = "besproken"
	asPage         = "html"
	asWord         = "docx"
)

// openPrint asks which printable report to write.
func (a *App) openPrint() tea.Cmd {
	if a.c.conv == nil || a.c.path() == "" {
		return component.FlashError("Er is geen verslag om af te drukken.")
	}
	which, as := printAll, asPage
	f := forms.New("afdrukken", a.c.St.FormStyles(),
		forms.Choice("which", "Afdrukken", []forms.Option{
			{Value: printAll, Label: "alles"},
			{Value: printDiscussed, Label: "alleen wat besproken is"},
		}, &which),
		forms.Choice("as", "Als", []forms.Option{
			{Value: asPage, Label: "pagina om af te drukken"},
			{Value: asWord, Label: "Word-document om te bewerken"},
		}, &as))
	p := newPrompt(a.c, "Afdrukbaar verslag (A4)", "schrijven", f, func(a *App) tea.Cmd {
		return a.writePrintable(which == printDiscussed, as == asWord)
	})
	p.note = "Het bestand komt naast het verslag: een pagina open je in een browser en druk je af, een Word-document open je in een tekstverwerker. Alleen wat besproken is laat de vragen zonder antwoord weg."
	return a.showPrompt(p)
}

// printablePath is where the printable report of the report at path goes.
func printablePath(path string, onlyDiscussed, word bool) string {
	base := strings.TrimSuffix(path, filepath.Ext(path))
	if onlyDiscussed {
		base += "-besproken"
	}
	if word {
		return base + ".docx"
	}
	return base + ".html"
}

// writePrintable writes the printable report in a command.
func (a *App) writePrintable(onlyDiscussed, word bool) tea.Cmd {
	a.flush()
	set, snap, now := a.c.Set, a.c.conv.Clone(), a.c.Now()
	out := printablePath(a.c.path(), onlyDiscussed, word)
	return func() tea.Msg {
		opt := export.Options{OnlyDiscussed: onlyDiscussed}
		var data []byte
		if word {
			title := snap.Title
			if title == "" {
				title = "Verslag"
			}
			data = docx.FromMarkdown(export.ReportMarkdown(set, snap, opt), docx.Properties{Title: title, Created: now})
		} else {
			data = export.ReportHTMLWith(set, snap, opt)
		}
		if err := store.WriteFile(out, data); err != nil {
			return component.FlashMsg{Text: "Afdrukbaar verslag schrijven mislukt: " + err.Error(), Kind: component.Error}
		}
		return component.FlashMsg{Text: "Afdrukbaar verslag geschreven: " + out, Kind: component.Info}
	}
}
