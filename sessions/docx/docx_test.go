package docx_test

import (
	"archive/zip"
	"bytes"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"gespreksmap/sessions/docx"
)

// sameParagraphs fails t unless the document shows the markdown's blocks,
// in order, each as the same kind of paragraph with the same text.
func sameParagraphs(t *testing.T, name, markdown string, document []byte) {
	t.Helper()
	want, got := withText(blocks(t, markdown)), withText(paragraphs(t, document))
	for i := 0; i < max(len(want), len(got)); i++ {
		var w, g para
		if i < len(want) {
			w = want[i]
		}
		if i < len(got) {
			g = got[i]
		}
		if w.kind != g.kind || w.text != g.text {
			from := max(i-3, 0)
			t.Fatalf("%s: paragraph %d differs (of %d in the markdown, %d in the document)\nmarkdown: %s %q\ndocument: %s %q\nbefore it in the document: %v",
				name, i+1, len(want), len(got), w.kind, w.text, g.kind, g.text, got[from:min(i, len(got))])
		}
	}
	if len(want) < 20 {
		t.Fatalf("%s: only %d paragraphs; the fixture proves little", name, len(want))
	}
}

func TestEachDocumentIsAValidPackageThatShowsTheMarkdownParagraphForParagraph(t *testing.T) {
	for _, f := range fixtures() {
		t.Run(f.name, func(t *testing.T) {
			_, parts := build(t, f)
			sameParagraphs(t, f.name, f.markdown, parts["word/document.xml"])
			for name, data := range parts {
				for _, p := range schemaProblems(name, data) {
					t.Error(p)
				}
			}
		})
	}
}

func TestHeadingsAreWordsOwnHeadingStylesSoTheNavigationPaneListsThem(t *testing.T) {
	f := fixtures()[0]
	_, parts := build(t, f)
	styles, err := parseTree(parts["word/styles.xml"])
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]bool{}
	for _, st := range styles.children[0].children {
		id := st.attrs["styleId"]
		if !strings.HasPrefix(id, "Heading") {
			continue
		}
		n := strings.TrimPrefix(id, "Heading")
		var name, outline string
		for _, c := range st.children {
			if c.name == "name" {
				name = c.attrs["val"]
			}
			if c.name == "pPr" {
				for _, p := range c.children {
					if p.name == "outlineLvl" {
						outline = p.attrs["val"]
					}
				}
			}
		}
		if name != "heading "+n || outline != string(rune('0'+n[0]-'1')) {
			t.Errorf("style %s is named %q with outline level %q; Word knows it as %q at level %c", id, name, outline, "heading "+n, rune('0'+n[0]-'1'))
		}
		found[id] = true
	}
	used := map[string]int{}
	for _, p := range paragraphs(t, parts["word/document.xml"]) {
		if strings.HasPrefix(p.style, "Heading") {
			used[p.style]++
			if !found[p.style] {
				t.Errorf("heading %q has style %s, which styles.xml does not define", p.text, p.style)
			}
		}
	}
	for _, id := range []string{"Heading1", "Heading2", "Heading3"} {
		if used[id] == 0 {
			t.Errorf("the convenant has no paragraph in %s: %v", id, used)
		}
	}
}

func TestWhatIsStillToBeFilledInIsHighlightedWhereverItStands(t *testing.T) {
	placeholder := regexp.MustCompile(`\[IN TE VULLEN:[^\]\n]*\]`)
	check := func(t *testing.T, ps []para) int {
		n := 0
		for _, p := range ps {
			spots := placeholder.FindAllString(p.text, -1)
			n += len(spots)
			if got := strings.Join(spots, "|"); p.marked != got {
				t.Errorf("in %q\nhighlighted: %q\nwant:        %q", p.text, p.marked, got)
			}
		}
		return n
	}
	_, parts := build(t, fixtures()[0])
	if n := check(t, paragraphs(t, parts["word/document.xml"])); n < 10 {
		t.Errorf("the convenant draft shows %d placeholders; the check proves little", n)
	}
	// In a table cell, across emphasis, twice in a line, in a list and a
	// quote; one left open is not a placeholder.
	md := "Functie: [IN TE VULLEN: *functie* van **Anna**] en [IN TE VULLEN: plaats].\n\n" +
		"| Wie | Wat |\n| --- | --- |\n| [IN TE VULLEN: wie] | bellen |\n\n" +
		"- Naam: [IN TE VULLEN: naam]\n\n> Citaat [IN TE VULLEN: bron]\n\n[IN TE VULLEN: onaf\n"
	parts = unzip(t, docx.FromMarkdown(md, docx.Properties{}))
	ps := paragraphs(t, parts["word/document.xml"])
	if n := check(t, ps); n != 5 {
		t.Errorf("%d placeholders found, want 5: %v", n, ps)
	}
	if ps[0].marked != "[IN TE VULLEN: functie van Anna]|[IN TE VULLEN: plaats]" {
		t.Errorf("a placeholder with emphasis inside is highlighted as %q", ps[0].marked)
	}
}

func TestPagesAreA4AndNumberedPagXVanYInTheFooter(t *testing.T) {
	_, parts := build(t, fixtures()[0])
	doc, err := parseTree(parts["word/document.xml"])
	if err != nil {
		t.Fatal(err)
	}
	body := doc.children[0].children[0]
	sect := body.children[len(body.children)-1]
	if sect.name != "sectPr" {
		t.Fatalf("the body ends with %s", sect.name)
	}
	var footerRel string
	for _, c := range sect.children {
		switch c.name {
		case "pgSz":
			if c.attrs["w"] != "11906" || c.attrs["h"] != "16838" {
				t.Errorf("page size %v, want A4 (11906×16838)", c.attrs)
			}
		case "pgMar":
			for _, side := range []string{"top", "right", "bottom", "left"} {
				if m := c.attrs[side]; m < "1000" || len(m) != 4 {
					t.Errorf("margin %s is %s twips", side, m)
				}
			}
		case "footerReference":
			footerRel = c.attrs["id"]
		}
	}
	var footer string
	for _, r := range relationships(t, parts["word/_rels/document.xml.rels"]) {
		if r.ID == footerRel && strings.HasSuffix(r.Type, "/footer") {
			footer = "word/" + r.Target
		}
	}
	data := parts[footer]
	if data == nil {
		t.Fatalf("the section's footer %q is not in the package", footerRel)
	}
	ftr, _ := parseTree(data)
	var seq []string
	var walk func(e *element)
	walk = func(e *element) {
		switch e.name {
		case "fldChar":
			seq = append(seq, e.attrs["fldCharType"])
		}
		for _, c := range e.children {
			walk(c)
		}
	}
	walk(ftr)
	if strings.Join(seq, " ") != "begin separate end begin separate end" {
		t.Errorf("the footer's fields are %v", seq)
	}
	text := string(data)
	for _, want := range []string{">Pagina <", "> PAGE <", "> van <", "> NUMPAGES <"} {
		if !strings.Contains(text, want) {
			t.Errorf("the footer lacks %q:\n%s", want, text)
		}
	}
	if strings.Index(text, "> PAGE <") > strings.Index(text, "> NUMPAGES <") {
		t.Error("the footer reads page count before page")
	}
}

func TestTheDocumentIsDutchAndCarriesItsTitleAndCreationTime(t *testing.T) {
	_, parts := build(t, fixtures()[0])
	core := string(parts["docProps/core.xml"])
	for _, want := range []string{"<dc:title>Concept-convenant Oplossingenlab ZiO najaar 2026</dc:title>",
		`<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-22T15:04:05Z</dcterms:created>`, "<dc:language>nl-NL</dc:language>"} {
		if !strings.Contains(core, want) {
			t.Errorf("core.xml lacks %s:\n%s", want, core)
		}
	}
	if !strings.Contains(string(parts["word/styles.xml"]), `<w:lang w:val="nl-NL"`) {
		t.Error("the default language is not nl-NL")
	}
}

func TestTheSameMarkdownAndTimeGiveTheSameBytes(t *testing.T) {
	f := fixtures()[0]
	a, _ := build(t, f)
	b, _ := build(t, f)
	if !bytes.Equal(a, b) {
		t.Fatal("two documents from the same markdown differ")
	}
	z, _ := zip.NewReader(bytes.NewReader(a), int64(len(a)))
	for _, file := range z.File {
		if !file.Modified.Equal(z.File[0].Modified) {
			t.Errorf("%s has time %v, %s %v", file.Name, file.Modified, z.File[0].Name, z.File[0].Modified)
		}
	}
	if z.File[0].Name != "[Content_Types].xml" {
		t.Errorf("the first part is %s", z.File[0].Name)
	}
}

func TestMarkdownEscapesAndEntitiesComeOutAsTheCharactersAndMarkersAreLeftOut(t *testing.T) {
	md := "<!-- gespreksmap report v2 -->\n# Oplossingenlab \\*ZiO\\* \\| najaar #2026\n<!-- gm:meta -->\n\n" +
		"Gemeente \\<Tilburg> \\&amp; &lt;b&gt; &#39;x&#39; C:\\map \\\\server\n\n" +
		"**Perspectief van Ouders \\*samen\\*:** <!-- gm:perspective -->\n\n" +
		"| Nr | Bij vraag |\n| --- | --- |\n| 1 | 1.2 <!-- gm:ref bestuur.partners --> |\n"
	ps := withText(paragraphs(t, unzip(t, docx.FromMarkdown(md, docx.Properties{}))["word/document.xml"]))
	var got []string
	for _, p := range ps {
		got = append(got, p.text)
	}
	want := []string{"Oplossingenlab *ZiO* | najaar #2026", "Gemeente <Tilburg> &amp; <b> 'x' C:\\map \\server",
		"Perspectief van Ouders *samen*:", "Nr", "Bij vraag", "1", "1.2"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("paragraphs:\n%q\nwant\n%q", got, want)
	}
}

func TestWhatTheProgramDoesNotWriteIsShownAsTextNeverDropped(t *testing.T) {
	md := "# Kop\n\nZie [de leidraad](https://www.nji.nl/zio) of <https://example.org/a b> en ![schema](https://example.org/s.png).\n" +
		"Een [relatieve link](verslag.md) en [script](javascript:alert(1)).\n\n" +
		"```\ncode <b>\n  ingesprongen\n```\n\n    ingesprongen code\n\n---\n\n<div>html *blok*</div>\n\n" +
		"> citaat\n>\n> > genest citaat\n>\n> - lijst in citaat\n\n~~weg~~ en `code`, ***beide*** en **[vet en link](https://www.nji.nl/zio) met `code` en [IN TE VULLEN: *x*]** ~~*schuin weg*~~\n\n" +
		"1. een\n\n   tweede alinea\n\n   > citaat in een lijst\n2. twee\n   - genest\n\n- [ ] open\n- [x] klaar\n"
	parts := unzip(t, docx.FromMarkdown(md, docx.Properties{}))
	checkPackage(t, parts)
	sameParagraphs2(t, md, parts["word/document.xml"])
	for name, data := range parts {
		for _, p := range schemaProblems(name, data) {
			t.Error(p)
		}
	}
	var targets []string
	for _, r := range relationships(t, parts["word/_rels/document.xml.rels"]) {
		if r.Mode == "External" {
			targets = append(targets, r.Target)
		}
	}
	if strings.Join(targets, " ") != "https://www.nji.nl/zio https://example.org/s.png" {
		t.Errorf("hyperlinks to %v; only web links become links", targets)
	}
	doc := string(parts["word/document.xml"])
	for _, want := range []string{"<w:strike/>", `w:ascii="Consolas"`, `<w:rStyle w:val="Hyperlink"/>`, "<w:pBdr><w:bottom"} {
		if !strings.Contains(doc, want) {
			t.Errorf("the document lacks %s", want)
		}
	}
}

// sameParagraphs2 is sameParagraphs for a short markdown.
func sameParagraphs2(t *testing.T, md string, document []byte) {
	t.Helper()
	want, got := withText(blocks(t, md)), withText(paragraphs(t, document))
	var w, g []string
	for _, p := range want {
		w = append(w, p.kind+" "+p.text)
	}
	for _, p := range got {
		g = append(g, p.kind+" "+p.text)
	}
	if strings.Join(w, "\n") != strings.Join(g, "\n") {
		t.Errorf("document:\n%s\n\nmarkdown:\n%s", strings.Join(g, "\n"), strings.Join(w, "\n"))
	}
}

func TestNumberedListsAreRealListsThatStartAtTheirOwnNumber(t *testing.T) {
	md := "1. een\n2. twee\n\nTussendoor.\n\n3. drie\n4. vier\n   1. genest\n\n- punt\n  - dieper\n"
	parts := unzip(t, docx.FromMarkdown(md, docx.Properties{}))
	ps := withText(paragraphs(t, parts["word/document.xml"]))
	num := map[string]string{}
	for _, p := range ps {
		num[p.text] = p.numID
	}
	if num["een"] != num["twee"] || num["een"] == num["drie"] || num["drie"] == num["genest"] || num["punt"] != num["dieper"] || num["een"] == num["punt"] || num["Tussendoor."] != "" {
		t.Errorf("numbering instances: %v", num)
	}
	numbering, _ := parseTree(parts["word/numbering.xml"])
	start := map[string]string{}
	var sawNum bool
	for _, e := range numbering.children[0].children {
		if e.name == "abstractNum" && sawNum {
			t.Error("an abstractNum follows a num")
		}
		if e.name != "num" {
			continue
		}
		sawNum = true
		for _, c := range e.children {
			if c.name == "lvlOverride" {
				start[e.attrs["numId"]] = c.attrs["ilvl"] + ":" + c.children[0].attrs["val"]
			}
		}
	}
	if start[num["een"]] != "0:1" || start[num["drie"]] != "0:3" || start[num["genest"]] != "1:1" {
		t.Errorf("numbered lists start at (level:number) %v", start)
	}
}

func TestHostileTextIsEscapedAndEveryPartStillParses(t *testing.T) {
	hostile := "Einde ]]> en <w:p><w:r><w:t>nep</w:t></w:r></w:p> & \"quote\" 'x'\x00\x01\x07\x1b[31m rood \x7f" +
		" emoji 👩🏽‍🏫 中文 \u202eesrever\u202c \u2066iso\u2069 \ufffe\uffff \xff\xfe einde"
	md := "# " + hostile + "\n\n" + hostile + "\n\n| " + hostile + " |\n| --- |\n| " + hostile + " |\n\n> " + hostile + "\n"
	parts := unzip(t, docx.FromMarkdown(md, docx.Properties{Title: hostile}))
	checkPackage(t, parts)
	for name, data := range parts {
		for _, p := range schemaProblems(name, data) {
			t.Error(p)
		}
	}
	ps := withText(paragraphs(t, parts["word/document.xml"]))
	if len(ps) != 5 {
		t.Fatalf("%d paragraphs, want 5: %v", len(ps), ps)
	}
	for _, p := range ps {
		for _, want := range []string{"]]>", "<w:p><w:r><w:t>nep</w:t></w:r></w:p>", "👩🏽‍🏫", "中文", "esrever"} {
			if !strings.Contains(p.text, want) {
				t.Errorf("%s paragraph lost %q: %q", p.kind, want, p.text)
			}
		}
		for _, r := range p.text {
			if unicode.IsControl(r) && r != '\n' && r != '\t' || r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069' {
				t.Errorf("%s paragraph keeps control character %U: %q", p.kind, r, p.text)
			}
		}
	}
	if strings.Contains(string(parts["word/document.xml"]), "<w:t>nep</w:t>") {
		t.Error("typed markup became document markup")
	}
}

// BenchmarkFullReport measures a report with every question answered at
// length, 50 action items and perspectives: the largest document the
// program writes in Word.
func BenchmarkFullReport(b *testing.B) {
	f := fixtures()[2]
	b.SetBytes(int64(len(f.markdown)))
	for b.Loop() {
		docx.FromMarkdown(f.markdown, docx.Properties{Title: f.title, Created: created})
	}
}

// FuzzAnyMarkdownGivesADocumentWordOpens: whatever the markdown, every
// part parses and keeps the schema's order.
func FuzzAnyMarkdownGivesADocumentWordOpens(f *testing.F) {
	f.Add("# Oplossingenlab \\*ZiO\\*\n<!-- gm:meta -->\n- **Datum:** 2026\n\n| Nr | Wat |\n| --- | ---: |\n| 1 <!-- gm:ref a --> | b \\| c |\n")
	f.Add("1. **Partij**, [IN TE VULLEN: plaats]\n2. ~~weg~~ *schuin* `code`\n   - [x] klaar\n\n     > citaat  \n     > regel\n")
	f.Add("# Kop\n\n> - [ ] x\n>   1. y\n>\n> | a |\n> | - |\n> | [IN TE VULLEN: z] |\n\n<https://e.org>\x00\ufffe")
	f.Fuzz(func(t *testing.T, md string) {
		parts := unzip(t, docx.FromMarkdown(md, docx.Properties{Title: md}))
		checkPackage(t, parts)
		for name, data := range parts {
			for _, p := range schemaProblems(name, data) {
				t.Error(p)
			}
		}
	})
}
