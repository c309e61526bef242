//go:build linux || darwin

package main

import (
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/sessions/report"
	"gespreksmap/sessions/store"
	"gespreksmap/tui/phonetest"
)

// joinURL is the participants' page's address as the QR screen shows it.
var joinURL = regexp.MustCompile(`http://127\.0\.0\.1:[0-9]+/j/[A-Za-z0-9_-]+`)

// prepareMeeting is prepareReport with two organisations at the table.
func prepareMeeting(t *testing.T, dir string) string {
	t.Helper()
	path := prepareReport(t, dir)
	set := content.Default()
	s, err := store.Load(path, set)
	if err != nil {
		t.Fatal(err)
	}
	s.Participants = []sessions.Participant{{Name: "Piet", Organisation: "Gemeente Tilburg"}, {Name: "Mo", Organisation: "Ouders"}}
	if err := store.WriteFile(path, report.Render(set, s)); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestWhateverStopsTheProgramWhatParticipantsSentIsInTheReportAndTheExitSaysSo(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the real program; not in -short")
	}
	bin := testBinary(t)
	for _, stop := range []string{"ctrl+c", "SIGTERM", "SIGHUP", "crash"} {
		t.Run(stop, func(t *testing.T) {
			dir := t.TempDir()
			path := prepareMeeting(t, dir)
			var env []string
			if stop == "crash" {
				env = append(env, "GESPREKSMAP_TEST_PANIC=ctrl+t")
			}
			term := startInPTYEnv(t, bin, dir, env, "--participants", "127.0.0.1", path)
			screen, ok := term.awaitScreen("Deelnemers: pagina voor telefoons", 10*time.Second)
			if !ok {
				t.Fatalf("--participants did not show the page's address:\n%s", screen)
			}
			screen, _ = term.awaitScreen("/j/", 5*time.Second)
			url := joinURL.FindString(strings.ReplaceAll(screen, "\n", ""))
			if url == "" {
				t.Fatalf("no join address on the screen:\n%s", screen)
			}
			term.typeKeys(keyEsc)
			ouders := phonetest.Join(t, url)
			ouders.Choose("Ouders")
			ouders.WaitStop("1.1")
			ouders.Send("Gezien op het scherm.")
			if s, ok := term.awaitScreen("✉ 1 wacht", 5*time.Second); !ok {
				t.Fatalf("the arrival is not counted:\n%s", s)
			}
			// The last one is sent right before the program stops: it
			// arrives at the page, whether or not the screen took it in.
			ouders.Send("Vlak voor het einde.")
			switch stop {
			case "ctrl+c":
				term.typeKeys(keyCtrlC)
			case "SIGTERM":
				term.cmd.Process.Signal(syscall.SIGTERM)
			case "SIGHUP":
				term.cmd.Process.Signal(syscall.SIGHUP)
			case "crash":
				term.typeKeys("\x14") // ctrl+t
			}
			exited := make(chan error, 1)
			go func() { exited <- term.cmd.Wait() }()
			select {
			case <-exited:
			case <-time.After(5 * time.Second):
				t.Fatalf("the program did not exit within 5 s of %s:\n%s", stop, term.screen())
			}
			<-term.done
			s, err := store.Load(path, content.Default())
			if err != nil {
				t.Fatal(err)
			}
			if len(s.Contributions) != 2 || s.Contributions[0].Text != "Gezien op het scherm." || s.Contributions[1].Text != "Vlak voor het einde." {
				t.Fatalf("after %s the report holds %+v", stop, s.Contributions)
			}
			out := strings.Join(strings.Fields(term.screen()), " ")
			if !strings.Contains(out, "2 bijdragen van deelnemers wachten nog (bij vraag 1.1). Ze staan in het verslag") {
				t.Errorf("after %s the exit message does not say what waits:\n%s", stop, term.screen())
			}
			if stop == "crash" && (!strings.Contains(out, "het programma is vastgelopen") || term.cmd.ProcessState.ExitCode() != exitError) {
				t.Errorf("the crash was not one (status %d):\n%s", term.cmd.ProcessState.ExitCode(), term.screen())
			}
			if ouders.Answers() {
				t.Errorf("after %s the participants' page still answers", stop)
			}
		})
	}
}
