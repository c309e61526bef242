//go:build windows

package main

import tea "github.com/charmbracelet/bubbletea"

// quitOnHangup: Windows has no SIGHUP. Closing the console window sends a
// close event that Go delivers as SIGTERM, which Bubble Tea already
// turns into a clean quit, after which the report is saved.
func quitOnHangup(p *tea.Program) func() { return func() {} }
