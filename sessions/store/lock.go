package store

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// LockInfo says who holds a report open.
type LockInfo struct {
	PID   int
	Host  string
	Since time.Time
	// Start is when the process started, in the system's own measure
	// (on Linux clock ticks since boot); 0 where it is not known. A
	// process with the same id but another start is another process.
	Start uint64
}

// LockedError is returned when another program (or this one) already has
// the report open for writing.
type LockedError struct {
	Path string // the report
	Info LockInfo
}

func (e *LockedError) Error() string {
	if e.Info.PID == 0 {
		return e.Path + " is geopend door een ander programma"
	}
	since := e.Info.Since.Local()
	when := since.Format("15:04")
	if y, m, d := since.Date(); y != time.Now().Year() || m != time.Now().Month() || d != time.Now().Day() {
		when = since.Format("2006-01-02 15:04")
	}
	return fmt.Sprintf("%s is geopend door proces %d op %s sinds %s", e.Path, e.Info.PID, e.Info.Host, when)
}

// A lock is a small file beside the report, ".NAME.md.lock", created
// exclusively. It names the process that holds the report, so that a lock
// left behind by a program that stopped without closing (a crash, a power
// cut) can be recognised and taken over on the same computer. A lock from
// another computer (a shared folder) is always respected.
type lock struct {
	path string
	info LockInfo
	raw  []byte
}

func lockPath(report string) string {
	return filepath.Join(filepath.Dir(report), "."+filepath.Base(report)+".lock")
}

func hostname() string {
	h, err := os.Hostname()
	if err != nil || h == "" {
		return "onbekend"
	}
	return h
}

func encodeLock(info LockInfo) []byte {
	s := "# gespreksmap: dit verslag is geopend; dit bestand verdwijnt bij afsluiten\n" +
		"pid " + strconv.Itoa(info.PID) + "\n" +
		"host " + info.Host + "\n" +
		"since " + info.Since.Format(time.RFC3339) + "\n"
	if info.Start != 0 {
		s += "start " + strconv.FormatUint(info.Start, 10) + "\n"
	}
	return []byte(s)
}

func decodeLock(data []byte) (LockInfo, bool) {
	var info LockInfo
	var havePID, haveHost bool
	for _, line := range strings.Split(string(data), "\n") {
		key, value, _ := strings.Cut(strings.TrimSpace(line), " ")
		switch key {
		case "pid":
			n, err := strconv.Atoi(value)
			if err != nil || n <= 0 {
				return info, false
			}
			info.PID, havePID = n, true
		case "host":
			info.Host, haveHost = value, value != ""
		case "since":
			info.Since, _ = time.Parse(time.RFC3339, value)
		case "start":
			info.Start, _ = strconv.ParseUint(value, 10, 64)
		}
	}
	return info, havePID && haveHost
}

// How old an unreadable lock must be before it is taken over: younger,
// it may be a lock being written right now. Locks are written whole (see
// writeLockFile), so an empty one is only left where the system cannot link
// files, by a program stopped between creating and writing it.
const (
	staleEmpty   = time.Second
	staleGarbled = 5 * time.Second
)

// maxLockSize bounds what is read of a lock file.
const maxLockSize = 4 << 10

func acquireLock(report string) (*lock, error) {
	lp := lockPath(report)
	me := LockInfo{PID: os.Getpid(), Host: hostname(), Since: time.Now().Truncate(time.Second), Start: processStart(os.Getpid())}
	raw := encodeLock(me)
	for attempt := 0; attempt < 5; attempt++ {
		err := writeLockFile(lp, raw)
		if err == nil {
			return &lock{path: lp, info: me, raw: raw}, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, &IOError{Msg: "kan " + report + " niet vergrendelen", Err: err}
		}
		held, st, err := readLock(lp)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			continue // released in the meantime
		case errors.Is(err, errNotALock):
			// A link (dangling or not), a pipe, a device: never made by
			// this program, so no one's lock. Remove the entry itself.
			if err := removeIfSame(lp, st); err != nil {
				return nil, &IOError{Msg: "kan de oude vergrendeling van " + report + " niet opruimen", Err: err}
			}
			continue
		case err != nil:
			return nil, &IOError{Msg: "kan de vergrendeling van " + report + " niet lezen", Err: err}
		}
		info, ok := decodeLock(held)
		switch {
		case !ok:
			wait := staleGarbled
			if len(bytes.TrimSpace(held)) == 0 {
				wait = staleEmpty
			}
			if time.Since(st.ModTime()) < wait {
				time.Sleep(20 * time.Millisecond)
				continue
			}
		case info.Host != me.Host:
			return nil, &LockedError{Path: report, Info: info}
		case info.PID == me.PID && (info.Start == 0 || me.Start == 0 || info.Start == me.Start):
			return nil, &LockedError{Path: report, Info: info} // this program
		case info.PID != me.PID && processAlive(info.PID, info.Start):
			return nil, &LockedError{Path: report, Info: info}
		}
		// Stale: remove it, but only if it is still the lock we judged.
		if again, _, err := readLock(lp); err == nil && bytes.Equal(again, held) {
			if err := os.Remove(lp); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return nil, &IOError{Msg: "kan de oude vergrendeling van " + report + " niet opruimen", Err: err}
			}
		}
	}
	held, _, _ := readLock(lp)
	info, _ := decodeLock(held)
	return nil, &LockedError{Path: report, Info: info}
}

// errNotALock: the lock's place holds something that is not a regular file.
var errNotALock = errors.New("geen vergrendelbestand")

// readLock reads a lock file without following a link, without waiting on
// a pipe and without reading more than a lock holds. It returns the entry's
// own information also when it is not a lock (errNotALock).
func readLock(lp string) ([]byte, fs.FileInfo, error) {
	st, err := os.Lstat(lp)
	if err != nil {
		return nil, nil, err
	}
	if st.IsDir() {
		return nil, st, ErrIsFolder
	}
	if !st.Mode().IsRegular() {
		return nil, st, errNotALock
	}
	data, info, err := readRegular(lp, openNoFollow, maxLockSize, "")
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil, fs.ErrNotExist
	case err != nil && !os.SameFile(st, mustLstat(lp)):
		return nil, nil, fs.ErrNotExist // replaced meanwhile: look again
	case errors.Is(err, ErrNotRegular), errors.Is(err, ErrTooLarge):
		return nil, st, errNotALock
	case err != nil:
		return nil, nil, errors.Unwrap(err)
	}
	return data, info, nil
}

func mustLstat(path string) fs.FileInfo {
	st, _ := os.Lstat(path)
	return st
}

// removeIfSame removes path if it is still the entry st describes.
func removeIfSame(path string, st fs.FileInfo) error {
	if now, err := os.Lstat(path); err != nil || !os.SameFile(now, st) {
		return nil
	}
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

// writeLockFile creates the lock file exclusively with its whole content: it
// is written to a temporary file that is then linked to the lock's name,
// which fails when a lock is there. So no other program ever sees a lock
// without its owner. Where the file system cannot link, the lock is
// created and then written.
func writeLockFile(lp string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(lp), filepath.Base(lp)+"-tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	err = os.Link(tmp.Name(), lp)
	if err == nil || errors.Is(err, fs.ErrExist) {
		return err
	}
	return writeExclusive(lp, data)
}

func writeExclusive(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(path)
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(path)
		return err
	}
	return nil
}

// release removes the lock file if it is still this program's.
func (l *lock) release() error {
	if l == nil {
		return nil
	}
	held, _, err := readLock(l.path)
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, errNotALock) {
		return nil // not ours any more
	}
	if err != nil {
		return &IOError{Msg: "kan de vergrendeling niet opheffen", Err: err}
	}
	if !bytes.Equal(held, l.raw) {
		return nil // taken over by someone else; theirs now
	}
	if err := os.Remove(l.path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return &IOError{Msg: "kan de vergrendeling niet opheffen", Err: err}
	}
	return nil
}
