package content

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// The glossary must explain every term and abbreviation a parent meets: in
// the default set's texts, in the convenant map's texts, and in what the
// program itself says on screen and writes into reports, comparisons,
// convenant drafts and exports.

// termsTheDefaultSetUses are the glossary entries a parent must be able to
// look up beside the default set's texts. Each is found there by TermsIn,
// through its name, written-out form or one of its aliases (inflected
// forms such as "geborgd", "regievoering" or "groepsarrangementen").
var termsTheDefaultSetUses = []string{
	// Organisations and bodies
	"SWV", "OOGO", "CIZ", "zorgkantoor", "inspectie", "NJI", "wijkteam",
	"inkooporganisatie", "intergemeentelijke samenwerking", "jeugdzorgregio",
	"oudervertegenwoordiging", "zorgcoördinatie", "convenant",
	// Laws and money
	"Wlz", "Zvw", "Jeugdwet", "beschikking", "TLV", "bekostigingsniveau",
	"onderwijsbekostiging", "collectieve financiering",
	// Care and support
	"ZiO", "jeugdhulp", "EMB", "intensieve kindzorg", "gebruikelijke zorg",
	"ondersteuningsvraag", "ondersteuningsstructuur", "passend onderwijs",
	"OZA", "arrangement", "integraal arrangeren", "interprofessioneel werken",
	"second opinion", "leerlingenvervoer",
	// Working together
	"regie", "borging", "bovenregionaal",
}

// termsTheInterfaceUses are glossary entries the program's own strings use,
// found by TermsIn in the string literals of the interface's source.
var termsTheInterfaceUses = []string{"AVG", "ZiO", "Oplossingenlab", "convenant"}

// termsFromTheSources are entries for terms of the Leidraad Zorg in
// Onderwijstijd and the Hart van Brabant factsheet, which parents meet in
// sets made from them, and of school life around the Gespreksmap.
var termsFromTheSources = []string{
	"OCW", "VWS", "NZa", "VNG", "ZML", "BSO", "ASS", "cluster 4", "VijfWijzer",
	"Wlz-indicatie", "inclusief onderwijs", "Oplossingenlab", "inventarisatiekader",
	"zorgarrangeur", "fte", "centrumgemeente", "pgb", "zorg in natura", "OPP", "AVG", "MR", "OPR",
	"bevoegd gezag", "gespecialiseerd onderwijs", "speciaal onderwijs",
	"speciaal basisonderwijs", "groepsarrangement", "individueel arrangement",
	"regievoering", "jeugdhulpregio", "zorgcoördinator",
}

// interfaceDirs hold the Go source of everything the program shows or
// writes for people: the full-screen and line-mode interface and all their
// packages, the conversation core's words, reports, comparisons, convenant
// drafts and exports.
var interfaceDirs = []string{"../tui", "../sessions"}

// notJargon are capitalised words in the interface's strings that are not
// terms a parent needs explained. Keep it short: anything else in capitals
// gets a glossary entry.
var notJargon = map[string]string{
	"ALLEEN":          "status badge ALLEEN LEZEN (read only), plain Dutch in capitals",
	"LEZEN":           "status badge ALLEEN LEZEN",
	"NIET":            "status badge NIET OPGESLAGEN (not saved)",
	"OPGESLAGEN":      "status badge NIET OPGESLAGEN",
	"IN":              "marker [IN TE VULLEN: ...] (to be filled in) in convenant drafts",
	"TE":              "marker [IN TE VULLEN: ...]",
	"VULLEN":          "marker [IN TE VULLEN: ...]",
	"JJJJ":            "date format hint JJJJ-MM-DD (year-month-day)",
	"MM":              "date format hint JJJJ-MM-DD",
	"DD":              "date format hint JJJJ-MM-DD",
	"MB":              "megabyte, in the message about a file too large to read",
	"UTF":             "as in UTF-8, in the message about a file that is not text",
	"DOCTYPE":         "HTML of the export, a browser reads it, no person does",
	"SFMono":          "font name in the export's style sheet",
	"UI":              "font name (system-ui) in the export's style sheet",
	"GESPREKSMAP_DIR": "name of the environment variable for the folder of reports",
	"QR":              "as in QR-code, which participants scan with their phone's camera: everyday Dutch",
}

// isAbbreviationWord says whether a word is written like an abbreviation:
// two or more capitals (TLV, ZiO, NZa, OZA's), or a capital and two or
// three more letters without a vowel (Wlz, Zvw). Lower-case abbreviations
// without a vowel (pgb, wlz) count too when lower is set; the interface's
// source is full of such words that are code, not Dutch (ctrl, fmt, md), so
// there they are not looked for.
func isAbbreviationWord(w string, lower bool) bool {
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	runes := []rune(w)
	upper, vowels := 0, 0
	for _, r := range runes {
		if unicode.IsUpper(r) {
			upper++
		}
		if strings.ContainsRune("aeiouyAEIOUYéëïöüèáóú", r) {
			vowels++
		}
	}
	switch {
	case upper >= 2:
		return true
	case upper == 1 && unicode.IsUpper(runes[0]) && len(runes) >= 3 && len(runes) <= 4 && vowels == 0:
		return true
	case lower && upper == 0 && len(runes) >= 2 && len(runes) <= 4 && vowels == 0 && !strings.ContainsFunc(w, unicode.IsDigit):
		return true
	}
	return false
}

// words splits a text into words: letters, digits and underscores, with a
// possessive 's kept (OZA's), so "Wlz-aanvraag" gives "Wlz" and "aanvraag".
func words(text string) []string {
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' }
	rs := []rune(text)
	var out []string
	for i := 0; i < len(rs); {
		if !isWord(rs[i]) {
			i++
			continue
		}
		j := i
		for j < len(rs) && isWord(rs[j]) {
			j++
		}
		if j+1 < len(rs) && (rs[j] == '\'' || rs[j] == '’') && rs[j+1] == 's' && (j+2 == len(rs) || !isWord(rs[j+2])) {
			j += 2
		}
		out = append(out, string(rs[i:j]))
		i = j
	}
	return out
}

// textsOf gathers every text in a value read from a set or convenant map,
// whatever its field, so texts of kinds added later are checked too. Ids,
// links, kinds and versions are not texts a person reads.
func textsOf(v reflect.Value, out *[]string) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			textsOf(v.Elem(), out)
		}
	case reflect.String:
		*out = append(*out, v.String())
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			textsOf(v.Index(i), out)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			switch v.Type().Field(i).Name {
			case "ID", "URL", "When", "Kind", "Version", "Warnings", "Name", "Unit", "Disputes":
				continue
			}
			if v.Type().Field(i).IsExported() {
				textsOf(v.Field(i), out)
			}
		}
	}
}

// contentTexts are the texts of the default set and the default convenant
// map; with the glossary's own explanations when withGlossary is set.
func contentTexts(withGlossary bool) []string {
	set := *Default()
	if !withGlossary {
		set.Glossary = nil
	}
	var texts []string
	textsOf(reflect.ValueOf(&set), &texts)
	textsOf(reflect.ValueOf(DefaultConvenantMap()), &texts)
	return texts
}

// interfaceStrings are the string literals of the interface's Go source
// (not its tests, imports or struct tags), each with its position.
func interfaceStrings(t *testing.T) (texts, places []string) {
	t.Helper()
	fset := token.NewFileSet()
	for _, root := range interfaceDirs {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if name := d.Name(); name == "testdata" || (path != root && strings.HasSuffix(name, "test")) {
					return filepath.SkipDir // fixtures and test helpers
				}
				return nil
			}
			if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return nil
			}
			f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
			if err != nil {
				return err
			}
			skip := map[*ast.BasicLit]bool{}
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.ImportSpec:
					skip[n.Path] = true
				case *ast.Field:
					if n.Tag != nil {
						skip[n.Tag] = true
					}
				case *ast.BasicLit:
					if n.Kind == token.STRING && !skip[n] {
						s, err := strconv.Unquote(n.Value)
						if err != nil {
							t.Fatalf("%s: %v", fset.Position(n.Pos()), err)
						}
						texts = append(texts, s)
						places = append(places, fset.Position(n.Pos()).String())
					}
				}
				return true
			})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(texts) < 500 {
		t.Fatalf("found only %d strings in %v: the scan is broken", len(texts), interfaceDirs)
	}
	return texts, places
}

func foundTerms(set *Set, texts []string) map[string]bool {
	found := map[string]bool{}
	for _, text := range texts {
		for _, term := range set.TermsIn(text) {
			found[term.Term] = true
		}
	}
	return found
}

func sortedKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func TestEveryTermAParentMeetsInTheDefaultSetIsFoundInTheGlossary(t *testing.T) {
	set := Default()
	found := foundTerms(set, contentTexts(false))
	t.Logf("glossary terms the default set's texts use: %s", strings.Join(sortedKeys(found), ", "))
	for _, name := range termsTheDefaultSetUses {
		term := set.Term(name)
		if term == nil {
			t.Errorf("glossary lacks %q", name)
		} else if !found[term.Term] {
			t.Errorf("%q is not found by TermsIn in the default set's texts: add the form the texts use as an alias", name)
		}
	}
}

func TestEveryTermTheInterfaceUsesIsFoundInTheGlossary(t *testing.T) {
	set := Default()
	texts, _ := interfaceStrings(t)
	found := foundTerms(set, texts)
	t.Logf("glossary terms the interface's strings use: %s", strings.Join(sortedKeys(found), ", "))
	for _, name := range termsTheInterfaceUses {
		if term := set.Term(name); term == nil || !found[term.Term] {
			t.Errorf("%q: not in the glossary, or not found by TermsIn in the interface's strings", name)
		}
	}
}

func TestTermsFromTheLeidraadAndTheFactsheetAreInTheGlossary(t *testing.T) {
	set := Default()
	for _, name := range termsFromTheSources {
		if set.Term(name) == nil {
			t.Errorf("glossary lacks %q", name)
		}
	}
}

func TestEveryAbbreviationInTheDefaultSetHasAGlossaryEntry(t *testing.T) {
	set := Default()
	seen := map[string]bool{}
	for _, text := range contentTexts(true) {
		for _, w := range words(text) {
			if !isAbbreviationWord(w, true) || seen[w] {
				continue
			}
			seen[w] = true
			if set.Term(w) == nil {
				t.Errorf("abbreviation %q has no glossary entry (in %q)", w, text)
			}
		}
	}
	t.Logf("abbreviations in the default set and convenant map: %s", strings.Join(sortedKeys(seen), ", "))
	for _, w := range []string{"TLV", "Wlz", "OZA's", "pgb"} {
		if !seen[w] {
			t.Errorf("the scan did not see %q, which the set uses: the scan is broken", w)
		}
	}
}

func TestEveryAbbreviationInTheInterfaceHasAGlossaryEntry(t *testing.T) {
	set := Default()
	texts, places := interfaceStrings(t)
	seen := map[string]bool{}
	used := map[string]bool{}
	for i, text := range texts {
		for _, w := range words(text) {
			if !isAbbreviationWord(w, false) {
				continue
			}
			if _, ok := notJargon[w]; ok {
				used[w] = true
				continue
			}
			if !seen[w] && set.Term(w) == nil {
				t.Errorf("%s: %q has no glossary entry; add one, or add it to notJargon if a parent needs no explanation", places[i], w)
			}
			seen[w] = true
		}
	}
	t.Logf("abbreviations in the interface: %s", strings.Join(sortedKeys(seen), ", "))
	for w := range notJargon {
		if !used[w] {
			t.Errorf("notJargon lists %q, which the interface no longer uses: remove it", w)
		}
	}
}

func TestAbbreviationsAreRecognisedByTheirShape(t *testing.T) {
	for w, want := range map[string]bool{
		"TLV": true, "ZiO": true, "NZa": true, "OZA's": true, "OPP’s": true, "Wlz": true, "Zvw": true,
		"VijfWijzer": true, "AVG": true,
		"Wet": false, "Als": false, "Er": false, "Nr": false, "Zorg": false, "ouders": false,
	} {
		if got := isAbbreviationWord(w, false); got != want {
			t.Errorf("isAbbreviationWord(%q) = %v, want %v", w, got, want)
		}
	}
	if !isAbbreviationWord("pgb", true) || isAbbreviationWord("pgb", false) || isAbbreviationWord("en", true) {
		t.Error("lower-case abbreviations are looked for in content only, and words with a vowel are none")
	}
	if got := strings.Join(words("De Wlz-aanvraag, OZA's en oza’s; GESPREKSMAP_DIR"), "|"); got != "De|Wlz|aanvraag|OZA's|en|oza’s|GESPREKSMAP_DIR" {
		t.Errorf("words = %q", got)
	}
}

// Plain Dutch (B1): every entry says enough to be understood, in short
// sentences.
func TestEveryGlossaryEntryIsExplainedInShortSentences(t *testing.T) {
	for _, term := range Default().Glossary {
		if n := len(strings.Fields(term.Explanation)); n < 12 {
			t.Errorf("%q is explained in %d words, too briefly for a parent", term.Term, n)
		}
		for _, sentence := range strings.FieldsFunc(term.Explanation, func(r rune) bool { return r == '.' || r == ':' || r == ';' || r == '?' }) {
			if n := len(strings.Fields(sentence)); n > 25 {
				t.Errorf("%q has a sentence of %d words: %q", term.Term, n, strings.TrimSpace(sentence))
			}
		}
	}
}

// Corrections a parent relies on: what the law gives them and whom it
// concerns.
func TestTheGlossaryStatesPolicyRight(t *testing.T) {
	set := Default()
	explains := func(name string, wants ...string) {
		t.Helper()
		term := set.Term(name)
		if term == nil {
			t.Fatalf("glossary lacks %q", name)
		}
		text := normalise(term.Explanation)
		for _, want := range wants {
			if !strings.Contains(text, want) {
				t.Errorf("%s does not say %q:\n%s", name, want, term.Explanation)
			}
		}
	}
	// The OPP is the ontwikkelingsperspectief; parents must consent to its
	// handelingsdeel, which is more than being told about the plan.
	if opp := set.Term("OPP"); opp == nil || opp.Full != "ontwikkelingsperspectief" || set.Term("ontwikkelingsperspectiefplan") != opp {
		t.Errorf("OPP is not the ontwikkelingsperspectief(plan): %+v", opp)
	}
	explains("OPP", "handelingsdeel", "de ouders moeten ermee instemmen")
	// Funding levels belong to the (v)so, not to the sbo.
	explains("bekostigingsniveau", "(voortgezet) speciaal onderwijs", "het speciaal basisonderwijs (sbo) kent deze niveaus niet")
	explains("TLV", "een tlv voor het (v)so noemt ook het bekostigingsniveau", "een tlv voor het sbo heeft dat niet")
	// EMB names the condition, not the children.
	if emb := set.Term("EMB"); emb == nil || emb.Full != "ernstige meervoudige beperking" || strings.HasPrefix(emb.Explanation, "Kinderen") {
		t.Errorf("EMB does not name the condition: %+v", emb)
	}
	explains("EMB", "een ernstige verstandelijke beperking samen met een ernstige lichamelijke beperking")
	// The Gespreksmap's "ciz-zorgkantoor" is two bodies.
	explains("CIZ", "een andere organisatie dan het zorgkantoor")
	explains("zorgkantoor", "beslist niet het zorgkantoor maar het ciz")
}
