package tui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/sessions/store"
)

func testConfig(t *testing.T) Config {
	t.Helper()
	return Config{
		Set:   content.Default(),
		Dir:   filepath.Join(t.TempDir(), "sessies"),
		Theme: ThemeDark,
		Dark:  true,
		Now:   func() time.Time { return time.Date(2026, 11, 22, 14, 0, 0, 0, time.UTC) },
	}
}

func keyOf(t tea.KeyType) tea.KeyMsg { return tea.KeyMsg{Type: t} }

func alt(r rune) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: true} }

func runes(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }

// typeText types s key by key. (teatest's Type sends bytes, not runes,
// which garbles any non-ASCII letter.)
func typeText(tm *teatest.TestModel, s string) {
	for _, r := range s {
		tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
}

// waitScreen waits until the screen shows want, and every other text of
// the same frame also.
func waitScreen(t *testing.T, tm *teatest.TestModel, want string, also ...string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		out := ansi.Strip(string(b))
		for _, a := range also {
			if !strings.Contains(out, a) {
				return false
			}
		}
		return strings.Contains(out, want)
	}, teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
}

// startConversation drives the start and setup screens as a facilitator does.
func startConversation(t *testing.T, tm *teatest.TestModel) {
	t.Helper()
	waitScreen(t, tm, "Nieuw gesprek beginnen")
	tm.Send(keyOf(tea.KeyEnter))
	fillSetup(t, tm)
}

// fillSetup fills the setup of a new conversation and begins it.
func fillSetup(t *testing.T, tm *teatest.TestModel) {
	t.Helper()
	waitScreen(t, tm, "Gespreksleider")
	typeText(tm, "Oplossingenlab ZiO")
	tm.Send(keyOf(tea.KeyTab))
	typeText(tm, "Hart van Brabant")
	tm.Send(keyOf(tea.KeyTab))
	tm.Send(keyOf(tea.KeyTab)) // the date stays today
	typeText(tm, "Anna de Vries")
	tm.Send(keyOf(tea.KeyEnter)) // to the participants
	tm.Send(keyOf(tea.KeyEnter)) // add one
	waitScreen(t, tm, "Deelnemer toevoegen")
	typeText(tm, "Piet Jansen")
	tm.Send(keyOf(tea.KeyTab))
	typeText(tm, "Gemeente Tilburg")
	tm.Send(keyOf(tea.KeyTab))
	// The partner kind starts at "Andere partner"; five steps right is the fifth kind, gemeente.
	for range 5 {
		tm.Send(keyOf(tea.KeyRight))
	}
	tm.Send(keyOf(tea.KeyTab))
	typeText(tm, "wethouder")
	tm.Send(keyOf(tea.KeyTab))
	tm.Send(keyOf(tea.KeySpace)) // signs
	tm.Send(keyOf(tea.KeyEnter))
	waitScreen(t, tm, "Piet Jansen · Gemeente Tilburg")
	tm.Send(keyOf(tea.KeyDown)) // to the start button
	tm.Send(keyOf(tea.KeyEnter))
	waitScreen(t, tm, "Onderdelen")
}

func TestAFacilitatorAnswersEveryKindOfQuestionAndFindsItAllInTheReport(t *testing.T) {
	cfg := testConfig(t)
	app := New(cfg)
	tm := teatest.NewTestModel(t, app, teatest.WithInitialTermSize(120, 40))
	startConversation(t, tm)

	// 1.1, an open question: a two-line answer, a status, a perspective, an action item.
	tm.Send(keyOf(tea.KeyEnter))
	waitScreen(t, tm, "1.1 Staat de")
	typeText(tm, "Het staat op de agenda van het OOGO.")
	tm.Send(keyOf(tea.KeyEnter))
	typeText(tm, "# geen kop, gewoon een hekje")
	tm.Send(alt('1'))
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlO})
	waitScreen(t, tm, "Antwoord vanuit deze organisatie")
	typeText(tm, "De gemeente wil meer regie.")
	tm.Send(keyOf(tea.KeyEsc))
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlR})
	waitScreen(t, tm, "Nieuw actiepunt")
	typeText(tm, "Agenda OOGO in maart")
	tm.Send(keyOf(tea.KeyEnter))
	typeText(tm, "Piet")
	tm.Send(keyOf(tea.KeyEnter))
	typeText(tm, "2027-03-01")
	tm.Send(keyOf(tea.KeyEnter)) // enter on the last field saves the item

	// 1.2, the partner checklist: scholen work together, ouders not yet, another partner.
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlN})
	waitScreen(t, tm, "1.2 Met wie werken we samen")
	tm.Send(keyOf(tea.KeyRight))
	tm.Send(keyOf(tea.KeyDown))
	tm.Send(keyOf(tea.KeyRight))
	tm.Send(keyOf(tea.KeyRight))
	for range 5 {
		tm.Send(keyOf(tea.KeyDown))
	}
	tm.Send(keyOf(tea.KeyEnter))
	waitScreen(t, tm, "Andere partner bij")
	typeText(tm, "Revalidatiecentrum De Kei")
	tm.Send(keyOf(tea.KeyEnter))
	tm.Send(alt('2'))

	// 1.3a, a sub-point: its own text and status.
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlN})
	waitScreen(t, tm, "1.3a")
	typeText(tm, "Eén kind, één plan.")
	tm.Send(alt('2'))

	// 2.1, the counts, with a free text.
	tm.Send(keyOf(tea.KeyEsc))
	waitScreen(t, tm, "Onderdelen")
	tm.Send(runes("2"))
	waitScreen(t, tm, "2.1 Om hoeveel kinderen")
	tm.Send(runes("12")) // two digits in one message, as fast typing brings them
	tm.Send(keyOf(tea.KeyDown))
	typeText(tm, "3")
	tm.Send(keyOf(tea.KeyTab))
	typeText(tm, "Vooral vragen over verpleging.")

	// 5.2, the choice with its follow-up.
	tm.Send(keyOf(tea.KeyEsc))
	waitScreen(t, tm, "Onderdelen")
	tm.Send(runes("5"))
	waitScreen(t, tm, "5.1 (32/42)")
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlN})
	waitScreen(t, tm, "5.2 Zijn er op dit moment")
	tm.Send(keyOf(tea.KeyRight)) // an unanswered choice question starts on the choice: Ja
	waitScreen(t, tm, "Wat is de stand van zaken?")
	tm.Send(keyOf(tea.KeyTab))
	typeText(tm, "Pilot met twee scholen loopt.")
	tm.Send(alt('2'))

	// 3.1a, an agreement topic.
	tm.Send(keyOf(tea.KeyEsc))
	waitScreen(t, tm, "Onderdelen")
	tm.Send(runes("3"))
	waitScreen(t, tm, "3.1a")
	typeText(tm, "Gebruikelijke zorg: zoals thuis bij een kind van dezelfde leeftijd.")
	tm.Send(alt('1'))

	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlC})
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	if err := app.Close(); err != nil {
		t.Fatal(err)
	}
	if !app.Interrupted() {
		t.Error("ctrl+c should be reported as an interruption (exit status 130)")
	}

	path := app.ReportPath()
	if path == "" {
		t.Fatal("no report path")
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"# Oplossingenlab ZiO",
		"Hart van Brabant", "Anna de Vries", "Piet Jansen", "Gemeente Tilburg", "wethouder",
		"> Het staat op de agenda van het OOGO.  \n> \\# geen kop, gewoon een hekje",
		"> De gemeente wil meer regie.",
		"Revalidatiecentrum De Kei",
		"> Eén kind, één plan.",
		"> Vooral vragen over verpleging.",
		"> Pilot met twee scholen loopt.",
		"> Gebruikelijke zorg: zoals thuis bij een kind van dezelfde leeftijd.",
		"Agenda OOGO in maart",
	} {
		if !bytes.Contains(raw, []byte(want)) {
			t.Errorf("report lacks %q", want)
		}
	}

	s, err := store.Load(path, cfg.Set)
	if err != nil {
		t.Fatalf("report does not read back: %v", err)
	}
	if s.Title != "Oplossingenlab ZiO" || s.Region != "Hart van Brabant" || s.Date != "2026-11-22" || s.Facilitator != "Anna de Vries" {
		t.Errorf("metadata: %+v", s)
	}
	if len(s.Participants) != 1 || s.Participants[0].PartnerKind != "gemeente" || !s.Participants[0].Signs || s.Participants[0].Function != "wethouder" {
		t.Errorf("participants: %+v", s.Participants)
	}
	a := s.Answers["bestuur.agenda"]
	if a == nil || a.Status != sessions.StatusDone || a.Text != "Het staat op de agenda van het OOGO.\n# geen kop, gewoon een hekje" {
		t.Errorf("1.1: %+v", a)
	}
	if a == nil || len(a.Perspectives) != 1 || a.Perspectives[0].Organisation != "Gemeente Tilburg" || a.Perspectives[0].Text != "De gemeente wil meer regie." {
		t.Errorf("1.1 perspectives: %+v", a)
	}
	p := s.Answers["bestuur.partners"]
	if p == nil || p.Partners["scholen"] != sessions.PartnerTogether || p.Partners["oudervertegenwoordiging"] != sessions.PartnerNotYet || p.Status != sessions.StatusPartial {
		t.Errorf("1.2: %+v", p)
	}
	if p == nil || len(p.OtherPartners) != 1 || p.OtherPartners[0].Name != "Revalidatiecentrum De Kei" {
		t.Errorf("1.2 other partners: %+v", p)
	}
	u := s.Answers["bestuur.uitwerking"]
	if u == nil || u.Parts["visie"] == nil || u.Parts["visie"].Text != "Eén kind, één plan." || u.Parts["visie"].Status != sessions.StatusPartial {
		t.Errorf("1.3a: %+v", u)
	}
	k := s.Answers["kinderen.aantallen"]
	if k == nil || k.Counts["ondersteuning"] != 12 || k.Counts["tlv"] != 3 || len(k.Counts) != 2 || k.Text != "Vooral vragen over verpleging." {
		t.Errorf("2.1: %+v", k)
	}
	c := s.Answers["financiering.collectief"]
	if c == nil || c.Choice != "ja" || c.Text != "Pilot met twee scholen loopt." || c.Status != sessions.StatusPartial {
		t.Errorf("5.2: %+v", c)
	}
	o := s.Answers["organiseren.afspraken"]
	if o == nil || len(o.Parts) != 1 {
		t.Fatalf("3.1: %+v", o)
	}
	for _, part := range o.Parts {
		if part.Status != sessions.StatusDone || !strings.HasPrefix(part.Text, "Gebruikelijke zorg") {
			t.Errorf("3.1a: %+v", part)
		}
	}
	if len(s.Actions) != 1 || s.Actions[0] != (sessions.ActionItem{What: "Agenda OOGO in maart", Who: "Piet", When: "2027-03-01", QuestionID: "bestuur.agenda"}) {
		t.Errorf("actions: %+v", s.Actions)
	}
	// Current is the stop (question and topic) where it was left, as the core records it.
	if qid, _ := sessions.ParseStopRef(s.Current); qid != "organiseren.afspraken" {
		t.Errorf("the report should remember where the conversation was left, got %q", s.Current)
	}
}
