//go:build linux || darwin

package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"

	"gespreksmap/content"
	"gespreksmap/sessions"
)

// buildBinary builds the real program once per test run.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "gespreksmap")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}

// terminal is the program running in a pseudo-terminal, with everything it
// drew collected.
type terminal struct {
	t    *testing.T
	f    *os.File
	cmd  *exec.Cmd
	mu   sync.Mutex
	out  bytes.Buffer
	done chan struct{}
}

func startInPTY(t *testing.T, bin, dir string, args ...string) *terminal {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GESPREKSMAP_DIR="+filepath.Join(dir, "sessies"), "TERM=xterm-256color", "GESPREKSMAP_THEME=dark")
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 40, Cols: 120})
	if err != nil {
		t.Fatal(err)
	}
	term := &terminal{t: t, f: f, cmd: cmd, done: make(chan struct{})}
	go func() {
		defer close(term.done)
		buf := make([]byte, 4096)
		for {
			n, err := f.Read(buf)
			term.mu.Lock()
			term.out.Write(buf[:n])
			term.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	t.Cleanup(func() {
		cmd.Process.Kill()
		f.Close()
	})
	return term
}

func (term *terminal) screen() string {
	term.mu.Lock()
	defer term.mu.Unlock()
	return ansi.Strip(term.out.String())
}

// waitFor waits until the program has drawn want since the last mark.
func (term *terminal) waitFor(want string) {
	term.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if strings.Contains(term.screen(), want) {
			term.mu.Lock()
			term.out.Reset()
			term.mu.Unlock()
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	term.t.Fatalf("the screen never showed %q; it showed:\n%s", want, term.screen())
}

// typeKeys types as a person does: one key at a time.
func (term *terminal) typeKeys(keys ...string) {
	for _, k := range keys {
		if _, err := io.WriteString(term.f, k); err != nil {
			term.t.Fatal(err)
		}
		time.Sleep(15 * time.Millisecond)
	}
}

func (term *terminal) typeText(s string) {
	for _, r := range s {
		term.typeKeys(string(r))
	}
}

const (
	keyEnter = "\r"
	keyTab   = "\t"
	keyEsc   = "\x1b"
	keyDown  = "\x1b[B"
	keyRight = "\x1b[C"
	keyCtrlN = "\x0e"
	keyCtrlC = "\x03"
	keyAlt1  = "\x1b1"
)

func TestTheRealProgramInATerminalKeepsAShortConversationOnDisk(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary; not in -short")
	}
	bin := buildBinary(t)
	dir := t.TempDir()
	term := startInPTY(t, bin, dir)

	term.waitFor("Nieuw gesprek beginnen")
	term.typeKeys(keyEnter)
	term.waitFor("Gespreksleider")
	term.typeText("Lab in de aula")
	term.typeKeys(keyTab)
	term.typeText("Regio Noord")
	term.typeKeys(keyTab, keyTab)
	term.typeText("Sam")
	term.typeKeys(keyEnter, keyDown, keyEnter)
	term.waitFor("Onderdelen")
	term.typeKeys(keyEnter)
	term.waitFor("1.1 Staat de")
	term.typeText("Ja, in het OOGO van mei.")
	term.typeKeys(keyEnter)
	term.typeText("Zoë en Ümit namen het mee.")
	term.typeKeys(keyAlt1)
	term.typeKeys(keyCtrlN)
	term.waitFor("1.2 Met wie werken we samen")
	term.typeKeys(keyRight)
	term.typeKeys(keyEsc)
	term.waitFor("Onderdelen")
	term.typeKeys(keyCtrlC)

	select {
	case <-term.done:
	case <-time.After(10 * time.Second):
		t.Fatal("the program did not stop on ctrl+c")
	}
	err := term.cmd.Wait()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != exitInterrupted {
		t.Errorf("ctrl+c should exit with status %d, got %v", exitInterrupted, err)
	}
	if !strings.Contains(term.screen(), "Verslag: ") {
		t.Errorf("the report path is printed on exit; output was:\n%s", term.screen())
	}

	files, _ := filepath.Glob(filepath.Join(dir, "sessies", "*.md"))
	if len(files) != 1 || filepath.Base(files[0]) != time.Now().Format("2006-01-02")+"-lab-in-de-aula.md" {
		t.Fatalf("expected one report named from date and title, found %v", files)
	}
	s, err := sessions.Load(files[0], content.Default())
	if err != nil {
		t.Fatal(err)
	}
	a := s.Answers["bestuur.agenda"]
	if a == nil || a.Text != "Ja, in het OOGO van mei.\nZoë en Ümit namen het mee." || a.Status != sessions.StatusDone {
		t.Errorf("1.1 on disk: %+v", a)
	}
	if p := s.Answers["bestuur.partners"]; p == nil || p.Partners["scholen"] != sessions.PartnerTogether {
		t.Errorf("1.2 on disk: %+v", p)
	}
	info, err := os.Stat(files[0])
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("the report holds information about children: it must be 0600, is %v", info.Mode().Perm())
	}
}
