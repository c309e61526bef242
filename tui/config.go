package tui

import (
	"time"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/tui/participants"
)

// Config is what the command line hands to the interface.
type Config struct {
	Set *content.Set
	// Sets are the question sets a new conversation or a reflection can be
	// started with: the start screen offers the choice when there are two
	// or more. A report is opened with the one it names; the first of them
	// reads a report that names none. Empty: Set is the only set.
	Sets     []*content.Set
	Dir      string // sessions folder
	Open     string // report to reopen directly (resume)
	ReadOnly bool   // open Open read-only
	Baseline string // last year's report: start a yearly reflection on it
	Theme    string
	Dark     bool // resolved once before the program starts
	Now      func() time.Time
	// Convenant writes a convenant draft for the report at path, with the
	// organisations that sign as parties (chosen on screen), and returns
	// the draft's path. Wired by the command line; nil hides the command.
	Convenant func(path string, set *content.Set, s *sessions.Session, parties []string) (string, error)
	// Participants starts the participants' page (nil: participants.Start);
	// tests start a real one on the loopback with it.
	Participants func(participants.Config) (*participants.Room, error)
	// ParticipantsAddr is where the participants' page listens: "host:port",
	// "host" (a free port), or "" for the laptop's address on the local
	// network.
	ParticipantsAddr string
	// ParticipantsAtOnce starts the page as soon as a conversation is open
	// (--participants); otherwise F6 starts it.
	ParticipantsAtOnce bool
}
