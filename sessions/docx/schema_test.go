package docx_test

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strings"
)

// schemaOrder is the order of the children of the WordprocessingML
// elements the documents use, from the schema (ECMA-376, transitional).
// Word asks to repair a document whose elements are out of this order;
// LibreOffice forgives it, so a LibreOffice run alone would not catch it.
var schemaOrder = map[string][]string{
	"pPr": {"pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr", "suppressLineNumbers",
		"pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE",
		"autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents",
		"suppressOverlap", "jc", "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle",
		"rPr", "sectPr", "pPrChange"},
	"rPr": {"rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline", "shadow",
		"emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w", "kern", "position",
		"sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang",
		"eastAsianLayout", "specVanish", "oMath"},
	"numPr": {"ilvl", "numId"},
	"pBdr":  {"top", "left", "bottom", "right", "between", "bar"},
	"tblPr": {"tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize", "tblW", "jc",
		"tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription"},
	"tblBorders": {"top", "left", "start", "bottom", "right", "end", "insideH", "insideV"},
	"tblCellMar": {"top", "left", "start", "bottom", "right", "end"},
	"tbl":        {"tblPr", "tblGrid", "tr"},
	"tblGrid":    {"gridCol"},
	"tr":         {"tblPrEx", "trPr", "tc"},
	"trPr":       {"cantSplit", "tblHeader"},
	"tcPr": {"cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar", "textDirection",
		"tcFitText", "vAlign", "hideMark"},
	"sectPr": {"headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar", "paperSrc",
		"pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote", "titlePg", "textDirection", "bidi",
		"rtlGutter", "docGrid", "printerSettings"},
	"styles":      {"docDefaults", "latentStyles", "style"},
	"docDefaults": {"rPrDefault", "pPrDefault"},
	"style": {"name", "aliases", "basedOn", "next", "link", "autoRedefine", "hidden", "uiPriority", "semiHidden",
		"unhideWhenUsed", "qFormat", "locked", "personal", "personalCompose", "personalReply", "rsid", "pPr", "rPr", "tblPr",
		"trPr", "tcPr", "tblStylePr"},
	"numbering":   {"numPicBullet", "abstractNum", "num", "numIdMacAtCleanup"},
	"abstractNum": {"nsid", "multiLevelType", "tmpl", "name", "styleLink", "numStyleLink", "lvl"},
	"lvl": {"start", "numFmt", "lvlRestart", "pStyle", "isLgl", "suff", "lvlText", "lvlPicBulletId", "legacy", "lvlJc",
		"pPr", "rPr"},
	"num":         {"abstractNumId", "lvlOverride"},
	"lvlOverride": {"startOverride", "lvl"},
	// The settings the documents use, in the schema's order.
	"settings": {"zoom", "defaultTabStop", "characterSpacingControl", "compat", "themeFontLang", "decimalSymbol", "listSeparator"},
}

// element is an XML element with its children, for the order checks.
type element struct {
	name     string
	attrs    map[string]string
	children []*element
}

func parseTree(data []byte) (*element, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	root := &element{}
	stack := []*element{root}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return root, nil
		}
		if err != nil {
			return nil, err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			e := &element{name: tok.Name.Local, attrs: map[string]string{}}
			for _, a := range tok.Attr {
				e.attrs[a.Name.Local] = a.Value
			}
			top := stack[len(stack)-1]
			top.children = append(top.children, e)
			stack = append(stack, e)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		}
	}
}

func (e *element) names() []string {
	var out []string
	for _, c := range e.children {
		out = append(out, c.name)
	}
	return out
}

// schemaProblems lists where a part breaks what Word expects: children
// out of the schema's order, a paragraph's or run's properties not first,
// the section properties not last in the body, a table without its grid
// or with rows of another width, a cell that does not end in a paragraph,
// lists defined after their use.
func schemaProblems(part string, data []byte) []string {
	root, err := parseTree(data)
	if err != nil {
		return []string{part + ": " + err.Error()}
	}
	var out []string
	var walk func(e *element)
	walk = func(e *element) {
		bad := func(format string, a ...any) {
			out = append(out, fmt.Sprintf("%s: <%s %v> %s", part, e.name, e.attrs, fmt.Sprintf(format, a...)))
		}
		names := e.names()
		if order, ok := schemaOrder[e.name]; ok {
			last := -1
			for _, n := range names {
				i := slices.Index(order, n)
				switch {
				case i < 0:
					bad("has <%s>, which is not in its schema order list", n)
				case i < last:
					bad("has its children out of the schema's order: %v", names)
				}
				last = max(last, i)
			}
		}
		switch e.name {
		case "p":
			if i := slices.Index(names, "pPr"); i > 0 {
				bad("has pPr not first: %v", names)
			}
		case "r":
			if i := slices.Index(names, "rPr"); i > 0 {
				bad("has rPr not first: %v", names)
			}
		case "body":
			if len(names) == 0 || names[len(names)-1] != "sectPr" || slices.Index(names, "sectPr") != len(names)-1 {
				bad("does not end with its one sectPr")
			}
			if len(names) >= 2 && names[len(names)-2] == "tbl" {
				bad("ends with a table before the sectPr")
			}
		case "tc":
			if len(names) == 0 || names[len(names)-1] != "p" {
				bad("does not end with a paragraph: %v", names)
			}
		case "tbl":
			var grid *element
			for _, c := range e.children {
				if c.name == "tblGrid" {
					grid = c
				}
			}
			if grid == nil || len(grid.children) == 0 {
				bad("has no tblGrid")
				break
			}
			for _, tr := range e.children {
				if tr.name != "tr" {
					continue
				}
				if n := strings.Count(strings.Join(tr.names(), " ")+" ", "tc "); n != len(grid.children) {
					bad("has a row of %d cells on a grid of %d", n, len(grid.children))
				}
			}
		}
		for _, c := range e.children {
			walk(c)
		}
	}
	walk(root)
	return out
}
