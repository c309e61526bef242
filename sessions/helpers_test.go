package sessions

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"gespreksmap/content"
)

// testSet is a small question set with every kind of question, built in Go
// so that these tests do not depend on the default set's wording.
func testSet() *content.Set {
	return &content.Set{
		ID:      "test-set",
		Title:   "Testset",
		Version: "3",
		PartnerKinds: []content.PartnerKind{
			{ID: "scholen", Label: "Scholen (directie/zorgcoördinatie)"},
			{ID: "gemeente", Label: "Gemeente(n)"},
			{ID: "zorgkantoor", Label: "Zorgkantoren"},
		},
		Sections: []content.Section{
			{
				ID:      "bestuur",
				Title:   "Bestuurlijke samenwerking",
				Central: "Staat de samenwerking op de agenda?",
				Questions: []content.Question{
					{ID: "bestuur.agenda", Kind: content.KindOpen, Text: "Staat het op de agenda?"},
					{ID: "bestuur.partners", Kind: content.KindPartners, Text: "Met wie werken we samen en met wie nog niet?"},
					{ID: "bestuur.uitwerking", Kind: content.KindPoints, Text: "Hoe is de samenwerking uitgewerkt?", Points: []content.Point{
						{ID: "visie", Text: "Wat is onze gezamenlijke visie?"},
						{ID: "vastgelegd", Text: "Is deze visie vastgelegd?"},
						{ID: "toezicht", Text: "Wie ziet toe op de samenwerking?"},
					}},
				},
			},
			{
				ID:      "kinderen",
				Title:   "Kinderen en ondersteuningsvragen in beeld",
				Central: "Om welke kinderen gaat het?",
				Questions: []content.Question{
					{ID: "kinderen.aantallen", Kind: content.KindCounts, Text: "Om hoeveel kinderen gaat het?", CountsText: "Welke vragen hebben zij?", Categories: []content.Category{
						{ID: "tlv", Label: "Een toelaatbaarheidsverklaring"},
						{ID: "wlz", Label: "Een beschikking Wlz"},
					}},
					{ID: "kinderen.financiering", Kind: content.KindChoice, Text: "Zijn er afspraken over collectieve financiering?", Choices: []content.Choice{
						{ID: "ja", Label: "Ja"}, {ID: "nee", Label: "Nee"},
					}, FollowUps: []content.FollowUp{
						{When: "ja", Text: "Wat is de stand van zaken?"},
						{When: "nee", Text: "Wat zouden we willen?"},
					}},
					{ID: "kinderen.onderwerpen", Kind: content.KindTopics, Text: "Maak afspraken over de volgende onderwerpen", Topics: []content.Point{
						{ID: "gebruikelijke-zorg", Text: "Welke zorg valt onder gebruikelijke zorg?"},
						{ID: "beoordeling", Text: "Hoe komt de beoordeling tot stand?"},
					}},
				},
			},
		},
	}
}

// filler returns text of exactly n bytes: Dutch words in lines of about 200
// characters, as a facilitator would type a long answer.
func filler(n int, seed string) string {
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

// fullSession answers every question and every part of the set with text
// of textLen bytes, gives every third question two perspectives, and has 50
// action items, 5 participants and 3 of last year's action items.
func fullSession(set *content.Set, textLen int) *Session {
	s := New(set.ID, set.Version)
	s.Title = "Oplossingenlab ZiO najaar 2026"
	s.Region = "Hart van Brabant"
	s.Date = "2026-11-22"
	s.Facilitator = "Anna de Vries"
	s.Updated = time.Date(2026, 11, 22, 15, 4, 0, 0, time.Local)
	statuses := []Status{StatusDone, StatusPartial, StatusNotYet, StatusNA, StatusNone}
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
				a.Status, a.Text = st, filler(textLen, q.ID)
			case content.KindPartners:
				a.Status, a.Text = st, filler(textLen, q.ID)
				a.Partners = map[string]PartnerState{}
				for k, pk := range set.PartnerKinds {
					a.Partners[pk.ID] = []PartnerState{PartnerTogether, PartnerNotYet, PartnerNA, PartnerUnknown}[k%4]
					if a.Partners[pk.ID] == PartnerUnknown {
						delete(a.Partners, pk.ID)
					}
				}
				a.OtherPartners = []OtherPartner{{Name: "Revalidatiecentrum De Kei", State: PartnerTogether}}
			case content.KindCounts:
				a.Status, a.Text = st, filler(textLen, q.ID)
				a.Counts = map[string]int{}
				for k, c := range q.Categories {
					a.Counts[c.ID] = 3 * k
				}
			case content.KindChoice:
				a.Status, a.Text = st, filler(textLen, q.ID)
				a.Choice = q.Choices[0].ID
			case content.KindPoints, content.KindTopics:
				for k, p := range q.Parts() {
					a.Part(p.ID).Status = statuses[(n+k)%len(statuses)]
					a.Part(p.ID).Text = filler(textLen, p.ID)
				}
			}
			if n%3 == 0 {
				a.Perspectives = []Perspective{
					{Organisation: "Gemeente Tilburg", Text: filler(textLen, "gemeente")},
					{Organisation: "Oudervertegenwoordiging", Text: filler(textLen/2, "ouders")},
				}
			}
			n++
		}
	}
	s.Current = lastID
	s.Participants = []Participant{
		{Name: "Anna de Vries", Organisation: "SWV De Meierij", PartnerKind: "scholen", Function: "directeur", Signs: true},
		{Name: "Bram Jansen", Organisation: "Gemeente Tilburg", PartnerKind: "gemeente", Function: "wethouder", Signs: true},
		{Name: "Carla Pieters", Organisation: "Ouderraad", PartnerKind: "ouders uit de regio"},
		{Name: "Dirk Smits", Organisation: "Zorgkantoor", PartnerKind: "zorgkantoor"},
		{Name: "Eva Bakker", Organisation: "Zorgaanbieder Kompas"},
	}
	for i := 0; i < 50; i++ {
		s.Actions = append(s.Actions, ActionItem{
			What:       fmt.Sprintf("Actiepunt %d: convenant voorleggen aan de besturen", i+1),
			Who:        "Gemeente Tilburg",
			When:       "2027-01-15",
			QuestionID: []string{lastID, "", "oud.vraag"}[i%3],
			Done:       i%4 == 0,
			Carried:    i%10 == 0,
		})
	}
	s.PriorActions = []PriorAction{
		{Item: ActionItem{What: "Visie opschrijven", Who: "SWV", When: "2026-03-01", QuestionID: lastID}, Outcome: OutcomeDone},
		{Item: ActionItem{What: "Zorgkantoor uitnodigen", Who: "Gemeente", When: "voor de zomer"}, Outcome: OutcomeCarried},
		{Item: ActionItem{What: "Pilot vervoer", Who: "Bram"}, Outcome: OutcomeOpen},
	}
	return s
}

// defaultSet is the embedded question set, loaded once.
var defaultSet = content.Default()

// mustParse parses a report or fails the test.
func mustParse(t testing.TB, data []byte, set *content.Set) *Session {
	t.Helper()
	s, err := Parse(data, set)
	if err != nil {
		t.Fatalf("Parse: %v\n%s", err, numbered(data))
	}
	return s
}

// numbered shows a report with line numbers, for failure messages.
func numbered(data []byte) string {
	var b strings.Builder
	for i, l := range strings.Split(string(data), "\n") {
		fmt.Fprintf(&b, "%4d %s\n", i+1, l)
	}
	return b.String()
}
