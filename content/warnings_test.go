package content

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const cutByHash = `de tekst eindigt bij %q: wat na " #" staat (%q) leest YAML als opmerking en het wordt niet getoond; hoort het bij de tekst, zet de hele tekst dan tussen aanhalingstekens`

func TestAPlainTextCutByASpaceAndHashIsLoadedWithAWarningOnItsLine(t *testing.T) {
	path := filepath.Join("testdata", "warnings", "cut-by-hash.yaml")
	set, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Join([]string{
		path + `:4: title: waarschuwing: ` + fmt.Sprintf(cutByHash, "Eerste stappen", "#ZiO"),
		path + `:9: sections[0].advice[0]: waarschuwing: ` + fmt.Sprintf(cutByHash, "Bel voor hulp de lijn", "#2 van de gemeente"),
	}, "\n")
	if got := set.Warnings.Error(); got != want {
		t.Errorf("warnings differ\n got:\n%s\nwant:\n%s", got, want)
	}
	for _, w := range set.Warnings {
		if !w.Warning {
			t.Errorf("not marked as a warning: %v", w)
		}
	}
	// What the warnings are about: YAML did cut those texts, and left the
	// quoted, the block and the "#" without a space before it alone.
	if set.Title != "Eerste stappen" || set.Sections[0].Title != "Begin # met hekje, tussen aanhalingstekens" ||
		set.Sections[0].Advice[1] != "Kamer#3 heeft geen spatie voor het hekje, dus hoort het bij de tekst" ||
		set.Sections[0].Questions[0].Text != "Hoe gaat het? # een blok neemt het hekje letterlijk" {
		t.Errorf("texts: %q, %q, %q, %q", set.Title, set.Sections[0].Title, set.Sections[0].Advice, set.Sections[0].Questions[0].Text)
	}
}

func TestCheckFilesGivesWarningsOfValidAndInvalidFilesAndFailsOnlyOnErrors(t *testing.T) {
	dir := t.TempDir()
	warned := filepath.Join("testdata", "warnings", "cut-by-hash.yaml")
	bad := filepath.Join(dir, "fout.yaml")
	if err := os.WriteFile(bad, []byte("id: fout\ntitle: Fout #1\nsections:\n  - id: a\n    title: A\n    questions: [{id: a.b, kind: opne, text: Vraag}]\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	warnings, err := CheckFiles(warned)
	if err != nil || len(warnings) != 2 || warnings[0].Line != 4 {
		t.Errorf("CheckFiles(valid with warnings) = %v, %v", warnings, err)
	}
	if err := ValidateFiles(warned); err != nil {
		t.Errorf("ValidateFiles fails on warnings alone: %v", err)
	}

	warnings, err = CheckFiles(warned, bad)
	if err == nil || !strings.Contains(err.Error(), bad+`:6: sections[0].questions[0].kind: onbekende soort "opne"`) || strings.Contains(err.Error(), "waarschuwing") {
		t.Errorf("errors: %v", err)
	}
	if len(warnings) != 3 || warnings[2].Error() != bad+`:2: title: waarschuwing: `+fmt.Sprintf(cutByHash, "Fout", "#1") {
		t.Errorf("warnings: %v", warnings)
	}
}

func TestTheDefaultSetHasNoWarnings(t *testing.T) {
	warnings, err := CheckFiles(writeDefault(t))
	if err != nil || len(warnings) != 0 {
		t.Errorf("default set: warnings %v, errors %v", warnings, err)
	}
}

func writeDefault(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "eigen-set.yaml")
	if err := os.WriteFile(path, DefaultYAML(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
