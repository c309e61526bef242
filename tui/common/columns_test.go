package common

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func plain(s ...string) string { return strings.Join(s, "") }

func TestSixColumnsStandSideBySideWhenWideAndInBandsWhenNarrowNoLineWiderThanTheWidth(t *testing.T) {
	var cols []Column
	for _, org := range []string{"Gemeente", "SWV", "Ouders", "School", "Zorg", "Zorgkantoor"} {
		cols = append(cols, Column{Head: org, Text: "Het perspectief van " + org + " in een paar woorden die moeten worden afgebroken."})
	}
	wide := SideBySide(cols, 190, 30, 26, plain)
	if !strings.Contains(wide[0], "Gemeente") || !strings.Contains(wide[0], "Zorgkantoor") {
		t.Fatalf("at 190 cells the six headings are not on one line:\n%s", strings.Join(wide, "\n"))
	}
	narrow := SideBySide(cols, 60, 40, 26, plain)
	if strings.Contains(narrow[0], "Ouders") || !strings.Contains(narrow[0], "SWV") {
		t.Fatalf("at 60 cells two columns a band:\n%s", strings.Join(narrow, "\n"))
	}
	for _, out := range [][]string{wide, narrow} {
		joined := strings.Join(strings.Fields(strings.Join(out, " ")), " ")
		for _, c := range cols {
			if !strings.Contains(joined, c.Head) {
				t.Errorf("%s is missing", c.Head)
			}
		}
		for _, l := range out {
			if w := ansi.StringWidth(l); w > 190 {
				t.Errorf("a line of %d cells", w)
			}
		}
	}
	for _, l := range narrow {
		if w := ansi.StringWidth(l); w > 60 {
			t.Errorf("a line of %d cells at 60: %q", w, l)
		}
	}
}

func TestAColumnTooLongForItsShareIsCutWithAnEllipsis(t *testing.T) {
	long := strings.Repeat("woord ", 200)
	out := SideBySide([]Column{{Head: "Ouders", Text: long}, {Head: "SWV", Text: "kort"}}, 80, 6, 26, plain)
	if len(out) != 6 {
		t.Fatalf("%d lines, want 6:\n%s", len(out), strings.Join(out, "\n"))
	}
	if !strings.Contains(out[5], "…") {
		t.Fatalf("the cut text does not say so:\n%s", strings.Join(out, "\n"))
	}
	if !strings.Contains(out[1], "kort") {
		t.Fatalf("the short column stands beside the long one:\n%s", strings.Join(out, "\n"))
	}
}
