//go:build linux || darwin

package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/sessions/report"
	"gespreksmap/sessions/store"
)

// hostile is what a stranger's file could make a terminal do: fill the
// clipboard (OSC 52), set the window title (OSC 0), clear the screen.
const (
	clipboard   = "\x1b]52;c;aGFjaw==\x07"
	windowTitle = "\x1b]0;PWNED\x07"
	clearScreen = "\x1b[2J"
)

// leaks lists what of the hostile sequences (or their payloads) reached out.
func leaks(out string) []string {
	var found []string
	for _, s := range []string{"\x1b]52", "aGFjaw==", "\x1b]0;", "PWNED", "HOSTX", "\x07" + clearScreen, "'" + clearScreen, " " + clearScreen} {
		if strings.Contains(out, s) {
			found = append(found, s)
		}
	}
	return found
}

// hostileFolder makes a sessions folder with a report whose file name
// carries the sequences and whose status line carries a clear screen (so
// it does not parse), and a report held by a lock whose host carries a
// window title.
func hostileFolder(t *testing.T, dir string) (broken string) {
	t.Helper()
	set := content.Default()
	folder := filepath.Join(dir, "sessies")
	if err := os.MkdirAll(folder, 0o700); err != nil {
		t.Fatal(err)
	}
	s := sessions.New(set.ID, set.Version)
	s.Title, s.Date = "Bezet", "2026-03-12"
	held := filepath.Join(folder, "2026-03-12-bezet.md")
	if err := os.WriteFile(held, report.Render(set, s), 0o600); err != nil {
		t.Fatal(err)
	}
	lock := "pid 1\nhost elders" + "\x1b]0;HOSTX\x07" + "\nsince 2026-03-12T10:00:00Z\n"
	if err := os.WriteFile(filepath.Join(folder, ".2026-03-12-bezet.md.lock"), []byte(lock), 0o600); err != nil {
		t.Fatal(err)
	}
	s.Title = "Kapot"
	s.Answers["bestuur.agenda"] = &sessions.Answer{QuestionID: "bestuur.agenda", Text: "Iets", Status: sessions.StatusDone}
	data := string(report.Render(set, s))
	data = strings.Replace(data, "**Status:** geregeld", "**Status:** "+clearScreen+windowTitle+clipboard+" geregeld", 1)
	if !strings.Contains(data, clearScreen) {
		t.Fatal("the status line to break was not found")
	}
	broken = filepath.Join(folder, "kapot"+clipboard+windowTitle+clearScreen+".md")
	if err := os.WriteFile(broken, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := store.Load(broken, set); err == nil {
		t.Fatal("the broken report parses: the test would show no parse error")
	}
	return broken
}

func TestNothingFromAFileReachesTheTerminalRaw(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the real program; not in -short")
	}
	bin := testBinary(t)
	dir := t.TempDir()
	broken := hostileFolder(t, dir)

	// The start screen lists both (the file name drawn with no key
	// pressed), then says why each cannot be opened.
	term := startInPTY(t, bin, dir)
	term.waitFor("niet te lezen: regel")
	term.typeKeys(keyDown, keyDown, keyEnter)
	term.waitFor("elders")
	term.typeKeys(keyDown, keyEnter)
	term.waitFor("onbekende status")
	term.typeKeys(keyCtrlC)
	select {
	case <-term.done:
	case <-time.After(10 * time.Second):
		t.Fatal("the program did not stop on ctrl+c")
	}
	term.cmd.Wait()
	term.mu.Lock()
	raw := term.all.String()
	term.mu.Unlock()
	if found := leaks(raw); len(found) > 0 {
		t.Errorf("the screen received %q from files:\n%q", found, raw)
	}

	// The command line's error for the same report.
	for _, args := range [][]string{{"export", "--format", "html", broken}, {"convenant", broken}, {"compare", broken, broken}, {broken}} {
		cmd := exec.Command(bin, args...)
		cmd.Env = terminalEnv()
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != exitBadInput {
			t.Errorf("%v: a broken report is bad input (status 2), got %v", args[0], err)
		}
		if !strings.Contains(stderr.String(), "onbekende status") {
			t.Errorf("%v: the error should say what is wrong: %q", args[0], stderr.String())
		}
		if found := leaks(stderr.String() + stdout.String()); len(found) > 0 || bytes.IndexByte(stderr.Bytes(), 0x1b) >= 0 {
			t.Errorf("%v printed %q:\n%q", args[0], found, stderr.String())
		}
	}
}
