package tui

import (
	"reflect"
	"runtime"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
)

// send delivers msgs to app as the program loop does: each message, then
// what the commands it returns bring (screens ask the root for a change of
// screen, a flash or an overlay with messages), leaving out timers.
func send(app *App, msgs ...tea.Msg) {
	for _, m := range msgs {
		_, cmd := app.Update(m)
		run(app, cmd, 0)
	}
}

func run(app *App, cmd tea.Cmd, depth int) {
	if cmd == nil || depth > 50 {
		return
	}
	name := runtime.FuncForPC(reflect.ValueOf(cmd).Pointer()).Name()
	// The command that waits for the participants' page blocks until
	// someone sends: tests deliver its message themselves (arrive).
	if strings.Contains(name, "Tick") || strings.Contains(name, "Blink") || strings.Contains(name, "awaitArrival") {
		return
	}
	switch m := cmd().(type) {
	case nil, tea.QuitMsg:
	case tea.BatchMsg:
		for _, c := range m {
			run(app, c, depth+1)
		}
	default:
		_, next := app.Update(m)
		run(app, next, depth+1)
	}
}
