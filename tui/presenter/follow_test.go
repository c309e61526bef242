package presenter

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/sessions/report"
	"gespreksmap/sessions/store"
)

// writeReport writes conv's report to path, with a modification time
// later than any before it (a file system may keep whole seconds only).
func writeReport(t *testing.T, path string, conv *sessions.Conversation, at time.Time) {
	t.Helper()
	// As the program saves: a snapshot, with the writing round open now.
	if err := os.WriteFile(path, report.Render(conv.Set, conv.Clone()), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(path, at, at); err != nil {
		t.Fatal(err)
	}
}

// loaded runs the commands Update returned until one of them brings the
// re-read report; the once-a-second look is left to run out on its own.
func loaded(t *testing.T, cmd tea.Cmd) loadedMsg {
	t.Helper()
	if cmd == nil {
		t.Fatal("no command: the report is not read again")
	}
	got := make(chan loadedMsg, 8)
	var run func(tea.Cmd)
	run = func(c tea.Cmd) {
		switch msg := c().(type) {
		case tea.BatchMsg:
			for _, c := range msg {
				if c != nil {
					go run(c)
				}
			}
		case loadedMsg:
			got <- msg
		}
	}
	go run(cmd)
	select {
	case m := <-got:
		return m
	case <-time.After(5 * time.Second):
		t.Fatal("the report was not read again")
	}
	return loadedMsg{}
}

func TestTheFollowerMovesWithTheReportOnDiskAndKeepsTheLastGoodViewWhileItIsBroken(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gesprek.md")
	conv := conversationAt(t, "1.1", "Ja, in het OOGO van mei.")
	start := time.Now().Add(-time.Hour)
	writeReport(t, path, conv, start)

	set := content.Default()
	pick := store.Pick(set, content.Embedded()...)
	_, s, err := store.LoadNamed(path, pick)
	if err != nil {
		t.Fatal(err)
	}
	c := newCommon(120, 40)
	f := NewFollower(c, path, pick, sessions.NewConversation(set, s))
	f.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	if screen := oneLine(f.View()); !strings.Contains(screen, "1.1") || !strings.Contains(screen, "Ja, in het OOGO van mei.") {
		t.Fatalf("the follower starts at the report's stop, 1.1:\n%s", screen)
	}
	if f.Init() == nil {
		t.Fatal("the follower starts looking at the report")
	}

	// Nothing changed: a look reads nothing.
	if _, cmd := f.Update(look(path)); f.reading || cmd == nil {
		t.Fatalf("an unchanged report is not read again, and the looking goes on (reading %v, cmd %v)", f.reading, cmd)
	}

	// The facilitator moves on to 3.1b and answers there.
	moved := conversationAt(t, "3.1b", "De jeugdarts beoordeelt samen met ouders.")
	moved.Title = conv.Title
	writeReport(t, path, moved, start.Add(time.Minute))
	_, cmd := f.Update(look(path))
	if !f.reading {
		t.Fatal("a changed report is read again")
	}
	// A second look while the read is under way starts no second read.
	if _, again := f.Update(look(path)); again == nil {
		t.Fatal("the looking goes on while a read is under way")
	}
	m := loaded(t, cmd)
	if m.err != nil {
		t.Fatal(m.err)
	}
	f.Update(m)
	screen := oneLine(f.View())
	for _, want := range []string{"3.1b", "Hoe komt de beoordeling", "De jeugdarts beoordeelt samen met ouders.", "Status: deels"} {
		if !strings.Contains(screen, want) {
			t.Errorf("after the report moved to 3.1b the follower shows %q:\n%s", want, screen)
		}
	}
	if strings.Contains(screen, "Ja, in het OOGO van mei.") {
		t.Errorf("the old stop is gone:\n%s", screen)
	}

	// Someone edits the report by hand and saves it half done: the last
	// good view stays, and nothing alarming is said.
	good := f.View()
	half, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, half[:len(half)/2], 0o600); err != nil {
		t.Fatal(err)
	}
	os.Chtimes(path, start.Add(2*time.Minute), start.Add(2*time.Minute))
	_, cmd = f.Update(look(path))
	m = loaded(t, cmd)
	if m.err == nil {
		t.Fatal("half a report should not parse; the test would mean nothing")
	}
	f.Update(m)
	if f.View() != good {
		t.Errorf("a report that does not parse keeps the last good view; it shows:\n%s", f.View())
	}
	if _, cmd := f.Update(look(path)); f.reading {
		t.Errorf("a broken report is not read again every second until it changes (cmd %v)", cmd)
	}

	// The edit is finished: the answer changed.
	st := moved.Stop(moved.Resume())
	moved.SetText(st, "De jeugdarts en de intern begeleider beoordelen samen.")
	writeReport(t, path, moved, start.Add(3*time.Minute))
	_, cmd = f.Update(look(path))
	f.Update(loaded(t, cmd))
	if screen := oneLine(f.View()); !strings.Contains(screen, "De jeugdarts en de intern begeleider beoordelen samen.") {
		t.Errorf("the changed answer shows once the report parses again:\n%s", screen)
	}

	// A report that is away for a moment (being replaced) changes nothing.
	shown := f.View()
	f.Update(polledMsg{err: os.ErrNotExist})
	if f.reading || f.View() != shown {
		t.Error("a report away for a moment keeps the view")
	}
}

func TestTheFollowerEndsOnQEscAndCtrlCAndIgnoresOtherKeys(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gesprek.md")
	conv := conversationAt(t, "1.1", "Ja.")
	writeReport(t, path, conv, time.Now())
	for _, k := range []tea.KeyMsg{
		{Type: tea.KeyRunes, Runes: []rune("q")},
		{Type: tea.KeyEsc},
		{Type: tea.KeyCtrlC},
	} {
		f := NewFollower(newCommon(80, 24), path, store.Pick(content.Default()), conv)
		_, cmd := f.Update(k)
		if cmd == nil {
			t.Fatalf("%s does not end the presenter", k)
		}
		if _, ok := cmd().(tea.QuitMsg); !ok {
			t.Errorf("%s does not end the presenter", k)
		}
		if f.Interrupted() != (k.Type == tea.KeyCtrlC) {
			t.Errorf("%s: interrupted is %v", k, f.Interrupted())
		}
	}
	f := NewFollower(newCommon(80, 24), path, store.Pick(content.Default()), conv)
	for _, k := range []string{"a", "x", " ", "n"} {
		if _, cmd := f.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}); cmd != nil {
			t.Errorf("%q is not a key of the presenter, but started something", k)
		}
	}
	if conv.SetText(conv.Stop(conv.Resume()), "Veranderd") {
		t.Error("the conversation the presenter shows is read-only")
	}
}

// followAfterWrite writes conv's report to path and lets the follower read
// it, as it does once a second after a save.
func followAfterWrite(t *testing.T, f *Follower, path string, conv *sessions.Conversation, at time.Time) {
	t.Helper()
	writeReport(t, path, conv, at)
	_, cmd := f.Update(look(path))
	m := loaded(t, cmd)
	if m.err != nil {
		t.Fatal(m.err)
	}
	f.Update(m)
}

func TestTheFollowerShowsAWritingRoundFromTheReportHowManySentThenTheTextsOnceRevealed(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gesprek.md")
	conv, orgs := roundAt(t) // six at the table, the first four sent at 3.1b
	st := conv.Stop(conv.StopByNumber("3.1b"))
	// One of them was taken over already, and edited when it was.
	if !conv.AcceptContribution("kb", "Overgenomen: de gemeente ziet het zo.") {
		t.Fatal("taking over refused")
	}
	start := time.Now().Add(-time.Hour)
	plain := conversationAt(t, "3.1b", "")
	plain.Title = conv.Title
	writeReport(t, path, plain, start)

	set := content.Default()
	pick := store.Pick(set, content.Embedded()...)
	_, s, err := store.LoadNamed(path, pick)
	if err != nil {
		t.Fatal(err)
	}
	f := NewFollower(newCommon(200, 50), path, pick, sessions.NewConversation(set, s))
	f.Update(tea.WindowSizeMsg{Width: 200, Height: 50})
	if screen := oneLine(f.View()); strings.Contains(screen, "ingestuurd") || !strings.Contains(screen, "3.1b") {
		t.Fatalf("without a round the follower shows the stop as before:\n%s", screen)
	}

	// The facilitator opened a round: the report on disk holds it.
	followAfterWrite(t, f, path, conv, start.Add(time.Minute))
	screen := oneLine(f.View())
	if !strings.Contains(screen, "4 van 6 organisaties hebben ingestuurd") {
		t.Errorf("the follower does not show the round's progress:\n%s", screen)
	}
	if strings.Contains(screen, "Geheim") || strings.Contains(screen, "Overgenomen:") {
		t.Errorf("the follower shows a text before the round is revealed:\n%s", screen)
	}

	// Revealed: the texts side by side, the one taken over as its
	// organisation's perspective at the stop.
	conv.RevealRound()
	followAfterWrite(t, f, path, conv, start.Add(2*time.Minute))
	wide := ansi.Strip(f.View())
	screen = oneLine(wide)
	for _, want := range []string{"Geheim 1: zo zien wij het.", "Overgenomen: de gemeente ziet het zo.", "Geheim 3: zo zien wij het.", "Geheim 4: zo zien wij het."} {
		if !strings.Contains(screen, want) {
			t.Errorf("revealed, the follower lacks %q:\n%s", want, wide)
		}
	}
	sideBySide := false
	for _, l := range strings.Split(wide, "\n") {
		sideBySide = sideBySide || strings.Contains(l, orgs[0]) && strings.Contains(l, orgs[3])
	}
	if !sideBySide {
		t.Errorf("the texts do not stand side by side:\n%s", wide)
	}
	if text, _ := conv.Perspective(st, orgs[1]); text != "Overgenomen: de gemeente ziet het zo." {
		t.Fatalf("the perspective taken over: %q", text)
	}

	// Closed: the stop as before, with the perspective taken over.
	conv.CloseRound()
	followAfterWrite(t, f, path, conv, start.Add(3*time.Minute))
	screen = oneLine(f.View())
	if strings.Contains(screen, "ingestuurd") || strings.Contains(screen, "Geheim") {
		t.Errorf("after the round closed the follower still shows it:\n%s", screen)
	}
	if !strings.Contains(screen, "Vanuit "+orgs[1]) {
		t.Errorf("the perspective taken over is not shown at the stop:\n%s", screen)
	}
}
