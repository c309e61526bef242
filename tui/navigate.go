package tui

import (
	tea "github.com/charmbracelet/bubbletea"

	"gespreksmap/tui/component"
	"gespreksmap/tui/question"
)

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
	return tea.Batch(cmd, a.saveCmd())
}
