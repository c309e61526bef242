package parity_test

import (
	"io"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/sessions/report"
	"gespreksmap/sessions/store"
	"gespreksmap/tui"
	"gespreksmap/tui/accessible"
	"gespreksmap/tui/participants"
	"gespreksmap/tui/phonetest"
)

// The same contributions, sent from phones during a conversation at 1.1,
// taken over in both front ends: Ouders' as sent, the gemeente's changed
// first by the facilitator (after the participant changed it once more).

const (
	oudersText   = "Wij willen eerder aan tafel.\nEn horen wie er beslist."
	gemeenteSent = "De gemeente betaalt."
	gemeenteLast = "De gemeente betaalt de helft."
	gemeenteTook = "De gemeente betaalt de helft, vanaf 2027."
)

// meeting writes the conversation at 1.1 into dir.
func meeting(t *testing.T, set *content.Set, dir string) string {
	t.Helper()
	s := sessions.New(set.ID, set.Version)
	s.Title, s.Date = "Oplossingenlab 2026", "2026-11-22"
	s.Participants = []sessions.Participant{{Name: "Piet", Organisation: "Gemeente Tilburg"}, {Name: "Mo", Organisation: "Ouders"}}
	s.Current = "bestuur.agenda"
	path, err := store.Create(dir, s.Date, s.Title)
	if err != nil {
		t.Fatal(err)
	}
	if err := store.WriteFile(path, report.Render(set, s)); err != nil {
		t.Fatal(err)
	}
	return path
}

// phones join the room: Ouders and the gemeente.
func phones(t *testing.T, room *participants.Room) (ouders, gemeente *phonetest.Phone) {
	ouders, gemeente = phonetest.Join(t, room.URL()), phonetest.Join(t, room.URL())
	ouders.Choose("Ouders")
	gemeente.Choose("Gemeente Tilburg")
	ouders.WaitStop("1.1")
	return ouders, gemeente
}

func fullScreenContributions(t *testing.T, set *content.Set) []byte {
	dir := t.TempDir()
	start, rooms := phonetest.Loopback(t)
	cfg := tui.Config{Set: set, Dir: dir, Open: meeting(t, set, dir), Theme: tui.ThemeDark, Dark: true, Now: now,
		Participants: start, ParticipantsAtOnce: true}
	app := tui.New(cfg)
	tm := teatest.NewTestModel(t, app, teatest.WithInitialTermSize(120, 40))
	room := phonetest.Room(t, rooms)
	waitScreen(t, tm, room.JoinCode())
	tm.Send(key(tea.KeyEsc))
	ouders, gemeente := phones(t, room)

	ouders.Send(oudersText)
	waitScreen(t, tm, "✉ 1 wacht")
	tm.Send(key(tea.KeyF7))
	waitScreen(t, tm, "Ouders · bij 1.1")
	tm.Send(key(tea.KeyEnter))
	waitScreen(t, tm, "Overgenomen als perspectief van Ouders")

	gemeente.Send(gemeenteSent)
	waitScreen(t, tm, "Gemeente Tilburg · bij 1.1")
	gemeente.Edit(gemeente.Mine()[0], gemeenteLast)
	tm.Send(runes("e"))
	waitScreen(t, tm, gemeenteLast)
	tm.Send(key(tea.KeyCtrlU))
	typeText(tm, gemeenteTook)
	tm.Send(key(tea.KeyEsc))
	waitScreen(t, tm, "Overgenomen als perspectief van Gemeente Tilburg")

	tm.Send(key(tea.KeyCtrlC))
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	if err := app.Close(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(app.ReportPath())
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// lineSession is the accessible mode on a pipe, answered as it asks.
type lineSession struct {
	t    *testing.T
	in   *io.PipeWriter
	mu   sync.Mutex
	out  strings.Builder
	seen int
}

func (s *lineSession) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.out.Write(p)
}

func (s *lineSession) wait(want string) {
	s.t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		s.mu.Lock()
		got := s.out.String()[s.seen:]
		if i := strings.Index(got, want); i >= 0 {
			s.seen += i + len(want)
			s.mu.Unlock()
			return
		}
		s.mu.Unlock()
		if time.Now().After(deadline) {
			s.t.Fatalf("the line mode never said %q; it said:\n%s", want, got)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func (s *lineSession) typeLine(l string) { io.WriteString(s.in, l+"\n") }

func accessibleContributions(t *testing.T, set *content.Set) []byte {
	dir := t.TempDir()
	start, rooms := phonetest.Loopback(t)
	cfg := accessible.Config{Set: set, Dir: dir, Open: meeting(t, set, dir), Now: now, Participants: start, ParticipantsAtOnce: true}
	r, w := io.Pipe()
	s := &lineSession{t: t, in: w}
	type result struct {
		path string
		err  error
	}
	done := make(chan result, 1)
	go func() {
		path, err := accessible.Run(cfg, r, s)
		done <- result{path, err}
	}()
	room := phonetest.Room(t, rooms)
	s.wait("Vraag 1.1")
	ouders, gemeente := phones(t, room)

	ouders.Send(oudersText)
	s.typeLine("w")
	s.wait("1 Ouders, bij vraag 1.1")
	s.typeLine("1")
	s.wait("Overgenomen als perspectief van Ouders")

	gemeente.Send(gemeenteSent)
	s.typeLine("") // back from the list, then to it again
	s.typeLine("w")
	s.wait("1 Gemeente Tilburg, bij vraag 1.1")
	gemeente.Edit(gemeente.Mine()[0], gemeenteLast)
	s.typeLine("w1")
	s.wait("  " + gemeenteLast)
	s.typeLine(gemeenteTook)
	s.typeLine("")
	s.wait("Overgenomen als perspectief van Gemeente Tilburg")
	w.Close()
	res := <-done
	if res.err != nil {
		t.Fatal(res.err)
	}
	data, err := os.ReadFile(res.path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestTheSameContributionsTakenOverInBothFrontEndsWriteTheSameReport(t *testing.T) {
	set := content.Default()
	line := accessibleContributions(t, set)
	for _, want := range []string{"**Perspectief van Ouders:**", "> Wij willen eerder aan tafel.", "**Perspectief van Gemeente Tilburg:**", "> " + gemeenteTook} {
		if !strings.Contains(string(line), want) {
			t.Errorf("the accessible report lacks %q:\n%s", want, line)
		}
	}
	if strings.Contains(string(line), "Bijdragen van deelnemers") {
		t.Errorf("a contribution was left waiting:\n%s", line)
	}
	full := fullScreenContributions(t, set)
	if string(full) != string(line) {
		t.Errorf("the reports differ (--- full screen, +++ accessible mode):\n%s", unified(string(full), string(line)))
	}
}
