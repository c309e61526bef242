package sessions

import (
	"slices"
	"testing"

	"gespreksmap/content"
)

func TestTheSummaryOfEachKindOfAnswer(t *testing.T) {
	c := newConv(t)
	open, partners, points := at(t, c, "1.1"), at(t, c, "1.2"), at(t, c, "1.3b")
	counts, topic, choice := at(t, c, "2.1"), at(t, c, "3.1b"), at(t, c, "5.2")

	if got := c.StopSummary(open); got != "niet besproken" {
		t.Errorf("nothing recorded: %q", got)
	}
	c.SetStatus(open, StatusNotYet)
	c.SetText(open, "Nog niet op de agenda.\nWel besproken in het OOGO.")
	c.SetPerspective(open, "Gemeente Tilburg", "Volgend jaar.")
	if got := c.StopSummary(open); got != "nog niet; 1 perspectief — Nog niet op de agenda." {
		t.Errorf("open: %q", got)
	}

	c.SetPartnerState(partners, "scholen", PartnerTogether)
	c.SetPartnerState(partners, "gemeente", PartnerNotYet)
	c.AddOtherPartner(partners, "De Kei", PartnerTogether)
	if got := c.StopSummary(partners); got != "samenwerking met 2 partners" {
		t.Errorf("partners: %q", got)
	}

	cats := counts.Question.Categories
	c.SetCount(counts, cats[0].ID, 4)
	c.SetCount(counts, cats[1].ID, 2)
	if got := c.StopSummary(counts); got != "totaal 6" {
		t.Errorf("counts: %q", got)
	}

	c.SetChoice(choice, choice.Question.Choices[1].ID)
	c.SetText(choice, "Dat willen we wel.")
	if got := c.StopSummary(choice); got != "keuze: "+choice.Question.Choices[1].Label+" — Dat willen we wel." {
		t.Errorf("choice: %q", got)
	}

	// A sub-point or topic: its own status, text and perspectives only.
	c.SetStatus(points, StatusPartial)
	c.SetStatus(topic, StatusDone)
	c.SetText(topic, "Het CIZ beoordeelt.")
	c.SetPerspective(topic, "SWV Hart van Brabant", "Klopt.")
	if got := c.StopSummary(topic); got != "geregeld; 1 perspectief — Het CIZ beoordeelt." {
		t.Errorf("topic 3.1b: %q", got)
	}
	if got := c.StopSummary(at(t, c, "3.1a")); got != "niet besproken" {
		t.Errorf("topic 3.1a: %q", got)
	}
	// The whole question with parts: how many parts stand where.
	c.SetStatus(at(t, c, "1.3a"), StatusPartial)
	c.SetStatus(at(t, c, "1.3c"), StatusDone)
	if got := Summary(points.Question, c.Answers[points.Question.ID], ""); got != "geregeld 1 · deels 2" {
		t.Errorf("question 1.3: %q", got)
	}
	// Something the summary does not name.
	a := &Answer{OtherPartners: []OtherPartner{{Name: "X"}}}
	if got := Summary(partners.Question, a, ""); got != "beantwoord" {
		t.Errorf("only an unnamed partner: %q", got)
	}
	// The summary alone leaves the text out, as the yearly comparison
	// lists answers; the line adds its first line.
	ans := c.Answers[open.Question.ID]
	if got := Summary(open.Question, ans, ""); got != "nog niet; 1 perspectief" {
		t.Errorf("summary of 1.1: %q", got)
	}
	if got := Summary(open.Question, &Answer{Text: "Alleen tekst."}, ""); got != "beantwoord" {
		t.Errorf("summary of a text only: %q", got)
	}
	if got := SummaryLine(open.Question, &Answer{Text: "Alleen tekst.\nMeer."}, ""); got != "Alleen tekst." {
		t.Errorf("line of a text only: %q", got)
	}
}

func TestAnswerLinesReadAnAnswerBackWhole(t *testing.T) {
	c := newConv(t)
	partners, counts, topic := at(t, c, "1.2"), at(t, c, "2.1"), at(t, c, "3.1b")
	c.SetPartnerState(partners, "scholen", PartnerTogether)
	c.SetPartnerState(partners, "gemeente", PartnerNotYet)
	c.AddOtherPartner(partners, "De Kei", PartnerTogether)
	c.SetText(partners, "Samen.")
	got := AnswerLines(c.Set, partners.Question, c.Answers[partners.Question.ID], "")
	want := []string{"Werken samen: " + c.Set.PartnerKind("scholen").Label + ", De Kei", "Nog niet: Gemeente(n)", "Samen."}
	if !slices.Equal(got, want) {
		t.Errorf("partners:\n%q\nwant\n%q", got, want)
	}
	cats := counts.Question.Categories
	c.SetCount(counts, cats[1].ID, 3)
	got = AnswerLines(c.Set, counts.Question, c.Answers[counts.Question.ID], "")
	if !slices.Equal(got, []string{oneLine(cats[1].Label) + ": 3", "Totaal: 3"}) {
		t.Errorf("counts: %q", got)
	}
	c.SetText(topic, "Eerste regel.\nTweede regel.")
	c.SetPerspective(topic, "Gemeente Tilburg", "Ja.")
	c.SetPerspective(at(t, c, "3.1a"), "SWV Hart van Brabant", "Niet hier.")
	got = AnswerLines(c.Set, topic.Question, c.Answers[topic.Question.ID], "beoordeling")
	if !slices.Equal(got, []string{"Eerste regel.", "Tweede regel.", "Vanuit Gemeente Tilburg:", "  Ja."}) {
		t.Errorf("topic 3.1b: %q", got)
	}
	if AnswerLines(c.Set, topic.Question, nil, "") != nil {
		t.Error("no answer gives lines")
	}
}

func names(terms []*content.Term) []string {
	var out []string
	for _, t := range terms {
		out = append(out, t.Term)
	}
	return out
}

func TestTheTermsAtAStopComeFromEverythingShownThere(t *testing.T) {
	set := &content.Set{
		Glossary: []content.Term{{Term: "TLV"}, {Term: "Wlz"}, {Term: "CIZ"}, {Term: "EMB"}, {Term: "pgb"}, {Term: "OZA"}},
		Sections: []content.Section{{ID: "s", Questions: []content.Question{
			{ID: "s.tel", Kind: content.KindCounts, Text: "Hoeveel kinderen?", CountsText: "Wat vraagt het CIZ?",
				Categories: []content.Category{{ID: "tlv", Label: "Met een TLV"}}},
			{ID: "s.keuze", Kind: content.KindChoice, Text: "Is er een pgb?", Choices: []content.Choice{{ID: "wlz", Label: "Via de Wlz"}},
				FollowUps: []content.FollowUp{{When: "wlz", Text: "Ook voor EMB?"}}},
			{ID: "s.punten", Kind: content.KindPoints, Text: "Hoe?", Points: []content.Point{
				{ID: "a", Text: "Met de OZA?", Bullets: []string{"En de TLV"}}, {ID: "b", Text: "Anders"}}},
		}}},
	}
	c := NewConversation(set, New("t", "1"))
	for i, want := range [][]string{{"TLV", "CIZ"}, {"pgb", "Wlz", "EMB"}, {"OZA", "TLV"}, nil} {
		if got := names(c.Terms(c.Stop(i))); !slices.Equal(got, want) {
			t.Errorf("terms at %s = %v, want %v", c.Stop(i).Number(), got, want)
		}
	}
}

func TestStopLinesShowAnOlderReportsPerspectiveAtTheQuestionsFirstStop(t *testing.T) {
	c := newConv(t)
	first, second := at(t, c, "3.1a"), at(t, c, "3.1b")
	// A version 1 report kept perspectives at the question as a whole.
	a := c.Answer(first.Question.ID)
	a.Perspectives = append(a.Perspectives, Perspective{Organisation: "Gemeente Tilburg", Text: "Van vorig jaar."})
	c.SetPerspective(second, "SWV Hart van Brabant", "Bij b.")
	if got := c.StopLines(first); !slices.Equal(got, []string{"Vanuit Gemeente Tilburg:", "  Van vorig jaar."}) {
		t.Errorf("3.1a: %q", got)
	}
	if got := c.StopLines(second); !slices.Equal(got, []string{"Vanuit SWV Hart van Brabant:", "  Bij b."}) {
		t.Errorf("3.1b: %q", got)
	}
}
