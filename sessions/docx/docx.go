// Package docx turns the markdown the program writes (a convenant draft, a
// printable report, a comparison) into a Word document (.docx) that Word
// and LibreOffice open without repair: Word's own heading styles (so the
// navigation pane lists them), real lists and tables, what is still to be
// filled in highlighted, A4 pages numbered in the footer, Dutch as the
// language.
//
// The document's parts are written here with archive/zip and
// encoding/xml's escaping, not with a docx library: of the Go writers the
// module proxy serves, github.com/gomutex/godocx and
// github.com/fumiama/go-docx have no tagged release and neither writes
// footers with fields (PAGE, NUMPAGES) or list definitions of its own;
// baliance/gooxml is no longer served and unidoc/unioffice is paid. The
// subset of OOXML the markdown needs is small, and writing it directly
// keeps every element in the order the schema asks, which Word checks and
// LibreOffice forgives.
//
// Markdown is read with goldmark (GFM tables, strikethrough and task
// lists), the parser the HTML export uses, so both show the same text: the
// report's own markers (<!-- gm:... -->) are left out, any other raw HTML
// is shown as text, and whatever is not a construct the program writes is
// kept as plain text rather than dropped.
package docx

import (
	"archive/zip"
	"bytes"
	"strings"
	"time"

	"gespreksmap/sessions"
)

// Properties are the document properties Word shows under File > Info.
type Properties struct {
	Title string
	// Created is when the document was made; everything else in the file
	// is fixed, so the same markdown and time give the same bytes.
	Created time.Time
}

// zipTime is the modification time of every part in the package, so that
// the file depends on nothing but its input.
var zipTime = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// FromMarkdown renders markdown as a .docx document.
func FromMarkdown(markdown string, p Properties) []byte {
	w := newWriter([]byte(sessions.CleanText(markdown)))
	body := w.document()
	parts := []struct{ name, data string }{
		{"[Content_Types].xml", contentTypes},
		{"_rels/.rels", packageRels},
		{"docProps/core.xml", coreXML(p)},
		{"docProps/app.xml", appXML},
		{"word/document.xml", body},
		{"word/styles.xml", stylesXML},
		{"word/numbering.xml", w.numberingXML()},
		{"word/settings.xml", settingsXML},
		{"word/footer1.xml", footerXML},
		{"word/_rels/document.xml.rels", w.documentRels()},
	}
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	for _, part := range parts {
		// Writing to memory cannot fail.
		f, _ := z.CreateHeader(&zip.FileHeader{Name: part.name, Method: zip.Deflate, Modified: zipTime})
		_, _ = f.Write([]byte(part.data))
	}
	_ = z.Close()
	return b.Bytes()
}

const xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

const contentTypes = xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
	`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
	`<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>` +
	`<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
	`<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>` +
	`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
	`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
	`</Types>`

const packageRels = xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>` +
	`</Relationships>`

const appXML = xmlHeader + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
	`<Application>gespreksmap</Application></Properties>`

// The relationships of the document part: its fixed parts, then one per
// hyperlink (rId5 onwards).
const (
	relStyles    = "rId1"
	relNumbering = "rId2"
	relSettings  = "rId3"
	relFooter    = "rId4"
	firstLinkRel = 5
)

func (w *writer) documentRels() string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	const t = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	for _, r := range [][3]string{{relStyles, "styles", "styles.xml"}, {relNumbering, "numbering", "numbering.xml"},
		{relSettings, "settings", "settings.xml"}, {relFooter, "footer", "footer1.xml"}} {
		b.WriteString(`<Relationship Id="` + r[0] + `" Type="` + t + r[1] + `" Target="` + r[2] + `"/>`)
	}
	for i, url := range w.links {
		b.WriteString(`<Relationship Id="` + linkRel(i) + `" Type="` + t + `hyperlink" Target="`)
		escape(&b, url)
		b.WriteString(`" TargetMode="External"/>`)
	}
	b.WriteString(`</Relationships>`)
	return b.String()
}

func coreXML(p Properties) string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"` +
		` xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"` +
		` xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	b.WriteString(`<dc:title>`)
	escape(&b, sessions.CleanLine(p.Title))
	b.WriteString(`</dc:title><dc:language>nl-NL</dc:language>`)
	if !p.Created.IsZero() {
		at := p.Created.UTC().Format("2006-01-02T15:04:05Z")
		b.WriteString(`<dcterms:created xsi:type="dcterms:W3CDTF">` + at + `</dcterms:created>`)
		b.WriteString(`<dcterms:modified xsi:type="dcterms:W3CDTF">` + at + `</dcterms:modified>`)
	}
	b.WriteString(`</cp:coreProperties>`)
	return b.String()
}
