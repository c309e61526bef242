package main

import (
	"fmt"
	"io"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"gespreksmap/sessions"
	"gespreksmap/sessions/store"
	"gespreksmap/tui/common"
	"gespreksmap/tui/presenter"
)

// runPresenter shows the stop the conversation of the report at path is at
// (the newest report in the sessions folder when path is ""), large and
// calm, for a second terminal on the projector, and follows the report as
// the full interface saves it. It only reads: no lock, no save.
func runPresenter(path string, o options, pick store.Picker, stdin io.Reader, stdout, stderr io.Writer) int {
	if !isTerminal(stdin) || !isTerminal(stdout) {
		fmt.Fprintln(stderr, "gespreksmap: --presenter toont het gesprek op een scherm en heeft daarvoor een terminal nodig.")
		return exitError
	}
	if path == "" {
		newest, code := newestReport(o.dir, pick, stderr)
		if newest == "" {
			return code
		}
		path = newest
	}
	set, s, err := store.LoadNamed(path, pick)
	if err != nil {
		fmt.Fprintf(stderr, "gespreksmap: %v\n", err)
		return exitBadInput
	}
	dark := common.ResolveDark(o.theme)
	cc := &common.Common{Set: set, St: common.DefaultStyles(o.theme, dark), Keys: common.DefaultKeyMap(),
		Width: 80, Height: 24, MD: common.NewMDCache(dark), Dark: dark, Now: time.Now}
	f := presenter.NewFollower(cc, path, pick, sessions.NewConversation(set, s))
	c, runErr := runGuarded(f, tea.WithAltScreen())
	if c.value != nil {
		// The presenter writes nothing: the words are in the report.
		return reportCrash(stderr, o.dir, *c, path, nil)
	}
	return exitCode(runErr, f.Interrupted(), stderr)
}

// newestReport is the most recently changed report in dir that can be
// read; "" with the exit code when there is none.
func newestReport(dir string, pick store.Picker, stderr io.Writer) (string, int) {
	list, err := store.ListNamed(dir, pick)
	if err != nil {
		fmt.Fprintf(stderr, "gespreksmap: %v\n", err)
		return "", exitError
	}
	for _, e := range list {
		if e.Err == nil {
			return e.Path, exitOK
		}
	}
	fmt.Fprintf(stderr, "gespreksmap: er staat geen leesbaar verslag in %s om te tonen; noem er een: gespreksmap --presenter VERSLAG.md\n", dir)
	return "", exitBadInput
}
