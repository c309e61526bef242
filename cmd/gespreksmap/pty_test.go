//go:build linux || darwin

package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/sessions/store"
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

// testBinary is the program built once for the tests, with its test hook
// (testhook.go): the panic key of GESPREKSMAP_TEST_PANIC. Without that
// variable it is the real program.
func testBinary(t *testing.T) string {
	t.Helper()
	hooked.once.Do(func() {
		hooked.dir, hooked.err = os.MkdirTemp("", "gespreksmap-test-")
		if hooked.err != nil {
			return
		}
		hooked.path = filepath.Join(hooked.dir, "gespreksmap")
		if out, err := exec.Command("go", "build", "-tags", "gespreksmaptest", "-o", hooked.path, ".").CombinedOutput(); err != nil {
			hooked.err = fmt.Errorf("build: %v\n%s", err, out)
		}
	})
	if hooked.err != nil {
		t.Fatal(hooked.err)
	}
	return hooked.path
}

var hooked struct {
	once      sync.Once
	dir, path string
	err       error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if hooked.dir != "" {
		os.RemoveAll(hooked.dir)
	}
	os.Exit(code)
}

// terminalEnv is the environment of a person at a colour terminal: the
// inherited one without the variables that change how the program draws,
// followed by extra. termenv takes any CI variable to mean "not a terminal"
// (no colour, no queries), as on a CI machine; NO_COLOR, CLICOLOR, ACCESSIBLE
// or a GESPREKSMAP_ setting of the machine running the tests would change
// what a test sees.
func terminalEnv(extra ...string) []string {
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		switch {
		case name == "CI", name == "NO_COLOR", name == "ACCESSIBLE", name == "TERM", name == "COLORTERM",
			strings.HasPrefix(name, "CLICOLOR"), strings.HasPrefix(name, "GESPREKSMAP_"):
			continue
		}
		env = append(env, kv)
	}
	return append(env, extra...)
}

// terminal is the program running in a pseudo-terminal, with everything it
// drew collected.
type terminal struct {
	t    *testing.T
	f    *os.File
	cmd  *exec.Cmd
	mu   sync.Mutex
	out  bytes.Buffer // since the last waitFor
	all  bytes.Buffer // everything
	done chan struct{}
}

func startInPTY(t *testing.T, bin, dir string, args ...string) *terminal {
	t.Helper()
	return startInPTYEnv(t, bin, dir, nil, args...)
}

// startInPTYEnv starts the program with extra environment variables.
func startInPTYEnv(t *testing.T, bin, dir string, env []string, args ...string) *terminal {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = terminalEnv(append([]string{"GESPREKSMAP_DIR=" + filepath.Join(dir, "sessies"), "TERM=xterm-256color", "COLORTERM=truecolor", "GESPREKSMAP_THEME=dark"}, env...)...)
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
			term.all.Write(buf[:n])
			term.mu.Unlock()
			answerQueries(f, buf[:n])
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

// answerQueries answers what a real terminal answers at start: the
// background and foreground colour (OSC 11 and 10) and the cursor position.
// Without answers a program that asks waits for a timeout (seconds), which a
// person at a real terminal never sees.
func answerQueries(f *os.File, chunk []byte) {
	if bytes.Contains(chunk, []byte("\x1b]11;?")) {
		io.WriteString(f, "\x1b]11;rgb:0000/0000/0000\x1b\\")
	}
	if bytes.Contains(chunk, []byte("\x1b]10;?")) {
		io.WriteString(f, "\x1b]10;rgb:ffff/ffff/ffff\x1b\\")
	}
	if bytes.Contains(chunk, []byte("\x1b[6n")) {
		io.WriteString(f, "\x1b[1;1R")
	}
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
	term.waitFor("kies de vragenset")
	term.typeKeys(keyEnter) // the Gespreksmap, under the cursor
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
	s, err := store.Load(files[0], content.Default())
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

// colourSGR matches escape sequences that set a colour (foreground or
// background, 16, 256 or true colour).
var colourSGR = regexp.MustCompile(`\x1b\[(?:[0-9;]*;)?(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])(?:;[0-9;]*)?m`)

func TestNOCOLORKeepsColourOutOfTheInterface(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary; not in -short")
	}
	bin := buildBinary(t)
	dir := t.TempDir()
	coloured := startInPTY(t, bin, dir)
	coloured.waitFor("Nieuw gesprek beginnen")
	coloured.typeKeys(keyCtrlC)
	<-coloured.done
	if !colourSGR.MatchString(coloured.all.String()) {
		t.Fatalf("without NO_COLOR the interface should use colour; the check below would mean nothing:\n%q", coloured.all.String())
	}

	// The first run had colour: the check below means something.
	plain := startInPTYEnv(t, bin, dir, []string{"NO_COLOR=1"})
	plain.waitFor("Nieuw gesprek beginnen")
	plain.typeKeys(keyEnter)
	plain.waitFor("kies de vragenset")
	plain.typeKeys(keyEnter) // the setup form, with its focus marks
	plain.waitFor("Gespreksleider")
	plain.typeKeys(keyCtrlC)
	<-plain.done
	plain.mu.Lock()
	raw := plain.all.String()
	plain.mu.Unlock()
	if m := colourSGR.FindString(raw); m != "" {
		t.Errorf("NO_COLOR=1 but the interface wrote the colour sequence %q", m)
	}
}

func TestAccessibleModeThroughPipesWritesNoEscapeSequences(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary; not in -short")
	}
	bin := buildBinary(t)
	dir := t.TempDir()
	cmd := exec.Command(bin, "--accessible", "--dir", filepath.Join(dir, "sessies"))
	// New conversation, title, region, date (today), facilitator, no participants,
	// then section 1, question 1.1 with a two-line answer and status geregeld, then stop.
	cmd.Stdin = strings.NewReader("1\n1\nPijplijn\nNoord\n\nSam\n\n1\nEerste regel\nTweede regel\n\n1\n\n\nt\nq\n")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("%v\n%s\n%s", err, out.String(), errb.String())
	}
	if bytes.IndexByte(out.Bytes(), 0x1b) >= 0 || bytes.IndexByte(errb.Bytes(), 0x1b) >= 0 {
		t.Error("accessible mode must not write escape sequences")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "sessies", "*.md"))
	if len(files) != 1 {
		t.Fatalf("reports: %v\n%s", files, out.String())
	}
	s, err := store.Load(files[0], content.Default())
	if err != nil {
		t.Fatal(err)
	}
	if a := s.Answers["bestuur.agenda"]; a == nil || a.Text != "Eerste regel\nTweede regel" || a.Status != sessions.StatusDone {
		t.Errorf("1.1: %+v\n%s", a, out.String())
	}
}

// A signal while an answer is being typed, line by line, in accessible mode
// (say the window is closed): the lines typed so far are in the report.
func TestASignalInAccessibleModeKeepsTheLinesOfAnAnswerBeingTyped(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary; not in -short")
	}
	bin := buildBinary(t)
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGHUP, syscall.SIGINT} {
		dir := t.TempDir()
		cmd := exec.Command(bin, "--accessible", "--dir", filepath.Join(dir, "sessies"))
		cmd.Env = terminalEnv()
		in, err := cmd.StdinPipe()
		if err != nil {
			t.Fatal(err)
		}
		var out, errb syncBuffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// New conversation, its details, no participants, section 1, and
		// two lines of the answer to 1.1 without the empty line that ends it.
		io.WriteString(in, "1\n1\nPijplijn\nNoord\n\nSam\n\n1\nEerste regel\nTweede regel\n")
		// Wait until the program has read everything and waits for more:
		// its output stops growing.
		last, since := -1, time.Now()
		for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
			if n := len(out.String()); n != last {
				last, since = n, time.Now()
			} else if time.Since(since) > time.Second {
				break
			}
		}
		cmd.Process.Signal(sig)
		err = cmd.Wait()
		files, _ := filepath.Glob(filepath.Join(dir, "sessies", "*.md"))
		if len(files) != 1 {
			t.Fatalf("%v: reports %v (exit %v)\n%s\n%s", sig, files, err, out.String(), errb.String())
		}
		s, lerr := store.Load(files[0], content.Default())
		if lerr != nil {
			t.Fatal(lerr)
		}
		if a := s.Answers["bestuur.agenda"]; a == nil || a.Text != "Eerste regel\nTweede regel" {
			t.Errorf("%v: the answer on disk is %+v, want the two lines typed\n%s", sig, a, errb.String())
		}
		if !strings.Contains(errb.String(), "bewaard") || !strings.Contains(errb.String(), files[0]) {
			t.Errorf("%v: the exit message does not say where the words are: %q", sig, errb.String())
		}
	}
}

// syncBuffer is a bytes.Buffer that a running program writes while the
// test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
