package content

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Each file under testdata/invalid holds one kind of mistake a content
// author makes; the test states the exact report they get: file, line,
// field and the Dutch message.
var invalidSets = []struct {
	file string
	want []string
}{
	{"unknown-field.yaml", []string{
		`:7: sections[0].questions[0].text: ontbreekt of is leeg`,
		`:9: sections[0].questions[0].txt: onbekend veld "txt" (toegestaan: id, kind, text, help, categories, counts_text, norm_unit, norm_source, choices, followups, points, topics); bedoel je "text"?`,
	}},
	{"repeated-field.yaml", []string{
		`:6: sections[0].title: dit veld staat er twee keer (eerder op regel 5)`,
	}},
	{"wrong-shape.yaml", []string{
		`:6: sections[0].advice: verwacht een lijst (regels die beginnen met "- "), maar vond de tekst "Spreek vaste momenten af."`,
		`:10: sections[0].questions[0].text: verwacht een tekst, maar vond een lijst`,
	}},
	{"not-a-set.yaml", []string{
		`:1: verwacht velden (zoals "id: ..."), maar vond een lijst`,
	}},
	{"syntax-error.yaml", []string{
		`:9: ongeldige YAML: hier kan geen "naam: waarde" staan; staat er een dubbele punt in een tekst, zet de tekst dan tussen aanhalingstekens`,
	}},
	{"starts-with-at.yaml", []string{
		`:5: ongeldige YAML: deze regel bevat een teken dat hier niet mag: begint de tekst met @ of met een accent grave (` + "`" + `), zet de tekst dan tussen aanhalingstekens; staat er een tab, spring dan in met spaties`,
	}},
	{"tab-indent.yaml", []string{ // yaml.v3 itself names the line above
		`:6: ongeldige YAML: tab gevonden; spring in met spaties`,
	}},
	{"unclosed-list.yaml", []string{ // yaml.v3 itself names the line above
		`:2: ongeldige YAML: hier ontbreekt een komma of het sluithaakje ] van een lijst`,
	}},
	{"two-documents.yaml", []string{
		`:10: het bestand bevat meer dan één YAML-document (---); zet één vragenset in een bestand`,
	}},
	{"broken-second-document.yaml", []string{
		`:11: ongeldige YAML: hier ontbreekt een komma of het sluithaakje ] van een lijst`,
	}},
	{"empty.yaml", []string{
		`:1: sections: het bestand is leeg; een vragenset heeft minstens één onderdeel (sections)`,
	}},
	{"no-sections.yaml", []string{
		`:3: sections: de vragenset heeft geen onderdelen; voeg er minstens één toe`,
	}},
	{"unknown-kind.yaml", []string{
		`:8: sections[0].questions[0].kind: onbekende soort "opne" (kies uit: open, partners, counts, choice, points, topics)`,
	}},
	{"duplicate-section-id.yaml", []string{
		`:10: sections[1].id: dubbele id "start" (ook op regel 4)`,
	}},
	{"duplicate-question-id.yaml", []string{
		`:10: sections[0].questions[1].id: dubbele id "start.vraag" (ook op regel 7)`,
	}},
	{"duplicate-part-ids.yaml", []string{
		`:13: sections[0].questions[0].points[1].id: dubbele id "visie" (ook op regel 11)`,
		`:21: sections[0].questions[1].topics[1].id: dubbele id "taken" (ook op regel 19)`,
	}},
	{"duplicate-category-id.yaml", []string{
		`:13: sections[0].questions[0].categories[1].id: dubbele id "tlv" (ook op regel 11)`,
	}},
	{"duplicate-choice-id.yaml", []string{
		`:13: sections[0].questions[0].choices[1].id: dubbele id "ja" (ook op regel 11)`,
	}},
	{"duplicate-partner-kind.yaml", []string{
		`:6: partner_kinds[1].id: dubbele id "scholen" (ook op regel 4)`,
	}},
	{"duplicate-glossary-term.yaml", []string{
		`:14: glossary[1].term: dubbele term "Toelaatbaarheidsverklaring" (ook op regel 12)`,
	}},
	{"empty-texts.yaml", []string{
		`:2: title: ontbreekt of is leeg`,
		`:5: partner_kinds[0].label: ontbreekt of is leeg`,
		`:7: sections[0].title: ontbreekt of is leeg`,
		`:9: sections[0].tips[0].title: ontbreekt of is leeg`,
		`:10: sections[0].tips[0].url: ontbreekt of is leeg`,
		`:14: sections[0].questions[0].text: ontbreekt of is leeg`,
		`:21: sections[0].questions[1].choices[1].label: ontbreekt of is leeg`,
		`:24: glossary[0].explanation: ontbreekt of is leeg`,
	}},
	{"followup-missing-choice.yaml", []string{
		`:18: sections[0].questions[0].followups[1].when: "misschien" is geen keuze van deze vraag (keuzes: ja, nee)`,
	}},
	{"category-without-label.yaml", []string{
		`:13: sections[0].questions[0].categories[1].label: ontbreekt of is leeg`,
	}},
	{"norms.yaml", []string{
		`:7: sections[0].questions[0].norm_source: ontbreekt of is leeg: de vraag heeft normen, dus noem waar de normen vandaan komen; een richtgetal zonder bron zegt niets`,
		`:16: sections[0].questions[0].categories[0].norm.amount: verwacht een getal, maar vond de tekst "18,61"; schrijf een punt als decimaalteken (18.61), zonder aanhalingstekens`,
		`:20: sections[0].questions[0].categories[1].norm.per: moet een heel getal van 1 tot en met 1000000 zijn, niet 0`,
		`:21: sections[0].questions[0].categories[1].norm.amount: moet een getal groter dan 0 en hoogstens 1000000 zijn`,
		`:22: sections[0].questions[0].categories[2]: heeft geen norm, terwijl andere categorieën van deze vraag er wel een hebben; geef elke categorie een norm (per en amount)`,
		`:27: sections[0].questions[0].categories[3].norm.per: verwacht een heel getal (zoals 100), maar vond de tekst "12.5"`,
		`:28: sections[0].questions[0].categories[3].norm.amount: verwacht een getal (zoals 18.61, zonder aanhalingstekens), maar vond de tekst "3.89"`,
		`:31: sections[0].questions[0].categories[4].norm.per: ontbreekt: per hoeveel getelde kinderen geldt de norm (zoals 100)?`,
		`:31: sections[0].questions[0].categories[4].norm.amount: ontbreekt: hoeveel (in norm_unit) hoort bij per getelde kinderen (zoals 18.61)?`,
		`:35: sections[0].questions[1].norm_source: past niet bij een vraag van soort "open"; "norm_source" hoort bij soort counts`,
		`:39: sections[0].questions[2].norm_source: hoort bij normen, maar geen categorie van deze vraag heeft een norm; geef elke categorie een norm (per en amount) of haal "norm_source" weg`,
	}},
	{"field-not-fitting-kind.yaml", []string{
		`:10: sections[0].questions[0].categories: past niet bij een vraag van soort "open"; "categories" hoort bij soort counts`,
		`:19: sections[0].questions[1].topics: past niet bij een vraag van soort "points"; "topics" hoort bij soort topics`,
	}},
	{"bad-question-id.yaml", []string{
		`:7: sections[0].questions[0].id: vraag-id "vraag" moet de vorm "start.<naam>" hebben, met een naam van kleine letters, cijfers en streepjes`,
		`:10: sections[0].questions[1].id: vraag-id "einde.vraag" moet de vorm "start.<naam>" hebben, met een naam van kleine letters, cijfers en streepjes`,
		`:13: sections[0].questions[2].id: vraag-id "start.Vraag 2" moet de vorm "start.<naam>" hebben, met een naam van kleine letters, cijfers en streepjes`,
	}},
	{"kind-rules.yaml", []string{
		`:1: id: ongeldige id "Proef Set": gebruik kleine letters, cijfers en streepjes (zoals "gebruikelijke-zorg")`,
		`:3: version: de versie mag geen spaties bevatten`,
		`:9: sections[0].questions[0].kind: een vraag van soort partners heeft de lijst partner_kinds van de vragenset nodig, maar die is leeg`,
		`:11: sections[0].questions[1].kind: ontbreekt of is leeg (kies uit: open, partners, counts, choice, points, topics)`,
		`:16: sections[0].questions[2].choices: een vraag van soort choice heeft minstens twee keuzes nodig`,
		`:19: sections[0].questions[3].points: een vraag van soort points heeft minstens één deelvraag nodig`,
		`:22: sections[0].questions[4].categories: een vraag van soort counts heeft minstens één categorie nodig`,
		`:25: sections[1].questions: dit onderdeel heeft geen vragen; voeg er minstens één toe`,
		`:29: sections[1].tips[0].url: de link "www.example.nl" moet beginnen met https:// of http://`,
	}},
}

func TestAnAuthorLearnsFileLineAndFieldOfEveryMistake(t *testing.T) {
	for _, tc := range invalidSets {
		t.Run(strings.TrimSuffix(tc.file, ".yaml"), func(t *testing.T) {
			path := filepath.Join("testdata", "invalid", tc.file)
			set, err := Load(path)
			if err == nil {
				t.Fatalf("Load(%s) accepted an invalid set", path)
			}
			if set != nil {
				t.Errorf("Load(%s) returned a set beside its error", path)
			}
			var list ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("error is %T, want ErrorList: %v", err, err)
			}
			var got []string
			for _, e := range list {
				got = append(got, e.Error())
			}
			want := make([]string, len(tc.want))
			for i, w := range tc.want {
				want[i] = path + w
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("errors differ\n got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

func TestEveryInvalidFileIsCoveredByAStatedExpectation(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "invalid", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	stated := map[string]bool{}
	for _, tc := range invalidSets {
		stated[tc.file] = true
	}
	for _, f := range files {
		if !stated[filepath.Base(f)] {
			t.Errorf("%s has no expected errors in invalidSets", f)
		}
	}
}

func TestAnErrorCarriesItsPartsSeparately(t *testing.T) {
	_, err := Parse([]byte("id: proef\ntitle: Proef\nsections:\n  - id: a\n    title: A\n    questions:\n      - id: a.b\n        kind: opne\n        text: Vraag?\n"), "eigen.yaml")
	var list ErrorList
	if !errors.As(err, &list) || len(list) != 1 {
		t.Fatalf("want one error, got %v", err)
	}
	e := list[0]
	if e.File != "eigen.yaml" || e.Line != 8 || e.Field != "sections[0].questions[0].kind" ||
		e.Msg != `onbekende soort "opne" (kies uit: open, partners, counts, choice, points, topics)` {
		t.Errorf("error parts: %#v", e)
	}
	if got, want := e.Error(), `eigen.yaml:8: sections[0].questions[0].kind: onbekende soort "opne" (kies uit: open, partners, counts, choice, points, topics)`; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func TestAMinimalSetLoads(t *testing.T) {
	set, err := Load(filepath.Join("testdata", "valid", "minimal.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	_, q := set.Question("start.vraag")
	if set.ID != "proef" || q == nil || q.Kind != KindOpen || q.Text != "Hoe gaat het?" {
		t.Errorf("loaded set: %+v", set)
	}
}

func TestValidateFilesReportsEveryFileTogether(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "bestaat-niet.yaml")
	good := filepath.Join("testdata", "valid", "minimal.yaml")
	bad := filepath.Join("testdata", "invalid", "unknown-kind.yaml")

	if err := ValidateFiles(good); err != nil {
		t.Errorf("valid file rejected: %v", err)
	}
	err := ValidateFiles(good, bad, missing, dir)
	if err == nil {
		t.Fatal("ValidateFiles accepted an invalid file")
	}
	want := strings.Join([]string{
		bad + `:8: sections[0].questions[0].kind: onbekende soort "opne" (kies uit: open, partners, counts, choice, points, topics)`,
		missing + `: kan het bestand niet lezen: het bestand bestaat niet`,
		dir + `: kan het bestand niet lezen: dit is een map, geen bestand`,
	}, "\n")
	if err.Error() != want {
		t.Errorf("ValidateFiles:\n got: %s\nwant: %s", err, want)
	}
}

func TestTheDefaultSetPassesValidateFiles(t *testing.T) {
	path := filepath.Join(t.TempDir(), "eigen-set.yaml")
	if err := os.WriteFile(path, DefaultYAML(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := ValidateFiles(path); err != nil {
		t.Errorf("a copy of the default set does not validate: %v", err)
	}
}

func TestASetSavedByAWindowsEditorLoads(t *testing.T) {
	data, err := os.ReadFile("testdata/valid/minimal.yaml")
	if err != nil {
		t.Fatal(err)
	}
	crlf := "\ufeff" + strings.ReplaceAll(string(data), "\n", "\r\n")
	set, err := Parse([]byte(crlf), "windows.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if _, q := set.Question("start.vraag"); q == nil || q.Text != "Hoe gaat het?" {
		t.Errorf("question not read back: %+v", set.Sections)
	}
	bad := "\ufeff" + strings.ReplaceAll(strings.Replace(string(data), "kind: open", "kind: opne", 1), "\n", "\r\n")
	_, err = Parse([]byte(bad), "windows.yaml")
	if err == nil || !strings.HasPrefix(err.Error(), "windows.yaml:8: sections[0].questions[0].kind: onbekende soort") {
		t.Errorf("error on a CRLF file: %v", err)
	}
}
