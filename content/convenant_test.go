package content

import (
	"errors"
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
	for _, e := range m.Considerations {
		place(e.Unit, "considerations")
	}
	place(m.Disputes, "disputes")
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
	if m.Disputes != (ConvenantUnit{Question: "organiseren.afspraken", Part: "verschil-van-mening"}) {
		t.Errorf("disputes article comes from %s, want the topic on a difference of opinion", m.Disputes)
	}
	var titles []string
	for _, ch := range m.Chapters {
		titles = append(titles, ch.Title)
	}
	want := "Samenwerking en regie|Zorg in de klas en onderwijs-zorgarrangementen|Ouders|Financiering|Monitoring, evaluatie en leren"
	if got := strings.Join(titles, "|"); got != want {
		t.Errorf("chapters = %s, want %s", got, want)
	}
	if DefaultConvenantMap().Title != m.Title || m.Title == "" {
		t.Errorf("DefaultConvenantMap title %q differs from parsed %q", DefaultConvenantMap().Title, m.Title)
	}
}

func TestAValidConvenantMapIsReadIntoChaptersConsiderationsAndDisputes(t *testing.T) {
	m, err := LoadConvenantMap(filepath.Join("testdata", "convenant", "klein.yaml"), convenantTestSet())
	if err != nil {
		t.Fatal(err)
	}
	if m.Title != "Samenwerkingsconvenant proef" || m.Name != filepath.Join("testdata", "convenant", "klein.yaml") {
		t.Errorf("title %q, name %q", m.Title, m.Name)
	}
	if len(m.Definitions) != 1 || m.Definitions[0].Term != "zorg in onderwijstijd" || m.Definitions[0].Explanation != "zorg die een kind op school nodig heeft." {
		t.Errorf("definitions = %+v", m.Definitions)
	}
	if len(m.Considerations) != 1 || m.Considerations[0].Unit.String() != "visie.open" || m.Considerations[0].Title != "Gezamenlijke visie" {
		t.Errorf("considerations = %+v", m.Considerations)
	}
	if m.Disputes.String() != "afspraken.onderwerpen/geschil" {
		t.Errorf("disputes = %s", m.Disputes)
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
		path + `:2: titel: onbekend veld "titel" (toegestaan: title, definitions, considerations, disputes, chapters)`,
		path + `:4: considerations[0].unit: vraag "visie.bestaatniet" staat niet in vragenset proef`,
		path + `:6: considerations[1].unit: vraag "visie.punten" heeft onderdelen; noem er één, zoals "visie.punten/vastgelegd" (onderdelen: vastgelegd, toezicht)`,
		path + `:8: disputes: vraag "afspraken.onderwerpen" heeft geen onderdeel "ruzie" (onderdelen: gebruikelijk, geschil)`,
		path + `:15: chapters[0].articles[1].unit: vraag "visie.open" heeft geen onderdelen; schrijf alleen "visie.open"`,
		path + `:17: chapters[1].id: hoofdstuk-id "samenwerking" komt al voor op regel 10`,
		path + `:18: chapters[1].title: mag niet leeg zijn`,
		path + `:20: chapters[1].articles[0].unit: "visie.punten/toezicht" is al ingedeeld op regel 13; elk onderdeel hoort op één plek in het convenant`,
		path + `:22: chapters[1].articles[0].nummer: onbekend veld "nummer" (toegestaan: unit, title)`,
		path + `:23: chapters[2].id: hoofdstuk-id "Geld" mag alleen kleine letters, cijfers en streepjes bevatten`,
		path + `:25: chapters[2].articles: is leeg; noem de vragen of onderdelen die in dit hoofdstuk horen`,
	}
	var got []string
	for _, e := range list {
		got = append(got, e.Error())
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\n\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
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
		"title: Proef\n":            `leeg.yaml:1: chapters: ontbreekt; een convenant heeft minstens één hoofdstuk`,
		"title: Proef\nchapters:\n": `leeg.yaml:2: chapters: is leeg; een convenant heeft minstens één hoofdstuk`,
		"- title: Proef\n":          `leeg.yaml:1: verwacht velden (title, definitions, considerations, disputes, chapters), maar vond een lijst`,
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
