package presenter

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/tui/common"
)

func newCommon(w, h int) *common.Common {
	set := content.Default()
	return &common.Common{Set: set, St: common.DefaultStyles(common.ThemeDark, true), Keys: common.DefaultKeyMap(), Width: w, Height: h, MD: common.NewMDCache(true), Dark: true,
		Now: func() time.Time { return time.Date(2026, 11, 22, 14, 0, 0, 0, time.UTC) }}
}

// conversationAt is a conversation of the built-in set at topic 3.1b, with
// a joint answer, a status and a perspective recorded there.
func conversationAt(t *testing.T, number, answer string) *sessions.Conversation {
	t.Helper()
	set := content.Default()
	conv := sessions.NewConversation(set, sessions.New(set.ID, set.Version))
	conv.Title = "Zorg in onderwijstijd Noord"
	if _, err := conv.AddParticipant(sessions.Participant{Name: "Anna", Organisation: "Basisschool De Linde"}); err != nil {
		t.Fatal(err)
	}
	i := conv.StopByNumber(number)
	if i < 0 {
		t.Fatalf("no stop %s", number)
	}
	st := conv.Stop(i)
	conv.SetCurrent(i)
	conv.SetText(st, answer)
	conv.SetStatus(st, sessions.StatusPartial)
	conv.SetPerspective(st, "Basisschool De Linde", "Wij willen de intern begeleider erbij.")
	return conv
}

// plainScreen is the view without styling, its lines joined by spaces
// so that a wrapped sentence can be found whole.
func oneLine(view string) string {
	return strings.Join(strings.Fields(ansi.Strip(view)), " ")
}

func TestTheViewShowsTheStopItsTextAndWhatWasRecordedAtEverySize(t *testing.T) {
	conv := conversationAt(t, "3.1b", "De jeugdarts beoordeelt samen met ouders.\nDaarna beslist het team.")
	for _, size := range [][2]int{{80, 24}, {120, 40}, {200, 50}} {
		w, h := size[0], size[1]
		v := New(newCommon(w, h))
		v.SetSize(w, h)
		v.Show(conv, conv.Resume())
		out := v.View()
		lines := strings.Split(out, "\n")
		if len(lines) != h {
			t.Errorf("%dx%d: %d lines, want %d", w, h, len(lines), h)
		}
		for i, l := range lines {
			if ansi.StringWidth(l) > w {
				t.Errorf("%dx%d: line %d is %d cells wide: %q", w, h, i, ansi.StringWidth(l), l)
			}
		}
		screen := oneLine(out)
		for _, want := range []string{
			"Zorg in onderwijstijd Noord",
			"3.1b",
			"Hoe komt de beoordeling van zorg en ondersteuning tot stand?",
			"Status: deels",
			"De jeugdarts beoordeelt samen met ouders.",
			"Daarna beslist het team.",
			"Vanuit Basisschool De Linde",
			"Wij willen de intern begeleider erbij.",
		} {
			if !strings.Contains(screen, want) {
				t.Errorf("%dx%d: the view does not show %q:\n%s", w, h, want, ansi.Strip(out))
			}
		}
		for _, never := range []string{"organiseren.afspraken", "organiseren", "#beoordeling", "gm:", "esc", "ctrl", "enter", "F1", "opslaan", "stoppen"} {
			if strings.Contains(screen, never) {
				t.Errorf("%dx%d: the view shows %q, which is not for the room:\n%s", w, h, never, ansi.Strip(out))
			}
		}
	}
}

func TestTheQuestionIsACentredBlockWithMarginsOnAWideWindow(t *testing.T) {
	conv := conversationAt(t, "3.1b", "Kort antwoord.")
	v := New(newCommon(200, 50))
	v.SetSize(200, 50)
	v.Show(conv, conv.Resume())
	lines := strings.Split(ansi.Strip(v.View()), "\n")
	var number int = -1
	for i, l := range lines {
		if strings.TrimSpace(l) == "3.1b" {
			number = i
			break
		}
	}
	if number < 0 {
		t.Fatalf("the number stands on a line of its own:\n%s", strings.Join(lines, "\n"))
	}
	left := len(lines[number]) - len(strings.TrimLeft(lines[number], " "))
	if left < 40 {
		t.Errorf("at 200 columns the block stands in the middle; it starts at column %d", left)
	}
	for i, l := range lines[number:] {
		if ansi.StringWidth(strings.TrimRight(l, " ")) > left+readable {
			t.Errorf("line %d is wider than a readable block: %q", number+i, l)
		}
	}
	if number < 5 {
		t.Errorf("the block has room above it on a tall window; the number is on line %d", number)
	}
}

func TestEscapeSequencesInAnAnswerNeverReachTheScreen(t *testing.T) {
	conv := conversationAt(t, "3.1b", "rood\x1b[31m alarm\x1b]0;titel\x07 en \x9b2J klaar\u202e")
	conv.Title = "Titel\x1b[2J met wissen"
	st := conv.Stop(conv.Resume())
	conv.SetPerspective(st, "Basisschool De Linde", "\x1b]52;c;Z2VoZWlt\x07klembord")
	v := New(newCommon(120, 40))
	v.SetSize(120, 40)
	v.Show(conv, conv.Resume())
	out := v.View()
	if strings.ContainsAny(out, "\x1b\x07\x9b\u202e") || strings.Contains(out, "\u009b") {
		t.Errorf("a control character from the report reached the screen: %q", out)
	}
	for _, want := range []string{"rood alarm en", "klaar", "klembord", "Titel met wissen"} {
		if !strings.Contains(oneLine(out), want) {
			t.Errorf("the text around the escape sequences stays: %q missing in\n%s", want, out)
		}
	}
}

func TestTheViewFollowsTheConversationAsItChanges(t *testing.T) {
	conv := conversationAt(t, "3.1b", "Eerste versie.")
	v := New(newCommon(120, 40))
	v.SetSize(120, 40)
	v.Show(conv, conv.Resume())
	if !strings.Contains(oneLine(v.View()), "Eerste versie.") {
		t.Fatal("the answer is shown")
	}
	conv.SetText(conv.Stop(conv.Resume()), "Tweede versie.")
	if s := oneLine(v.View()); !strings.Contains(s, "Tweede versie.") || strings.Contains(s, "Eerste versie.") {
		t.Errorf("a change in the conversation shows at the next View:\n%s", s)
	}
	v.Show(conv, conv.StopByNumber("1.1"))
	if s := oneLine(v.View()); !strings.Contains(s, "1.1") || !strings.Contains(s, "Staat de (boven)regionale organisatie") {
		t.Errorf("Show moves the view to another stop:\n%s", s)
	}
}

func TestAnAnswerTooLongForTheWindowKeepsTheQuestionAndSaysItGoesOn(t *testing.T) {
	long := strings.Repeat("Een regel van het antwoord die doorgaat.\n", 60) + "LAATSTE REGEL"
	conv := conversationAt(t, "3.1b", long)
	v := New(newCommon(80, 24))
	v.SetSize(80, 24)
	v.Show(conv, conv.Resume())
	out := ansi.Strip(v.View())
	if n := strings.Count(out, "\n") + 1; n != 24 {
		t.Errorf("%d lines, want 24", n)
	}
	if !strings.Contains(out, "3.1b") || !strings.Contains(oneLine(out), "Hoe komt de beoordeling") {
		t.Errorf("the question stays on screen:\n%s", out)
	}
	if !strings.Contains(out, "…") || strings.Contains(out, "LAATSTE REGEL") {
		t.Errorf("a cut answer ends in …:\n%s", out)
	}
}

func TestNoQuestionOpenShowsTheTitleCalmly(t *testing.T) {
	set := content.Default()
	conv := sessions.NewConversation(set, sessions.New(set.ID, set.Version))
	conv.Title = "Overleg Zuid"
	v := New(newCommon(80, 24))
	v.SetSize(80, 24)
	v.Show(conv, conv.Resume())
	out := oneLine(v.View())
	if !strings.Contains(out, "Overleg Zuid") || !strings.Contains(out, "Er is nu geen vraag open.") {
		t.Errorf("without a stop the view says so:\n%s", out)
	}
	if cmd := v.Init(); cmd != nil {
		t.Error("the view has no work of its own")
	}
	if len(v.ShortHelp()) != 0 || len(v.FullHelp()) != 0 {
		t.Error("the view shows no key help")
	}
}
