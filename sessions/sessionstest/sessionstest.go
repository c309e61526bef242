// Package sessionstest builds conversations for the tests and benchmarks of
// the packages that use sessions: one fixture, so that the figures of the
// interface and of the whole program are measured on the same conversation.
package sessionstest

import (
	"gespreksmap/content"
	"gespreksmap/sessions"
)

var sentences = []string{
	"De intern begeleider vraagt de ouders wat hun kind onder schooltijd nodig heeft.",
	"Het zorgkantoor wil weten op welke dagen de verpleegkundige in de groep komt.",
	"We spreken af dat de gemeente voor de kerstvakantie laat weten wie het vervoer regelt.",
	"Ouders merken dat één vast aanspreekpunt veel gedoe scheelt.",
	"De zorgaanbieder levert een begeleider die ook de leerkracht ondersteunt.",
	"Over de financiering van de tweede begeleider praten we in het voorjaar verder.",
	"Het samenwerkingsverband kijkt of het arrangement past bij wat de leerling nodig heeft.",
	"Na zes weken evalueren we samen: wat gaat goed, en wat moet anders?",
}

// Answer returns exactly n characters (runes) of Dutch sentences in
// paragraphs of about 400 characters, separated by blank lines, as answers
// typed during a conversation look.
func Answer(n int) string {
	out := make([]rune, 0, n)
	para := 0
	for i := 0; len(out) < n; i++ {
		piece := sentences[i%len(sentences)]
		switch {
		case len(out) == 0:
		case para >= 400:
			piece = "\n\n" + piece
			para = 0
		default:
			piece = " " + piece
		}
		for _, r := range piece {
			if len(out) == n {
				break
			}
			out = append(out, r)
			para++
		}
	}
	// The report keeps no blank at the end of an answer.
	if last := len(out) - 1; last >= 0 && (out[last] == ' ' || out[last] == '\n') {
		out[last] = '.'
	}
	return string(out)
}

// Conversation is a conversation in which every question and every
// sub-point or topic of set is answered in chars characters (parts
// "geregeld", whole questions "deels"), left at the set's last question.
func Conversation(set *content.Set, chars int) *sessions.Session {
	s := sessions.New(set.ID, set.Version)
	s.Title = "Oplossingenlab ZiO najaar 2026"
	s.Region = "Hart van Brabant"
	s.Date = "2026-11-22"
	s.Facilitator = "Anna de Vries"
	s.Participants = []sessions.Participant{
		{Name: "Piet Jansen", Organisation: "Gemeente Tilburg", PartnerKind: "gemeente", Function: "wethouder", Signs: true},
		{Name: "Fatma Yilmaz", Organisation: "Basisschool De Linde", PartnerKind: "scholen"},
	}
	for _, sec := range set.Sections {
		for _, q := range sec.Questions {
			a := s.Answer(q.ID)
			s.Current = q.ID
			parts := q.Parts()
			if len(parts) == 0 {
				a.Text, a.Status = Answer(chars), sessions.StatusPartial
				continue
			}
			for _, p := range parts {
				pa := a.Part(p.ID)
				pa.Text, pa.Status = Answer(chars), sessions.StatusDone
			}
		}
	}
	return s
}
