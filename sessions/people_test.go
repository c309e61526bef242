package sessions

import (
	"errors"
	"slices"
	"testing"
)

func TestRenamingAnOrganisationMovesItsPerspectiveAtATopic(t *testing.T) {
	c := newConv(t)
	b := at(t, c, "3.1b")
	c.SetPerspective(b, "SWV Hart van Brabant", "Het SWV beoordeelt samen met het CIZ.")
	c.AddAction(b, ActionItem{What: "Afspraak maken", Who: "SWV Hart van Brabant"})
	r, err := c.UpdateParticipant(1, Participant{Name: "Bram", Organisation: "Samenwerkingsverband Hart van Brabant", PartnerKind: "swv"})
	if err != nil {
		t.Fatal(err)
	}
	if r.Perspectives != 1 || r.Actions != 1 {
		t.Errorf("renamed %+v", r)
	}
	if got := orgsOf(c.Perspectives(b)); !slices.Equal(got, []string{"Samenwerkingsverband Hart van Brabant: Het SWV beoordeelt samen met het CIZ."}) {
		t.Errorf("at 3.1b: %v", got)
	}
	if c.Actions[0].Who != "Samenwerkingsverband Hart van Brabant" {
		t.Errorf("action item who %q", c.Actions[0].Who)
	}
	want := "1 perspectief en 1 actiepunt van SWV Hart van Brabant staan nu op naam van Samenwerkingsverband Hart van Brabant."
	if r.Message() != want {
		t.Errorf("message %q", r.Message())
	}
}

func TestAnOrganisationStillAtTheTableKeepsItsPerspectives(t *testing.T) {
	c := newConv(t)
	st := at(t, c, "1.1")
	c.SetPerspective(st, "Gemeente Tilburg", "Ja.")
	// Anna moves to another organisation; Cor is still there for the gemeente.
	r, _ := c.UpdateParticipant(0, Participant{Name: "Anna", Organisation: "Zorgkantoor", PartnerKind: "zorgkantoor"})
	if r.Perspectives != 0 || r.Message() != "" {
		t.Errorf("moved %+v", r)
	}
	if _, ok := c.Perspective(st, "Gemeente Tilburg"); !ok {
		t.Error("the gemeente lost its perspective")
	}
}

func TestRenamingIntoAnOrganisationThatAlreadySpokeJoinsTheTexts(t *testing.T) {
	c := newConv(t)
	st := at(t, c, "1.1")
	c.SetPerspective(st, "SWV Hart van Brabant", "Eerste.")
	c.Participants = append(c.Participants, Participant{Name: "Dirk", Organisation: "SWV HvB"})
	c.SetPerspective(st, "SWV HvB", "Tweede.")
	c.UpdateParticipant(3, Participant{Name: "Dirk", Organisation: "SWV Hart van Brabant"})
	if got := orgsOf(c.Perspectives(st)); !slices.Equal(got, []string{"SWV Hart van Brabant: Eerste.\n\nTweede."}) {
		t.Errorf("after the rename: %v", got)
	}
}

func TestParticipantsAndDetailsAreChecked(t *testing.T) {
	c := newConv(t)
	if _, err := c.AddParticipant(Participant{Function: "wethouder"}); !errors.Is(err, ErrParticipant) {
		t.Errorf("a participant without name and organisation: %v", err)
	}
	i, err := c.AddParticipant(Participant{Name: " Eva ", Organisation: "Ouderraad"})
	if err != nil || c.Participants[i].Name != "Eva" || c.Participants[i].PartnerKind != OtherPartnerKind {
		t.Errorf("added %+v, %v", c.Participants[i], err)
	}
	if !c.RemoveParticipant(i) || len(c.Participants) != 3 {
		t.Error("removing")
	}
	for d, ok := range map[string]bool{"2026-11-22": true, "2026-02-30": false, "22-11-2026": false, "": false} {
		if err := ValidateDate(d); (err == nil) != ok {
			t.Errorf("ValidateDate(%q) = %v", d, err)
		}
	}
	changed, err := c.SetDetails(Details{Title: "Lab 2", Region: "Tilburg", Date: "2026-13-01", Facilitator: "Fien"})
	var de *DateError
	if !changed || !errors.As(err, &de) || de.Date != "2026-13-01" {
		t.Errorf("SetDetails with a wrong date: %v, %v", changed, err)
	}
	if d := c.Details(); d != (Details{Title: "Lab 2", Region: "Tilburg", Date: "2026-11-22", Facilitator: "Fien"}) {
		t.Errorf("details %+v", d)
	}
	if _, err := c.SetDetails(Details{Date: "2026-12-01"}); !errors.Is(err, ErrTitle) || c.Title != "Lab 2" || c.Date != "2026-12-01" {
		t.Errorf("an empty title: %v, title %q date %q", err, c.Title, c.Date)
	}
}
