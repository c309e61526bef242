package tui

import (
	"os"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/sessions/store"
	"gespreksmap/tui/common"
	"gespreksmap/tui/phonetest"
	"gespreksmap/tui/presenter"
)

// reportHolds waits until the report on disk holds every text of want,
// and returns it.
func reportHolds(t *testing.T, path string, want ...string) string {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	var doc string
	for time.Now().Before(deadline) {
		data, err := os.ReadFile(path)
		doc = string(data)
		ok := err == nil
		for _, w := range want {
			ok = ok && strings.Contains(doc, w)
		}
		if ok {
			return doc
		}
		time.Sleep(10 * time.Millisecond) // polling the file, not waiting a fixed time
	}
	t.Fatalf("the report on disk never held %q:\n%s", want, doc)
	return ""
}

func TestAWritingRoundOpenedInTheFullScreenShowsOnThePresenterInASecondTerminal(t *testing.T) {
	cfg, path, rooms := meetingWithPhones(t, tableOrgs...)
	app := New(cfg)
	tm := teatest.NewTestModel(t, app, teatest.WithInitialTermSize(200, 50))
	waitScreen(t, tm, "1.1 (1/42)")

	// The second terminal: the presenter following the same report.
	set := content.Default()
	pick := store.Pick(set, content.Embedded()...)
	_, s, err := store.LoadNamed(path, pick)
	if err != nil {
		t.Fatal(err)
	}
	cc := &common.Common{Set: set, St: common.DefaultStyles(common.ThemeDark, true), Keys: common.DefaultKeyMap(),
		Width: 120, Height: 40, MD: common.NewMDCache(true), Dark: true, Now: time.Now}
	follower := presenter.NewFollower(cc, path, pick, sessions.NewConversation(set, s))
	pm := teatest.NewTestModel(t, follower, teatest.WithInitialTermSize(120, 40))
	waitScreen(t, pm, "1.1")

	tm.Send(keyOf(tea.KeyF6))
	room := phonetest.Room(t, rooms)
	waitScreen(t, tm, room.JoinCode())
	tm.Send(keyOf(tea.KeyEsc))
	tm.Send(keyOf(tea.KeyF8))
	waitScreen(t, tm, "Schrijfronde bij 1.1", "0 van 6 organisaties hebben ingestuurd")
	reportHolds(t, path, "## Schrijfronde\n<!-- gm:round -->", "- **Getoond:** nee")
	waitScreen(t, pm, "0 van 6 organisaties hebben ingestuurd")

	ouders := phonetest.Join(t, room.URL())
	ouders.Choose("Ouders")
	ouders.WaitStop("1.1")
	ouders.Send("Ouders: meepraten.")
	waitScreen(t, tm, "1 van 6 organisaties hebben ingestuurd")
	doc := reportHolds(t, path, "- **Ingestuurd:**\n  - Ouders\n")
	if !strings.Contains(doc, "- **Bij vraag:** 1.1 <!-- gm:ref bestuur.agenda -->") {
		t.Errorf("the round's stop is not in the report:\n%s", doc)
	}
	projector := screenUntil(t, pm, "1 van 6 organisaties hebben ingestuurd")
	if strings.Contains(projector, "meepraten") {
		t.Errorf("the presenter showed a text before the round was revealed:\n%s", projector)
	}

	// Revealed in the full screen, the second terminal shows the text.
	tm.Send(runes("v"))
	waitScreen(t, tm, "Ouders: meepraten.")
	reportHolds(t, path, "- **Getoond:** ja")
	waitScreen(t, pm, "Ouders: meepraten.")

	// Closed, the block leaves the report.
	tm.Send(runes("x"))
	waitScreen(t, tm, "De schrijfronde is gesloten.")
	deadline := time.Now().Add(10 * time.Second)
	for {
		data, err := os.ReadFile(path)
		if err == nil && !strings.Contains(string(data), "gm:round") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the closed round stays in the report:\n%s", data)
		}
		time.Sleep(10 * time.Millisecond)
	}
	pm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("q")})
	pm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	finish(t, tm, app)
}
