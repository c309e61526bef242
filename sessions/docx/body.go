package docx

import (
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// md reads markdown as the HTML export does (GFM tables and
// strikethrough), and task list items ("- [x] Ja") as check boxes.
var md = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList))

// quoteIndent is how far a quote is indented, per level, in twips; no
// text is indented more than maxIndent, however deep quotes and lists nest.
const (
	quoteIndent = 567
	maxIndent   = textWidth / 2
)

// writer builds the document part from the markdown's syntax tree and
// collects what other parts refer to: hyperlinks and numbered lists.
type writer struct {
	src       []byte
	b         strings.Builder
	links     []string      // hyperlink targets, relationship firstLinkRel+i
	ordered   []orderedList // numbered lists, numId bulletNum+1+i
	lastTable bool          // the last block written was a table
}

func newWriter(src []byte) *writer { return &writer{src: src} }

// where is the container a block stands in.
type where struct {
	indent int  // left indentation of its text, in twips
	quote  bool // inside a quote
	depth  int  // lists around it
}

func (w *writer) document() string {
	doc := md.Parser().Parse(text.NewReader(w.src))
	w.b.WriteString(xmlHeader + `<w:document ` + nsW + ` ` + nsR + `><w:body>`)
	w.blocks(doc, where{})
	if w.lastTable {
		// Word wants a paragraph between a table and the section's end.
		w.b.WriteString(`<w:p/>`)
	}
	w.b.WriteString(sectionXML + `</w:body></w:document>`)
	return w.b.String()
}

func (w *writer) blocks(parent ast.Node, at where) {
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		w.block(n, at)
	}
}

func (w *writer) block(n ast.Node, at where) {
	switch n := n.(type) {
	case *ast.Heading:
		w.paragraph(props{style: "Heading" + strconv.Itoa(min(max(n.Level, 1), 6))}, w.inlines(n))
	case *ast.Paragraph, *ast.TextBlock:
		w.paragraph(at.text(), w.inlines(n))
	case *ast.Blockquote:
		at.indent = min(at.indent+quoteIndent, maxIndent)
		at.quote = true
		w.blocks(n, at)
	case *ast.List:
		w.list(n, at)
	case *east.Table:
		w.table(n, at)
	case *ast.ThematicBreak:
		p := at.text()
		p.rule = true
		w.paragraph(p, nil)
	case *ast.HTMLBlock:
		// The report's markers are left out; anything else is shown as
		// the text it is.
		raw := lines(n, w.src)
		if n.HasClosure() {
			raw += string(n.ClosureLine.Value(w.src))
		}
		if t := strings.TrimRight(withoutMarkers(raw), "\n"); strings.TrimSpace(t) != "" {
			w.paragraph(at.text(), []piece{{text: t}})
		}
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		w.paragraph(at.text(), []piece{{text: strings.TrimRight(lines(n, w.src), "\n"), s: code}})
	default:
		// Not a construct the program writes: its text, plainly.
		if n.Type() == ast.TypeBlock && n.FirstChild() != nil && n.FirstChild().Type() == ast.TypeBlock {
			w.blocks(n, at)
			return
		}
		t := lines(n, w.src)
		var ps []piece
		if t == "" {
			ps = w.inlines(n)
		} else {
			ps = []piece{{text: strings.TrimRight(t, "\n")}}
		}
		w.paragraph(at.text(), ps)
	}
}

// lines is the raw text of a block that keeps its lines.
func lines(n ast.Node, src []byte) string {
	var b strings.Builder
	ls := n.Lines()
	for i := 0; i < ls.Len(); i++ {
		seg := ls.At(i)
		b.Write(seg.Value(src))
	}
	return b.String()
}

// text is how a paragraph stands in its container.
func (at where) text() props {
	p := props{left: at.indent}
	if at.quote {
		p.style = "Quote"
	}
	return p
}

func (w *writer) list(l *ast.List, at where) {
	level := min(at.depth, 8)
	num := bulletNum
	if l.IsOrdered() {
		w.ordered = append(w.ordered, orderedList{level: level, start: max(l.Start, 0)})
		num = bulletNum + len(w.ordered)
	}
	inner := at
	inner.indent = min(inner.indent+listIndent, maxIndent)
	inner.depth++
	for item := l.FirstChild(); item != nil; item = item.NextSibling() {
		// The item's first paragraph carries its bullet or number; what
		// follows in the item is indented to its text.
		first := at.text()
		if !at.quote {
			first.style = "ListParagraph"
		}
		first.num, first.level, first.left, first.hanging = num, level, inner.indent, hanging
		c := item.FirstChild()
		switch c.(type) {
		case *ast.Paragraph, *ast.TextBlock:
			w.paragraph(first, w.inlines(c))
			c = c.NextSibling()
		default:
			// An empty item, or one that starts with a list or quote.
			w.paragraph(first, nil)
		}
		for ; c != nil; c = c.NextSibling() {
			w.block(c, inner)
		}
	}
}

// props are a paragraph's properties.
type props struct {
	style      string
	num, level int // numbering instance (0: none) and level
	left       int // indentation, in twips (0: the style's)
	hanging    int
	jc         string
	tight      bool // no space after (in a table cell)
	rule       bool // a line below (a thematic break)
}

// paragraph writes a paragraph; its children follow the schema's order.
func (w *writer) paragraph(p props, ps []piece) {
	w.lastTable = false
	b := &w.b
	b.WriteString(`<w:p>`)
	var pp strings.Builder
	if p.style != "" {
		pp.WriteString(`<w:pStyle w:val="` + p.style + `"/>`)
	}
	if p.num != 0 {
		pp.WriteString(`<w:numPr><w:ilvl w:val="` + strconv.Itoa(p.level) + `"/><w:numId w:val="` + strconv.Itoa(p.num) + `"/></w:numPr>`)
	}
	if p.rule {
		pp.WriteString(`<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="A6A6A6"/></w:pBdr>`)
	}
	if p.tight {
		pp.WriteString(`<w:spacing w:before="0" w:after="0"/>`)
	}
	if p.left != 0 {
		pp.WriteString(`<w:ind w:left="` + strconv.Itoa(p.left) + `"`)
		if p.hanging != 0 {
			pp.WriteString(` w:hanging="` + strconv.Itoa(p.hanging) + `"`)
		}
		pp.WriteString(`/>`)
	}
	if p.jc != "" {
		pp.WriteString(`<w:jc w:val="` + p.jc + `"/>`)
	}
	if pp.Len() > 0 {
		b.WriteString(`<w:pPr>` + pp.String() + `</w:pPr>`)
	}
	w.runs(ps)
	b.WriteString(`</w:p>`)
}

// table writes a pipe table as a Word table: a header row that repeats on
// every page, borders, and columns as wide as their text asks.
func (w *writer) table(t *east.Table, at where) {
	if w.lastTable {
		// Two tables in a row would be joined into one.
		w.b.WriteString(`<w:p/>`)
	}
	var rows [][][]piece
	var header []bool
	cols := len(t.Alignments)
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		var row [][]piece
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			row = append(row, w.inlines(c))
		}
		cols = max(cols, len(row))
		rows = append(rows, row)
		_, isHeader := r.(*east.TableHeader)
		header = append(header, isHeader)
	}
	if cols == 0 {
		return
	}
	width := max(textWidth-at.indent, textWidth/2)
	grid := columnWidths(rows, cols, width)
	b := &w.b
	b.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="` + strconv.Itoa(width) + `" w:type="dxa"/>`)
	if at.indent > 0 {
		b.WriteString(`<w:tblInd w:w="` + strconv.Itoa(at.indent) + `" w:type="dxa"/>`)
	}
	b.WriteString(tableBorders + `<w:tblLayout w:type="fixed"/>` +
		`<w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="100" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="100" w:type="dxa"/></w:tblCellMar>` +
		`<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>`)
	for _, g := range grid {
		b.WriteString(`<w:gridCol w:w="` + strconv.Itoa(g) + `"/>`)
	}
	b.WriteString(`</w:tblGrid>`)
	for i, row := range rows {
		b.WriteString(`<w:tr>`)
		if header[i] {
			b.WriteString(`<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>`)
		}
		for c := 0; c < cols; c++ {
			b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="` + strconv.Itoa(grid[c]) + `" w:type="dxa"/>`)
			if header[i] {
				b.WriteString(`<w:shd w:val="clear" w:color="auto" w:fill="E8E8E4"/>`)
			}
			b.WriteString(`</w:tcPr>`)
			p := props{tight: true}
			if c < len(t.Alignments) {
				switch t.Alignments[c] {
				case east.AlignRight:
					p.jc = "right"
				case east.AlignCenter:
					p.jc = "center"
				}
			}
			var ps []piece
			if c < len(row) {
				ps = row[c]
			}
			if header[i] {
				for k := range ps {
					ps[k].s |= bold
				}
			}
			w.paragraph(p, ps)
			b.WriteString(`</w:tc>`)
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
	w.lastTable = true
}

// columnWidths shares width out over the columns: each at least as wide
// as its longest word (so that "geregeld" is not broken), the rest by the
// length of its longest text, so that a column of numbers stays narrow and
// one of sentences gets the room.
func columnWidths(rows [][][]piece, cols, width int) []int {
	// About the width of a character at 11 points (generously for a word,
	// which may be bold or set in a wider font than Calibri), and a cell's
	// margins.
	const char, wordChar, pad = 115, 135, 260
	least, want := make([]int, cols), make([]int, cols)
	sumLeast, sumWant := 0, 0
	for c := 0; c < cols; c++ {
		word, text := 3, 3
		for _, row := range rows {
			if c >= len(row) {
				continue
			}
			t := plain(row[c])
			text = max(text, min(len([]rune(t)), 60))
			for _, f := range strings.Fields(t) {
				word = max(word, min(len([]rune(f)), 16))
			}
		}
		least[c] = word*wordChar + pad
		want[c] = max(text*char+pad, least[c])
		sumLeast += least[c]
		sumWant += want[c]
	}
	grid := make([]int, cols)
	switch {
	case sumWant <= width || sumLeast >= width:
		// Everything fits, or not even the words do: in proportion.
		base, sum := want, sumWant
		if sumLeast >= width {
			base, sum = least, sumLeast
		}
		for c := range grid {
			grid[c] = width * base[c] / sum
		}
	default:
		for c := range grid {
			grid[c] = least[c] + (width-sumLeast)*(want[c]-least[c])/(sumWant-sumLeast)
		}
	}
	used := 0
	for _, g := range grid {
		used += g
	}
	grid[cols-1] += width - used
	return grid
}
