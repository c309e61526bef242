package convenant

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gespreksmap/content"
	"gespreksmap/sessions"
)

// testSet is a small set with every kind of question, a glossary and the
// partner list.
func testSet() *content.Set {
	return &content.Set{
		ID: "proef", Version: "1", Title: "Proefset",
		PartnerKinds: []content.PartnerKind{
			{ID: "scholen", Label: "Scholen"},
			{ID: "ouders", Label: "Oudervertegenwoordiging"},
			{ID: "zorgaanbieders", Label: "Zorgaanbieders"},
			{ID: "gemeente", Label: "Gemeente(n)"},
			{ID: "zorgkantoor", Label: "Zorgkantoren"},
		},
		Sections: []content.Section{
			{ID: "bestuur", Title: "Bestuurlijke samenwerking", Questions: []content.Question{
				{ID: "bestuur.visie", Kind: content.KindOpen, Text: "Wat is onze gezamenlijke visie op de ontwikkeling van het kind?"},
				{ID: "bestuur.partners", Kind: content.KindPartners, Text: "Met wie werken we samen en met wie nog niet?"},
				{ID: "bestuur.uitwerking", Kind: content.KindPoints, Text: "Hoe is de samenwerking uitgewerkt?", Points: []content.Point{
					{ID: "vastgelegd", Text: "Is deze visie vastgelegd en gedeeld met alle samenwerkingspartners?"},
					{ID: "toezicht", Text: "Wie ziet toe op de samenwerking?"},
					{ID: "inspectie", Text: "Hoe onderbouwen we ons beleid in gesprekken met de inspectie(s)?"},
				}},
			}},
			{ID: "kinderen", Title: "Kinderen en ondersteuningsvragen in beeld", Questions: []content.Question{
				{ID: "kinderen.aantallen", Kind: content.KindCounts, Text: "Om hoeveel kinderen gaat het en welke vragen hebben zij?",
					CountsText: "Welke vragen hebben zij?",
					Categories: []content.Category{
						{ID: "tlv", Label: "Een toelaatbaarheidsverklaring (TLV)"},
						{ID: "wlz", Label: "Een beschikking Wlz"},
					}},
			}},
			{ID: "organiseren", Title: "Aan de slag met het organiseren van zorg in onderwijstijd", Questions: []content.Question{
				{ID: "organiseren.afspraken", Kind: content.KindTopics, Text: "Maak afspraken over de volgende onderwerpen:", Topics: []content.Point{
					{ID: "gebruikelijk", Text: "Welke zorg of handelingen vallen onder ‘gebruikelijke zorg’ en welke niet?"},
					{ID: "beoordeling", Text: "Hoe komt de beoordeling van zorg en ondersteuning tot stand? Die beoordeling kan gaan over:",
						Bullets: []string{"het instrument waarmee zorg in onderwijstijd in kaart wordt gebracht", "de verantwoordelijke professional(s)"}},
					{ID: "verschil", Text: "Hoe gaan we om met een eventueel verschil van mening en wie beslist?"},
					{ID: "wlz", Text: "Maakt het bepalen van zorg in onderwijstijd deel uit van een Wlz-aanvraag?"},
				}},
			}},
			{ID: "ouders", Title: "Ouders", Questions: []content.Question{
				{ID: "ouders.aanspreekpunt", Kind: content.KindOpen, Text: "Wie is het aanspreekpunt voor ouders?"},
			}},
			{ID: "financiering", Title: "Financiering", Questions: []content.Question{
				{ID: "financiering.verbeteren", Kind: content.KindOpen, Text: "Hoe kan de financiering verbeterd en vereenvoudigd worden?"},
				{ID: "financiering.collectief", Kind: content.KindChoice, Text: "Zijn er afspraken over collectieve financiering?",
					Choices:   []content.Choice{{ID: "ja", Label: "Ja"}, {ID: "nee", Label: "Nee"}},
					FollowUps: []content.FollowUp{{When: "ja", Text: "Wat is de stand van zaken?"}, {When: "nee", Text: "Wat zouden we willen?"}}},
				{ID: "financiering.vervoer", Kind: content.KindOpen, Text: "Welke afspraken bestaan er over leerlingenvervoer?"},
			}},
		},
		Glossary: []content.Term{
			{Term: "TLV", Full: "toelaatbaarheidsverklaring", Explanation: "Een besluit van het samenwerkingsverband dat een kind naar het speciaal onderwijs mag."},
			{Term: "Wlz", Full: "Wet langdurige zorg", Explanation: "De wet voor mensen die hun hele leven veel zorg nodig hebben."},
			{Term: "OZA", Full: "onderwijs-zorgarrangement", Explanation: "Onderwijs en zorg voor een kind samen geregeld."},
			{Term: "gebruikelijke zorg", Explanation: "De zorg die de school voor elk kind geeft."},
			{Term: "ZiO", Full: "Zorg in Onderwijstijd", Explanation: "Zorg onder schooltijd."},
		},
	}
}

func testMap(t *testing.T, set *content.Set) *content.ConvenantMap {
	t.Helper()
	m, err := content.LoadConvenantMap(filepath.Join("testdata", "indeling.yaml"), set)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// testSession is a conversation with agreed, partly agreed, open and not
// applicable units, several organisations and open action items.
func testSession() *sessions.Session {
	s := sessions.New("proef", "1")
	s.Title = "Oplossingenlab ZiO najaar 2026"
	s.Region = "Hart van Brabant"
	s.Date = "2026-11-22"
	s.Facilitator = "Anna de Vries"
	s.Participants = []sessions.Participant{
		{Name: "Jan Jansen", Organisation: "Gemeente Tilburg", PartnerKind: "gemeente", Function: "wethouder", Signs: true},
		{Name: "Fatima El Amrani", Organisation: "Gemeente Tilburg", PartnerKind: "gemeente", Function: "beleidsadviseur"},
		{Name: "Anna de Vries", Organisation: "SWV De Meierij", PartnerKind: "swv", Signs: true},
		{Name: "Petra Smit", Organisation: "Oudervereniging De Bodde", PartnerKind: "ouders"},
		{Name: "Karel de Boer", Organisation: "Zorggroep Elde", PartnerKind: "zorgaanbieders", Function: "bestuurder", Signs: true},
		{Name: "Mila Bakker", Organisation: "Zorggroep Elde", PartnerKind: "zorgaanbieders", Function: "directeur zorg", Signs: true},
	}
	visie := s.Answer("bestuur.visie")
	visie.Status = sessions.StatusDone
	visie.Text = "Elk kind krijgt onderwijs én de zorg die het nodig heeft,\nop de eigen school, zo dicht mogelijk bij huis.\n\nOuders zijn daarbij vanaf het begin partner."

	partners := s.Answer("bestuur.partners")
	partners.Status = sessions.StatusDone
	partners.Partners = map[string]sessions.PartnerState{
		"scholen": sessions.PartnerTogether, "ouders": sessions.PartnerTogether, "zorgaanbieders": sessions.PartnerTogether,
		"gemeente": sessions.PartnerTogether, "zorgkantoor": sessions.PartnerNotYet,
	}
	partners.OtherPartners = []sessions.OtherPartner{{Name: "Revalidatiecentrum De Kei", State: sessions.PartnerTogether}}
	partners.Text = "Het zorgkantoor sluit in 2027 aan."

	uitw := s.Answer("bestuur.uitwerking")
	*uitw.Part("vastgelegd") = sessions.Part{Status: sessions.StatusDone, Text: "De visie staat in het ondersteuningsplan 2026-2030 en is door alle besturen vastgesteld."}
	*uitw.Part("toezicht") = sessions.Part{Status: sessions.StatusPartial, Text: "De stuurgroep ZiO, maar wie die voorzit is nog open."}
	*uitw.Part("inspectie") = sessions.Part{Status: sessions.StatusNA, Text: "Speelt bij ons niet."}

	aantallen := s.Answer("kinderen.aantallen")
	aantallen.Status = sessions.StatusDone
	aantallen.Counts = map[string]int{"tlv": 12, "wlz": 5}
	aantallen.Text = "Vooral vragen over begeleiding bij de overstap naar het voortgezet onderwijs."

	afspr := s.Answer("organiseren.afspraken")
	*afspr.Part("gebruikelijk") = sessions.Part{Status: sessions.StatusDone, Text: "Gebruikelijke zorg is wat een leerkracht voor elk kind doet: helpen met de jas, naar de wc begeleiden.\nAlles daarboven (zoals sondevoeding of 1-op-1 begeleiding) is zorg in onderwijstijd."}
	*afspr.Part("beoordeling") = sessions.Part{Status: sessions.StatusNotYet}
	*afspr.Part("verschil") = sessions.Part{Status: sessions.StatusDone, Text: "Eerst praten de betrokken professionals met ouders. Komen zij er niet uit, dan beslist de regiegroep binnen vier weken."}
	*afspr.Part("wlz") = sessions.Part{Status: sessions.StatusDone, Text: "Ja: de zorg in de klas wordt meegenomen in de Wlz-aanvraag."}
	afspr.Perspectives = []sessions.Perspective{{Organisation: "Oudervereniging De Bodde",
		Text: "Bij een verschil van mening willen ouders eerst een onafhankelijke second opinion,\nvoordat de regiegroep beslist."}}

	ouders := s.Answer("ouders.aanspreekpunt")
	ouders.Status = sessions.StatusNotYet
	ouders.Text = "Nu is dat per school anders; we willen één vast aanspreekpunt per kind."

	verb := s.Answer("financiering.verbeteren")
	verb.Status = sessions.StatusPartial
	verb.Text = "Eén budget voor de hele school in plaats van een beschikking per kind."
	verb.Perspectives = []sessions.Perspective{
		{Organisation: "Gemeente Tilburg", Text: "Eén budget kan pas als de inkoop van jeugdhulp daarop is aangepast."},
		{Organisation: "Zorggroep Elde", Text: "  "},
	}

	coll := s.Answer("financiering.collectief")
	coll.Status = sessions.StatusDone
	coll.Choice = "ja"
	coll.Text = "Sinds augustus 2026 een pilot op twee scholen, met één contract voor alle zorg in de klas."

	s.Actions = []sessions.ActionItem{
		{What: "Conceptconvenant laten toetsen door juristen", Who: "Gemeente Tilburg", When: "2027-01-15", QuestionID: "organiseren.afspraken"},
		{What: "Aanspreekpunt voor ouders voorstellen", When: "voor de zomer", QuestionID: "ouders.aanspreekpunt"},
		{What: "Visie vaststellen", Who: "SWV De Meierij", When: "2026-10-01", Done: true},
	}
	return s
}

// sectionsOf splits a draft at its "## " headings.
func sectionsOf(draft string) map[string]string {
	out := map[string]string{}
	var title string
	var b strings.Builder
	for _, line := range strings.Split(draft, "\n") {
		if strings.HasPrefix(line, "## ") {
			out[title] = b.String()
			b.Reset()
			title = strings.TrimPrefix(line, "## ")
			continue
		}
		b.WriteString(line + "\n")
	}
	out[title] = b.String()
	return out
}

// section returns the text under the "## " heading that ends in suffix
// ("Bestuurlijke samenwerking" finds "Hoofdstuk 2. Bestuurlijke
// samenwerking").
func section(t *testing.T, draft, suffix string) string {
	t.Helper()
	for title, body := range sectionsOf(draft) {
		if title == suffix || strings.HasSuffix(title, ". "+suffix) {
			return body
		}
	}
	t.Fatalf("no section %q in the draft:\n%s", suffix, draft)
	return ""
}

var articleHeading = regexp.MustCompile(`^### Artikel ([0-9]+)\. (.+)$`)

// articles returns the numbered articles in the order of the draft: their
// headings ("Artikel 3. Gebruikelijke zorg") and bodies.
func articles(draft string) (headings []string, bodies map[string]string) {
	bodies = map[string]string{}
	var title string
	var b strings.Builder
	flush := func() {
		if title != "" {
			bodies[title] = b.String()
		}
		b.Reset()
	}
	for _, line := range strings.Split(draft, "\n") {
		if strings.HasPrefix(line, "#") {
			flush()
			title = ""
			if articleHeading.MatchString(line) {
				title = strings.TrimPrefix(line, "### ")
				headings = append(headings, title)
			}
			continue
		}
		b.WriteString(line + "\n")
	}
	flush()
	return headings, bodies
}

// articleOf returns the body of the article whose heading ends in ". name".
func articleOf(t *testing.T, draft, name string) (heading, body string) {
	t.Helper()
	headings, bodies := articles(draft)
	for _, h := range headings {
		if strings.HasSuffix(h, ". "+name) {
			return h, bodies[h]
		}
	}
	t.Fatalf("no article %q in:\n%s", name, strings.Join(headings, "\n"))
	return "", ""
}

// placeholderForm is the one form an open spot may take: no nesting, no
// line break inside.
var placeholderForm = regexp.MustCompile(`\[IN TE VULLEN: [^\[\]\n]+\]`)

func checkPlaceholders(t *testing.T, draft string) {
	t.Helper()
	stripped := placeholderForm.ReplaceAllString(draft, "")
	if i := strings.Index(stripped, "IN TE VULLEN"); i >= 0 {
		t.Errorf("placeholder in another form near %q", stripped[max(0, i-40):min(len(stripped), i+60)])
	}
}

// paragraphs is text as the draft writes words typed in the conversation:
// a paragraph per typed line.
func paragraphs(text string) string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n\n") + "\n"
}

func mustContain(t *testing.T, where, text string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(text, w) {
			t.Errorf("%s lacks %q:\n%s", where, w, text)
		}
	}
}

func realisticDraft(opt Options) string {
	return DraftWith(content.Default(), content.DefaultConvenantMap(), realisticSession(), opt)
}
