package content

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
)

func TestEveryEmbeddedSetValidatesStrictlyWithoutWarnings(t *testing.T) {
	sets := Embedded()
	if len(sets) != 3 || sets[0] != Default() {
		t.Fatalf("embedded sets: %d, the default first: %v", len(sets), len(sets) > 0 && sets[0] == Default())
	}
	want := map[string]string{
		"zio-gespreksmap": "Gespreksmap Zorg in Onderwijstijd",
		"randvoorwaarden": "Randvoorwaarden en werkzame factoren",
		"intermezzo":      "Intermezzo Zorg in Onderwijstijd",
	}
	for _, s := range sets {
		if want[s.ID] != s.Title || s.Version == "" || s.Intro == "" {
			t.Errorf("set %q: title %q, version %q, intro %d chars", s.ID, s.Title, s.Version, len(s.Intro))
		}
		if len(s.Warnings) > 0 {
			t.Errorf("set %s has warnings:\n%v", s.ID, s.Warnings)
		}
		if len(s.Glossary) == 0 {
			t.Errorf("set %s has no glossary: its terms would go unexplained", s.ID)
		}
		if EmbeddedSet(s.ID) != s {
			t.Errorf("EmbeddedSet(%q) does not find the set", s.ID)
		}
	}
	if EmbeddedSet("onbekend") != nil || EmbeddedSet("") != nil {
		t.Error("EmbeddedSet finds a set that is not built in")
	}
	if got := strings.Join(EmbeddedIDs(), " "); got != "zio-gespreksmap randvoorwaarden intermezzo" {
		t.Errorf("EmbeddedIDs = %s", got)
	}
	if a, b := Embedded(), Embedded(); &a[0] != &b[0] {
		t.Error("the embedded sets are parsed more than once")
	}
}

// Set ids tell reports apart, and question ids keep answers with their
// question: a report read with another set must never show an answer under
// a question of a different meaning.
func TestIdsAreUniqueAcrossTheEmbeddedSets(t *testing.T) {
	setOf := map[string]string{}
	questionOf := map[string]string{}
	for _, s := range Embedded() {
		if other, dup := setOf[s.ID]; dup {
			t.Errorf("set id %q used twice (%s)", s.ID, other)
		}
		setOf[s.ID] = s.Title
		for _, sec := range s.Sections {
			for _, q := range sec.Questions {
				if other, dup := questionOf[q.ID]; dup {
					t.Errorf("question id %q in both %s and %s", q.ID, other, s.ID)
				}
				questionOf[q.ID] = s.ID
			}
		}
	}
}

// The sets a parent meets besides the Gespreksmap explain every
// abbreviation they use, in their own glossary (a set's glossary is its
// own: terms are looked up only there).
func TestTheOtherEmbeddedSetsExplainEveryAbbreviationTheyUse(t *testing.T) {
	abbrev := regexp.MustCompile(`\p{L}*\p{Lu}\p{L}*\p{Lu}\p{L}*`)
	for _, s := range Embedded()[1:] {
		for _, text := range setTexts(reflect.ValueOf(s).Elem(), "") {
			for _, w := range abbrev.FindAllString(text, -1) {
				if len(s.TermsIn(w)) == 0 {
					t.Errorf("set %s: %q has no glossary entry (in %q)", s.ID, w, text)
				}
			}
		}
	}
}

func TestTheOtherEmbeddedSetsHaveTheirShape(t *testing.T) {
	kinds := func(s *Set) string {
		var b strings.Builder
		for _, sec := range s.Sections {
			for _, q := range sec.Questions {
				b.WriteString(q.ID + ":" + string(q.Kind) + " ")
			}
		}
		return strings.TrimSpace(b.String())
	}
	if got := kinds(EmbeddedSet("intermezzo")); got != "intermezzo.eigen-situatie:open intermezzo.eerste-stap:points intermezzo.vragen:open" {
		t.Errorf("intermezzo: %s", got)
	}
	r := EmbeddedSet("randvoorwaarden")
	if got := kinds(r); got != "randvoorwaarden.klein-beginnen:open randvoorwaarden.regiogemeenten:open randvoorwaarden.projectgroep:points "+
		"werkzame-factoren.omvang:points werkzame-factoren.financieren:points werkzame-factoren.werkafspraken:open "+
		"samenwerken.team:points ouders.verbinding:points" {
		t.Errorf("randvoorwaarden: %s", got)
	}
	// The factsheet's eight conditions and factors, each asked.
	all := strings.ToLower(strings.Join(setTexts(reflect.ValueOf(r).Elem(), ""), "\n"))
	for _, topic := range []string{"klein", "gemeenten", "projectgroep", "omvang van de zorg", "financieren", "werkafspraken", "één team", "ouders"} {
		if !strings.Contains(all, topic) {
			t.Errorf("randvoorwaarden does not speak of %q", topic)
		}
	}
}

// setTexts returns every text of a set meant to be read (not ids, links or
// the glossary's own names).
func setTexts(v reflect.Value, field string) []string {
	switch v.Kind() {
	case reflect.String:
		switch field {
		case "ID", "URL", "When", "Term", "Full":
			return nil
		}
		return []string{v.String()}
	case reflect.Slice:
		if field == "Aliases" || field == "Warnings" {
			return nil
		}
		var out []string
		for i := 0; i < v.Len(); i++ {
			out = append(out, setTexts(v.Index(i), field)...)
		}
		return out
	case reflect.Pointer:
		if v.IsNil() {
			return nil
		}
		return setTexts(v.Elem(), field)
	case reflect.Struct:
		var out []string
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				out = append(out, setTexts(v.Field(i), v.Type().Field(i).Name)...)
			}
		}
		return out
	}
	return nil
}
