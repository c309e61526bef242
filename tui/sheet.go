package tui

import (
	tea "github.com/charmbracelet/bubbletea"

	"gespreksmap/tui/component"
)

// A sheet is a panel over the whole body that takes every key while it is
// open, below the header with the save state and the waiting count: the
// participants' page with its QR code (F6), the contributions waiting (F7),
// a writing round (F8), and the editor of a contribution before it is taken
// over. The screen under it keeps its state. One sheet at a time; one may
// name the sheet to return to when it closes.
type sheet interface {
	component.Component
	titled
	// key handles a key; closed says the sheet is done.
	key(a *App, km tea.KeyMsg) (cmd tea.Cmd, closed bool)
}

// sheetReturner is a sheet that opens another when it closes (the editor
// of a contribution goes back to the list it came from).
type sheetReturner interface{ backTo() sheet }

// sheetEditor is a sheet with a text field: letters are text there.
type sheetEditor interface{ editing() bool }

// sheetRefresher is a sheet that shows the conversation's contributions:
// it lays them out again when they change.
type sheetRefresher interface{ refresh(a *App) }

// showSheet opens s over the current screen.
func (a *App) showSheet(s sheet) tea.Cmd {
	a.sheet = s
	s.SetSize(a.c.Width, a.bodyHeight())
	return s.Init()
}

// sheetKey hands a key to the open sheet; F1 (and ? where letters are no
// text) shows the sheet's keys.
func (a *App) sheetKey(km tea.KeyMsg) tea.Cmd {
	s := a.sheet
	if component.Matches(km, a.keys.More) || component.Matches(km, a.keys.HelpLetter) && !a.editing() {
		a.openHelp()
		return nil
	}
	cmd, closed := s.key(a, km)
	if closed && a.sheet == s {
		a.sheet = nil
		if r, ok := s.(sheetReturner); ok && r.backTo() != nil {
			back := r.backTo()
			cmd = tea.Batch(cmd, a.showSheet(back))
			if f, ok := back.(sheetRefresher); ok {
				f.refresh(a)
			}
		}
	}
	return cmd
}

// refreshSheet lays the open sheet out again after the contributions
// changed.
func (a *App) refreshSheet() {
	if f, ok := a.sheet.(sheetRefresher); ok {
		f.refresh(a)
	}
}

// roomKey answers F6, F7 and F8 on every screen: each opens its sheet, or
// closes it when it is open; the sheet of another replaces it. The editor
// of a contribution keeps them (its text would be lost).
func (a *App) roomKey(km tea.KeyMsg) (tea.Cmd, bool) {
	if _, ok := a.sheet.(sheetEditor); ok {
		return nil, false
	}
	var open func() tea.Cmd
	var same bool
	switch {
	case component.Matches(km, a.keys.Page):
		_, same = a.sheet.(*roomSheet)
		open = a.startRoom
	case component.Matches(km, a.keys.Waiting):
		_, same = a.sheet.(*inbox)
		open = a.openInbox
	case component.Matches(km, a.keys.Round):
		_, same = a.sheet.(*roundSheet)
		open = a.openRound
	default:
		return nil, false
	}
	if same {
		a.sheet = nil
		return nil, true
	}
	a.sheet = nil
	return open(), true
}
