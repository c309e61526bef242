package convenant

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gespreksmap/content"
	"gespreksmap/sessions"
)

var update = flag.Bool("update", false, "rewrite the golden files")

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

func TestTheDraftOfAConversationMatchesTheGoldenFile(t *testing.T) {
	set := testSet()
	got := Draft(set, testMap(t, set), testSession())
	path := filepath.Join("testdata", "draft.golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("draft differs from %s (run go test -update after checking the change):\n%s", path, got)
	}
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

// articleBodies returns the text of every numbered article, by its heading.
func articleBodies(draft string) map[string]string {
	out := map[string]string{}
	var title string
	var b strings.Builder
	flush := func() {
		if title != "" {
			out[title] = b.String()
		}
		b.Reset()
	}
	for _, line := range strings.Split(draft, "\n") {
		if strings.HasPrefix(line, "#") {
			flush()
			title = ""
			if strings.HasPrefix(line, "### Artikel ") {
				title = strings.TrimPrefix(line, "### ")
			}
			continue
		}
		b.WriteString(line + "\n")
	}
	flush()
	return out
}

func quoted(text string) string {
	var lines []string
	in := strings.Split(text, "\n")
	for i, l := range in {
		switch {
		case l == "":
			lines = append(lines, ">")
		case i+1 < len(in) && in[i+1] != "":
			// A hard break keeps the typed line a line when rendered.
			lines = append(lines, "> "+l+"  ")
		default:
			lines = append(lines, "> "+l)
		}
	}
	return strings.Join(lines, "\n")
}

func TestEveryAgreedUnitBecomesAnArticleQuotingItsAnswer(t *testing.T) {
	set := testSet()
	s := testSession()
	draft := Draft(set, testMap(t, set), s)
	arts := articleBodies(draft)
	cases := []struct {
		article, ref, text string
	}{
		{"Samenwerkende partners", "vraag 1.2", "Het zorgkantoor sluit in 2027 aan."},
		{"Vastleggen van de visie", "vraag 1.3a", s.Answers["bestuur.uitwerking"].Parts["vastgelegd"].Text},
		{"Gebruikelijke zorg", "vraag 3.1a", s.Answers["organiseren.afspraken"].Parts["gebruikelijk"].Text},
		{"Collectieve financiering", "vraag 5.2", s.Answers["financiering.collectief"].Text},
		{"Afspraak bij vraag 3.1d", "vraag 3.1d", s.Answers["organiseren.afspraken"].Parts["wlz"].Text},
		{"Verschil van mening over zorg en ondersteuning", "vraag 3.1c", s.Answers["organiseren.afspraken"].Parts["verschil"].Text},
	}
	found := map[string]bool{}
	for title, body := range arts {
		for _, c := range cases {
			if strings.HasSuffix(title, ". "+c.article) {
				found[c.article] = true
				if !strings.Contains(body, c.ref+":") {
					t.Errorf("article %q does not name the question it answers (%s):\n%s", title, c.ref, body)
				}
				if !strings.Contains(body, quoted(c.text)) {
					t.Errorf("article %q does not quote the answer %q:\n%s", title, c.text, body)
				}
			}
		}
	}
	for _, c := range cases {
		if !found[c.article] {
			t.Errorf("no article %q in the draft:\n%s", c.article, draft)
		}
	}
	// Agreed units are numbered articles; units that are not agreed are not.
	if want := 6 + 1 + 1 + 4; len(arts) != want { // six agreements; data sharing; disputes between parties; four final articles
		var titles []string
		for title := range arts {
			titles = append(titles, title)
		}
		t.Errorf("draft has %d articles, want %d: %v", len(arts), want, titles)
	}
	wlzArticle := strings.Index(draft, "## Hoofdstuk 5. Overige afspraken")
	if wlzArticle < 0 || wlzArticle > strings.Index(draft, "## Hoofdstuk 7. Geschillen") {
		t.Errorf("an agreement the mapping does not place is not kept under Overige afspraken before Geschillen:\n%s", draft)
	}
	secs := sectionsOf(draft)
	if !strings.Contains(secs["Hoofdstuk 3. Ouders"], "[IN TE VULLEN: afspraken over ouders]") {
		t.Errorf("a chapter without agreements does not say what is to be filled in:\n%s", secs["Hoofdstuk 3. Ouders"])
	}
}

func TestEveryUnitStillOpenIsListedInTheAnnexAndNotApplicableOnesAreLeftOut(t *testing.T) {
	set := testSet()
	draft := Draft(set, testMap(t, set), testSession())
	annex := sectionsOf(draft)["Bijlage: nog uit te werken"]
	for _, want := range []string{
		"- **1.3b** Wie ziet toe op de samenwerking? — *deels*",
		"  > De stuurgroep ZiO, maar wie die voorzit is nog open.",
		"- **3.1b** Hoe komt de beoordeling van zorg en ondersteuning tot stand? Die beoordeling kan gaan over: — *nog niet*\n" +
			"  - *het instrument waarmee zorg in onderwijstijd in kaart wordt gebracht*\n  - *de verantwoordelijke professional(s)*",
		"- **4.1** Wie is het aanspreekpunt voor ouders? — *nog niet*",
		"- **5.1** Hoe kan de financiering verbeterd en vereenvoudigd worden? — *deels*",
		"- **5.3** Welke afspraken bestaan er over leerlingenvervoer? — *niet besproken*",
		"| Conceptconvenant laten toetsen door juristen | Gemeente Tilburg | 2027-01-15 | 3.1 |",
		"| Aanspreekpunt voor ouders voorstellen | [IN TE VULLEN: wie] | voor de zomer | 4.1 |",
	} {
		if !strings.Contains(annex, want+"\n") {
			t.Errorf("annex lacks %q:\n%s", want, annex)
		}
	}
	for _, absent := range []string{"1.3c", "inspectie", "Visie vaststellen", "1.3a", "3.1a", "5.2"} {
		if strings.Contains(annex, absent) {
			t.Errorf("annex mentions %q, which is arranged, not applicable or done:\n%s", absent, annex)
		}
	}
}

func TestEveryPartyIsNamedOnceWithWhoSignsAndHasASignatureBlock(t *testing.T) {
	set := testSet()
	draft := Draft(set, testMap(t, set), testSession())
	secs := sectionsOf(draft)
	parties := secs["Partijen"]
	for _, want := range []string{
		"1. **Gemeente Tilburg**, gevestigd te [IN TE VULLEN: plaats en adres], hierbij vertegenwoordigd door Jan Jansen, wethouder;",
		"2. **SWV De Meierij**, gevestigd te [IN TE VULLEN: plaats en adres], hierbij vertegenwoordigd door Anna de Vries, [IN TE VULLEN: functie van Anna de Vries];",
		"3. **Oudervereniging De Bodde**, gevestigd te [IN TE VULLEN: plaats en adres], hierbij vertegenwoordigd door [IN TE VULLEN: naam en functie van wie voor Oudervereniging De Bodde tekent]; en",
		"4. **Zorggroep Elde**, gevestigd te [IN TE VULLEN: plaats en adres], hierbij vertegenwoordigd door Karel de Boer, bestuurder, en Mila Bakker, directeur zorg,",
	} {
		if !strings.Contains(parties, want+"\n") {
			t.Errorf("Partijen lacks %q:\n%s", want, parties)
		}
	}
	// Once, after the list: who signs must be checked for authority.
	authority := "\nhierna samen te noemen: partijen.\n\n[IN TE VULLEN: per partij nagaan of wie tekent daartoe bevoegd is, zo nodig met mandaat of volmacht]\n"
	if !strings.Contains(parties, authority) || strings.Count(parties, "bevoegd") != 1 {
		t.Errorf("Partijen lacks one line on the signers' authority after the list:\n%s", parties)
	}
	if strings.Contains(parties, "Fatima") {
		t.Errorf("someone who does not sign is named as signing:\n%s", parties)
	}
	signing := secs["Ondertekening"]
	blocks := strings.Split(signing, "### Voor ")[1:]
	if len(blocks) != 4 {
		t.Fatalf("want 4 signature blocks, got %d:\n%s", len(blocks), signing)
	}
	for i, org := range []string{"Gemeente Tilburg", "SWV De Meierij", "Oudervereniging De Bodde", "Zorggroep Elde"} {
		if !strings.HasPrefix(blocks[i], org+"\n") {
			t.Errorf("block %d is not for %s:\n%s", i+1, org, blocks[i])
		}
		for _, field := range []string{"- Naam: ", "- Functie: ", "- Plaats: [IN TE VULLEN: plaats]", "- Datum: [IN TE VULLEN: datum]", "- Handtekening: ____"} {
			if !strings.Contains(blocks[i], field) {
				t.Errorf("signature block for %s lacks %q:\n%s", org, field, blocks[i])
			}
		}
	}
	if strings.Count(blocks[3], "- Handtekening:") != 2 || !strings.Contains(blocks[3], "- Naam: Mila Bakker\n- Functie: directeur zorg\n") {
		t.Errorf("both signers of Zorggroep Elde need their own lines:\n%s", blocks[3])
	}
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

func TestEveryPlaceholderHasTheOneSearchableForm(t *testing.T) {
	set := testSet()
	draft := Draft(set, testMap(t, set), testSession())
	if n := len(placeholderForm.FindAllString(draft, -1)); n < 10 {
		t.Errorf("only %d placeholders; the final articles and signature blocks alone have more", n)
	}
	checkPlaceholders(t, draft)

	// An empty conversation is nearly all placeholders, still in one form.
	empty := sessions.New("proef", "1")
	empty.Participants = []sessions.Participant{{Name: "Piet Zonder Organisatie", Signs: true}}
	emptyDraft := Draft(set, testMap(t, set), empty)
	checkPlaceholders(t, emptyDraft)
	for _, want := range []string{
		"[IN TE VULLEN: samenwerkingsverband of regio]",
		"[IN TE VULLEN: overwegingen: waarom partijen samenwerken en welke gezamenlijke visie zij hebben]",
		"[IN TE VULLEN: hoe partijen omgaan met een verschil van mening en wie beslist]",
		"### Voor [IN TE VULLEN: de organisatie van Piet Zonder Organisatie]",
		"1. **[IN TE VULLEN: de organisatie van Piet Zonder Organisatie]**, gevestigd te [IN TE VULLEN: plaats en adres], ",
		"[IN TE VULLEN: per partij nagaan of wie tekent daartoe bevoegd is, zo nodig met mandaat of volmacht]",
	} {
		if !strings.Contains(emptyDraft, want) {
			t.Errorf("empty draft lacks %q", want)
		}
	}
	if strings.Contains(emptyDraft, "### Artikel 1. ") && !strings.Contains(emptyDraft, "### Artikel 1. Delen van gegevens") {
		t.Errorf("an empty conversation produced an agreement article:\n%s", emptyDraft)
	}
}

func TestTheDefinitionsHoldZorgInOnderwijstijdAndOnlyTheGlossaryTermsTheDraftUses(t *testing.T) {
	set := testSet()
	defs := sectionsOf(Draft(set, testMap(t, set), testSession()))["Begripsbepalingen"]
	for _, want := range []string{
		"- **zorg in onderwijstijd**: de zorg die een kind",
		"- **gebruikelijke zorg**: De zorg die de school voor elk kind geeft.",
		"- **TLV** (toelaatbaarheidsverklaring): ",
		"- **Wlz** (Wet langdurige zorg): ",
	} {
		if !strings.Contains(defs, want) {
			t.Errorf("Begripsbepalingen lacks %q:\n%s", want, defs)
		}
	}
	// OZA is not used; ZiO is the defined term itself.
	for _, absent := range []string{"OZA", "ZiO"} {
		if strings.Contains(defs, absent) {
			t.Errorf("Begripsbepalingen lists %s:\n%s", absent, defs)
		}
	}
}

func TestADisputesTopicThatIsNotAgreedLeavesAPlaceholderAndGoesToTheAnnex(t *testing.T) {
	set := testSet()
	s := testSession()
	s.Answers["organiseren.afspraken"].Parts["verschil"].Status = sessions.StatusPartial
	draft := Draft(set, testMap(t, set), s)
	secs := sectionsOf(draft)
	disputes := secs["Hoofdstuk 7. Geschillen"]
	if !strings.Contains(disputes, "[IN TE VULLEN: hoe partijen omgaan met een verschil van mening en wie beslist]") ||
		!strings.Contains(disputes, "vraag 3.1c, stand: deels") {
		t.Errorf("Geschillen:\n%s", disputes)
	}
	if strings.Contains(disputes, "> Eerst praten") {
		t.Errorf("a disputes answer that is not agreed is presented as the article:\n%s", disputes)
	}
	if !strings.Contains(secs["Bijlage: nog uit te werken"], "- **3.1c** Hoe gaan we om met een eventueel verschil van mening en wie beslist? — *deels*") {
		t.Errorf("annex lacks the disputes topic:\n%s", secs["Bijlage: nog uit te werken"])
	}
}

func TestAConsiderationFromAnAnswerNotAgreedSaysWhereTheTalkStood(t *testing.T) {
	set := testSet()
	s := testSession()
	draft := Draft(set, testMap(t, set), s)
	considerations := sectionsOf(draft)["Overwegingen"]
	// 5.1 is "deels": quoted as background, with its stand beside it.
	if !strings.Contains(considerations, "Bij vraag 5.1 (stand in het gesprek: deels): *") {
		t.Errorf("the consideration from a partly agreed answer does not say so:\n%s", considerations)
	}
	// 1.1 is agreed: no remark.
	if !strings.Contains(considerations, "Bij vraag 1.1: *") {
		t.Errorf("the consideration from an agreed answer:\n%s", considerations)
	}

	s.Answers["financiering.verbeteren"].Status = sessions.StatusDone
	considerations = sectionsOf(Draft(set, testMap(t, set), s))["Overwegingen"]
	if strings.Contains(considerations, "stand in het gesprek") {
		t.Errorf("once agreed, the consideration should carry no remark:\n%s", considerations)
	}
}

func TestTheDefaultSetAndMappingGiveADraftWithEveryAgreementInItsChapter(t *testing.T) {
	set := content.Default()
	m := content.DefaultConvenantMap()
	s := sessions.New(set.ID, set.Version)
	s.Participants = []sessions.Participant{{Name: "Jan Jansen", Organisation: "Gemeente Tilburg", Function: "wethouder", Signs: true}}
	var agreed []string
	for i, u := range content.ConvenantUnits(set) {
		a := s.Answer(u.Question)
		text := "Afspraak nummer " + strings.Repeat("x", i%3) + u.String()
		switch i % 3 {
		case 0:
			agreed = append(agreed, text)
			if u.Part != "" {
				*a.Part(u.Part) = sessions.Part{Status: sessions.StatusDone, Text: text}
			} else {
				a.Status, a.Text = sessions.StatusDone, text
			}
		case 1:
			if u.Part != "" {
				*a.Part(u.Part) = sessions.Part{Status: sessions.StatusPartial, Text: text}
			} else {
				a.Status, a.Text = sessions.StatusPartial, text
			}
		}
	}
	draft := Draft(set, m, s)
	checkPlaceholders(t, draft)
	for _, text := range agreed {
		if !strings.Contains(draft, "> "+text+"\n") {
			t.Errorf("agreement %q is missing from the draft", text)
		}
	}
	if strings.Contains(draft, "Overige afspraken") {
		t.Error("the default mapping leaves agreements of the default set unplaced")
	}
	last := -1
	for _, ch := range []string{"Samenwerking en regie", "Zorg in de klas en onderwijs-zorgarrangementen", "Ouders", "Financiering",
		"Monitoring, evaluatie en leren", "Geschillen", "Looptijd, wijziging, opzegging en toetreding", "Ondertekening", "Bijlage: nog uit te werken"} {
		i := strings.Index(draft, ". "+ch+"\n")
		if i < 0 {
			i = strings.Index(draft, "## "+ch+"\n")
		}
		if i <= last {
			t.Errorf("chapter %q missing or out of order", ch)
		}
		last = i
	}
}

func TestWithoutAFittingMappingNoAgreementIsLost(t *testing.T) {
	set := testSet()
	s := testSession()
	// A mapping made for another set names questions this set does not
	// have; no mapping at all is the same.
	other := &content.ConvenantMap{
		Title:    "Convenant",
		Disputes: content.ConvenantUnit{Question: "elders.geschil"},
		Chapters: []content.ConvenantChapter{{ID: "elders", Title: "Elders", Articles: []content.ConvenantEntry{
			{Unit: content.ConvenantUnit{Question: "elders.vraag"}, Title: "Elders"},
		}}},
	}
	for name, m := range map[string]*content.ConvenantMap{"map of another set": other, "no map": nil} {
		draft := Draft(set, m, s)
		checkPlaceholders(t, draft)
		var rest, disputes string
		for title, body := range sectionsOf(draft) {
			if strings.HasSuffix(title, ". Overige afspraken") {
				rest = body
			}
			if strings.HasSuffix(title, ". Geschillen") {
				disputes = body
			}
		}
		for _, num := range []string{"1.1", "1.2", "1.3a", "2.1", "3.1a", "3.1c", "3.1d", "5.2"} {
			if !strings.Contains(rest, ". Afspraak bij vraag "+num+"\n") {
				t.Errorf("%s: agreement at %s is not kept under Overige afspraken:\n%s", name, num, rest)
			}
		}
		if !strings.Contains(disputes, "[IN TE VULLEN: hoe partijen omgaan met een verschil van mening en wie beslist]") {
			t.Errorf("%s: Geschillen without a mapped topic lacks its placeholder:\n%s", name, disputes)
		}
	}
}

func TestAChapterWithoutArticlesDoesNotDenyAnAgreementThatBecameAConsideration(t *testing.T) {
	set := testSet()
	s := testSession()
	// Nothing of Samenwerking en regie is agreed any more, but the agreed
	// vision (section 1) stays among the considerations.
	s.Answers["bestuur.partners"].Status = sessions.StatusPartial
	s.Answers["bestuur.uitwerking"].Parts["vastgelegd"].Status = sessions.StatusNotYet
	secs := sectionsOf(Draft(set, testMap(t, set), s))
	if !strings.Contains(secs["Overwegingen"], "Bij vraag 1.1: *") {
		t.Fatalf("the agreed vision is not a consideration:\n%s", secs["Overwegingen"])
	}
	chapter := secs["Hoofdstuk 1. Samenwerking en regie"]
	if strings.Contains(chapter, "### Artikel") {
		t.Fatalf("chapter still has an article:\n%s", chapter)
	}
	if strings.Contains(chapter, "nog geen afspraak") {
		t.Errorf("the chapter says nothing was agreed while the vision was:\n%s", chapter)
	}
	for _, want := range []string{
		"[IN TE VULLEN: afspraken over samenwerking en regie]",
		"Geen afspraak uit het gesprek is in dit hoofdstuk als artikel opgenomen.",
		"overwegingen", "bijlage",
	} {
		if !strings.Contains(chapter, want) {
			t.Errorf("chapter without articles lacks %q:\n%s", want, chapter)
		}
	}
}

func TestEveryQuotedAnswerShowsThePerspectivesRecordedAtItsQuestionAsOnePartysView(t *testing.T) {
	set := testSet()
	s := testSession()
	draft := Draft(set, testMap(t, set), s)
	secs := sectionsOf(draft)
	arts := articleBodies(draft)
	parents := s.Answers["organiseren.afspraken"].Perspectives[0].Text
	gemeente := s.Answers["financiering.verbeteren"].Perspectives[0].Text

	// The first article drawn from question 3.1 quotes the parents' view,
	// labelled as theirs alone, after the joint answer.
	first := arts["Artikel 3. Gebruikelijke zorg"]
	lead := "**Perspectief van Oudervereniging De Bodde** bij vraag 3.1 (standpunt van deze partij, niet van partijen samen):\n\n"
	if !strings.Contains(first, lead+quoted(parents)+"\n") {
		t.Errorf("article 3 does not quote the parents' perspective as theirs:\n%s", first)
	}
	if strings.Index(first, lead) < strings.Index(first, "> Gebruikelijke zorg is") {
		t.Errorf("the perspective comes before the joint answer:\n%s", first)
	}
	// Every later article from 3.1, the disputes one included, points to it.
	for _, title := range []string{"Artikel 5. Afspraak bij vraag 3.1d", "Artikel 7. Verschil van mening over zorg en ondersteuning"} {
		if !strings.Contains(arts[title], "*Bij vraag 3.1 is ook het perspectief van Oudervereniging De Bodde vastgelegd; zie artikel 3.*") {
			t.Errorf("%s does not point to the parents' perspective:\n%s", title, arts[title])
		}
	}
	if n := strings.Count(draft, quoted(parents)); n != 1 {
		t.Errorf("the parents' perspective is quoted %d times, want once", n)
	}

	// A consideration shows it too, and the annex refers to the consideration;
	// a perspective without text is left out.
	considerations := secs["Overwegingen"]
	if !strings.Contains(considerations, "**Perspectief van Gemeente Tilburg** bij vraag 5.1 (standpunt van deze partij, niet van partijen samen):\n\n"+quoted(gemeente)+"\n") {
		t.Errorf("the consideration lacks the gemeente's perspective:\n%s", considerations)
	}
	if strings.Contains(draft, "Perspectief van Zorggroep Elde") || strings.Contains(draft, "perspectieven") {
		t.Errorf("an empty perspective is shown:\n%s", considerations)
	}
	annex := secs["Bijlage: nog uit te werken"]
	if !strings.Contains(annex, "  *Bij vraag 5.1 is ook het perspectief van Gemeente Tilburg vastgelegd; zie overweging C.*\n") {
		t.Errorf("the annex item 5.1 does not point to the perspective:\n%s", annex)
	}

	// An agreement recorded without text still shows the view of a party.
	s.Answers["organiseren.afspraken"].Parts["gebruikelijk"].Text = ""
	arts = articleBodies(Draft(set, testMap(t, set), s))
	if body := arts["Artikel 3. Gebruikelijke zorg"]; !strings.Contains(body, "[IN TE VULLEN: de tekst van deze afspraak") || !strings.Contains(body, lead+quoted(parents)) {
		t.Errorf("an agreement without text hides the perspective:\n%s", body)
	}
}

func TestCountsSayTheTotalIsNoNumberOfChildrenAndNameCategoriesLeftEmpty(t *testing.T) {
	set := testSet()
	s := testSession()
	consideration := func() string {
		c := sectionsOf(Draft(set, testMap(t, set), s))["Overwegingen"]
		return c[strings.Index(c, "### B."):strings.Index(c, "### C.")]
	}
	got := consideration()
	want := "- Een toelaatbaarheidsverklaring (TLV): 12\n- Een beschikking Wlz: 5\n" +
		"- Totaal: 17 (optelling; een kind kan in meer dan één groep vallen, dus dit is niet het aantal kinderen)\n"
	if !strings.Contains(got, want) {
		t.Errorf("counts with their total:\n%s", got)
	}

	delete(s.Answers["kinderen.aantallen"].Counts, "wlz")
	got = consideration()
	want = "- Een toelaatbaarheidsverklaring (TLV): 12\n- Een beschikking Wlz: niet ingevuld\n- Totaal: 12 ("
	if !strings.Contains(got, want) {
		t.Errorf("a category left empty is not named as such:\n%s", got)
	}

	s.Answers["kinderen.aantallen"].Counts = nil
	got = consideration()
	if !strings.Contains(got, "Aantallen per groep: niet ingevuld.\n") || strings.Contains(got, "Totaal") {
		t.Errorf("counts not filled in at all:\n%s", got)
	}
	if !strings.Contains(got, "> Vooral vragen over begeleiding") {
		t.Errorf("the questions the children have are lost:\n%s", got)
	}
}

func TestDefinitionsTakenFromThePlainLanguageGlossaryAskPartiesForTheLegalWording(t *testing.T) {
	set := testSet()
	defs := sectionsOf(Draft(set, testMap(t, set), testSession()))["Begripsbepalingen"]
	want := "[IN TE VULLEN: juridische formulering van de omschrijvingen hierboven, behalve die van zorg in onderwijstijd: " +
		"partijen stellen die vast, want deze komen uit de begrippenlijst van de Gespreksmap, in gewone taal geschreven]\n"
	if !strings.Contains(defs, "\n\n"+want) {
		t.Errorf("Begripsbepalingen lack the line on legal wording, after the list:\n%s", defs)
	}
	if strings.Count(defs, "[IN TE VULLEN:") != 1 {
		t.Errorf("want one placeholder line:\n%s", defs)
	}

	// Without fixed definitions, every entry comes from the glossary.
	m := testMap(t, set)
	m.Definitions = nil
	defs = sectionsOf(Draft(set, m, testSession()))["Begripsbepalingen"]
	if !strings.Contains(defs, "[IN TE VULLEN: juridische formulering van de omschrijvingen hierboven: partijen stellen die vast") {
		t.Errorf("without fixed definitions:\n%s", defs)
	}

	// Only definitions written for the convenant: no claim about the glossary.
	set.Glossary = nil
	defs = sectionsOf(Draft(set, testMap(t, set), testSession()))["Begripsbepalingen"]
	if strings.Contains(defs, "begrippenlijst") || !strings.Contains(defs, "- **zorg in onderwijstijd**: ") {
		t.Errorf("definitions without glossary terms:\n%s", defs)
	}
}

func TestABracketInANameKeepsThePlaceholderInItsOneForm(t *testing.T) {
	set := testSet()
	s := testSession()
	s.Participants = append(s.Participants, sessions.Participant{Name: "Els [voorlopig]", Organisation: "Stichting [in oprichting]"})
	draft := Draft(set, testMap(t, set), s)
	checkPlaceholders(t, draft)
	if !strings.Contains(draft, "[IN TE VULLEN: naam en functie van wie voor Stichting \\(in oprichting) tekent]") {
		t.Errorf("party without signer:\n%s", sectionsOf(draft)["Partijen"])
	}
}

func TestAnAgreedTopicWhoseTextLeadsIntoBulletsIsQuotedWithThem(t *testing.T) {
	set := testSet()
	s := testSession()
	p := s.Answers["organiseren.afspraken"].Parts["beoordeling"]
	p.Status, p.Text = sessions.StatusDone, "Met één vast instrument, door de intern begeleider."
	arts := articleBodies(Draft(set, testMap(t, set), s))
	body := arts["Artikel 4. Beoordeling van zorg"]
	want := "zoals vastgelegd bij vraag 3.1b: *Hoe komt de beoordeling van zorg en ondersteuning tot stand? Die beoordeling kan gaan over:*\n\n" +
		"- *het instrument waarmee zorg in onderwijstijd in kaart wordt gebracht*\n" +
		"- *de verantwoordelijke professional(s)*\n\n" +
		"> Met één vast instrument, door de intern begeleider.\n"
	if !strings.Contains(body, want) {
		t.Errorf("article does not quote the topic with its bullets before the answer:\n%s", body)
	}
	// A question without bullets keeps its one line.
	if body := arts["Artikel 3. Gebruikelijke zorg"]; !strings.Contains(body, "*Welke zorg of handelingen vallen onder ‘gebruikelijke zorg’ en welke niet?*\n\n> Gebruikelijke") {
		t.Errorf("article without bullets:\n%s", body)
	}
}

func TestAPerspectiveAndAnActionMadeAtATopicAreDraftedUnderThatTopicInTheAnnex(t *testing.T) {
	set := testSet()
	s := testSession()
	a := s.Answers["organiseren.afspraken"]
	a.Perspectives = append(a.Perspectives, sessions.Perspective{Organisation: "SWV De Meierij", Text: "Wij kiezen het instrument.", Part: "beoordeling"})
	s.Actions = append(s.Actions, sessions.ActionItem{What: "Instrument kiezen", Who: "SWV De Meierij", When: "2027-02-01", QuestionID: "organiseren.afspraken", Part: "beoordeling"})
	draft := Draft(set, testMap(t, set), s)
	annex := sectionsOf(draft)["Bijlage: nog uit te werken"]
	start := strings.Index(annex, "- **3.1b** ")
	if start < 0 {
		t.Fatalf("3.1b is not in the annex:\n%s", annex)
	}
	item := annex[start:]
	if end := strings.Index(item[2:], "\n- **"); end >= 0 {
		item = item[:end+2]
	}
	for _, want := range []string{
		"  **Perspectief van SWV De Meierij** bij vraag 3.1b (standpunt van deze partij, niet van partijen samen):\n\n  > Wij kiezen het instrument.\n",
		"  - Actiepunt: Instrument kiezen (SWV De Meierij, 2027-02-01)\n",
	} {
		if !strings.Contains(item, want) {
			t.Errorf("the annex item of 3.1b lacks %q:\n%s", want, item)
		}
	}
	if n := strings.Count(draft, "Perspectief van SWV De Meierij"); n != 1 {
		t.Errorf("the perspective made at 3.1b is quoted %d times, want once (at 3.1b only)", n)
	}
	if !strings.Contains(draft, "| Instrument kiezen | SWV De Meierij | 2027-02-01 | 3.1b |") {
		t.Errorf("the open action items do not say the item was made at 3.1b:\n%s", sectionsOf(draft)["Openstaande actiepunten"])
	}
}

func TestTheAnnexShowsTheInventarisatiekaderAsIndicativeWithItsSource(t *testing.T) {
	set := content.Default()
	s := sessions.New(set.ID, set.Version)
	a := s.Answer("kinderen.inventarisatiekader")
	a.Status = sessions.StatusPartial
	a.Counts = map[string]int{"breed": 250, "smal": 40}
	annex := sectionsOf(Draft(set, content.DefaultConvenantMap(), s))["Bijlage: nog uit te werken"]
	want := "  - Breed profiel: 250\n  - Medium profiel: niet ingevuld\n  - Smal profiel: 40\n" +
		"  - Totaal: 290 (optelling; een kind kan in meer dan één groep vallen, dus dit is niet het aantal kinderen)\n" +
		"  - Indicatief: 48,1 fte (Breed profiel 46,5 · Smal profiel 1,6); een richtgetal, geen afspraak over de inzet\n" +
		"    (bron: Inventarisatiekader, Leidraad Zorg in Onderwijstijd (Nederlands Jeugdinstituut), hoofdstuk 4 Hulpmiddelen)\n"
	if !strings.Contains(annex, want) {
		t.Errorf("the annex does not show the indicative fte with its source:\n%s", annex)
	}
	// Without numbers there is nothing to indicate.
	a.Counts = nil
	a.Text = "Nog niet geteld."
	if annex := sectionsOf(Draft(set, content.DefaultConvenantMap(), s))["Bijlage: nog uit te werken"]; strings.Contains(annex, "Indicatief") {
		t.Errorf("an indicative result without numbers:\n%s", annex)
	}
}
