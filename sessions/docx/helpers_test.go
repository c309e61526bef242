package docx_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"gespreksmap/content"
	"gespreksmap/content/contenttest"
	"gespreksmap/sessions"
	"gespreksmap/sessions/compare"
	"gespreksmap/sessions/convenant"
	"gespreksmap/sessions/docx"
	"gespreksmap/sessions/export"
	"gespreksmap/sessions/report"
	"gespreksmap/sessions/sessionstest"
)

// created is the creation time the tests give their documents.
var created = time.Date(2026, 11, 22, 15, 4, 5, 0, time.UTC)

// A fixture is markdown as one of the program's writers makes it, with the
// title its document gets.
type fixture struct{ name, title, markdown string }

// fixtures are the three kinds of document the program writes as Word:
// the convenant draft, a report (as exported: one on the test set with
// text that means something in markdown, one on the default set in full;
// and a report file as it is on disk, markers and all) and a comparison
// over three years.
func fixtures() []fixture {
	set := content.Default()
	s := sessionstest.Full(set, 300)
	return []fixture{
		{"convenant", "Concept-convenant " + s.Title, convenant.Draft(set, content.DefaultConvenantMap(), s)},
		{"verslag", "Verslag", export.ReportMarkdown(contenttest.Set(), sessionstest.Everything(), export.Options{})},
		{"verslag-volledig", s.Title, export.ReportMarkdown(set, s, export.Options{})},
		{"verslag-bestand", "Verslag", string(report.Render(contenttest.Set(), sessionstest.Everything()))},
		{"vergelijking", "Vergelijking van gespreksverslagen", compare.YearsMarkdown(set, years(set)...)},
	}
}

// years are three yearly conversations of one partnership, each with
// other statuses and answers than the year before.
func years(set *content.Set) []*sessions.Session {
	statuses := []sessions.Status{sessions.StatusNotYet, sessions.StatusPartial, sessions.StatusDone}
	var out []*sessions.Session
	for y, date := range []string{"2024-11-20", "2025-11-19", "2026-11-22"} {
		s := sessionstest.Full(set, 200)
		s.Date = date
		n := 0
		for _, sec := range set.Sections {
			for _, q := range sec.Questions {
				a := s.Answer(q.ID)
				if (n+y)%3 == 0 {
					a.Status = statuses[y]
					a.Text = sessionstest.Filler(200, fmt.Sprint("jaar", y))
				}
				for id, p := range a.Parts {
					if (n+y+len(id))%2 == 0 {
						p.Status = statuses[(y+len(id))%3]
					}
				}
				n++
			}
		}
		out = append(out, s)
	}
	return out
}

// unzip opens a document as Word does: a zip of named parts.
func unzip(t *testing.T, doc []byte) map[string][]byte {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(doc), int64(len(doc)))
	if err != nil {
		t.Fatalf("the document is not a zip: %v", err)
	}
	parts := map[string][]byte{}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		if _, dup := parts[f.Name]; dup {
			t.Errorf("part %s is in the zip twice", f.Name)
		}
		parts[f.Name] = data
	}
	return parts
}

// checkPackage fails t unless the parts form a valid package: every part
// is well-formed XML, has a content type, and every relationship points
// at a part that is there (or, for a hyperlink, outside the package).
func checkPackage(t *testing.T, parts map[string][]byte) {
	t.Helper()
	for name, data := range parts {
		if err := wellFormed(data); err != nil {
			t.Errorf("%s does not parse as XML: %v", name, err)
		}
	}
	var types struct {
		Defaults []struct {
			Extension   string `xml:"Extension,attr"`
			ContentType string `xml:"ContentType,attr"`
		} `xml:"Default"`
		Overrides []struct {
			PartName    string `xml:"PartName,attr"`
			ContentType string `xml:"ContentType,attr"`
		} `xml:"Override"`
	}
	if err := xml.Unmarshal(parts["[Content_Types].xml"], &types); err != nil {
		t.Fatalf("[Content_Types].xml: %v", err)
	}
	typed := map[string]string{}
	for _, d := range types.Defaults {
		typed["ext:"+d.Extension] = d.ContentType
	}
	for _, o := range types.Overrides {
		name := strings.TrimPrefix(o.PartName, "/")
		if parts[name] == nil {
			t.Errorf("[Content_Types].xml names %s, which is not in the package", o.PartName)
		}
		typed[name] = o.ContentType
	}
	for name := range parts {
		if name == "[Content_Types].xml" {
			continue
		}
		if typed[name] == "" && typed["ext:"+strings.TrimPrefix(path.Ext(name), ".")] == "" {
			t.Errorf("part %s has no content type", name)
		}
	}
	if !strings.HasSuffix(typed["word/document.xml"], "wordprocessingml.document.main+xml") {
		t.Errorf("the main document has content type %q", typed["word/document.xml"])
	}
	if parts["_rels/.rels"] == nil || parts["word/_rels/document.xml.rels"] == nil {
		t.Fatal("the package or the document has no relationships")
	}
	for name, data := range parts {
		if !strings.HasSuffix(name, ".rels") {
			continue
		}
		// _rels/.rels is the package's; word/_rels/x.rels is word/x's.
		base := path.Dir(path.Dir(name))
		ids := map[string]bool{}
		for _, r := range relationships(t, data) {
			if ids[r.ID] {
				t.Errorf("%s: relationship id %s twice", name, r.ID)
			}
			ids[r.ID] = true
			if r.Mode == "External" {
				if !strings.HasPrefix(r.Target, "http") && !strings.HasPrefix(r.Target, "mailto:") {
					t.Errorf("%s: external target %q", name, r.Target)
				}
				continue
			}
			target := path.Clean(path.Join(base, r.Target))
			if base == "." {
				target = path.Clean(r.Target)
			}
			if parts[target] == nil {
				t.Errorf("%s: relationship %s points at %s, which is not in the package", name, r.ID, target)
			}
		}
	}
	// Every relationship the document part uses is one it has.
	rels := map[string]bool{}
	for _, r := range relationships(t, parts["word/_rels/document.xml.rels"]) {
		rels[r.ID] = true
	}
	for _, id := range attrValues(parts["word/document.xml"], "id", "http://schemas.openxmlformats.org/officeDocument/2006/relationships") {
		if !rels[id] {
			t.Errorf("document.xml uses relationship %s, which document.xml.rels does not have", id)
		}
	}
}

type relationship struct {
	ID     string `xml:"Id,attr"`
	Target string `xml:"Target,attr"`
	Mode   string `xml:"TargetMode,attr"`
	Type   string `xml:"Type,attr"`
}

func relationships(t *testing.T, data []byte) []relationship {
	t.Helper()
	var rels struct {
		List []relationship `xml:"Relationship"`
	}
	if err := xml.Unmarshal(data, &rels); err != nil {
		t.Fatal(err)
	}
	return rels.List
}

// wellFormed reads every token of an XML part, strictly.
func wellFormed(data []byte) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// attrValues lists the values of an attribute (by namespace) anywhere in a part.
func attrValues(data []byte, local, space string) []string {
	var out []string
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := d.Token()
		if err != nil {
			return out
		}
		if se, ok := tok.(xml.StartElement); ok {
			for _, a := range se.Attr {
				if a.Name.Local == local && a.Name.Space == space {
					out = append(out, a.Value)
				}
			}
		}
	}
}

const nsW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

// A para is a paragraph of the document as a reader meets it.
type para struct {
	kind   string // h1…h6, li (bulleted or numbered), cell, quote or p
	style  string
	numID  string
	text   string
	marked string // the highlighted text, pieces joined by "|"
}

// paragraphs reads the paragraphs of document.xml in order: their text
// (w:t, with w:br a line break and w:tab a tab), style and numbering.
func paragraphs(t *testing.T, doc []byte) []para {
	t.Helper()
	var out []para
	var cur *para
	var text, marked strings.Builder
	cells := 0
	inRun, highlighted, lastMarked := false, false, false
	d := xml.NewDecoder(bytes.NewReader(doc))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if tok.Name.Space != nsW {
				continue
			}
			val := ""
			for _, a := range tok.Attr {
				if a.Name.Local == "val" {
					val = a.Value
				}
			}
			switch tok.Name.Local {
			case "tc":
				cells++
			case "p":
				cur = &para{}
				text.Reset()
				marked.Reset()
				lastMarked = false
			case "pStyle":
				cur.style = val
			case "numId":
				cur.numID = val
			case "r":
				inRun, highlighted = true, false
			case "highlight":
				highlighted = inRun
			case "br":
				text.WriteString("\n")
			case "tab":
				if inRun {
					text.WriteString("\t")
				}
			case "t":
				var s string
				if err := d.DecodeElement(&s, &tok); err != nil {
					t.Fatal(err)
				}
				text.WriteString(s)
				if highlighted {
					if !lastMarked && marked.Len() > 0 {
						marked.WriteString("|")
					}
					marked.WriteString(s)
				}
				lastMarked = highlighted
			}
		case xml.EndElement:
			switch tok.Name.Local {
			case "tc":
				cells--
			case "r":
				inRun = false
			case "p":
				cur.text, cur.marked = text.String(), marked.String()
				switch {
				case strings.HasPrefix(cur.style, "Heading"):
					cur.kind = "h" + strings.TrimPrefix(cur.style, "Heading")
				case cur.numID != "":
					cur.kind = "li"
				case cells > 0:
					cur.kind = "cell"
				case cur.style == "Quote":
					cur.kind = "quote"
				default:
					cur.kind = "p"
				}
				out = append(out, *cur)
			}
		}
	}
	return out
}

// blocks is the markdown as the HTML export shows it, block by block:
// headings, paragraphs, list items, table cells, each with its kind and
// its text. This is goldmark's HTML renderer, not the Word writer: an
// independent reading of the same markdown.
func blocks(t *testing.T, markdown string) []para {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(export.HTML("x", markdown)))
	if err != nil {
		t.Fatal(err)
	}
	block := map[string]bool{"p": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
		"li": true, "th": true, "td": true, "pre": true, "ul": true, "ol": true, "blockquote": true, "table": true}
	var out []para
	var own func(n *html.Node, b *strings.Builder)
	own = func(n *html.Node, b *strings.Builder) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				b.WriteString(c.Data)
			case c.Type == html.ElementNode && c.Data == "br":
				b.WriteString("\n")
			case c.Type == html.ElementNode && !block[c.Data]:
				own(c, b)
			}
		}
	}
	// The first paragraph of a loose list item carries its bullet.
	asItem := map[*html.Node]bool{}
	var walk func(n *html.Node, quoted bool)
	walk = func(n *html.Node, quoted bool) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if c.Data == "head" {
				continue
			}
			kind := ""
			switch c.Data {
			case "h1", "h2", "h3", "h4", "h5", "h6", "li":
				kind = c.Data
			case "th", "td":
				kind = "cell"
			case "p", "pre":
				kind = "p"
				if quoted {
					kind = "quote"
				}
			}
			if kind != "" {
				var b strings.Builder
				own(c, &b)
				text := b.String()
				if asItem[c] {
					kind = "li"
				}
				if kind == "li" && strings.TrimSpace(text) == "" {
					for p := c.FirstChild; p != nil; p = p.NextSibling {
						if p.Type == html.ElementNode {
							asItem[p] = p.Data == "p"
							break
						}
					}
				}
				if kind == "li" {
					// The Word document shows a task's box as a box.
					text = strings.TrimLeft(text, " \n")
					text = strings.NewReplacer("[ ] ", "☐ ", "[x] ", "☒ ").Replace(text[:min(4, len(text))]) + text[min(4, len(text)):]
				}
				out = append(out, para{kind: kind, text: text})
			}
			walk(c, quoted || c.Data == "blockquote")
		}
	}
	walk(doc, false)
	return out
}

// norm is text as it reads: each line's white space one space, no empty
// lines.
func norm(s string) string {
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}

// withText keeps the paragraphs that show text.
func withText(ps []para) []para {
	var out []para
	for _, p := range ps {
		if p.text = norm(p.text); p.text != "" {
			out = append(out, p)
		}
	}
	return out
}

// build renders a fixture and checks it is a valid package.
func build(t *testing.T, f fixture) (doc []byte, parts map[string][]byte) {
	t.Helper()
	doc = docx.FromMarkdown(f.markdown, docx.Properties{Title: f.title, Created: created})
	parts = unzip(t, doc)
	checkPackage(t, parts)
	return doc, parts
}
