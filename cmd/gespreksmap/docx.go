package main

import (
	"fmt"
	"io"
	"time"

	"gespreksmap/sessions"
	"gespreksmap/sessions/docx"
)

// wordDocument is markdown as a Word document, made now.
func wordDocument(title, markdown string) []byte {
	return docx.FromMarkdown(markdown, docx.Properties{Title: title, Created: time.Now()})
}

// convenantTitle is the title of a convenant draft's document.
func convenantTitle(s *sessions.Session) string {
	if s.Title == "" {
		return "Concept-convenant"
	}
	return "Concept-convenant " + s.Title
}

// reportTitle is the title of a report's document.
func reportTitle(s *sessions.Session) string {
	if s.Title == "" {
		return "Verslag"
	}
	return s.Title
}

// needsFile refuses a Word document without -o: it is a zip, which a
// terminal would show as garbage (and the output is cleaned for one).
func needsFile(format, out string, stderr io.Writer) bool {
	if format != "docx" || out != "" {
		return false
	}
	fmt.Fprintln(stderr, "gespreksmap: een Word-document kan niet naar het scherm; geef een bestand op met -o, bijvoorbeeld -o BESTAND.docx")
	return true
}
