package report

import (
	"strings"
	"testing"
	"time"

	"gespreksmap/sessions"
)

var contributionTime = time.Date(2026, 11, 30, 14, 5, 0, 0, time.Local)

// withContributions is a conversation with a contribution waiting at a
// question and one set aside at a topic.
func withContributions(texts ...string) *sessions.Session {
	s := sessions.New("test-set", "3")
	s.Title = "Lab"
	s.Participants = []sessions.Participant{{Name: "Anna", Organisation: "Gemeente Tilburg"}}
	s.Contributions = []sessions.Contribution{
		{ID: "k1", Organisation: "Gemeente Tilburg", QuestionID: "bestuur.agenda", Text: "Eerst de inkoop.\nDan de rest.", At: contributionTime},
		{ID: "k2", Organisation: "Ouders *samen*", QuestionID: "kinderen.onderwerpen", Part: "beoordeling", Text: "Wij willen erbij zijn.", At: contributionTime.Add(7 * time.Minute), State: sessions.ContributionSetAside},
	}
	for i, text := range texts {
		s.Contributions = append(s.Contributions, sessions.Contribution{ID: "t" + string(rune('a'+i%26)) + strings.Repeat("x", i/26), Organisation: "SWV", QuestionID: "bestuur.uitwerking", Part: "vastgelegd", Text: text, At: contributionTime})
	}
	return s
}

func TestContributionsNotTakenOverAreWrittenInASectionOfTheirOwnAndReadBack(t *testing.T) {
	set := testSet()
	s := withContributions()
	doc := string(roundTrip(t, set, s))
	want := headContributions + "\n<!-- gm:contributions -->\n\n" +
		"<!-- gm:contribution k1 -->\n" +
		"- **Organisatie:** Gemeente Tilburg\n" +
		"- **Bij vraag:** 1.1 <!-- gm:ref bestuur.agenda -->\n" +
		"- **Ingestuurd:** 2026-11-30 14:05\n" +
		"- **Afhandeling:** wacht\n\n" +
		"> Eerst de inkoop.  \n> Dan de rest.\n\n" +
		"<!-- gm:contribution k2 -->\n" +
		"- **Organisatie:** Ouders \\*samen\\*\n" +
		"- **Bij vraag:** 2.3b <!-- gm:ref kinderen.onderwerpen#beoordeling -->\n" +
		"- **Ingestuurd:** 2026-11-30 14:12\n" +
		"- **Afhandeling:** terzijde gelegd\n\n" +
		"> Wij willen erbij zijn.\n\n" +
		headActions + "\n"
	if !strings.Contains(doc, want) {
		t.Errorf("the report lacks the section as written:\n%s", numbered([]byte(doc)))
	}
	back := mustParse(t, []byte(doc), set)
	if len(back.Contributions) != 2 {
		t.Fatalf("read back: %+v", back.Contributions)
	}
	for i, k := range back.Contributions {
		w := s.Contributions[i]
		if k.ID != w.ID || k.Organisation != w.Organisation || k.QuestionID != w.QuestionID || k.Part != w.Part || k.Text != w.Text || !k.At.Equal(w.At) || k.State != w.State {
			t.Errorf("contribution %d: got %+v, want %+v", i, k, w)
		}
	}
	// Without contributions there is no section.
	s.Contributions = nil
	if out := string(Render(set, s)); strings.Contains(out, headContributions) || strings.Contains(out, "gm:contribution") {
		t.Error("a report without contributions has their section")
	}
}

func TestAContributionsTextComesBackAsTyped(t *testing.T) {
	texts := []string{
		"# Agenda", "Titel\n---", "```go\nx\n```", "<script>alert(1)</script>", "<!-- gm:end -->", "<!-- gm:contribution k9 -->",
		"- **Organisatie:** nep", "> citaat", "&amp; &#32;    x", "    code", "\tcode", "x\n\n    code", "\\*niet\\* vet",
		"- een\n- twee", "1. een\n2. twee", "*nadruk* en **vet**", "a  \nb", "regel\n\n\nna twee lege", "👩🏽‍🏫 مرحبا 中文",
		"| a | b |\n| --- | --- |", "[x]: https://example.com", "**Status:** deels", "### 1.2 geen vraag", "## Actiepunten",
	}
	texts = append(texts, nastyTexts...)
	for i := range texts {
		texts[i] = strings.TrimSpace(sessions.CleanText(texts[i]))
	}
	set := testSet()
	s := withContributions(texts...)
	doc := roundTrip(t, set, s)
	back := mustParse(t, doc, set)
	for i, text := range texts {
		if got := back.Contributions[2+i].Text; got != text {
			t.Errorf("%q came back as %q", text, got)
		}
	}
	if len(back.Answers) != 0 || len(back.Actions) != 0 {
		t.Errorf("text in a contribution became something else: %d answers, %d actions", len(back.Answers), len(back.Actions))
	}
}

func TestAContributionWhoseIDCannotBeReadBackGetsANewOneAndKeepsItsText(t *testing.T) {
	set := testSet()
	s := withContributions()
	s.Contributions = append(s.Contributions,
		sessions.Contribution{ID: "k1", Organisation: "SWV", QuestionID: "bestuur.agenda", Text: "Dubbel."},
		sessions.Contribution{ID: "", Organisation: "SWV", QuestionID: "bestuur.agenda", Text: "Zonder id."},
		sessions.Contribution{ID: "a b -->", Organisation: "SWV", QuestionID: "bestuur.agenda", Text: "Vreemde id."},
		sessions.Contribution{ID: "bijdrage-1", Organisation: "SWV", QuestionID: "bestuur.agenda", Text: "Eigen id."},
	)
	back := mustParse(t, Render(set, s), set)
	var got []string
	for _, k := range back.Contributions {
		got = append(got, k.ID+": "+k.Text)
	}
	want := []string{"k1: Eerst de inkoop.\nDan de rest.", "k2: Wij willen erbij zijn.", "bijdrage-2: Dubbel.", "bijdrage-3: Zonder id.", "bijdrage-4: Vreemde id.", "bijdrage-1: Eigen id."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("read back %q", got)
	}
}

func TestAPersonEditsTheContributionsInATextEditor(t *testing.T) {
	set := testSet()
	doc := string(Render(set, withContributions()))
	// A number typed instead of the marker, another spelling, no time.
	doc = edit(t, doc, "- **Bij vraag:** 2.3b <!-- gm:ref kinderen.onderwerpen#beoordeling -->", "- **Bij vraag:** 1.3c")
	doc = edit(t, doc, "- **Afhandeling:** terzijde gelegd", "* **Afhandeling:** Terzijde")
	doc = edit(t, doc, "- **Ingestuurd:** 2026-11-30 14:12\n", "")
	// A split paragraph is added after a blank line; a lazy line continues.
	doc = edit(t, doc, "> Wij willen erbij zijn.\n", "> Wij willen erbij zijn.\nOok bij de evaluatie.\n\n> Tweede alinea.\n")
	s := mustParse(t, []byte(doc), set)
	k := s.Contributions[1]
	if k.QuestionID != "bestuur.uitwerking" || k.Part != "toezicht" || k.State != sessions.ContributionSetAside || !k.At.IsZero() ||
		k.Text != "Wij willen erbij zijn.\nOok bij de evaluatie.\n\nTweede alinea." {
		t.Errorf("read %+v", k)
	}
	// An emptied block is no contributions at all.
	doc = string(Render(set, withContributions()))
	start := strings.Index(doc, "<!-- gm:contribution k1")
	end := strings.Index(doc, headActions)
	if s := mustParse(t, []byte(doc[:start]+doc[end:]), set); len(s.Contributions) != 0 {
		t.Errorf("read %+v", s.Contributions)
	}
}

func TestAMalformedContributionIsRefusedWithItsLine(t *testing.T) {
	set := testSet()
	base := string(Render(set, withContributions()))
	for _, c := range []struct {
		name, old, new, at, msg string
	}{
		{"an unknown fact", "- **Afhandeling:** wacht", "- **Stemming:** goed", "- **Stemming:** goed", "onbekend gegeven"},
		{"a fact twice", "- **Afhandeling:** wacht", "- **Afhandeling:** wacht\n- **Organisatie:** SWV", "- **Organisatie:** SWV", "twee keer"},
		{"a state of one's own", "- **Afhandeling:** wacht", "- **Afhandeling:** misschien", "- **Afhandeling:** misschien", "terzijde gelegd of wacht"},
		{"a time that is none", "- **Ingestuurd:** 2026-11-30 14:05", "- **Ingestuurd:** gisteren", "- **Ingestuurd:** gisteren", "datum en tijd"},
		{"a stop the set does not have", "- **Bij vraag:** 1.1 <!-- gm:ref bestuur.agenda -->", "- **Bij vraag:** 9.9", "- **Bij vraag:** 9.9", "onbekende vraag"},
		{"an id that cannot be one", "<!-- gm:contribution k1 -->", "<!-- gm:contribution k/1 -->", "<!-- gm:contribution k/1 -->", "geen id van een bijdrage"},
		{"an id twice", "<!-- gm:contribution k2 -->", "<!-- gm:contribution k1 -->", "<!-- gm:contribution k1 -->\n- **Organisatie:** Ouders", "twee keer"},
		{"a contribution without id", "<!-- gm:contribution k1 -->", "<!-- gm:contribution -->", "<!-- gm:contribution -->", "mist een id"},
		{"text outside a quote", "> Wij willen erbij zijn.\n", "> Wij willen erbij zijn.\n\nLosse tekst.\n", "Losse tekst.", "onverwachte regel"},
		{"a fact above the first contribution", "<!-- gm:contributions -->\n", "<!-- gm:contributions -->\n- **Organisatie:** SWV\n", "- **Organisatie:** SWV", "hoort bij geen bijdrage"},
		{"a quote above the first contribution", "<!-- gm:contributions -->\n", "<!-- gm:contributions -->\n> los\n", "> los", "hoort bij geen bijdrage"},
		{"a heading of one's own", "<!-- gm:contribution k2 -->", "### Van de ouders\n<!-- gm:contribution k2 -->", "### Van de ouders", "kop"},
		{"a contribution outside its block", "<!-- gm:actions -->\n", "<!-- gm:actions -->\n<!-- gm:contribution k9 -->\n", "<!-- gm:contribution k9 -->", "staat niet onder"},
		{"the block twice", "<!-- gm:actions -->\n", "<!-- gm:contributions -->\n<!-- gm:actions -->\n", "<!-- gm:contributions -->\n<!-- gm:actions -->", "dubbele markering"},
		{"the block's marker deleted", "<!-- gm:contributions -->\n", "", headContributions, "<!-- gm:contributions -->"},
	} {
		t.Run(c.name, func(t *testing.T) {
			doc := edit(t, base, c.old, c.new)
			pe := refused(t, []byte(doc))
			if want := lineOf(t, doc, c.at); pe.Line != want || !strings.Contains(pe.Msg, c.msg) {
				t.Errorf("%v\nwant line %d saying %q", pe, want, c.msg)
			}
		})
	}
}
