package content

import (
	"errors"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// loadHostile loads a file of testdata/hostile the way validate and --set
// do, and fails the test when that takes more than a few seconds or more
// than 64 MB: a file must be refused, not run the program out of memory.
func loadHostile(t *testing.T, file string) ErrorList {
	t.Helper()
	path := filepath.Join("testdata", "hostile", file)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	done := make(chan error, 1)
	go func() {
		set, err := Load(path)
		if set != nil {
			err = errors.New("a set was returned")
		}
		done <- err
	}()
	var err error
	select {
	case err = <-done:
	case <-time.After(5 * time.Second):
		t.Fatalf("Load(%s) still runs after 5 s", path)
	}
	runtime.ReadMemStats(&after)
	if used := after.TotalAlloc - before.TotalAlloc; used > 64<<20 {
		t.Errorf("Load(%s) allocated %d MB", path, used>>20)
	}
	var list ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("Load(%s): want an ErrorList, got %v", path, err)
	}
	return list
}

// hostileSets are files made to harm whoever reads them; each is refused
// with its line and the exact message below.
var hostileSets = []struct {
	file string
	want []string
}{
	{"alias-bomb.yaml", []string{
		`:6: door verwijzingen (& en *) wordt de vragenset groter dan 100000 onderdelen; schrijf de teksten uit in plaats van ze te herhalen met *`,
	}},
	{"escapes.yaml", []string{
		`:5: title: bevat een escape-teken (U+001B), waarmee een tekst het scherm kan besturen; haal het weg`,
		`:6: intro: bevat een escape-teken (U+001B), waarmee een tekst het scherm kan besturen; haal het weg`,
		`:9: partner_kinds[0].label: bevat een onzichtbaar teken (U+2066) dat de leesrichting van de tekst omkeert; haal het weg`,
		`:10: partner_kinds[1].id: bevat een escape-teken (U+001B), waarmee een tekst het scherm kan besturen; haal het weg`,
		`:10: partner_kinds[1].id: ongeldige id "ouders\x1b[1m": gebruik kleine letters, cijfers en streepjes (zoals "gebruikelijke-zorg")`,
		`:15: sections[0].central: bevat een stuurteken (U+009B); haal het weg`,
		`:17: sections[0].advice[0]: bevat een stuurteken (U+000D); haal het weg`,
		`:19: sections[0].tips[0].title: bevat een onzichtbaar teken (U+202E) dat de leesrichting van de tekst omkeert; haal het weg`,
		`:20: sections[0].tips[0].url: bevat een escape-teken (U+001B), waarmee een tekst het scherm kan besturen; haal het weg`,
		`:25: sections[0].questions[0].help: bevat een stuurteken (U+007F); haal het weg`,
		`:28: sections[0].questions[0].categories[0].label: bevat een stuurteken (U+0007); haal het weg`,
		`:31: glossary[0].explanation: bevat een onzichtbaar teken (U+202D) dat de leesrichting van de tekst omkeert; haal het weg`,
	}},
	{"raw-escape.yaml", []string{
		`:5: deze regel bevat een escape-teken (U+001B), waarmee een tekst het scherm kan besturen; haal het weg`,
	}},
	{"latin-1.yaml", []string{
		`:5: deze regel is geen geldige UTF-8-tekst (het bestand is misschien opgeslagen als Windows-1252 of Latin-1); sla het bestand op als UTF-8`,
		`:9: deze regel is geen geldige UTF-8-tekst (het bestand is misschien opgeslagen als Windows-1252 of Latin-1); sla het bestand op als UTF-8`,
	}},
	{"alias-cycle.yaml", []string{
		`:4: sections[0]: verwijzing *s verwijst naar de waarde waar ze zelf in staat; zo wordt de vragenset oneindig groot`,
	}},
}

func TestAHostileSetIsRefusedWithItsLineQuicklyAndInLittleMemory(t *testing.T) {
	for _, tc := range hostileSets {
		t.Run(strings.TrimSuffix(tc.file, ".yaml"), func(t *testing.T) {
			list := loadHostile(t, tc.file)
			wantErrors(t, list, filepath.Join("testdata", "hostile", tc.file), tc.want)
		})
	}
}

func TestEveryHostileFileIsCoveredByAStatedExpectation(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "hostile", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	stated := map[string]bool{}
	for _, tc := range hostileSets {
		stated[tc.file] = true
	}
	for _, f := range files {
		if !stated[filepath.Base(f)] {
			t.Errorf("%s has no expected errors in hostileSets", f)
		}
	}
	if len(files) < len(hostileSets) {
		t.Errorf("%d hostile files for %d expectations", len(files), len(hostileSets))
	}
}

func TestAConvenantMapWithControlCharactersOrInvalidUTF8IsRefusedWithLineAndField(t *testing.T) {
	for _, tc := range []struct {
		file string
		want []string
	}{
		{"escapes.yaml", []string{
			`:1: title: bevat een escape-teken (U+001B), waarmee een tekst het scherm kan besturen; haal het weg`,
			`:3: definitions[0].term: bevat een onzichtbaar teken (U+202E) dat de leesrichting van de tekst omkeert; haal het weg`,
			`:7: considerations[0].title: bevat een stuurteken (U+009B); haal het weg`,
			`:8: considerations[0].text: bevat een escape-teken (U+001B), waarmee een tekst het scherm kan besturen; haal het weg`,
			`:17: opening[0].articles[0].paragraphs[0]: bevat een onzichtbaar teken (U+202E) dat de leesrichting van de tekst omkeert; haal het weg`,
		}},
		{"latin-1.yaml", []string{
			`:4: deze regel is geen geldige UTF-8-tekst (het bestand is misschien opgeslagen als Windows-1252 of Latin-1); sla het bestand op als UTF-8`,
		}},
	} {
		path := filepath.Join("testdata", "hostile", "convenant", tc.file)
		m, err := LoadConvenantMap(path, convenantTestSet())
		if m != nil || err == nil {
			t.Fatalf("LoadConvenantMap(%s) accepted it", path)
		}
		wantErrors(t, err, path, tc.want)
	}
}

// wantErrors compares err, line by line, with the messages of want, each
// after the file name path.
func wantErrors(t *testing.T, err error, path string, want []string) {
	t.Helper()
	lines := make([]string, len(want))
	for i, w := range want {
		lines[i] = path + w
	}
	if got := err.Error(); got != strings.Join(lines, "\n") {
		t.Errorf("errors differ\n got:\n%s\nwant:\n%s", got, strings.Join(lines, "\n"))
	}
}

func TestAnErrorNeverPrintsAControlCharacterOrBidiOverride(t *testing.T) {
	e := &Error{File: "set\x1b]0;titel\a.yaml", Line: 3, Field: "title", Msg: "tekst \u202eomgekeerd\u202c en \x9b2J en \xff"}
	want := `set\x1b]0;titel\x07.yaml:3: title: tekst \u202eomgekeerd\u202c en \x9b2J en \xff`
	if got := e.Error(); got != want {
		t.Errorf("Error() = %q\nwant      %q", got, want)
	}
}

func TestTextsWithTabsNewlinesAccentsAndRightToLeftScriptStillLoad(t *testing.T) {
	set, err := Parse([]byte("id: proef\ntitle: \"Co\u00f6rdinatie\\tmet \u0645\u0631\u062d\u0628\u0627 \u200f\"\nsections:\n  - id: a\n    title: A\n    intro: |\n      Regel een\n      regel twee\n    questions: [{id: a.b, kind: open, text: Vraag}]\n"), "goed.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if set.Title != "Co\u00f6rdinatie\tmet \u0645\u0631\u062d\u0628\u0627 \u200f" || set.Sections[0].Intro != "Regel een\nregel twee\n" {
		t.Errorf("texts changed: %q, %q", set.Title, set.Sections[0].Intro)
	}
}
