package content

import (
	"slices"
	"strings"
	"testing"
)

func TestTheEmbeddedSetLoadsAndValidates(t *testing.T) {
	set, err := Parse(DefaultYAML(), DefaultFile)
	if err != nil {
		t.Fatalf("embedded set is invalid:\n%v", err)
	}
	if set.ID != "zio-gespreksmap" || set.Title == "" || set.Version == "" || set.Intro == "" {
		t.Errorf("set header: id %q, title %q, version %q, intro %d chars", set.ID, set.Title, set.Version, len(set.Intro))
	}
	if first, second := Default(), Default(); first != second {
		t.Error("Default parses the embedded set more than once")
	}
}

func TestTheSixSectionsComeInTheGespreksmapsOrder(t *testing.T) {
	want := []struct{ id, title string }{
		{"bestuur", "Bestuurlijke samenwerking"},
		{"kinderen", "Kinderen en ondersteuningsvragen in beeld"},
		{"organiseren", "Aan de slag met het organiseren van zorg in onderwijstijd"},
		{"ouders", "Ouders"},
		{"financiering", "Financiering"},
		{"reflectie", "Reflectie en leren"},
	}
	set := Default()
	if len(set.Sections) != len(want) {
		t.Fatalf("%d sections, want %d", len(set.Sections), len(want))
	}
	for i, w := range want {
		sec := set.Sections[i]
		if sec.ID != w.id || sec.Title != w.title {
			t.Errorf("section %d is %s %q, want %s %q", i+1, sec.ID, sec.Title, w.id, w.title)
		}
		if sec.Central == "" || sec.Intro == "" || len(sec.Advice) == 0 || len(sec.Tips) == 0 {
			t.Errorf("section %s lacks central question, intro, advice or tips", sec.ID)
		}
	}
	if got := set.Section("ouders").Central; got != "Cruciaal: contact met ouders" {
		t.Errorf("ouders central = %q", got)
	}
}

func TestEverySectionAsksTheGespreksmapsQuestionsInTheirShape(t *testing.T) {
	want := map[string][]struct {
		id   string
		kind Kind
	}{
		"bestuur": {
			{"bestuur.agenda", KindOpen}, {"bestuur.partners", KindPartners}, {"bestuur.uitwerking", KindPoints},
		},
		"kinderen": {
			{"kinderen.aantallen", KindCounts},
			{"kinderen.inventarisatiekader", KindCounts}, // the marked addition from the Leidraad
		},
		"organiseren": {
			{"organiseren.afspraken", KindTopics}, {"organiseren.oza", KindPoints},
		},
		"ouders": {
			{"ouders.samen-bepalen", KindOpen}, {"ouders.overleg", KindPoints},
		},
		"financiering": {
			{"financiering.verbeteren", KindOpen}, {"financiering.collectief", KindChoice},
			{"financiering.inkoop", KindOpen}, {"financiering.ziekte", KindOpen}, {"financiering.vervoer", KindOpen},
			{"financiering.zorgverzekeraars", KindOpen}, {"financiering.gebouw", KindOpen},
		},
		"reflectie": {
			{"reflectie.centraal", KindOpen}, {"reflectie.bijeenkomsten", KindOpen},
			{"reflectie.behoeften", KindOpen}, {"reflectie.borging", KindOpen},
		},
	}
	set := Default()
	for _, sec := range set.Sections {
		w := want[sec.ID]
		if len(sec.Questions) != len(w) {
			t.Errorf("%s has %d questions, want %d", sec.ID, len(sec.Questions), len(w))
			continue
		}
		for i, q := range sec.Questions {
			if q.ID != w[i].id || q.Kind != w[i].kind {
				t.Errorf("%s question %d is %s (%s), want %s (%s)", sec.ID, i+1, q.ID, q.Kind, w[i].id, w[i].kind)
			}
		}
	}
}

func TestSubPointsTopicsCategoriesAndPartnersAreAllThere(t *testing.T) {
	set := Default()
	parts := func(id string) int {
		_, q := set.Question(id)
		if q == nil {
			t.Fatalf("no question %s", id)
		}
		return len(q.Parts())
	}
	for id, n := range map[string]int{"bestuur.uitwerking": 9, "organiseren.afspraken": 9, "organiseren.oza": 5, "ouders.overleg": 3} {
		if got := parts(id); got != n {
			t.Errorf("%s has %d parts, want %d", id, got, n)
		}
	}

	_, counts := set.Question("kinderen.aantallen")
	if len(counts.Categories) != 7 || counts.CountsText != "Welke vragen hebben zij?" {
		t.Errorf("kinderen.aantallen: %d categories, counts_text %q", len(counts.Categories), counts.CountsText)
	}

	wantKinds := []string{"scholen", "oudervertegenwoordiging", "zorgaanbieders", "swv", "gemeente", "zorgkantoor"}
	var gotKinds []string
	for _, p := range set.PartnerKinds {
		gotKinds = append(gotKinds, p.ID)
	}
	if strings.Join(gotKinds, ",") != strings.Join(wantKinds, ",") {
		t.Errorf("partner kinds %v, want %v", gotKinds, wantKinds)
	}

	_, choice := set.Question("financiering.collectief")
	if len(choice.Choices) != 2 || choice.Choices[0].ID != "ja" || choice.Choices[1].ID != "nee" {
		t.Errorf("choices: %+v", choice.Choices)
	}
	if ja, nee := choice.FollowUp("ja"), choice.FollowUp("nee"); ja == nil || nee == nil ||
		ja.Text != "Wat is de stand van zaken?" ||
		nee.Text != "Wat zouden we op het gebied van collectieve financiering willen?" {
		t.Errorf("follow-ups: %+v", choice.FollowUps)
	}

	_, topics := set.Question("organiseren.afspraken")
	if b := topics.Topics[1].Bullets; len(b) != 3 {
		t.Errorf("topic 2 (beoordeling) has %d bullets, want 3", len(b))
	}
}

// gespreksmapTexts are the questions, sub-points, partners, categories,
// topics and follow-ups of the Gespreksmap as it words them (line breaks of
// the PDF joined). Each must be found in the set.
var gespreksmapTexts = []string{
	// 1. Bestuurlijke samenwerking
	"Staat de (boven)regionale organisatie, de gezamenlijke visie, de inzet en financiering van jeugdzorg en onderwijs en de samenwerking op de agenda van de samenwerkingsverbanden passend onderwijs, de intergemeentelijke samenwerking, de afstemming met zorgaanbieders en zorgkantoren en de bestuurlijke overleggen, zoals het OOGO?",
	"Met wie werken we samen en met wie nog niet?",
	"scholen (directie/zorgcoördinatie)",
	"oudervertegenwoordiging binnen de school",
	"zorgaanbieders of zorgverleners op school",
	"samenwerkingsverbanden passend onderwijs",
	"gemeente(n)",
	"zorgkantoren",
	"Hoe is de samenwerking uitgewerkt?",
	"Wat is onze gezamenlijke visie op de ontwikkeling van het kind?",
	"Is deze visie vastgelegd en gedeeld met alle samenwerkingspartners?",
	"Op welke manier geven we praktische uitwerking en sturing aan die visie?",
	"Wie ziet toe op de samenwerking?",
	"Hoe zorgen we voor een (boven)regionale vorm van regievoering met aandacht voor de omvang, kwaliteit, continuïteit en borging van de voorzieningen, waaronder afstemming met de (gemeentelijke) inkooporganisatie(s) of het zorgkantoor?",
	"Hoe zijn bovenstaande afspraken geborgd in het (kwaliteits)beleid van ieders organisatie en wat merkt de professional en de cliënt hiervan?",
	"Op welke manier nemen we ervaringen van kinderen en ouders mee in beleid?",
	"Hoe onderbouwen we ons beleid in gesprekken met de inspectie(s) en krijgt dat instemming?",
	"Zijn er afspraken over het delen van ervaringen en werkwijzen met andere scholen en zorgaanbieders binnen de jeugdzorgregio, de gemeente of het samenwerkingsverband?",

	// 2. Kinderen en ondersteuningsvragen in beeld
	"Om hoeveel kinderen gaat het en welke vragen hebben zij?",
	"Een ondersteuningsvraag die niet vanuit de ondersteuningsstructuur van de school geboden kan worden, waaronder steun voor het gezin",
	"Een toelaatbaarheidsverklaring en bekostigingsniveau",
	"Een beschikking wet langdurige zorg (wlz) via het ciz-zorgkantoor",
	"Een emb-regeling (ernstig meervoudige beperking)",
	"Zorg die gefinancierd wordt vanuit de zorgverzekeringwet, zoals verpleging, intensieve kindzorg",
	"Een beschikking jeugdwet via de gemeente",
	"Een dubbele beschikking, zowel vanuit de Jeugdwet als de Zorgverzekeringswet",

	// 3. Aan de slag met het organiseren van zorg in onderwijstijd
	"Maak aansluitend voor alle kinderen afspraken met ouders via de oudervertegenwoordiging, school, zorgverleners en financiers (gemeenten, samenwerkingsverbanden en/of zorgkantoren) over de volgende onderwerpen:",
	"Welke zorg of handelingen vallen onder ‘gebruikelijke zorg’ vanuit de onderwijsbekostiging en welke niet?",
	"Hoe komt de beoordeling van zorg en ondersteuning tot stand? Die beoordeling kan gaan over:",
	"de wijze waarop of het instrument waarmee zorg in onderwijstijd in kaart wordt gebracht",
	"de professional(s) die voor zorg in onderwijstijd verantwoordelijk zijn",
	"de mogelijkheden voor ouders om over zorg in onderwijstijd mee te beslissen, een second opinion of ondersteuning te krijgen",
	"Hoe gaan we om met een eventueel verschil van mening en wie beslist?",
	"Hoe hebben we de taken en verantwoordelijkheden in het contact met ouders afgesproken?",
	"Hoe en wanneer bespreken we eventuele bijstellingen in de zorg en ondersteuning onderling en met ouders en leerlingen?",
	"Maakt het bepalen van zorg in onderwijstijd deel uit van een Wlz-aanvraag bij het zorgkantoor?",
	"Welke mogelijkheden zijn er om naast groepsarrangementen ook individuele arrangementen te organiseren?",
	"Hoe werken we samen met de gemeentelijke wijk- en jeugdhulpteams?",
	"Zijn we met gemeenten, samenwerkingsverbanden en zorgkantoren in gesprek over integraal arrangeren?",
	"Hoe werk je als school en zorgaanbieder samen om de continuïteit en kwaliteit van onderwijs-zorgarrangementen (oza’s) te garanderen?",
	"Welke afspraken hebben we over zorg inzet in de klas en oza’s vastgelegd?",
	"Welke wederzijdse verantwoordelijkheden hebben de school en de zorgaanbieder bij het realiseren van de doelen per kind?",
	"Hoe geven we invulling aan interprofessioneel werken binnen oza’s?",
	"Welke afspraken hebben we over oza’s met andere partners zoals een revalidatiecentrum, voor doorlopende trajecten gericht op meedoen in de maatschappij?",
	"Hoe zijn ouders, professionals, gemeenten en samenwerkingsverbanden bij de ontwikkeling van oza’s betrokken?",

	// 4. Ouders
	"Hoe bepalen we samen met ouders wat hun kind nodig heeft op het gebied van onderwijs en zorg? Wie is daarvoor het aanspreekpunt voor ouders?",
	"Hebben we (periodiek) overleg met ouders en/of een oudervertegenwoordiging over:",
	"de manier waarop zorg in het onderwijs wordt bepaald",
	"de manier waarop zorg in het onderwijs (collectief) wordt georganiseerd en wat dat voor de dagelijkse zorg van hun kind(eren) betekent",
	"de tevredenheid van ouders over de geboden zorg in onderwijs",

	// 5. Financiering
	"Hoe kan de financiering van zorg/jeugdhulp in het onderwijs verbeterd en vereenvoudigd worden in het belang van alle betrokkenen?",
	"Zijn er op dit moment afspraken, pilots of experimenten met partners over collectieve financiering?",
	"wat is de stand van zaken?",
	"wat zouden we op het gebied van collectieve financiering willen?",
	"Welke inkoopafspraken hebben gemeenten of intergemeentelijke inkooporganisaties met zorgaanbieders gemaakt over het leveren van (jeugd)zorg in het onderwijs voor een langere periode, bijvoorbeeld vier jaar?",
	"Welke (aanvullende) afspraken zijn er over het kunnen declareren van kosten voor personeel bij afwezigheid door ziekte van leerlingen (bijvoorbeeld: extra percentage op de kostprijs)",
	"Welke afspraken bestaan er over leerlingenvervoer, en zijn deze afdoende?",
	"Zijn de (collectieve) inkoopafspraken over zorg in het onderwijs tussen gemeenten en zorgverzekeraars vastgelegd en zo ja, voor welke periode? Die afspraken kunnen bijvoorbeeld gaan over de samenwerking met één à twee zorgpartners.",
	"Welke afspraken heeft de school met de zorgaanbieders gemaakt over praktische aanpassingen in het gebouw vanwege het kunnen verlenen van (jeugd)zorg",

	// 6. Reflectie en leren
	"Hoe zorgen jullie als samenwerkingspartners voor reflectie over opgedane ervaringen? En hoe leren jullie daar samen van?",
	"Wat voor bijeenkomsten organiseren we met ouders, kinderen en andere partners om kennis en ervaring uit te wisselen?",
	"Welke behoeften hebben we wat betreft het uitwisselen van ervaringen?",
	"Hoe is dit leren en verbeteren in het kwaliteitsbeleid van de instelling, school of regio geborgd?",
}

// normalise collapses white space and ignores case, so a sub-point that the
// Gespreksmap starts in lower case may start with a capital in the set.
func normalise(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// askedTexts is every text of the set that asks or lists something.
func askedTexts(s *Set) []string {
	var texts []string
	for _, p := range s.PartnerKinds {
		texts = append(texts, p.Label)
	}
	for _, sec := range s.Sections {
		for _, q := range sec.Questions {
			texts = append(texts, q.Text, q.CountsText)
			for _, c := range q.Categories {
				texts = append(texts, c.Label)
			}
			for _, f := range q.FollowUps {
				texts = append(texts, f.Text)
			}
			for _, p := range q.Parts() {
				texts = append(texts, p.Text)
				texts = append(texts, p.Bullets...)
			}
		}
	}
	return texts
}

func TestEveryQuestionOfTheGespreksmapIsAskedInItsOwnWords(t *testing.T) {
	texts := askedTexts(Default())
	for i := range texts {
		texts[i] = normalise(texts[i])
	}
	for _, src := range gespreksmapTexts {
		want := normalise(src)
		found := false
		for _, text := range texts {
			if strings.Contains(text, want) {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("not in the set: %q", src)
		}
	}
}

func TestTheSetAsksNothingTheGespreksmapDoesNot(t *testing.T) {
	// The reverse check: every question, part, category and follow-up in
	// the set comes from the Gespreksmap, so no question was made up.
	var sources []string
	for _, src := range gespreksmapTexts {
		sources = append(sources, normalise(src))
	}
	gespreksmap := slices.Clone(Default().Sections) // Default is shared: change a copy
	for i := range gespreksmap {
		gespreksmap[i].Questions = slices.DeleteFunc(slices.Clone(gespreksmap[i].Questions), leidraadAddition)
	}
	for _, text := range askedTexts(&Set{Sections: gespreksmap}) {
		if text == "" || text == "Welke vragen hebben zij?" {
			continue // the counts field label repeats the question's second half
		}
		got := strings.TrimSuffix(normalise(text), "?")
		found := false
		for _, src := range sources {
			if strings.Contains(got, strings.TrimSuffix(src, "?")) {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("not in the Gespreksmap: %q", text)
		}
	}
}

// leidraadAddition reports a question that is not the Gespreksmap's but
// an addition from the Leidraad, marked as such where it is asked.
func leidraadAddition(q Question) bool {
	return strings.HasPrefix(q.Help, "Aanvulling uit de Leidraad, geen vraag uit de Gespreksmap.")
}

func TestTheOneAdditionIsTheInventarisatiekaderMarkedWithItsNormsAndSource(t *testing.T) {
	var added []string
	for _, sec := range Default().Sections {
		for _, q := range sec.Questions {
			if leidraadAddition(q) {
				added = append(added, q.ID)
			}
		}
	}
	if !slices.Equal(added, []string{"kinderen.inventarisatiekader"}) {
		t.Fatalf("additions from the Leidraad = %v, want only kinderen.inventarisatiekader", added)
	}
	_, q := Default().Question("kinderen.inventarisatiekader")
	if !strings.HasPrefix(q.Text, "Aanvulling uit de Leidraad:") || !q.HasNorms() {
		t.Errorf("the addition is not marked in its text or has no norms: %q", q.Text)
	}
	// The Leidraad's table: fte for care and support per 100 pupils.
	want := []Category{
		{ID: "breed", Label: "Breed profiel", Norm: Norm{Per: 100, Amount: 18.61}},
		{ID: "medium", Label: "Medium profiel", Norm: Norm{Per: 100, Amount: 10.94}},
		{ID: "smal", Label: "Smal profiel", Norm: Norm{Per: 100, Amount: 3.89}},
	}
	if !slices.Equal(q.Categories, want) {
		t.Errorf("categories = %+v, want %+v", q.Categories, want)
	}
	if q.NormUnit != "fte" || !strings.Contains(q.NormSource, "Inventarisatiekader, Leidraad Zorg in Onderwijstijd") {
		t.Errorf("unit %q, source %q", q.NormUnit, q.NormSource)
	}
	// What each profile covers, as the Leidraad's table says.
	for _, care := range []string{"Smal: behandeling van psychische problematiek", "verpleging. Medium:", "gedragsproblemen", "overleg over zorg", "Breed: daarbij ook begeleiding bij leerstoornissen", "overige zorgwerkzaamheden"} {
		if !strings.Contains(strings.Join(strings.Fields(q.Help), " "), care) {
			t.Errorf("help does not say %q", care)
		}
	}
}

func TestTipsLinkWhereTheGespreksmapLinks(t *testing.T) {
	const (
		leidraad   = "https://nederlands-jeugdinstituut.foleon.com/leidraad/zio/"
		wieBetaalt = "https://www.nji.nl/verbinding-onderwijs-en-jeugdhulp/wie-betaalt-de-ondersteuning-op-school"
	)
	want := map[string][]Tip{
		"bestuur": {
			{Title: "Samenwerken - Leidraad Zorg in Onderwijstijd", URL: leidraad + "3-samenwerken"},
		},
		"kinderen": {
			{Title: "Wie betaalt de ondersteuning op school? | Nederlands Jeugdinstituut", URL: wieBetaalt},
			{Title: "Hulpmiddelen - Leidraad Zorg in Onderwijstijd", URL: leidraad + "4-hulpmiddelen"},
		},
		"organiseren": {
			{Title: "Integraal arrangeren - Leidraad Zorg in Onderwijstijd", URL: leidraad + "5-integraal-arrangeren"},
			{Title: "Hoe verbind je school en wijk? | Nederlands Jeugdinstituut", URL: "https://www.nji.nl/verbinding-onderwijs-en-jeugdhulp/school-en-wijk"},
			{Title: "Samenwerking tussen school en wijkteam | Nederlands Jeugdinstituut", URL: "https://www.nji.nl/sterke-basis-in-en-rond-school/samenwerking-tussen-school-en-wijkteam"},
			{Title: "Hulpmiddelen - Leidraad Zorg in Onderwijstijd", URL: leidraad + "4-hulpmiddelen"},
			{Title: "Onderwijs-zorgarrangementen | Nederlands Jeugdinstituut", URL: "https://www.nji.nl/onderwijs-zorgarrangementen"},
			{Title: "Meer impact met je onderwijs-zorgarrangement | Nederlands Jeugdinstituut", URL: "https://www.nji.nl/publicaties/meer-impact-met-je-onderwijs-zorgarrangement", Note: "Maak gebruik van de tool."},
		},
		"ouders": {
			{Title: "Rol ouders - Leidraad Zorg in Onderwijstijd", URL: leidraad + "2-rol-ouders",
				Note: "Neem ouders van meet af aan mee wanneer er een voornemen is om van individueel bekostigde zorg over te gaan naar collectief bekostigde zorg."},
		},
		"financiering": {
			{Title: "Financiering - Leidraad Zorg in Onderwijstijd", URL: leidraad + "9-financiering"},
			{Title: "Wie betaalt de ondersteuning op school? | Nederlands Jeugdinstituut", URL: wieBetaalt},
		},
		"reflectie": {
			{Title: "Aan de slag met reflectie | Nederlands Jeugdinstituut", URL: "https://www.nji.nl/professionalisering/aan-de-slag-met-reflectie"},
		},
	}
	for _, sec := range Default().Sections {
		w := want[sec.ID]
		if len(sec.Tips) != len(w) {
			t.Errorf("%s has %d tips, want %d", sec.ID, len(sec.Tips), len(w))
			continue
		}
		for i, tip := range sec.Tips {
			if tip != w[i] {
				t.Errorf("%s tip %d:\n got %+v\nwant %+v", sec.ID, i+1, tip, w[i])
			}
		}
	}
}

func TestTheGlossaryExplainsEveryTermAParentMeets(t *testing.T) {
	set := Default()
	required := []string{
		"TLV", "bekostigingsniveau", "Wlz", "CIZ", "zorgkantoor", "EMB", "Zvw",
		"intensieve kindzorg", "Jeugdwet", "beschikking", "OZA", "OPP",
		"samenwerkingsverband passend onderwijs", "SWV", "OOGO", "pgb",
		"zorg in natura", "gebruikelijke zorg", "integraal arrangeren", "ZiO", "inspectie",
	}
	for _, name := range required {
		term := set.Term(name)
		if term == nil {
			t.Errorf("glossary lacks %q", name)
			continue
		}
		if len(strings.Fields(term.Explanation)) < 12 {
			t.Errorf("%q is explained too briefly for a parent: %q", name, term.Explanation)
		}
	}
}

// The Gespreksmap's own slips stay in its wording, and the help beside the
// question keeps a parent from being misled by them.
func TestTheSourcesSlipsAreKeptAndExplained(t *testing.T) {
	_, q := Default().Question("kinderen.aantallen")
	labels := map[string]string{}
	for _, c := range q.Categories {
		labels[c.ID] = c.Label
	}
	if !strings.Contains(labels["wlz"], "ciz-zorgkantoor") || !strings.Contains(labels["zvw"], "zorgverzekeringwet") {
		t.Errorf("the source's wording is not kept: wlz %q, zvw %q", labels["wlz"], labels["zvw"])
	}
	help := normalise(q.Help)
	for _, want := range []string{
		"het ciz en het zorgkantoor zijn twee aparte organisaties",
		"met de 'zorgverzekeringwet' is de zorgverzekeringswet (zvw) bedoeld",
	} {
		if !strings.Contains(help, want) {
			t.Errorf("help of kinderen.aantallen does not say %q:\n%s", want, q.Help)
		}
	}
}
