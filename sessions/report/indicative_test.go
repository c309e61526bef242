package report

import (
	"strings"
	"testing"

	"gespreksmap/content"
	"gespreksmap/sessions"
)

// kaderSession answers the default set's inventarisatiekader: 250 pupils
// at breed, 40 at smal, medium not filled in.
func kaderSession() *sessions.Session {
	s := sessions.New(defaultSet.ID, defaultSet.Version)
	s.Title, s.Date = "Oplossingenlab", "2026-11-20"
	a := s.Answer("kinderen.inventarisatiekader")
	a.Counts = map[string]int{"breed": 250, "smal": 40}
	a.Status = sessions.StatusPartial
	a.Text = "Vooral de brede profielen vragen veel."
	return s
}

const kaderBlock = `- Breed profiel: **250** <!-- gm:count breed -->
- Medium profiel: **niet ingevuld** <!-- gm:count medium -->
- Smal profiel: **40** <!-- gm:count smal -->
- **Totaal: 290**
- **Indicatief: 48,1 fte** (Breed profiel 46,5 · Smal profiel 1,6; bron: Inventarisatiekader, Leidraad Zorg in Onderwijstijd (Nederlands Jeugdinstituut), hoofdstuk 4 Hulpmiddelen)

**Wat zeggen deze getallen over de zorg die nodig is?**
`

func TestTheReportWritesTheIndicativeResultAsADerivedLineWithItsSource(t *testing.T) {
	out := string(roundTrip(t, defaultSet, kaderSession()))
	if !strings.Contains(out, "<!-- gm:question kinderen.inventarisatiekader -->\n\n**Status:** deels\n\n"+kaderBlock) {
		t.Errorf("the counts of the inventarisatiekader are not written as\n%s\nin:\n%s", kaderBlock, out)
	}
	// Only a question with norms has the line.
	if strings.Count(out, indicativePrefix) != 1 {
		t.Errorf("%d indicative lines, want 1", strings.Count(out, indicativePrefix))
	}
}

func TestTheIndicativeLineIsIgnoredWhenTheReportIsRead(t *testing.T) {
	set := defaultSet
	doc := string(Render(set, kaderSession()))
	const line = "- **Indicatief: 48,1 fte** (Breed profiel 46,5 · Smal profiel 1,6; bron: Inventarisatiekader, Leidraad Zorg in Onderwijstijd (Nederlands Jeugdinstituut), hoofdstuk 4 Hulpmiddelen)\n"
	for name, changed := range map[string]string{
		"edited":  edit(t, doc, line, "- **Indicatief: 1.000 fte** (zelf uitgerekend)\n"),
		"removed": edit(t, doc, line, ""),
	} {
		s := mustParse(t, []byte(changed), set)
		a := s.Answers["kinderen.inventarisatiekader"]
		if a.Text != "Vooral de brede profielen vragen veel." || a.Counts["breed"] != 250 || len(a.Counts) != 2 {
			t.Errorf("%s: the line became part of the answer: %+v", name, a)
		}
		// The next save writes the result again from the numbers.
		if again := string(Render(set, s)); again != doc {
			t.Errorf("%s: the report is not written back as it was:\n%s", name, firstDifference([]byte(doc), []byte(again)))
		}
	}
	// A number changed by hand gives a new result on the next save.
	changed := edit(t, doc, "**250** <!-- gm:count breed -->", "**100** <!-- gm:count breed -->")
	if out := string(Render(set, mustParse(t, []byte(changed), set))); !strings.Contains(out, "- **Indicatief: 20,2 fte** (Breed profiel 18,6 · Smal profiel 1,6;") {
		t.Errorf("the result does not follow the edited count:\n%s", out)
	}
}

func TestTheTextsAroundTheIndicativeResultAreEscapedAndRoundTrip(t *testing.T) {
	set := testSet()
	q := &set.Sections[1].Questions[0]
	q.NormUnit = "fte *per* <jaar>"
	q.NormSource = "Kader [1](http://x) | `bron` <!-- gm:end -->"
	q.Categories[0].Norm = content.Norm{Per: 100, Amount: 18.61}
	q.Categories[1].Norm = content.Norm{Per: 10, Amount: 2}
	q.Categories[0].Label = "Breed **profiel** <b>"
	s := sessions.New(set.ID, set.Version)
	s.Answer(q.ID).Counts = map[string]int{"tlv": 250, "wlz": 5}
	out := string(roundTrip(t, set, s))
	var got string
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, indicativePrefix) {
			got = l
		}
	}
	if got == "" || strings.Count(got, "<") != strings.Count(got, `\<`) || strings.Contains(got, " **profiel**") || strings.Contains(got, " `bron`") {
		t.Errorf("set texts are written unescaped: %q", got)
	}
	if !strings.HasPrefix(got, `- **Indicatief: 47,5 fte \*per\* \<jaar>** (Breed \*\*profiel\*\* \<b> 46,5 · Een beschikking Wlz 1,0; bron: Kader`) {
		t.Errorf("line %q", got)
	}
}
