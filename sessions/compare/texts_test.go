package compare

import (
	"strings"
	"testing"

	"gespreksmap/sessions"
)

func TestAChangedPercentageInAnAgreementIsShownWordForWord(t *testing.T) {
	prior := lastYear()
	current := lastYear()
	current.Answer("bestuur.uitwerking").Part("vastgelegd").Text = "In het convenant: bij ziekte van de begeleider betaalt de zorgaanbieder 85% van het loon door."
	c := Compare(compareSet(), prior, current)
	if len(c.Texts) != 1 {
		t.Fatalf("want one changed text, got %+v", c.Texts)
	}
	tc := c.Texts[0]
	if tc.Number() != "1.3b" || tc.Organisation != "" || tc.Rewritten() {
		t.Errorf("the change is not the joint answer at 1.3b shown word for word: %+v", tc)
	}
	got := c.Markdown()
	for _, line := range []string{
		"#### 1.3b Is deze visie vastgelegd en gedeeld?",
		"- **Gezamenlijk antwoord**: In het convenant: bij ziekte van de begeleider betaalt de zorgaanbieder ~~70%~~ **85%** van het loon door.",
	} {
		if !strings.Contains(got, "\n"+line+"\n") {
			t.Errorf("the comparison lacks the line\n%s\nin\n%s", line, got)
		}
	}
}

func TestAMostlyRewrittenAnswerIsShownOneYearUnderTheOther(t *testing.T) {
	runs, changed := cmpText("Er is een pilot.", "De pilot is  gestopt.")
	if !changed || runs != nil {
		t.Fatalf("a rewritten text is diffed word by word: %v %v", changed, runs)
	}
	if _, changed := cmpText("Eens per\njaar.", "Eens  per jaar. "); changed {
		t.Error("a text that differs only in white space is called changed")
	}
}

func TestMarksInTheWordDifferenceCannotBeBrokenByTypedText(t *testing.T) {
	runs, _, _ := wordDiff(`a b c C:\ *x*`, `a b c D:\ *x*`)
	got := diffMarkdown(runs)
	if want := `a b c ~~C:\\~~ **D:\\** \*x\*`; got != want {
		t.Errorf("diffMarkdown = %q, want %q", got, want)
	}
}

func TestPerspectivesArePairedPerOrganisationAndStop(t *testing.T) {
	c := Compare(compareSet(), lastYear(), thisYear())
	var got []string
	for _, tc := range c.Texts {
		if tc.Organisation == "" {
			continue
		}
		kind := "veranderd"
		switch {
		case tc.Prior == "":
			kind = "nieuw"
		case tc.Current == "":
			kind = "vervallen"
		}
		got = append(got, tc.Number()+" "+tc.Organisation+" "+kind)
	}
	want := "1.2 gemeente Tilburg veranderd|1.2 MEE vervallen|1.2 Zorgkantoor Brabant nieuw|1.3a SWV De Meierij nieuw"
	if strings.Join(got, "|") != want {
		t.Errorf("perspective changes\n got %s\nwant %s", strings.Join(got, "|"), want)
	}
}

func TestAnAddedOtherPartnerIsCalledNew(t *testing.T) {
	got := Compare(compareSet(), lastYear(), thisYear()).Markdown()
	for _, line := range []string{
		"| Anders: Jeugdzorg Plus | niet ingevuld | nog niet | nieuw |",
		"| Anders: Revalidatiecentrum De Kei | werken samen | niet ingevuld | niet meer genoemd |",
	} {
		if !strings.Contains(got, "\n"+line+"\n") {
			t.Errorf("the comparison lacks the line\n%s", line)
		}
	}
	// A partner on both lists whose state went blank is no new partner.
	prior, current := lastYear(), lastYear()
	current.Answer("bestuur.partners").OtherPartners[1].State = sessions.PartnerUnknown
	for _, p := range Compare(compareSet(), prior, current).Partners {
		if p.Named || p.Unnamed {
			t.Errorf("a partner named both years is called new or gone: %+v", p)
		}
	}
}
