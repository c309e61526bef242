package main

import (
	"fmt"
	"io"
	"os"
	"reflect"
	"runtime/debug"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"gespreksmap/tui"
)

// testPanicKey is a key that makes the interface panic: empty, except in
// the tests' build (testhook.go).
var testPanicKey string

// A crash is a failure of the program itself (a Go panic), never of what
// was typed or read: what was typed is saved (Controller.Rescue), the
// stack goes to a log file and never over the projector, one Dutch
// sentence names both files, and the exit status is 1 (2 is for bad
// input).

// crash is a panic caught in the interface.
type crash struct {
	value any
	stack []byte
}

// guarded is the interface (or the presenter) with its crashes caught: a
// panic in Update, View or Init ends the program as a quit does, and is
// kept for the command to report.
type guarded struct {
	app   tea.Model
	crash *crash
	quit  func() // ends the program from outside its loop
}

func (g *guarded) Init() (cmd tea.Cmd) {
	var m tea.Model
	defer g.catch(&m, &cmd)
	return guard(g.app.Init())
}

func (g *guarded) Update(msg tea.Msg) (m tea.Model, cmd tea.Cmd) {
	defer g.catch(&m, &cmd)
	if p, ok := msg.(cmdPanic); ok {
		g.record(p.value)
		g.crash.stack = p.stack
		return g, tea.Quit
	}
	if km, ok := msg.(tea.KeyMsg); ok && testPanicKey != "" {
		switch km.String() {
		case testPanicKey:
			panic("gespreksmaptest: de testtoets " + testPanicKey)
		case strings.TrimPrefix(testPanicKey, "cmd:"):
			return g, guard(func() tea.Msg { panic("gespreksmaptest: de testopdracht " + testPanicKey) })
		}
	}
	_, cmd = g.app.Update(msg)
	return g, guard(cmd)
}

// cmdPanic is a panic in one of the interface's commands (a save, reading
// the folder), which Bubble Tea runs on goroutines of their own: guard
// brings it back to the program's loop as a message, where it ends the
// program as a crash in Update does, instead of Bubble Tea printing the
// stack over the screen.
type cmdPanic struct {
	value any
	stack []byte
}

// guard wraps cmd, and the commands of a batch or sequence it returns, so
// that a panic becomes a cmdPanic message.
func guard(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = cmdPanic{r, debug.Stack()}
			}
		}()
		msg = cmd()
		// tea.BatchMsg, and tea.Sequence's unexported message, are slices
		// of commands the program runs next.
		if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
			for i := range v.Len() {
				if c, ok := v.Index(i).Interface().(tea.Cmd); ok && c != nil {
					v.Index(i).Set(reflect.ValueOf(guard(c)))
				}
			}
		}
		return msg
	}
}

func (g *guarded) View() (v string) {
	if g.crash.value != nil {
		return ""
	}
	defer func() {
		if r := recover(); r != nil {
			g.record(r)
			v = ""
			go g.quit() // View runs on the program's loop: quit from outside it
		}
	}()
	return g.app.View()
}

// catch is deferred by Init and Update: a panic becomes a quit.
func (g *guarded) catch(m *tea.Model, cmd *tea.Cmd) {
	if r := recover(); r != nil {
		g.record(r)
		*m, *cmd = g, tea.Quit
	}
}

func (g *guarded) record(r any) {
	if g.crash.value == nil {
		g.crash.value, g.crash.stack = r, debug.Stack()
	}
}

// reportCrash saves what can be saved after a crash, writes the log and
// says where both are. where is the file holding the words ("" when there
// was no report yet), saveErr why they could not be saved.
func reportCrash(stderr io.Writer, dir string, c crash, where string, saveErr error) int {
	log, err := writeCrashLog(dir, c)
	logPart := "de technische gegevens staan in " + log
	if err != nil {
		logPart = "de technische gegevens konden niet worden weggeschreven (" + err.Error() + ")"
	}
	wordsPart := "er was nog geen verslag, dus er is niets getypt dat verloren gaat"
	switch {
	case saveErr != nil:
		wordsPart = "opslaan is daarna niet gelukt (" + saveErr.Error() + "); kijk in " + orNone(where)
	case where != "":
		wordsPart = "wat getypt is, staat in " + where
	}
	fmt.Fprintf(stderr, "gespreksmap: het programma is vastgelopen door een fout in het programma zelf, niet in je invoer; %s, en %s.\n", wordsPart, logPart)
	return exitError
}

func orNone(s string) string {
	if s == "" {
		return "de map met verslagen"
	}
	return s
}

// writeCrashLog writes the panic and its stack to a new file (0600) in the
// sessions folder, or in the temporary folder when that is not there.
func writeCrashLog(dir string, c crash) (string, error) {
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		dir = os.TempDir()
	}
	f, err := os.CreateTemp(dir, "gespreksmap-fout-*.log")
	if err != nil && dir != os.TempDir() {
		f, err = os.CreateTemp(os.TempDir(), "gespreksmap-fout-*.log")
	}
	if err != nil {
		return "", err
	}
	fmt.Fprintf(f, "gespreksmap %s, %s\n\npanic: %v\n\n%s", versionString(), time.Now().Format(time.RFC3339), c.value, c.stack)
	if err := f.Close(); err != nil {
		return "", err
	}
	return f.Name(), nil
}

// closeAfterCrash rescues the conversation of the crashed interface; a
// second panic while doing so leaves what was saved before.
func closeAfterCrash(app *tui.App) (where string, err error) {
	defer func() {
		if r := recover(); r != nil {
			where, err = app.ReportPath(), fmt.Errorf("%v", r)
		}
	}()
	err = app.Close()
	if r := app.Rescued(); err == nil && r.Path != "" {
		return r.Path, nil
	}
	return app.ReportPath(), err
}
