package docx_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// lookPath is the first of the programs that is installed, or "".
func lookPath(names ...string) string {
	for _, n := range names {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	return ""
}

// writeFixtures writes each fixture's document into dir and returns the
// files and, per file, the texts of its headings of levels 1 to 3.
func writeFixtures(t *testing.T, dir string) (files []string, headings map[string][]string) {
	t.Helper()
	headings = map[string][]string{}
	for _, f := range fixtures() {
		doc, parts := build(t, f)
		file := filepath.Join(dir, f.name+".docx")
		if err := os.WriteFile(file, doc, 0o600); err != nil {
			t.Fatal(err)
		}
		files = append(files, file)
		for _, p := range withText(paragraphs(t, parts["word/document.xml"])) {
			if p.kind == "h1" || p.kind == "h2" || p.kind == "h3" {
				headings[file] = append(headings[file], p.text)
			}
		}
		if len(headings[file]) < 3 {
			t.Fatalf("%s has %d headings; the check proves little", f.name, len(headings[file]))
		}
	}
	return files, headings
}

// run runs a program with a deadline and fails t when it fails.
func run(t *testing.T, timeout time.Duration, name string, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.WaitDelay = 10 * time.Second
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v (deadline %v)\n%s%s", filepath.Base(name), strings.Join(args, " "), err, timeout, stdout.String(), stderr.String())
	}
	return stdout.Bytes()
}

// flat is text without white space and hyphens, in lower case, for
// finding headings in text that a converter laid out in lines (pdftotext
// joins a word broken after its hyphen without it).
func flat(s string) string {
	return strings.ToLower(strings.ReplaceAll(strings.Join(strings.Fields(s), ""), "-", ""))
}

func TestLibreOfficeConvertsEachDocumentToAPDFWithItsHeadingsAndPageNumbers(t *testing.T) {
	soffice := lookPath("soffice", "libreoffice")
	if soffice == "" {
		t.Skip("LibreOffice (soffice) is not installed: the conversion of the Word documents to PDF is not checked (.ci/run installs libreoffice-writer-nogui)")
	}
	dir := t.TempDir()
	files, headings := writeFixtures(t, dir)
	// A profile of its own, so that a LibreOffice the user has open is
	// neither used nor disturbed.
	args := append([]string{"-env:UserInstallation=file://" + filepath.ToSlash(filepath.Join(dir, "profile")),
		"--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir}, files...)
	start := time.Now()
	run(t, 3*time.Minute, soffice, args...)
	t.Logf("LibreOffice converted %d documents in %v", len(files), time.Since(start).Round(time.Millisecond))
	pdftotext := lookPath("pdftotext")
	if pdftotext == "" {
		t.Log("pdftotext (poppler-utils) is not installed: the PDFs' text is not checked")
	}
	for _, file := range files {
		pdf := strings.TrimSuffix(file, ".docx") + ".pdf"
		data, err := os.ReadFile(pdf)
		if err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) || len(data) < 2000 {
			t.Errorf("%s: no PDF (%v, %d bytes)", filepath.Base(pdf), err, len(data))
			continue
		}
		// LibreOffice lists the headings it recognises as such in the PDF's
		// outline (its bookmarks): one entry each.
		if !bytes.Contains(data, []byte("/Outlines")) || bytes.Count(data, []byte("/Title")) < len(headings[file]) {
			t.Errorf("%s: the PDF's outline does not list the %d headings: LibreOffice did not take them for headings", filepath.Base(pdf), len(headings[file]))
		}
		if pdftotext == "" {
			continue
		}
		text := flat(string(run(t, time.Minute, pdftotext, "-enc", "UTF-8", pdf, "-")))
		for _, h := range headings[file] {
			if !strings.Contains(text, flat(h)) {
				t.Errorf("%s: the PDF lacks the heading %q", filepath.Base(pdf), h)
			}
		}
		if !strings.Contains(text, "pagina1van") || !strings.Contains(text, "pagina2van") {
			t.Errorf("%s: the pages are not numbered \"Pagina 1 van …\" in the PDF", filepath.Base(pdf))
		}
	}
}

func TestPandocReadsEachDocumentWithItsHeadings(t *testing.T) {
	pandoc := lookPath("pandoc")
	if pandoc == "" {
		t.Skip("pandoc is not installed: its reading of the Word documents is not checked")
	}
	dir := t.TempDir()
	files, headings := writeFixtures(t, dir)
	for _, file := range files {
		text := flat(string(run(t, time.Minute, pandoc, "-f", "docx", "-t", "plain", "--wrap=none", file)))
		for _, h := range headings[file] {
			if !strings.Contains(text, flat(h)) {
				t.Errorf("%s: pandoc does not read the heading %q", filepath.Base(file), h)
			}
		}
	}
}
