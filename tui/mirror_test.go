package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"gespreksmap/sessions"
)

func TestF5ShowsTheRoomOnlyTheQuestionAndWhatIsTypedWhileTypingGoesOn(t *testing.T) {
	cfg := testConfig(t)
	app := New(cfg)
	send(app, tea.WindowSizeMsg{Width: 120, Height: 40})
	app.startSession(sessions.New(cfg.Set.ID, cfg.Set.Version), nil)
	app.openQuestion(0)
	send(app, tea.KeyMsg{Type: tea.KeyF5})
	send(app, runes("Op de agenda van het OOGO."))
	screen := ansi.Strip(app.View())
	if !strings.Contains(screen, "Op de agenda van het OOGO.") || !strings.Contains(screen, "1.1") {
		t.Errorf("the calm view does not show the question and what is typed:\n%s", screen)
	}
	for _, chrome := range []string{"F1", "ctrl+", "tab volgend veld", "bestuur.agenda"} {
		if strings.Contains(screen, chrome) {
			t.Errorf("the calm view shows %q:\n%s", chrome, screen)
		}
	}
	send(app, tea.KeyMsg{Type: tea.KeyF5})
	if screen := ansi.Strip(app.View()); !strings.Contains(screen, "F1 alle toetsen") {
		t.Errorf("F5 again does not bring the interface back:\n%s", screen)
	}
}
