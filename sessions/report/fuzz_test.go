package report

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"gespreksmap/sessions"
)

// FuzzRoundTrip puts arbitrary text, cleaned as the interface cleans typed
// input, into every kind of field, and checks that it comes back exactly
// and that writing what was read gives the same report.
func FuzzRoundTrip(f *testing.F) {
	lines := []string{"", " ", "# kop", "| a | b |", "<!-- x -->", "---", "*", "**", "\\", "a\\", "\\*", "&amp;", "&", "1.5 miljoen",
		"`oud.vraag`", "Anders: x", ": **nog niet**", "- [x]", "#", "a #", "_x_", "piet_jansen", "x, versie 2", "[x]: y", "<b>",
		"مرحبا", "中文", "👩🏽‍🏫", "\t", "a\nb", "(van vorig jaar)", "ja", "Nr"}
	// Typed answers that markdown would show otherwise than typed, and
	// lists that stay lists.
	typed := []string{"# Agenda", "Titel\n---", "Titel\n===", "```", "```go\nx\n```", "~~~", "***", "___", "* * *", "- - -", "-", "1.", "- # kop", "1. ---",
		"<b>vet</b>", "<!--", "a<b", "`x`", "\\`", "\\\\server", "&nbsp;", "\\&amp;", "&#32;    x", "    code", "\tcode", "x\n\n    code",
		"- een\n- twee", "1. een\n2. twee", "*nadruk*", "**vet**", "> citaat", "\\> x", "[x]: y", "\\[x]: y"}
	for i, text := range nastyTexts {
		f.Add(text, nastyTexts[(i+1)%len(nastyTexts)], lines[i%len(lines)])
	}
	for i, l := range lines {
		f.Add(nastyTexts[i%len(nastyTexts)], "", l)
	}
	for i, text := range typed {
		f.Add(text, typed[(i+1)%len(typed)], lines[i%len(lines)])
	}
	set := testSet()
	f.Fuzz(func(t *testing.T, answer, perspective, value string) {
		answer, perspective, value = sessions.CleanText(answer), sessions.CleanText(perspective), sessions.CleanLine(value)
		want := strings.TrimSpace(value) // single-line values are kept without surrounding space

		s := sessions.New(value, value)
		s.Title, s.Region, s.Date, s.Facilitator, s.Baseline = value, value, value, value, value
		s.Participants = []sessions.Participant{{Name: value, Organisation: value, PartnerKind: "gemeente", Function: value, Signs: true}}
		s.Actions = []sessions.ActionItem{{What: value, Who: value, When: value, QuestionID: "bestuur.agenda", Carried: true}}
		s.PriorActions = []sessions.PriorAction{{Item: sessions.ActionItem{What: value, Who: value, When: value}, Outcome: sessions.OutcomeCarried}}
		a := s.Answer("bestuur.agenda")
		a.Status, a.Text = sessions.StatusPartial, answer
		a.Perspectives = []sessions.Perspective{{Organisation: value, Text: perspective}}
		p := s.Answer("bestuur.partners")
		p.OtherPartners = []sessions.OtherPartner{{Name: value, State: sessions.PartnerNotYet}}
		s.Answer("bestuur.uitwerking").Part("visie").Text = answer
		// A perspective and an action item made at a sub-point stay there.
		s.Answer("bestuur.uitwerking").Perspectives = []sessions.Perspective{{Organisation: value, Text: perspective, Part: "vastgelegd"}}
		s.Actions = append(s.Actions, sessions.ActionItem{What: value, QuestionID: "bestuur.uitwerking", Part: "vastgelegd"})
		s.Parked = []sessions.ParkedRemark{{Text: value, QuestionID: "bestuur.uitwerking", Part: "vastgelegd", Carried: true}, {Text: value}}
		s.Closing = []sessions.ClosingRound{{Organisation: value, ClosingAnswers: sessions.ClosingAnswers{Use: value, FirstStep: value, Questions: value}}}
		s.Agenda = map[string]sessions.SectionTime{"bestuur": {Planned: 20, Spent: 90 * time.Second}, value: {Planned: 5}}
		// Contributions not taken over: at a question and at a topic, with
		// the value as organisation, and as id when it can be one.
		id := "k1"
		if sessions.ValidContributionID(want) {
			id = want
		}
		at := time.Date(2026, 11, 30, 14, 5, 0, 0, time.Local)
		s.Contributions = []sessions.Contribution{
			{ID: id, Organisation: value, QuestionID: "bestuur.agenda", Text: answer, At: at},
			{ID: id + "-2", Organisation: value, QuestionID: "kinderen.onderwerpen", Part: "beoordeling", Text: perspective, State: sessions.ContributionSetAside},
		}
		// An open writing round at a topic, with the value among the
		// organisations that sent.
		s.Round = &sessions.RoundRecord{Round: sessions.Round{QuestionID: "kinderen.onderwerpen", Part: "beoordeling", Opened: at, Revealed: true}, Sent: []string{"Ouderraad", value}}
		u := s.Answer("oud.vraag")
		u.QuestionText, u.Text, u.Status = value, answer, sessions.StatusDone

		first := Render(set, s)
		back, err := Parse(first, set)
		if err != nil {
			t.Fatalf("the report written cannot be read: %v\n%s", err, numbered(first))
		}
		partText := "" // an empty part is not recorded at all
		if a := back.Answers["bestuur.uitwerking"]; a != nil && a.Parts["visie"] != nil {
			partText = a.Parts["visie"].Text
		}
		for name, got := range map[string]string{
			"answer":      back.Answers["bestuur.agenda"].Text,
			"part":        partText,
			"unknown":     back.Answers["oud.vraag"].Text,
			"perspective": back.Answers["bestuur.agenda"].Perspectives[0].Text,
		} {
			w := answer
			if name == "perspective" {
				w = perspective
			}
			if got != w {
				t.Errorf("%s text: got %q, want %q", name, got, w)
			}
		}
		if ps := back.Answers["bestuur.uitwerking"].Perspectives; perspective != "" && (len(ps) != 1 || ps[0].Part != "vastgelegd" || ps[0].Text != perspective) {
			t.Errorf("the perspective at a sub-point came back as %+v", ps)
		}
		if it := back.Actions[1]; it.QuestionID != "bestuur.uitwerking" || it.Part != "vastgelegd" {
			t.Errorf("the action item at a sub-point came back as %+v", it)
		}
		for name, got := range map[string]string{
			"title": back.Title, "region": back.Region, "date": back.Date, "facilitator": back.Facilitator,
			"baseline": back.Baseline, "set id": back.SetID, "set version": back.SetVersion,
			"name": back.Participants[0].Name, "organisation": back.Participants[0].Organisation, "function": back.Participants[0].Function,
			"what": back.Actions[0].What, "who": back.Actions[0].Who, "when": back.Actions[0].When,
			"prior what":                        back.PriorActions[0].Item.What,
			"perspective of":                    back.Answers["bestuur.agenda"].Perspectives[0].Organisation,
			"other partner":                     back.Answers["bestuur.partners"].OtherPartners[0].Name,
			"question text":                     back.Answers["oud.vraag"].QuestionText,
			"parked":                            back.Parked[0].Text,
			"organisation in the closing round": back.Closing[0].Organisation,
			"closing questions":                 back.Closing[0].Questions,
		} {
			if got != want {
				t.Errorf("%s: got %q, want %q", name, got, want)
			}
		}
		if ks := back.Contributions; len(ks) != 2 || ks[0].ID != id || ks[0].Text != answer || ks[0].Organisation != want || !ks[0].At.Equal(at) ||
			ks[1].Text != perspective || ks[1].Part != "beoordeling" || ks[1].State != sessions.ContributionSetAside {
			t.Errorf("the contributions came back as %+v", ks)
		}
		wantSent := []string{"Ouderraad"}
		if want != "" && want != "Ouderraad" {
			wantSent = append(wantSent, want)
		}
		if r := back.Round; r == nil || r.QuestionID != "kinderen.onderwerpen" || r.Part != "beoordeling" || !r.Opened.Equal(at) || !r.Revealed || !slices.Equal(r.Sent, wantSent) {
			t.Errorf("the writing round came back as %+v, want sent %q", r, wantSent)
		}
		if back.Parked[0].QuestionID != "bestuur.uitwerking" || !back.Parked[0].Carried || back.Agenda["bestuur"].Spent != 2*time.Minute {
			t.Errorf("parked remark or agenda came back as %+v %+v", back.Parked[0], back.Agenda)
		}
		if second := Render(set, back); !bytes.Equal(first, second) {
			t.Errorf("writing what was read gives another report:\n%s", firstDifference(first, second))
		}
	})
}

// FuzzReadAnything feeds arbitrary files to the reader: it must never
// panic, must name a line when it refuses, and whatever it accepts must
// be written and read again without change.
func FuzzReadAnything(f *testing.F) {
	set := testSet()
	base := Render(set, everything())
	f.Add(base)
	f.Add(Render(set, sessions.New("", "")))
	f.Add([]byte(strings.ReplaceAll(string(base), "\n", "\r\n")))
	for _, cut := range []string{"<!-- gm:part visie -->", "> Elk kind", "| 2 (van vorig jaar)", "**Status:** deels", "<!-- /gm:meta -->",
		"<!-- gm:contribution Q_9 -->", "- **Afhandeling:** terzijde gelegd", "> Wij willen bij de beoordeling zijn.",
		"<!-- gm:round -->", "- **Getoond:** nee", "  - Ouderraad"} {
		i := bytes.Index(base, []byte(cut))
		f.Add(base[:i])
		f.Add(append(append([]byte{}, base[:i]...), "tekst\n> citaat\nlos\n"...))
	}
	f.Add([]byte(""))
	f.Add([]byte("<!-- gespreksmap report v1 -->\n#\n<!-- gm:meta -->\n<!-- /gm:meta -->\n<!-- gm:question x -->\n> a\nb\n- [x] c <!-- gm:choice c -->\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Parse(data, set)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Line < 1 || pe.Line > lineCount(data) || pe.Msg == "" {
				t.Fatalf("refused with %v, want a *ParseError naming a line of the file", err)
			}
			return
		}
		first := Render(set, s)
		again, err := Parse(first, set)
		if err != nil {
			t.Fatalf("the report written from an accepted file cannot be read: %v\n%s", err, numbered(first))
		}
		if second := Render(set, again); !bytes.Equal(first, second) {
			t.Fatalf("the report changes on a second round:\n%s", firstDifference(first, second))
		}
	})
}

// lineCount is how many lines Parse sees in data: a line ends in LF, CRLF
// or a lone CR.
func lineCount(data []byte) int {
	n := 1
	for text := string(data); ; n++ {
		_, rest := nextLine(text)
		if rest == "" {
			return n
		}
		text = rest
	}
}
