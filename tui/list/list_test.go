package list

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

type person struct{ Name, Org string }

func people(n int) []person {
	var out []person
	for i := range n {
		out = append(out, person{fmt.Sprintf("Deelnemer %d", i+1), "Gemeente"})
	}
	return out
}

func newPeople(n int) *List[person] {
	l := New("deelnemers", Styles{}, func(p person, w int) string { return p.Name + " · " + p.Org }).
		WithAdd("+ deelnemer toevoegen").
		WithDelete(func(p person) string { return p.Name }).
		WithEmpty("Nog niemand.")
	l.SetItems(people(n))
	l.SetSize(40, 5)
	return l
}

func press(l *List[person], keys ...string) tea.Msg {
	var last tea.Msg
	for _, k := range keys {
		var km tea.KeyMsg
		switch k {
		case "up":
			km = tea.KeyMsg{Type: tea.KeyUp}
		case "down":
			km = tea.KeyMsg{Type: tea.KeyDown}
		case "enter":
			km = tea.KeyMsg{Type: tea.KeyEnter}
		case "esc":
			km = tea.KeyMsg{Type: tea.KeyEsc}
		case "home":
			km = tea.KeyMsg{Type: tea.KeyHome}
		case "end":
			km = tea.KeyMsg{Type: tea.KeyEnd}
		case "pgdown":
			km = tea.KeyMsg{Type: tea.KeyPgDown}
		case "pgup":
			km = tea.KeyMsg{Type: tea.KeyPgUp}
		case "space":
			km = tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}
		case "delete":
			km = tea.KeyMsg{Type: tea.KeyDelete}
		case "ctrl+r":
			km = tea.KeyMsg{Type: tea.KeyCtrlR}
		default:
			km = tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
		}
		_, cmd := l.Update(km)
		last = nil
		if cmd != nil {
			last = cmd()
		}
	}
	return last
}

func view(l *List[person]) string { return ansi.Strip(l.View()) }

func cursorLine(t *testing.T, l *List[person]) string {
	t.Helper()
	for _, line := range strings.Split(view(l), "\n") {
		if strings.HasPrefix(line, "▸ ") {
			return strings.TrimPrefix(line, "▸ ")
		}
	}
	t.Fatalf("no cursor row in\n%s", view(l))
	return ""
}

func helpKeys(km help.KeyMap) string {
	var out []string
	for _, b := range km.ShortHelp() {
		if b.Enabled() && b.Help().Key != "" {
			out = append(out, b.Help().Key+" "+b.Help().Desc)
		}
	}
	return strings.Join(out, " · ")
}

func TestTheCursorStaysInViewWhileScrollingDownAndUp(t *testing.T) {
	l := newPeople(20)
	for i := 1; i <= 20; i++ {
		if got := cursorLine(t, l); got != fmt.Sprintf("Deelnemer %d · Gemeente", i) {
			t.Fatalf("at row %d the cursor shows %q", i, got)
		}
		if n := strings.Count(view(l), "\n") + 1; n != 5 {
			t.Fatalf("window of 5 shows %d lines", n)
		}
		press(l, "down")
	}
	if got := cursorLine(t, l); got != "+ deelnemer toevoegen" {
		t.Fatalf("past the last item comes the add row, got %q", got)
	}
	press(l, "down")
	if l.Cursor() != 20 {
		t.Fatalf("down on the last row stays there, cursor %d", l.Cursor())
	}
	press(l, "home")
	if got := cursorLine(t, l); got != "Deelnemer 1 · Gemeente" {
		t.Fatalf("home: %q", got)
	}
	press(l, "pgdown")
	if got := cursorLine(t, l); got != "Deelnemer 6 · Gemeente" {
		t.Fatalf("pgdown moves a window: %q", got)
	}
	press(l, "end", "pgup")
	if got := cursorLine(t, l); got != "Deelnemer 16 · Gemeente" {
		t.Fatalf("end, pgup: %q", got)
	}
}

func TestAnyHeightAnyLengthNeverPanicsAndKeepsTheCursorVisible(t *testing.T) {
	keys := []string{"down", "down", "up", "end", "pgup", "pgdown", "home", "x", "down", "x", "x", "enter", "j", "k"}
	for n := 0; n <= 6; n++ {
		for h := 0; h <= 7; h++ {
			for _, withAdd := range []bool{false, true} {
				l := New("l", Styles{}, func(p person, w int) string { return p.Name }).WithDelete(func(p person) string { return p.Name })
				if withAdd {
					l.WithAdd("+ toevoegen")
				}
				l.SetItems(people(n))
				l.SetSize(30, h)
				for _, k := range keys {
					msg := press(l, k)
					if l.Cursor() < 0 || (l.Rows() > 0 && l.Cursor() >= l.Rows()) {
						t.Fatalf("n=%d h=%d add=%v after %q: cursor %d of %d rows", n, h, withAdd, k, l.Cursor(), l.Rows())
					}
					if d, ok := msg.(DeleteMsg); ok {
						l.SetItems(append(l.Items()[:d.Index:d.Index], l.Items()[d.Index+1:]...))
					}
					out := view(l)
					if lines := strings.Count(out, "\n") + 1; out != "" && lines > h {
						t.Fatalf("n=%d h=%d: %d lines", n, h, lines)
					}
					if h >= 1 && l.Rows() > 0 && !l.Confirming() && !strings.Contains(out, "▸ ") {
						t.Fatalf("n=%d h=%d add=%v after %q: cursor not in view:\n%s", n, h, withAdd, k, out)
					}
				}
			}
		}
	}
}

func TestDeleteAsksFirstAndAnyOtherKeyCancels(t *testing.T) {
	l := newPeople(3)
	press(l, "down")
	if msg := press(l, "x"); msg != nil {
		t.Fatalf("the first x deletes nothing, sent %#v", msg)
	}
	if !strings.Contains(strings.Join(strings.Fields(view(l)), " "), "Nogmaals x om Deelnemer 2 te verwijderen; een andere toets annuleert.") || !strings.Contains(view(l), "▸ Deelnemer 2") {
		t.Fatalf("the list asks first:\n%s", view(l))
	}
	if h := helpKeys(l); !strings.HasPrefix(h, "x nogmaals: verwijderen · esc niet verwijderen") {
		t.Fatalf("help while asking: %q", h)
	}
	if msg := press(l, "esc"); msg != nil || l.Confirming() || strings.Contains(view(l), "Nogmaals") {
		t.Fatalf("esc cancels: %#v\n%s", msg, view(l))
	}
	press(l, "x")
	if msg := press(l, "down"); msg != nil || l.Confirming() || l.Cursor() != 2 {
		t.Fatalf("down cancels and still moves: %#v cursor %d", msg, l.Cursor())
	}
	if msg := press(l, "x"); msg != nil {
		t.Fatalf("first x: %#v", msg)
	}
	if msg := press(l, "x"); msg != (DeleteMsg{List: "deelnemers", Index: 2}) {
		t.Fatalf("second x deletes item 2: %#v", msg)
	}
	l.SetItems(people(2))
	if got := cursorLine(t, l); got != "Deelnemer 2 · Gemeente" {
		t.Fatalf("after deleting the last item the cursor stays on an item: %q", got)
	}
}

func TestNoDeleteOnTheAddRowOrInAnEmptyList(t *testing.T) {
	l := newPeople(1)
	press(l, "down")
	if !l.OnAdd() {
		t.Fatal("row 2 is the add row")
	}
	if strings.Contains(helpKeys(l), "verwijderen") {
		t.Errorf("help offers delete on the add row: %q", helpKeys(l))
	}
	press(l, "x")
	if msg := press(l, "x"); msg != nil || l.Confirming() {
		t.Fatalf("x x on the add row: %#v", msg)
	}
	empty := New("rapporten", Styles{}, func(p person, w int) string { return p.Name }).WithDelete(func(p person) string { return p.Name }).WithEmpty("Nog geen verslagen in deze map.")
	empty.SetSize(40, 5)
	if got := view(empty); got != "Nog geen verslagen in deze map." {
		t.Errorf("empty list shows %q", got)
	}
	if h := helpKeys(empty); h != "" {
		t.Errorf("an empty list offers keys: %q", h)
	}
	for _, k := range []string{"x", "x", "enter", "down", "up"} {
		if msg := pressAny(empty, k); msg != nil {
			if _, typed := msg.(TypedMsg); !typed || k != "x" {
				t.Errorf("%q on an empty list sent %#v", k, msg)
			}
		}
	}
	if _, i, ok := empty.Selected(); ok || i != -1 || empty.Cursor() != 0 {
		t.Errorf("empty list selection: %d %v cursor %d", i, ok, empty.Cursor())
	}
}

func pressAny(l *List[person], k string) tea.Msg { return press(l, k) }

func TestEnterChoosesAndTheAddRowAdds(t *testing.T) {
	l := newPeople(2)
	if msg := press(l, "down", "enter"); msg != (ChosenMsg{List: "deelnemers", Index: 1}) {
		t.Fatalf("enter on item 1: %#v", msg)
	}
	if msg := press(l, "down", "enter"); msg != (AddMsg{List: "deelnemers"}) {
		t.Fatalf("enter on the add row: %#v", msg)
	}
	if h := helpKeys(l); !strings.HasPrefix(h, "enter toevoegen") || strings.Contains(h, "openen") {
		t.Errorf("help on the add row: %q", h)
	}
	press(l, "home")
	if msg := press(l, "n"); msg != (AddMsg{List: "deelnemers"}) {
		t.Fatalf("the add key anywhere: %#v", msg)
	}
	if h := helpKeys(l); !strings.HasPrefix(h, "enter openen · n toevoegen · x verwijderen") {
		t.Errorf("help on an item: %q", h)
	}
}

func TestTypingOnAListChangesNothingAndIsReported(t *testing.T) {
	l := newPeople(2)
	before := view(l)
	for _, k := range []string{"a", "space", "Z"} {
		msg := press(l, k)
		typed, ok := msg.(TypedMsg)
		if !ok || typed.List != "deelnemers" {
			t.Fatalf("%q: %#v", k, msg)
		}
	}
	if view(l) != before || len(l.Items()) != 2 {
		t.Fatalf("typing changed the list:\n%s", view(l))
	}
	// j and k move, also where there is nothing to move to.
	one := newPeople(0)
	if msg := press(one, "j"); msg != nil {
		t.Errorf("j on a one-row list is not typing: %#v", msg)
	}
}

func TestABlurredListShowsNoCursorAndTakesNoKeys(t *testing.T) {
	l := newPeople(3)
	l.Blur()
	if strings.Contains(view(l), "▸") {
		t.Errorf("blurred list shows a cursor:\n%s", view(l))
	}
	if msg := press(l, "enter"); msg != nil || l.Cursor() != 0 {
		t.Errorf("blurred list took a key: %#v", msg)
	}
	if h := helpKeys(l); h != "" {
		t.Errorf("blurred list offers keys: %q", h)
	}
	l.Focus()
	if !strings.Contains(view(l), "▸ Deelnemer 1") {
		t.Errorf("focused again:\n%s", view(l))
	}
}

func TestEdgeTellsTheOwnerWhenAKeyLeavesTheList(t *testing.T) {
	l := newPeople(1)
	up, down := tea.KeyMsg{Type: tea.KeyUp}, tea.KeyMsg{Type: tea.KeyDown}
	if l.Edge(up) != -1 || l.Edge(down) != 0 {
		t.Errorf("on the first row: up %d down %d", l.Edge(up), l.Edge(down))
	}
	press(l, "down")
	if l.Edge(down) != 1 || l.Edge(up) != 0 {
		t.Errorf("on the add row: up %d down %d", l.Edge(up), l.Edge(down))
	}
}

func TestRowsAreCutToTheWidth(t *testing.T) {
	l := New("acties", Styles{}, func(p person, w int) string { return strings.Repeat("lang ", 30) + "\nnog een regel" })
	l.SetItems(people(2))
	l.SetSize(25, 3)
	for _, line := range strings.Split(view(l), "\n") {
		if ansi.StringWidth(line) > 25 || strings.Contains(line, "nog een regel") {
			t.Errorf("line %q", line)
		}
	}
	_ = key.Binding{}
}

func TestAnExplicitListTakesNoLetterAsACommand(t *testing.T) {
	l := newPeople(3).Explicit(key.NewBinding(key.WithKeys("ctrl+r"), key.WithHelp("ctrl+r", "toevoegen")))
	l.SetCursor(1)
	before := view(l)
	typed := 0
	for _, r := range "ok dat is af, x x j k n" {
		k := string(r)
		if r == ' ' {
			k = "space"
		}
		switch msg := press(l, k).(type) {
		case TypedMsg:
			typed++
		default:
			t.Fatalf("%q is not typing: %#v", k, msg)
		}
	}
	if typed != len([]rune("ok dat is af, x x j k n")) || view(l) != before || l.Cursor() != 1 || l.Confirming() {
		t.Fatalf("typing moved or changed the list (cursor %d):\n%s", l.Cursor(), view(l))
	}
	if msg := press(l, "delete", "delete"); msg != (DeleteMsg{List: "deelnemers", Index: 1}) {
		t.Errorf("the delete key twice deletes: %#v", msg)
	}
	if msg := press(l, "ctrl+r"); msg != (AddMsg{List: "deelnemers"}) {
		t.Errorf("the add key adds: %#v", msg)
	}
	if msg := press(l, "down"); msg != nil || l.Cursor() != 2 {
		t.Errorf("the arrows move: %#v, cursor %d", msg, l.Cursor())
	}
}
