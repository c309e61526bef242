package tui

import (
	"errors"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/sessions/store"
	"gespreksmap/tui/component"
	"gespreksmap/tui/pagelink"
)

// Saving: every change of the conversation moves its revision; after each
// update the root sees that and schedules a save a second later (one tick
// at a time, so a burst of typing is one save). Every change of screen and
// quitting save at once. A save takes a snapshot on the interface's
// goroutine (Controller.PrepareSave) and writes it in a command
// (SaveJob.Run); the result comes back as savedMsg (Controller.Finish).

type (
	autosaveMsg struct{}
	savedMsg    struct{ res sessions.SaveResult }
)

// scheduleSave makes sure a save follows within a second.
func (a *App) scheduleSave() tea.Cmd {
	if a.tickPending || a.c.ctl == nil || a.c.ctl.Path() == "" {
		return nil
	}
	a.tickPending = true
	return tea.Tick(time.Second, func(time.Time) tea.Msg { return autosaveMsg{} })
}

// saveCmd saves what changed, in the background.
func (a *App) saveCmd() tea.Cmd {
	if a.c.ctl == nil {
		return nil
	}
	a.flush()
	job := a.c.ctl.PrepareSave()
	if job == nil {
		return nil
	}
	return func() tea.Msg { return savedMsg{job.Run()} }
}

// finishSave records a save's result; a report changed on disk asks what
// to do.
func (a *App) finishSave(m savedMsg) tea.Cmd {
	if a.c.ctl == nil {
		return nil
	}
	a.c.ctl.Finish(m.res)
	if a.c.ctl.State() == sessions.Conflict {
		a.conflict = &conflictPrompt{}
	}
	return a.notice()
}

// notice shows in the footer what the storage has to tell about the
// report (Controller.Notice), after opening and after every save.
func (a *App) notice() tea.Cmd {
	if a.c.ctl == nil {
		return nil
	}
	if n := a.c.ctl.Notice(); n != "" {
		return component.Flash(n)
	}
	return nil
}

// Close puts everything typed on disk and releases the report: in the
// report, or in a copy beside it when someone changed the report outside
// the program (Controller.Rescue). The command line calls it after the
// program ends, however it ended (a key, a signal, a closed window, a
// crash); Rescued then says where the words are.
func (a *App) Close() error {
	a.safeStopRoom()
	if a.c.ctl == nil {
		return nil
	}
	a.safeFlush()
	a.safeFinishContribution()
	a.stopClock()
	r, err := a.c.ctl.Rescue()
	if err == nil {
		a.rescued = r
	}
	if cerr := a.c.ctl.Close(); err == nil {
		err = cerr
	}
	return err
}

// Rescued says where the words are after Close.
func (a *App) Rescued() sessions.Rescued { return a.rescued }

// safeFlush records the editors' text, also after a crash left the screen
// in a state it cannot record from: then what the conversation holds is
// rescued all the same.
func (a *App) safeFlush() {
	defer func() { recover() }()
	a.flush()
}

// safeFinishContribution takes over the text of a contribution open in
// its editor when the program ends, as esc would: the facilitator's
// changes are not lost (line mode does the same). An empty or unchanged
// text leaves the contribution waiting, as it was.
func (a *App) safeFinishContribution() {
	defer func() { recover() }()
	e, ok := a.sheet.(*contributionEditor)
	if !ok || a.c.conv == nil {
		return
	}
	if text := e.ed.Value(); strings.TrimSpace(text) != "" && text != e.k.Text {
		a.page().Accept(a.c.conv, e.k.ID, text)
	}
}

// safeStopRoom stops the participants' page and takes in what it holds,
// also after a crash: a failure there leaves what the conversation holds
// to be rescued all the same.
func (a *App) safeStopRoom() {
	l := a.room.link // stopRoom lets go of it before it stops it
	defer func() {
		if r := recover(); r != nil && l != nil {
			l.Room.Close()
			a.room.link = nil
		}
	}()
	a.stopRoom()
}

// noStorage keeps a conversation that has no report (tests): nothing is
// written.
type noStorage struct{}

func (noStorage) Save(*sessions.Session) error               { return nil }
func (noStorage) SaveCopy(*sessions.Session) (string, error) { return "", errors.New("geen verslag") }
func (noStorage) Reload() (*sessions.Session, error)         { return nil, errors.New("geen verslag") }
func (noStorage) Path() string                               { return "" }
func (noStorage) ReadOnly() bool                             { return false }
func (noStorage) Close() error                               { return nil }

// startSession makes s the conversation and file its report (nil: none).
func (a *App) startSession(s *sessions.Session, file *store.File) {
	var st sessions.Storage = noStorage{}
	if file != nil {
		st = file
	}
	a.adopt(sessions.NewConversation(a.c.Set, s), st)
}

// adopt makes conv the conversation, kept in st.
func (a *App) adopt(conv *sessions.Conversation, st sessions.Storage) {
	// The page belongs to the conversation before: what it took in goes
	// into that one's report.
	a.stopRoom()
	if a.c.ctl != nil && a.c.ctl.Path() != "" {
		a.c.ctl.Close()
	}
	a.c.conv = conv
	a.c.ctl = sessions.NewController(conv, st, a.c.cfg.Now)
	a.seenRev = conv.Revision()
	a.reset()
}

// reset drops the screens of the conversation before.
func (a *App) reset() {
	a.pane, a.setup, a.actions, a.prior, a.overlay, a.finder = nil, nil, nil, nil, nil, nil
	a.prompt, a.closing, a.sheet = nil, nil, nil
	a.lastIn = nil
	a.overview = newOverviewScreen(a.c)
	a.layout()
}

// openReport resumes a conversation from its report, at the stop where it
// was left.
func (a *App) openReport(path string, readOnly bool) tea.Cmd {
	var (
		f   *store.File
		s   *sessions.Session
		err error
	)
	// With the set the report names.
	set := store.SetOf(path, a.c.pick())
	if readOnly {
		f, s, err = store.OpenReadOnly(path, set)
	} else {
		f, s, err = store.Open(path, set)
	}
	if err != nil {
		// Held by another program, or a folder we may not write: it can
		// still be opened to read. Not so a pipe, a folder or a file too
		// large: reading fails again.
		var le *store.LockedError
		var ioe *store.IOError
		unreadable := errors.Is(err, store.ErrNotRegular) || errors.Is(err, store.ErrTooLarge) || errors.Is(err, store.ErrIsFolder)
		locked := !readOnly && !unreadable && (errors.As(err, &le) || errors.As(err, &ioe))
		a.start.refuse(path, err, locked)
		a.show(screenStart)
		return nil
	}
	a.useSet(set)
	a.startSession(s, f)
	a.show(screenOverview)
	cmd := a.notice()
	if i := a.c.conv.Resume(); i >= 0 {
		cmd = tea.Batch(cmd, a.openQuestion(i))
	}
	a.seenRev = a.c.conv.Revision()
	if n := a.c.conv.OpenPriorActions(); a.c.conv.Prior != nil && n > 0 && !readOnly {
		cmd = tea.Batch(cmd, component.Flash(sessions.Plural(n, "actiepunt", "actiepunten")+" van vorig jaar nog zonder besluit: p in het overzicht."))
	}
	if n, at := pagelink.Waiting(a.c.conv); n > 0 {
		cmd = tea.Batch(cmd, component.Flash("Van deelnemers, uit de vorige keer: "+pagelink.WaitingWords(n)+" (bij "+strings.Join(at, ", ")+"); F7: bekijken en overnemen."))
	}
	return tea.Batch(cmd, a.autoStartRoom())
}

// begin starts a new conversation or a yearly reflection: the report file
// exists from this moment.
func (a *App) begin(st sessions.Start) tea.Cmd {
	if err := st.Validate(); err != nil {
		return component.FlashError(err.Error())
	}
	path, err := store.Create(a.c.cfg.Dir, st.Date, st.Title)
	if err != nil {
		return component.FlashError("Het verslag kan niet worden aangemaakt: " + err.Error())
	}
	file, err := store.Adopt(path, a.c.Set)
	if err != nil {
		return component.FlashError("Het verslag kan niet worden geopend: " + err.Error())
	}
	conv, err := sessions.Begin(a.c.Set, st, path)
	if err != nil {
		file.Close()
		return component.FlashError(err.Error())
	}
	a.adopt(conv, file)
	// The new report is written at once, not a moment later: a file that
	// exists but is empty would be refused on the start screen if the
	// program were killed before the first save.
	var cmd tea.Cmd
	if err := a.c.ctl.SaveNow(); err != nil {
		cmd = component.FlashError("Opslaan mislukt: " + err.Error())
	}
	if conv.NeedsSettling() {
		a.prior = newPriorScreen(a.c)
		a.show(screenPriorActions)
		return tea.Batch(cmd, a.autoStartRoom())
	}
	a.show(screenOverview)
	return tea.Batch(cmd, a.autoStartRoom())
}

// beginReflection starts a yearly reflection on last year's report: the
// setup, with the partnership and participants taken over. The new
// conversation uses set, or when nil the set the report names.
func (a *App) beginReflection(path string, set *content.Set) tea.Cmd {
	if set == nil {
		set = store.SetOf(path, a.c.pick())
	}
	prior, err := store.Load(path, set)
	if err != nil {
		a.start.refuse(path, err, false)
		a.show(screenStart)
		return nil
	}
	a.useSet(set)
	a.setup = newSetupScreen(a.c, nil)
	a.setup.reflect(prior, path)
	a.show(screenSetup)
	return nil
}

// convenantDoneMsg says where the convenant draft went, or why not.
type convenantDoneMsg struct {
	path string
	err  error
}

// makeConvenant writes a convenant draft beside the report with the
// parties chosen, off the keystroke path.
func (a *App) makeConvenant(parties []string) tea.Cmd {
	if a.c.cfg.Convenant == nil || a.c.conv == nil || a.c.path() == "" {
		return nil
	}
	a.flush()
	path, set, snap := a.c.path(), a.c.Set, a.c.conv.Clone()
	fn := a.c.cfg.Convenant
	return func() tea.Msg {
		out, err := fn(path, set, snap, parties)
		if err != nil {
			return component.FlashMsg{Text: "Convenant-concept maken mislukt: " + err.Error(), Kind: component.Error}
		}
		return component.FlashMsg{Text: "Concept-convenant geschreven: " + out, Kind: component.Info}
	}
}

// useSet makes set the question set of the conversation to come. Only the
// root changes it, between conversations.
func (a *App) useSet(set *content.Set) {
	if set == a.c.Set {
		return
	}
	a.c.Set = set
	a.c.stops = set.Stops()
}
