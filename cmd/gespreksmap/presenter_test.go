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

	"github.com/charmbracelet/x/ansi"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/sessions/report"
)

// presenterReport writes a report in dir's sessions folder that stands at
// topic 3.1b with answer, and returns its path.
func presenterReport(t *testing.T, dir, answer string, at time.Time) string {
	t.Helper()
	set := content.Default()
	conv := sessions.NewConversation(set, sessions.New(set.ID, set.Version))
	conv.Title, conv.Date = "Beamerproef", "2026-11-22"
	i := conv.StopByNumber("3.1b")
	conv.SetCurrent(i)
	conv.SetText(conv.Stop(i), answer)
	conv.SetStatus(conv.Stop(i), sessions.StatusPartial)
	path := filepath.Join(dir, "sessies", "2026-11-22-beamerproef.md")
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, report.Render(set, conv.Session), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(path, at, at); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestPresenterShowsTheNewestReportsStopAndFollowsItOnDisk(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary; not in -short")
	}
	bin := buildBinary(t)
	dir := t.TempDir()
	start := time.Now().Add(-time.Hour)
	path := presenterReport(t, dir, "De jeugdarts beoordeelt samen met ouders.", start)
	before, _ := os.ReadFile(path)

	term := startInPTY(t, bin, dir, "--presenter")
	term.waitFor("Hoe komt de beoordeling")
	for _, want := range []string{"3.1b", "De jeugdarts beoordeelt", "Beamerproef"} {
		if !strings.Contains(stripped(term), want) {
			t.Errorf("the presenter shows %q; it showed:\n%s", want, stripped(term))
		}
	}
	for _, never := range []string{"organiseren.afspraken", "ctrl+", "esc "} {
		if strings.Contains(stripped(term), never) {
			t.Errorf("the presenter shows %q, which is not for the room", never)
		}
	}

	// The full interface saves a new answer: the presenter shows it.
	presenterReport(t, dir, "Het team beslist met de intern begeleider.", start.Add(time.Minute))
	term.waitFor("intern begeleider")

	term.typeKeys("q")
	select {
	case <-term.done:
	case <-time.After(10 * time.Second):
		t.Fatal("the presenter did not stop on q")
	}
	if err := term.cmd.Wait(); err != nil {
		t.Errorf("q ends the presenter with status 0, got %v", err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Contains(after, []byte("intern begeleider")) || bytes.Equal(before, after) {
		t.Error("the test's second report should be on disk")
	}
	if locks, _ := filepath.Glob(filepath.Join(dir, "sessies", ".*")); len(locks) != 0 {
		t.Errorf("the presenter only reads: it left %v", locks)
	}
}

func stripped(term *terminal) string {
	term.mu.Lock()
	defer term.mu.Unlock()
	return strings.Join(strings.Fields(ansi.Strip(term.all.String())), " ")
}

func TestPresenterWithoutAReportSaysSoBeforeDrawing(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary; not in -short")
	}
	bin := buildBinary(t)
	dir := t.TempDir()
	term := startInPTY(t, bin, dir, "--presenter")
	<-term.done
	err := term.cmd.Wait()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != exitBadInput {
		t.Errorf("no report to show exits with %d, got %v", exitBadInput, err)
	}
	if !strings.Contains(stripped(term), "geen leesbaar verslag") {
		t.Errorf("the message names the problem; output:\n%s", stripped(term))
	}
}

func TestACrashInThePresenterKeepsTheStackOffTheProjectorAndLeavesTheReport(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the real program; not in -short")
	}
	bin := testBinary(t)
	dir := t.TempDir()
	path := presenterReport(t, dir, "De jeugdarts beoordeelt samen met ouders.", time.Now().Add(-time.Hour))
	before, _ := os.ReadFile(path)
	term := startInPTYEnv(t, bin, dir, []string{"GESPREKSMAP_TEST_PANIC=x"}, "--presenter", path)
	term.waitFor("Hoe komt de beoordeling")
	term.typeKeys("x") // the test hook panics
	select {
	case <-term.done:
	case <-time.After(5 * time.Second):
		t.Fatalf("the presenter did not end after the crash; it showed:\n%s", term.screen())
	}
	term.cmd.Wait()
	if code := term.cmd.ProcessState.ExitCode(); code != exitError {
		t.Errorf("a crash exits with status %d, got %d", exitError, code)
	}
	term.mu.Lock()
	raw := term.all.String()
	term.mu.Unlock()
	for _, leak := range []string{"goroutine ", "panic", ".go:", "gespreksmaptest"} {
		if strings.Contains(raw, leak) {
			t.Errorf("the terminal shows %q: the stack belongs in the log:\n%s", leak, ansi.Strip(raw))
		}
	}
	if !strings.Contains(stripped(term), "vastgelopen") {
		t.Errorf("one Dutch sentence says what happened; the terminal showed:\n%s", stripped(term))
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("the presenter never writes the report")
	}
}
