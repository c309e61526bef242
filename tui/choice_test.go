package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"gespreksmap/sessions/report"
)

// atChoiceQuestion opens 5.2, the choice with a follow-up per choice.
func atChoiceQuestion(t *testing.T, w, h int) *App {
	t.Helper()
	return stopAt(t, w, h, "5.2")
}

func TestChangingTheChoiceAfterTypingKeepsTheTextAndSaysItNowStandsUnderTheOtherQuestion(t *testing.T) {
	for _, w := range []int{120, 80, minWidth} {
		app := atChoiceQuestion(t, w, 30)
		send(app, keyOf(tea.KeyRight)) // Ja
		send(app, keyOf(tea.KeyTab))
		for _, r := range "Pilot met twee scholen." {
			send(app, runes(string(r)))
		}
		send(app, keyOf(tea.KeyShiftTab))
		send(app, keyOf(tea.KeyRight)) // Nee

		screen := ansi.Strip(app.View())
		// The flash takes the footer's place and wraps rather than losing
		// its end.
		flat := squash(screen)
		if !strings.Contains(flat, squash("Je tekst is gebleven")) || !strings.Contains(flat, squash("kijk of hij daar past.")) {
			t.Errorf("at width %d the footer should say whole where the text went:\n%s", w, screen)
		}
		if w >= 120 && !strings.Contains(flat, squash("Wat zouden we op het gebied van collectieve financiering willen?”")) {
			t.Errorf("a wide window names the question the text now stands under:\n%s", screen)
		}
		if !strings.Contains(screen, "│ Pilot met twee scholen.") {
			t.Errorf("the typed text is gone from the editor:\n%s", screen)
		}
		if !strings.Contains(screen, "(getypt bij Ja") {
			t.Errorf("the text's label should say it was typed at Ja:\n%s", screen)
		}

		// The note stays while the text is not looked at again, not only
		// for one key.
		send(app, keyOf(tea.KeyTab))
		if screen := ansi.Strip(app.View()); !strings.Contains(screen, "(getypt bij Ja") {
			t.Errorf("the note went with the next key:\n%s", screen)
		}
		app.pane.Flush()
		if a := app.c.conv.Answers["financiering.collectief"]; a == nil || a.Choice != "nee" || a.Text != "Pilot met twee scholen." {
			t.Errorf("answer: %+v", a)
		}
		out := string(report.Render(app.c.Set, app.c.conv.Session))
		if !strings.Contains(out, "> Pilot met twee scholen.") {
			t.Errorf("the report lost the text:\n%s", out)
		}
	}
}

func TestChoosingBackWhereTheTextWasTypedSaysSoAndDropsTheNote(t *testing.T) {
	app := atChoiceQuestion(t, 100, 30)
	send(app, keyOf(tea.KeyRight)) // Ja
	send(app, keyOf(tea.KeyTab))
	send(app, runes("Loopt."))
	send(app, keyOf(tea.KeyShiftTab))
	send(app, keyOf(tea.KeyRight)) // Nee
	send(app, keyOf(tea.KeyLeft))  // Ja again
	screen := ansi.Strip(app.View())
	if !strings.Contains(screen, "Je tekst staat weer onder de vraag waarbij hij getypt is.") {
		t.Errorf("no word that the text is back:\n%s", screen)
	}
	if strings.Contains(screen, "(getypt bij") {
		t.Errorf("the note stayed:\n%s", screen)
	}
}

func TestChangingTheChoiceBeforeTypingSaysNothing(t *testing.T) {
	app := atChoiceQuestion(t, 100, 30)
	send(app, keyOf(tea.KeyRight))
	send(app, keyOf(tea.KeyRight))
	if app.foot.Flashing() != "" {
		t.Errorf("flash %q with nothing typed", app.foot.Flashing())
	}
}
