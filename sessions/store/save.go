package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"gespreksmap/sessions"
	"gespreksmap/sessions/report"
)

// Why a report could not be written as it was, beside ErrReadOnly and
// sessions.ErrChangedOnDisk.
var (
	// ErrFolderRecreated: the sessions folder was removed while the report
	// was open; Save made it again (readable only by its owner) and wrote
	// the report in it. The save succeeded: the error only says so.
	ErrFolderRecreated = errors.New("de map was verwijderd en is opnieuw gemaakt; het verslag is daarin bewaard")
	// ErrReportGone and ErrFolderGone: Reload finds the report, or its
	// whole folder, removed or renamed.
	ErrReportGone = errors.New("het verslag is verwijderd of hernoemd; bewaar je werk als kopie")
	ErrFolderGone = errors.New("de map van het verslag is verwijderd; bewaar je werk als kopie, dan wordt de map opnieuw gemaakt")
)

// ReadOnlyError: the report file itself may not be written (its owner took
// away the write permission). It is ErrReadOnly; when the file became so
// while open, it is also sessions.ErrChangedOnDisk.
type ReadOnlyError struct {
	Path    string
	Mode    fs.FileMode
	Changed bool // made read-only while this program had it open
}

func (e *ReadOnlyError) Error() string {
	return fmt.Sprintf("%s is alleen-lezen (rechten %s), dus wordt het niet overschreven; bewaar je werk als kopie", e.Path, e.Mode)
}

func (e *ReadOnlyError) Is(target error) bool {
	return target == ErrReadOnly || e.Changed && target == sessions.ErrChangedOnDisk
}

// ChangedError: the report was changed beside the program while this save
// was being written. That change stays in the report; what this program
// had is kept in Copy. It is sessions.ErrChangedOnDisk.
type ChangedError struct {
	Path, Copy string
}

func (e *ChangedError) Error() string {
	return e.Path + " is tijdens het bewaren buiten dit programma gewijzigd; die wijziging staat erin, jouw werk is bewaard in " + e.Copy
}

func (e *ChangedError) Is(target error) bool { return target == sessions.ErrChangedOnDisk }

// beforeRename, in tests, runs between a save's last check and its rename.
var beforeRename func(path string)

// Save writes the conversation's report, atomically. It refuses with
// sessions.ErrChangedOnDisk when the file was changed, removed, or
// replaced (by a link, say) by someone else since this program last read
// or wrote it, and with ErrReadOnly when the report is read only. An edit
// that lands while the report is being written is kept: the report stays
// theirs, and this program's version goes to a copy beside it (a
// *ChangedError names it). When the whole folder was removed, Save makes
// it again and writes the report there, and Notice says so.
func (f *File) Save(s *sessions.Session) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.readOnly {
		if f.why != nil {
			return f.why
		}
		return ErrReadOnly
	}
	dir := filepath.Dir(f.path)
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		err := f.saveInNewFolder(s)
		if errors.Is(err, ErrFolderRecreated) {
			// Saved: the front end says so through Notice, not as a failure.
			f.notices = append(f.notices, "De map met verslagen was verwijderd en is opnieuw gemaakt (alleen voor jou leesbaar); het verslag staat er weer in: "+sessions.Printable(f.path))
			return nil
		}
		return err
	}
	checked, err := f.check()
	if err != nil {
		return err
	}
	data := report.Render(f.set, s)
	tmp, err := writeTemp(f.target, data)
	if err != nil {
		return err
	}
	if beforeRename != nil {
		beforeRename(f.target)
	}
	if !f.unchanged(checked) {
		copyPath, err := keepBeside(tmp, f.path)
		if err != nil {
			return err
		}
		return &ChangedError{Path: f.path, Copy: copyPath}
	}
	if err := commit(tmp, f.target); err != nil {
		return err
	}
	f.sum = hash(data)
	return nil
}

// check makes sure the report is still what this program last read or
// wrote: the same content, at the same place (not swapped for a link, not
// pointing elsewhere) and still writable. It returns the file's
// information for unchanged.
func (f *File) check() (fs.FileInfo, error) {
	st, err := os.Lstat(f.path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, sessions.ErrChangedOnDisk // removed or renamed by someone else
	}
	if err != nil {
		return nil, &IOError{Msg: "kan " + f.path + " niet lezen", Err: err}
	}
	if link := st.Mode()&fs.ModeSymlink != 0; link != f.link {
		return nil, sessions.ErrChangedOnDisk // replaced by a link, or a link by a file
	} else if link {
		if t, err := filepath.EvalSymlinks(f.path); err != nil || t != f.target {
			return nil, sessions.ErrChangedOnDisk // the link points elsewhere now
		}
	}
	data, info, err := readRegular(f.target, openNoFollow, MaxReportSize, "kan "+f.path+" niet lezen")
	if err != nil {
		if st, lerr := os.Lstat(f.target); lerr != nil || !st.Mode().IsRegular() {
			return nil, sessions.ErrChangedOnDisk // gone, or no longer a file
		}
		return nil, err
	}
	if hash(data) != f.sum {
		return nil, sessions.ErrChangedOnDisk
	}
	if info.Mode().Perm()&0o200 == 0 {
		return nil, &ReadOnlyError{Path: f.path, Mode: info.Mode().Perm(), Changed: true}
	}
	return info, nil
}

// unchanged reports whether the report is still the very file check saw,
// untouched: right before the rename that replaces it.
func (f *File) unchanged(checked fs.FileInfo) bool {
	st, err := os.Lstat(f.target)
	if err != nil || !os.SameFile(st, checked) || st.Mode() != checked.Mode() ||
		st.Size() != checked.Size() || !st.ModTime().Equal(checked.ModTime()) {
		return false
	}
	data, info, err := readRegular(f.target, openNoFollow, MaxReportSize, "")
	return err == nil && os.SameFile(info, checked) && hash(data) == f.sum
}

// saveInNewFolder makes the removed folder again, locks the report there
// anew and writes it, never over a report someone else put there first.
func (f *File) saveInNewFolder(s *sessions.Session) error {
	dir := filepath.Dir(f.path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return &IOError{Msg: "de map " + dir + " is verwijderd en kan niet opnieuw gemaakt worden", Err: err}
	}
	l, err := acquireLock(f.path)
	if err != nil {
		return err
	}
	// The old lock went with the folder; releasing it could remove the
	// new one.
	f.lock = l
	data := report.Render(f.set, s)
	tmp, err := writeTemp(f.path, data)
	if err != nil {
		return err
	}
	err = os.Link(tmp, f.path)
	switch {
	case errors.Is(err, fs.ErrExist):
		copyPath, err := keepBeside(tmp, f.path)
		if err != nil {
			return err
		}
		return &ChangedError{Path: f.path, Copy: copyPath}
	case err != nil: // no links here
		if err := commit(tmp, f.path); err != nil {
			return err
		}
	default:
		os.Remove(tmp)
		if err := syncDir(dir); err != nil {
			return &IOError{Msg: "kan de map van " + f.path + " niet bijwerken op schijf", Err: err}
		}
	}
	f.target, f.link, f.sum = f.path, false, hash(data)
	return fmt.Errorf("%s: %w", dir, ErrFolderRecreated)
}

// copyBase is the name a copy of path is made under: "NAME-kopie"; a copy
// of a copy is named after the original.
func copyBase(path string) string {
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	if i := strings.LastIndex(base, "-kopie"); i > 0 && strings.Trim(strings.TrimPrefix(base[i+len("-kopie"):], "-"), "0123456789") == "" {
		base = base[:i]
	}
	return base + "-kopie"
}

// keepBeside moves the written temporary file tmp to a new copy beside
// path ("NAME-kopie.md", never overwriting) and returns the copy's path.
func keepBeside(tmp, path string) (string, error) {
	copyPath, err := createNew(filepath.Dir(path), copyBase(path))
	if err != nil {
		os.Remove(tmp)
		return "", err
	}
	if err := commit(tmp, copyPath); err != nil {
		return "", err
	}
	return copyPath, nil
}
