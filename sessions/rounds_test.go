package sessions

import (
	"slices"
	"testing"
	"time"
)

func TestAnOpenWritingRoundIsInTheConversationsSnapshotAndGoesOnWhenItIsReopened(t *testing.T) {
	c := newConv(t) // at the table: Gemeente Tilburg, SWV Hart van Brabant
	c.Participants = append(c.Participants, Participant{Name: "Dana", Organisation: "Ouderraad"})
	st := at(t, c, "3.1b")
	opened := sentAt.Add(10 * time.Minute)
	if c.Clone().Round != nil {
		t.Fatal("a snapshot without a round holds one")
	}
	rev := c.Revision()
	c.OpenRound(st, opened)
	in := opened.Add(time.Minute)
	c.Receive(sent("swv", "SWV Hart van Brabant", st, "Het SWV schrijft.", in))
	c.Receive(sent("gem", "Gemeente Tilburg", st, "De gemeente schrijft.", in))
	c.Receive(sent("gast", "Jeugdarts", st, "Niet aan tafel.", in))
	c.AcceptContribution("gem", "")
	if c.Revision() != rev+5 {
		t.Errorf("opening, three arrivals and a taking over: %d changes, want 5", c.Revision()-rev)
	}
	snap := c.Clone()
	want := RoundRecord{Round: Round{QuestionID: "organiseren.afspraken", Part: "beoordeling", Opened: opened}, Sent: []string{"Gemeente Tilburg", "SWV Hart van Brabant"}}
	if snap.Round == nil || snap.Round.Round != want.Round || !slices.Equal(snap.Round.Sent, want.Sent) {
		t.Fatalf("the snapshot's round: %+v, want %+v", snap.Round, want)
	}
	if c.Session.Round != nil {
		t.Error("the live session holds a copy of the round that would go stale")
	}

	// Reopened (after a crash): the same round, the same progress; the
	// one taken over before stands with its perspective, unrevealed
	// nothing is shown yet.
	back := NewConversation(c.Set, snap)
	if snap.Round != nil {
		t.Error("the session read still holds the round the conversation took over")
	}
	r, ok := back.CurrentRound()
	if !ok || r != want.Round {
		t.Fatalf("reopened round %+v (open %v)", r, ok)
	}
	if s, total := back.RoundProgress(); s != 2 || total != 3 {
		t.Errorf("reopened: %d of %d sent, want 2 of 3", s, total)
	}
	acc := back.RoundAccepted()
	if len(acc) != 1 || acc[0].Organisation != "Gemeente Tilburg" || acc[0].Text != "De gemeente schrijft." {
		t.Errorf("taken over before the reopening: %+v", acc)
	}
	if got := ids(back.RoundContributions()); !slices.Equal(got, []string{"swv", "gast"}) {
		t.Errorf("round contributions after reopening: %v", got)
	}
	// It goes on: the parents send, the round is revealed and closed, each
	// a change to the report.
	rev = back.Revision()
	back.Receive(sent("ouders", "Ouderraad", st, "De ouders schrijven.", in.Add(time.Minute)))
	if s, _ := back.RoundProgress(); s != 3 {
		t.Errorf("after the parents sent: %d", s)
	}
	if !back.RevealRound() || !back.Clone().Round.Revealed {
		t.Error("revealing is not in the snapshot")
	}
	if !back.CloseRound() || back.Clone().Round != nil {
		t.Error("a closed round is still in the snapshot")
	}
	if back.Revision() != rev+3 {
		t.Errorf("an arrival, revealing and closing: %d changes, want 3", back.Revision()-rev)
	}

	// A round at a place the set does not have is not taken over.
	lost := c.Clone()
	lost.Round.QuestionID = "weg.vraag"
	if _, ok := NewConversation(c.Set, lost).CurrentRound(); ok {
		t.Error("a round at an unknown question was taken over")
	}
	// A read-only report shows the round but neither reveals nor closes it.
	ro := NewConversation(c.Set, c.Clone())
	ro.SetReadOnly(true)
	if _, ok := ro.CurrentRound(); !ok || ro.RevealRound() || ro.CloseRound() || ro.Revision() != 0 {
		t.Error("a read-only report changed its round")
	}
}

func TestARoundHoldsTheSameContributionsLiveAndReopened(t *testing.T) {
	c := newConv(t)
	st := at(t, c, "3.1b")
	opened := time.Date(2026, 11, 22, 14, 5, 30, 0, time.UTC)
	// Sent in the minute the round opens, seconds before: the report keeps
	// minutes, so it is part of the round live as after reopening.
	c.Receive(sent("vlak", "SWV Hart van Brabant", st, "Net op tijd.", opened.Add(-20*time.Second)))
	c.OpenRound(st, opened)
	live, _ := c.RoundProgress()
	again := NewConversation(c.Set, c.Clone())
	reopened, _ := again.RoundProgress()
	if live != 1 || reopened != live {
		t.Errorf("live %d sent, reopened %d", live, reopened)
	}
}

func TestRenamingAnOrganisationDuringARoundKeepsWhatItSent(t *testing.T) {
	c := newConv(t)
	st := at(t, c, "3.1b")
	opened := time.Date(2026, 11, 22, 14, 5, 0, 0, time.UTC)
	c.OpenRound(st, opened)
	c.Receive(sent("swv", "SWV Hart van Brabant", st, "Het SWV.", opened.Add(time.Minute)))
	if !c.AcceptContribution("swv", "") {
		t.Fatal("accepting refused")
	}
	i := slices.IndexFunc(c.Participants, func(p Participant) bool { return p.Organisation == "SWV Hart van Brabant" })
	p := c.Participants[i]
	p.Organisation = "SWV Midden-Brabant"
	if _, err := c.UpdateParticipant(i, p); err != nil {
		t.Fatal(err)
	}
	if sent, _ := c.RoundProgress(); sent != 1 {
		t.Errorf("after renaming: %d sent, want 1", sent)
	}
}
