package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"

	"gespreksmap/tui"
	"gespreksmap/tui/accessible"
)

// runAccessible holds the conversation as plain numbered prompts: for screen
// readers, and when input or output is not a terminal.
func runAccessible(cfg tui.Config, stdin io.Reader, stdout, stderr io.Writer) int {
	// A signal (ctrl+c, the window closed, SIGTERM) ends the conversation
	// at its prompt with the lines typed so far saved, as end of input does.
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, stopSignals...)
	defer signal.Stop(sigs)
	stop := make(chan struct{})
	var got os.Signal
	go func() {
		if sig, ok := <-sigs; ok {
			got = sig
			close(stop)
		}
	}()
	path, err := accessible.Run(accessible.Config{
		Set:      cfg.Set,
		Sets:     cfg.Sets,
		Dir:      cfg.Dir,
		Open:     cfg.Open,
		Baseline: cfg.Baseline,
		ReadOnly: cfg.ReadOnly,
		Now:      cfg.Now,
		Stop:     stop,

		Participants:       cfg.Participants,
		ParticipantsAddr:   cfg.ParticipantsAddr,
		ParticipantsAtOnce: cfg.ParticipantsAtOnce,
	}, stdin, stdout)
	if errors.Is(err, accessible.ErrStopped) {
		if path != "" {
			fmt.Fprintf(stderr, "Gestopt; alles wat getypt was, is bewaard. Verslag: %s\n", path)
		}
		if got == os.Interrupt {
			return exitInterrupted
		}
		return exitOK
	}
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
