package question

import (
	"strings"
	"testing"
	"time"
)

func TestAt200x50TheSidePanelShowsTheContributionsWaitingAtTheStopWithOrganisationAndTime(t *testing.T) {
	f := newFixture(t, 200, 50).at("3.1b")
	at := time.Date(2026, 11, 22, 14, 3, 0, 0, time.UTC)
	f.s.SetWaiting([]Waiting{
		{Organisation: "Ouders", At: at, Text: "Wij willen eerder horen wanneer er een beoordeling komt.\nEn wie erbij is."},
		{Organisation: "Zorgaanbieder Zon", At: at.Add(time.Minute), Text: "Wij kunnen \x1b[31mmeedenken\x1b[0m."},
	})
	side := sidePanel(f.view())
	for _, want := range []string{"Van deelnemers bij 3.1b", "Ouders · 14:03", "Wij willen eerder horen wanneer er een beoordeling komt.", "En wie erbij is.", "Zorgaanbieder Zon · 14:04", "Wij kunnen meedenken."} {
		if !strings.Contains(side, want) {
			t.Errorf("the side panel does not show %q:\n%s", want, side)
		}
	}
	if strings.Contains(f.s.View(), "\x1b[31m") {
		t.Error("an escape sequence a participant sent reaches the screen")
	}

	// Taken over: the root hands the screen none, and the perspective shows
	// after Refresh.
	f.conv.AppendPerspective(f.conv.Stop(f.conv.StopByNumber("3.1b")), "Ouders", "Wij willen eerder horen wanneer er een beoordeling komt.")
	f.s.SetWaiting(nil)
	f.s.Refresh()
	side = sidePanel(f.view())
	if strings.Contains(side, "Van deelnemers") {
		t.Errorf("with nothing waiting the block is gone:\n%s", side)
	}
	if !strings.Contains(side, "Ouders") || !strings.Contains(side, "Wij willen eerder horen") {
		t.Errorf("the perspective taken over is not in the side panel after Refresh:\n%s", side)
	}
}

func TestRefreshShowsAPerspectiveOpenInItsPanelWithWhatWasAddedBesideTheScreen(t *testing.T) {
	f := newFixture(t, 120, 40).at("1.1")
	f.send(ctrlO)
	f.typeText("Eerst dit.")
	f.s.Flush()
	st := f.conv.Stop(f.conv.StopByNumber("1.1"))
	org := f.conv.Perspectives(st)[0].Organisation
	f.conv.AppendPerspective(st, org, "En dan dit, van de telefoon.")
	f.s.Refresh()
	if v := f.view(); !strings.Contains(v, "Eerst dit.") || !strings.Contains(v, "En dan dit, van de telefoon.") {
		t.Fatalf("the open perspective does not show the added paragraph:\n%s", v)
	}
	f.typeText(" Nog iets.")
	f.send(esc)
	got, _ := f.conv.Perspective(st, org)
	if !strings.Contains(got, "Eerst dit.") || !strings.Contains(got, "En dan dit, van de telefoon.") || !strings.Contains(got, "Nog iets.") {
		t.Fatalf("typing on after the addition lost words: %q", got)
	}
}
