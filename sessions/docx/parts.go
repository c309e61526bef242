package docx

import (
	"strconv"
	"strings"
)

// The XML namespaces of WordprocessingML and of relationships.
const (
	nsW = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	nsR = `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
)

// Page layout, in twentieths of a point: A4 with 2.5 cm margins.
const (
	pageWidth  = 11906
	pageHeight = 16838
	margin     = 1418
	textWidth  = pageWidth - 2*margin
)

// sectionXML is the page layout, the last child of the body.
var sectionXML = `<w:sectPr><w:footerReference w:type="default" r:id="` + relFooter + `"/>` +
	`<w:pgSz w:w="` + strconv.Itoa(pageWidth) + `" w:h="` + strconv.Itoa(pageHeight) + `"/>` +
	`<w:pgMar w:top="` + strconv.Itoa(margin) + `" w:right="` + strconv.Itoa(margin) + `" w:bottom="` + strconv.Itoa(margin) +
	`" w:left="` + strconv.Itoa(margin) + `" w:header="709" w:footer="709" w:gutter="0"/>` +
	`<w:cols w:space="708"/></w:sectPr>`

// headingStyles are the paragraph styles of markdown's six heading levels:
// Word's built-in "heading N" (its style id HeadingN), so that Word and
// LibreOffice take them for their own and the navigation pane lists them.
var headingStyles = func() string {
	sizes := [6]int{32, 28, 24, 22, 22, 22}
	var b strings.Builder
	for i, sz := range sizes {
		n := strconv.Itoa(i + 1)
		b.WriteString(`<w:style w:type="paragraph" w:styleId="Heading` + n + `"><w:name w:val="heading ` + n + `"/>` +
			`<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>` +
			`<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="` + strconv.Itoa(360-40*i) + `" w:after="120"/>` +
			`<w:outlineLvl w:val="` + strconv.Itoa(i) + `"/></w:pPr>` +
			`<w:rPr><w:b/><w:bCs/>`)
		if i >= 3 {
			b.WriteString(`<w:i/><w:iCs/>`)
		}
		s := strconv.Itoa(sz)
		b.WriteString(`<w:color w:val="1F3864"/><w:sz w:val="` + s + `"/><w:szCs w:val="` + s + `"/></w:rPr></w:style>`)
	}
	return b.String()
}()

const tableBorders = `<w:tblBorders>` +
	`<w:top w:val="single" w:sz="4" w:space="0" w:color="8C8C8C"/>` +
	`<w:left w:val="single" w:sz="4" w:space="0" w:color="8C8C8C"/>` +
	`<w:bottom w:val="single" w:sz="4" w:space="0" w:color="8C8C8C"/>` +
	`<w:right w:val="single" w:sz="4" w:space="0" w:color="8C8C8C"/>` +
	`<w:insideH w:val="single" w:sz="4" w:space="0" w:color="8C8C8C"/>` +
	`<w:insideV w:val="single" w:sz="4" w:space="0" w:color="8C8C8C"/>` +
	`</w:tblBorders>`

// stylesXML holds every style the body uses. Within each element the
// children follow the schema's order (pPr: pStyle, keepNext, keepLines,
// numPr, pBdr, spacing, ind, contextualSpacing, jc, outlineLvl; rPr: rStyle,
// rFonts, b, i, strike, color, sz, highlight, u, lang).
var stylesXML = xmlHeader + `<w:styles ` + nsW + `>` +
	`<w:docDefaults><w:rPrDefault><w:rPr>` +
	`<w:rFonts w:ascii="Calibri" w:eastAsia="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/>` +
	`<w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="nl-NL" w:eastAsia="nl-NL" w:bidi="ar-SA"/>` +
	`</w:rPr></w:rPrDefault>` +
	`<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
	`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
	`<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/>` +
	`<w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>` +
	`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>` +
	`<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>` +
	`<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>` +
	`<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
	`<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>` +
	`<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>` +
	headingStyles +
	`<w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>` +
	`<w:uiPriority w:val="29"/><w:qFormat/>` +
	`<w:pPr><w:pBdr><w:left w:val="single" w:sz="18" w:space="8" w:color="8EA9C8"/></w:pBdr>` +
	`<w:spacing w:after="80"/><w:ind w:left="` + strconv.Itoa(quoteIndent) + `"/></w:pPr>` +
	`<w:rPr><w:color w:val="303030"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/>` +
	`<w:uiPriority w:val="34"/><w:qFormat/>` +
	`<w:pPr><w:spacing w:after="60"/><w:ind w:left="720"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/>` +
	`<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/></w:pPr>` +
	`<w:rPr><w:color w:val="595959"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>` +
	`<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:basedOn w:val="DefaultParagraphFont"/>` +
	`<w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>` +
	`<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/>` +
	`<w:uiPriority w:val="39"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>` +
	`<w:tblPr>` + tableBorders + `</w:tblPr></w:style>` +
	`</w:styles>`

// settingsXML: Dutch as the language of the theme fonts, a comma as the
// decimal sign, and Word 2013's layout rules (compatibilityMode 15), so
// that Word does not open the document in compatibility mode.
const settingsXML = xmlHeader + `<w:settings ` + nsW + `>` +
	`<w:zoom w:percent="100"/><w:defaultTabStop w:val="708"/><w:characterSpacingControl w:val="doNotCompress"/>` +
	`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
	`<w:themeFontLang w:val="nl-NL"/><w:decimalSymbol w:val=","/><w:listSeparator w:val=";"/>` +
	`</w:settings>`

// field writes a complex field: Word and LibreOffice compute its result
// (the page number) when they lay the document out.
func field(instr string) string {
	return `<w:r><w:fldChar w:fldCharType="begin"/></w:r>` +
		`<w:r><w:instrText xml:space="preserve"> ` + instr + ` </w:instrText></w:r>` +
		`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>` +
		`<w:r><w:fldChar w:fldCharType="end"/></w:r>`
}

// footerXML numbers the pages: "Pagina 2 van 7".
var footerXML = xmlHeader + `<w:ftr ` + nsW + ` ` + nsR + `><w:p><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="center"/></w:pPr>` +
	`<w:r><w:t xml:space="preserve">Pagina </w:t></w:r>` + field("PAGE") +
	`<w:r><w:t xml:space="preserve"> van </w:t></w:r>` + field("NUMPAGES") +
	`</w:p></w:ftr>`

// Lists: numId 1 is every bulleted list (abstractNum 0); each numbered list
// has a numId of its own on abstractNum 1, so that it starts at its own
// first number.
const (
	bulletNum  = 1
	listIndent = 720 // per level of a list, in twips
	hanging    = 360
)

// orderedList is a numbered list's numbering instance.
type orderedList struct {
	level, start int
}

func (w *writer) numberingXML() string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<w:numbering ` + nsW + `>`)
	bullets := [3]string{"•", "◦", "▪"}
	for abs, kind := range []string{"bullet", "decimal"} {
		a := strconv.Itoa(abs)
		b.WriteString(`<w:abstractNum w:abstractNumId="` + a + `"><w:nsid w:val="4D0C1A0` + a + `"/>` +
			`<w:multiLevelType w:val="hybridMultilevel"/>`)
		for lvl := 0; lvl < 9; lvl++ {
			text := bullets[lvl%3]
			if kind == "decimal" {
				text = "%" + strconv.Itoa(lvl+1) + "."
			}
			b.WriteString(`<w:lvl w:ilvl="` + strconv.Itoa(lvl) + `"><w:start w:val="1"/><w:numFmt w:val="` + kind + `"/>` +
				`<w:lvlText w:val="` + text + `"/><w:lvlJc w:val="left"/>` +
				`<w:pPr><w:ind w:left="` + strconv.Itoa(listIndent*(lvl+1)) + `" w:hanging="` + strconv.Itoa(hanging) + `"/></w:pPr></w:lvl>`)
		}
		b.WriteString(`</w:abstractNum>`)
	}
	b.WriteString(`<w:num w:numId="` + strconv.Itoa(bulletNum) + `"><w:abstractNumId w:val="0"/></w:num>`)
	for i, l := range w.ordered {
		b.WriteString(`<w:num w:numId="` + strconv.Itoa(bulletNum+1+i) + `"><w:abstractNumId w:val="1"/>` +
			`<w:lvlOverride w:ilvl="` + strconv.Itoa(l.level) + `"><w:startOverride w:val="` + strconv.Itoa(l.start) + `"/></w:lvlOverride></w:num>`)
	}
	b.WriteString(`</w:numbering>`)
	return b.String()
}
