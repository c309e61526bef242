package question

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"gespreksmap/sessions"
	"gespreksmap/tui/component"
)

func TestAPerspectiveAndAnActionItemMadeAtTopic3_1bStayAt3_1b(t *testing.T) {
	f := newFixture(t, 100, 36).at("3.1b")
	f.send(ctrlO)
	if !strings.Contains(f.view(), "Perspectief bij 3.1b") || !strings.Contains(f.view(), "3.1b Hoe komt de beoordeling") {
		t.Fatalf("ctrl+o opened no perspective that names its topic:\n%s", f.view())
	}
	f.typeText("De school wil ouders eerder betrekken")
	f.send(esc)
	f.send(ctrlR)
	f.typeText("Folder voor ouders maken")
	f.keys(enter)
	f.typeText("Anna")
	f.keys(enter)
	f.typeText("voor de zomer")
	f.keys(enter)

	b := f.conv.Stop(f.conv.StopByNumber("3.1b"))
	ps := f.conv.Perspectives(b)
	if len(ps) != 1 || ps[0].Organisation != "Basisschool De Linde" || ps[0].Text != "De school wil ouders eerder betrekken" || ps[0].Part != b.Part.ID {
		t.Fatalf("perspectives at 3.1b: %+v", ps)
	}
	if len(f.conv.Actions) != 1 {
		t.Fatalf("actions: %+v", f.conv.Actions)
	}
	ai := f.conv.Actions[0]
	if ai.What != "Folder voor ouders maken" || ai.Who != "Anna" || ai.When != "voor de zomer" || ai.Part != b.Part.ID || ai.QuestionID != b.Question.ID {
		t.Fatalf("action item: %+v", ai)
	}
	v := f.view()
	if !strings.Contains(v, "Perspectieven (1): Basisschool De Linde") || !strings.Contains(v, "Actiepunten (1): Folder voor ouders maken") {
		t.Errorf("3.1b does not show its perspective and action item:\n%s", v)
	}
	f.at("3.1a")
	v = f.view()
	if !strings.Contains(v, "Perspectieven (0)") || !strings.Contains(v, "Actiepunten (0)") || strings.Contains(v, "Folder") {
		t.Errorf("3.1a shows what was made at 3.1b:\n%s", v)
	}
}

func TestTypingASentenceOnTheActionListChangesNothingAndSaysWhereTypingGoes(t *testing.T) {
	f := newFixture(t, 80, 24).at("1.1")
	f.conv.AddAction(f.s.st, sessions.ActionItem{What: "Agenda opstellen"})
	f.conv.AddAction(f.s.st, sessions.ActionItem{What: "Ouders uitnodigen"})
	f.s.Show(f.s.Stop())
	f.keys(tab, tab) // text -> perspectives -> actions
	if f.s.focused() != fActions {
		t.Fatalf("focus is on %d, not the action list", f.s.focused())
	}
	before := append([]sessions.ActionItem(nil), f.conv.Actions...)
	rev := f.conv.Revision()
	f.typeText("ok dat is af")
	f.typeText("xx nee")
	if f.conv.Revision() != rev || len(f.conv.Actions) != len(before) {
		t.Fatalf("typing on the list changed the conversation: %+v", f.conv.Actions)
	}
	for i := range before {
		if f.conv.Actions[i] != before[i] {
			t.Fatalf("item %d changed: %+v", i, f.conv.Actions[i])
		}
	}
	if !strings.Contains(f.flashes(), "Typ je antwoord in het antwoordveld (tab)") {
		t.Errorf("no hint where typing goes; flashes:\n%s", f.flashes())
	}
}

func TestTabTabEnterOnAnEmptyActionListOpensTheActionForm(t *testing.T) {
	f := newFixture(t, 80, 24).at("1.1")
	f.keys(tab, tab, enter)
	if v := f.view(); !strings.Contains(v, "Nieuw actiepunt bij 1.1") || !strings.Contains(v, "Wat:") {
		t.Fatalf("the action form did not open:\n%s", v)
	}
	if !f.s.Editing() {
		t.Error("the action form's field has focus, but Editing says no")
	}
}

func TestEachKindOfInputChangesTheConversation(t *testing.T) {
	t.Run("status", func(t *testing.T) {
		f := newFixture(t, 80, 24).at("1.1")
		f.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'2'}, Alt: true})
		if got := f.conv.Status(f.s.st); got != sessions.Statuses[1] {
			t.Fatalf("alt+2 set %q", got)
		}
		f.keys(shiftTab, right)
		if got := f.conv.Status(f.s.st); got != sessions.Statuses[2] {
			t.Fatalf("→ on the status set %q", got)
		}
	})
	t.Run("text", func(t *testing.T) {
		f := newFixture(t, 80, 24).at("1.1")
		f.typeText("We spreken elk kwartaal af")
		if f.conv.Text(f.s.st) != "" {
			t.Fatal("the text reached the core before Flush")
		}
		if !f.s.Pending() || !f.s.Flush() || f.conv.Text(f.s.st) != "We spreken elk kwartaal af" {
			t.Fatalf("Flush recorded %q", f.conv.Text(f.s.st))
		}
		if f.s.Flush() {
			t.Error("a second Flush reports a change")
		}
	})
	t.Run("choice", func(t *testing.T) {
		f := newFixture(t, 80, 24)
		i := stopOfKind(f, "choice")
		f.s.Show(i)
		f.keys(right)
		q := f.s.st.Question
		if got := f.conv.Choice(f.s.st); got != q.Choices[0].ID {
			t.Fatalf("→ chose %q", got)
		}
		if !strings.Contains(f.view(), "(•) "+q.Choices[0].Label) {
			t.Errorf("the choice does not show:\n%s", f.view())
		}
	})
	t.Run("partners", func(t *testing.T) {
		f := newFixture(t, 80, 24)
		f.s.Show(stopOfKind(f, "partners"))
		f.keys(right)
		kind := f.conv.Set.PartnerKinds[0].ID
		if got := f.conv.PartnerState(f.s.st, kind); got != sessions.PartnerCycle[0] {
			t.Fatalf("→ set %q", got)
		}
		// another partner, by name
		for range f.conv.Set.PartnerKinds {
			f.keys(down)
		}
		f.keys(enter)
		f.typeText("Leerlingenvervoer")
		f.keys(enter)
		if others := f.conv.OtherPartners(f.s.st); len(others) != 1 || others[0].Name != "Leerlingenvervoer" {
			t.Fatalf("other partners: %+v", others)
		}
	})
	t.Run("counts", func(t *testing.T) {
		f := newFixture(t, 80, 24)
		f.s.Show(stopOfKind(f, "counts"))
		cat := f.s.st.Question.Categories[0].ID
		f.keys(runes("1"), runes("2"), runes("+"))
		if n, ok := f.conv.Count(f.s.st, cat); !ok || n != 13 {
			t.Fatalf("count %d %v", n, ok)
		}
		f.keys(runes("99999999"))
		if n, _ := f.conv.Count(f.s.st, cat); n != 13 || !strings.Contains(f.flashes(), "zeven") {
			t.Fatalf("a number too large: count %d, flashes %q", n, f.flashes())
		}
		f.typeText("twaalf")
		if n, _ := f.conv.Count(f.s.st, cat); n != 13 {
			t.Fatalf("letters changed the count to %d", n)
		}
	})
}

// stopOfKind is the index of the first stop whose question is of kind k.
func stopOfKind(f *fixture, k string) int {
	for i, st := range f.conv.Stops() {
		if string(st.Question.Kind) == k {
			return i
		}
	}
	f.t.Fatalf("no question of kind %s", k)
	return -1
}

func TestAReadOnlyConversationChangesNothingAndSaysSo(t *testing.T) {
	f := newFixture(t, 80, 24).at("1.1")
	f.conv.SetReadOnly(true)
	f.s.Show(f.s.Stop())
	rev := f.conv.Revision()
	f.typeText("hallo")
	f.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'1'}, Alt: true})
	f.keys(ctrlO, ctrlR)
	f.s.Flush()
	if f.conv.Revision() != rev {
		t.Fatal("a read-only conversation changed")
	}
	if !strings.Contains(f.flashes(), "Alleen lezen") {
		t.Errorf("nothing said; flashes %q", f.flashes())
	}
}

func TestTheScreenAsksTheRootForPanelsAndNavigation(t *testing.T) {
	f := newFixture(t, 80, 24).at("1.1")
	f.keys(tea.KeyMsg{Type: tea.KeyF2}, tea.KeyMsg{Type: tea.KeyCtrlG}, tea.KeyMsg{Type: tea.KeyCtrlT}, tea.KeyMsg{Type: tea.KeyF1}, tea.KeyMsg{Type: tea.KeyCtrlN}, esc)
	var whole component.ShowTextMsg
	var nav []component.NavigateMsg
	var glossary, tips, help bool
	for _, m := range f.out {
		switch m := m.(type) {
		case component.ShowTextMsg:
			whole = m
		case component.NavigateMsg:
			nav = append(nav, m)
		case component.ShowGlossaryMsg:
			glossary = len(m.First) > 0
		case component.ShowTipsMsg:
			tips = m.Section == 0
		case component.ShowHelpMsg:
			help = true
		}
	}
	if whole.Title != "De hele vraag: 1.1" || !strings.Contains(whole.Text, "Keuzes") && !strings.Contains(whole.Text, f.s.st.Question.Text[:20]) {
		t.Errorf("F2: %+v", whole)
	}
	if !glossary || !tips || !help {
		t.Errorf("glossary %v, tips %v, help %v", glossary, tips, help)
	}
	if len(nav) != 2 || nav[0] != (component.NavigateMsg{To: component.Question, Stop: 1}) || nav[1].To != component.Overview {
		t.Errorf("navigation: %+v", nav)
	}
}

func TestAnActionItemWithADateThatDoesNotExistIsNeitherClosedNorSaved(t *testing.T) {
	f := newFixture(t, 100, 36).at("3.1b")
	f.send(ctrlR)
	f.typeText("Vervoer begroten")
	f.send(enter)
	f.typeText("Piet")
	f.send(enter)
	f.typeText("31-02-2027")
	f.send(esc)
	if !strings.Contains(f.view(), "geen bestaande datum") {
		t.Errorf("the form does not say the date does not exist:\n%s", f.view())
	}
	f.s.Flush()
	if len(f.conv.Actions) != 0 {
		t.Errorf("an action item with 31-02-2027 was saved: %+v", f.conv.Actions)
	}
}
