//go:build unix

package tui

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"gespreksmap/sessions"
)

func TestAPipeInTheSessionsFolderIsListedWithWhyAndHidesNoReport(t *testing.T) {
	cfg := testConfig(t)
	s := sessions.New(cfg.Set.ID, cfg.Set.Version)
	s.Title, s.Date = "Echt verslag", "2026-11-22"
	writeReport(t, cfg, s)
	if err := syscall.Mkfifo(filepath.Join(cfg.Dir, "pijp.md"), 0o600); err != nil {
		t.Skip("no named pipes here:", err)
	}
	app := New(cfg)
	send(app, tea.WindowSizeMsg{Width: 160, Height: 30})
	run(app, app.Init(), 0)
	screen := ansi.Strip(app.View())
	if !strings.Contains(screen, "Echt verslag") {
		t.Errorf("the real report is not listed:\n%s", screen)
	}
	if !strings.Contains(screen, "pijp.md — niet te lezen: dit is geen gewoon bestand") || !strings.Contains(screen, "geen gewoon bestand") {
		t.Errorf("the pipe is not listed with why:\n%s", screen)
	}
}
