package store

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/sessions/report"
)

// ErrReadOnly: the report was opened to read only.
var ErrReadOnly = errors.New("dit verslag is alleen geopend om te lezen")

// File is a report held open by this program: locked against a second
// program writing it, and watched for edits made beside the program (in a
// text editor), so that saving never overwrites them. It writes and reads
// the report with the question set it was opened with.
type File struct {
	mu       sync.Mutex
	set      *content.Set
	path     string
	target   string // the file written: path, or what path linked to when read
	link     bool   // path was a symbolic link when read
	readOnly bool
	why      error // why the report is read only, when the file itself is
	toldWhy  bool  // Notice has said why
	lock     *lock
	sum      [32]byte // hash of the content last read or written
	notices  []string // what the program should tell, once each (Notice)
}

// File is the conversation core's storage, and tells what happened to the
// report beside a save (a Noticer).
var (
	_ sessions.Storage = (*File)(nil)
	_ sessions.Noticer = (*File)(nil)
)

// Notice returns, once, what the program should tell about the report: that
// it is read only because its owner made it so, or that its folder was made
// again. "" when there is nothing new.
func (f *File) Notice() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.why != nil && !f.toldWhy {
		f.toldWhy = true
		return sessions.Printable(f.why.Error())
	}
	if len(f.notices) == 0 {
		return ""
	}
	n := f.notices[0]
	f.notices = f.notices[1:]
	return n
}

// Open locks the report at path and loads it. When another program holds it,
// the error is a *LockedError. A report its owner made read-only (no write
// permission for the owner: chmod 400) is opened to read only, with a
// *ReadOnlyError as ReadOnlyReason, and not kept locked: it is never
// written, and its mode never changed.
func Open(path string, set *content.Set) (*File, *sessions.Session, error) {
	l, err := acquireLock(path)
	if err != nil {
		return nil, nil, err
	}
	removeLeftovers(path)
	f := &File{set: set, path: path, lock: l}
	s, err := f.read()
	if err != nil {
		l.release()
		return nil, nil, err
	}
	return f, s, nil
}

// OpenReadOnly loads the report without locking it; it cannot be saved
// except as a copy.
func OpenReadOnly(path string, set *content.Set) (*File, *sessions.Session, error) {
	f := &File{set: set, path: path, readOnly: true}
	s, err := f.read()
	if err != nil {
		return nil, nil, err
	}
	return f, s, nil
}

// Adopt locks a file just made by Create and starts tracking it.
func Adopt(path string, set *content.Set) (*File, error) {
	l, err := acquireLock(path)
	if err != nil {
		return nil, err
	}
	removeLeftovers(path)
	data, _, err := readReport(path)
	if err != nil {
		l.release()
		return nil, err
	}
	return &File{set: set, path: path, target: path, lock: l, sum: hash(data)}, nil
}

// removeLeftovers deletes the temporary files a save of this report left
// when its program was killed mid-save. Each is a hidden full copy of a
// report about children, so they must not pile up. Only the holder of the
// lock writes this report, so once we hold it, any such file is a leftover.
//
// A program stopped while writing its lock can leave the lock's temporary
// file (see writeLockFile); one over a minute old is removed too.
func removeLeftovers(path string) {
	prefix := "." + filepath.Base(path) + ".tmp-"
	lockPrefix := filepath.Base(lockPath(path)) + "-tmp-"
	entries, _ := os.ReadDir(filepath.Dir(path))
	for _, e := range entries {
		name := e.Name()
		switch {
		case e.IsDir():
		case strings.HasPrefix(name, prefix):
			os.Remove(filepath.Join(filepath.Dir(path), name))
		case strings.HasPrefix(name, lockPrefix):
			if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > time.Minute {
				os.Remove(filepath.Join(filepath.Dir(path), name))
			}
		}
	}
}

func (f *File) read() (*sessions.Session, error) {
	target, link := f.path, false
	if st, err := os.Lstat(f.path); err == nil && st.Mode()&fs.ModeSymlink != 0 {
		if t, err := filepath.EvalSymlinks(f.path); err == nil {
			target, link = t, true
		}
	}
	data, info, err := readReport(f.path)
	if err != nil {
		return nil, err
	}
	s, err := load(f.path, data, f.set)
	if err != nil {
		return nil, err
	}
	f.sum, f.target, f.link = hash(data), target, link
	if info.Mode().Perm()&0o200 == 0 {
		f.readOnly, f.why = true, &ReadOnlyError{Path: f.path, Mode: info.Mode().Perm()}
		f.lock.release() // never written: no need to keep others out
		f.lock = nil
	}
	return s, nil
}

// Path is where the report is (it changes after SaveCopy).
func (f *File) Path() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.path
}

// ReadOnly reports whether the report was opened to read only.
func (f *File) ReadOnly() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.readOnly
}

// ReadOnlyReason says why the report is read only when the file itself is
// (a *ReadOnlyError); nil when it is writable or was opened to read only
// on request.
func (f *File) ReadOnlyReason() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.why
}

// SaveCopy writes the conversation's report to a new file beside the
// current one ("NAME-kopie.md", or "NAME-kopie-2.md", ... never
// overwriting) and goes on with that file, locked and writable. It returns
// the new path.
func (f *File) SaveCopy(s *sessions.Session) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	dir := filepath.Dir(f.path)
	if err := os.MkdirAll(dir, 0o700); err != nil { // removed meanwhile
		return "", &IOError{Msg: "kan de map " + dir + " niet maken", Err: err}
	}
	path, err := createNew(dir, copyBase(f.path))
	if err != nil {
		return "", err
	}
	l, err := acquireLock(path)
	if err != nil {
		return "", err
	}
	data := report.Render(f.set, s)
	if err := WriteFile(path, data); err != nil {
		l.release()
		return "", err
	}
	old := f.lock
	f.path, f.target, f.link, f.lock, f.readOnly, f.why, f.sum = path, path, false, l, false, nil, hash(data)
	if err := old.release(); err != nil {
		return path, err
	}
	return path, nil
}

// Reload reads the report from disk again, taking in edits made beside the
// program; saving is then allowed again.
// A report (or its folder) removed beside the program is an error that
// says so and points to the copy.
func (f *File) Reload() (*sessions.Session, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	s, err := f.read()
	if errors.Is(err, fs.ErrNotExist) {
		gone := ErrReportGone
		if _, derr := os.Stat(filepath.Dir(f.path)); errors.Is(derr, fs.ErrNotExist) {
			gone = ErrFolderGone
		}
		return nil, &IOError{Msg: "kan " + f.path + " niet opnieuw laden", Err: gone}
	}
	return s, err
}

// Close releases the lock. The File cannot be saved afterwards.
func (f *File) Close() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	l := f.lock
	f.lock, f.readOnly = nil, true
	return l.release()
}
