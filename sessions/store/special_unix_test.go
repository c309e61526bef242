//go:build unix

package store

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"gespreksmap/sessions"
	"gespreksmap/sessions/report"
)

// within fails the test when fn does not return in time: a read that
// blocks on a pipe would otherwise hang the whole test run.
func within(t *testing.T, what string, fn func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn()
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatalf("%s is still waiting after 5 s", what)
	}
}

func mkfifo(t *testing.T, path string) {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
}

func TestAPipeAsReportIsRefusedWithoutWaiting(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pijp.md")
	mkfifo(t, fifo)
	for name, open := range map[string]func() error{
		"Load":         func() error { _, err := Load(fifo, testSet()); return err },
		"Open":         func() error { _, _, err := Open(fifo, testSet()); return err },
		"OpenReadOnly": func() error { _, _, err := OpenReadOnly(fifo, testSet()); return err },
	} {
		var err error
		within(t, name+" of a pipe", func() { err = open() })
		if !errors.Is(err, ErrNotRegular) || !strings.HasPrefix(err.Error(), "kan "+fifo+" niet lezen: ") {
			t.Errorf("%s of a pipe: %v, want ErrNotRegular naming the file", name, err)
		}
	}
	if _, err := os.Stat(lockPath(fifo)); !os.IsNotExist(err) {
		t.Errorf("a refused report stays locked: %v", err)
	}
}

func TestABaselineThatIsADeviceOrAPipeIsNeverRead(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "vorig.md")
	mkfifo(t, fifo)
	path := filepath.Join(dir, "dit-jaar.md")
	for _, base := range []string{"/dev/zero", "vorig.md"} {
		cur := everything()
		cur.Baseline = base
		writeReport(t, path, cur, time.Now())
		var err error
		within(t, "loading a report that compares to "+base, func() { _, err = Load(path, testSet()) })
		want := "kan het verslag van vorig jaar (" + filepath.Join(dir, base) + ") niet lezen: " + ErrNotRegular.Error()
		if filepath.IsAbs(base) {
			want = "kan het verslag van vorig jaar (" + base + ") niet lezen: " + ErrNotRegular.Error()
		}
		if err == nil || err.Error() != want {
			t.Errorf("baseline %s: %v, want %q", base, err, want)
		}
	}
}

func TestTheListShowsTheReportsBesidePipesDevicesAndHugeFiles(t *testing.T) {
	dir := t.TempDir()
	cur := everything()
	writeReport(t, filepath.Join(dir, "2026-11-22-oplossingenlab.md"), cur, time.Now().Add(-time.Hour))
	mkfifo(t, filepath.Join(dir, "pijp.md"))
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "nullen.md")); err != nil {
		t.Fatal(err)
	}
	huge := filepath.Join(dir, "groot.md")
	if err := os.WriteFile(huge, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(huge, MaxReportSize+1); err != nil {
		t.Fatal(err)
	}
	var list []Entry
	var err error
	within(t, "List", func() { list, err = List(dir, testSet()) })
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]error{}
	for _, e := range list {
		got[filepath.Base(e.Path)] = e.Err
		if e.Err == nil && e.Title != cur.Title {
			t.Errorf("entry %+v", e)
		}
	}
	if len(got) != 4 || got["2026-11-22-oplossingenlab.md"] != nil {
		t.Fatalf("listed %v, want the report and three refused entries", got)
	}
	for name, want := range map[string]error{"pijp.md": ErrNotRegular, "nullen.md": ErrNotRegular, "groot.md": ErrTooLarge} {
		if !errors.Is(got[name], want) || !strings.Contains(got[name].Error(), name) {
			t.Errorf("%s listed with %v, want %v naming the file", name, got[name], want)
		}
	}
}

func TestAReportOverTheSizeLimitIsRefusedWithItsSize(t *testing.T) {
	path := filepath.Join(t.TempDir(), "groot.md")
	doc := report.Render(testSet(), everything())
	if err := os.WriteFile(path, doc, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(path, 25*1<<20+300<<10); err != nil { // 25.3 MB, sparse
		t.Fatal(err)
	}
	_, _, err := Open(path, testSet())
	want := "kan " + path + " niet lezen: te groot voor een verslag (25,3 MB; een verslag is hoogstens 20 MB)"
	if !errors.Is(err, ErrTooLarge) || err.Error() != want {
		t.Errorf("Open: %v, want %q", err, want)
	}
	// Exactly the limit is still read (and then parsed: trailing zero bytes
	// are no report).
	os.Truncate(path, MaxReportSize)
	if _, err := Load(path, testSet()); errors.Is(err, ErrTooLarge) {
		t.Errorf("a file of exactly the limit is refused as too large: %v", err)
	}
}

func TestAFolderGivenAsReportIsSaidToBeAFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "verslag.md")
	os.Mkdir(dir, 0o700)
	_, err := Load(dir, testSet())
	want := "kan " + dir + " niet lezen: dit is een map, geen verslag"
	if !errors.Is(err, ErrIsFolder) || err.Error() != want {
		t.Errorf("Load of a folder: %v, want %q", err, want)
	}
	var pe *report.ParseError
	if errors.As(err, &pe) {
		t.Errorf("a folder is reported as a parse error at line %d", pe.Line)
	}
	if _, _, err := Open(dir, testSet()); !errors.Is(err, ErrIsFolder) {
		t.Errorf("Open of a folder: %v", err)
	}
}

// The report replaced by a pipe while open: a save neither waits nor
// writes through it.
func TestSavingWhenTheReportWasReplacedByAPipeIsAConflict(t *testing.T) {
	path := newReport(t)
	f, s, err := Open(path, testSet())
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	os.Remove(path)
	mkfifo(t, path)
	within(t, "Save", func() { err = f.Save(s) })
	if !errors.Is(err, sessions.ErrChangedOnDisk) {
		t.Errorf("Save: %v, want ErrChangedOnDisk", err)
	}
	if info, _ := os.Lstat(path); info.Mode()&os.ModeNamedPipe == 0 {
		t.Error("the pipe was replaced")
	}
}
