package report

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// readHostile reads a hostile report from testdata/hostile.
func readHostile(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "hostile", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// refused parses a report that must be refused and returns the error.
func refused(t *testing.T, data []byte) *ParseError {
	t.Helper()
	s, err := Parse(data, testSet())
	var pe *ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("Parse = %v, %v; want a *ParseError", s, err)
	}
	return pe
}

// terminalControl reports a character that would change a terminal or the
// order text is shown in: C0 and C1 controls (ESC, BEL, CSI ...) and the
// bidirectional embedding, override and isolate controls.
func terminalControl(r rune) bool {
	return r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) || r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069' || r == utf8.RuneError
}

func TestAParseErrorQuotingEscapeSequencesFromTheFileCannotReachTheTerminal(t *testing.T) {
	data := readHostile(t, "escapes-in-status.md")
	if !bytes.Contains(data, []byte("\x1b]52;")) || !bytes.Contains(data, []byte("\u202e")) {
		t.Fatal("testdata/hostile/escapes-in-status.md lacks its escape sequences")
	}
	pe := refused(t, data)
	if pe.Line != lineOf(t, string(data), "**Status:** \x1b[2J") {
		t.Errorf("error on line %d, want the status line: %v", pe.Line, pe)
	}
	pe.Path = "verslagen/\x1b]0;titel\x07naam\u202e.md"
	msg := pe.Error()
	for _, r := range msg {
		if terminalControl(r) {
			t.Fatalf("the message carries %U: %q", r, msg)
		}
	}
	if !strings.Contains(msg, "onbekende status") || !strings.Contains(msg, "geregeld") {
		t.Errorf("the message does not quote what it refuses: %q", msg)
	}
}

func TestAParseErrorQuotesALongLineCut(t *testing.T) {
	long := strings.Repeat("heel lang ", 500)
	doc := edit(t, baseReport(), "**Status:** geregeld\n\n> Het staat", "**Status:** "+long+"\n\n> Het staat")
	pe := refused(t, []byte(doc))
	if n := utf8.RuneCountInString(pe.Error()); n > 300 {
		t.Errorf("the message is %d characters long: %q", n, pe.Error())
	}
	if !strings.Contains(pe.Msg, "heel lang heel lang") || !strings.Contains(pe.Msg, "…") {
		t.Errorf("the message does not quote the start of the line, cut: %q", pe.Msg)
	}
}

func TestAReportSavedAsWindows1252IsRefusedWithItsLineAndAHint(t *testing.T) {
	data := readHostile(t, "windows-1252.md")
	pe := refused(t, data)
	if want := lineOf(t, string(data), "- **Samenwerkingsverband"); pe.Line != want {
		t.Errorf("error on line %d, want %d: %v", pe.Line, want, pe)
	}
	for _, want := range []string{"UTF-8", "Windows-1252", "0xE9", "Caf"} {
		if !strings.Contains(pe.Msg, want) {
			t.Errorf("message %q does not say %q", pe.Msg, want)
		}
	}
	if !utf8.ValidString(pe.Error()) {
		t.Errorf("the message itself is not UTF-8: %q", pe.Error())
	}
}

func TestAReportWithOldMacLineEndingsReadsAsTheSameReport(t *testing.T) {
	data := readHostile(t, "cr-only.md")
	if bytes.Contains(data, []byte("\n")) {
		t.Fatal("testdata/hostile/cr-only.md has LF line endings")
	}
	want, err := os.ReadFile(filepath.Join("testdata", "everything.md"))
	if err != nil {
		t.Fatal(err)
	}
	s := mustParse(t, data, testSet())
	if got := Render(testSet(), s); !bytes.Equal(got, want) {
		t.Errorf("read with CR line endings, the report is another:\n%s", firstDifference(want, got))
	}
	// A mistake in such a file still names its line.
	bad := bytes.Replace(data, []byte("**Status:** deels\r\r- Scholen"), []byte("**Status:** half\r\r- Scholen"), 1)
	if pe := refused(t, bad); pe.Line != lineOf(t, string(want), "**Status:** deels\n\n- Scholen") {
		t.Errorf("error on line %d: %v", pe.Line, pe)
	}
}

func TestACountWithASignOrOverTheMaximumIsRefusedWithItsLine(t *testing.T) {
	for typed, msg := range map[string]string{
		"+3":                   "zonder teken",
		"-3":                   "0 of meer",
		"10000000":             "zeven cijfers",
		"99999999999999999999": "zeven cijfers",
		"3.0":                  "heel getal",
	} {
		doc := edit(t, baseReport(), "**12** <!-- gm:count tlv -->", "**"+typed+"** <!-- gm:count tlv -->")
		pe := refused(t, []byte(doc))
		if pe.Line != lineOf(t, doc, "**"+typed+"**") || !strings.Contains(pe.Msg, msg) || !strings.Contains(pe.Msg, "'"+typed+"'") {
			t.Errorf("count %s: %v, want its line and %q", typed, pe, msg)
		}
	}
	// The largest count is read, and the total of many is written whole.
	doc := edit(t, baseReport(), "**12** <!-- gm:count tlv -->", "**9999999** <!-- gm:count tlv -->")
	doc = edit(t, doc, "**niet ingevuld** <!-- gm:count wlz -->", "**9999999** <!-- gm:count wlz -->")
	s := mustParse(t, []byte(doc), testSet())
	if out := string(Render(testSet(), s)); !strings.Contains(out, "- **Totaal: 20000002**\n") {
		t.Error("the total of the largest counts is not written")
	}
}
