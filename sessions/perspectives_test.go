package sessions

import (
	"slices"
	"testing"
)

func orgsOf(ps []Perspective) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Organisation+": "+p.Text)
	}
	return out
}

func TestAPerspectiveGivenAtTopic31bIsShownThereAndNotAt31a(t *testing.T) {
	c := newConv(t)
	a, b := at(t, c, "3.1a"), at(t, c, "3.1b")
	if !c.SetPerspective(b, "Gemeente Tilburg", "De gemeente wil meebeslissen.") {
		t.Fatal("giving a perspective is no change")
	}
	if got := orgsOf(c.Perspectives(b)); !slices.Equal(got, []string{"Gemeente Tilburg: De gemeente wil meebeslissen."}) {
		t.Errorf("at 3.1b: %v", got)
	}
	if got := c.Perspectives(a); len(got) != 0 {
		t.Errorf("3.1a shows the perspective given at 3.1b: %v", orgsOf(got))
	}
	if p := c.Answers["organiseren.afspraken"].Perspectives[0]; p.Part != "beoordeling" {
		t.Errorf("recorded at part %q, want beoordeling", p.Part)
	}
	// The same organisation at 3.1a is another perspective.
	c.SetPerspective(a, "Gemeente Tilburg", "Gebruikelijke zorg is helder.")
	if len(c.Perspectives(a)) != 1 || len(c.Perspectives(b)) != 1 {
		t.Errorf("one each: %v / %v", orgsOf(c.Perspectives(a)), orgsOf(c.Perspectives(b)))
	}
	// Setting replaces, appending adds a paragraph, empty removes.
	c.SetPerspective(b, "Gemeente Tilburg", "Meebeslissen.")
	c.AppendPerspective(b, "Gemeente Tilburg", "En meebetalen.")
	if text, _ := c.Perspective(b, "Gemeente Tilburg"); text != "Meebeslissen.\n\nEn meebetalen." {
		t.Errorf("text at 3.1b: %q", text)
	}
	if c.SetPerspective(b, "Gemeente Tilburg", "Meebeslissen.\n\nEn meebetalen.") {
		t.Error("the same text again is a change")
	}
	c.SetPerspective(b, "Gemeente Tilburg", "  ")
	if _, ok := c.Perspective(b, "Gemeente Tilburg"); ok {
		t.Error("an emptied perspective is kept")
	}
	if _, ok := c.Perspective(a, "Gemeente Tilburg"); !ok {
		t.Error("removing at 3.1b removed the one at 3.1a")
	}
}

func TestPerspectivesWithoutAPartAreShownAtTheQuestionsFirstStop(t *testing.T) {
	c := newConv(t)
	// As read from a version 1 report: at the question, no part.
	c.Answer("organiseren.afspraken").Perspectives = []Perspective{{Organisation: "SWV Hart van Brabant", Text: "Oud."}}
	if len(c.Perspectives(at(t, c, "3.1a"))) != 1 || len(c.Perspectives(at(t, c, "3.1b"))) != 0 {
		t.Error("a question-level perspective is not at the first topic only")
	}
	if !c.SetPerspective(at(t, c, "3.1a"), "SWV Hart van Brabant", "Nieuw.") || len(c.Answers["organiseren.afspraken"].Perspectives) != 1 {
		t.Error("editing it at 3.1a made a second one")
	}
}

func TestOrganisationsOfferedForAPerspective(t *testing.T) {
	c := newConv(t)
	st := at(t, c, "1.3b")
	want := []string{"Gemeente Tilburg", "SWV Hart van Brabant"}
	if got := c.Organisations(); !slices.Equal(got, want) {
		t.Errorf("Organisations = %v", got)
	}
	// Someone no longer at the table gave one at another sub-point of 1.3.
	c.SetPerspective(at(t, c, "1.3a"), "Ouderraad", "Wij willen meepraten.")
	if got := c.PerspectiveOrganisations(st); !slices.Equal(got, append(want, "Ouderraad")) {
		t.Errorf("offered at 1.3b: %v", got)
	}
	if got := c.PerspectiveOrganisations(at(t, c, "1.1")); !slices.Equal(got, want) {
		t.Errorf("offered at 1.1: %v", got)
	}
	if c.SuggestedOrganisation(st) != "Gemeente Tilburg" {
		t.Errorf("suggested %q", c.SuggestedOrganisation(st))
	}
	c.SetPerspective(st, "Gemeente Tilburg", "Ja.")
	if c.SuggestedOrganisation(st) != "SWV Hart van Brabant" {
		t.Errorf("after the gemeente spoke, suggested %q", c.SuggestedOrganisation(st))
	}
}

func TestAPerspectiveMovedToAnotherOrganisationKeepsEveryWord(t *testing.T) {
	c := newConv(t)
	st := at(t, c, "1.1")
	c.SetPerspective(st, "Gemeente Tilburg", "Eerste.")
	c.SetPerspective(st, "Gemeente Tillburg", "Tweede.")
	if !c.MovePerspective(st, "Gemeente Tillburg", "Gemeente Tilburg") {
		t.Fatal("moving is no change")
	}
	if got := orgsOf(c.Perspectives(st)); !slices.Equal(got, []string{"Gemeente Tilburg: Eerste.\n\nTweede."}) {
		t.Errorf("after moving: %v", got)
	}
	c.MovePerspective(st, "Gemeente Tilburg", "SWV Hart van Brabant")
	if got := orgsOf(c.Perspectives(st)); !slices.Equal(got, []string{"SWV Hart van Brabant: Eerste.\n\nTweede."}) {
		t.Errorf("after moving to a new name: %v", got)
	}
}
