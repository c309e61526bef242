package presenter

import (
	"os"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/sessions/store"
	"gespreksmap/tui/common"
	"gespreksmap/tui/component"
)

// pollEvery is how often the follower looks at the report on disk.
const pollEvery = time.Second

// Follower is the presenter as a program of its own: it shows the stop a
// report is at and follows the report as it changes on disk. It never
// writes and never locks the report.
type Follower struct {
	c    *common.Common
	view *View
	path string
	pick store.Picker

	seen        stamp // the file as last read (or tried)
	reading     bool  // a read is under way
	interrupted bool  // ended with ctrl+c
}

// stamp is what the follower compares to notice a change on disk.
type stamp struct {
	size int64
	mod  time.Time
}

func stampOf(info os.FileInfo) stamp { return stamp{size: info.Size(), mod: info.ModTime()} }

// polledMsg is the report's size and time, looked at once a second.
type polledMsg struct {
	stamp stamp
	err   error
}

// loadedMsg is the report read and parsed again.
type loadedMsg struct {
	stamp stamp
	set   *content.Set
	sess  *sessions.Session
	err   error
}

// NewFollower shows conv (the report at path, as the program read it at
// start) and follows path from then on; pick gives the question set to
// read the report with, as at start.
func NewFollower(c *common.Common, path string, pick store.Picker, conv *sessions.Conversation) *Follower {
	f := &Follower{c: c, view: New(c), path: path, pick: pick}
	if info, err := os.Stat(path); err == nil {
		f.seen = stampOf(info)
	}
	f.show(conv)
	return f
}

func (f *Follower) show(conv *sessions.Conversation) {
	conv.SetReadOnly(true)
	f.view.Show(conv, conv.Resume())
}

// Interrupted reports whether ctrl+c ended the program.
func (f *Follower) Interrupted() bool { return f.interrupted }

// Init starts looking at the report.
func (f *Follower) Init() tea.Cmd { return f.poll() }

func (f *Follower) poll() tea.Cmd {
	path := f.path
	return tea.Tick(pollEvery, func(time.Time) tea.Msg { return look(path) })
}

// look is the report's size and time now.
func look(path string) polledMsg {
	info, err := os.Stat(path)
	if err != nil {
		return polledMsg{err: err}
	}
	return polledMsg{stamp: stampOf(info)}
}

// load reads and parses the report on a goroutine of its own, as a
// read-only program does: within the size limit, only a regular file, no
// lock.
func (f *Follower) load(at stamp) tea.Cmd {
	path, pick := f.path, f.pick
	return func() tea.Msg {
		set, s, err := store.LoadNamed(path, pick)
		return loadedMsg{stamp: at, set: set, sess: s, err: err}
	}
}

// Update follows the report and ends on q, esc or ctrl+c.
func (f *Follower) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		f.c.Width, f.c.Height = msg.Width, msg.Height
		f.view.SetSize(msg.Width, msg.Height)
	case tea.KeyMsg:
		switch msg.String() {
		case "ctrl+c":
			f.interrupted = true
			return f, tea.Quit
		case "q", "esc":
			return f, tea.Quit
		}
	case polledMsg:
		// A report that is away for a moment (being replaced) keeps the
		// last view; the next look finds it again.
		if msg.err == nil && msg.stamp != f.seen && !f.reading {
			f.reading = true
			return f, tea.Batch(f.poll(), f.load(msg.stamp))
		}
		return f, f.poll()
	case loadedMsg:
		f.reading = false
		// Noted even when the report does not parse: it is read again once
		// it changes, not every second.
		f.seen = msg.stamp
		if msg.err == nil {
			f.show(sessions.NewConversation(msg.set, msg.sess))
		}
	}
	return f, nil
}

// View is the calm view of the stop.
func (f *Follower) View() string { return f.view.View() }

var _ component.Component = (*View)(nil)
