package compare

import (
	"flag"
	"gespreksmap/content/contenttest"
	"gespreksmap/sessions"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/glamour"

	"gespreksmap/content"
)

var updateCompare = flag.Bool("update-compare", false, "rewrite the golden files of the yearly comparison")

// compareSet is a small question set with one question of every kind that
// the comparison treats differently.
func compareSet() *content.Set {
	return &content.Set{
		ID: "zio-test", Version: "2", Title: "Testset",
		PartnerKinds: []content.PartnerKind{
			{ID: "scholen", Label: "Scholen (directie/zorgcoördinatie)"},
			{ID: "ouders", Label: "Oudervertegenwoordiging binnen de school"},
			{ID: "gemeente", Label: "Gemeente(n)"},
			{ID: "zorgkantoor", Label: "Zorgkantoren"},
		},
		Sections: []content.Section{
			{ID: "bestuur", Title: "Bestuurlijke samenwerking", Questions: []content.Question{
				{ID: "bestuur.agenda", Kind: content.KindOpen, Text: "Staat de (boven)regionale samenwerking op de agenda?"},
				{ID: "bestuur.partners", Kind: content.KindPartners, Text: "Met wie werken we samen en met wie nog niet?"},
				{ID: "bestuur.uitwerking", Kind: content.KindPoints, Text: "Hoe is de samenwerking uitgewerkt?", Points: []content.Point{
					{ID: "visie", Text: "Wat is onze gezamenlijke visie op de ontwikkeling van het kind?"},
					{ID: "vastgelegd", Text: "Is deze visie vastgelegd en gedeeld?"},
					{ID: "toezicht", Text: "Wie ziet toe op de samenwerking?"},
				}},
			}},
			{ID: "kinderen", Title: "Kinderen en ondersteuningsvragen in beeld", Questions: []content.Question{
				{ID: "kinderen.aantallen", Kind: content.KindCounts, Text: "Om hoeveel kinderen gaat het?", CountsText: "Welke vragen hebben zij?",
					Categories: []content.Category{
						{ID: "tlv", Label: "Met een toelaatbaarheidsverklaring"},
						{ID: "wlz", Label: "Met een Wlz-indicatie"},
						{ID: "oza", Label: "Met een onderwijszorgarrangement"},
						{ID: "thuis", Label: "Thuiszitters"},
						{ID: "vrij", Label: "Met een vrijstelling"},
					}},
				{ID: "kinderen.signalen", Kind: content.KindOpen, Text: "Hoe komen vragen van kinderen bij ons binnen?"},
				{ID: "kinderen.kader", Kind: content.KindCounts, Text: "Hoeveel leerlingen zijn er per zorgprofiel?",
					NormUnit: "fte", NormSource: "Inventarisatiekader, Leidraad Zorg in Onderwijstijd",
					Categories: []content.Category{
						{ID: "breed", Label: "Breed profiel", Norm: content.Norm{Per: 100, Amount: 18.61}},
						{ID: "medium", Label: "Medium profiel", Norm: content.Norm{Per: 100, Amount: 10.94}},
						{ID: "smal", Label: "Smal profiel", Norm: content.Norm{Per: 100, Amount: 3.89}},
					}},
			}},
			{ID: "financiering", Title: "Financiering", Questions: []content.Question{
				{ID: "financiering.collectief", Kind: content.KindChoice, Text: "Zijn er afspraken over collectieve financiering?",
					Choices: []content.Choice{{ID: "ja", Label: "Ja"}, {ID: "nee", Label: "Nee"}}},
				{ID: "financiering.afspraken", Kind: content.KindTopics, Text: "Over welke onderwerpen maken we afspraken?", Topics: []content.Point{
					{ID: "gebruikelijk", Text: "Gebruikelijke zorg"},
					{ID: "beoordeling", Text: "Beoordeling van zorg en ondersteuning"},
				}},
			}},
			{ID: "reflectie", Title: "Reflectie en leren", Questions: []content.Question{
				{ID: "reflectie.evaluatie", Kind: content.KindOpen, Text: "Hoe evalueren we de samenwerking?"},
			}},
		},
	}
}

// lastYear and thisYear are two reports of the same partnership that differ
// in every way the comparison knows about.
func lastYear() *sessions.Session {
	s := sessions.New("zio-test", "1")
	s.Title, s.Date, s.Region = "Oplossingenlab 2025", "2025-11-20", "Hart van Brabant"
	s.Answer("bestuur.agenda").Status = sessions.StatusNotYet

	p := s.Answer("bestuur.partners")
	p.Status = sessions.StatusPartial
	p.Partners = map[string]sessions.PartnerState{"scholen": sessions.PartnerTogether, "gemeente": sessions.PartnerTogether, "zorgkantoor": sessions.PartnerNotYet}
	p.OtherPartners = []sessions.OtherPartner{
		{Name: "Kinderopvang De Vlinder", State: sessions.PartnerTogether},
		{Name: "MEE", State: sessions.PartnerNotYet},
		{Name: "Revalidatiecentrum De Kei", State: sessions.PartnerTogether},
	}
	p.Perspectives = []sessions.Perspective{
		{Organisation: "Gemeente Tilburg", Text: "Wij betalen de begeleiding in de klas voor 70%."},
		{Organisation: "MEE", Text: "Wij sluiten aan waar het nodig is."},
	}

	u := s.Answer("bestuur.uitwerking")
	u.Part("visie").Status = sessions.StatusPartial
	u.Part("vastgelegd").Status = sessions.StatusDone
	u.Part("vastgelegd").Text = "In het convenant: bij ziekte van de begeleider betaalt de zorgaanbieder 70% van het loon door."
	u.Part("oud-punt").Status = sessions.StatusDone
	u.Part("oud-punt").Text = "een deelpunt uit de vorige versie"

	s.Answer("kinderen.aantallen").Counts = map[string]int{"tlv": 12, "wlz": 5, "thuis": 1, "vrij": 2}
	s.Answer("kinderen.kader").Counts = map[string]int{"breed": 250, "medium": 30, "smal": 40}
	s.Answer("kinderen.signalen").Status = sessions.StatusPartial
	s.Answer("kinderen.signalen").Text = "Via de intern begeleider."

	c := s.Answer("financiering.collectief")
	c.Choice, c.Text, c.Status = "ja", "Er is een pilot.", sessions.StatusPartial

	s.Answer("reflectie.evaluatie").Status = sessions.StatusPartial
	s.Answer("reflectie.evaluatie").Text = "Eens per jaar."

	o := s.Answer("bestuur.oogo")
	o.QuestionText, o.Status = "Staat het onderwerp op de agenda van het OOGO?", sessions.StatusDone
	w := s.Answer("kinderen.wachtlijst")
	w.QuestionText, w.Text = "Is er een wachtlijst?", "Ja, acht kinderen."

	s.Actions = []sessions.ActionItem{
		{What: "Convenant opstellen", Who: "Gemeente Tilburg", When: "2026-01-15", QuestionID: "bestuur.partners"},
		{What: "Zorgkantoor uitnodigen", Who: "SWV De Meierij", When: "2026-03-01", QuestionID: "bestuur.partners"},
		{What: "Inventarisatie herhalen", Who: "Anna", When: "voor de zomer", QuestionID: "kinderen.aantallen"},
		{What: "Ouderavond organiseren", Who: "School | ouderraad", When: "2026-05-01"},
		{What: "Evaluatie plannen", Who: "Anna", When: "2026-02-01", Done: true},
		{What: "Wachtlijst in kaart brengen", Who: "Zorgaanbieder", When: "2026-04-01", QuestionID: "kinderen.wachtlijst"},
		{What: "Folder voor ouders maken", Who: "Oudervertegenwoordiging", When: "2026-06-01"},
	}
	return s
}

func thisYear() *sessions.Session {
	s := sessions.New("zio-test", "2")
	s.Title, s.Date, s.Region = "Oplossingenlab 2026", "2026-11-22", "Hart van Brabant"
	s.Answer("bestuur.agenda").Status = sessions.StatusDone

	p := s.Answer("bestuur.partners")
	p.Status = sessions.StatusPartial
	p.Partners = map[string]sessions.PartnerState{"scholen": sessions.PartnerTogether, "ouders": sessions.PartnerNA, "gemeente": sessions.PartnerNotYet, "zorgkantoor": sessions.PartnerTogether}
	p.OtherPartners = []sessions.OtherPartner{
		{Name: "Kinderopvang De Vlinder", State: sessions.PartnerNA},
		{Name: "mee ", State: sessions.PartnerTogether},
		{Name: "Stichting | Buurtwerk", State: sessions.PartnerTogether},
		{Name: "Jeugdzorg Plus", State: sessions.PartnerNotYet},
	}
	p.Perspectives = []sessions.Perspective{
		{Organisation: "gemeente  Tilburg", Text: "Wij betalen de begeleiding in de klas voor 85%."},
		{Organisation: "Zorgkantoor Brabant", Text: "Wij *doen* mee."},
	}

	u := s.Answer("bestuur.uitwerking")
	u.Part("visie").Status = sessions.StatusDone
	u.Part("vastgelegd").Status = sessions.StatusNotYet
	u.Part("vastgelegd").Text = "In het convenant: bij ziekte van de begeleider betaalt de zorgaanbieder 85% van het loon door."
	u.Perspectives = []sessions.Perspective{{Organisation: "SWV De Meierij", Text: "Eén plan per kind.", Part: "visie"}}
	u.Part("toezicht").Status = sessions.StatusPartial

	s.Answer("kinderen.aantallen").Counts = map[string]int{"tlv": 15, "wlz": 3, "oza": 4, "vrij": 2}
	s.Answer("kinderen.kader").Counts = map[string]int{"breed": 270, "smal": 40}

	c := s.Answer("financiering.collectief")
	c.Choice, c.Text, c.Status = "nee", "De pilot is gestopt.", sessions.StatusNotYet

	a := s.Answer("financiering.afspraken")
	a.Part("gebruikelijk").Status = sessions.StatusDone
	a.Part("beoordeling").Status = sessions.StatusPartial

	s.Answer("reflectie.evaluatie").Status = sessions.StatusPartial
	// The evaluation is unchanged, so question 4.1 is not listed.
	s.Answer("reflectie.evaluatie").Text = "Eens per jaar."

	w := s.Answer("kinderen.wachtlijst")
	w.QuestionText, w.Status = "Is er een wachtlijst?", sessions.StatusNotYet
	b := s.Answer("ouders.betrokkenheid")
	b.QuestionText, b.Text = "Hoe betrekken we ouders bij *beleid*?", "Via de MR."

	last := lastYear().Actions
	s.PriorActions = []sessions.PriorAction{
		{Item: last[0], Outcome: sessions.OutcomeDone},
		{Item: last[1], Outcome: sessions.OutcomeCarried},
		{Item: last[2], Outcome: sessions.OutcomeDropped},
		{Item: last[3], Outcome: sessions.OutcomeOpen},
	}
	carried := last[1]
	carried.When, carried.Carried = "2027-02-01", true
	// The folder is carried in this year's list without an outcome recorded
	// for it, as when the item was copied by hand.
	folder := last[6]
	folder.When, folder.Carried = "2027-06-01", true
	s.Actions = []sessions.ActionItem{carried, {What: "Ouders uitnodigen", Who: "School", When: "2027-01-10"}, folder}
	return s
}

func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *updateCompare {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("golden file: %v (run go test ./sessions/compare -update-compare to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file.\n--- got ---\n%s\n--- want ---\n%s", name, got, want)
	}
}

func TestAProjectGroupSeesEveryKindOfChangeSinceLastYear(t *testing.T) {
	got := Compare(compareSet(), lastYear(), thisYear()).Markdown()
	checkGolden(t, "year.md.golden", got)

	// The golden file is the full claim; these lines are the ones a reader
	// looks for first, checked on their own so a wrong golden cannot hide them.
	for _, line := range []string{
		"## Wat is er veranderd sinds 20 november 2025",
		"Vooruit: 2 · achteruit: 2 · anders: 0",
		"| 1.1 | Staat de (boven)regionale samenwerking op de agenda? | nog niet → geregeld | vooruit |",
		"| 1.3b | Is deze visie vastgelegd en gedeeld? | geregeld → nog niet | achteruit |",
		"| 1.3c | Wie ziet toe op de samenwerking? | deels |",
		"| 1.3 `oud-punt` | deelpunt dat niet in deze vragenset staat | geregeld |",
		"| Met een toelaatbaarheidsverklaring | 12 | 15 | +3 |",
		"| Met een Wlz-indicatie | 5 | 3 | −2 |",
		"| Met een onderwijszorgarrangement | — | 4 | nieuw |",
		"| Met een vrijstelling | 2 | 2 | 0 |",
		"| **Totaal** | **19** | **20** | **+1** |",
		"Het totaal telt alleen de categorieën die beide jaren zijn ingevuld. Het telt groepen op, geen kinderen: een kind kan in meer dan één groep vallen.",
		"Niet in het totaal, want in één jaar ingevuld: Met een onderwijszorgarrangement (alleen dit jaar); Thuiszitters (alleen vorig jaar).",
		// 250 and 40 pupils at 18,61 and 3,89 fte per 100 = 48,081; 270 and
		// 40 = 51,803; the medium profile, filled in last year only, is left
		// out of both, as from the total.
		"| *Indicatief (fte)* | 48,1 | 51,8 | +3,7 |",
		"Indicatief: berekend met de normen van de vragenset over dezelfde categorieën als het totaal; een richtgetal, geen berekening van wat nodig is (bron: Inventarisatiekader, Leidraad Zorg in Onderwijstijd).",
		"| Zorgkantoren | nog niet | werken samen | nieuwe samenwerking |",
		"| Gemeente(n) | werken samen | nog niet | samenwerking gestopt |",
		"| Anders: Stichting \\| Buurtwerk | niet ingevuld | werken samen | nieuwe samenwerking |",
		"| 3.1 | Zijn er afspraken over collectieve financiering? | Ja → Nee |",
		"| Zorgkantoor uitnodigen | SWV De Meierij | 2026-03-01 | 1.2 | doorgeschoven naar 2027-02-01 |",
		"| Ouderavond organiseren | School \\| ouderraad | 2026-05-01 | — | nog niet besloten |",
		"| Folder voor ouders maken | Oudervertegenwoordiging | 2026-06-01 | — | doorgeschoven naar 2027-06-01 |",
		"| 2.2 | Hoe komen vragen van kinderen bij ons binnen? | deels |",
		"| 3.2 | Over welke onderwerpen maken we afspraken? | geregeld 1 · deels 1 |",
		"| `ouders.betrokkenheid` | Hoe betrekken we ouders bij \\*beleid\\*? | niet beantwoord | beantwoord |",
	} {
		if !strings.Contains(got, line+"\n") {
			t.Errorf("comparison lacks the line\n%s", line)
		}
	}
	if strings.Contains(got, "Evaluatie plannen") {
		t.Error("an action item already done last year is listed as open")
	}
	if strings.Contains(got, "4.1") {
		t.Error("a question without changes is listed")
	}
}

func TestTheComparisonDescribesEachChange(t *testing.T) {
	c := Compare(compareSet(), lastYear(), thisYear())

	var moves []string
	for _, s := range c.Statuses {
		moves = append(moves, s.Question.Number()+s.PartLetter+":"+string(s.From)+">"+string(s.To))
	}
	want := "1.1:nog-niet>geregeld 1.3a:deels>geregeld 1.3b:geregeld>nog-niet 3.1:deels>nog-niet"
	if got := strings.Join(moves, " "); got != want {
		t.Errorf("status changes in set order:\n got %s\nwant %s", got, want)
	}
	if d := c.Statuses[0].Direction(); d != 1 {
		t.Errorf("nog niet → geregeld has direction %d, want 1", d)
	}
	if d := c.Statuses[2].Direction(); d != -1 {
		t.Errorf("geregeld → nog niet has direction %d, want -1", d)
	}

	var joined, left []string
	for _, p := range c.Partners {
		if p.Joined() {
			joined = append(joined, p.Label)
		}
		if p.Left() {
			left = append(left, p.Label)
		}
	}
	if got := strings.Join(joined, ", "); got != "Zorgkantoren, mee, Stichting | Buurtwerk" {
		t.Errorf("joined partners: %s", got)
	}
	if got := strings.Join(left, ", "); got != "Gemeente(n), Kinderopvang De Vlinder" {
		t.Errorf("partners that left: %s", got)
	}

	var outcomes []string
	for _, a := range c.Actions {
		outcomes = append(outcomes, a.Item.What+"="+string(a.Outcome))
	}
	wantOutcomes := "Convenant opstellen=gedaan Zorgkantoor uitnodigen=doorgeschoven Inventarisatie herhalen=vervallen Ouderavond organiseren= Wachtlijst in kaart brengen= Folder voor ouders maken=doorgeschoven"
	if got := strings.Join(outcomes, " "); got != wantOutcomes {
		t.Errorf("action outcomes:\n got %s\nwant %s", got, wantOutcomes)
	}

	if len(c.Unknown) != 3 || c.Unknown[0].ID != "bestuur.oogo" || c.Unknown[0].Current != nil || c.Unknown[2].Prior != nil {
		t.Errorf("questions outside the set: %+v", c.Unknown)
	}
}

func TestThreeYearsAreComparedEachWithTheYearBefore(t *testing.T) {
	first := sessions.New("zio-test", "1")
	first.Title, first.Date = "Oplossingenlab 2024", "2024-03-05"
	first.Answer("bestuur.agenda").Status = sessions.StatusNotYet
	first.Answer("kinderen.aantallen").Counts = map[string]int{"tlv": 9}

	second := lastYear()
	third := thisYear()

	got := CompareMarkdown(compareSet(), first, second, third)
	checkGolden(t, "chain.md.golden", got)

	if !strings.HasPrefix(got, "# Vergelijking van gespreksverslagen\n\n## Wat is er veranderd sinds 5 maart 2024\n") {
		t.Errorf("the chain does not open with its title and the oldest pair:\n%s", got)
	}
	first2, rest, ok := strings.Cut(got, "## Wat is er veranderd sinds 20 november 2025\n")
	if !ok {
		t.Fatalf("the chain lacks the second pair:\n%s", got)
	}
	if !strings.Contains(first2, "| Met een toelaatbaarheidsverklaring | 9 | 12 | +3 |") {
		t.Error("the first pair does not compare 2024 with 2025")
	}
	if !strings.Contains(rest, "| Met een toelaatbaarheidsverklaring | 12 | 15 | +3 |") {
		t.Error("the second pair does not compare 2025 with 2026")
	}
	if want := Compare(compareSet(), second, third).Markdown(); !strings.HasSuffix(got, want) {
		t.Error("the last section of the chain is not the plain comparison of the last two reports")
	}
}

func TestComparingTheSameReportsTwiceGivesTheSameText(t *testing.T) {
	want := CompareMarkdown(compareSet(), lastYear(), thisYear())
	for range 20 {
		// Fresh sessions each time, so map order differs between runs.
		if got := CompareMarkdown(compareSet(), lastYear(), thisYear()); got != want {
			t.Fatalf("output differs between runs:\n%s\n---\n%s", got, want)
		}
	}
}

func TestAYearWithoutChangesSaysSoPerKindOfChange(t *testing.T) {
	s := lastYear()
	s.Actions = nil
	got := Compare(compareSet(), s, s).Markdown()
	for _, line := range []string{
		"Geen veranderingen in de status van vragen en deelpunten.",
		"Geen veranderingen in de samenwerking met partners.",
		"Geen veranderingen in de gemaakte keuzes.",
		"Geen veranderingen: vorig jaar stonden er geen actiepunten open.",
		"Geen veranderingen: alle vragen en deelpunten van vorig jaar zijn dit jaar ook beantwoord.",
		"Geen veranderingen: er zijn geen vragen of deelpunten die dit jaar voor het eerst zijn beantwoord.",
	} {
		if !strings.Contains(got, line+"\n") {
			t.Errorf("missing %q in\n%s", line, got)
		}
	}
	// The counts are still shown side by side, all unchanged.
	if !strings.Contains(got, "| **Totaal** | **20** | **20** | **0** |\n") {
		t.Errorf("unchanged counts are not shown with difference 0:\n%s", got)
	}
}

func TestReportsWithoutAnythingToCompareStillGetEveryHeading(t *testing.T) {
	got := Compare(compareSet(), sessions.New("zio-test", "2"), sessions.New("zio-test", "2")).Markdown()
	if !strings.HasPrefix(got, "## Wat is er veranderd sinds het vorige gesprek\n") {
		t.Errorf("undated prior report heading:\n%s", got)
	}
	if n := strings.Count(got, "\n### "); n != 9 {
		t.Errorf("want 9 headings, one per kind of change, got %d:\n%s", n, got)
	}
	if !strings.Contains(got, "Geen veranderingen: alle antwoorden horen bij vragen uit deze vragenset.\n") {
		t.Errorf("no line saying all answers belong to the set:\n%s", got)
	}
	if strings.Contains(got, "versie") {
		t.Errorf("reports of the same set version get a note about versions:\n%s", got)
	}

	other := Compare(compareSet(), sessions.New("regio-set", "3"), sessions.New("zio-test", "2")).Markdown()
	if !strings.Contains(other, "\nVorig jaar is vragenset regio-set (versie 3) gebruikt, dit jaar zio-test (versie 2).") {
		t.Errorf("reports of different question sets are compared without saying so:\n%s", other)
	}
}

func TestTheComparisonReadsAsTablesInTheTerminalViewer(t *testing.T) {
	r, err := glamour.NewTermRenderer(glamour.WithStandardStyle("notty"), glamour.WithWordWrap(160))
	if err != nil {
		t.Fatal(err)
	}
	out, err := r.Render(Compare(compareSet(), lastYear(), thisYear()).Markdown())
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out, `\|`) || strings.Contains(out, `\*`) {
		t.Errorf("escapes show in the rendered text:\n%s", out)
	}
	// A pipe typed by a user stays inside its cell: the row keeps its
	// neighbouring cells on the same line.
	for _, row := range [][]string{
		{"Anders: Stichting | Buurtwerk", "niet ingevuld", "werken samen", "nieuwe samenwerking"},
		{"Ouderavond organiseren", "School | ouderraad", "2026-05-01", "nog niet besloten"},
		{"Met een Wlz-indicatie", "5", "3", "−2"},
	} {
		found := false
		for _, line := range strings.Split(out, "\n") {
			cells := strings.Split(line, " | ")
			if len(cells) < len(row) {
				continue
			}
			ok := true
			for _, want := range row {
				if !strings.Contains(line, want) {
					ok = false
				}
			}
			found = found || ok
		}
		if !found {
			t.Errorf("no rendered table row with %q in\n%s", row, out)
		}
	}
}

func TestEveryQuestionOfTheDefaultSetIsNumberedAsInTheReport(t *testing.T) {
	set := content.Default()
	prior := sessions.New(set.ID, set.Version)
	total := 0
	for _, sec := range set.Sections {
		for _, q := range sec.Questions {
			prior.Answer(q.ID).Text = "besproken"
			total++
		}
	}
	c := Compare(set, prior, sessions.New(set.ID, set.Version))
	if len(c.NoLongerAnswered) != total || total == 0 {
		t.Fatalf("%d of %d questions listed as no longer answered", len(c.NoLongerAnswered), total)
	}
	for _, a := range c.NoLongerAnswered {
		if want := sessions.QuestionNumber(set, a.Question.ID); a.Question.Number() != want {
			t.Errorf("%s numbered %s, the report says %s", a.Question.ID, a.Question.Number(), want)
		}
	}
}

func TestATopicDiscussedForTheFirstTimeIsListedAsNewlyAnsweredNotAsAStatusChange(t *testing.T) {
	prior, cur := sessions.New("zio-test", "2"), sessions.New("zio-test", "2")
	prior.Date, cur.Date = "2025-11-20", "2026-11-22"
	prior.Answer("financiering.afspraken").Part("gebruikelijk").Status = sessions.StatusDone
	a := cur.Answer("financiering.afspraken")
	a.Part("gebruikelijk").Status = sessions.StatusDone
	a.Part("beoordeling").Status = sessions.StatusDone
	prior.Answer("bestuur.uitwerking").Part("visie").Status = sessions.StatusPartial
	prior.Answer("bestuur.uitwerking").Part("toezicht").Status = sessions.StatusNotYet
	cur.Answer("bestuur.uitwerking").Part("visie").Status = sessions.StatusDone

	c := Compare(compareSet(), prior, cur)
	got := c.Markdown()
	for _, line := range []string{
		"Vooruit: 1 · achteruit: 0 · anders: 0",
		"| 1.3a | Wat is onze gezamenlijke visie op de ontwikkeling van het kind? | deels → geregeld | vooruit |",
		"| 1.3c | Wie ziet toe op de samenwerking? | nog niet |",
		"| 3.2b | Beoordeling van zorg en ondersteuning | geregeld |",
	} {
		if !strings.Contains(got, line+"\n") {
			t.Errorf("missing the line\n%s\nin\n%s", line, got)
		}
	}
	if strings.Contains(got, "niet besproken →") || strings.Contains(got, "→ niet besproken") {
		t.Errorf("a part answered in one year only shows as a status change:\n%s", got)
	}
	_, newly, _ := strings.Cut(got, "### Dit jaar voor het eerst beantwoord\n")
	if !strings.Contains(newly, "| 3.2b |") {
		t.Errorf("the newly discussed topic is not under its heading:\n%s", newly)
	}
	_, gone, _ := strings.Cut(got, "### Vorig jaar beantwoord, dit jaar niet\n")
	if gone, _, _ = strings.Cut(gone, "###"); !strings.Contains(gone, "| 1.3c |") {
		t.Errorf("the sub-point left out this year is not under its heading:\n%s", gone)
	}
	if len(c.Statuses) != 1 || len(c.NewlyAnswered) != 1 || len(c.NoLongerAnswered) != 1 {
		t.Errorf("statuses %d, newly %d, no longer %d; want 1 each", len(c.Statuses), len(c.NewlyAnswered), len(c.NoLongerAnswered))
	}
}

func TestAStatusGivenToAQuestionAnsweredBothYearsIsNotCountedAsChangedOtherwise(t *testing.T) {
	prior, cur := sessions.New("zio-test", "2"), sessions.New("zio-test", "2")
	prior.Answer("reflectie.evaluatie").Text = "Eens per jaar."
	e := cur.Answer("reflectie.evaluatie")
	e.Text, e.Status = "Eens per jaar.", sessions.StatusDone
	prior.Answer("bestuur.agenda").Status = sessions.StatusNotYet
	cur.Answer("bestuur.agenda").Status = sessions.StatusNA

	got := Compare(compareSet(), prior, cur).Markdown()
	for _, line := range []string{
		"Vooruit: 0 · achteruit: 0 · anders: 1 · status nieuw: 1",
		"| 1.1 | Staat de (boven)regionale samenwerking op de agenda? | nog niet → n.v.t. | anders |",
		"| 4.1 | Hoe evalueren we de samenwerking? | niet besproken → geregeld | status nieuw |",
	} {
		if !strings.Contains(got, line+"\n") {
			t.Errorf("missing the line\n%s\nin\n%s", line, got)
		}
	}
}

func TestPartnersAndChoicesFilledInOneYearOnlyAreNotCalledUnchanged(t *testing.T) {
	cur := thisYear()
	delete(cur.Answers, "bestuur.partners")
	cur.Answer("financiering.collectief").Choice = "" // the remark and status stay
	cur.Answer("kinderen.aantallen").Counts = nil
	cur.Answer("kinderen.aantallen").Text = "Nog niet geteld."
	last := lastYear()
	delete(cur.Answers, "kinderen.kader") // the other counts question: not in this story
	delete(last.Answers, "kinderen.kader")

	got := Compare(compareSet(), last, cur).Markdown()
	for _, line := range []string{
		"Niet te vergelijken: 1.2 is dit jaar niet ingevuld.",
		"Niet te vergelijken: bij 3.1 is dit jaar geen keuze gemaakt.",
		"Niet te vergelijken: bij 2.1 zijn dit jaar geen aantallen ingevuld.",
	} {
		if !strings.Contains(got, line+"\n") {
			t.Errorf("missing the line\n%s\nin\n%s", line, got)
		}
	}
	for _, claim := range []string{
		"Geen veranderingen in de samenwerking met partners.",
		"Geen veranderingen in de gemaakte keuzes.",
		"geen keuze |",
		"| **Totaal** |",
	} {
		if strings.Contains(got, claim) {
			t.Errorf("the comparison claims %q about a question filled in last year only:\n%s", claim, got)
		}
	}

	// The other way round: filled in this year, not last year.
	prior := lastYear()
	delete(prior.Answers, "bestuur.partners")
	back := Compare(compareSet(), prior, thisYear()).Markdown()
	if !strings.Contains(back, "Niet te vergelijken: 1.2 is vorig jaar niet ingevuld.\n") {
		t.Errorf("a partner list new this year is not called incomparable:\n%s", back)
	}
}

func TestCountTotalsCompareOnlyGroupsFilledInBothYears(t *testing.T) {
	prior, cur := sessions.New("zio-test", "2"), sessions.New("zio-test", "2")
	prior.Answer("kinderen.aantallen").Counts = map[string]int{"tlv": 10, "thuis": 7}
	cur.Answer("kinderen.aantallen").Counts = map[string]int{"tlv": 11, "wlz": 30}
	got := Compare(compareSet(), prior, cur).Markdown()
	// Counting the 30 new Wlz children and dropping the 7 thuiszitters would
	// make it look as if 24 more children were in view.
	if !strings.Contains(got, "| **Totaal** | **10** | **11** | **+1** |\n") {
		t.Errorf("the total is not over the groups filled in both years:\n%s", got)
	}
	if !strings.Contains(got, "Niet in het totaal, want in één jaar ingevuld: Met een Wlz-indicatie (alleen dit jaar); Thuiszitters (alleen vorig jaar).\n") {
		t.Errorf("the groups left out of the total are not named:\n%s", got)
	}

	cur.Answer("kinderen.aantallen").Counts = map[string]int{"wlz": 30}
	got = Compare(compareSet(), prior, cur).Markdown()
	if strings.Contains(got, "**Totaal**") || !strings.Contains(got, "Geen categorie is beide jaren ingevuld, dus er is geen totaal om te vergelijken.\n") {
		t.Errorf("totals over different groups are compared:\n%s", got)
	}
}

func TestOrganisationsThatJoinedOrLeftTheTableAreNamed(t *testing.T) {
	prior, cur := lastYear(), thisYear()
	prior.Participants = []sessions.Participant{
		{Name: "Anna", Organisation: "SWV De Meierij"},
		{Name: "Bert", Organisation: "Gemeente Tilburg"},
		{Name: "Carla", Organisation: "MEE"},
	}
	cur.Participants = []sessions.Participant{
		{Name: "Dirk", Organisation: "swv de meierij"},
		{Name: "Bert", Organisation: "Gemeente  Tilburg"},
		{Name: "Eva", Organisation: "Zorgkantoor | CZ"},
	}
	got := Compare(compareSet(), prior, cur).Markdown()
	_, part, _ := strings.Cut(got, "### Deelnemers\n\n")
	part, _, _ = strings.Cut(part, "\n### ")
	want := "| Organisatie | Verandering |\n| --- | --- |\n| Zorgkantoor \\| CZ | dit jaar nieuw aan tafel |\n| MEE | dit jaar niet aan tafel |\n"
	if part != want {
		t.Errorf("participants part:\n%s\nwant\n%s", part, want)
	}

	cur.Participants = prior.Participants
	if got := Compare(compareSet(), prior, cur).Markdown(); !strings.Contains(got, "### Deelnemers\n\nGeen veranderingen in de deelnemende organisaties.\n") {
		t.Errorf("the same organisations are not called unchanged:\n%s", got)
	}
	cur.Participants = nil
	if got := Compare(compareSet(), prior, cur).Markdown(); !strings.Contains(got, "Niet te vergelijken: in het verslag van dit jaar staan geen organisaties bij de deelnemers.\n") {
		t.Errorf("a report without participants is compared as if everyone left:\n%s", got)
	}
}

func TestLastYearsActionItemMadeAtATopicIsNamedByTheTopicsNumber(t *testing.T) {
	set := contenttest.Set()
	prior := sessions.New(set.ID, set.Version)
	prior.Actions = []sessions.ActionItem{{What: "Beoordeling plannen", QuestionID: "kinderen.onderwerpen", Part: "beoordeling"}}
	c := Compare(set, prior, sessions.New(set.ID, set.Version))
	if len(c.Actions) != 1 || c.Actions[0].QuestionNumber != "2.3b" {
		t.Fatalf("last year's action items: %+v", c.Actions)
	}
	if md := c.Markdown(); !strings.Contains(md, "| Beoordeling plannen | — | — | 2.3b | nog niet besloten |") {
		t.Errorf("the comparison does not name the topic:\n%s", md)
	}
}
