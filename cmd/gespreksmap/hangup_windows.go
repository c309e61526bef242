//go:build windows

package main

import (
	"os"
	"syscall"

	tea "github.com/charmbracelet/bubbletea"
)

// quitOnHangup: Windows has no SIGHUP. Closing the console window sends a
// close event that Go delivers as SIGTERM, which Bubble Tea already
// turns into a clean quit, after which the report is saved.
func quitOnHangup(p *tea.Program) func() { return func() {} }

// stopSignals end a conversation in accessible mode with everything saved
// (closing the console window arrives as SIGTERM).
var stopSignals = []os.Signal{os.Interrupt, syscall.SIGTERM}
