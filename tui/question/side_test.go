package question

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"gespreksmap/sessions"
	"gespreksmap/tui/component"
)

// sidePanel is the side panel's part of the screen (right of the rule),
// one row a line; "" when the screen has no side panel.
func sidePanel(screen string) string {
	var out []string
	for _, l := range strings.Split(screen, "\n") {
		main := ansi.Truncate(l, mainMax, "")
		rest := strings.TrimPrefix(l, main)
		if !strings.HasPrefix(rest, " │") {
			return ""
		}
		out = append(out, strings.TrimPrefix(strings.TrimPrefix(rest, " │"), " "))
	}
	return strings.Join(out, "\n")
}

// reflection makes the fixture's conversation a yearly reflection on a
// report of last year that answered 3.1b in three lines, with a
// perspective there and an open action item made there.
func (f *fixture) reflection(answer string) *fixture {
	prior := sessions.New(f.conv.Set.ID, f.conv.Set.Version)
	prior.Title, prior.Date = "Oplossingenlab 2025", "2025-11-20"
	b := f.conv.Stop(f.conv.StopByNumber("3.1b"))
	a := prior.Answer(b.Question.ID)
	p := a.Part(b.Part.ID)
	p.Status, p.Text = sessions.StatusPartial, answer
	a.Perspectives = []sessions.Perspective{{Organisation: "Gemeente Tilburg", Text: "De gemeente wil eerst de wijkteams horen.", Part: b.Part.ID}}
	prior.Actions = []sessions.ActionItem{{What: "Beoordelingsformulier delen", Who: "SWV", When: "2026-03-01", QuestionID: b.Question.ID, Part: b.Part.ID}}
	sessions.StartReflection(f.conv.Session, prior, "vorig-jaar.md")
	f.s.SetConversation(f.conv)
	return f
}

func TestAt200x50TheSidePanelShowsThePerspectiveMadeAt3_1bAndNotAt3_1a(t *testing.T) {
	f := newFixture(t, 200, 50).at("3.1b")
	f.send(ctrlO)
	f.typeText("De school wil ouders eerder betrekken bij de beoordeling en vraagt de zorgaanbieder om mee te denken over de momenten waarop dat kan")
	f.send(esc)
	f.send(ctrlR)
	f.typeText("Folder voor ouders maken")
	f.keys(enter, enter, enter)

	side := sidePanel(f.view())
	if side == "" {
		t.Fatalf("no side panel at 200x50:\n%s", f.view())
	}
	want := "Basisschool De Linde De school wil ouders eerder betrekken bij de beoordeling en vraagt de zorgaanbieder om mee te denken over de momenten waarop dat kan"
	if flat := strings.Join(strings.Fields(side), " "); !strings.Contains(flat, want) || !strings.Contains(side, "Perspectieven bij 3.1b") {
		t.Errorf("the side panel does not show the perspective whole:\n%s", side)
	}
	if !strings.Contains(side, "Actiepunten bij 3.1b") || !strings.Contains(side, "• Folder voor ouders maken") {
		t.Errorf("the side panel does not show the action item:\n%s", side)
	}
	for _, l := range strings.Split(f.view(), "\n") {
		if main := ansi.Truncate(l, mainMax+1, ""); strings.Contains(main, "De school wil") {
			t.Errorf("the main column is wider than %d: %q", mainMax, l)
		}
	}

	f.at("3.1a")
	side = sidePanel(f.view())
	if !strings.Contains(side, "Perspectieven bij 3.1a") || strings.Contains(side, "De school wil") || strings.Contains(side, "Folder") {
		t.Errorf("3.1a's side panel shows what was made at 3.1b:\n%s", side)
	}
}

func TestInAReflectionTheSidePanelShowsLastYearsAnswerAtTheStopInFull(t *testing.T) {
	answer := "We gebruiken het formulier van het samenwerkingsverband voor elke aanvraag.\nDe intern begeleider vult het samen met ouders in, en de zorgaanbieder tekent mee.\nBij twijfel beslist het loket van de gemeente binnen zes weken."
	f := newFixture(t, 200, 50).reflection(answer).at("3.1b")
	side := sidePanel(f.view())
	for _, want := range append(strings.Split(answer, "\n"),
		"Vorig jaar bij 3.1b (2025-11-20)", "Status: deels",
		"Vanuit Gemeente Tilburg:", "De gemeente wil eerst de wijkteams horen.",
		"Actiepunt van vorig jaar: Beoordelingsformulier delen (SWV, 2026-03-01)") {
		if !strings.Contains(side, want) {
			t.Errorf("the side panel lacks %q:\n%s", want, side)
		}
	}
	// The main column does not repeat it in a cut line.
	for _, l := range strings.Split(f.view(), "\n") {
		if strings.Contains(ansi.Truncate(l, mainMax, ""), "Vorig jaar (") {
			t.Errorf("last year's answer is also in the main column: %q", l)
		}
	}
	f.at("3.1a")
	side = sidePanel(f.view())
	if !strings.Contains(side, "Vorig jaar bij 3.1a") || !strings.Contains(side, "Geen antwoord.") || strings.Contains(side, "formulier") {
		t.Errorf("3.1a shows last year's answer at 3.1b:\n%s", side)
	}
}

func TestBelow160ColumnsThereIsNoSidePanel(t *testing.T) {
	for _, size := range [][2]int{{120, 40}, {80, 24}, {159, 40}} {
		f := newFixture(t, size[0], size[1]).reflection("Het formulier van het swv.").at("3.1b")
		f.conv.SetPerspective(f.s.st, "Basisschool De Linde", "De school wil ouders eerder betrekken")
		f.s.Show(f.s.Stop())
		v := f.view()
		if strings.Contains(v, "Perspectieven bij") || strings.Contains(v, "Vorig jaar bij") {
			t.Errorf("%dx%d shows a side panel:\n%s", size[0], size[1], v)
		}
		// (At 80x24 the question's text leaves it no room, as before.)
		if size[1] >= 40 && !strings.Contains(v, "Vorig jaar (2025-11-20): deels") {
			t.Errorf("%dx%d lost last year's line above the question:\n%s", size[0], size[1], v)
		}
		if w, _ := f.s.EditorSize(); w != size[0]-2 {
			t.Errorf("%dx%d: the editor is %d wide", size[0], size[1], w)
		}
	}
}

func TestWhenTheSidePanelIsFullItSaysWhichKeyShowsItAll(t *testing.T) {
	long := strings.Repeat("Een lange zin over wat deze organisatie van de afspraak vindt. ", 12)
	f := newFixture(t, 200, 30).reflection(strings.Repeat("Vorig jaar werd veel gezegd.\n", 30)).at("3.1b")
	f.conv.SetPerspective(f.s.st, "Basisschool De Linde", long+"Einde van de school.")
	f.conv.SetPerspective(f.s.st, "Zorgaanbieder Zon", long+"Einde van de zorgaanbieder.")
	f.s.Show(f.s.Stop())
	side := sidePanel(f.view())
	if !strings.Contains(side, "… Niet alles past: F2 toont alles.") || !strings.Contains(side, "… Niet alles past: ctrl+b toont alles.") {
		t.Fatalf("a cut side panel does not say so:\n%s", side)
	}
	if strings.Contains(side, "Einde van de zorgaanbieder.") {
		t.Fatalf("the perspective was not cut, the test proves nothing:\n%s", side)
	}
	f.send(tea.KeyMsg{Type: tea.KeyF2})
	var whole component.ShowTextMsg
	for _, m := range f.out {
		if m, ok := m.(component.ShowTextMsg); ok {
			whole = m
		}
	}
	if !strings.Contains(whole.Text, "Einde van de zorgaanbieder.") || !strings.Contains(whole.Text, "Perspectieven bij 3.1b") {
		t.Errorf("F2 does not show every perspective at the stop:\n%s", whole.Text)
	}
}

func TestTheSidePanelIsBuiltWhenItsDataChangesNotOnAKey(t *testing.T) {
	f := newFixture(t, 200, 50).reflection("Het formulier van het swv.").at("3.1b")
	built := &f.s.side.rows[0]
	f.typeText("We spreken af dat ")
	f.keys(tab, shiftTab)
	f.s.Flush()
	if &f.s.side.rows[0] != built {
		t.Fatal("the side panel was built again by typing and moving between fields")
	}
	f.send(ctrlR)
	f.typeText("Folder maken")
	f.send(esc)
	if !strings.Contains(sidePanel(f.view()), "• Folder maken") {
		t.Errorf("a new action item does not reach the side panel:\n%s", sidePanel(f.view()))
	}
	f.s.SetSize(120, 40)
	if sidePanel(f.view()) != "" || strings.Contains(f.view(), "Actiepunten bij") {
		t.Errorf("after a resize to 120x40 the side panel stays:\n%s", f.view())
	}
	f.s.SetSize(200, 50)
	if !strings.Contains(sidePanel(f.view()), "• Folder maken") {
		t.Errorf("after a resize back to 200x50 no side panel:\n%s", f.view())
	}
}
