package store

import (
	"errors"
	"gespreksmap/sessions"
	"gespreksmap/sessions/report"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

// newReport writes a report to a fresh folder and returns its path.
func newReport(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "2026-11-22-oplossingenlab.md")
	if err := WriteFile(path, report.Render(testSet(), everything())); err != nil {
		t.Fatal(err)
	}
	return path
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestASecondProgramCannotOpenAReportThatIsOpen(t *testing.T) {
	path := newReport(t)
	f, s, err := Open(path, testSet())
	if err != nil {
		t.Fatal(err)
	}
	if s.Title != everything().Title || f.Path() != path || f.ReadOnly() {
		t.Fatalf("opened %q at %s, read-only %v", s.Title, f.Path(), f.ReadOnly())
	}
	lock := lockPath(path)
	if runtime.GOOS != "windows" {
		if mode := fileMode(t, lock); mode != 0o600 {
			t.Errorf("lock mode %o, want 600", mode)
		}
	}
	_, _, err = Open(path, testSet())
	var le *LockedError
	if !errors.As(err, &le) {
		t.Fatalf("second Open: %v, want a *LockedError", err)
	}
	if le.Info.PID != os.Getpid() || le.Info.Host != hostname() || time.Since(le.Info.Since) > time.Minute {
		t.Errorf("lock info = %+v", le.Info)
	}
	want := path + " is geopend door proces " + strconv.Itoa(os.Getpid()) + " op " + hostname() + " sinds " + le.Info.Since.Format("15:04")
	if err.Error() != want {
		t.Errorf("message %q, want %q", err.Error(), want)
	}
	// Reading along is allowed.
	if _, _, err := OpenReadOnly(path, testSet()); err != nil {
		t.Errorf("OpenReadOnly while open: %v", err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(lock); !os.IsNotExist(err) {
		t.Errorf("the lock is still there after Close: %v", err)
	}
	g, _, err := Open(path, testSet())
	if err != nil {
		t.Fatalf("Open after Close: %v", err)
	}
	g.Close()
}

// finishedPID returns the id of a process that has ended.
func finishedPID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	return cmd.ProcessState.Pid()
}

func writeLock(t *testing.T, report string, info LockInfo) {
	t.Helper()
	if err := os.WriteFile(lockPath(report), encodeLock(info), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestALockLeftByAProgramThatStoppedIsTakenOver(t *testing.T) {
	path := newReport(t)
	pid := finishedPID(t)
	writeLock(t, path, LockInfo{PID: pid, Host: hostname(), Since: time.Now().Add(-time.Hour)})
	f, _, err := Open(path, testSet())
	if err != nil {
		t.Fatalf("Open with the lock of ended process %d: %v", pid, err)
	}
	defer f.Close()
	info, ok := decodeLock([]byte(readFile(t, lockPath(path))))
	if !ok || info.PID != os.Getpid() {
		t.Errorf("the lock now says %+v, want this process", info)
	}
}

func TestALockFromAnotherComputerIsRespected(t *testing.T) {
	path := newReport(t)
	since := time.Date(2026, 11, 21, 9, 30, 0, 0, time.Local)
	writeLock(t, path, LockInfo{PID: finishedPID(t), Host: "laptop-gemeente", Since: since})
	_, _, err := Open(path, testSet())
	var le *LockedError
	if !errors.As(err, &le) || le.Info.Host != "laptop-gemeente" {
		t.Fatalf("Open: %v, want the other computer's lock", err)
	}
	if !strings.HasSuffix(err.Error(), "op laptop-gemeente sinds 2026-11-21 09:30") {
		t.Errorf("message %q does not say which computer since when", err)
	}
}

func TestAnUnreadableLockIsRespectedWhileItMayStillBeBeingWritten(t *testing.T) {
	path := newReport(t)
	if err := os.WriteFile(lockPath(path), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, _, err := Open(path, testSet()); !errors.As(err, new(*LockedError)) {
		t.Fatalf("Open with a fresh empty lock: %v, want *LockedError", err)
	}
	old := time.Now().Add(-time.Minute)
	os.Chtimes(lockPath(path), old, old)
	f, _, err := Open(path, testSet())
	if err != nil {
		t.Fatalf("Open with an old empty lock: %v", err)
	}
	f.Close()
}

func TestSavingAfterSomeoneEditedTheFileIsRefusedAndTheirEditKept(t *testing.T) {
	path := newReport(t)
	f, s, err := Open(path, testSet())
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s.Answer("bestuur.agenda").Text = "Eigen wijziging"
	mine := report.Render(testSet(), s)
	mineS := s.Clone()
	if err := f.Save(mineS); err != nil {
		t.Fatalf("first save: %v", err)
	}
	theirs := strings.Replace(string(mine), "> Eigen wijziging", "> Wijziging in de teksteditor", 1)
	if err := os.WriteFile(path, []byte(theirs), 0o600); err != nil {
		t.Fatal(err)
	}
	s.Answer("bestuur.agenda").Text = "Nog een eigen wijziging"
	if err := f.Save(s); !errors.Is(err, sessions.ErrChangedOnDisk) {
		t.Fatalf("Save after an edit: %v, want ErrChangedOnDisk", err)
	}
	if got := readFile(t, path); got != theirs {
		t.Fatal("the edit made beside the program was overwritten")
	}
	// Reloading takes the edit in; then saving is allowed again.
	s, err = f.Reload()
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Answers["bestuur.agenda"].Text; got != "Wijziging in de teksteditor" {
		t.Errorf("reloaded %q", got)
	}
	if err := f.Save(s); err != nil {
		t.Errorf("Save after Reload: %v", err)
	}
	os.Remove(path)
	if err := f.Save(mineS); !errors.Is(err, sessions.ErrChangedOnDisk) {
		t.Errorf("Save after the file was removed: %v, want ErrChangedOnDisk", err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Error("Save brought back a removed file")
	}
}

func TestWorkThatCannotBeSavedGoesToACopyBesideTheReport(t *testing.T) {
	path := newReport(t)
	f, s, err := Open(path, testSet())
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	theirs := strings.Replace(readFile(t, path), "> Vooral vragen over verpleging.", "> Bewerkt.", 1)
	os.WriteFile(path, []byte(theirs), 0o600)
	s.Answer("bestuur.agenda").Text = "Mijn werk"
	mine := report.Render(testSet(), s)
	mineS := s.Clone()
	if err := f.Save(mineS); !errors.Is(err, sessions.ErrChangedOnDisk) {
		t.Fatalf("Save: %v", err)
	}
	copyPath, err := f.SaveCopy(mineS)
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.TrimSuffix(path, ".md") + "-kopie.md"; copyPath != want || f.Path() != want {
		t.Errorf("copy at %s (file now %s), want %s", copyPath, f.Path(), want)
	}
	if readFile(t, copyPath) != string(mine) || readFile(t, path) != theirs {
		t.Error("the copy or the edited original has the wrong content")
	}
	if _, err := os.Stat(lockPath(path)); !os.IsNotExist(err) {
		t.Error("the original is still locked after going on with the copy")
	}
	if _, _, err := Open(copyPath, testSet()); !errors.As(err, new(*LockedError)) {
		t.Errorf("the copy is not locked: %v", err)
	}
	// Saving goes on in the copy; a second copy does not overwrite the first.
	if err := f.Save(mineS); err != nil {
		t.Errorf("Save in the copy: %v", err)
	}
	second, err := f.SaveCopy(mineS)
	if err != nil || second != strings.TrimSuffix(path, ".md")+"-kopie-2.md" {
		t.Errorf("second copy at %s, %v", second, err)
	}
	if runtime.GOOS != "windows" && fileMode(t, second) != 0o600 {
		t.Errorf("copy mode %o", fileMode(t, second))
	}
}

func TestAReportOpenedToReadOnlyIsNeverWritten(t *testing.T) {
	path := newReport(t)
	before := readFile(t, path)
	f, s, err := OpenReadOnly(path, testSet())
	if err != nil {
		t.Fatal(err)
	}
	if !f.ReadOnly() {
		t.Error("ReadOnly() is false")
	}
	s.Title = "Anders"
	if err := f.Save(s); !errors.Is(err, ErrReadOnly) {
		t.Errorf("Save: %v, want ErrReadOnly", err)
	}
	if readFile(t, path) != before {
		t.Error("a read-only report was written")
	}
	// It can still be kept as a copy, which is then writable.
	p, err := f.SaveCopy(s)
	if err != nil || f.ReadOnly() {
		t.Fatalf("SaveCopy: %s, %v, read-only %v", p, err, f.ReadOnly())
	}
	f.Close()
	if err := f.Save(nil); !errors.Is(err, ErrReadOnly) {
		t.Errorf("Save after Close: %v", err)
	}
}

func TestANewReportIsLockedFromTheStart(t *testing.T) {
	dir := t.TempDir()
	path, err := Create(dir, "2026-11-22", "Oplossingenlab")
	if err != nil {
		t.Fatal(err)
	}
	f, err := Adopt(path, testSet())
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, _, err := Open(path, testSet()); !errors.As(err, new(*LockedError)) {
		t.Errorf("Open of an adopted report: %v", err)
	}
	ev := everything()
	doc := report.Render(testSet(), ev)
	if err := f.Save(ev); err != nil {
		t.Fatalf("first save of a new report: %v", err)
	}
	if readFile(t, path) != string(doc) {
		t.Error("wrong content")
	}
}

func TestOpeningAReportRemovesTheTemporaryCopiesAKilledSaveLeftBehind(t *testing.T) {
	set := defaultSet
	dir := t.TempDir()
	path := filepath.Join(dir, "gesprek.md")
	s := sessions.New(set.ID, set.Version)
	s.Title, s.Date = "Gesprek", "2026-11-22"
	if err := WriteFile(path, report.Render(set, s)); err != nil {
		t.Fatal(err)
	}
	left := filepath.Join(dir, ".gesprek.md.tmp-123456")
	other := filepath.Join(dir, ".ander.md.tmp-123456")
	oldLock := filepath.Join(dir, ".gesprek.md.lock-tmp-1")
	newLock := filepath.Join(dir, ".gesprek.md.lock-tmp-2") // perhaps being written now
	for _, p := range []string{left, other, oldLock, newLock} {
		if err := os.WriteFile(p, []byte("half"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Now().Add(-2 * time.Minute)
	os.Chtimes(oldLock, old, old)
	f, _, err := Open(path, set)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := os.Stat(left); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the leftover of this report should be gone: %v", err)
	}
	if _, err := os.Stat(other); err != nil {
		t.Errorf("another report's file must be left alone: %v", err)
	}
	if _, err := os.Stat(oldLock); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("an old lock's temporary file should be gone: %v", err)
	}
	if _, err := os.Stat(newLock); err != nil {
		t.Errorf("a lock's temporary file just made must be left alone: %v", err)
	}
}

func TestALockThatIsADanglingLinkIsTakenOver(t *testing.T) {
	path := newReport(t)
	if err := os.Symlink(filepath.Join(filepath.Dir(path), "weg"), lockPath(path)); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	f, _, err := Open(path, testSet())
	if err != nil {
		t.Fatalf("Open with a dangling link as lock: %v", err)
	}
	defer f.Close()
	st, err := os.Lstat(lockPath(path))
	if err != nil || !st.Mode().IsRegular() {
		t.Fatalf("the lock is %v, %v; want this program's own file", st, err)
	}
	if info, ok := decodeLock([]byte(readFile(t, lockPath(path)))); !ok || info.PID != os.Getpid() {
		t.Errorf("the lock says %+v", info)
	}
	if _, err := os.Lstat(filepath.Join(filepath.Dir(path), "weg")); !errors.Is(err, fs.ErrNotExist) {
		t.Error("the link's target was created")
	}
}

// A program stopped between creating a lock and writing it leaves it empty;
// that must not keep the report closed for long.
func TestAnEmptyLockOlderThanASecondIsTakenOver(t *testing.T) {
	path := newReport(t)
	if err := os.WriteFile(lockPath(path), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-1500 * time.Millisecond)
	os.Chtimes(lockPath(path), old, old)
	f, _, err := Open(path, testSet())
	if err != nil {
		t.Fatalf("Open with an empty lock of 1.5 s: %v", err)
	}
	f.Close()
}

func TestALockIsWrittenWholeAndLeavesNothingElse(t *testing.T) {
	path := newReport(t)
	f, _, err := Open(path, testSet())
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if info, ok := decodeLock([]byte(readFile(t, lockPath(path)))); !ok || info.PID != os.Getpid() {
		t.Errorf("the lock says %+v", info)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 2 {
		t.Errorf("the folder holds %d entries, want the report and its lock", len(entries))
	}
}
