package sessions

import (
	"errors"
	"sync"
	"time"
)

// Storage keeps a conversation's report: the store subpackage implements
// it for files on disk, tests with a fake.
type Storage interface {
	// Save writes the report; ErrChangedOnDisk when someone changed it
	// beside the program since it was read or last saved.
	Save(*Session) error
	// SaveCopy writes the report to a new file beside the old one and goes
	// on with that file; it returns the new path.
	SaveCopy(*Session) (string, error)
	// Reload reads the report again, taking in what was changed beside the
	// program; saving is then allowed again.
	Reload() (*Session, error)
	Path() string
	ReadOnly() bool
	Close() error
}

// SaveState is how the report stands, for a front end to show.
type SaveState int

const (
	Saved      SaveState = iota // every change is in the report
	Unsaved                     // a change is waiting to be saved
	SaveFailed                  // the last save failed (Err says why); it is tried again
	Conflict                    // the report changed on disk: reload or continue in a copy
	ReadOnly                    // the report is open to read only
)

// Controller holds a conversation's save life cycle for any front end: it
// knows which revision is in the report, saves the rest (at once, or in
// two steps off the interface's goroutine), recognises a report changed
// on disk as a Conflict with its two ways out, and keeps the report read
// only when it is.
//
// Conversation, SaveNow, PrepareSave, Finish, Reload and SaveCopy belong
// to the front end's goroutine; a SaveJob may Run on any goroutine. Jobs
// are written one at a time, newest wins: an older snapshot never
// overwrites a newer one.
type Controller struct {
	conv  *Conversation
	store Storage
	now   func() time.Time

	saved    uint64 // revision in the report
	savedAt  time.Time
	err      error
	conflict bool

	mu      sync.Mutex // serialises the store, written and gen
	written uint64     // newest revision a job wrote
	gen     uint64     // bumped by Reload: jobs of the conversation before are dropped
}

// NewController starts the life cycle of conv kept in store. What conv
// holds at its current revision counts as saved when it was read from the
// store; a conversation just begun (Begin) is a revision ahead and is
// saved by the first save. now gives the time of a save (nil: time.Now).
func NewController(conv *Conversation, store Storage, now func() time.Time) *Controller {
	if now == nil {
		now = time.Now
	}
	ctl := &Controller{conv: conv, store: store, now: now}
	if store.ReadOnly() {
		conv.SetReadOnly(true)
		ctl.saved = conv.Revision()
	}
	return ctl
}

// Conversation is the conversation; after Reload, the one read again.
func (ctl *Controller) Conversation() *Conversation { return ctl.conv }

// Path is where the report is: after SaveCopy, the copy.
func (ctl *Controller) Path() string {
	ctl.mu.Lock()
	defer ctl.mu.Unlock()
	return ctl.store.Path()
}

// ReadOnly reports whether the report is open to read only.
func (ctl *Controller) ReadOnly() bool { return ctl.conv.ReadOnly() }

// Dirty reports whether a change is not yet in the report.
func (ctl *Controller) Dirty() bool { return !ctl.conv.ReadOnly() && ctl.conv.Revision() != ctl.saved }

// State is how the report stands now.
func (ctl *Controller) State() SaveState {
	switch {
	case ctl.conv.ReadOnly():
		return ReadOnly
	case ctl.conflict:
		return Conflict
	case ctl.err != nil:
		return SaveFailed
	case ctl.Dirty():
		return Unsaved
	}
	return Saved
}

// Err is why the last save failed, or nil.
func (ctl *Controller) Err() error { return ctl.err }

// SavedAt is when the report was last written by this program (zero
// before the first save).
func (ctl *Controller) SavedAt() time.Time { return ctl.savedAt }

// SaveJob is one save: a snapshot of the conversation at a revision.
type SaveJob struct {
	ctl  *Controller
	snap *Session
	rev  uint64
	gen  uint64
}

// SaveResult is what a SaveJob's Run did, for Finish.
type SaveResult struct {
	Rev     uint64
	At      time.Time
	Err     error
	gen     uint64
	skipped bool // a newer revision was written already
}

// PrepareSave takes a snapshot of the conversation to save off the
// interface's goroutine; nil when there is nothing to save (no change,
// read only, or a conflict waiting for its answer). A front end records
// text held in its editors before.
func (ctl *Controller) PrepareSave() *SaveJob {
	if !ctl.Dirty() || ctl.conflict {
		return nil
	}
	ctl.mu.Lock()
	gen := ctl.gen
	ctl.mu.Unlock()
	return &SaveJob{ctl: ctl, snap: ctl.conv.Clone(), rev: ctl.conv.Revision(), gen: gen}
}

// Run writes the snapshot, unless a newer one was written meanwhile.
func (j *SaveJob) Run() SaveResult {
	ctl := j.ctl
	ctl.mu.Lock()
	defer ctl.mu.Unlock()
	if j.gen != ctl.gen || j.rev <= ctl.written {
		return SaveResult{Rev: j.rev, gen: j.gen, skipped: true}
	}
	j.snap.Updated = ctl.now()
	err := ctl.store.Save(j.snap)
	if err == nil {
		ctl.written = j.rev
	}
	return SaveResult{Rev: j.rev, At: j.snap.Updated, Err: err, gen: j.gen}
}

// Finish records what a save did: the revision in the report and when, or
// the failure; a report changed on disk becomes a Conflict.
func (ctl *Controller) Finish(r SaveResult) {
	switch {
	case r.skipped || r.gen != ctl.gen:
		// Written over by a newer save, or from before a reload.
	case errors.Is(r.Err, ErrChangedOnDisk):
		ctl.conflict, ctl.err = true, r.Err
	case r.Err != nil:
		ctl.err = r.Err
	default:
		ctl.err = nil
		ctl.saved = max(ctl.saved, r.Rev)
		ctl.savedAt = r.At
	}
}

// SaveNow saves at once, on the calling goroutine: at the end, when
// nothing may be left behind, and in line mode after every answer. It
// returns the failure, ErrChangedOnDisk for a conflict.
func (ctl *Controller) SaveNow() error {
	if ctl.conflict {
		return ctl.err
	}
	j := ctl.PrepareSave()
	if j == nil {
		return nil
	}
	r := j.Run()
	ctl.Finish(r)
	return r.Err
}

// Reload resolves a conflict by reading the report again: what changed on
// disk comes in, and what was typed here since the last save is given up.
// The conversation goes on where it was, with its writing round; the
// participants' contributions the report lacks are kept (they were sent,
// not typed here), so that reloading loses none. It returns the new conversation
// (also Conversation()).
func (ctl *Controller) Reload() (*Conversation, error) {
	ctl.mu.Lock()
	s, err := ctl.store.Reload()
	if err == nil {
		ctl.gen++
		ctl.written = 0
	}
	ctl.mu.Unlock()
	if err != nil {
		return nil, err
	}
	s.Current = ctl.conv.Current
	conv := NewConversation(ctl.conv.Set, s)
	conv.SetReadOnly(ctl.store.ReadOnly())
	conv.carryContributions(ctl.conv, ctl.saved)
	ctl.conv, ctl.saved, ctl.err, ctl.conflict = conv, 0, nil, false
	return conv, nil
}

// SaveCopy resolves a conflict by going on in a copy beside the report:
// the change made on disk stays in the report, everything here goes to the
// copy, which becomes the report from now on. It returns the copy's path.
func (ctl *Controller) SaveCopy() (string, error) {
	snap := ctl.conv.Clone()
	rev := ctl.conv.Revision()
	snap.Updated = ctl.now()
	ctl.mu.Lock()
	path, err := ctl.store.SaveCopy(snap)
	if err == nil {
		ctl.written = max(ctl.written, rev)
	}
	ro := ctl.store.ReadOnly()
	ctl.mu.Unlock()
	if err != nil {
		return "", err
	}
	ctl.conv.SetReadOnly(ro)
	ctl.saved, ctl.savedAt, ctl.err, ctl.conflict = rev, snap.Updated, nil, false
	return path, nil
}

// Rescued says where a conversation's words are after Rescue.
type Rescued struct {
	// Path is the file that holds everything typed: the report, or a copy
	// beside it. Empty when there is no report (nothing is kept on disk).
	Path string
	// Report is the report that was changed beside the program (or could
	// not be written) when the words went to a copy; "" otherwise.
	Report string
	// Why the words are not in Report: ErrChangedOnDisk, or the error of
	// the save that failed. Nil when they are in the report.
	Why error
}

// Copy reports whether the words went to a copy beside the report.
func (r Rescued) Copy() bool { return r.Report != "" }

// Rescue puts everything typed on disk, whatever happens next (a signal, a
// closed window, a crash): in the report when that is safe, otherwise, when
// someone changed the report beside the program or it cannot be written, in
// a copy beside it. It returns where the words are. Nothing typed is given
// up: a conflict waiting for its answer is resolved by the copy.
func (ctl *Controller) Rescue() (Rescued, error) {
	var err error
	if !ctl.conflict {
		if err = ctl.SaveNow(); err == nil {
			return Rescued{Path: ctl.Path()}, nil
		}
	}
	if !ctl.Dirty() {
		// Everything typed is in the report already (before the edit beside
		// the program); the edit stays as it is.
		return Rescued{Path: ctl.Path()}, nil
	}
	old := ctl.Path()
	path, cerr := ctl.SaveCopy()
	if cerr != nil {
		if err == nil || errors.Is(err, ErrChangedOnDisk) {
			return Rescued{}, cerr
		}
		return Rescued{}, errors.Join(err, cerr)
	}
	why := err
	if why == nil {
		why = ErrChangedOnDisk // the conflict found before
	}
	return Rescued{Path: path, Report: old, Why: why}, nil
}

// Notice is what the storage has to tell the people at the screen about
// the report, once: for instance that the sessions folder was made again
// or that the report is open to read only because its owner made it so. A
// storage says it by implementing Noticer; "" when there is nothing new.
// Front ends ask after opening and after every save.
func (ctl *Controller) Notice() string {
	n, ok := ctl.store.(Noticer)
	if !ok {
		return ""
	}
	ctl.mu.Lock()
	defer ctl.mu.Unlock()
	return n.Notice()
}

// Noticer is a Storage with something to tell about the report (see
// Controller.Notice). Notice returns each message once, then "".
type Noticer interface {
	Notice() string
}

// Close puts what is unsaved on disk (Rescue: in a copy when the report
// changed beside the program) and releases the report. The first error is
// returned; Path is then where the words are.
func (ctl *Controller) Close() error {
	_, err := ctl.Rescue()
	ctl.mu.Lock()
	defer ctl.mu.Unlock()
	if cerr := ctl.store.Close(); err == nil {
		err = cerr
	}
	return err
}
