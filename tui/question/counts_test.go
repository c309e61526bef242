package question

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

var (
	up        = tea.KeyMsg{Type: tea.KeyUp}
	deleteKey = tea.KeyMsg{Type: tea.KeyDelete}
)

// lineWith is the screen line that holds s, "" when none does.
func lineWith(screen, s string) string {
	for _, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, s) {
			return l
		}
	}
	return ""
}

func TestTypingPupilsPerProfileShowsTheIndicativeFteUnderTheCounts(t *testing.T) {
	f := newFixture(t, 120, 36).at("2.2")
	screen := f.view()
	// Before any number: the norms and their source.
	if l := lineWith(screen, "Normen (fte per 100): Breed profiel 18,61 · Medium profiel 10,94 · Smal profiel 3,89; bron: Inventarisatiekader"); l == "" {
		t.Fatalf("the norms are not shown before a number is typed:\n%s", screen)
	}
	if lineWith(screen, "Aantal leerlingen per profiel:") == "" || lineWith(screen, "Aantal kinderen per groep") != "" {
		t.Errorf("the profiles are counted as pupils per profile:\n%s", screen)
	}
	// The result follows every digit typed at "breed": 2, 25, 250 pupils.
	for _, step := range []struct{ digit, want string }{
		{"2", "Indicatief: 0,4 fte (Breed profiel 0,4; bron: Inventarisatiekader"},
		{"5", "Indicatief: 4,7 fte (Breed profiel 4,7; bron: Inventarisatiekader"},
		{"0", "Indicatief: 46,5 fte (Breed profiel 46,5; bron: Inventarisatiekader"}, // 250/100 × 18,61 = 46,525
	} {
		f.keys(runes(step.digit))
		screen = f.view()
		if lineWith(screen, step.want) == "" {
			t.Fatalf("after typing %s the screen does not show %q:\n%s", step.digit, step.want, screen)
		}
	}
	if n, _ := f.conv.Count(f.s.st, "breed"); n != 250 {
		t.Fatalf("breed = %d, want 250", n)
	}
	// The line stands under the total, and the window shows every profile.
	lines := strings.Split(screen, "\n")
	for i, l := range lines {
		if strings.Contains(l, "Indicatief: 46,5 fte") {
			if i == 0 || !strings.Contains(lines[i-1], "totaal (1 van 3 ingevuld)") {
				t.Errorf("the result is not under the total:\n%s", screen)
			}
		}
	}
	for _, p := range []string{"Breed profiel", "Medium profiel", "Smal profiel"} {
		if lineWith(screen, "  "+p) == "" {
			t.Errorf("%s is not shown:\n%s", p, screen)
		}
	}
	// A second profile adds to the total; emptying both brings back the norms.
	f.keys(down, down, runes("40"))
	if lineWith(f.view(), "Indicatief: 48,1 fte (Breed profiel 46,5 · Smal profiel 1,6; bron:") == "" {
		t.Errorf("two profiles:\n%s", f.view())
	}
	f.keys(deleteKey, up, up, deleteKey)
	if lineWith(f.view(), "Normen (fte per 100): Breed profiel 18,61") == "" || strings.Contains(f.view(), "Indicatief:") {
		t.Errorf("emptied counts still show a result:\n%s", f.view())
	}
}

func TestCountsWithoutNormsShowNoIndicativeLine(t *testing.T) {
	f := newFixture(t, 120, 36).at("2.1")
	f.keys(runes("12"))
	if s := f.view(); strings.Contains(s, "Indicatief") || strings.Contains(s, "Normen:") {
		t.Errorf("a counts question without norms shows a result:\n%s", s)
	}
}
