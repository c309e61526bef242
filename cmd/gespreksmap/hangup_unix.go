//go:build !windows

package main

import (
	"os"
	"os/signal"
	"syscall"

	tea "github.com/charmbracelet/bubbletea"
)

// quitOnHangup makes a closed terminal window (SIGHUP) end the program the
// way ctrl+c does, so the report is saved. SIGINT and SIGTERM are handled by
// Bubble Tea itself. The returned function stops listening.
func quitOnHangup(p *tea.Program) func() {
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	go func() {
		if _, ok := <-hup; ok {
			p.Quit()
		}
	}()
	return func() {
		signal.Stop(hup)
		close(hup)
	}
}

// stopSignals end a conversation in accessible mode with everything saved.
var stopSignals = []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP}
