package tui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

func TestTakingOverLastYearsAnswerIsUndoneWithCtrlZ(t *testing.T) {
	app := reflectionAt(t, 100, 30)
	send(app, runes("Nu wel."))
	send(app, tea.KeyMsg{Type: tea.KeyCtrlY})
	app.pane.Flush()
	if got := app.c.conv.Answers["bestuur.agenda"].Text; got != "Nu wel.\n\nNog niet op de agenda." && got != "Nu wel.\nNog niet op de agenda." {
		t.Fatalf("after ctrl+y the answer is %q", got)
	}
	send(app, tea.KeyMsg{Type: tea.KeyCtrlZ})
	app.pane.Flush()
	if got := app.c.conv.Answers["bestuur.agenda"].Text; got != "Nu wel." {
		t.Errorf("after ctrl+z the answer is %q, want what was typed before taking last year's over", got)
	}
}
