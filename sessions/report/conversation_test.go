package report

import (
	"bytes"
	"gespreksmap/sessions"
	"strings"
	"testing"
)

func TestARenamedOrganisationKeepsItsPerspectivesAndItsOwnActionItems(t *testing.T) {
	set := testSet()
	s := sessions.New(set.ID, set.Version)
	s.Title, s.Date = "Lab", "2026-11-22"
	a := s.Answer("bestuur.agenda")
	a.Perspectives = []sessions.Perspective{
		{Organisation: "Ouderraad De Regenboog", Text: "Ouders willen meepraten."},
		{Organisation: "Gemeente Noord", Text: "De gemeente betaalt mee."},
	}
	s.Answer("bestuur.partners").Perspectives = []sessions.Perspective{{Organisation: "Ouderraad De Regenboog", Text: "Wij doen mee."}}
	s.Actions = []sessions.ActionItem{
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

func TestLastYearsCarriedItemShowsItsNewDateInTheReportAndReadsBack(t *testing.T) {
	set := defaultSet
	s := sessions.New(set.ID, set.Version)
	s.Title, s.Date = "Reflectie", "2026-11-22"
	s.PriorActions = []sessions.PriorAction{{Item: sessions.ActionItem{What: "Vervoer evalueren", Who: "Gemeente", When: "2026-06-01", QuestionID: "financiering.vervoer"}}}
	s.Settle(0, sessions.OutcomeCarried, "2027-03-01")
	doc := Render(set, s)
	if !bytes.Contains(doc, []byte("| doorgeschoven (nieuwe datum: 2027-03-01) |")) {
		t.Fatalf("the new date is not in last year's table:\n%s", doc)
	}
	back, err := Parse(doc, set)
	if err != nil {
		t.Fatal(err)
	}
	if back.PriorActions[0].Outcome != sessions.OutcomeCarried || back.CarriedTo(0) != "2027-03-01" {
		t.Errorf("read back: %+v %q", back.PriorActions, back.CarriedTo(0))
	}
	if again := Render(set, back); !bytes.Equal(again, doc) {
		t.Error("the report does not read back exactly")
	}
}
