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
	return []byte("# gespreksmap: dit verslag is geopend; dit bestand verdwijnt bij afsluiten\n" +
		"pid " + strconv.Itoa(info.PID) + "\n" +
		"host " + info.Host + "\n" +
		"since " + info.Since.Format(time.RFC3339) + "\n")
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
		}
	}
	return info, havePID && haveHost
}

// staleGarbled is how old an unreadable lock must be before it is taken
// over: younger, it may be a lock being written right now.
const staleGarbled = 5 * time.Second

func acquireLock(report string) (*lock, error) {
	lp := lockPath(report)
	me := LockInfo{PID: os.Getpid(), Host: hostname(), Since: time.Now().Truncate(time.Second)}
	raw := encodeLock(me)
	for attempt := 0; attempt < 5; attempt++ {
		err := writeExclusive(lp, raw)
		if err == nil {
			return &lock{path: lp, info: me, raw: raw}, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, &IOError{Msg: "kan " + report + " niet vergrendelen", Err: err}
		}
		held, err := os.ReadFile(lp)
		if errors.Is(err, fs.ErrNotExist) {
			continue // released in the meantime
		}
		if err != nil {
			return nil, &IOError{Msg: "kan de vergrendeling van " + report + " niet lezen", Err: err}
		}
		info, ok := decodeLock(held)
		switch {
		case !ok:
			st, err := os.Stat(lp)
			if err != nil || time.Since(st.ModTime()) < staleGarbled {
				time.Sleep(20 * time.Millisecond)
				continue
			}
		case info.Host != me.Host || info.PID == me.PID || processAlive(info.PID):
			return nil, &LockedError{Path: report, Info: info}
		}
		// Stale: remove it, but only if it is still the lock we judged.
		if again, err := os.ReadFile(lp); err == nil && bytes.Equal(again, held) {
			if err := os.Remove(lp); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return nil, &IOError{Msg: "kan de oude vergrendeling van " + report + " niet opruimen", Err: err}
			}
		}
	}
	held, _ := os.ReadFile(lp)
	info, _ := decodeLock(held)
	return nil, &LockedError{Path: report, Info: info}
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
	held, err := os.ReadFile(l.path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
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
