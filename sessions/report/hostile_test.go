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

// hostileCase is a file of testdata/hostile that must be refused at the
// line where at stands, with a message saying msg.
type hostileCase struct{ file, at, msg string }

func refusedAt(t *testing.T, cases []hostileCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			data := readHostile(t, c.file)
			pe := refused(t, data)
			if want := lineOf(t, string(data), c.at); pe.Line != want || !strings.Contains(pe.Msg, c.msg) {
				t.Errorf("%v\nwant line %d saying %q", pe, want, c.msg)
			}
		})
	}
}

func TestAReportMissingOrBreakingTheMarkerOfABlockIsRefusedWithItsLine(t *testing.T) {
	refusedAt(t, []hostileCase{
		// Without these the participants table was read as derived text
		// and the next save wrote it empty.
		{"participants-marker-deleted.md", "## Deelnemers", "<!-- gm:participants -->"},
		{"participants-marker-mistyped.md", "<!-- gm:participnats -->", "onbekende markering"},
		{"participants-block-deleted.md", "<!-- gm:end -->", "'## Deelnemers'"},
		{"actions-marker-deleted.md", "## Actiepunten\n", "<!-- gm:actions -->"},
		{"section-marker-deleted.md", "## 2. Kinderen", "<!-- gm:section id -->"},
		{"note-in-overview.md", "Let op: sectie 2", "Stand van zaken"},
		{"heading-between-blocks.md", "### Notities", "hoort bij geen vraag"},
	})
}

func TestAnAnswerIsNeverMovedToAnotherQuestionByAMissingOrWrongMarker(t *testing.T) {
	refusedAt(t, []hostileCase{
		// The answer of 2.2 would have been read as 2.1's.
		{"question-marker-deleted.md", "### 2.2 Zijn er afspraken", "<!-- gm:question kinderen.financiering -->"},
		{"part-marker-deleted.md", "#### b. Is deze visie", "<!-- gm:part id -->"},
		{"question-marker-of-another.md", "<!-- gm:question bestuur.partners -->", "noemt 1.1, maar deze markering hoort bij 1.2"},
	})
}

func TestEditsThatMoveNoWordsAreRead(t *testing.T) {
	base := baseReport()
	want := mustParse(t, []byte(base), testSet())
	// A whole question block moved before another, and a heading without
	// its number: answers stay with their markers.
	block := base[strings.Index(base, "### 2.2 "):strings.Index(base, "### 2.3 ")]
	moved := edit(t, base, block, "")
	moved = edit(t, moved, "### 2.1 ", block+"### 2.1 ")
	moved = edit(t, moved, "### 1.1 Staat het op de agenda?", "### Staat het op de agenda?")
	if got := Render(testSet(), mustParse(t, []byte(moved), testSet())); !bytes.Equal(got, Render(testSet(), want)) {
		t.Errorf("moving a question block changed the report:\n%s", firstDifference(Render(testSet(), want), got))
	}
	// Read with another version of the set, a heading may carry another
	// number than the set gives now.
	other := edit(t, base, "- **Vragenset:** test-set, versie 3", "- **Vragenset:** test-set, versie 2")
	other = edit(t, other, "### 1.2 Met wie", "### 1.7 Met wie")
	if s := mustParse(t, []byte(other), testSet()); s.Answers["bestuur.partners"].Text != want.Answers["bestuur.partners"].Text {
		t.Error("the renumbered question lost its answer")
	}
	// Deleting a whole question block is the person's choice.
	gone := edit(t, base, block, "")
	if s := mustParse(t, []byte(gone), testSet()); s.Answers["kinderen.financiering"] != nil {
		t.Error("a deleted question block is still read")
	}
}

func TestLinesAPersonAddsInAQuestionAreKeptAsItsText(t *testing.T) {
	data := readHostile(t, "lines-a-person-added.md")
	s := mustParse(t, data, testSet())
	want := "**Let op: de scholen willen eerst een gesprek.**\n\nDe scholen doen mee; het zorgkantoor nog niet.\n\n### Nog te doen\n\n*Het zorgkantoor bellen.*\nVoor de zomer,\nmet de wethouder."
	if got := s.Answers["bestuur.partners"].Text; got != want {
		t.Errorf("answer = %q, want %q", got, want)
	}
	if got := s.Answers["bestuur.uitwerking"].Parts["toezicht"].Text; got != "*Nog navragen bij de inspectie.*" {
		t.Errorf("sub-point text = %q", got)
	}
	// The set's label above the answer of a counts question is no text.
	if got := s.Answers["kinderen.aantallen"].Text; got != "Vooral vragen over verpleging." {
		t.Errorf("counts answer = %q", got)
	}
	// A line of text without its "> " is the answer's text.
	doc := edit(t, baseReport(), "> Vooral vragen over verpleging.\n", "Vooral vragen over verpleging.\n")
	if got := mustParse(t, []byte(doc), testSet()).Answers["kinderen.aantallen"].Text; got != "Vooral vragen over verpleging." {
		t.Errorf("text outside a quote = %q", got)
	}
	// Written back, every added word is in a quote, the heading escaped so
	// that it shows as typed, and reads back the same.
	out := Render(testSet(), s)
	for _, w := range []string{"> **Let op: de scholen", "> \\### Nog te doen", "> *Nog navragen bij de inspectie.*"} {
		if !bytes.Contains(out, []byte(w)) {
			t.Errorf("written back, the report lacks %q", w)
		}
	}
	if again := Render(testSet(), mustParse(t, out, testSet())); !bytes.Equal(out, again) {
		t.Errorf("the kept lines do not read back:\n%s", firstDifference(out, again))
	}
}

func TestALineShapedLikeARecordButWithoutItsMarkerIsRefused(t *testing.T) {
	for old, msg := range map[string]string{
		"**Perspectief van Gemeente Tilburg:** <!-- gm:perspective -->\n\n> Wij willen": "gm:perspective",
		"- Gemeente(n): **nog niet** <!-- gm:partner gemeente -->":                      "gm:partner",
		"- [x] Nee <!-- gm:choice nee -->":                                              "gm:choice",
	} {
		doc := edit(t, baseReport(), old, strings.Replace(old, old[strings.Index(old, " <!--"):strings.Index(old, "-->")+3], "", 1))
		pe := refused(t, []byte(doc))
		if !strings.Contains(pe.Msg, msg) {
			t.Errorf("%v, want it to name %s", pe, msg)
		}
	}
}

func TestEverythingMdCutOffAnywhereIsRefusedAndVersion1IsStillRead(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "everything.md"))
	if err != nil {
		t.Fatal(err)
	}
	blocks := 0
	for i := 0; i < len(data)-1; i++ {
		cut := data[:i]
		if _, err := Parse(cut, testSet()); err == nil {
			t.Fatalf("everything.md cut off after byte %d is read as whole", i)
		}
		if bytes.HasSuffix(cut, []byte("\n\n")) {
			blocks++ // a block boundary
		}
	}
	if blocks < 50 {
		t.Errorf("only %d block boundaries tried", blocks)
	}
	v1, err := os.ReadFile(filepath.Join("testdata", "v1.md"))
	if err != nil {
		t.Fatal(err)
	}
	mustParse(t, v1, testSet())
}
