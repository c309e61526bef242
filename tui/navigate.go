package tui

import (
	tea "github.com/charmbracelet/bubbletea"

	"gespreksmap/tui/component"
	"gespreksmap/tui/question"
)

// questionPane is what the root needs of the question screen, beyond the
// component contract.
type questionPane interface {
	component.Component
	Show(stop int) tea.Cmd
	Stop() int
	// Flush records text held in editors in the conversation: before every
	// save, on leaving the screen and on quitting.
	Flush() bool
	// Editing reports whether a text field has focus: letters are text.
	Editing() bool
	// Pending reports whether editors hold text not yet in the
	// conversation: typing does not change the conversation on every key,
	// so this is what schedules the autosave while someone types.
	Pending() bool
	// Title is the header line: where in the conversation the screen is.
	Title() string
	// SetWaiting shows the contributions from participants waiting at
	// the stop (the side panel of a wide window).
	SetWaiting([]question.Waiting)
	// Refresh shows what the core holds at the stop after a change made
	// beside the screen (a contribution taken over as a perspective).
	Refresh()
}

// navigate switches screens; every change of screen saves.
func (a *App) navigate(m component.NavigateMsg) tea.Cmd {
	if a.c.conv == nil && m.To != screenStart {
		return nil
	}
	var cmd tea.Cmd
	switch m.To {
	case screenStart:
		cmd = a.start.Init()
	case screenSetup:
		a.setup = newSetupScreen(a.c, a.c.conv)
	case screenOverview:
		if a.overview == nil {
			a.overview = newOverviewScreen(a.c)
		}
		a.overview.refresh(a.lastIn)
	case screenQuestion:
		return a.openQuestion(m.Stop)
	case screenActions:
		a.actions = newActionsScreen(a.c)
	case screenPriorActions:
		a.prior = newPriorScreen(a.c)
	case screenClosing:
		a.closing = newClosingScreen(a.c)
	}
	a.show(m.To)
	return tea.Batch(cmd, a.saveCmd())
}

// show makes s the current screen, sized.
func (a *App) show(s screenID) {
	a.screen = s
	a.layout()
}

// openQuestion shows the question screen at stop index i.
func (a *App) openQuestion(i int) tea.Cmd {
	if a.c.conv == nil || i < 0 || i >= len(a.c.stops) {
		return nil
	}
	if a.pane == nil {
		q := question.New(a.c.Common)
		q.SetConversation(a.c.conv)
		a.pane = q
	}
	a.show(screenQuestion)
	cmd := a.pane.Show(i)
	a.c.conv.SetCurrent(i)
	if a.lastIn == nil {
		a.lastIn = map[int]int{}
	}
	a.lastIn[a.c.stops[i].SectionIndex] = i
	a.syncWaiting(true)
	return tea.Batch(cmd, a.saveCmd())
}
