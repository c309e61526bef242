package sessions

import (
	"strings"
	"testing"
)

func TestARenamedOrganisationKeepsItsPerspectivesAndItsOwnActionItems(t *testing.T) {
	set := testSet()
	s := New(set.ID, set.Version)
	s.Title, s.Date = "Lab", "2026-11-22"
	a := s.Answer("bestuur.agenda")
	a.Perspectives = []Perspective{
		{Organisation: "Ouderraad De Regenboog", Text: "Ouders willen meepraten."},
		{Organisation: "Gemeente Noord", Text: "De gemeente betaalt mee."},
	}
	s.Answer("bestuur.partners").Perspectives = []Perspective{{Organisation: "Ouderraad De Regenboog", Text: "Wij doen mee."}}
	s.Actions = []ActionItem{
		{What: "Ouderavond plannen", Who: "Ouderraad De Regenboog"},
		{What: "Brief sturen", Who: "Ouderraad De Regenboog en gemeente"},
	}

	p, n := s.RenameOrganisation("Ouderraad De Regenboog", "Ouderraad MR Regenboog")
	if p != 2 || n != 1 {
		t.Errorf("renamed %d perspectives and %d action items, want 2 and 1", p, n)
	}
	out := string(Render(set, s))
	if strings.Contains(out, "Perspectief van Ouderraad De Regenboog") {
		t.Errorf("a perspective is left under the old name:\n%s", out)
	}
	for _, want := range []string{
		"**Perspectief van Ouderraad MR Regenboog:**",
		"> Ouders willen meepraten.",
		"> Wij doen mee.",
		"**Perspectief van Gemeente Noord:**",
		"| Ouderavond plannen | Ouderraad MR Regenboog |",
		// A who that only mentions the organisation is someone's own words.
		"| Brief sturen | Ouderraad De Regenboog en gemeente |",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
}

func TestRenamingAnOrganisationToNothingOrToItselfChangesNothing(t *testing.T) {
	s := New("x", "1")
	s.Answer("q").Perspectives = []Perspective{{Organisation: "School", Text: "Ja."}}
	s.Actions = []ActionItem{{What: "Bellen", Who: "School"}}
	for _, to := range []string{"", "School"} {
		if p, n := s.RenameOrganisation("School", to); p != 0 || n != 0 {
			t.Errorf("to %q: renamed %d and %d", to, p, n)
		}
	}
	if s.Answers["q"].Perspectives[0].Organisation != "School" || s.Actions[0].Who != "School" {
		t.Errorf("changed: %+v %+v", s.Answers["q"].Perspectives, s.Actions)
	}
}
