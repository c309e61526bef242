package store

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"gespreksmap/sessions"
	"gespreksmap/sessions/report"
)

func TestAReportItsOwnerMadeReadOnlyIsOpenedReadOnlyAndNeverWritten(t *testing.T) {
	path := newReport(t)
	if err := os.Chmod(path, 0o400); err != nil {
		t.Fatal(err)
	}
	before := readFile(t, path)
	f, s, err := Open(path, testSet())
	if err != nil {
		t.Fatalf("Open of a read-only report: %v", err)
	}
	defer f.Close()
	var roe *ReadOnlyError
	if !f.ReadOnly() || !errors.As(f.ReadOnlyReason(), &roe) || roe.Path != path {
		t.Fatalf("read-only %v, reason %v", f.ReadOnly(), f.ReadOnlyReason())
	}
	if want := path + " is alleen-lezen (rechten -r--------), dus wordt het niet overschreven; bewaar je werk als kopie"; runtime.GOOS != "windows" && roe.Error() != want {
		t.Errorf("reason %q, want %q", roe, want)
	}
	if _, err := os.Lstat(lockPath(path)); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a report that is never written is kept locked: %v", err)
	}
	s.Title = "Anders"
	if err := f.Save(s); !errors.Is(err, ErrReadOnly) || !errors.As(err, &roe) {
		t.Errorf("Save: %v, want the *ReadOnlyError", err)
	}
	if readFile(t, path) != before || fileMode(t, path)&0o200 != 0 {
		t.Errorf("the read-only report was written or its mode changed (%o)", fileMode(t, path))
	}
	// A copy can be kept, and is writable.
	p, err := f.SaveCopy(s)
	if err != nil || f.ReadOnly() || f.ReadOnlyReason() != nil || !strings.HasSuffix(p, "-kopie.md") {
		t.Errorf("SaveCopy: %s, %v; read-only %v", p, err, f.ReadOnly())
	}
}

func TestAReportMadeReadOnlyWhileOpenIsNotOverwritten(t *testing.T) {
	path := newReport(t)
	f, s, err := Open(path, testSet())
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	before := readFile(t, path)
	os.Chmod(path, 0o400)
	s.Title = "Anders"
	err = f.Save(s)
	if !errors.Is(err, ErrReadOnly) || !errors.Is(err, sessions.ErrChangedOnDisk) {
		t.Fatalf("Save: %v, want read only, as a change on disk", err)
	}
	if readFile(t, path) != before || fileMode(t, path)&0o200 != 0 {
		t.Errorf("written anyway, or mode changed to %o", fileMode(t, path))
	}
	// Reloading then opens it read only.
	if _, err := f.Reload(); err != nil || !f.ReadOnly() || f.ReadOnlyReason() == nil {
		t.Errorf("Reload: %v, read-only %v", err, f.ReadOnly())
	}
}

// Someone replaces the report by a link to another file with the very same
// content: saving must not write through the link into that file.
func TestAReportSwappedForALinkIsAChangeOnDisk(t *testing.T) {
	path := newReport(t)
	f, s, err := Open(path, testSet())
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	other := filepath.Join(t.TempDir(), "ander.md")
	content := readFile(t, path)
	os.WriteFile(other, []byte(content), 0o600)
	os.Remove(path)
	if err := os.Symlink(other, path); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	s.Title = "Anders"
	if err := f.Save(s); !errors.Is(err, sessions.ErrChangedOnDisk) {
		t.Fatalf("Save: %v, want ErrChangedOnDisk", err)
	}
	if readFile(t, other) != content {
		t.Error("the save wrote through the link into another file")
	}
	if st, _ := os.Lstat(path); st.Mode()&fs.ModeSymlink == 0 {
		t.Error("the link was replaced")
	}
}

// A report opened through a link is saved into the file it points to, as
// long as the link stays.
func TestAReportOpenedThroughALinkIsSavedIntoItsFile(t *testing.T) {
	real := newReport(t)
	link := filepath.Join(t.TempDir(), "link.md")
	if err := os.Symlink(real, link); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	f, s, err := Open(link, testSet())
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s.Title = "Via de link"
	if err := f.Save(s); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(readFile(t, real), "# Via de link") {
		t.Error("the file the link points to was not saved")
	}
	if st, _ := os.Lstat(link); st.Mode()&fs.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
}

func TestAnEditDuringASaveIsKeptAndTheSaveGoesToACopy(t *testing.T) {
	path := newReport(t)
	f, s, err := Open(path, testSet())
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	theirs := strings.Replace(readFile(t, path), "> Vooral vragen over verpleging.", "> Bewerkt tijdens het bewaren.", 1)
	beforeRename = func(string) {
		if err := os.WriteFile(path, []byte(theirs), 0o600); err != nil {
			t.Error(err)
		}
	}
	defer func() { beforeRename = nil }()
	s.Answer("bestuur.agenda").Text = "Mijn werk"
	mine := report.Render(testSet(), s)
	err = f.Save(s)
	var ce *ChangedError
	if !errors.Is(err, sessions.ErrChangedOnDisk) || !errors.As(err, &ce) {
		t.Fatalf("Save: %v, want a *ChangedError", err)
	}
	if readFile(t, path) != theirs {
		t.Fatal("the edit made during the save was overwritten")
	}
	want := strings.TrimSuffix(path, ".md") + "-kopie.md"
	if ce.Copy != want || readFile(t, want) != string(mine) {
		t.Fatalf("this program's version is not in %s (error names %s)", want, ce.Copy)
	}
	if !strings.Contains(err.Error(), want) {
		t.Errorf("the message does not name the copy: %v", err)
	}
	if runtime.GOOS != "windows" && fileMode(t, want) != 0o600 {
		t.Errorf("copy mode %o", fileMode(t, want))
	}
	if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 3 {
		t.Errorf("the folder holds %d entries, want the report, its copy and the lock", len(entries))
	}
}

func TestSavingAfterTheFolderWasRemovedMakesItAgainAndSaysSo(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "sessies")
	os.Mkdir(dir, 0o700)
	path := filepath.Join(dir, "gesprek.md")
	if err := WriteFile(path, report.Render(testSet(), everything())); err != nil {
		t.Fatal(err)
	}
	f, s, err := Open(path, testSet())
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	os.RemoveAll(dir)

	// Reloading cannot: it says why and what to do.
	_, err = f.Reload()
	if !errors.Is(err, ErrFolderGone) || err.Error() != "kan "+path+" niet opnieuw laden: "+ErrFolderGone.Error() {
		t.Errorf("Reload: %v, want ErrFolderGone", err)
	}
	s.Answer("bestuur.agenda").Text = "Mijn werk"
	if err := f.Save(s); err != nil {
		t.Fatalf("Save after the folder was removed: %v", err)
	}
	if n := f.Notice(); !strings.Contains(n, "opnieuw gemaakt") || !strings.Contains(n, path) {
		t.Errorf("the notice does not say the folder was made again: %q", n)
	}
	if n := f.Notice(); n != "" {
		t.Errorf("a notice is told twice: %q", n)
	}
	if readFile(t, path) != string(report.Render(testSet(), s)) {
		t.Fatal("the report was not written in the new folder")
	}
	if runtime.GOOS != "windows" && fileMode(t, dir) != 0o700 {
		t.Errorf("folder mode %o, want 700", fileMode(t, dir))
	}
	if _, _, err := Open(path, testSet()); !errors.As(err, new(*LockedError)) {
		t.Errorf("the report in the new folder is not locked: %v", err)
	}
	// Saving goes on as usual.
	s.Title = "Verder"
	if err := f.Save(s); err != nil {
		t.Errorf("the next save: %v", err)
	}
}

func TestACopyIsWrittenEvenWhenTheFolderWasRemoved(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "sessies")
	os.Mkdir(dir, 0o700)
	path := filepath.Join(dir, "gesprek.md")
	WriteFile(path, report.Render(testSet(), everything()))
	f, s, err := Open(path, testSet())
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	os.RemoveAll(dir)
	p, err := f.SaveCopy(s)
	if err != nil || p != filepath.Join(dir, "gesprek-kopie.md") {
		t.Fatalf("SaveCopy: %s, %v", p, err)
	}
	if readFile(t, p) != string(report.Render(testSet(), s)) {
		t.Error("wrong copy")
	}
}

func TestReloadingAReportThatWasRemovedSaysSo(t *testing.T) {
	path := newReport(t)
	f, _, err := Open(path, testSet())
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	os.Remove(path)
	if _, err := f.Reload(); !errors.Is(err, ErrReportGone) {
		t.Errorf("Reload: %v, want ErrReportGone", err)
	}
}
