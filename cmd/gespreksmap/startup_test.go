//go:build linux

package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"

	"gespreksmap/content"
	"gespreksmap/sessions/report"
	"gespreksmap/sessions/sessionstest"
)

// The figures of these benchmarks are kept in BENCHMARKS.md at the root of
// the module, with the budgets they are held to. They start the real binary
// in a pseudo-terminal of 120 by 40, as a facilitator starts it in a
// terminal window.

// buildForBenchmark builds the program once per benchmark, outside the
// measured time.
func buildForBenchmark(b *testing.B) string {
	b.Helper()
	bin := filepath.Join(b.TempDir(), "gespreksmap")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}

// started is one run of the program in a pseudo-terminal.
type started struct {
	cmd   *exec.Cmd
	f     *os.File
	shown chan time.Time // when the awaited text was first drawn
	done  chan struct{}  // the terminal closed
	out   bytes.Buffer   // everything drawn; read only after done
}

// startAndWatch starts bin in a pseudo-terminal and watches what it draws
// for want. The clock starts just before the process does.
func startAndWatch(b *testing.B, bin, dir, want string, args ...string) (*started, time.Time) {
	b.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = terminalEnv("GESPREKSMAP_DIR="+filepath.Join(dir, "sessies"), "TERM=xterm-256color", "GESPREKSMAP_THEME=auto")
	s := &started{cmd: cmd, shown: make(chan time.Time, 1), done: make(chan struct{})}
	begin := time.Now()
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 40, Cols: 120})
	if err != nil {
		b.Fatal(err)
	}
	s.f = f
	go func() {
		defer close(s.done)
		buf := make([]byte, 32*1024)
		seen := false
		for {
			n, err := f.Read(buf)
			s.out.Write(buf[:n])
			// Before main runs, Bubble Tea (v1, through Lip Gloss and
			// termenv) asks the terminal for its background colour and the
			// cursor position and waits up to five seconds for the answers.
			// A real terminal answers at once; so does this harness.
			answerQueries(f, buf[:n])
			if !seen && n > 0 && strings.Contains(ansi.Strip(s.out.String()), want) {
				seen = true
				s.shown <- time.Now()
			}
			if err != nil {
				return
			}
		}
	}()
	return s, begin
}

// firstFrame waits until the awaited text was drawn and returns when.
func (s *started) firstFrame(b *testing.B, want string) time.Time {
	b.Helper()
	select {
	case at := <-s.shown:
		return at
	case <-s.done:
		b.Fatalf("the program stopped before it showed %q; it drew:\n%s", want, ansi.Strip(s.out.String()))
	case <-time.After(10 * time.Second):
		s.cmd.Process.Kill()
		<-s.done
		b.Fatalf("the program never showed %q; it drew:\n%s", want, ansi.Strip(s.out.String()))
	}
	return time.Time{}
}

// stop leaves the program with ctrl+c, as a person does, and waits for it.
func (s *started) stop(b *testing.B) {
	b.Helper()
	s.f.Write([]byte{0x03})
	select {
	case <-s.done:
	case <-time.After(10 * time.Second):
		s.cmd.Process.Kill()
		<-s.done
		b.Error("the program did not stop on ctrl+c")
	}
	s.cmd.Wait()
	s.f.Close()
}

// BenchmarkStartToFirstFrame: one op is starting the program, with an empty
// sessions folder, until the start screen is drawn.
func BenchmarkStartToFirstFrame(b *testing.B) {
	bin := buildForBenchmark(b)
	const want = "Nieuw gesprek beginnen"
	var ms float64
	ops := 0
	for b.Loop() {
		b.StopTimer()
		dir := b.TempDir()
		b.StartTimer()
		s, begin := startAndWatch(b, bin, dir, want)
		at := s.firstFrame(b, want)
		b.StopTimer()
		ms += float64(at.Sub(begin).Microseconds()) / 1000
		ops++
		s.stop(b)
		b.StartTimer()
	}
	// ns/op also counts the reader noticing the frame; this is the moment
	// the frame arrived, from just before the process started.
	b.ReportMetric(ms/float64(ops), "ms-first-frame")
}

// vmKB reads a field such as VmRSS from /proc/PID/status, in kB.
func vmKB(b *testing.B, pid int, field string) float64 {
	b.Helper()
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		b.Fatal(err)
	}
	for _, l := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(l, field+":"); ok {
			kb, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 64)
			if err != nil {
				b.Fatalf("%s: %v", field, err)
			}
			return kb
		}
	}
	b.Fatalf("no %s in /proc/%d/status", field, pid)
	return 0
}

// BenchmarkResidentMemory: one op is starting the program on a report in
// which every question, sub-point and topic is answered in 2,000 characters,
// until it shows the question where the conversation was left; then the
// resident memory of the process is read (MB-rss; MB-hwm is its peak so far).
func BenchmarkResidentMemory(b *testing.B) {
	bin := buildForBenchmark(b)
	set := content.Default()
	conv := sessionstest.Conversation(set, 2000)
	doc := report.Render(set, conv)
	last := set.Sections[len(set.Sections)-1]
	want := strings.Join(strings.Fields(last.Questions[len(last.Questions)-1].Text)[:3], " ")
	var rss, hwm, ms float64
	ops := 0
	for b.Loop() {
		b.StopTimer()
		dir := b.TempDir()
		report := filepath.Join(dir, "verslag.md")
		if err := os.WriteFile(report, doc, 0o600); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		s, begin := startAndWatch(b, bin, dir, want, report)
		at := s.firstFrame(b, want)
		b.StopTimer()
		rss += vmKB(b, s.cmd.Process.Pid, "VmRSS") / 1024
		hwm += vmKB(b, s.cmd.Process.Pid, "VmHWM") / 1024
		ms += float64(at.Sub(begin).Microseconds()) / 1000
		ops++
		s.stop(b)
		b.StartTimer()
	}
	b.ReportMetric(rss/float64(ops), "MB-rss")
	b.ReportMetric(hwm/float64(ops), "MB-hwm")
	b.ReportMetric(ms/float64(ops), "ms-first-frame")
	b.ReportMetric(float64(len(doc))/1024, "KB-report")
}
