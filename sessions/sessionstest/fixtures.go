package sessionstest

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"gespreksmap/content"
	"gespreksmap/sessions"
)

// Filler returns text of exactly n bytes: Dutch words in lines of about 200
// characters, as a facilitator would type a long answer.
func Filler(n int, seed string) string {
	words := []string{"de", "school", "en", "zorgaanbieder", "spreken", "af", "dat", "ouders", "vooraf", "worden", "betrokken", "bij", "het", "arrangement", seed}
	var b strings.Builder
	b.Grow(n + 16)
	col := 0
	for i := 0; b.Len() < n; i++ {
		w := words[i%len(words)]
		switch {
		case col > 200:
			b.WriteByte('\n')
			col = 0
		case b.Len() > 0:
			b.WriteByte(' ')
			col++
		}
		b.WriteString(w)
		col += len(w)
	}
	return b.String()[:n]
}

// Full answers every question and every part of the set with text
// of textLen bytes, gives every third question two perspectives, and has 50
// action items, 5 participants and 3 of last year's action items.
func Full(set *content.Set, textLen int) *sessions.Session {
	s := sessions.New(set.ID, set.Version)
	s.Title = "Oplossingenlab ZiO najaar 2026"
	s.Region = "Hart van Brabant"
	s.Date = "2026-11-22"
	s.Facilitator = "Anna de Vries"
	s.Updated = time.Date(2026, 11, 22, 15, 4, 0, 0, time.Local)
	statuses := []sessions.Status{sessions.StatusDone, sessions.StatusPartial, sessions.StatusNotYet, sessions.StatusNA, sessions.StatusNone}
	n := 0
	var lastID string
	for i := range set.Sections {
		for j := range set.Sections[i].Questions {
			q := &set.Sections[i].Questions[j]
			lastID = q.ID
			a := s.Answer(q.ID)
			st := statuses[n%len(statuses)]
			switch q.Kind {
			case content.KindOpen:
				a.Status, a.Text = st, Filler(textLen, q.ID)
			case content.KindPartners:
				a.Status, a.Text = st, Filler(textLen, q.ID)
				a.Partners = map[string]sessions.PartnerState{}
				for k, pk := range set.PartnerKinds {
					a.Partners[pk.ID] = []sessions.PartnerState{sessions.PartnerTogether, sessions.PartnerNotYet, sessions.PartnerNA, sessions.PartnerUnknown}[k%4]
					if a.Partners[pk.ID] == sessions.PartnerUnknown {
						delete(a.Partners, pk.ID)
					}
				}
				a.OtherPartners = []sessions.OtherPartner{{Name: "Revalidatiecentrum De Kei", State: sessions.PartnerTogether}}
			case content.KindCounts:
				a.Status, a.Text = st, Filler(textLen, q.ID)
				a.Counts = map[string]int{}
				for k, c := range q.Categories {
					a.Counts[c.ID] = 3 * k
				}
			case content.KindChoice:
				a.Status, a.Text = st, Filler(textLen, q.ID)
				a.Choice = q.Choices[0].ID
			case content.KindPoints, content.KindTopics:
				for k, p := range q.Parts() {
					a.Part(p.ID).Status = statuses[(n+k)%len(statuses)]
					a.Part(p.ID).Text = Filler(textLen, p.ID)
				}
			}
			if n%3 == 0 {
				a.Perspectives = []sessions.Perspective{
					{Organisation: "Gemeente Tilburg", Text: Filler(textLen, "gemeente")},
					{Organisation: "Oudervertegenwoordiging", Text: Filler(textLen/2, "ouders")},
				}
			}
			n++
		}
	}
	s.Current = lastID
	s.Participants = []sessions.Participant{
		{Name: "Anna de Vries", Organisation: "SWV De Meierij", PartnerKind: "scholen", Function: "directeur", Signs: true},
		{Name: "Bram Jansen", Organisation: "Gemeente Tilburg", PartnerKind: "gemeente", Function: "wethouder", Signs: true},
		{Name: "Carla Pieters", Organisation: "Ouderraad", PartnerKind: "ouders uit de regio"},
		{Name: "Dirk Smits", Organisation: "Zorgkantoor", PartnerKind: "zorgkantoor"},
		{Name: "Eva Bakker", Organisation: "Zorgaanbieder Kompas"},
	}
	for i := 0; i < 50; i++ {
		s.Actions = append(s.Actions, sessions.ActionItem{
			What:       fmt.Sprintf("Actiepunt %d: convenant voorleggen aan de besturen", i+1),
			Who:        "Gemeente Tilburg",
			When:       "2027-01-15",
			QuestionID: []string{lastID, "", "oud.vraag"}[i%3],
			Done:       i%4 == 0,
			Carried:    i%10 == 0,
		})
	}
	s.PriorActions = []sessions.PriorAction{
		{Item: sessions.ActionItem{What: "Visie opschrijven", Who: "SWV", When: "2026-03-01", QuestionID: lastID}, Outcome: sessions.OutcomeDone},
		{Item: sessions.ActionItem{What: "Zorgkantoor uitnodigen", Who: "Gemeente", When: "voor de zomer"}, Outcome: sessions.OutcomeCarried},
		{Item: sessions.ActionItem{What: "Pilot vervoer", Who: "Bram"}, Outcome: sessions.OutcomeOpen},
	}
	return s
}

// Everything is a conversation on the test set that uses every kind of
// question, every status, every partner state, perspectives, an unknown
// sub-point, count and partner, answers to questions the set does not know,
// action items and last year's action items, with text that means
// something in markdown.
func Everything() *sessions.Session {
	s := sessions.New("test-set", "3")
	s.Title = "Oplossingenlab *ZiO* | najaar #2026"
	s.Region = "Hart van Brabant & omstreken"
	s.Date = "2026-11-22"
	s.Facilitator = "Anna de Vries_Jansen"
	s.Baseline = "2025-11-20-oplossingenlab.md"
	s.Current = sessions.StopRef("bestuur.uitwerking", "vastgelegd")
	s.Updated = time.Date(2026, 11, 22, 15, 4, 0, 0, time.Local)
	s.Participants = []sessions.Participant{
		{Name: "Anna de Vries_Jansen", Organisation: "SWV De Meierij", PartnerKind: "scholen", Function: "directeur", Signs: true},
		{Name: "Bram | Jansen", Organisation: "Gemeente <Tilburg>", PartnerKind: "gemeente", Function: "wethouder [jeugd]", Signs: true},
		{Name: "Carla `Pieters`", Organisation: "Ouderraad", PartnerKind: "ouders uit de regio"},
		{Name: "مريم", Organisation: "Zorgkantoor 中", PartnerKind: "zorgkantoor", Function: "adviseur\\"},
	}
	a := s.Answer("bestuur.agenda")
	a.Status = sessions.StatusDone
	a.Text = "Het staat op de agenda van het OOGO.\n\n# Dit is geen kop\n> en geen citaat\n<!-- geen commentaar\n```\n| a | b |\n---\n\tmet tab, emoji 👩🏽‍🏫 en breed 中文\nOok geen kop\n===\n***\n~~~\n<b>geen html</b> &amp; `geen code` \\\\server\n\n    niet ingesprongen als code\n\n- wel een lijst\n1. en genummerd\n\n*nadruk blijft*"
	a.Perspectives = []sessions.Perspective{
		{Organisation: "Gemeente Tilburg", Text: "Wij willen eerst de inkoop regelen."},
		{Organisation: "Ouders *samen*", Text: "- geen lijst\n\n[x]: https://example.com"},
		{Organisation: "", Text: ""},
	}
	a = s.Answer("bestuur.partners")
	a.Status = sessions.StatusPartial
	a.Partners = map[string]sessions.PartnerState{"scholen": sessions.PartnerTogether, "gemeente": sessions.PartnerNotYet, "zorgkantoor": sessions.PartnerNA, "jeugdarts": sessions.PartnerTogether}
	a.OtherPartners = []sessions.OtherPartner{{Name: "Revalidatiecentrum *De Kei* | Tilburg", State: sessions.PartnerTogether}, {Name: "", State: sessions.PartnerUnknown}}
	a.Text = "De scholen doen mee; het zorgkantoor nog niet."
	a = s.Answer("bestuur.uitwerking")
	a.Part("visie").Status = sessions.StatusDone
	a.Part("visie").Text = "Elk kind gaat naar school.\nOok met zorg."
	a.Part("vastgelegd").Status = sessions.StatusNotYet
	a.Part("vervallen-punt").Status = sessions.StatusNA
	a.Part("vervallen-punt").Text = "Uit een oudere versie van de vragenset."
	a.Perspectives = []sessions.Perspective{
		{Organisation: "Zorgaanbieder", Text: "1. eerst de visie\n2. dan de uitvoering"},
		{Organisation: "Gemeente Tilburg", Text: "Over een punt dat niet meer in de vragenset staat.", Part: "vervallen-punt"},
	}
	a = s.Answer("kinderen.aantallen")
	a.Status = sessions.StatusNotYet
	a.Counts = map[string]int{"tlv": 12, "oud-getal": 4}
	a.Text = "Vooral vragen over verpleging."
	a = s.Answer("kinderen.financiering")
	a.Status = sessions.StatusNA
	a.Choice = "nee"
	a.Text = "Een pilot met één zorgaanbieder."
	a = s.Answer("kinderen.onderwerpen")
	a.Part("gebruikelijke-zorg").Status = sessions.StatusPartial
	a.Part("gebruikelijke-zorg").Text = "Medicijnen geven valt eronder."
	a.Part("beoordeling").Text = "Nog niet over gesproken, wel genoteerd."
	a.Perspectives = []sessions.Perspective{{Organisation: "Ouders *samen*", Text: "Wij willen bij de beoordeling zijn.", Part: "beoordeling"}}
	a = s.Answer("oud.vraag")
	a.QuestionText = "1.5 miljoen euro: wat doen we *ermee*?"
	a.Status = sessions.StatusDone
	a.Text = "Verdelen over de scholen."
	a.Parts = map[string]*sessions.Part{"a": {Status: sessions.StatusPartial, Text: "deels"}}
	a.Counts = map[string]int{"x": 1}
	a.Partners = map[string]sessions.PartnerState{"scholen": sessions.PartnerTogether}
	a.Choice = "ja"
	a.Perspectives = []sessions.Perspective{{Organisation: "SWV", Text: "Akkoord."}}
	a = s.Answer("oud.zonder-tekst")
	a.Status = sessions.StatusNotYet
	s.Actions = []sessions.ActionItem{
		{What: "Convenant opstellen | eerste versie", Who: "Gemeente Tilburg", When: "2027-01-15", QuestionID: "bestuur.partners"},
		{What: "Zorgkantoor uitnodigen", Who: "SWV", When: "voor de zomer", QuestionID: "bestuur.partners", Carried: true},
		{What: "Visie *vastleggen*", Who: "Anna", When: "", QuestionID: "", Done: true},
		{What: "Vervoer regelen", Who: "", When: "2027", QuestionID: "oud.vraag"},
		{What: "Beoordeling met ouders plannen", Who: "SWV", When: "2027-03-01", QuestionID: "kinderen.onderwerpen", Part: "beoordeling"},
		{What: "Wethouder *bellen*, met de SWV", Who: "Gemeente Tilburg", QuestionID: sessions.ClosingRef},
	}
	s.Agenda = map[string]sessions.SectionTime{
		"bestuur":       {Planned: 20, Spent: 23 * time.Minute},
		"kinderen":      {Planned: 15},
		"oud-onderdeel": {Spent: 5 * time.Minute},
	}
	s.Parked = []sessions.ParkedRemark{
		{Text: "Wie betaalt het vervoer?", Carried: true, Resolved: true, At: time.Date(2025, 11, 20, 10, 15, 0, 0, time.Local)},
		{Text: "Vervoer | *bespreken* met <gemeente>", QuestionID: "kinderen.onderwerpen", Part: "beoordeling", At: time.Date(2026, 11, 22, 14, 37, 0, 0, time.Local)},
	}
	s.Contributions = []sessions.Contribution{
		{ID: "k7f2-a", Organisation: "Gemeente <Tilburg>", QuestionID: "bestuur.agenda", At: time.Date(2026, 11, 22, 14, 5, 0, 0, time.Local),
			Text: "# Geen kop\n> geen citaat\n<b>geen html</b> &amp; `geen code`\n\n- wel een lijst\n    ingesprongen"},
		{ID: "Q_9", Organisation: "Ouderraad", QuestionID: "kinderen.onderwerpen", Part: "beoordeling", At: time.Date(2026, 11, 22, 14, 12, 0, 0, time.Local),
			Text: "Wij willen bij de beoordeling zijn.", State: sessions.ContributionSetAside},
		{ID: "oud-1", Organisation: "SWV", QuestionID: "oud.vraag", Text: "Bij een vraag die niet meer in de set staat."},
	}
	// A writing round open at the topic: the parents' contribution waits,
	// the municipality's was taken over (its perspective is at the stop).
	s.Round = &sessions.RoundRecord{
		Round: sessions.Round{QuestionID: "kinderen.onderwerpen", Part: "beoordeling", Opened: time.Date(2026, 11, 22, 14, 10, 0, 0, time.Local)},
		Sent:  []string{"Gemeente <Tilburg>", "Ouderraad"},
	}
	s.Closing = []sessions.ClosingRound{
		{Organisation: "Gemeente <Tilburg>", ClosingAnswers: sessions.ClosingAnswers{Use: "De inkoop | samen doen", FirstStep: "Wethouder *bellen*, met de SWV", Questions: "Wie betaalt?"}},
		{Organisation: "Ouderraad", ClosingAnswers: sessions.ClosingAnswers{Use: "Meepraten"}},
	}
	s.PriorActions = []sessions.PriorAction{
		{Item: sessions.ActionItem{What: "Visie opschrijven", Who: "SWV", When: "2026-03-01", QuestionID: "bestuur.uitwerking"}, Outcome: sessions.OutcomeDone},
		{Item: sessions.ActionItem{What: "Zorgkantoor uitnodigen", Who: "SWV", When: "2026-06-01", QuestionID: "bestuur.partners"}, Outcome: sessions.OutcomeCarried},
		{Item: sessions.ActionItem{What: "Ouderavond", Who: "Ouderraad", When: "2026", QuestionID: "oud.vraag", Carried: true}, Outcome: sessions.OutcomeDropped},
		{Item: sessions.ActionItem{What: "Pilot vervoer", Who: "Bram"}, Outcome: sessions.OutcomeOpen},
	}
	return s
}

// LineOf is the 1-based line of doc on which text first occurs.
func LineOf(t testing.TB, doc, text string) int {
	t.Helper()
	i := strings.Index(doc, text)
	if i < 0 {
		t.Fatalf("%q is not in the report", text)
	}
	return strings.Count(doc[:i], "\n") + 1
}
