package mdtext

import (
	"strings"
	"testing"
)

func TestEscapedValuesReadBackAsTheyWere(t *testing.T) {
	for _, s := range []string{"", "gewoon", "*ster* _x_ piet_jansen", "a | b", "C:\\map", "eind\\", "&amp; & x", "#2026 #", "> geen citaat", "[link](x)", "`code`", "~$^<"} {
		if got := Unescape(Escape(s)); got != s {
			t.Errorf("Unescape(Escape(%q)) = %q", s, got)
		}
	}
	for in, want := range map[string]string{"piet_jansen": "piet_jansen", "> x": `\> x`, "a > b": "a > b", "# kop": `\# kop`, "nr #": `nr \#`, "a|b": `a\|b`} {
		if got := Escape(in); got != want {
			t.Errorf("Escape(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestInlineAndCellKeepAValueOnOneLine(t *testing.T) {
	if got := Inline("  twee\nregels\t*vet*  "); got != `twee regels \*vet\*` {
		t.Errorf("Inline = %q", got)
	}
	if got := Cell(" \n "); got != "—" {
		t.Errorf("an empty cell is %q, want a dash", got)
	}
}

func TestDatesAreWrittenTheDutchWay(t *testing.T) {
	for in, want := range map[string]string{"2026-11-22": "22 november 2026", "2025-01-05": "5 januari 2025", "voor de zomer": "voor de zomer"} {
		if got := Date(in); got != want {
			t.Errorf("Date(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAQuoteKeepsItsLinesAndReadsBackExactly(t *testing.T) {
	text := "eerste regel\ntweede\n\n<!-- geen commentaar\n\\<b> al ge-escaped\n[x]: y"
	q := Quote(text)
	// A typed backslash before punctuation is doubled and the "<" escaped,
	// so that the line shows as typed: "\\\<b>" renders as "\<b>".
	want := "> eerste regel  \n> tweede\n>\n> \\<!-- geen commentaar  \n> \\\\\\<b> al ge-escaped  \n> \\[x]: y\n\n"
	if q != want {
		t.Errorf("Quote = %q\nwant    %q", q, want)
	}
	var lines []string
	for _, l := range strings.Split(strings.TrimSuffix(q, "\n\n"), "\n") {
		lines = append(lines, strings.TrimPrefix(strings.TrimPrefix(l, ">"), " "))
	}
	if got := UnquoteLines(lines); got != text {
		t.Errorf("UnquoteLines = %q, want %q", got, text)
	}
	if got := Quote("\x1b[2J"); got != "" {
		t.Errorf("text that cleans to nothing is quoted: %q", got)
	}
}
