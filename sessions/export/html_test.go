package export

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/sessions/convenant"
	"gespreksmap/sessions/export/exporttest"
	"gespreksmap/sessions/report"
)

const hostile = `<script>alert("gespreksmap")</script>`

// reportSession is a conversation whose answers contain what a person may
// type: HTML, a comment, markdown punctuation, an image and a link.
func reportSession() *sessions.Session {
	set := content.Default()
	s := sessions.New(set.ID, set.Version)
	s.Title = "Oplossingenlab <b>najaar</b> 2026"
	s.Region = "Hart van Brabant"
	s.Date = "2026-11-22"
	s.Facilitator = "Anna de Vries"
	s.Participants = []sessions.Participant{
		{Name: "Jan Jansen", Organisation: "Gemeente Tilburg", PartnerKind: "gemeente", Function: "wethouder", Signs: true},
		{Name: "Karel de Boer", Organisation: "Zorggroep Elde", PartnerKind: "zorgaanbieders", Function: "bestuurder", Signs: true},
	}
	a := s.Answer("bestuur.agenda")
	a.Status = sessions.StatusDone
	a.Text = "Het staat op de agenda van het OOGO.\n" + hostile + "\n<!-- geheim -->\nZie ![schema](https://example.org/schema.png) en https://www.nji.nl/ of [de leidraad](https://nederlands-jeugdinstituut.foleon.com/leidraad/zio/3-samenwerken)."
	p := s.Answer("organiseren.afspraken")
	*p.Part("verschil-van-mening") = sessions.Part{Status: sessions.StatusDone, Text: "De regiegroep beslist binnen vier weken. <img src=\"https://example.org/x.png\">"}
	*p.Part("gebruikelijke-zorg") = sessions.Part{Status: sessions.StatusPartial, Text: "Nog in gesprek."}
	s.Actions = []sessions.ActionItem{{What: "Convenant laten toetsen", Who: "Gemeente Tilburg", When: "2027-01-15", QuestionID: "bestuur.agenda"}}
	s.Current = "organiseren.afspraken"
	return s
}

var (
	// tag is an HTML start tag; text that merely looks like one is escaped
	// and never matches.
	tag = regexp.MustCompile(`<[a-zA-Z][^>]*>`)
	// loads finds, in a tag, an element or attribute that would load
	// something: a stylesheet link, an image, a script, a frame, any src.
	loads = regexp.MustCompile(`(?i)^<(link|img|script|iframe|object|embed|audio|video|source|base)\b|\ssrc\s*=`)
)

func checkStandalone(t *testing.T, doc []byte) {
	t.Helper()
	s := string(doc)
	for _, tg := range tag.FindAllString(s, -1) {
		if loads.MatchString(tg) {
			t.Errorf("document loads an external resource or runs code: %s", tg)
		}
	}
	style := s[strings.Index(s, "<style>"):strings.Index(s, "</style>")]
	if strings.Contains(style, "@import") || strings.Contains(style, "url(") {
		t.Error("the stylesheet loads something from elsewhere")
	}
	if strings.Contains(strings.ToLower(s), "<script") {
		t.Error("document contains a <script element")
	}
	if strings.Contains(s, "gm:") || strings.Contains(s, "<!--") {
		t.Errorf("document contains report markers or HTML comments:\n%s", s)
	}
	for _, want := range []string{"<!DOCTYPE html>", `<html lang="nl">`, `<meta charset="utf-8">`, "@page { size: A4;", "@media print", "break-after: avoid"} {
		if !strings.Contains(s, want) {
			t.Errorf("document lacks %q", want)
		}
	}
}

func TestAReportBecomesAStandalonePrintableDocumentWithoutMarkers(t *testing.T) {
	set := content.Default()
	s := reportSession()
	doc := ReportHTML(set, s)
	checkStandalone(t, doc)
	out := string(doc)
	for _, want := range []string{
		"<title>Oplossingenlab &lt;b&gt;najaar&lt;/b&gt; 2026</title>",
		"Het staat op de agenda van het OOGO.",
		"De regiegroep beslist binnen vier weken.",
		"Convenant laten toetsen",
		"<table>",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("HTML lacks %q", want)
		}
	}
	// What only the program reads stays out of the printout: where to
	// continue, and question ids beside their numbers.
	for _, internal := range []string{"Verder bij vraag", "bestuur.agenda", "organiseren.afspraken"} {
		if strings.Contains(out, internal) {
			t.Errorf("the printable report shows %q", internal)
		}
	}
	if !strings.Contains(out, "<td>1.1</td>") {
		t.Error("the action item does not name its question by number")
	}
	// The markdown really had them, and markers: left out, not missing.
	if md := string(report.Render(set, s)); !strings.Contains(md, "Verder bij vraag:** 3.1 <!-- gm:ref organiseren.afspraken -->") || !strings.Contains(md, "| 1.1 <!-- gm:ref bestuur.agenda --> |") {
		t.Fatalf("the report lacks what the test expects to be left out:\n%s", md)
	}
	if !bytes.Contains(report.Render(set, s), []byte("<!-- gm:")) {
		t.Fatal("the report has no gm markers; the test proves nothing")
	}
}

func TestHTMLTypedInAnAnswerIsShownAsTextNotRun(t *testing.T) {
	doc := string(ReportHTML(content.Default(), reportSession()))
	for _, want := range []string{
		`&lt;script&gt;alert(&quot;gespreksmap&quot;)&lt;/script&gt;`,
		`&lt;!-- geheim --&gt;`,
		`&lt;img src=&quot;https://example.org/x.png&quot;&gt;`,
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("the typed text %q is not shown escaped", want)
		}
	}
	if strings.Contains(doc, hostile) || strings.Contains(doc, "<img") || strings.Contains(doc, "<b>najaar") {
		t.Error("typed HTML reached the document as HTML")
	}
}

func TestLineBreaksTypedInAnAnswerAreKept(t *testing.T) {
	doc := string(HTML("x", "> eerste regel\n> tweede regel\n>\n> nieuwe alinea\n"))
	if !strings.Contains(doc, "<blockquote>\n<p>eerste regel<br>\ntweede regel</p>\n<p>nieuwe alinea</p>\n</blockquote>") {
		t.Errorf("line breaks of the answer are lost:\n%s", doc)
	}
}

func TestLinksInTextStayLinksAndImagesBecomeLinks(t *testing.T) {
	doc := string(ReportHTML(content.Default(), reportSession()))
	for _, want := range []string{
		`<a href="https://nederlands-jeugdinstituut.foleon.com/leidraad/zio/3-samenwerken">de leidraad</a>`,
		`<a class="image" href="https://example.org/schema.png">schema</a>`,
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("HTML lacks %q", want)
		}
	}
	js := string(HTML("x", "[klik](javascript:alert(1)) ![plaatje](javascript:alert(2))"))
	if strings.Contains(js, "javascript:") {
		t.Errorf("a javascript: link reached the document:\n%s", js)
	}
}

func TestTheConvenantDraftPrintsWithEachSignatureBlockKeptTogether(t *testing.T) {
	set := content.Default()
	s := reportSession()
	draft := convenant.Draft(set, content.DefaultConvenantMap(), s)
	doc := string(HTML("Concept samenwerkingsconvenant", draft))
	checkStandalone(t, []byte(doc))
	if !strings.Contains(doc, "&lt;script&gt;alert(") || strings.Contains(doc, hostile) {
		t.Error("the script typed in an answer is not escaped in the draft")
	}
	// Every signature table is its own short level-3 section, which the
	// print styles keep on one page.
	for _, org := range []string{"Gemeente Tilburg", "Zorggroep Elde"} {
		re := regexp.MustCompile(`<section class="level-3 keep">\n<h3>Voor ` + org + `</h3>\n<table>\n<thead>\n<tr>\n<th></th>\n(<th>Ondertekenaar[^<]*</th>\n)+</tr>\n</thead>\n<tbody>\n` +
			`<tr>\n<td>Naam</td>\n(<td>[^<]+</td>\n)+</tr>\n<tr>\n<td>Functie</td>\n(<td>[^<]+</td>\n)+</tr>\n` +
			`<tr>\n<td>Plaats</td>\n(<td><mark>\[IN TE VULLEN: plaats\]</mark></td>\n)+</tr>\n<tr>\n<td>Datum</td>\n(<td><mark>\[IN TE VULLEN: datum\]</mark></td>\n)+</tr>\n` +
			`<tr>\n<td>Handtekening</td>\n(<td></td>\n)+</tr>\n</tbody>\n</table>\n</section>`)
		if !re.MatchString(doc) {
			t.Errorf("no signature section for %s in:\n%s", org, doc)
		}
	}
	if !strings.Contains(doc, "section.keep { break-inside: avoid;") {
		t.Error("print styles do not keep short sections together")
	}
}

func TestShortSectionsAreKeptOnOnePageAndLongOnesFlow(t *testing.T) {
	long := strings.Repeat("Een lange afspraak over zorg in de klas. ", 40)
	doc := string(HTML("x", "## Hoofdstuk\n\n### Kort\n\n> Korte afspraak.\n\n### Lang\n\n> "+long+"\n\n#### Sub\n\nkort\n"))
	for _, want := range []string{
		"<section class=\"level-2\">\n<h2>Hoofdstuk</h2>",
		"<section class=\"level-3 keep\">\n<h3>Kort</h3>",
		"<section class=\"level-3\">\n<h3>Lang</h3>",
		"<section class=\"level-4 keep\">\n<h4>Sub</h4>\n<p>kort</p>\n</section>\n</section>\n</section>",
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("HTML lacks %q:\n%s", want, doc)
		}
	}
}

func TestTheTitleIsEscapedAndAnEmptyTitleGetsADefault(t *testing.T) {
	if doc := string(HTML(`A & B <i>`, "tekst")); !strings.Contains(doc, "<title>A &amp; B &lt;i&gt;</title>") {
		t.Errorf("title not escaped:\n%s", doc)
	}
	if doc := string(HTML("", "tekst")); !strings.Contains(doc, "<title>Gespreksmap</title>") {
		t.Errorf("empty title:\n%s", doc)
	}
}

func TestTheConvenantDraftRendersToAPDFInHeadlessChromium(t *testing.T) {
	if exporttest.Chromium() == "" {
		t.Skip("chromium not installed: PDF rendering not checked")
	}
	dir := t.TempDir()
	set := content.Default()
	page := filepath.Join(dir, "convenant.html")
	doc := HTML("Concept samenwerkingsconvenant", convenant.Draft(set, content.DefaultConvenantMap(), reportSession()))
	if err := os.WriteFile(page, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	pdf := filepath.Join(dir, "convenant.pdf")
	exporttest.RunChromium(t, dir, page, "--no-pdf-header-footer", "--print-to-pdf="+pdf)
	data, err := os.ReadFile(pdf)
	if err != nil {
		t.Fatalf("no PDF written: %v", err)
	}
	if len(data) < 1000 || !bytes.HasPrefix(data, []byte("%PDF")) {
		t.Fatalf("not a PDF (%d bytes, starts %q)", len(data), data[:min(len(data), 8)])
	}
	// A4 is 595 × 842 points; Chromium writes it as 594.96 × 841.92.
	if !regexp.MustCompile(`/MediaBox\s*\[\s*0 0 59[45](\.\d+)? 84[12](\.\d+)?\s*\]`).Match(data) {
		t.Errorf("PDF pages are not A4")
	}
}

func TestWhatIsStillToBeFilledInStandsOutInTheHTML(t *testing.T) {
	out := string(HTML("Concept", "Partij: [IN TE VULLEN: naam en functie]\n\nGeen `[IN TE VULLEN` hier.\n"))
	if !strings.Contains(out, "<mark>[IN TE VULLEN: naam en functie]</mark>") {
		t.Errorf("placeholder not marked:\n%s", out)
	}
	if strings.Count(out, "<mark>") != 1 {
		t.Errorf("only whole placeholders are marked:\n%s", out)
	}
}

func TestAnAnswerPrintsAsTyped(t *testing.T) {
	set := content.Default()
	s := sessions.New(set.ID, set.Version)
	a := s.Answer("bestuur.agenda")
	a.Status = sessions.StatusDone
	a.Text = "# Agenda\nTitel\n---\n***\n```\ncode?\n~~~\n<b>vet</b> &amp; `x`\n\n    ingesprongen\n\n- eerste\n- tweede\n\n1. een\n2. twee\n\n*nadruk*"
	doc := string(ReportHTML(set, s))
	start := strings.Index(doc, "<blockquote>")
	end := strings.Index(doc, "</blockquote>")
	if start < 0 || end < start {
		t.Fatalf("no quote in the document:\n%s", doc)
	}
	quote := doc[start:end]
	for _, el := range []string{"<h1", "<h2", "<h3", "<hr", "<pre", "<code", "<b>"} {
		if strings.Contains(quote, el) {
			t.Errorf("the answer renders %s:\n%s", el, quote)
		}
	}
	for _, shown := range []string{"# Agenda", "Titel<br>\n---<br>", "***", "```", "~~~", "&lt;b&gt;vet&lt;/b&gt; &amp;amp; `x`", "ingesprongen",
		"<ul>\n<li>eerste</li>\n<li>tweede</li>\n</ul>", "<ol>\n<li>een</li>\n<li>twee</li>\n</ol>", "<em>nadruk</em>"} {
		if !strings.Contains(quote, shown) {
			t.Errorf("the answer lacks %q:\n%s", shown, quote)
		}
	}
}

func TestOnlyWhatWasDiscussedPrintsAndTheCentralQuestionPrintsOnce(t *testing.T) {
	set := content.Default()
	s := reportSession()
	full, short := string(ReportHTML(set, s)), string(ReportHTMLWith(set, s, Options{OnlyDiscussed: true}))
	if strings.Count(full, "Niet besproken.") < 20 {
		t.Fatalf("the full printout has too few undiscussed stops for the test to prove anything")
	}
	if n := strings.Count(short, "Niet besproken."); n != 0 {
		t.Errorf("the printout of what was discussed still shows %d times 'Niet besproken.'", n)
	}
	for _, want := range []string{"Het staat op de agenda van het OOGO.", "De regiegroep beslist binnen vier weken.", "Convenant laten toetsen", "alleen de vragen en deelpunten die besproken zijn"} {
		if !strings.Contains(short, want) {
			t.Errorf("the printout of what was discussed lacks %q", want)
		}
	}
	// A section where nothing was discussed is left out, heading and all.
	if heading := "<h2>6. " + set.Sections[5].Title; !strings.Contains(full, heading) || strings.Contains(short, heading) {
		t.Errorf("section 6, not discussed, is in the short printout (or missing from the full one)")
	}
	// Section 1's central question is also question 1.1: printed once.
	central := set.Sections[0].Central
	if n := strings.Count(full, strings.Join(strings.Fields(central), " ")); n != 1 {
		t.Errorf("the central question of section 1 is printed %d times, want once", n)
	}
}

func TestContributionsNotTakenOverArePrintedUnderTheirHeadingAsText(t *testing.T) {
	set := content.Default()
	s := reportSession()
	s.Contributions = []sessions.Contribution{{
		ID: "k1", Organisation: "Ouders <i>samen</i>", QuestionID: "organiseren.afspraken", Part: "beoordeling",
		Text: "Wij willen meebeslissen.\n" + hostile + "\n# geen kop", At: time.Date(2026, 11, 30, 14, 5, 0, 0, time.Local),
	}}
	doc := ReportHTML(set, s)
	checkStandalone(t, doc)
	out := string(doc)
	head := strings.Index(out, "Bijdragen van deelnemers (nog niet overgenomen)</h2>")
	if head < 0 {
		t.Fatalf("no heading for the contributions:\n%s", out)
	}
	section := out[head:]
	for _, want := range []string{
		"Ouders &lt;i&gt;samen&lt;/i&gt;", "3.1b", "2026-11-30 14:05", "wacht",
		"<blockquote>\n<p>Wij willen meebeslissen.<br>\n&lt;script&gt;alert(&quot;gespreksmap&quot;)&lt;/script&gt;<br>\n# geen kop</p>\n</blockquote>",
	} {
		if !strings.Contains(section, want) {
			t.Errorf("the contributions section lacks %q:\n%s", want, section)
		}
	}
	if strings.Contains(out, "<i>samen") || strings.Contains(out, "gm:contribution") || strings.Contains(out, "k1") {
		t.Error("the organisation ran as HTML, or a marker or id is shown")
	}
}
