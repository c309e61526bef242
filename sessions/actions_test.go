package sessions

import (
	"slices"
	"testing"

	"gespreksmap/content"
)

func TestAnActionItemMadeAtTopic31bIsListedThere(t *testing.T) {
	c := newConv(t)
	a, b := at(t, c, "3.1a"), at(t, c, "3.1b")
	i := c.AddAction(b, ActionItem{What: "Beoordeling beschrijven", Who: "SWV Hart van Brabant", When: "2027-03-01", QuestionID: "elders"})
	if i != 0 {
		t.Fatalf("AddAction = %d", i)
	}
	if ai := c.Actions[0]; ai.QuestionID != "organiseren.afspraken" || ai.Part != "beoordeling" {
		t.Errorf("recorded at %q %q", ai.QuestionID, ai.Part)
	}
	if !slices.Equal(c.ActionsAt(b), []int{0}) || len(c.ActionsAt(a)) != 0 {
		t.Errorf("at 3.1b %v, at 3.1a %v", c.ActionsAt(b), c.ActionsAt(a))
	}
	if got := c.ActionPlace(c.Actions[0]); got != "bij 3.1b" {
		t.Errorf("place %q, want bij 3.1b", got)
	}
	g := c.AddAction(content.Stop{}, ActionItem{What: "Verslag rondsturen"})
	if !slices.Equal(c.ActionsAt(content.Stop{}), []int{g}) || c.ActionPlace(c.Actions[g]) != "algemeen" {
		t.Errorf("general item: %v %q", c.ActionsAt(content.Stop{}), c.ActionPlace(c.Actions[g]))
	}
	if c.AddAction(b, ActionItem{What: "  "}) != -1 {
		t.Error("an item without what was added")
	}
	c.Actions = append(c.Actions, ActionItem{What: "Oud", QuestionID: "bestuur.agenda"}, ActionItem{What: "Weg", QuestionID: "weg.vraag"})
	if c.ActionPlace(c.Actions[2]) != "bij 1.1" || c.ActionPlace(c.Actions[3]) != "bij weg.vraag" {
		t.Errorf("places %q %q", c.ActionPlace(c.Actions[2]), c.ActionPlace(c.Actions[3]))
	}
}

func TestActionItemsAreEditedToggledAndRemoved(t *testing.T) {
	c := newConv(t)
	st := at(t, c, "1.1")
	i := c.AddAction(st, ActionItem{What: "Agenderen", Who: "Anna"})
	c.Actions[i].Carried = true
	if !c.UpdateAction(i, ActionItem{What: "Agenderen in maart", Who: "Anna", When: "maart"}) {
		t.Fatal("update is no change")
	}
	if ai := c.Actions[i]; ai.QuestionID != "bestuur.agenda" || !ai.Carried || ai.When != "maart" {
		t.Errorf("after update: %+v", ai)
	}
	if c.UpdateAction(i, ActionItem{What: ""}) || c.UpdateAction(9, ActionItem{What: "x"}) {
		t.Error("an empty what or a wrong index was accepted")
	}
	if c.OpenActions() != 1 || !c.ToggleAction(i) || c.OpenActions() != 0 || !c.Actions[i].Done {
		t.Error("toggling done")
	}
	if !c.RemoveAction(i) || len(c.Actions) != 0 || c.RemoveAction(0) {
		t.Error("removing")
	}
}
