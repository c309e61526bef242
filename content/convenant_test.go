package content

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// convenantTestSet is a small set with every shape a unit can have: open
// questions, sub-points, topics and a choice.
func convenantTestSet() *Set {
	return &Set{
		ID: "proef",
		Sections: []Section{
			{ID: "visie", Title: "Visie", Questions: []Question{
				{ID: "visie.open", Kind: KindOpen, Text: "Wat is onze visie?"},
				{ID: "visie.punten", Kind: KindPoints, Text: "Hoe is het uitgewerkt?", Points: []Point{
					{ID: "vastgelegd", Text: "Is de visie vastgelegd?"},
					{ID: "toezicht", Text: "Wie ziet toe?"},
				}},
			}},
			{ID: "afspraken", Title: "Afspraken", Questions: []Question{
				{ID: "afspraken.onderwerpen", Kind: KindTopics, Text: "Maak afspraken over:", Topics: []Point{
					{ID: "gebruikelijk", Text: "Wat is gebruikelijke zorg?"},
					{ID: "geschil", Text: "Wie beslist bij verschil van mening?"},
				}},
				{ID: "afspraken.keuze", Kind: KindChoice, Text: "Is er collectieve financiering?"},
			}},
		},
	}
}

func TestTheDefaultConvenantMapPlacesEveryUnitOfTheDefaultSetExactlyOnce(t *testing.T) {
	m, err := ParseConvenantMap(defaultConvenantYAML, "convenant.yaml", Default())
	if err != nil {
		t.Fatalf("embedded convenant.yaml does not validate:\n%v", err)
	}
	placed := map[ConvenantUnit]string{}
	place := func(u ConvenantUnit, where string) {
		if prev, ok := placed[u]; ok {
			t.Errorf("%s placed twice: %s and %s", u, prev, where)
		}
		placed[u] = where
	}
	for _, c := range m.Considerations {
		if !c.Unit.IsZero() {
			place(c.Unit, "considerations")
		}
	}
	for _, ch := range m.Chapters {
		for _, a := range ch.Articles {
			place(a.Unit, ch.ID)
		}
	}
	for _, u := range ConvenantUnits(Default()) {
		if _, ok := placed[u]; !ok {
			t.Errorf("unit %s of the default set has no place in convenant.yaml; it would land in \"Overige afspraken\"", u)
		}
	}
	if got := placed[ConvenantUnit{Question: "organiseren.afspraken", Part: "verschil-van-mening"}]; got != "zorg-in-de-klas" {
		t.Errorf("the topic on a difference of opinion about a child's care is placed in %q, want the chapter on care in the classroom", got)
	}
	var titles []string
	for _, ch := range m.Chapters {
		titles = append(titles, ch.Title)
	}
	want := "Bestuurlijke samenwerking|Zorg in de klas en onderwijs-zorgarrangementen|Ouders|Financiering van zorg in onderwijstijd|Leren en verbeteren"
	if got := strings.Join(titles, "|"); got != want {
		t.Errorf("chapters = %s, want %s", got, want)
	}
	if DefaultConvenantMap().Title != m.Title || m.Title == "" {
		t.Errorf("DefaultConvenantMap title %q differs from parsed %q", DefaultConvenantMap().Title, m.Title)
	}
}

func TestTheDefaultConvenantMapHasEveryStandardArticleInTheOrderOfAConvenant(t *testing.T) {
	m := DefaultConvenantMap()
	var open, closing []string
	for _, ch := range m.Opening {
		for _, a := range ch.Standard {
			open = append(open, a.Heading)
		}
	}
	for _, ch := range m.Closing {
		for _, a := range ch.Standard {
			closing = append(closing, a.Heading)
		}
	}
	if got, want := strings.Join(open, "|"), "Begripsbepalingen|Doel en doelgroep"; got != want {
		t.Errorf("articles before the agreements: %s\nwant %s", got, want)
	}
	want := "Overlegstructuur en regie|Financiën en kosten|Monitoring en evaluatie|Privacy en gegevensdeling|Geheimhouding|" +
		"Aansprakelijkheid|Looptijd|Wijziging|Toetreding|Opzegging|Geschillen|Toepasselijk recht|Openbaarheid|Citeertitel|Slotbepaling"
	if got := strings.Join(closing, "|"); got != want {
		t.Errorf("articles after the agreements: %s\nwant %s", got, want)
	}
	if m.StandardNote == "" {
		t.Error("standard articles are not marked as standard wording")
	}
	for _, a := range m.StandardArticles() {
		if a.ID == "privacy" && (a.PartyTable == nil || !strings.Contains(strings.Join(a.PartyTable.Row, " "), "{partij}")) {
			t.Errorf("the privacy article has no table with each party's role: %+v", a.PartyTable)
		}
		if (a.ID == "begripsbepalingen") != a.WithDefinitions {
			t.Errorf("%s: with_definitions = %v", a.ID, a.WithDefinitions)
		}
	}
}

func TestAValidConvenantMapIsReadIntoItsConsiderationsChaptersAndStandardArticles(t *testing.T) {
	m, err := LoadConvenantMap(filepath.Join("testdata", "convenant", "klein.yaml"), convenantTestSet())
	if err != nil {
		t.Fatal(err)
	}
	if m.Title != "Samenwerkingsconvenant proef" || m.Name != filepath.Join("testdata", "convenant", "klein.yaml") || m.StandardNote != "Standaardtekst; pas aan waar nodig." {
		t.Errorf("title %q, name %q, note %q", m.Title, m.Name, m.StandardNote)
	}
	if len(m.Definitions) != 1 || m.Definitions[0].Term != "zorg in onderwijstijd" || m.Definitions[0].Explanation != "zorg die een kind op school nodig heeft" ||
		strings.Join(m.Definitions[0].Aliases, ",") != "ZiO" {
		t.Errorf("definitions = %+v", m.Definitions)
	}
	if len(m.Considerations) != 2 || !m.Considerations[0].Unit.IsZero() || m.Considerations[0].Text != "ieder kind recht heeft op onderwijs" ||
		m.Considerations[1].Unit.String() != "visie.open" || m.Considerations[1].Title != "Gezamenlijke visie" ||
		m.Considerations[1].Text != "partijen een gezamenlijke visie hebben in de regio {regio}" {
		t.Errorf("considerations = %+v", m.Considerations)
	}
	var got []string
	for _, ch := range m.Chapters {
		for _, a := range ch.Articles {
			got = append(got, ch.ID+":"+a.Unit.String()+":"+a.Title)
		}
	}
	want := []string{
		"samenwerking:visie.punten/toezicht:Toezicht",
		"samenwerking:afspraken.onderwerpen/gebruikelijk:Gebruikelijke zorg",
		"geld:afspraken.keuze:Collectieve financiering",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("articles:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	std := m.StandardArticles()
	if len(std) != 3 || std[0].ID != "begripsbepalingen" || !std[0].WithDefinitions || std[1].ID != "privacy" || std[2].Heading != "Looptijd" {
		t.Fatalf("standard articles = %+v", std)
	}
	if p := std[1]; len(p.Paragraphs) != 2 || p.PartyTable == nil || strings.Join(p.PartyTable.Columns, "|") != "Partij|Rol" ||
		strings.Join(p.PartyTable.Row, "|") != "{partij}|[IN TE VULLEN: rol]" {
		t.Errorf("privacy article = %+v %+v", p, p.PartyTable)
	}
}

func TestEveryMistakeInAConvenantMapIsReportedWithFileLineAndField(t *testing.T) {
	path := filepath.Join("testdata", "convenant", "fouten.yaml")
	_, err := LoadConvenantMap(path, convenantTestSet())
	var list ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("want an ErrorList, got %T: %v", err, err)
	}
	want := []string{
		path + `:1: title: mag niet leeg zijn`,
		path + `:2: titel: onbekend veld "titel" (toegestaan: title, standard_note, definitions, considerations, opening, chapters, closing)`,
		path + `:4: considerations[0].unit: vraag "visie.bestaatniet" staat niet in vragenset proef`,
		path + `:7: considerations[1].unit: vraag "visie.punten" heeft onderdelen; noem er één, zoals "visie.punten/vastgelegd" (onderdelen: vastgelegd, toezicht)`,
		path + `:10: considerations[2].title: hoort alleen bij een overweging met een unit (de kop van haar antwoord in de bijlage)`,
		path + `:11: considerations[2].text: eindigt op een leesteken; laat dat weg, het concept sluit elke overweging af met een puntkomma`,
		path + `:18: chapters[0].articles[1].unit: vraag "visie.open" heeft geen onderdelen; schrijf alleen "visie.open"`,
		path + `:20: chapters[1].id: hoofdstuk-id "samenwerking" komt al voor op regel 13`,
		path + `:21: chapters[1].title: mag niet leeg zijn`,
		path + `:23: chapters[1].articles[0].unit: "visie.punten/toezicht" is al ingedeeld op regel 16; elk onderdeel hoort op één plek in het convenant`,
		path + `:25: chapters[1].articles[0].nummer: onbekend veld "nummer" (toegestaan: unit, title)`,
		path + `:26: chapters[2].id: hoofdstuk-id "Geld" mag alleen kleine letters, cijfers en streepjes bevatten`,
		path + `:28: chapters[2].articles: is leeg; noem de vragen of onderdelen die in dit hoofdstuk horen`,
		path + `:36: closing[0].articles[0].paragraphs[0]: bevat een [ die geen [IN TE VULLEN: …] begint; schrijf een open plek precies zo, met hoofdletters en een dubbele punt`,
		path + `:37: closing[0].articles[0].paragraphs[1]: {partij} staat alleen in de rij van een partijtabel (party_table.row)`,
		path + `:37: closing[0].articles[0].paragraphs[1]: verwijst met {artikel:bestaatniet} naar een standaardartikel dat er niet is (ids: looptijd, tabel, zonder-aanhalingstekens)`,
		path + `:38: closing[0].articles[0].paragraphs[2]: bevat een [IN TE VULLEN: …] die niet met ] gesloten wordt voordat een andere haak of een nieuwe regel komt`,
		path + `:39: closing[0].articles[1].id: artikel-id "looptijd" komt al voor op regel 33`,
		path + `:40: closing[0].articles[1].heading: bevat een vierkante haak of accolade; die horen alleen in teksten met open plekken of velden, niet in een titel, kop of begrip`,
		path + `:41: closing[0].articles[1].with_definitions: verwacht true of false, maar vond de tekst "ja"`,
		path + `:42: closing[0].articles[1].paragraphs: is leeg; een artikel heeft minstens één lid`,
		path + `:46: closing[0].articles[2].paragraphs[0]: bevat het onbekende veld {onbekend} (bekend: {regio}, {ouders}, {partij} en {artikel:id})`,
		path + `:49: closing[0].articles[2].party_table.row: heeft 1 cellen maar de tabel heeft 2 kolommen`,
		path + `:49: closing[0].articles[2].party_table.row: noemt {partij} nergens; de rij wordt voor elke partij herhaald`,
		path + `:53: closing[0].articles[3].paragraphs[0]: verwacht een tekst, maar YAML las de dubbele punt in [IN TE VULLEN: …] als een veld; zet de tekst tussen aanhalingstekens of schrijf hem na >- op de volgende regels`,
	}
	var got []string
	for _, e := range list {
		got = append(got, e.Error())
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\n\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestAConvenantTextIsSplitIntoWordsPlaceholdersAndFields(t *testing.T) {
	segs, err := ConvenantSegments("In de regio {regio} geldt [IN TE VULLEN: termijn ] (zie {artikel:looptijd}).")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range segs {
		got = append(got, fmt.Sprintf("%d:%s", s.Kind, s.Text))
	}
	want := "0:In de regio |2:regio|0: geldt |1:termijn|0: (zie |2:artikel:looptijd|0:)."
	if strings.Join(got, "|") != want {
		t.Errorf("segments %s\nwant %s", strings.Join(got, "|"), want)
	}
	for _, bad := range []string{"[in te vullen: x]", "[IN TE VULLEN: ]", "[IN TE VULLEN: a [b]]", "x]", "{regio", "{Regio}", "{artikel:}", "a } b", "[IN TE VULLEN: a\nb]"} {
		if _, err := ConvenantSegments(bad); err == nil {
			t.Errorf("%q was accepted", bad)
		}
	}
}

func TestABrokenConvenantMapFileIsReportedWithItsLine(t *testing.T) {
	path := filepath.Join("testdata", "convenant", "kapot.yaml")
	_, err := LoadConvenantMap(path, convenantTestSet())
	if err == nil {
		t.Fatal("a file with a YAML syntax error was accepted")
	}
	msg := err.Error()
	if !strings.HasPrefix(msg, path+":") || !strings.Contains(msg, "ongeldige YAML") {
		t.Errorf("error %q does not name the file, a line and the YAML problem", msg)
	}
}

func TestAConvenantMapWithoutChaptersOrInAnEmptyFileIsRejected(t *testing.T) {
	cases := map[string]string{
		"":                          `leeg.yaml:1: het bestand is leeg; een convenantindeling heeft een titel (title) en hoofdstukken (chapters)`,
		"title: Proef\n":            `leeg.yaml:1: chapters: ontbreekt; een convenant heeft minstens één hoofdstuk met afspraken`,
		"title: Proef\nchapters:\n": `leeg.yaml:2: chapters: is leeg; een convenant heeft minstens één hoofdstuk met afspraken`,
		"- title: Proef\n":          `leeg.yaml:1: verwacht velden (title, standard_note, definitions, considerations, opening, chapters, closing), maar vond een lijst`,
	}
	for data, want := range cases {
		_, err := ParseConvenantMap([]byte(data), "leeg.yaml", convenantTestSet())
		if err == nil || err.Error() != want {
			t.Errorf("for %q:\n got %v\nwant %s", data, err, want)
		}
	}
}

func TestAMissingConvenantMapFileIsReportedInDutch(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bestaat-niet.yaml")
	_, err := LoadConvenantMap(path, convenantTestSet())
	if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "bestaat niet") {
		t.Errorf("error = %v", err)
	}
	if _, statErr := os.Stat(path); !os.IsNotExist(statErr) {
		t.Fatal("test file unexpectedly exists")
	}
}

func TestConvenantUnitsListsQuestionsWithoutPartsAndEveryPartInSetOrder(t *testing.T) {
	var got []string
	for _, u := range ConvenantUnits(convenantTestSet()) {
		got = append(got, u.String())
	}
	want := "visie.open visie.punten/vastgelegd visie.punten/toezicht afspraken.onderwerpen/gebruikelijk afspraken.onderwerpen/geschil afspraken.keuze"
	if strings.Join(got, " ") != want {
		t.Errorf("units = %s", strings.Join(got, " "))
	}
}
