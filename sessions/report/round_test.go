package report

import (
	"slices"
	"strings"
	"testing"
	"time"

	"gespreksmap/sessions"
)

// withRound is a conversation with a writing round open at a topic.
func withRound(revealed bool, sent ...string) *sessions.Session {
	s := withContributions()
	s.Round = &sessions.RoundRecord{
		Round: sessions.Round{QuestionID: "kinderen.onderwerpen", Part: "beoordeling", Opened: contributionTime, Revealed: revealed},
		Sent:  sent,
	}
	return s
}

func TestAnOpenWritingRoundIsWrittenInABlockOfItsOwnAndReadBack(t *testing.T) {
	set := testSet()
	s := withRound(false, "Gemeente Tilburg", "Ouders *samen*")
	doc := string(roundTrip(t, set, s))
	want := headRound + "\n<!-- gm:round -->\n\n" +
		"- **Bij vraag:** 2.3b <!-- gm:ref kinderen.onderwerpen#beoordeling -->\n" +
		"- **Geopend:** 2026-11-30 14:05\n" +
		"- **Getoond:** nee\n" +
		"- **Ingestuurd:**\n" +
		"  - Gemeente Tilburg\n" +
		"  - Ouders \\*samen\\*\n\n" +
		headActions + "\n"
	if !strings.Contains(doc, want) {
		t.Errorf("the report lacks the round as written:\n%s", numbered([]byte(doc)))
	}
	if strings.Index(doc, headContributions) > strings.Index(doc, headRound) {
		t.Error("the round stands before the contributions it counts")
	}
	back := mustParse(t, []byte(doc), set)
	if r := back.Round; r == nil || r.QuestionID != "kinderen.onderwerpen" || r.Part != "beoordeling" || !r.Opened.Equal(contributionTime) || r.Revealed ||
		!slices.Equal(r.Sent, []string{"Gemeente Tilburg", "Ouders *samen*"}) {
		t.Errorf("the round read back as %+v", back.Round)
	}

	// Revealed, nobody sent yet.
	s = withRound(true)
	doc = string(roundTrip(t, set, s))
	if !strings.Contains(doc, "- **Getoond:** ja\n- **Ingestuurd:**\n\n"+headActions) {
		t.Errorf("a revealed round without anyone sent:\n%s", numbered([]byte(doc)))
	}
	if back := mustParse(t, []byte(doc), set); back.Round == nil || !back.Round.Revealed || len(back.Round.Sent) != 0 {
		t.Errorf("read back as %+v", back.Round)
	}

	// Without a round there is no block.
	s.Round = nil
	if out := string(Render(set, s)); strings.Contains(out, headRound) || strings.Contains(out, "gm:round") {
		t.Error("a report without a writing round has its block")
	}
	if back := mustParse(t, Render(set, s), set); back.Round != nil {
		t.Errorf("a round came out of nothing: %+v", back.Round)
	}
}

func TestAWritingRoundEditedByHandIsReadStrictlyAndNamesTheLine(t *testing.T) {
	set := testSet()
	doc := string(Render(set, withRound(false, "Gemeente Tilburg")))
	// Everything is changed and found in the round's block, below the
	// contributions that have lines of the same shape.
	from := strings.Index(doc, headRound)
	at := func(text string) int { return strings.Count(doc[:from+strings.Index(doc[from:], text)], "\n") + 1 }
	change := func(old, new string) []byte { return []byte(doc[:from] + strings.Replace(doc[from:], old, new, 1)) }
	for _, c := range []struct {
		name, from, to string
		line           string // the line named, as it stands in doc
		says           string
	}{
		{"an unknown fact", "- **Getoond:** nee", "- **Getoond:** nee\n- **Kleur:** rood", "- **Getoond:** nee", "Kleur"},
		{"a fact twice", "- **Getoond:** nee", "- **Getoond:** nee\n- **Getoond:** ja", "- **Getoond:** nee", "twee keer"},
		{"not yes or no", "- **Getoond:** nee", "- **Getoond:** misschien", "- **Getoond:**", "ja of nee"},
		{"a time that is none", "- **Geopend:** 2026-11-30 14:05", "- **Geopend:** morgen", "- **Geopend:**", "morgen"},
		{"an organisation twice", "  - Gemeente Tilburg", "  - Gemeente Tilburg\n  - Gemeente Tilburg", "  - Gemeente Tilburg", "twee keer"},
		{"an organisation beside the label", "- **Ingestuurd:**\n  - Gemeente Tilburg", "- **Ingestuurd:** Gemeente Tilburg", "- **Ingestuurd:**", "eigen regel"},
		{"an organisation under another fact", "- **Ingestuurd:**\n  - Gemeente Tilburg", "- **Ingestuurd:**\n- **Bij vraag:** 1.1\n  - Gemeente Tilburg", "- **Ingestuurd:**", "twee keer"},
		{"loose text", "- **Getoond:** nee", "- **Getoond:** nee\nlos", "- **Getoond:** nee", "onverwachte regel"},
		{"a marker twice", "<!-- gm:round -->", "<!-- gm:round -->\n<!-- gm:round -->", "<!-- gm:round -->", "dubbele"},
		{"the heading without its marker", "<!-- gm:round -->\n", "", headRound, "ontbreekt"},
		{"a stop the set does not have", "2.3b <!-- gm:ref kinderen.onderwerpen#beoordeling -->", "9.9", "- **Bij vraag:**", "9.9"},
	} {
		t.Run(c.name, func(t *testing.T) {
			pe := refused(t, change(c.from, c.to))
			if pe.Line != at(c.line)+1 && pe.Line != at(c.line) {
				t.Errorf("refused at line %d, want about %d: %v", pe.Line, at(c.line), pe)
			}
			if !strings.Contains(pe.Msg, c.says) {
				t.Errorf("the message does not say %q: %v", c.says, pe)
			}
		})
	}
	// Without a stop a round says nowhere; the marker's line is named.
	if pe := refused(t, change("- **Bij vraag:** 2.3b <!-- gm:ref kinderen.onderwerpen#beoordeling -->\n", "")); pe.Line != at("<!-- gm:round -->") || !strings.Contains(pe.Msg, "noemt geen vraag") {
		t.Errorf("a round without a stop: %v", pe)
	}
	// A list item may use * and more indentation; the label is read as written.
	if s := mustParse(t, change("  - Gemeente Tilburg", "    * Gemeente Tilburg\n    - Ouderraad"), set); !slices.Equal(s.Round.Sent, []string{"Gemeente Tilburg", "Ouderraad"}) {
		t.Errorf("sent: %q", s.Round.Sent)
	}
}

func TestAConversationReopenedFromItsReportGoesOnWithItsWritingRound(t *testing.T) {
	set := testSet()
	s := withContributions()
	s.Participants = append(s.Participants, sessions.Participant{Name: "Bo", Organisation: "SWV"}, sessions.Participant{Name: "Do", Organisation: "Ouderraad"})
	c := sessions.NewConversation(set, s)
	st := c.Stop(c.StopIndex("kinderen.onderwerpen", "beoordeling"))
	opened := contributionTime.Add(time.Hour)
	if !c.OpenRound(st, opened) {
		t.Fatal("the round did not open")
	}
	c.Receive(sessions.Contribution{ID: "g1", Organisation: "Gemeente Tilburg", QuestionID: "kinderen.onderwerpen", Part: "beoordeling", Text: "Gemeente.", At: opened.Add(time.Minute)})
	c.Receive(sessions.Contribution{ID: "s1", Organisation: "SWV", QuestionID: "kinderen.onderwerpen", Part: "beoordeling", Text: "Het SWV.", At: opened.Add(time.Minute)})
	c.AcceptContribution("s1", "")
	c.RevealRound()
	doc := roundTrip(t, set, c.Clone())
	if !strings.Contains(string(doc), "- **Getoond:** ja\n- **Ingestuurd:**\n  - Gemeente Tilburg\n  - SWV\n") {
		t.Fatalf("the report lacks the round:\n%s", numbered(doc))
	}
	back := sessions.NewConversation(set, mustParse(t, doc, set))
	if r, ok := back.CurrentRound(); !ok || !r.Revealed || r.Part != "beoordeling" {
		t.Errorf("reopened round: %+v", r)
	}
	if sent, total := back.RoundProgress(); sent != 2 || total != 3 {
		t.Errorf("reopened: %d van %d, want 2 van 3", sent, total)
	}
	if acc := back.RoundAccepted(); len(acc) != 1 || acc[0].Organisation != "SWV" || acc[0].Text != "Het SWV." {
		t.Errorf("taken over before: %+v", acc)
	}
	// Written again, the reopened conversation gives the same report.
	if again := Render(set, back.Clone()); string(again) != string(doc) {
		t.Errorf("written again:\n%s", firstDifference(doc, again))
	}
}
