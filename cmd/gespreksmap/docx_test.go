package main

import (
	"archive/zip"
	"bytes"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/sessions/report"
	"gespreksmap/sessions/store"
)

// wordText is the text of a Word document's body and its title property.
func wordText(t *testing.T, path string) (text, title string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("%s is not a Word document: %v", path, err)
	}
	part := func(name string) string {
		f, err := z.Open(name)
		if err != nil {
			t.Fatalf("%s has no %s", path, name)
		}
		defer f.Close()
		var b bytes.Buffer
		b.ReadFrom(f)
		return b.String()
	}
	var b strings.Builder
	for _, m := range regexp.MustCompile(`<w:t[^>]*>([^<]*)</w:t>|</w:p>`).FindAllStringSubmatch(part("word/document.xml"), -1) {
		if m[0] == "</w:p>" {
			b.WriteString("\n")
		}
		b.WriteString(html.UnescapeString(m[1]))
	}
	t1 := regexp.MustCompile(`<dc:title>([^<]*)</dc:title>`).FindStringSubmatch(part("docProps/core.xml"))
	if t1 == nil {
		t.Fatalf("%s has no title", path)
	}
	return b.String(), html.UnescapeString(t1[1])
}

func TestConvenantExportAndCompareWriteWordDocuments(t *testing.T) {
	dir := t.TempDir()
	rep := writeReport(t, dir)

	path := filepath.Join(dir, "convenant.docx")
	code, out, errOut := runCLI(t, "convenant", rep, "--format", "docx", "-o", path)
	text, title := wordText(t, path)
	if code != exitOK || !strings.Contains(out, "Geschreven: "+path) || !strings.Contains(text, "Bij verschil van mening beslist de stuurgroep.") ||
		!strings.Contains(text, "[IN TE VULLEN:") || title != "Concept-convenant Lab" {
		t.Errorf("convenant docx: %d %s %s\ntitle %q\n%s", code, out, errOut, title, text)
	}

	path = filepath.Join(dir, "verslag.docx")
	code, _, errOut = runCLI(t, "export", "--format", "docx", rep, "-o", path)
	text, title = wordText(t, path)
	if code != exitOK || !strings.Contains(text, "stuurgroep") || strings.Contains(text, "gm:") || title != "Lab" {
		t.Errorf("export docx: %d %s\ntitle %q\n%s", code, errOut, title, text)
	}
	if !strings.Contains(text, "Niet besproken.") {
		t.Fatal("the full export shows nothing undiscussed; the next check proves nothing")
	}
	path = filepath.Join(dir, "besproken.docx")
	code, _, errOut = runCLI(t, "export", "--format", "docx", "--only-discussed", rep, "-o", path)
	if text, _ = wordText(t, path); code != exitOK || !strings.Contains(text, "stuurgroep") || strings.Contains(text, "Niet besproken.") {
		t.Errorf("export docx --only-discussed: %d %s\n%s", code, errOut, text)
	}

	set := content.Default()
	mk := func(name, date string, st sessions.Status) string {
		s := sessions.New(set.ID, set.Version)
		s.Title, s.Date = name, date
		s.Answer("bestuur.agenda").Status = st
		p := filepath.Join(dir, name+".md")
		if err := store.WriteFile(p, report.Render(set, s)); err != nil {
			t.Fatal(err)
		}
		return p
	}
	a, b := mk("a", "2025-11-20", sessions.StatusNotYet), mk("b", "2026-11-22", sessions.StatusDone)
	path = filepath.Join(dir, "vergelijking.docx")
	code, _, errOut = runCLI(t, "compare", a, b, "--format", "docx", "-o", path)
	if text, title = wordText(t, path); code != exitOK || !strings.Contains(text, "nog niet → geregeld") || title != "Vergelijking van gespreksverslagen" {
		t.Errorf("compare docx: %d %s\ntitle %q\n%s", code, errOut, title, text)
	}
	// -o serves the comparison's other formats too.
	path = filepath.Join(dir, "vergelijking.md")
	code, out, _ = runCLI(t, "compare", a, b, "-o", path)
	md, _ := os.ReadFile(path)
	if code != exitOK || !bytes.Contains(md, []byte("nog niet → geregeld")) || strings.Contains(out, "geregeld") {
		t.Errorf("compare -o: %d %q\n%s", code, out, md)
	}
}

func TestAWordDocumentIsNeverWrittenToTheTerminal(t *testing.T) {
	dir := t.TempDir()
	rep := writeReport(t, dir)
	other := filepath.Join(dir, "ander.md")
	data, _ := os.ReadFile(rep)
	os.WriteFile(other, data, 0o600)
	for _, args := range [][]string{
		{"convenant", rep, "--format", "docx"},
		{"export", "--format", "docx", rep},
		{"compare", rep, other, "--format", "docx"},
	} {
		code, out, errOut := runCLI(t, args...)
		if code != exitBadInput || out != "" || !strings.Contains(errOut, "Word-document") || !strings.Contains(errOut, "-o") {
			t.Errorf("%v: exit %d, stdout %d bytes, stderr %q", args, code, len(out), errOut)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("a refused command wrote files: %v", entries)
	}
}
