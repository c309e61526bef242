//go:build linux || darwin

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"gespreksmap/content"
	"gespreksmap/sessions/report"
	"gespreksmap/sessions/store"
)

// The fault test: someone edits the report in a text editor while the
// program has it open, then the program is stopped by SIGTERM, by SIGHUP
// (the window closed) or by ctrl+c at the conflict prompt. Whatever
// stops it, the edit stays in the report and what was typed in the
// program is on disk, in a copy beside the report that the exit message
// names.

// editOutside changes the report as a text editor would: the facilitator
// is someone else now.
func editOutside(t *testing.T, path string) {
	t.Helper()
	set := content.Default()
	s, err := store.Load(path, set)
	if err != nil {
		t.Fatal(err)
	}
	s.Facilitator = "Kim uit de editor"
	if err := os.WriteFile(path, report.Render(set, s), 0o600); err != nil {
		t.Fatal(err)
	}
}

// faultRun is one run: open the report, type, edit it outside, stop the
// program with stop. atPrompt waits for the conflict prompt first (the
// autosave found the edit); otherwise the signal comes before any save
// noticed it.
func faultRun(t *testing.T, bin, stop string, atPrompt bool, run int) {
	dir := t.TempDir()
	path := prepareReport(t, dir)
	term := openOnReport(t, bin, dir, path)
	words := fmt.Sprintf("Run %d: Joost belt de wijkcoach", run)
	if !atPrompt {
		editOutside(t, path)
	}
	for _, r := range words {
		term.f.WriteString(string(r))
		time.Sleep(2 * time.Millisecond)
	}
	if atPrompt {
		if screen, ok := term.awaitScreen(words, 5*time.Second); !ok {
			t.Fatalf("the typed words never appeared:\n%s", screen)
		}
		editOutside(t, path)
		if screen, ok := term.awaitScreen("Het verslag is buiten dit programma gewijzigd.", 5*time.Second); !ok {
			t.Fatalf("the conflict prompt never appeared:\n%s", screen)
		}
	} else if screen, ok := term.awaitScreen(words, 5*time.Second); !ok {
		// The keys are taken in (on a busy machine that may take longer
		// than the autosave's second: then the signal comes at the prompt,
		// which must keep the words as well).
		t.Fatalf("the typed words never appeared:\n%s", screen)
	}
	switch stop {
	case "SIGTERM":
		term.cmd.Process.Signal(syscall.SIGTERM)
	case "SIGHUP":
		term.cmd.Process.Signal(syscall.SIGHUP)
	case "ctrl+c":
		term.typeKeys(keyCtrlC)
	}
	exited := make(chan error, 1)
	go func() { exited <- term.cmd.Wait() }()
	select {
	case <-exited:
	case <-time.After(5 * time.Second):
		t.Fatalf("the program did not exit within 5 s of %s; it showed:\n%s", stop, term.screen())
	}
	<-term.done
	if ws, ok := term.cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		t.Fatalf("the program was ended by %v instead of keeping the words and leaving", ws.Signal())
	}
	if code := term.cmd.ProcessState.ExitCode(); code != exitOK && code != exitInterrupted {
		t.Errorf("exit status %d after %s; the words were kept", code, stop)
	}

	s, err := store.Load(path, content.Default())
	if err != nil {
		t.Fatal(err)
	}
	if s.Facilitator != "Kim uit de editor" {
		t.Errorf("the edit made outside the program was overwritten: facilitator %q", s.Facilitator)
	}
	copies, _ := filepath.Glob(strings.TrimSuffix(path, ".md") + "-kopie*.md")
	if len(copies) != 1 {
		t.Fatalf("after %s there should be one copy beside the report, found %v; the program showed:\n%s", stop, copies, term.screen())
	}
	c, err := store.Load(copies[0], content.Default())
	if err != nil {
		t.Fatal(err)
	}
	if a := c.Answers[resumeQuestion]; a == nil || a.Text != words {
		t.Errorf("the copy holds %+v, want the typed %q", a, words)
	}
	if out := strings.Join(strings.Fields(term.screen()), ""); !strings.Contains(out, "staatindekopie"+copies[0]) {
		t.Errorf("the exit message should name the copy %s; the program showed:\n%s", copies[0], term.screen())
	}
	for _, p := range []string{path, copies[0]} {
		if _, err := os.Lstat(filepath.Join(filepath.Dir(p), "."+filepath.Base(p)+".lock")); err == nil {
			t.Errorf("the lock of %s is left behind", p)
		}
	}
}

func TestWithAnEditOutsidePendingEveryWayOfStoppingKeepsWhatWasTyped(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the real program 30 times; not in -short")
	}
	bin := testBinary(t)
	const perWay = 10
	type job struct {
		stop     string
		atPrompt bool
		run      int
	}
	var jobs []job
	for i := range perWay {
		jobs = append(jobs,
			job{"SIGTERM", i%2 == 0, i},
			job{"SIGHUP", i%2 == 0, i},
			job{"ctrl+c", true, i}) // ctrl+c is a key: it is read at the prompt
	}
	// Three at a time: the runs spend most of their time waiting for the
	// autosave's second, not working.
	start := time.Now()
	sem := make(chan struct{}, 3)
	var wg sync.WaitGroup
	for _, j := range jobs {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			t.Run(fmt.Sprintf("%s-%d", j.stop, j.run), func(t *testing.T) {
				faultRun(t, bin, j.stop, j.atPrompt, j.run)
			})
		}()
	}
	wg.Wait()
	t.Logf("%d runs in %v", len(jobs), time.Since(start).Round(time.Millisecond))
}

func TestACrashInTheInterfaceSavesWhatWasTypedAndKeepsTheStackOffTheScreen(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the real program; not in -short")
	}
	bin := testBinary(t)
	// A panic in Update, and one in a command the key starts (Bubble Tea
	// runs those on goroutines of their own and would print the stack).
	for _, hook := range []string{"ctrl+t", "cmd:ctrl+t"} {
		t.Run(hook, func(t *testing.T) { crashRun(t, bin, hook) })
	}
}

func crashRun(t *testing.T, bin, hook string) {
	dir := t.TempDir()
	path := prepareReport(t, dir)
	term := startInPTYEnv(t, bin, dir, []string{"GESPREKSMAP_TEST_PANIC=" + hook}, path)
	term.waitFor(resumeScreen)
	words := "Joost belt de wijkcoach"
	term.typeText(words)
	if screen, ok := term.awaitScreen(words, 5*time.Second); !ok {
		t.Fatalf("the typed words never appeared:\n%s", screen)
	}
	term.typeKeys("\x14") // ctrl+t: the test hook panics
	exited := make(chan error, 1)
	go func() { exited <- term.cmd.Wait() }()
	select {
	case <-exited:
	case <-time.After(5 * time.Second):
		t.Fatalf("the program did not end after the crash; it showed:\n%s", term.screen())
	}
	<-term.done
	if code := term.cmd.ProcessState.ExitCode(); code != exitError {
		t.Errorf("a crash exits with status %d (2 is for bad input), got %d", exitError, code)
	}
	if got := answerOnDisk(t, path); got != words {
		t.Errorf("after the crash the answer on disk is %q, want %q", got, words)
	}
	term.mu.Lock()
	raw := term.all.String()
	term.mu.Unlock()
	for _, leak := range []string{"goroutine ", "panic", ".go:", "gespreksmaptest"} {
		if strings.Contains(raw, leak) {
			t.Errorf("the terminal shows %q: the stack belongs in the log, not on the projector:\n%s", leak, term.screen())
		}
	}
	logs, _ := filepath.Glob(filepath.Join(dir, "sessies", "gespreksmap-fout-*.log"))
	if len(logs) != 1 {
		t.Fatalf("one log in the sessions folder, found %v", logs)
	}
	info, err := os.Stat(logs[0])
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("the log holds a stack with the report's path: 0600, is %v (%v)", info.Mode().Perm(), err)
	}
	if data, _ := os.ReadFile(logs[0]); !strings.Contains(string(data), "gespreksmaptest") || !strings.Contains(string(data), "goroutine ") {
		t.Errorf("the log should hold the panic and its stack:\n%s", data)
	}
	msg := strings.Join(strings.Fields(term.screen()), " ")
	if !strings.Contains(msg, "vastgelopen") || !strings.Contains(msg, path) || !strings.Contains(msg, logs[0]) {
		t.Errorf("the message should name the report and the log; the terminal showed:\n%s", term.screen())
	}
}
