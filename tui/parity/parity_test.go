// Package parity_test holds one scripted conversation typed through both
// front ends, the full screen and the accessible mode: the reports they
// write must be the same, byte for byte.
package parity_test

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/sessions/report"
	"gespreksmap/sessions/store"
	"gespreksmap/tui"
	"gespreksmap/tui/accessible"
)

// now is the moment of the conversation, for both front ends.
func now() time.Time { return time.Date(2026, 11, 22, 14, 0, 0, 0, time.UTC) }

// baseline writes last year's report into dir: one participant and one
// open action item, settled as done this year.
func baseline(t *testing.T, set *content.Set, dir string) string {
	t.Helper()
	s := sessions.New(set.ID, set.Version)
	s.Title, s.Region, s.Date, s.Facilitator = "Oplossingenlab 2025", "Hart van Brabant", "2025-11-20", "Anna"
	s.Participants = []sessions.Participant{{Name: "Piet", Organisation: "Gemeente Tilburg", PartnerKind: "gemeente", Function: "wethouder", Signs: true}}
	a := s.Answer("bestuur.agenda")
	a.Status, a.Text = sessions.StatusNotYet, "Nog niet op de agenda."
	s.Actions = []sessions.ActionItem{{What: "Visie opschrijven", Who: "SWV", When: "2026-03-01", QuestionID: "bestuur.uitwerking"}}
	path, err := store.Create(dir, s.Date, s.Title)
	if err != nil {
		t.Fatal(err)
	}
	if err := store.WriteFile(path, report.Render(set, s)); err != nil {
		t.Fatal(err)
	}
	return path
}

// The conversation, as typed in accessible mode. A yearly reflection on
// last year's report: its action item is done; then an open question, the
// partner list with another partner, a sub-point, counts, an agreement
// topic with a perspective and an action item, a choice with its
// follow-up, each with a status; then a participant's organisation gets a
// new name.
var lines = []string{
	"Reflectie 2026", // title
	"", "", "",       // partnership, date (today), facilitator: kept
	"",  // Piet stays
	"",  // no one new
	"1", // Visie opschrijven: gedaan
	"1.1", "Op de agenda.", "", "1", "", "",
	// 1.2: scholen work together, another partner
	"1", "", "", "", "", "",
	"De Kei", "1", "", // werken samen, as the full screen adds it
	"", "2", "", "",
	// 1.3a
	"Visie staat.", "", "2", "", "",
	"t", // at 1.3b
	"2.1", "12", "", "", "", "", "", "", "", "3", "", "",
	"s", // 2.2, the inventarisatiekader: skipped
	"3.1b", "Vervoer door de gemeente.", "", "2",
	"1", "Wij betalen.", "", "", // perspective of Gemeente Tilburg
	"Vervoer begroten", "Piet", "2027-03-01", "",
	"t", // at 3.1c
	"5.2", "1", "Pilot loopt.", "", "2", "", "",
	"t", // at 5.3
	"d", "1", "", "Gemeente Tilburg-Noord", "", "", "", "",
	"q",
}

func accessibleReport(t *testing.T, set *content.Set) []byte {
	dir := t.TempDir()
	cfg := accessible.Config{Set: set, Dir: dir, Baseline: baseline(t, set, dir), Now: now}
	var out strings.Builder
	path, err := accessible.Run(cfg, strings.NewReader(strings.Join(lines, "\n")+"\n"), &out)
	if err != nil {
		t.Fatalf("accessible mode: %v\n%s", err, out.String())
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func key(k tea.KeyType) tea.KeyMsg { return tea.KeyMsg{Type: k} }

func alt(r rune) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: true} }

func runes(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }

func typeText(tm *teatest.TestModel, s string) {
	for _, r := range s {
		tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
}

func waitScreen(t *testing.T, tm *teatest.TestModel, want string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		return strings.Contains(ansi.Strip(string(b)), want)
	}, teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
}

// fullScreenReport types the same conversation with the keys the README
// documents.
func fullScreenReport(t *testing.T, set *content.Set) []byte {
	dir := t.TempDir()
	cfg := tui.Config{Set: set, Dir: dir, Baseline: baseline(t, set, dir), Theme: tui.ThemeDark, Dark: true, Now: now}
	app := tui.New(cfg)
	tm := teatest.NewTestModel(t, app, teatest.WithInitialTermSize(120, 40))

	waitScreen(t, tm, "Piet · Gemeente Tilburg")
	tm.Send(key(tea.KeyCtrlU))
	typeText(tm, "Reflectie 2026")
	for range 5 {
		tm.Send(key(tea.KeyTab))
	}
	tm.Send(key(tea.KeyEnter))
	waitScreen(t, tm, "Actiepunten van vorig jaar")
	tm.Send(alt('g')) // gedaan
	tm.Send(key(tea.KeyEnter))
	waitScreen(t, tm, "Onderdelen")

	tm.Send(key(tea.KeyEnter))
	waitScreen(t, tm, "1.1 Staat de")
	typeText(tm, "Op de agenda.")
	tm.Send(alt('1'))
	tm.Send(key(tea.KeyCtrlN))
	waitScreen(t, tm, "1.2 Met wie werken we samen")
	tm.Send(key(tea.KeyRight)) // scholen: werken samen
	for range 6 {
		tm.Send(key(tea.KeyDown))
	}
	tm.Send(key(tea.KeyEnter))
	waitScreen(t, tm, "Andere partner bij")
	typeText(tm, "De Kei")
	tm.Send(key(tea.KeyEnter))
	tm.Send(alt('2'))
	tm.Send(key(tea.KeyCtrlN))
	waitScreen(t, tm, "1.3a")
	typeText(tm, "Visie staat.")
	tm.Send(alt('2'))

	tm.Send(key(tea.KeyEsc))
	waitScreen(t, tm, "Onderdelen")
	tm.Send(runes("2"))
	waitScreen(t, tm, "2.1 Om hoeveel kinderen")
	tm.Send(runes("12"))
	tm.Send(alt('3'))

	tm.Send(key(tea.KeyEsc))
	waitScreen(t, tm, "Onderdelen")
	tm.Send(runes("3"))
	waitScreen(t, tm, "3.1a")
	tm.Send(key(tea.KeyCtrlN))
	waitScreen(t, tm, "3.1b")
	typeText(tm, "Vervoer door de gemeente.")
	tm.Send(alt('2'))
	tm.Send(key(tea.KeyCtrlO))
	waitScreen(t, tm, "Antwoord vanuit deze organisatie")
	typeText(tm, "Wij betalen.")
	tm.Send(key(tea.KeyEsc))
	tm.Send(key(tea.KeyCtrlR))
	waitScreen(t, tm, "Nieuw actiepunt")
	typeText(tm, "Vervoer begroten")
	tm.Send(key(tea.KeyEnter))
	typeText(tm, "Piet")
	tm.Send(key(tea.KeyEnter))
	typeText(tm, "2027-03-01")
	tm.Send(key(tea.KeyEnter)) // enter on the last field saves the item

	tm.Send(key(tea.KeyEsc))
	waitScreen(t, tm, "Onderdelen")
	tm.Send(runes("5"))
	waitScreen(t, tm, "5.1 (32/42)")
	tm.Send(key(tea.KeyCtrlN))
	waitScreen(t, tm, "5.2 Zijn er op dit moment")
	tm.Send(key(tea.KeyRight)) // Ja
	waitScreen(t, tm, "Wat is de stand van zaken?")
	tm.Send(key(tea.KeyTab))
	typeText(tm, "Pilot loopt.")
	tm.Send(alt('2'))
	tm.Send(key(tea.KeyCtrlN))
	waitScreen(t, tm, "5.3")

	tm.Send(key(tea.KeyEsc))
	waitScreen(t, tm, "Onderdelen")
	tm.Send(runes("d"))
	waitScreen(t, tm, "Gegevens en deelnemers")
	tm.Send(key(tea.KeyEnter)) // the participants have focus
	waitScreen(t, tm, "Deelnemer wijzigen")
	tm.Send(key(tea.KeyTab))
	tm.Send(key(tea.KeyCtrlU))
	typeText(tm, "Gemeente Tilburg-Noord")
	tm.Send(key(tea.KeyEnter))
	tm.Send(key(tea.KeyEnter))
	waitScreen(t, tm, "Piet · Gemeente Tilburg-Noord")
	tm.Send(key(tea.KeyCtrlC))
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	if err := app.Close(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(app.ReportPath())
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestOneConversationThroughBothFrontEndsWritesTheSameReport(t *testing.T) {
	set := content.Default()
	line := accessibleReport(t, set)
	// What the conversation must have recorded, whichever front end.
	for _, want := range []string{
		"# Reflectie 2026",
		"> Op de agenda.",
		"De Kei",
		"**12** <!-- gm:count ondersteuning -->",
		"> Vervoer door de gemeente.",
		"Wij betalen.",
		"| Vervoer begroten | Piet | 2027-03-01 |",
		"- [x] Ja <!-- gm:choice ja -->",
		"> Pilot loopt.",
		"| Piet | Gemeente Tilburg-Noord |",
		"gedaan",
	} {
		if !strings.Contains(string(line), want) {
			t.Errorf("the accessible report lacks %q", want)
		}
	}
	full := fullScreenReport(t, set)
	if string(full) != string(line) {
		t.Errorf("the reports differ (--- full screen, +++ accessible mode):\n%s", unified(string(full), string(line)))
	}
}

// unified is a line diff of a and b with three lines of context.
func unified(a, b string) string {
	x, y := strings.Split(a, "\n"), strings.Split(b, "\n")
	// lcs[i][j] is the longest common subsequence of x[i:] and y[j:].
	lcs := make([][]int, len(x)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(y)+1)
	}
	for i := len(x) - 1; i >= 0; i-- {
		for j := len(y) - 1; j >= 0; j-- {
			if x[i] == y[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	type op struct {
		kind byte
		text string
		line int
	}
	var ops []op
	i, j := 0, 0
	for i < len(x) || j < len(y) {
		switch {
		case i < len(x) && j < len(y) && x[i] == y[j]:
			ops = append(ops, op{' ', x[i], i + 1})
			i, j = i+1, j+1
		case j < len(y) && (i == len(x) || lcs[i][j+1] >= lcs[i+1][j]):
			ops = append(ops, op{'+', y[j], j + 1})
			j++
		default:
			ops = append(ops, op{'-', x[i], i + 1})
			i++
		}
	}
	var out strings.Builder
	last := -1
	for k, o := range ops {
		if o.kind == ' ' {
			continue
		}
		for c := max(last+1, k-3); c < k; c++ {
			if c == max(last+1, k-3) && c > last+1 {
				fmt.Fprintf(&out, "@@ line %d @@\n", ops[c].line)
			}
			out.WriteString(" " + ops[c].text + "\n")
		}
		out.WriteString(string(o.kind) + o.text + "\n")
		last = k
		for c := k + 1; c < len(ops) && c <= k+3 && ops[c].kind == ' '; c++ {
			out.WriteString(" " + ops[c].text + "\n")
			last = c
		}
	}
	return out.String()
}
