// Package export turns the markdown the program writes (a report, a
// convenant draft) into one standalone HTML document that reads well on
// screen and prints on A4, for people who want paper or a PDF.
//
// The document loads nothing from elsewhere: no fonts, scripts or images, so
// it opens the same offline and leaks nothing when opened. Raw HTML in the
// markdown is never passed through: the report's gm markers are left out and
// anything else that looks like HTML (typed by a user) is shown as text.
package export

import (
	"bytes"
	"html"
	"regexp"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/sessions/report"
)

// HTML renders markdown as a standalone, printable HTML document with the
// given title.
func HTML(title, markdown string) []byte {
	var body bytes.Buffer
	// Rendering into a buffer cannot fail for well-formed renderers; a failure
	// would be a bug in a node renderer, and the partial body is still shown.
	_ = md.Convert([]byte(markdown), &body)
	if title == "" {
		title = "Gespreksmap"
	}
	var b bytes.Buffer
	b.WriteString("<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n")
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	b.WriteString("<title>" + html.EscapeString(title) + "</title>\n")
	b.WriteString("<style>\n" + stylesheet + "</style>\n</head>\n<body>\n<main>\n")
	// What is still to be filled in stands out on paper and on screen.
	b.Write(placeholder.ReplaceAll(body.Bytes(), []byte("<mark>$0</mark>")))
	b.WriteString("</main>\n</body>\n</html>\n")
	return b.Bytes()
}

// ReportHTML is the printable HTML of a conversation's report.
func ReportHTML(set *content.Set, s *sessions.Session) []byte {
	return ReportHTMLWith(set, s, Options{})
}

// Options choose what the printable report holds.
type Options struct {
	// OnlyDiscussed leaves out the questions, sub-points and topics on
	// which nothing was recorded ("Niet besproken"), and sections without
	// any other.
	OnlyDiscussed bool
}

// ReportHTMLWith is the printable HTML of a conversation's report, with
// the options.
func ReportHTMLWith(set *content.Set, s *sessions.Session, opt Options) []byte {
	title := s.Title
	if title == "" {
		title = "Verslag"
	}
	return HTML(title, ReportMarkdown(set, s, opt))
}

// ReportMarkdown is a conversation's report as the printable exports show
// it: the report without what only the program reads (see forReaders), and
// without the writing round that was open (where the room stood at one
// moment; what was sent in it is in the report as contributions and
// perspectives).
func ReportMarkdown(set *content.Set, s *sessions.Session, opt Options) string {
	if s != nil && s.Round != nil {
		c := *s
		c.Round = nil
		s = &c
	}
	return forReaders(string(report.RenderWith(set, s, report.Options{OnlyDiscussed: opt.OnlyDiscussed})))
}

// forReaders leaves out of a report what only the program reads: where the
// conversation is to be continued. (Question ids are in markers, which are
// left out everywhere.)
func forReaders(report string) string {
	lines := strings.Split(report, "\n")
	out := lines[:0]
	for _, l := range lines {
		if strings.HasPrefix(l, "- **Verder bij vraag:**") {
			continue
		}
		l = refMarker.ReplaceAllString(l, "")
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// refMarker is the id of a question beside its number in a table cell,
// with the space before it, so that the cell shows the number alone.
var refMarker = regexp.MustCompile(` <!-- gm:ref [^>]*?-->`)

// placeholder matches the one form of what a draft leaves to be filled in
// (convenant.Placeholder), as it stands in the HTML text.
var placeholder = regexp.MustCompile(`\[IN TE VULLEN:[^\]<]*\]`)

var md = goldmark.New(
	goldmark.WithExtensions(extension.Table, extension.Strikethrough),
	goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(sectionTransformer{}, 1000))),
	goldmark.WithRendererOptions(
		// A line break typed in an answer is kept: the program writes its own
		// paragraphs on one line, so only typed text has inner line breaks.
		gmhtml.WithHardWraps(),
		renderer.WithNodeRenderers(util.Prioritized(safeRenderer{}, 100)),
	),
)

// safeRenderer replaces goldmark's handling of raw HTML and images.
type safeRenderer struct{}

func (safeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindHTMLBlock, renderHTMLBlock)
	reg.Register(ast.KindRawHTML, renderRawHTML)
	reg.Register(ast.KindImage, renderImage)
	reg.Register(kindSection, renderSection)
}

// rawText is raw HTML with the report's markers taken out; what is left was
// typed by someone and is shown as text.
func rawText(raw []byte) string {
	return string(report.Comments.ReplaceAll(raw, nil))
}

func renderHTMLBlock(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.HTMLBlock)
	var raw bytes.Buffer
	for i := 0; i < n.Lines().Len(); i++ {
		line := n.Lines().At(i)
		raw.Write(line.Value(source))
	}
	if n.HasClosure() {
		raw.Write(n.ClosureLine.Value(source))
	}
	t := rawText(raw.Bytes())
	if strings.TrimSpace(t) == "" {
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString("<p class=\"raw\">")
	_, _ = w.Write(util.EscapeHTML([]byte(strings.TrimRight(t, "\n"))))
	_, _ = w.WriteString("</p>\n")
	return ast.WalkContinue, nil
}

func renderRawHTML(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	n := node.(*ast.RawHTML)
	var raw bytes.Buffer
	for i := 0; i < n.Segments.Len(); i++ {
		seg := n.Segments.At(i)
		raw.Write(seg.Value(source))
	}
	_, _ = w.Write(util.EscapeHTML([]byte(rawText(raw.Bytes()))))
	return ast.WalkSkipChildren, nil
}

// renderImage shows an image as a link to it: the document loads nothing
// from elsewhere.
func renderImage(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Image)
	alt := string(util.EscapeHTML(nodeText(n, source)))
	if alt == "" {
		alt = "afbeelding"
	}
	if gmhtml.IsDangerousURL(n.Destination) {
		_, _ = w.WriteString(alt)
		return ast.WalkSkipChildren, nil
	}
	_, _ = w.WriteString(`<a class="image" href="` + string(util.EscapeHTML(util.URLEscape(n.Destination, true))) + `">` + alt + `</a>`)
	return ast.WalkSkipChildren, nil
}

func nodeText(n ast.Node, source []byte) []byte {
	var b bytes.Buffer
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok {
			b.Write(t.Segment.Value(source))
		} else {
			b.Write(nodeText(c, source))
		}
	}
	return b.Bytes()
}

// A section groups a heading with what follows it up to the next heading of
// the same or a higher level. Short sections below chapter level (a
// signature block, a short article or answer) are kept on one page; longer
// ones flow, so a page is never left mostly empty.
var kindSection = ast.NewNodeKind("Section")

// keepTogether is the most text, in bytes, a section may hold to be kept on
// one page: about a fifth of an A4 page of body text.
const keepTogether = 700

type section struct {
	ast.BaseBlock
	level int
	keep  bool
}

func (n *section) Kind() ast.NodeKind { return kindSection }

func (n *section) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Level": strconv.Itoa(n.level)}, nil)
}

type sectionTransformer struct{}

func (sectionTransformer) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	var children []ast.Node
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		children = append(children, c)
	}
	for _, c := range children {
		doc.RemoveChild(doc, c)
	}
	var open []*section
	for _, c := range children {
		if h, ok := c.(*ast.Heading); ok && h.Level >= 2 {
			for len(open) > 0 && open[len(open)-1].level >= h.Level {
				open = open[:len(open)-1]
			}
			s := &section{level: h.Level}
			if len(open) > 0 {
				open[len(open)-1].AppendChild(open[len(open)-1], s)
			} else {
				doc.AppendChild(doc, s)
			}
			open = append(open, s)
		}
		if len(open) > 0 {
			open[len(open)-1].AppendChild(open[len(open)-1], c)
		} else {
			doc.AppendChild(doc, c)
		}
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if s, ok := n.(*section); ok && entering && s.level >= 3 {
			s.keep = textLen(s) <= keepTogether
		}
		return ast.WalkContinue, nil
	})
}

// textLen is the amount of source text under a node: its text, and the
// lines of blocks that hold raw lines instead of text (code, raw HTML).
func textLen(n ast.Node) int {
	total := 0
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			total += c.Segment.Len()
		case *ast.String:
			total += len(c.Value)
		case *ast.CodeBlock, *ast.FencedCodeBlock, *ast.HTMLBlock:
			lines := c.Lines()
			for i := 0; i < lines.Len(); i++ {
				seg := lines.At(i)
				total += seg.Len()
			}
		}
		return ast.WalkContinue, nil
	})
	return total
}

func renderSection(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		s := node.(*section)
		class := "level-" + strconv.Itoa(s.level)
		if s.keep {
			class += " keep"
		}
		_, _ = w.WriteString("<section class=\"" + class + "\">\n")
	} else {
		_, _ = w.WriteString("</section>\n")
	}
	return ast.WalkContinue, nil
}

// stylesheet uses only fonts the reader's system has.
const stylesheet = `:root { color-scheme: light; }
mark { background: #fff1a8; color: inherit; padding: 0 0.15em; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0;
  background: #f3f3f0;
  color: #1c1c1a;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif;
  font-size: 17px;
  line-height: 1.55;
}
main {
  max-width: 46rem;
  margin: 2rem auto;
  padding: 2.5rem 3rem;
  background: #fff;
  box-shadow: 0 1px 4px rgba(0, 0, 0, 0.12);
}
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 1.2rem; }
h2 { font-size: 1.4rem; line-height: 1.25; margin: 2.2rem 0 0.8rem; padding-bottom: 0.2rem; border-bottom: 1px solid #c8c8c4; }
h3 { font-size: 1.15rem; line-height: 1.3; margin: 1.6rem 0 0.5rem; }
h4 { font-size: 1rem; margin: 1.2rem 0 0.4rem; }
p, ul, ol { margin: 0.6rem 0; }
li + li { margin-top: 0.2rem; }
blockquote { margin: 0.8rem 0; padding: 0.3rem 1rem; border-left: 4px solid #6d8fbf; background: #f2f5f9; }
blockquote p { margin: 0.4rem 0; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; font-size: 0.95em; }
th, td { border: 1px solid #b9b9b4; padding: 0.35rem 0.55rem; text-align: left; vertical-align: top; }
th { background: #ecede9; }
a { color: #174e8c; overflow-wrap: anywhere; }
code, .raw { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; font-size: 0.92em; }
.raw { white-space: pre-wrap; }
hr { border: 0; border-top: 1px solid #c8c8c4; margin: 2rem 0; }

@page { size: A4; margin: 20mm 18mm 22mm 18mm; }
@media print {
  body { background: none; font-size: 11pt; line-height: 1.45; }
  main { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; break-inside: avoid; page-break-inside: avoid; }
  /* A signature block, or a short article or answer, stays on one page. */
  section.keep { break-inside: avoid; page-break-inside: avoid; }
  /* A quoted answer stays with the line that introduces it. */
  blockquote { break-before: avoid; page-break-before: avoid; }
  tr, li { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  p { orphans: 3; widows: 3; }
  a { color: inherit; }
  blockquote { background: none; border-left-color: #888; }
}
`
