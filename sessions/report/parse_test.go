package report

import (
	"errors"
	"gespreksmap/content"
	"gespreksmap/sessions"
	"strings"
	"testing"
)

// edit replaces text that occurs exactly once in a report, as a person
// would in a text editor.
func edit(t *testing.T, doc, old, new string) string {
	t.Helper()
	if n := strings.Count(doc, old); n != 1 {
		t.Fatalf("%q occurs %d times in the report, want once", old, n)
	}
	return strings.Replace(doc, old, new, 1)
}

// lineOf is the 1-based number of the line where text first occurs.

func baseReport() string { return string(Render(testSet(), everything())) }

func TestAPersonChangesAnAnswerInATextEditorAndTheProgramReadsIt(t *testing.T) {
	doc := edit(t, baseReport(), "> Vooral vragen over verpleging.\n", "> Vooral vragen over verpleging\n> en over vervoer.\n")
	s := mustParse(t, []byte(doc), testSet())
	if got, want := s.Answers["kinderen.aantallen"].Text, "Vooral vragen over verpleging\nen over vervoer."; got != want {
		t.Errorf("answer = %q, want %q", got, want)
	}
}

func TestAPersonChangesAStatusInATextEditor(t *testing.T) {
	doc := edit(t, baseReport(), "**Status:** nog niet\n\n- Een toelaatbaarheidsverklaring", "**Status:** geregeld\n\n- Een toelaatbaarheidsverklaring")
	doc = edit(t, doc, "<!-- gm:part gebruikelijke-zorg -->\n\n**Status:** deels", "<!-- gm:part gebruikelijke-zorg -->\n\n**Status:** N.V.T.")
	s := mustParse(t, []byte(doc), testSet())
	if got := s.Answers["kinderen.aantallen"].Status; got != sessions.StatusDone {
		t.Errorf("status = %q, want geregeld", got)
	}
	if got := s.Answers["kinderen.onderwerpen"].Parts["gebruikelijke-zorg"].Status; got != sessions.StatusNA {
		t.Errorf("topic status = %q, want n.v.t.", got)
	}
}

func TestAPersonChangesACountAndFillsInAnEmptyOne(t *testing.T) {
	doc := edit(t, baseReport(), "**12** <!-- gm:count tlv -->", "**15** <!-- gm:count tlv -->")
	doc = edit(t, doc, "**niet ingevuld** <!-- gm:count wlz -->", "**3** <!-- gm:count wlz -->")
	s := mustParse(t, []byte(doc), testSet())
	if got := s.Answers["kinderen.aantallen"].Counts; got["tlv"] != 15 || got["wlz"] != 3 || got["oud-getal"] != 4 {
		t.Errorf("counts = %v, want tlv 15, wlz 3, oud-getal 4", got)
	}
	// The derived total is recomputed on the next write.
	if out := string(Render(testSet(), s)); !strings.Contains(out, "- **Totaal: 22**\n") {
		t.Error("the total does not follow the edited counts")
	}
}

func TestAPersonAddsAnActionRowWithABareQuestionNumber(t *testing.T) {
	doc := edit(t, baseReport(), "<!-- gm:end -->\n", "| | Ouders informeren \\| brief | Carla | 2027-02-01 | 2.2 | Ja |\n|5|Rooster maken|Dirk||kinderen.aantallen|\n\n<!-- gm:end -->\n")
	s := mustParse(t, []byte(doc), testSet())
	n := len(everything().Actions)
	if len(s.Actions) != n+2 {
		t.Fatalf("%d action items, want %d", len(s.Actions), n+2)
	}
	want := sessions.ActionItem{What: "Ouders informeren | brief", Who: "Carla", When: "2027-02-01", QuestionID: "kinderen.financiering", Done: true}
	if got := s.Actions[n]; got != want {
		t.Errorf("added row = %+v, want %+v", got, want)
	}
	want = sessions.ActionItem{What: "Rooster maken", Who: "Dirk", QuestionID: "kinderen.aantallen"}
	if got := s.Actions[n+1]; got != want {
		t.Errorf("second added row = %+v, want %+v", got, want)
	}
}

func TestAPersonAddsAParticipantAPerspectiveAPartnerStateAndAChoice(t *testing.T) {
	doc := edit(t, baseReport(), "| مريم |", "| Eva | Kompas | Zorgkantoren | | JA |\n| مريم |")
	doc = edit(t, doc, "> De scholen doen mee; het zorgkantoor nog niet.\n",
		"> De scholen doen mee; het zorgkantoor nog niet.\n\n**Perspectief van Zorgkantoor:** <!-- gm:perspective -->\n\n> Volgend jaar.\n")
	doc = edit(t, doc, "- Gemeente(n): **nog niet**", "- Gemeente(n): **werken samen**")
	doc = edit(t, doc, "- [ ] Ja <!-- gm:choice ja -->\n- [x] Nee", "- [X] Ja <!-- gm:choice ja -->\n- [ ] Nee")
	s := mustParse(t, []byte(doc), testSet())
	if got := s.Participants[3]; got != (sessions.Participant{Name: "Eva", Organisation: "Kompas", PartnerKind: "zorgkantoor", Signs: true}) {
		t.Errorf("added participant = %+v", got)
	}
	p := s.Answers["bestuur.partners"]
	if len(p.Perspectives) != 1 || p.Perspectives[0] != (sessions.Perspective{Organisation: "Zorgkantoor", Text: "Volgend jaar."}) {
		t.Errorf("perspectives = %+v", p.Perspectives)
	}
	if p.Partners["gemeente"] != sessions.PartnerTogether {
		t.Errorf("gemeente = %q, want samen", p.Partners["gemeente"])
	}
	if got := s.Answers["kinderen.financiering"].Choice; got != "ja" {
		t.Errorf("choice = %q, want ja", got)
	}
}

func TestAReportSavedByAnEditorWithWindowsLineEndingsAndLooseSpacingReadsTheSame(t *testing.T) {
	doc := baseReport()
	loose := strings.ReplaceAll(doc, "\n\n", "\n\n\n")                                // extra blank lines
	loose = strings.ReplaceAll(loose, "**Status:** deels\n", "**Status:** deels  \n") // trailing spaces
	loose = strings.ReplaceAll(loose, "<!-- gm:meta -->\n", "<!-- gm:meta -->   \n")
	loose = edit(t, loose, "> Elk kind gaat naar school.  \n> Ook met zorg.", ">Elk kind gaat naar school.\n>Ook met zorg.") // ">" without a space, trailing spaces gone
	loose = "\uFEFF" + strings.ReplaceAll(loose, "\n", "\r\n")
	want := Render(testSet(), mustParse(t, []byte(doc), testSet()))
	got := Render(testSet(), mustParse(t, []byte(loose), testSet()))
	if string(got) != string(want) {
		t.Errorf("the loosely edited report reads differently:\n%s", firstDifference(want, got))
	}
}

func TestALineTypedDirectlyUnderAQuoteBelongsToIt(t *testing.T) {
	doc := edit(t, baseReport(), "> Uit een oudere versie van de vragenset.\n", "> Uit een oudere versie van de vragenset.\nnog een zin, zonder citaatteken\n**Status:** geregeld\n")
	_, err := Parse([]byte(doc), testSet())
	// A status line is not taken into the quote: here it is the part's second status.
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Line != lineOf(t, doc, "nog een zin")+1 {
		t.Fatalf("err = %v, want a second status on the line under the continuation", err)
	}
	doc = edit(t, baseReport(), "> Uit een oudere versie van de vragenset.\n", "> Uit een oudere versie van de vragenset.\nnog een zin, zonder citaatteken\n")
	s := mustParse(t, []byte(doc), testSet())
	if got, want := s.Answers["bestuur.uitwerking"].Parts["vervallen-punt"].Text, "Uit een oudere versie van de vragenset.\nnog een zin, zonder citaatteken"; got != want {
		t.Errorf("text = %q, want %q", got, want)
	}
}

func TestTwoQuotesForOneAnswerAreReadAsTwoParagraphs(t *testing.T) {
	doc := edit(t, baseReport(), "> Vooral vragen over verpleging.\n", "> Vooral vragen over verpleging.\n\n> En over vervoer.\n")
	s := mustParse(t, []byte(doc), testSet())
	if got, want := s.Answers["kinderen.aantallen"].Text, "Vooral vragen over verpleging.\n\nEn over vervoer."; got != want {
		t.Errorf("text = %q, want %q", got, want)
	}
}

func TestAReportReadWithAnotherVersionOfTheSetKeepsEveryAnswer(t *testing.T) {
	full := testSet()
	doc := Render(full, everything())
	small := testSet()
	small.Sections = small.Sections[:1] // the second section is gone
	s := mustParse(t, doc, small)
	again := string(Render(small, s))
	for _, want := range []string{
		"### Om hoeveel kinderen gaat het?\n<!-- gm:question kinderen.aantallen -->",
		"- tlv: **12** <!-- gm:count tlv -->",
		"> Vooral vragen over verpleging.",
		"- [x] nee <!-- gm:choice nee -->",
		"<!-- gm:part gebruikelijke-zorg -->\n\n**Status:** deels\n\n> Medicijnen geven valt eronder.",
		"### 1\\.5 miljoen euro: wat doen we \\*ermee\\*?\n<!-- gm:question oud.vraag -->",
	} {
		if !strings.Contains(again, want) {
			t.Errorf("written with the smaller set, the report lacks %q", want)
		}
	}
	// And with the full set again, everything is back in its place.
	back := mustParse(t, []byte(again), full)
	if got := Render(full, back); string(got) != string(doc) {
		t.Errorf("back with the full set the report differs:\n%s", firstDifference(doc, got))
	}
}

func TestEveryMistakeInAReportIsReportedWithItsLine(t *testing.T) {
	base := baseReport()
	cases := []struct {
		name, old, new, at, msg string
	}{
		{"not a report", "<!-- gespreksmap report v2 -->", "Gewoon een markdownbestand", "Gewoon een", "geen gespreksverslag"},
		{"newer format", "<!-- gespreksmap report v2 -->", "<!-- gespreksmap report v3 -->", "<!-- gespreksmap report v3", "versie"},
		{"no title", "# Oplossingenlab", "Oplossingenlab", "Oplossingenlab", "titel"},
		{"no metadata", "<!-- gm:meta -->\n", "", "- **Samenwerkingsverband", "gm:meta"},
		{"unknown metadata", "- **Datum:**", "- **Dag:**", "- **Dag:**", "onbekend gegeven 'Dag'"},
		{"metadata twice", "- **Datum:** 2026-11-22\n", "- **Datum:** 2026-11-22\n- **Datum:** 2026-11-23\n", "2026-11-23", "twee keer"},
		{"broken time", "2026-11-22 15:04", "gisteren", "gisteren", "geen datum en tijd"},
		{"question twice", "<!-- gm:question oud.zonder-tekst -->", "<!-- gm:question kinderen.aantallen -->", "\n<!-- gm:question kinderen.aantallen -->\n\n**Status:** nog niet\n\n## Slotronde", "dubbele markering"},
		{"part twice", "<!-- gm:part vastgelegd -->", "<!-- gm:part visie -->", "\n<!-- gm:part visie -->\n\n**Status:** nog niet", "dubbele markering"},
		{"section twice", "<!-- gm:section kinderen -->", "<!-- gm:section bestuur -->", "\n<!-- gm:section bestuur -->\n\n*Centrale vraag: Om", "dubbele markering"},
		{"actions twice", "| 4 | Vervoer regelen |  | 2027 | (niet in deze vragenset) <!-- gm:ref oud.vraag --> | nee |\n", "| 4 | Vervoer regelen |  | 2027 | (niet in deze vragenset) <!-- gm:ref oud.vraag --> | nee |\n\n<!-- gm:actions -->\n", "\n\n<!-- gm:actions -->\n", "dubbele markering"},
		{"unknown marker", "<!-- gm:section kinderen -->", "<!-- gm:hoofdstuk kinderen -->", "<!-- gm:hoofdstuk", "onbekende markering"},
		{"unknown inline marker", "<!-- gm:count tlv -->", "<!-- gm:getal tlv -->", "<!-- gm:getal", "onbekende markering"},
		{"other comment", "<!-- gm:section kinderen -->", "<!-- notitie -->", "<!-- notitie", "onbekende opmerking"},
		{"question without id", "<!-- gm:question kinderen.aantallen -->", "<!-- gm:question -->", "<!-- gm:question -->", "mist een id"},
		{"inline marker alone", "**Perspectief van SWV:** <!-- gm:perspective -->", "<!-- gm:perspective -->", "<!-- gm:perspective -->\n\n> Akkoord.", "eind van een regel"},
		{"unknown status", "**Status:** n.v.t.\n\n- [ ]", "**Status:** bijna\n\n- [ ]", "**Status:** bijna", "onbekende status 'bijna' (kies uit: geregeld, deels, nog niet, n.v.t., niet besproken)"},
		{"status twice", "**Status:** nog niet\n\n- Een", "**Status:** nog niet\n\n**Status:** deels\n\n- Een", "**Status:** deels\n\n- Een", "tweede status"},
		{"status of a perspective", "> Akkoord.\n", "> Akkoord.\n\n**Status:** deels\n", "**Status:** deels\n\n###", "perspectief heeft geen eigen status"},
		{"count not a number", "**12** <!-- gm:count tlv -->", "**twaalf** <!-- gm:count tlv -->", "**twaalf**", "'twaalf' is geen aantal"},
		{"count below zero", "**12** <!-- gm:count tlv -->", "**-5** <!-- gm:count tlv -->", "**-5**", "'-5' is geen aantal; een aantal is 0 of meer"},
		{"count twice", "- Een beschikking Wlz: **niet ingevuld** <!-- gm:count wlz -->", "- Een beschikking Wlz: **1** <!-- gm:count tlv -->", "**1** <!-- gm:count tlv", "twee keer"},
		{"unknown partner state", "**nog niet** <!-- gm:partner gemeente -->", "**soms** <!-- gm:partner gemeente -->", "**soms**", "onbekende stand 'soms'"},
		{"two choices", "- [ ] Ja <!-- gm:choice ja -->", "- [x] Ja <!-- gm:choice ja -->", "- [x] Nee", "meer dan één keuze"},
		{"text between questions", "**Stand:** deels 1", "Even pauze.\n\n**Stand:** deels 1", "Even pauze.", "verwacht het verslag een vraag"},
		{"quote outside a question", "**Stand:** deels 1", "> Los citaat\n\n**Stand:** deels 1", "> Los citaat", "hoort bij geen enkele vraag"},
		{"part outside a question", "*Centrale vraag: Om welke kinderen gaat het?*", "<!-- gm:part visie -->", "<!-- gm:part visie -->\n\n**Stand:** deels", "niet onder een vraag"},
		{"too many columns", "| 4 | Pilot vervoer | Bram |  |  | nog niet besloten |", "| 4 | Pilot vervoer | Bram |  |  | nog niet besloten | extra |", "| 4 | Pilot vervoer", "7 kolommen"},
		{"bad done", "| Vervoer regelen |  | 2027 | (niet in deze vragenset) <!-- gm:ref oud.vraag --> | nee |", "| Vervoer regelen |  | 2027 | (niet in deze vragenset) <!-- gm:ref oud.vraag --> | misschien |", "| Vervoer regelen", "kolom Klaar"},
		{"bad outcome", "| gedaan |", "| klaar |", "| 1 | Visie opschrijven", "kolom Uitkomst"},
		{"bad signing", "| directeur | ja |", "| directeur | wel |", "| Anna de Vries", "kolom Tekenbevoegd"},
		{"bad number", "| 3 | Visie", "| drie | Visie", "| drie | Visie", "kolom Nr"},
		{"unknown question in an action", "| 2027 | (niet in deze vragenset) <!-- gm:ref oud.vraag --> | nee |", "| 2027 | 9.9 | nee |", "| 2027 | 9.9", "onbekende vraag '9.9'"},
		{"not a table row", "| 4 | Vervoer regelen |  | 2027 | (niet in deze vragenset) <!-- gm:ref oud.vraag --> | nee |", "Vervoer regelen door Bram", "Vervoer regelen door", "tabel"},
		{"ref marker in an answer", "- [x] Nee <!-- gm:choice nee -->", "- [x] Nee <!-- gm:ref nee -->", "<!-- gm:ref nee", "kolom Bij vraag"},
		{"another marker in an action", "| 2027 | (niet in deze vragenset) <!-- gm:ref oud.vraag --> | nee |", "| 2027 | 1.1 <!-- gm:part x --> | nee |", "| 2027 | 1.1 <!-- gm:part", "gm:ref"},
		{"text after the end", "<!-- gm:end -->\n", "<!-- gm:end -->\n\nNog een regel\n", "Nog een regel", "na het einde"},
		{"meta not closed", "<!-- /gm:meta -->", "", "## Stand van zaken", "verwacht een gegeven"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := edit(t, base, c.old, c.new)
			_, err := Parse([]byte(doc), testSet())
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("Parse gave %v, want a *ParseError", err)
			}
			// A leading newline in at points past the line it ends.
			want := lineOf(t, doc, c.at) + len(c.at) - len(strings.TrimLeft(c.at, "\n"))
			if pe.Line != want {
				t.Errorf("error on line %d, want line %d: %v\n%s", pe.Line, want, err, numberedAround(doc, want))
			}
			if !strings.Contains(pe.Msg, c.msg) {
				t.Errorf("message %q does not say %q", pe.Msg, c.msg)
			}
		})
	}
}

func numberedAround(doc string, line int) string {
	lines := strings.Split(numbered([]byte(doc)), "\n")
	lo, hi := max(0, line-4), min(len(lines), line+3)
	return strings.Join(lines[lo:hi], "\n")
}

func TestAnEmptyFileIsNotAReport(t *testing.T) {
	for _, data := range []string{"", "\n\n", "<!-- gespreksmap report v1 -->\n", "<!-- gespreksmap report v1 -->\n# T\n\n<!-- gm:meta -->\n- **Datum:** x\n"} {
		_, err := Parse([]byte(data), testSet())
		var pe *ParseError
		if !errors.As(err, &pe) || pe.Line < 1 {
			t.Errorf("Parse(%q) = %v, want a *ParseError with a line", data, err)
		}
	}
}

func TestAParseErrorNamesFileAndLine(t *testing.T) {
	e := &ParseError{Path: "verslagen/a.md", Line: 12, Msg: "onbekende status"}
	if got, want := e.Error(), "verslagen/a.md:12: onbekende status"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	e.Path = ""
	if got, want := e.Error(), "regel 12: onbekende status"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func TestTheSmallestReportIsReadAsAnEmptyConversation(t *testing.T) {
	doc := "<!-- gespreksmap report v1 -->\n#\n\n<!-- gm:meta -->\n<!-- /gm:meta -->\n"
	s := mustParse(t, []byte(doc), testSet())
	if s.Title != "" || len(s.Answers) != 0 || s.Actions != nil {
		t.Errorf("got %+v, want an empty conversation", s)
	}
}

func TestTheCentralLineIsLabelledByWhatItIsAndEarlierLabelsStillRead(t *testing.T) {
	set := content.Default()
	s := sessions.New(set.ID, set.Version)
	doc := string(Render(set, s))
	kinderen := "*" + inline(set.Section("kinderen").Central) + "*"
	for _, line := range []string{kinderen, "*Cruciaal: contact met ouders*"} {
		if !strings.Contains(doc, "\n"+line+"\n") {
			t.Errorf("the report lacks the line %q", line)
		}
	}
	// A central question is labelled as one.
	testDoc := string(Render(testSet(), sessions.New("test-set", "3")))
	if line := "*Centrale vraag: Staat de samenwerking op de agenda?*"; !strings.Contains(testDoc, "\n"+line+"\n") {
		t.Errorf("the report lacks the line %q", line)
	}
	// A central question that is also the first question is printed once,
	// as the question; a report that still has the line reads the same.
	financiering := "*Centrale vraag: " + inline(set.Section("financiering").Central) + "*"
	if strings.Contains(doc, financiering) {
		t.Errorf("the central question of section 5 is printed above its first question, which says the same")
	}
	if n := strings.Count(doc, inline(set.Section("financiering").Central)); n != 1 {
		t.Errorf("the question of 5.1 is printed %d times, want once", n)
	}
	older := edit(t, doc, "<!-- gm:section financiering -->\n", "<!-- gm:section financiering -->\n\n"+financiering+"\n")
	if got := string(Render(set, mustParse(t, []byte(older), set))); got != doc {
		t.Errorf("a report with the central question above 5.1 reads otherwise:\n%s", firstDifference([]byte(doc), []byte(got)))
	}
	// Earlier reports labelled a purpose too; they read as the same report.
	for _, old := range []string{"*Centrale vraag: ", "*Waar het om gaat: "} {
		edited := edit(t, doc, kinderen, old+kinderen[1:])
		edited = edit(t, edited, "*Cruciaal: contact met ouders*", old+"Cruciaal: contact met ouders*")
		if got := string(Render(set, mustParse(t, []byte(edited), set))); got != doc {
			t.Errorf("a report with %q reads otherwise:\n%s", old, firstDifference([]byte(doc), []byte(got)))
		}
	}
	// Another italic line there is still a person's line with no place.
	edited := edit(t, doc, kinderen, "*Centrale vraag: iets anders*")
	var pe *ParseError
	if _, err := Parse([]byte(edited), set); !errors.As(err, &pe) || pe.Line != lineOf(t, edited, "*Centrale vraag: iets anders*") {
		t.Errorf("Parse = %v, want a refusal naming the line", err)
	}
}
