package forms

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

type participant struct {
	Name, Organisation, Kind, Date string
	Signs                          bool
}

var kinds = []Option{{"school", "School"}, {"gemeente", "Gemeente"}, {"anders", "Andere partner"}}

func validDate(s string) error {
	if _, err := time.Parse("2006-01-02", s); err != nil {
		return errors.New("Geen datum als 2026-11-22 (jaar-maand-dag).")
	}
	return nil
}

func personForm(p *participant) *Form {
	f := New("deelnemer", Styles{},
		Text("naam", "Naam", &p.Name).Placeholder("naam van de deelnemer"),
		Text("organisatie", "Organisatie", &p.Organisation),
		Choice("soort", "Soort partner", kinds, &p.Kind).Hint("←/→ kiezen"),
		Text("datum", "Datum", &p.Date).Hint("jaar-maand-dag").Validate(validDate),
		Toggle("tekent", "Tekent namens de organisatie", &p.Signs),
	)
	f.SetSize(70, 20)
	return f
}

func keyMsg(k string) tea.KeyMsg {
	switch k {
	case "tab":
		return tea.KeyMsg{Type: tea.KeyTab}
	case "shift+tab":
		return tea.KeyMsg{Type: tea.KeyShiftTab}
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "left":
		return tea.KeyMsg{Type: tea.KeyLeft}
	case "right":
		return tea.KeyMsg{Type: tea.KeyRight}
	case "up":
		return tea.KeyMsg{Type: tea.KeyUp}
	case "down":
		return tea.KeyMsg{Type: tea.KeyDown}
	case "space":
		return tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}
	case "backspace":
		return tea.KeyMsg{Type: tea.KeyBackspace}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

// press sends keys and returns the messages the form sent.
func press(f *Form, keys ...string) []tea.Msg {
	var out []tea.Msg
	for _, k := range keys {
		_, cmd := f.Update(keyMsg(k))
		out = append(out, run(cmd)...)
	}
	return out
}

func run(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	switch m := cmd().(type) {
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range m {
			out = append(out, run(c)...)
		}
		return out
	case nil:
		return nil
	default:
		return []tea.Msg{m}
	}
}

func typed(s string) []string {
	var out []string
	for _, r := range s {
		out = append(out, string(r))
	}
	return out
}

func focusedLine(t *testing.T, f *Form) string {
	t.Helper()
	var found []string
	for _, l := range strings.Split(ansi.Strip(f.View()), "\n") {
		if strings.HasPrefix(l, "▶ ") {
			found = append(found, l)
		}
	}
	if len(found) != 1 {
		t.Fatalf("want one focused field, got %d in\n%s", len(found), ansi.Strip(f.View()))
	}
	return found[0]
}

func shortHelp(km help.KeyMap) string {
	var out []string
	for _, b := range km.ShortHelp() {
		if b.Enabled() {
			out = append(out, b.Help().Key+" "+b.Help().Desc)
		}
	}
	return strings.Join(out, " · ")
}

func TestTypedTextGoesToTheBoundValueByName(t *testing.T) {
	var p participant
	f := personForm(&p)
	msgs := press(f, typed("Jan\x1b[31m de Vries")...)
	if p.Name != "Jan[31m de Vries" && p.Name != "Jan de Vries" {
		t.Fatalf("bound name is %q", p.Name)
	}
	if strings.ContainsRune(p.Name, 0x1b) || f.Value("naam") != p.Name {
		t.Fatalf("value %q, bound %q", f.Value("naam"), p.Name)
	}
	if len(msgs) == 0 || msgs[len(msgs)-1] != (ChangedMsg{Form: "deelnemer", Field: "naam"}) {
		t.Fatalf("typing reports a change: %#v", msgs)
	}
	if got := focusedLine(t, f); !strings.Contains(got, "Naam:") || !strings.Contains(got, "de Vries") {
		t.Fatalf("focused line %q", got)
	}
	if len(press(f, "tab")) != 0 {
		t.Fatal("moving focus changes nothing")
	}
	if got := focusedLine(t, f); !strings.Contains(got, "Organisatie:") {
		t.Fatalf("after tab: %q", got)
	}
}

func TestTabAndShiftTabGoRoundAndFocusShowsOnOneField(t *testing.T) {
	var p participant
	f := personForm(&p)
	order := []string{"naam", "organisatie", "soort", "datum", "tekent", "naam"}
	for i, want := range order {
		if f.Focused() != want {
			t.Fatalf("step %d: focus on %q, want %q", i, f.Focused(), want)
		}
		focusedLine(t, f)
		press(f, "tab")
	}
	press(f, "shift+tab", "shift+tab")
	if f.Focused() != "tekent" {
		t.Fatalf("shift+tab back round: %q", f.Focused())
	}
	f.Blur()
	if strings.Contains(f.View(), "▶") || f.Focused() != "" || shortHelp(f) != "" {
		t.Fatalf("blurred form shows focus or keys: %q\n%s", shortHelp(f), ansi.Strip(f.View()))
	}
}

func TestAChoiceCyclesWithTheArrowsAndBindsItsValue(t *testing.T) {
	p := participant{Kind: "gemeente"}
	f := personForm(&p)
	f.Focus("soort")
	if got := focusedLine(t, f); !strings.Contains(got, "◂ Gemeente ▸") || !strings.Contains(got, "←/→ kiezen") {
		t.Fatalf("choice shows %q", got)
	}
	if h := shortHelp(f); !strings.Contains(h, "← vorige keuze") || strings.Contains(h, "spatie") {
		t.Fatalf("help on a choice: %q", h)
	}
	msgs := press(f, "right")
	if p.Kind != "anders" || f.Value("soort") != "anders" || len(msgs) != 1 {
		t.Fatalf("right: kind %q, msgs %#v", p.Kind, msgs)
	}
	press(f, "right", "right", "left")
	if p.Kind != "school" {
		t.Fatalf("right round and back left: %q", p.Kind)
	}
	if got := focusedLine(t, f); !strings.Contains(got, "◂ School ▸") {
		t.Fatalf("%q", got)
	}
	press(f, "x")
	if p.Kind != "school" {
		t.Fatalf("a letter changed a choice: %q", p.Kind)
	}
}

func TestAToggleSwitchesWithSpaceAndJN(t *testing.T) {
	var p participant
	f := personForm(&p)
	f.Focus("tekent")
	if got := focusedLine(t, f); !strings.Contains(got, "[ ] nee") {
		t.Fatalf("%q", got)
	}
	press(f, "space")
	if !p.Signs || !f.On("tekent") || !strings.Contains(focusedLine(t, f), "[x] ja") {
		t.Fatalf("space: %v\n%s", p.Signs, ansi.Strip(f.View()))
	}
	press(f, "n")
	if p.Signs {
		t.Fatal("n: still on")
	}
	press(f, "j")
	if !p.Signs {
		t.Fatal("j: still off")
	}
	if h := shortHelp(f); !strings.HasPrefix(h, "enter opslaan") || !strings.Contains(h, "spatie ja/nee") {
		t.Fatalf("help on the last field, a toggle: %q", h)
	}
}

func TestAWrongDateIsShownUnderItsFieldAndStopsSubmit(t *testing.T) {
	var p participant
	f := personForm(&p)
	f.Focus("datum")
	press(f, typed("22-11")...)
	press(f, "tab")
	view := ansi.Strip(f.View())
	if !strings.Contains(view, "Geen datum als 2026-11-22") {
		t.Fatalf("leaving a wrong date says so:\n%s", view)
	}
	if msgs := press(f, "enter"); len(msgs) != 0 || f.Focused() != "datum" {
		t.Fatalf("enter on the last field with a wrong date: %#v, focus %q", msgs, f.Focused())
	}
	for range 5 {
		press(f, "backspace")
	}
	press(f, typed("2026-11-22")...)
	if strings.Contains(ansi.Strip(f.View()), "Geen datum") {
		t.Fatalf("the message stays after the date is right:\n%s", ansi.Strip(f.View()))
	}
	press(f, "tab")
	if msgs := press(f, "enter"); len(msgs) != 1 || msgs[0] != (SubmitMsg{Form: "deelnemer"}) {
		t.Fatalf("enter on the last field: %#v", msgs)
	}
	if p.Date != "2026-11-22" {
		t.Fatalf("bound date %q", p.Date)
	}
}

func TestEnterMovesOnUntilTheLastField(t *testing.T) {
	var p participant
	f := personForm(&p)
	if h := shortHelp(f); !strings.HasPrefix(h, "enter volgend veld") {
		t.Fatalf("help on the first field: %q", h)
	}
	if msgs := press(f, "enter"); len(msgs) != 0 || f.Focused() != "organisatie" {
		t.Fatalf("enter: %#v focus %q", msgs, f.Focused())
	}
}

func TestEdgeLetsTheScreenTakeFocusOnward(t *testing.T) {
	var p participant
	f := personForm(&p)
	f.Wrap = false
	if f.Edge(keyMsg("shift+tab")) != -1 || f.Edge(keyMsg("tab")) != 0 {
		t.Fatal("first field")
	}
	f.FocusLast()
	if f.Edge(keyMsg("tab")) != 1 || f.Edge(keyMsg("down")) != 1 {
		t.Fatal("last field")
	}
	press(f, "tab")
	if f.Focused() != "tekent" {
		t.Fatalf("a form that does not wrap keeps focus on its last field: %q", f.Focused())
	}
	if strings.Contains(shortHelp(f), "volgend veld") {
		t.Fatalf("help offers tab onward inside the form: %q", shortHelp(f))
	}
}

func TestEveryWidthAndHeightFits(t *testing.T) {
	p := participant{Name: strings.Repeat("lang ", 40)}
	f := personForm(&p)
	f.SetError("organisatie", "Deze organisatie staat al in de lijst; kies een andere naam.")
	for w := 0; w <= 90; w += 3 {
		for h := 0; h <= 12; h += 2 {
			f.SetSize(w, h)
			for _, k := range []string{"tab", "tab", "tab", "tab"} {
				press(f, k)
				out := ansi.Strip(f.View())
				if out == "" {
					if w > 0 && h > 0 {
						t.Fatalf("%dx%d: empty", w, h)
					}
					continue
				}
				lines := strings.Split(out, "\n")
				if len(lines) > h {
					t.Fatalf("%dx%d: %d lines", w, h, len(lines))
				}
				for _, l := range lines {
					if ansi.StringWidth(l) > w {
						t.Fatalf("%dx%d: %q", w, h, l)
					}
				}
				if h >= 2 && w >= 6 && !strings.Contains(out, "▶") {
					t.Fatalf("%dx%d: focused field out of view:\n%s", w, h, out)
				}
			}
		}
	}
	f.SetSize(24, 20)
	f.Focus("soort")
	if out := ansi.Strip(f.View()); !strings.Contains(out, "▶ Soort partner:\n") || !strings.Contains(out, "◂ Gemeente") && !strings.Contains(out, "◂ School") {
		t.Fatalf("narrow: labels above values:\n%s", out)
	}
}

func TestAFieldNameThatIsNotThereIsAProgrammingError(t *testing.T) {
	var p participant
	f := personForm(&p)
	defer func() {
		if r := recover(); r == nil || !strings.Contains(r.(string), "naaam") {
			t.Fatalf("recovered %v", r)
		}
	}()
	f.Value("naaam")
}
