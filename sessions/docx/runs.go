package docx

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"gespreksmap/sessions/report"
	"html"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// style is how a piece of text looks.
type style uint8

const (
	bold style = 1 << iota
	italic
	strike
	code
	mark // still to be filled in: highlighted
)

// A piece is text of one style: "\n" in it is a line break, "\t" a tab.
type piece struct {
	text string
	s    style
	link int // 1 + index in writer.links; 0: no link
}

// placeholder is the one form of what a draft leaves to be filled in
// (convenant.Placeholder), as its text reads.
var placeholder = regexp.MustCompile(`\[IN TE VULLEN:[^\]\n]*\]`)

func withoutMarkers(raw string) string { return report.Comments.ReplaceAllString(raw, "") }

// inlines is the text of a block's inline content.
func (w *writer) inlines(n ast.Node) []piece {
	var ps []piece
	w.inline(n, 0, 0, &ps)
	return ps
}

func (w *writer) inline(n ast.Node, s style, link int, ps *[]piece) {
	add := func(t string, s style) {
		if t != "" {
			*ps = append(*ps, piece{text: t, s: s, link: link})
		}
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			v := c.Segment.Value(w.src)
			if s&code != 0 || c.IsRaw() {
				add(string(v), s)
			} else {
				add(unescape(v), s)
			}
			switch {
			case c.HardLineBreak() || c.SoftLineBreak() && s&code == 0:
				// As in the HTML export, a line typed in an answer stays a line.
				add("\n", s)
			case c.SoftLineBreak():
				add(" ", s)
			}
		case *ast.String:
			if c.IsCode() || c.IsRaw() {
				add(string(c.Value), s)
			} else {
				add(unescape(c.Value), s)
			}
		case *ast.Emphasis:
			if c.Level >= 2 {
				w.inline(c, s|bold, link, ps)
			} else {
				w.inline(c, s|italic, link, ps)
			}
		case *east.Strikethrough:
			w.inline(c, s|strike, link, ps)
		case *ast.CodeSpan:
			w.inline(c, s|code, link, ps)
		case *ast.Link:
			w.inline(c, s, w.link(c.Destination, link), ps)
		case *ast.AutoLink:
			dest := c.URL(w.src)
			if c.AutoLinkType == ast.AutoLinkEmail && !bytes.HasPrefix(bytes.ToLower(dest), []byte("mailto:")) {
				dest = append([]byte("mailto:"), dest...)
			}
			if t := string(c.Label(w.src)); t != "" {
				*ps = append(*ps, piece{text: t, s: s, link: w.link(dest, link)})
			}
		case *ast.Image:
			// An image is shown as its description, linked to it: the
			// document holds nothing loaded from elsewhere.
			at, to := len(*ps), w.link(c.Destination, link)
			w.inline(c, s, to, ps)
			if len(*ps) == at {
				*ps = append(*ps, piece{text: "afbeelding", s: s, link: to})
			}
		case *ast.RawHTML:
			var raw strings.Builder
			for i := 0; i < c.Segments.Len(); i++ {
				seg := c.Segments.At(i)
				raw.Write(seg.Value(w.src))
			}
			add(withoutMarkers(raw.String()), s)
		case *east.TaskCheckBox:
			if c.IsChecked {
				add("☒ ", s)
			} else {
				add("☐ ", s)
			}
		default:
			// Anything else: its text.
			w.inline(c, s, link, ps)
		}
	}
}

// unescape is markdown text as a reader sees it: backslash escapes and
// entities resolved exactly as goldmark's HTML writer resolves them.
func unescape(v []byte) string {
	if bytes.IndexAny(v, `\&`) < 0 && bytes.IndexByte(v, 0) < 0 {
		return string(v)
	}
	var b bytes.Buffer
	bw := bufio.NewWriter(&b)
	gmhtml.DefaultWriter.Write(bw, v)
	_ = bw.Flush()
	return html.UnescapeString(b.String())
}

// link registers a hyperlink and returns its number; a link that is not to
// the web or mail (a relative path, a script) stays text.
func (w *writer) link(dest []byte, outer int) int {
	if outer != 0 {
		return outer
	}
	d := strings.ToLower(string(dest))
	if !strings.HasPrefix(d, "http://") && !strings.HasPrefix(d, "https://") && !strings.HasPrefix(d, "mailto:") {
		return 0
	}
	if gmhtml.IsDangerousURL(dest) {
		return 0
	}
	url := string(util.URLEscape(dest, true))
	if i := slices.Index(w.links, url); i >= 0 {
		return i + 1
	}
	w.links = append(w.links, url)
	return len(w.links)
}

func linkRel(i int) string { return "rId" + strconv.Itoa(firstLinkRel+i) }

// plain is the text of pieces.
func plain(ps []piece) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.text)
	}
	return b.String()
}

// tidy trims the white space at the paragraph's ends (HTML does not show
// it either), highlights what is still to be filled in, wherever it starts
// and ends, and joins pieces that look the same.
func tidy(ps []piece) []piece {
	for len(ps) > 0 {
		ps[0].text = strings.TrimLeft(ps[0].text, " \t")
		if ps[0].text != "" {
			break
		}
		ps = ps[1:]
	}
	for len(ps) > 0 {
		last := &ps[len(ps)-1]
		last.text = strings.TrimRight(last.text, " \t\n")
		if last.text != "" {
			break
		}
		ps = ps[:len(ps)-1]
	}
	if spots := placeholder.FindAllStringIndex(plain(ps), -1); len(spots) > 0 {
		ps = highlight(ps, spots)
	}
	// Pieces that look the same become one run.
	var out []piece
	for i := 0; i < len(ps); {
		j := i + 1
		for j < len(ps) && ps[j].s == ps[i].s && ps[j].link == ps[i].link {
			j++
		}
		p := ps[i]
		if j > i+1 {
			p.text = plain(ps[i:j])
		}
		out = append(out, p)
		i = j
	}
	return out
}

// highlight marks the text of the spots (byte ranges of the pieces' text,
// in order), splitting pieces where a spot starts or ends inside one.
func highlight(ps []piece, spots [][]int) []piece {
	var out []piece
	at, k := 0, 0 // offset of the piece in the text; first spot not yet passed
	for _, p := range ps {
		end := at + len(p.text)
		for from := at; from < end; {
			for k < len(spots) && spots[k][1] <= from {
				k++
			}
			q := p
			to := end
			switch {
			case k < len(spots) && spots[k][0] <= from:
				q.s |= mark
				to = min(end, spots[k][1])
			case k < len(spots) && spots[k][0] < end:
				to = spots[k][0]
			}
			q.text = p.text[from-at : to-at]
			out = append(out, q)
			from = to
		}
		at = end
	}
	return out
}

// runs writes the pieces as runs, those of a link inside its hyperlink.
func (w *writer) runs(ps []piece) {
	b := &w.b
	link := 0
	for _, p := range tidy(ps) {
		if p.link != link {
			if link != 0 {
				b.WriteString(`</w:hyperlink>`)
			}
			if p.link != 0 {
				b.WriteString(`<w:hyperlink r:id="` + linkRel(p.link-1) + `" w:history="1">`)
			}
			link = p.link
		}
		w.run(p)
	}
	if link != 0 {
		b.WriteString(`</w:hyperlink>`)
	}
}

// run writes one run; its properties follow the schema's order (rStyle,
// rFonts, b, i, strike, highlight).
func (w *writer) run(p piece) {
	b := &w.b
	b.WriteString(`<w:r>`)
	var rp strings.Builder
	if p.link != 0 {
		rp.WriteString(`<w:rStyle w:val="Hyperlink"/>`)
	}
	if p.s&code != 0 {
		rp.WriteString(`<w:rFonts w:ascii="Consolas" w:hAnsi="Consolas" w:cs="Consolas"/>`)
	}
	if p.s&bold != 0 {
		rp.WriteString(`<w:b/><w:bCs/>`)
	}
	if p.s&italic != 0 {
		rp.WriteString(`<w:i/><w:iCs/>`)
	}
	if p.s&strike != 0 {
		rp.WriteString(`<w:strike/>`)
	}
	if p.s&mark != 0 {
		rp.WriteString(`<w:highlight w:val="yellow"/>`)
	}
	if rp.Len() > 0 {
		b.WriteString(`<w:rPr>` + rp.String() + `</w:rPr>`)
	}
	t := p.text
	for t != "" {
		i := strings.IndexAny(t, "\n\t")
		if i < 0 {
			i = len(t)
		}
		if i > 0 {
			b.WriteString(`<w:t xml:space="preserve">`)
			escape(b, t[:i])
			b.WriteString(`</w:t>`)
		}
		if i == len(t) {
			break
		}
		if t[i] == '\n' {
			b.WriteString(`<w:br/>`)
		} else {
			b.WriteString(`<w:tab/>`)
		}
		t = t[i+1:]
	}
	b.WriteString(`</w:r>`)
}

// escape writes s as XML character data or attribute value: markup
// characters as entities, and characters XML cannot hold replaced.
func escape(b *strings.Builder, s string) {
	_ = xml.EscapeText(b, []byte(s))
}
