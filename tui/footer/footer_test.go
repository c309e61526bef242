package footer

import (
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/x/ansi"

	"gespreksmap/tui/component"
)

type keys struct{ short []key.Binding }

func (k keys) ShortHelp() []key.Binding  { return k.short }
func (k keys) FullHelp() [][]key.Binding { return [][]key.Binding{k.short[:3], k.short[3:]} }

func bind(k, desc string) key.Binding {
	return key.NewBinding(key.WithKeys(k), key.WithHelp(k, desc))
}

func questionKeys() keys {
	return keys{short: []key.Binding{
		bind("tab", "volgend veld"),
		bind("ctrl+n", "volgende vraag"),
		bind("ctrl+o", "perspectief toevoegen"),
		bind("ctrl+r", "actiepunt toevoegen"),
		bind("alt+1", "geregeld"),
		bind("esc", "terug naar het overzicht"),
	}}
}

func newFooter() *Footer { return New(Styles{}, bind("f1", "alle toetsen")) }

// hints splits a short-help line into its hints.
func hints(line string) []string {
	if line == "" {
		return nil
	}
	return strings.Split(ansi.Strip(line), " · ")
}

func TestShortHelpDropsWholeHintsFromTheEndAndPointsToF1(t *testing.T) {
	km := questionKeys()
	whole := map[string]bool{"f1 alle toetsen": true}
	for _, b := range km.short {
		whole[b.Help().Key+" "+b.Help().Desc] = true
	}
	f := newFooter()
	f.SetKeyMap(km)
	for w := 0; w <= 160; w++ {
		f.SetSize(w, 1)
		line := f.View()
		if got := ansi.StringWidth(line); got > w {
			t.Fatalf("width %d: footer is %d wide: %q", w, got, ansi.Strip(line))
		}
		hs := hints(line)
		for i, h := range hs {
			if !whole[h] {
				t.Fatalf("width %d: hint %q is cut or unknown in %q", w, h, ansi.Strip(line))
			}
			// Most important first: the hints shown are the first ones.
			if h != "f1 alle toetsen" && h != km.short[i].Help().Key+" "+km.short[i].Help().Desc {
				t.Fatalf("width %d: hint %d is %q, a less important one kept before a more important", w, i, h)
			}
		}
		if w >= 40 && len(hs) < 2 {
			t.Errorf("width %d: only %q fits", w, ansi.Strip(line))
		}
	}
	f.SetSize(200, 1)
	if line := ansi.Strip(f.View()); !strings.HasSuffix(line, "esc terug naar het overzicht · f1 alle toetsen") {
		t.Errorf("a wide footer shows every hint, then the F1 pointer: %q", line)
	}
	f.SetSize(50, 1)
	if line := ansi.Strip(f.View()); !strings.HasSuffix(line, "f1 alle toetsen") {
		t.Errorf("a narrow footer ends with the F1 pointer: %q", line)
	}
}

func TestDisabledBindingsDoNotShow(t *testing.T) {
	km := questionKeys()
	km.short[2].SetEnabled(false)
	f := newFooter()
	f.SetKeyMap(km)
	f.SetSize(200, 1)
	if line := ansi.Strip(f.View()); strings.Contains(line, "perspectief") {
		t.Errorf("a disabled binding shows: %q", line)
	}
	f.ShowAll(true)
	if full := ansi.Strip(f.View()); strings.Contains(full, "perspectief") || !strings.Contains(full, "actiepunt toevoegen") {
		t.Errorf("full help: %q", full)
	}
}

func TestAFlashReplacesTheHintsUntilItExpires(t *testing.T) {
	f := newFooter()
	f.SetKeyMap(questionKeys())
	f.SetSize(80, 1)
	// The expiry ticks are not waited for: the test sends what they would.
	_, cmd := f.Update(component.FlashMsg{Text: "Nogmaals x om te verwijderen.", Kind: component.Info})
	if cmd == nil {
		t.Fatal("a flash schedules its end")
	}
	first := expiredMsg{f.flashID}
	if got := ansi.Strip(f.View()); got != "Nogmaals x om te verwijderen." {
		t.Fatalf("flash shows as %q", got)
	}
	f.Update(component.FlashMsg{Text: "Opslaan mislukt:\x1b[31m schijf vol", Kind: component.Error})
	second := expiredMsg{f.flashID}
	if got := f.View(); ansi.Strip(got) != "Opslaan mislukt: schijf vol" || strings.Contains(got, "[31m") {
		t.Fatalf("error flash shows as %q", got)
	}
	// The first flash's time running out does not end the second.
	f.Update(first)
	if got := ansi.Strip(f.View()); !strings.Contains(got, "schijf vol") {
		t.Fatalf("an older flash's expiry cleared a newer one: %q", got)
	}
	f.Update(second)
	if got := ansi.Strip(f.View()); !strings.HasPrefix(got, "tab volgend veld") {
		t.Fatalf("after the flash the hints come back, got %q", got)
	}
}

func TestALongFlashWrapsInsteadOfLosingItsEnd(t *testing.T) {
	f := newFooter()
	f.SetSize(20, 1)
	f.Flash("Het verslag kan niet worden aangemaakt: map bestaat niet", component.Error)
	out := ansi.Strip(f.View())
	if !strings.Contains(out, "bestaat niet") || f.Height() < 3 {
		t.Fatalf("flash: %q (height %d)", out, f.Height())
	}
	for _, l := range strings.Split(out, "\n") {
		if ansi.StringWidth(l) > 20 {
			t.Errorf("line %q is wider than 20", l)
		}
	}
}

func TestFullHelpShowsEveryEnabledBindingWithinTheWidth(t *testing.T) {
	f := newFooter()
	f.SetKeyMap(questionKeys())
	f.ShowAll(true)
	for _, w := range []int{20, 40, 60, 120} {
		f.SetSize(w, 20)
		out := ansi.Strip(f.View())
		for _, l := range strings.Split(out, "\n") {
			if ansi.StringWidth(l) > w {
				t.Errorf("width %d: line %q too wide", w, l)
			}
		}
		flat := strings.Join(strings.Fields(out), " ")
		for _, d := range []string{"volgend veld", "volgende vraag", "actiepunt toevoegen", "geregeld"} {
			if !strings.Contains(flat, d) {
				t.Errorf("width %d: %q missing from full help:\n%s", w, d, out)
			}
		}
	}
	f.SetSize(120, 20)
	if f.Height() != 3 {
		t.Errorf("at 120 both columns stand side by side, 3 lines; got %d:\n%s", f.Height(), ansi.Strip(f.View()))
	}
	f.SetSize(120, 2)
	if f.Height() != 2 {
		t.Errorf("full help keeps to the lines it is given: %d", f.Height())
	}
}

func TestNoKeyMapNoHintsNoPanic(t *testing.T) {
	f := newFooter()
	f.SetSize(0, 0)
	if f.View() != "" {
		t.Errorf("empty footer renders %q", f.View())
	}
	f.ShowAll(true)
	_ = f.View()
}

func TestAKeyNamedTwiceShowsOnce(t *testing.T) {
	enter := component.Bind("enter", "kiezen", "enter")
	f := New(Styles{}, component.Bind("F1", "alle toetsen", "f1"))
	f.SetKeyMap(keys{short: []key.Binding{enter, bind("n", "nieuw"), enter, bind("x", "weg")}})
	f.SetSize(120, 1)
	if line := ansi.Strip(f.View()); strings.Count(line, "enter kiezen") != 1 {
		t.Errorf("enter shows more than once: %q", line)
	}
}
