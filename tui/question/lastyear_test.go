package question

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// countsReflection makes the fixture's conversation a yearly reflection on
// a report of last year that counted 10 children with an
// ondersteuningsvraag, 4 with a tlv and 30 in total at 2.1, and left the
// other groups empty.
func (f *fixture) countsReflection() *fixture {
	f.reflection("Het formulier van het swv.")
	a := f.conv.Prior.Answer("kinderen.aantallen")
	a.Counts = map[string]int{"ondersteuning": 10, "tlv": 4, "jeugdwet": 16}
	f.s.SetConversation(f.conv)
	return f
}

// countLine is the screen line of the category whose label begins with
// label ("" when none is shown).
func countLine(screen, label string) string { return lineWith(screen, label) }

func TestInAReflectionEachCountShowsLastYearsNumberAndTheDifference(t *testing.T) {
	f := newFixture(t, 120, 36).countsReflection().at("2.1")
	screen := f.view()
	if l := countLine(screen, "Een ondersteuningsvraag"); !strings.Contains(l, "–  (vorig jaar 10)") {
		t.Errorf("before typing, last year's 10 is not shown beside the empty number: %q\n%s", l, screen)
	}
	f.keys(runes("12"))
	screen = f.view()
	if l := countLine(screen, "Een ondersteuningsvraag"); !strings.Contains(l, "12  (vorig jaar 10, +2)") {
		t.Errorf("typing 12 where last year had 10 does not show +2: %q\n%s", l, screen)
	}
	// A category left empty last year.
	f.keys(down, down, runes("3"))
	screen = f.view()
	if l := countLine(screen, "Een beschikking wet langdurige zorg"); !strings.Contains(l, "3  (vorig jaar –)") {
		t.Errorf("a category empty last year: %q\n%s", l, screen)
	}
	// A number lower than last year's, and one equal to it.
	f.keys(up, runes("1"))
	if l := countLine(f.view(), "Een toelaatbaarheidsverklaring"); !strings.Contains(l, "1  (vorig jaar 4, -3)") {
		t.Errorf("1 where last year had 4: %q\n%s", l, f.view())
	}
	f.keys(runes("+"), runes("+"), runes("+"))
	if l := countLine(f.view(), "Een toelaatbaarheidsverklaring"); !strings.Contains(l, "4  (vorig jaar 4, ±0)") {
		t.Errorf("4 where last year had 4: %q\n%s", l, f.view())
	}
	// The total: 12 + 4 + 3 = 19 against last year's 30.
	if l := lineWith(f.view(), "totaal ("); !strings.Contains(l, "19  (vorig jaar 30, -11)") || !strings.HasSuffix(l, "  totaal (3 van 7 ingevuld)") {
		t.Errorf("the total: %q\n%s", l, f.view())
	}
	// The labels stay in one column while the numbers change.
	column := func(l, label string) int { return ansi.StringWidth(l[:strings.Index(l, label)]) }
	col := column(countLine(f.view(), "Een toelaatbaarheidsverklaring"), "Een toelaatbaarheidsverklaring")
	for _, label := range []string{"Een ondersteuningsvraag", "Een beschikking wet langdurige zorg", "totaal ("} {
		if l := countLine(f.view(), label); column(l, label) != col {
			t.Errorf("%q does not stand in the labels' column %d: %q", label, col, l)
		}
	}
}

func TestInAReflectionTheTotalSaysLastYearsTotalBeforeAnythingIsTyped(t *testing.T) {
	f := newFixture(t, 120, 36).countsReflection().at("2.1")
	if l := lineWith(f.view(), "totaal ("); !strings.Contains(l, "0  (vorig jaar 30)") || !strings.HasSuffix(l, "  totaal (0 van 7 ingevuld)") {
		t.Errorf("the total before typing: %q\n%s", l, f.view())
	}
	// A question last year left wholly empty.
	f.at("2.2")
	f.keys(runes("5"))
	if l := lineWith(f.view(), "totaal ("); !strings.Contains(l, "5  (vorig jaar –)") || !strings.HasSuffix(l, "  totaal (1 van 3 ingevuld)") {
		t.Errorf("the total of a question empty last year: %q\n%s", l, f.view())
	}
	if l := countLine(f.view(), "Breed profiel"); !strings.Contains(l, "5  (vorig jaar –)") {
		t.Errorf("a profile empty last year: %q\n%s", l, f.view())
	}
}

func TestOnANarrowScreenLastYearsNumberIsShortened(t *testing.T) {
	f := newFixture(t, 60, 24).countsReflection().at("2.1")
	f.keys(runes("12"))
	screen := f.view()
	if l := countLine(screen, "Een ondersteuningsvraag"); !strings.Contains(l, "12  (v.j. 10, +2)") {
		t.Errorf("at 60 columns the short form is not used: %q\n%s", l, screen)
	}
	if strings.Contains(screen, "vorig jaar 10") {
		t.Errorf("the long form is drawn at 60 columns:\n%s", screen)
	}
}

func TestAt80x24TheCountsWithLastYearFitInTheShortForm(t *testing.T) {
	f := newFixture(t, 80, 24).countsReflection().at("2.1")
	f.keys(runes("12"))
	screen := f.view()
	lines := strings.Split(screen, "\n")
	if len(lines) != 24 {
		t.Fatalf("%d lines in a body of 24", len(lines))
	}
	for _, l := range lines {
		if ansi.StringWidth(l) > 80 {
			t.Errorf("a line wider than 80: %q", l)
		}
	}
	if l := countLine(screen, "Een ondersteuningsvraag"); !strings.Contains(l, "12  (v.j. 10, +2)") {
		t.Errorf("at 80 columns: %q\n%s", l, screen)
	}
	if l := lineWith(screen, "totaal ("); !strings.Contains(l, "12  (v.j. 30, -18)") || !strings.Contains(l, "F2: hele tekst") {
		t.Errorf("the total at 80 columns, with the labels cut, does not say where they are whole: %q\n%s", l, screen)
	}
	for _, c := range f.s.st.Question.Categories {
		if lineWith(screen, ansi.Truncate(c.Label, 20, "")) == "" {
			t.Errorf("the group %q is not shown:\n%s", c.Label, screen)
		}
	}
}

func TestInAReflectionEveryStopFitsTheBody(t *testing.T) {
	for _, size := range [][2]int{{60, 22}, {80, 22}, {80, 24}, {120, 38}, {200, 50}} {
		w, h := size[0], size[1]
		t.Run(fmt.Sprintf("%dx%d", w, h), func(t *testing.T) {
			f := newFixture(t, w, h).countsReflection()
			for i, st := range f.conv.Stops() {
				f.s.Show(i)
				f.keys(runes("123"))
				lines := strings.Split(f.view(), "\n")
				if len(lines) != h {
					t.Fatalf("%s: %d lines in a body of %d", st.Number(), len(lines), h)
				}
				for _, l := range lines {
					if ansi.StringWidth(l) > w {
						t.Fatalf("%s: a line wider than %d: %q", st.Number(), w, l)
					}
				}
			}
		})
	}
}

func TestOutsideAReflectionTheCountsShowNoLastYear(t *testing.T) {
	f := newFixture(t, 120, 36).at("2.1")
	f.keys(runes("12"))
	screen := f.view()
	if strings.Contains(screen, "vorig jaar") || strings.Contains(screen, "v.j.") {
		t.Errorf("last year is shown outside a reflection:\n%s", screen)
	}
	if l := countLine(screen, "Een ondersteuningsvraag"); !strings.Contains(l, "  12  Een ondersteuningsvraag") {
		t.Errorf("the number and the label moved apart: %q", l)
	}
	if l := lineWith(screen, "totaal ("); !strings.Contains(l, "  12  totaal (1 van 7 ingevuld)") {
		t.Errorf("the total: %q", l)
	}
}
