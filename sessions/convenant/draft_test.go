package convenant

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"gespreksmap/content"
	"gespreksmap/sessions"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func TestTheDraftOfARealisticConversationMatchesTheGoldenFile(t *testing.T) {
	got := realisticDraft(Options{})
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

// partyLines are the numbered entries of the Partijen.
func partyLines(draft string) []string {
	var out []string
	for _, l := range strings.Split(sectionsOf(draft)["Partijen"], "\n") {
		if regexp.MustCompile(`^[0-9]+\. `).MatchString(l) {
			out = append(out, l)
		}
	}
	return out
}

// signatureHeads are the parties of the signature page, in order.
func signatureHeads(draft string) []string {
	var out []string
	for _, l := range strings.Split(sectionsOf(draft)["Ondertekening"], "\n") {
		if h, ok := strings.CutPrefix(l, "### Voor "); ok {
			out = append(out, h)
		}
	}
	return out
}

func TestTheParentsRepresentationIsNamedAsInvolvedAndDoesNotSign(t *testing.T) {
	draft := realisticDraft(Options{})
	mr := "MR De Regenboog (oudergeleding)"
	for _, l := range partyLines(draft) {
		if strings.Contains(l, "MR De Regenboog") {
			t.Errorf("the parents' representation is a party: %s", l)
		}
	}
	mustContain(t, "Partijen", sectionsOf(draft)["Partijen"],
		"Als vertegenwoordiging van ouders is bij dit convenant betrokken, zonder partij te zijn: "+mr+".\n")
	mustContain(t, "Overwegingen", sectionsOf(draft)["Overwegingen"],
		"dat de vertegenwoordiging van ouders, "+mr+", bij het opstellen van dit convenant betrokken is en bij de uitvoering en evaluatie ervan betrokken blijft;\n")
	_, overleg := articleOf(t, draft, "Overlegstructuur en regie")
	mustContain(t, "Overlegstructuur en regie", overleg, "De vertegenwoordiging van ouders, "+mr+", wordt voor het overleg uitgenodigd")
	if heads := signatureHeads(draft); slices.Contains(heads, mr) || strings.Contains(sectionsOf(draft)["Ondertekening"], "Petra Smit") {
		t.Errorf("the parents' representation signs (Petra Smit may sign for it, but it is no party): %v", heads)
	}
	if _, privacy := articleOf(t, draft, "Privacy en gegevensdeling"); strings.Contains(privacy, "| MR De Regenboog") {
		t.Errorf("the parents' representation has a role under the AVG as a party:\n%s", privacy)
	}

	set, s := content.Default(), realisticSession()
	for _, o := range Organisations(set, s) {
		if (o.Name == mr) != o.Parents || o.Default == o.Parents {
			t.Errorf("organisation %+v", o)
		}
	}
	if got := DefaultParties(set, s); slices.Contains(got, mr) || len(got) != 5 {
		t.Errorf("default parties %v", got)
	}

	// Ticked by the drafter, it signs; the organisations left unticked are
	// named as involved.
	chosen := realisticDraft(Options{Parties: []string{"mr de regenboog  (OUDERGELEDING)", "Gemeente Tilburg"}})
	if heads := signatureHeads(chosen); strings.Join(heads, "|") != "Gemeente Tilburg|"+mr {
		t.Errorf("signature tables for %v", heads)
	}
	parties := sectionsOf(chosen)["Partijen"]
	mustContain(t, "Partijen", parties,
		"2. **"+mr+"**, gevestigd te [IN TE VULLEN: plaats en adres], te dezen vertegenwoordigd door Petra Smit, [IN TE VULLEN: functie van Petra Smit],",
		"Betrokken bij dit convenant, zonder partij te zijn: SWV De Meierij, Basisschool De Linde, Zorggroep Elde en Zorgkantoor Midden-Brabant.\n")
	if strings.Contains(parties, "Als vertegenwoordiging van ouders") {
		t.Errorf("a parents' representation that signs is also named as involved only:\n%s", parties)
	}
}

func TestParentsAreRecognisedByTheirKindAndOnlyWithoutOneByTheirName(t *testing.T) {
	set := content.Default()
	s := sessions.New(set.ID, set.Version)
	s.Participants = []sessions.Participant{
		{Name: "A", Organisation: "Ouderraad De Linde"},
		{Name: "B", Organisation: "MR Het Kompas", PartnerKind: "medezeggenschap"},
		{Name: "C", Organisation: "Gemeente Ouder-Amstel", PartnerKind: "gemeente"},
		{Name: "D", Organisation: "Stichting Ouders en Zorg", PartnerKind: "oudervertegenwoordiging"},
		{Name: "E", Organisation: "Oudervereniging", PartnerKind: "ouders uit de regio"},
		{Name: "F", Organisation: "Zorggroep Elde", PartnerKind: "zorgaanbieders"},
	}
	want := map[string]bool{"Ouderraad De Linde": true, "MR Het Kompas": true, "Gemeente Ouder-Amstel": false,
		"Stichting Ouders en Zorg": true, "Oudervereniging": true, "Zorggroep Elde": false}
	for _, o := range Organisations(set, s) {
		if o.Parents != want[o.Name] {
			t.Errorf("%s: parents = %v", o.Name, o.Parents)
		}
	}
}

func TestASchoolSignsThroughItsCompetentAuthority(t *testing.T) {
	draft := realisticDraft(Options{})
	lines := partyLines(draft)
	want := []string{
		"1. **Gemeente Tilburg**, gevestigd te [IN TE VULLEN: plaats en adres], te dezen vertegenwoordigd door Jan Jansen, wethouder;",
		"2. **SWV De Meierij**, gevestigd te [IN TE VULLEN: plaats en adres], te dezen vertegenwoordigd door Anna de Vries, directeur-bestuurder;",
		"3. **[IN TE VULLEN: bevoegd gezag van Basisschool De Linde]**, gevestigd te [IN TE VULLEN: plaats en adres], handelend voor Basisschool De Linde, te dezen vertegenwoordigd door Els Verhoeven, directeur;",
		// "Zorgaanbieders of zorgverleners op school" are no school.
		"4. **Zorggroep Elde**, gevestigd te [IN TE VULLEN: plaats en adres], te dezen vertegenwoordigd door Karel de Boer, bestuurder, en Mila Bakker, directeur zorg; en",
		"5. **Zorgkantoor Midden-Brabant**, gevestigd te [IN TE VULLEN: plaats en adres], te dezen vertegenwoordigd door [IN TE VULLEN: naam en functie van wie voor Zorgkantoor Midden-Brabant tekent],",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("parties:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	mustContain(t, "Partijen", sectionsOf(draft)["Partijen"], "\nhierna samen te noemen: partijen.\n\n")
	if heads := signatureHeads(draft); len(heads) != 5 || heads[2] != "[IN TE VULLEN: bevoegd gezag van Basisschool De Linde]" {
		t.Errorf("signature tables: %v", heads)
	}

	// A school named by its foundation is its own competent authority.
	set := content.Default()
	s := realisticSession()
	s.Participants[3].Organisation = "Stichting Primair Onderwijs Tilburg"
	own := DraftWith(set, content.DefaultConvenantMap(), s, Options{})
	mustContain(t, "Partijen", sectionsOf(own)["Partijen"],
		"3. **Stichting Primair Onderwijs Tilburg**, gevestigd te [IN TE VULLEN: plaats en adres], te dezen vertegenwoordigd door Els Verhoeven, directeur;")
	for _, o := range Organisations(set, s) {
		if o.School != (o.Name == "Stichting Primair Onderwijs Tilburg") {
			t.Errorf("%s: school = %v", o.Name, o.School)
		}
	}
}

func TestTheConsiderationsAreOverwegendeDatClausesThatQuoteNoQuestionOrAnswer(t *testing.T) {
	set := content.Default()
	s := realisticSession()
	draft := DraftWith(set, content.DefaultConvenantMap(), s, Options{})
	cons := sectionsOf(draft)["Overwegingen"]
	if !strings.HasPrefix(cons, "\nPartijen,\n\noverwegende:\n\n") || !strings.HasSuffix(cons, "\nkomen het volgende overeen:\n\n") {
		t.Errorf("the considerations are not one sentence from \"Partijen, overwegende:\" to \"komen het volgende overeen:\":\n%s", cons)
	}
	clause := regexp.MustCompile(`^([0-9]+)\. dat [^;]+;$`)
	n := 0
	for _, l := range strings.Split(cons, "\n") {
		if l == "" || l == "Partijen," || l == "overwegende:" || l == "komen het volgende overeen:" {
			continue
		}
		m := clause.FindStringSubmatch(l)
		if m == nil {
			t.Errorf("not a \"dat …;\" clause: %q", l)
			continue
		}
		if n++; m[1] != strconv.Itoa(n) {
			t.Errorf("clause %s follows clause %d", m[1], n-1)
		}
	}
	if n < 10 {
		t.Errorf("only %d considerations", n)
	}
	// No question of the set and no word typed in the conversation.
	for _, sec := range set.Sections {
		for _, q := range sec.Questions {
			texts := []string{q.Text}
			for _, p := range q.Parts() {
				texts = append(texts, p.Text)
			}
			for _, text := range texts {
				if strings.Contains(cons, inline(text)) {
					t.Errorf("the considerations quote the question %q", text)
				}
			}
		}
	}
	for _, a := range s.Answers {
		texts := []string{a.Text}
		for _, p := range a.Parts {
			texts = append(texts, p.Text)
		}
		for _, p := range a.Perspectives {
			texts = append(texts, p.Text)
		}
		for _, text := range texts {
			for _, l := range strings.Split(text, "\n") {
				if strings.TrimSpace(l) != "" && strings.Contains(cons, inline(l)) {
					t.Errorf("the considerations quote the answer %q", l)
				}
			}
		}
	}
	// The legal frame, for the parties to confirm.
	mustContain(t, "Overwegingen", cons, "de Wet op het primair onderwijs, de Wet op de expertisecentra en de Wet voortgezet onderwijs 2020",
		"op grond van de Jeugdwet", "op grond van de Wet langdurige zorg", "op grond van de Zorgverzekeringswet", "gebonden zijn aan de AVG",
		"[IN TE VULLEN: partijen controleren het wettelijk kader in deze overwegingen en vullen het zo nodig aan];")
	// The shared vision is stated, and its words are in bijlage 1.
	mustContain(t, "Overwegingen", cons, "7. dat partijen een gezamenlijke visie hebben op de ontwikkeling van het kind, waarin onderwijs en zorg elkaar versterken (zie bijlage 1);")
	annex := section(t, draft, "Achtergrond van de overwegingen")
	mustContain(t, "Bijlage 1", annex, "### Bij overweging 7. Gezamenlijke visie op de ontwikkeling van het kind\n\n"+
		"Vraag 1.3a: *Wat is onze gezamenlijke visie op de ontwikkeling van het kind?* (stand in het gesprek: geregeld)\n\n"+
		paragraphs(s.Answers["bestuur.uitwerking"].Parts["visie"].Text))
	// A consideration whose question was not answered, or found not
	// applicable, is not stated.
	if strings.Contains(cons, "inventarisatiekader") {
		t.Errorf("a consideration from an unanswered question is stated:\n%s", cons)
	}
	s.Answers["reflectie.centraal"].Status = sessions.StatusNA
	cons = sectionsOf(DraftWith(set, content.DefaultConvenantMap(), s, Options{}))["Overwegingen"]
	if strings.Contains(cons, "terugkijken") {
		t.Errorf("a consideration from a question not applicable is stated:\n%s", cons)
	}
}

func TestEveryStandardArticleIsThereInOrderWithConsecutiveNumbers(t *testing.T) {
	draft := realisticDraft(Options{})
	headings, bodies := articles(draft)
	var names []string
	for i, h := range headings {
		m := articleHeading.FindStringSubmatch("### " + h)
		if m[1] != strconv.Itoa(i+1) {
			t.Errorf("article %d is numbered %s", i+1, m[1])
		}
		names = append(names, m[2])
	}
	standard := []string{"Begripsbepalingen", "Doel en doelgroep", "Overlegstructuur en regie", "Financiën en kosten", "Monitoring en evaluatie",
		"Privacy en gegevensdeling", "Geheimhouding", "Aansprakelijkheid", "Looptijd", "Wijziging", "Toetreding", "Opzegging",
		"Geschillen", "Toepasselijk recht", "Openbaarheid", "Citeertitel", "Slotbepaling"}
	if !slices.Equal(names[:2], standard[:2]) || !slices.Equal(names[len(names)-15:], standard[2:]) {
		t.Errorf("articles:\n%s", strings.Join(names, "\n"))
	}
	// The agreements stand between them, each saying where it comes from.
	agreements := names[2 : len(names)-15]
	if !slices.Contains(agreements, "Gebruikelijke zorg") || !slices.Contains(agreements, "Collectieve financiering") {
		t.Errorf("agreements: %v", agreements)
	}
	for i, h := range headings {
		body := bodies[h]
		isStandard := i < 2 || i >= len(headings)-15
		if isStandard != strings.HasPrefix(body, "\n*Standaardtekst; pas aan waar nodig.*\n") {
			t.Errorf("%s: standard %v, but its mark says otherwise:\n%s", h, isStandard, body)
		}
		if !isStandard && !strings.Contains(body, "*Afspraak uit het gesprek, bij vraag ") && !strings.Contains(body, "[IN TE VULLEN: afspraken over ") {
			t.Errorf("%s does not say where it comes from:\n%s", h, body)
		}
	}
	// References between articles carry the numbers they got.
	monitoring, _ := articleOf(t, draft, "Monitoring en evaluatie")
	openbaarheid, _ := articleOf(t, draft, "Openbaarheid")
	_, looptijd := articleOf(t, draft, "Looptijd")
	_, wijziging := articleOf(t, draft, "Wijziging")
	num := func(h string) string { return articleHeading.FindStringSubmatch("### " + h)[1] }
	mustContain(t, "Looptijd", looptijd, "na de evaluatie bedoeld in artikel "+num(monitoring)+",")
	mustContain(t, "Wijziging", wijziging, "openbaar gemaakt zoals bedoeld in artikel "+num(openbaarheid)+".")
	_, cite := articleOf(t, draft, "Citeertitel")
	mustContain(t, "Citeertitel", cite, "Dit convenant wordt aangehaald als: Convenant zorg in onderwijstijd Hart van Brabant.")
	_, doel := articleOf(t, draft, "Doel en doelgroep")
	mustContain(t, "Doel en doelgroep", doel, "1. Dit convenant heeft tot doel dat kinderen in de regio Hart van Brabant ", "\n2. ", "\n3. ", "\n4. ")
	_, woo := articleOf(t, draft, "Openbaarheid")
	mustContain(t, "Openbaarheid", woo, "Wet open overheid", "de Staatscourant")
	// Chapters are numbered one after the other.
	ch := 0
	for _, l := range strings.Split(draft, "\n") {
		if rest, ok := strings.CutPrefix(l, "## Hoofdstuk "); ok {
			if ch++; !strings.HasPrefix(rest, strconv.Itoa(ch)+". ") {
				t.Errorf("chapter %d reads %q", ch, l)
			}
		}
	}
}

func TestTheDefinitionsHoldOnlyTheTermsTheConvenantItselfUses(t *testing.T) {
	draft := realisticDraft(Options{})
	_, defs := articleOf(t, draft, "Begripsbepalingen")
	mustContain(t, "Begripsbepalingen", defs,
		"- **AVG**: de Algemene verordening gegevensbescherming",
		"- **convenant**: dit samenwerkingsconvenant;",
		"- **Wlz** (Wet langdurige zorg): de wet voor mensen",
		// Found through its plural, an alias of the mapping's definition.
		"- **zorgaanbieder**: een organisatie of zelfstandige",
	)
	for _, absent := range []string{
		"**TLV**",                // only in the counts quoted in bijlage 1
		"**second opinion**",     // only in a single organisation's view
		"**speciaal onderwijs**", // only inside a placeholder
		"**EMB**",                // nowhere but the annex
	} {
		if strings.Contains(defs, absent) {
			t.Errorf("Begripsbepalingen define %s, which the convenant itself does not use:\n%s", absent, defs)
		}
	}
	var terms []string
	items := regexp.MustCompile(`(?m)^- \*\*([^*]+)\*\*.*([;.?])$`).FindAllStringSubmatch(defs, -1)
	for i, m := range items {
		terms = append(terms, strings.ToLower(m[1]))
		if last := i == len(items)-1; last != (m[2] == ".") {
			t.Errorf("definition %q ends in %q", m[1], m[2])
		}
	}
	if !slices.IsSorted(terms) {
		t.Errorf("definitions are not in alphabetical order: %v", terms)
	}
	// The glossary's plain words are named for the parties to word them;
	// the draft no longer claims a source for them.
	mustContain(t, "Begripsbepalingen", defs, "[IN TE VULLEN: juridische omschrijving vaststellen van ", "Wlz", "; deze omschrijvingen zijn in gewone taal geschreven, voor iedereen aan tafel]")
	if strings.Contains(draft, "Gespreksmap") {
		t.Error("the draft says its definitions come from the Gespreksmap")
	}

	// A definition of the mapping the text does not use is left out, and
	// listed once an agreement uses it.
	set := testSet()
	s := testSession()
	_, small := articleOf(t, Draft(set, testMap(t, set), s), "Begripsbepalingen")
	if strings.Contains(small, "toetsingscommissie") {
		t.Errorf("an unused definition is listed:\n%s", small)
	}
	s.Answers["financiering.collectief"].Text = "De toetsingscommissie beslist over het contract."
	_, small = articleOf(t, Draft(set, testMap(t, set), s), "Begripsbepalingen")
	mustContain(t, "Begripsbepalingen", small, "- **toetsingscommissie**: de commissie die een aanvraag toetst;")
}

func TestTheSignaturePageHasATablePerParty(t *testing.T) {
	draft := realisticDraft(Options{})
	sig := sectionsOf(draft)["Ondertekening"]
	want := []string{"Gemeente Tilburg", "SWV De Meierij", "[IN TE VULLEN: bevoegd gezag van Basisschool De Linde]", "Zorggroep Elde", "Zorgkantoor Midden-Brabant"}
	if heads := signatureHeads(draft); !slices.Equal(heads, want) {
		t.Fatalf("signature tables for %v, want %v", heads, want)
	}
	blocks := strings.Split(sig, "### Voor ")[1:]
	for i, block := range blocks {
		var rows []string
		for _, l := range strings.Split(block, "\n") {
			if strings.HasPrefix(l, "| ") && !strings.HasPrefix(l, "| ---") {
				rows = append(rows, strings.TrimSpace(strings.Split(l, "|")[1]))
			}
		}
		if strings.Join(rows, ",") != ",Naam,Functie,Plaats,Datum,Handtekening" {
			t.Errorf("table for %s has rows %q:\n%s", want[i], rows, block)
		}
	}
	mustContain(t, "Ondertekening", blocks[0], "|  | Ondertekenaar |\n| --- | --- |\n| Naam | Jan Jansen |\n| Functie | wethouder |\n"+
		"| Plaats | [IN TE VULLEN: plaats] |\n| Datum | [IN TE VULLEN: datum] |\n| Handtekening |  |\n")
	mustContain(t, "Ondertekening", blocks[3], "|  | Ondertekenaar 1 | Ondertekenaar 2 |\n| --- | --- | --- |\n| Naam | Karel de Boer | Mila Bakker |\n| Functie | bestuurder | directeur zorg |\n")
	mustContain(t, "Ondertekening", blocks[4], "| Naam | [IN TE VULLEN: naam van wie voor Zorgkantoor Midden-Brabant tekent] |\n| Functie | [IN TE VULLEN: functie] |\n")
	mustContain(t, "Ondertekening", blocks[2], "| Naam | Els Verhoeven |")
	if strings.Contains(sig, "Fatima") {
		t.Errorf("someone who does not sign has a place to sign:\n%s", sig)
	}

	// Only the parties chosen sign, and only they have a role under the AVG.
	chosen := realisticDraft(Options{Parties: []string{"gemeente tilburg", "  zorggroep   ELDE "}})
	if heads := signatureHeads(chosen); strings.Join(heads, "|") != "Gemeente Tilburg|Zorggroep Elde" {
		t.Errorf("signature tables for %v", heads)
	}
	if n := len(partyLines(chosen)); n != 2 {
		t.Errorf("%d parties", n)
	}
	_, privacy := articleOf(t, chosen, "Privacy en gegevensdeling")
	if rows := strings.Count(privacy, " | [IN TE VULLEN: verwerkingsverantwoordelijke"); rows != 2 || !strings.Contains(privacy, "| Zorggroep Elde | [IN TE VULLEN: verwerkingsverantwoordelijke") {
		t.Errorf("the AVG table has %d party rows:\n%s", rows, privacy)
	}

	// No party chosen: the draft asks for them.
	none := realisticDraft(Options{Parties: []string{}})
	checkPlaceholders(t, none)
	mustContain(t, "Partijen", sectionsOf(none)["Partijen"], "[IN TE VULLEN: de partijen die dit convenant sluiten")
	if heads := signatureHeads(none); strings.Join(heads, "|") != "[IN TE VULLEN: naam van de partij]" {
		t.Errorf("signature tables without parties: %v", heads)
	}
}

func TestAgreementsBecomeArticlesInTheWordsOfTheAnswer(t *testing.T) {
	set := testSet()
	s := testSession()
	draft := Draft(set, testMap(t, set), s)
	cases := []struct{ article, number, text string }{
		{"Vastleggen van de visie", "1.3a", s.Answers["bestuur.uitwerking"].Parts["vastgelegd"].Text},
		{"Gebruikelijke zorg", "3.1a", s.Answers["organiseren.afspraken"].Parts["gebruikelijk"].Text},
		{"Verschil van mening over zorg en ondersteuning", "3.1c", s.Answers["organiseren.afspraken"].Parts["verschil"].Text},
		{"Collectieve financiering", "5.2", s.Answers["financiering.collectief"].Text},
		{"Afspraak bij vraag 3.1d", "3.1d", s.Answers["organiseren.afspraken"].Parts["wlz"].Text},
	}
	for _, c := range cases {
		_, body := articleOf(t, draft, c.article)
		mustContain(t, c.article, body, "\n"+paragraphs(c.text), "*Afspraak uit het gesprek, bij vraag "+c.number+".*\n")
	}
	_, partners := articleOf(t, draft, "Samenwerkende partners")
	mustContain(t, "Samenwerkende partners", partners, "Partijen werken samen met:\n\n- Scholen\n- Oudervertegenwoordiging\n- Zorgaanbieders\n- Gemeente(n)\n- Revalidatiecentrum De Kei\n",
		"Nog niet samengewerkt wordt met:\n\n- Zorgkantoren\n", "Het zorgkantoor sluit in 2027 aan.\n")
	// An article states the agreement, not the question it answered.
	_, choice := articleOf(t, draft, "Collectieve financiering")
	if strings.Contains(choice, "Zijn er afspraken") || strings.Contains(choice, "stand van zaken") {
		t.Errorf("the article quotes the question instead of stating the agreement:\n%s", choice)
	}
	// Without words of its own, the choice is all there is: it is stated
	// with its question.
	s.Answers["financiering.collectief"].Text = ""
	_, bare := articleOf(t, Draft(set, testMap(t, set), s), "Collectieve financiering")
	mustContain(t, "Collectieve financiering", bare, "*Zijn er afspraken over collectieve financiering?* **Ja**\n\n")

	headings, _ := articles(draft)
	for _, h := range headings {
		if strings.HasSuffix(h, "Beoordeling van zorg") || strings.HasSuffix(h, "Toezicht op de samenwerking") {
			t.Errorf("a unit that is not agreed is an article: %s", h)
		}
	}
	// An agreement the mapping does not place is kept, before the closing
	// chapters.
	rest := strings.Index(draft, ". Overige afspraken\n")
	if rest < 0 || rest > strings.Index(draft, ". Slotbepalingen\n") || rest < strings.Index(draft, ". Financiering\n") {
		t.Errorf("Overige afspraken missing or out of place:\n%s", draft)
	}
	// A chapter without agreements keeps an article that asks for them,
	// without denying what went into the considerations.
	_, ouders := articleOf(t, draft, "Ouders")
	mustContain(t, "Ouders", ouders, "[IN TE VULLEN: afspraken over ouders] Geen afspraak uit het gesprek is in dit hoofdstuk als artikel opgenomen; zie ook de overwegingen en bijlage 2.")
	// An agreement recorded without its words asks for them.
	s.Answers["organiseren.afspraken"].Parts["gebruikelijk"].Text = ""
	_, body := articleOf(t, Draft(set, testMap(t, set), s), "Gebruikelijke zorg")
	mustContain(t, "Gebruikelijke zorg", body, "[IN TE VULLEN: de tekst van deze afspraak; in het gesprek is alleen vastgelegd dat dit geregeld is]")
}

func TestAPerspectiveIsOnePartysViewQuotedOnceAndReferredToInTheRightNumber(t *testing.T) {
	s := realisticSession()
	draft := realisticDraft(Options{})
	_, first := articleOf(t, draft, "Gebruikelijke zorg")
	for _, p := range s.Answers["organiseren.afspraken"].Perspectives {
		lead := "*Perspectief van " + inline(p.Organisation) + " bij vraag 3.1 (standpunt van deze organisatie, niet van partijen samen):*\n\n"
		mustContain(t, "Gebruikelijke zorg", first, lead+paragraphs(p.Text))
		if strings.Index(first, lead) < strings.Index(first, "Gebruikelijke zorg is wat") {
			t.Errorf("the perspective comes before the joint answer:\n%s", first)
		}
		if n := strings.Count(draft, inline(p.Text)); n != 1 {
			t.Errorf("%s's perspective is quoted %d times", p.Organisation, n)
		}
	}
	// Two perspectives "zijn"; the reference points to where they are.
	heading, _ := articleOf(t, draft, "Gebruikelijke zorg")
	ref := "*Bij vraag 3.1 zijn ook de perspectieven van MR De Regenboog (oudergeleding) en Zorggroep Elde vastgelegd; zie " + strings.ToLower(heading[:strings.Index(heading, ".")]) + ".*"
	_, later := articleOf(t, draft, "Verschil van mening over de zorg voor een kind")
	mustContain(t, "a later article from 3.1", later, ref)
	if n := strings.Count(section(t, draft, "Nog uit te werken"), ref); n != 1 {
		t.Errorf("bijlage 2 refers to the perspectives of 3.1 %d times, want once", n)
	}
	// One perspective "is".
	set := testSet()
	small := Draft(set, testMap(t, set), testSession())
	mustContain(t, "the small draft", small, "*Bij vraag 3.1 is ook het perspectief van Oudervereniging De Bodde vastgelegd; zie artikel ")
	for _, d := range []string{draft, small} {
		if strings.Contains(d, "is ook de perspectieven") || strings.Contains(d, "zijn ook het perspectief") {
			t.Error("the verb does not agree with the number of perspectives")
		}
	}
	// In bijlage 1 a perspective follows the answer behind a consideration.
	annex := section(t, draft, "Achtergrond van de overwegingen")
	mustContain(t, "Bijlage 1", annex, "*Perspectief van Gemeente Tilburg bij vraag 5.1 (standpunt van deze organisatie, niet van partijen samen):*\n\n"+
		"Eén budget kan pas als de inkoop van jeugdhulp daarop is aangepast.\n")
}

func TestWhatIsStillOpenIsListedInBijlage2AndWhatIsNotApplicableIsLeftOut(t *testing.T) {
	set := testSet()
	draft := Draft(set, testMap(t, set), testSession())
	annex := section(t, draft, "Nog uit te werken")
	mustContain(t, "Bijlage 2", annex,
		"**1.3b** Wie ziet toe op de samenwerking? — *deels*\n\nDe stuurgroep ZiO, maar wie die voorzit is nog open.\n",
		"**3.1b** Hoe komt de beoordeling van zorg en ondersteuning tot stand? Die beoordeling kan gaan over: — *nog niet*\n\n"+
			"- *het instrument waarmee zorg in onderwijstijd in kaart wordt gebracht*\n- *de verantwoordelijke professional(s)*\n",
		"**4.1** Wie is het aanspreekpunt voor ouders? — *nog niet*\n\nNu is dat per school anders; we willen één vast aanspreekpunt per kind.\n\n"+
			"- Actiepunt: Aanspreekpunt voor ouders voorstellen ([IN TE VULLEN: wie], voor de zomer)\n",
		"**5.1** Hoe kan de financiering verbeterd en vereenvoudigd worden? — *deels*\n\nWat hierover is vastgelegd, staat in bijlage 1, bij overweging 5.\n",
		"**5.3** Welke afspraken bestaan er over leerlingenvervoer? — *niet besproken*\n",
		"| Conceptconvenant laten toetsen door juristen | Gemeente Tilburg | 2027-01-15 | 3.1 |\n",
		"| Aanspreekpunt voor ouders voorstellen | [IN TE VULLEN: wie] | voor de zomer | 4.1 |\n",
	)
	for _, absent := range []string{"1.3c", "inspectie", "Visie vaststellen", "**1.3a**", "**3.1a**", "**5.2**"} {
		if strings.Contains(annex, absent) {
			t.Errorf("bijlage 2 mentions %q, which is arranged, not applicable or done:\n%s", absent, annex)
		}
	}
}

// blockLine is a line of the few markdown blocks the draft may use: a
// heading of level 1 to 3, a flat list item, a table row, or a paragraph
// that starts with text.
var blockLine = regexp.MustCompile(`^(#{1,3} \S|- \S|[0-9]+\. \S|\| |[^\s#>|<` + "`" + `~-])`)

func TestTheDraftUsesOnlyBlocksAWordProcessorHasAndTypedMarkdownStaysText(t *testing.T) {
	set := content.Default()
	s := realisticSession()
	s.Answers["organiseren.afspraken"].Parts["gebruikelijke-zorg"].Text = "# geen kop\n---\n> geen citaat\n| a | b |\n    geen code\n-\n1.\n<b>geen html</b>\n```\n~~~\n***\n- wel een lijst"
	draft := DraftWith(set, content.DefaultConvenantMap(), s, Options{})
	for i, l := range strings.Split(draft, "\n") {
		if l != "" && !blockLine.MatchString(l) {
			t.Errorf("line %d is none of the plain blocks: %q", i+1, l)
		}
	}
	_, body := articleOf(t, draft, "Gebruikelijke zorg")
	mustContain(t, "Gebruikelijke zorg", body, "\\# geen kop\n\n\\---\n\n\\> geen citaat\n\n\\| a \\| b \\|\n\ngeen code\n\n\\-\n\n\\1.\n\n\\<b>geen html\\</b>\n\n\\`\\`\\`\n\n\\~\\~\\~\n\n\\*\\*\\*\n\n- wel een lijst\n")
	checkPlaceholders(t, draft)
}

func TestEveryPlaceholderHasTheOneSearchableForm(t *testing.T) {
	draft := realisticDraft(Options{})
	if n := len(placeholderForm.FindAllString(draft, -1)); n < 40 {
		t.Errorf("only %d placeholders; the standard articles and signature tables alone have more", n)
	}
	checkPlaceholders(t, draft)

	// An empty conversation is nearly all placeholders, still in one form.
	set := content.Default()
	empty := sessions.New(set.ID, set.Version)
	empty.Participants = []sessions.Participant{{Name: "Piet [zonder] Organisatie", Signs: true}}
	emptyDraft := Draft(set, content.DefaultConvenantMap(), empty)
	checkPlaceholders(t, emptyDraft)
	mustContain(t, "the empty draft", emptyDraft,
		"**Samenwerkingsverband of regio:** [IN TE VULLEN: samenwerkingsverband of regio]",
		"1. **[IN TE VULLEN: de organisatie van Piet (zonder) Organisatie]**, gevestigd te [IN TE VULLEN: plaats en adres], ",
		"### Voor [IN TE VULLEN: de organisatie van Piet (zonder) Organisatie]",
		"dat de vertegenwoordiging van ouders, [IN TE VULLEN: naam van de vertegenwoordiging van ouders, zoals de oudergeleding van de medezeggenschapsraad], bij",
		"aangehaald als: Convenant zorg in onderwijstijd [IN TE VULLEN: samenwerkingsverband of regio].",
		"[IN TE VULLEN: per partij nagaan of wie tekent daartoe bevoegd is, zo nodig met mandaat of volmacht]",
		"Geen van de overwegingen steunt op een antwoord uit het gesprek.",
	)
}

func TestAMappingTextIsWrittenWithItsFieldsFilledIn(t *testing.T) {
	set := testSet()
	draft := Draft(set, testMap(t, set), testSession())
	looptijd, body := articleOf(t, draft, "Looptijd")
	mustContain(t, "Looptijd", body, "\nDit convenant geldt tot [IN TE VULLEN: einddatum] in de regio Hart van Brabant.\n")
	_, privacy := articleOf(t, draft, "Privacy en gegevensdeling")
	mustContain(t, "Privacy", privacy, "zie ook "+strings.ToLower(looptijd[:strings.Index(looptijd, ".")])+".\n",
		"| Partij | Rol onder de AVG |\n| --- | --- |\n| Gemeente Tilburg | [IN TE VULLEN: rol] |\n| SWV De Meierij | [IN TE VULLEN: rol] |\n| Zorggroep Elde | [IN TE VULLEN: rol] |\n")
	mustContain(t, "Overwegingen", sectionsOf(draft)["Overwegingen"], "dat de vertegenwoordiging van ouders, Oudervereniging De Bodde, bij dit convenant betrokken is;\n")
}

func TestWithoutAFittingMappingNoAgreementIsLost(t *testing.T) {
	set := testSet()
	s := testSession()
	// A mapping made for another set names questions this set does not
	// have; no mapping at all is the same.
	other := &content.ConvenantMap{
		Title: "Convenant",
		Chapters: []content.ConvenantChapter{{ID: "elders", Title: "Elders", Articles: []content.ConvenantEntry{
			{Unit: content.ConvenantUnit{Question: "elders.vraag"}, Title: "Elders"},
		}}},
	}
	for name, m := range map[string]*content.ConvenantMap{"map of another set": other, "no map": nil} {
		draft := Draft(set, m, s)
		checkPlaceholders(t, draft)
		rest := section(t, draft, "Overige afspraken")
		for _, num := range []string{"1.1", "1.2", "1.3a", "2.1", "3.1a", "3.1c", "3.1d", "5.2"} {
			if !strings.Contains(rest, ". Afspraak bij vraag "+num+"\n") {
				t.Errorf("%s: agreement at %s is not kept under Overige afspraken:\n%s", name, num, rest)
			}
		}
	}
}

func TestCountsSayTheTotalIsNoNumberOfChildrenAndNameCategoriesLeftEmpty(t *testing.T) {
	set := testSet()
	s := testSession()
	consideration := func() string {
		c := section(t, Draft(set, testMap(t, set), s), "Achtergrond van de overwegingen")
		return c[strings.Index(c, "### Bij overweging 3."):strings.Index(c, "### Bij overweging 5.")]
	}
	mustContain(t, "counts", consideration(), "- Een toelaatbaarheidsverklaring (TLV): 12\n- Een beschikking Wlz: 5\n"+
		"- Totaal: 17 (optelling; een kind kan in meer dan één groep vallen, dus dit is niet het aantal kinderen)\n")
	delete(s.Answers["kinderen.aantallen"].Counts, "wlz")
	mustContain(t, "counts", consideration(), "- Een toelaatbaarheidsverklaring (TLV): 12\n- Een beschikking Wlz: niet ingevuld\n- Totaal: 12 (")
	s.Answers["kinderen.aantallen"].Counts = nil
	got := consideration()
	if !strings.Contains(got, "Aantallen per groep: niet ingevuld.\n") || strings.Contains(got, "Totaal") {
		t.Errorf("counts not filled in at all:\n%s", got)
	}
	mustContain(t, "counts", got, "Vooral vragen over begeleiding")
}

func TestTheInventarisatiekaderIsShownAsIndicativeWithItsSource(t *testing.T) {
	set := content.Default()
	s := sessions.New(set.ID, set.Version)
	a := s.Answer("kinderen.inventarisatiekader")
	a.Status = sessions.StatusPartial
	a.Counts = map[string]int{"breed": 250, "smal": 40}
	annex := section(t, Draft(set, content.DefaultConvenantMap(), s), "Achtergrond van de overwegingen")
	mustContain(t, "bijlage 1", annex, "- Breed profiel: 250\n- Medium profiel: niet ingevuld\n- Smal profiel: 40\n"+
		"- Totaal: 290 (optelling; een kind kan in meer dan één groep vallen, dus dit is niet het aantal kinderen)\n"+
		"- Indicatief: 48,1 fte (Breed profiel 46,5 · Smal profiel 1,6); een richtgetal, geen afspraak over de inzet "+
		"(bron: Inventarisatiekader, Leidraad Zorg in Onderwijstijd (Nederlands Jeugdinstituut), hoofdstuk 4 Hulpmiddelen)\n")
	a.Counts = nil
	a.Text = "Nog niet geteld."
	if strings.Contains(Draft(set, content.DefaultConvenantMap(), s), "Indicatief") {
		t.Error("an indicative result without numbers")
	}
}

func TestTheDefaultSetAndMappingPutEveryAgreementInItsChapter(t *testing.T) {
	set := content.Default()
	s := sessions.New(set.ID, set.Version)
	s.Participants = []sessions.Participant{{Name: "Jan Jansen", Organisation: "Gemeente Tilburg", Function: "wethouder", Signs: true}}
	var agreed []string
	considered := map[content.ConvenantUnit]bool{}
	for _, c := range content.DefaultConvenantMap().Considerations {
		considered[c.Unit] = true
	}
	for i, u := range content.ConvenantUnits(set) {
		a := s.Answer(u.Question)
		text := "Afspraak nummer " + strings.Repeat("x", i%3) + u.String()
		st := []sessions.Status{sessions.StatusDone, sessions.StatusPartial, sessions.StatusNone}[i%3]
		if st == sessions.StatusDone && !considered[u] {
			agreed = append(agreed, text)
		}
		if u.Part != "" {
			*a.Part(u.Part) = sessions.Part{Status: st, Text: text}
		} else {
			a.Status, a.Text = st, text
		}
	}
	draft := Draft(set, content.DefaultConvenantMap(), s)
	checkPlaceholders(t, draft)
	for _, text := range agreed {
		if !strings.Contains(draft, "\n"+text+"\n\n*Afspraak uit het gesprek") {
			t.Errorf("agreement %q is not an article", text)
		}
	}
	if strings.Contains(draft, "Overige afspraken") {
		t.Error("the default mapping leaves agreements of the default set unplaced")
	}
}

func TestABracketInANameKeepsThePlaceholderInItsOneForm(t *testing.T) {
	set := testSet()
	s := testSession()
	s.Participants = append(s.Participants, sessions.Participant{Name: "Els [voorlopig]", Organisation: "Stichting [in oprichting]"})
	draft := Draft(set, testMap(t, set), s)
	checkPlaceholders(t, draft)
	mustContain(t, "Partijen", sectionsOf(draft)["Partijen"], "[IN TE VULLEN: naam en functie van wie voor Stichting (in oprichting) tekent]")
}

func TestMarkdownInANameStaysTextInsideAPlaceholder(t *testing.T) {
	set := testSet()
	s := testSession()
	s.Participants = append(s.Participants, sessions.Participant{Name: "Ria", Organisation: "Basisschool De *Ster* | Noord", PartnerKind: "school"})
	draft := Draft(set, testMap(t, set), s)
	checkPlaceholders(t, draft)
	mustContain(t, "Partijen", sectionsOf(draft)["Partijen"], "**[IN TE VULLEN: bevoegd gezag van Basisschool De \\*Ster\\* \\| Noord]**")
	mustContain(t, "Ondertekening", sectionsOf(draft)["Ondertekening"], "| Naam | [IN TE VULLEN: naam van wie voor het bevoegd gezag van Basisschool De \\*Ster\\* \\| Noord tekent] |")
}

func TestEveryEmbeddedSetDraftsWithTheDefaultMappingAndLosesNoAgreement(t *testing.T) {
	for _, set := range content.Embedded() {
		s := sessions.New(set.ID, set.Version)
		s.Participants = []sessions.Participant{{Name: "Jan Jansen", Organisation: "Gemeente Tilburg", PartnerKind: "gemeente", Function: "wethouder", Signs: true}}
		var agreed []string
		for i, u := range content.ConvenantUnits(set) {
			if i%2 == 1 {
				continue
			}
			text := "Afspraak " + set.ID + " " + u.String()
			a := s.Answer(u.Question)
			if u.Part != "" {
				*a.Part(u.Part) = sessions.Part{Status: sessions.StatusDone, Text: text}
			} else {
				a.Status, a.Text = sessions.StatusDone, text
			}
			agreed = append(agreed, text)
		}
		draft := Draft(set, content.DefaultConvenantMap(), s)
		checkPlaceholders(t, draft)
		for _, text := range agreed {
			if !strings.Contains(draft, "\n"+text+"\n") {
				t.Errorf("%s: agreement %q is lost", set.ID, text)
			}
		}
		headings, _ := articles(draft)
		if len(headings) < 17 || !strings.HasSuffix(headings[0], "Begripsbepalingen") || !strings.HasSuffix(headings[len(headings)-1], "Slotbepaling") {
			t.Errorf("%s: articles %v", set.ID, headings)
		}
	}
}
