package presenter

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"gespreksmap/sessions"
)

// roundAt opens a writing round at 3.1b with six organisations at the
// table, of which the first four have sent.
func roundAt(t *testing.T) (*sessions.Conversation, []string) {
	t.Helper()
	conv := conversationAt(t, "3.1b", "")
	orgs := []string{"Basisschool De Linde", "Gemeente Tilburg", "SWV Hart van Brabant", "Ouders", "Zorgaanbieder Zon", "Zorgkantoor"}
	for _, o := range orgs[1:] {
		if _, err := conv.AddParticipant(sessions.Participant{Name: "Iemand van " + o, Organisation: o}); err != nil {
			t.Fatal(err)
		}
	}
	st := conv.Stop(conv.StopByNumber("3.1b"))
	at := time.Date(2026, 11, 22, 14, 0, 0, 0, time.UTC)
	if !conv.OpenRound(st, at) {
		t.Fatal("the round did not open")
	}
	for i, o := range orgs[:4] {
		if !conv.Receive(sessions.Contribution{ID: "k" + string(rune('a'+i)), Organisation: o, QuestionID: st.Question.ID, Part: st.Part.ID,
			Text: "Geheim " + strconv.Itoa(i+1) + ": zo zien wij het.", At: at.Add(time.Minute)}) {
			t.Fatalf("not received from %s", o)
		}
	}
	return conv, orgs
}

func TestDuringAWritingRoundTheProjectorSaysHowManySentAndNothingOfWhat(t *testing.T) {
	conv, _ := roundAt(t)
	for _, size := range [][2]int{{80, 24}, {120, 40}, {200, 50}} {
		v := New(newCommon(size[0], size[1]))
		v.SetSize(size[0], size[1])
		v.Show(conv, conv.StopByNumber("3.1b"))
		screen := oneLine(v.View())
		if !strings.Contains(screen, "4 van 6 organisaties hebben ingestuurd") {
			t.Errorf("%v: the progress is not shown:\n%s", size, screen)
		}
		if strings.Contains(screen, "Geheim") {
			t.Errorf("%v: a contribution shows before it is revealed:\n%s", size, screen)
		}
	}
	// On another stop the round is not shown.
	v := New(newCommon(120, 40))
	v.SetSize(120, 40)
	v.Show(conv, conv.StopByNumber("1.1"))
	if strings.Contains(oneLine(v.View()), "ingestuurd") {
		t.Error("the round shows at a stop it is not on")
	}
}

func TestRevealedTheContributionsStandSideBySideAcrossAWideWindowAndInBandsOnANarrowOne(t *testing.T) {
	conv, orgs := roundAt(t)
	v := New(newCommon(200, 50))
	v.SetSize(200, 50)
	v.Show(conv, conv.StopByNumber("3.1b"))
	before := v.View()
	conv.RevealRound()
	wide := v.View()
	if wide == before {
		t.Fatal("revealing the round does not change the cached view")
	}
	lines := strings.Split(ansi.Strip(wide), "\n")
	if len(lines) != 50 {
		t.Fatalf("%d lines, want 50", len(lines))
	}
	headings := -1
	for i, l := range lines {
		if strings.Contains(l, orgs[0]) && strings.Contains(l, orgs[3]) {
			headings = i
		}
		if w := ansi.StringWidth(l); w > 200 {
			t.Errorf("line %d is %d wide", i, w)
		}
	}
	if headings < 0 {
		t.Fatalf("the four organisations that sent are not side by side on one line:\n%s", ansi.Strip(wide))
	}
	screen := oneLine(wide)
	for i, o := range orgs[:4] {
		if !strings.Contains(screen, "Geheim "+strconv.Itoa(i+1)+": zo zien wij het.") {
			t.Errorf("%s's contribution is not shown:\n%s", o, screen)
		}
	}
	if strings.Contains(screen, orgs[4]) {
		t.Error("an organisation that sent nothing gets a column")
	}

	v.SetSize(80, 40)
	narrow := ansi.Strip(v.View())
	for i, l := range strings.Split(narrow, "\n") {
		if strings.Contains(l, orgs[0]) && strings.Contains(l, orgs[3]) {
			t.Errorf("at 80 columns four columns stand on line %d: %q", i, l)
		}
		if w := ansi.StringWidth(l); w > 80 {
			t.Errorf("line %d is %d wide at 80", i, w)
		}
	}
	if s := oneLine(narrow); !strings.Contains(s, orgs[3]) {
		t.Errorf("at 80x40 the fourth organisation is missing:\n%s", narrow)
	}
}
