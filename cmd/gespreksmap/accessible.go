package main

import (
	"errors"
	"fmt"
	"io"

	"gespreksmap/tui"
	"gespreksmap/tui/accessible"
)

// runAccessible holds the conversation as plain numbered prompts: for screen
// readers, and when input or output is not a terminal.
func runAccessible(cfg tui.Config, stdin io.Reader, stdout, stderr io.Writer) int {
	path, err := accessible.Run(accessible.Config{
		Set:      cfg.Set,
		Dir:      cfg.Dir,
		Open:     cfg.Open,
		Baseline: cfg.Baseline,
		ReadOnly: cfg.ReadOnly,
		Now:      cfg.Now,
	}, stdin, stdout)
	var c *accessible.Crash
	if errors.As(err, &c) {
		return reportCrash(stderr, cfg.Dir, crash{c.Value, c.Stack}, c.Path, c.SaveErr)
	}
	if path != "" {
		fmt.Fprintf(stderr, "Verslag: %s\n", path)
	}
	if err != nil {
		fmt.Fprintf(stderr, "gespreksmap: %v\n", err)
		return exitError
	}
	return exitOK
}
