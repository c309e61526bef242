package tui

import (
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/sessions/convenant"
)

func TestTheDrafterTicksWhoSignsBeforeTheConvenantIsWritten(t *testing.T) {
	cfg := testConfig(t)
	s := sessions.New(cfg.Set.ID, cfg.Set.Version)
	s.Title, s.Date, s.Current = "Lab", "2026-11-22", "bestuur.agenda"
	s.Participants = []sessions.Participant{
		{Name: "Piet", Organisation: "Gemeente Noord", PartnerKind: "gemeente", Function: "wethouder", Signs: true},
		{Name: "Fatima", Organisation: "Ouderraad De Regenboog", PartnerKind: "oudervertegenwoordiging", Function: "voorzitter", Signs: true},
		{Name: "Els", Organisation: "Basisschool De Linde", PartnerKind: "scholen", Function: "directeur", Signs: true},
		{Name: "Sander", Organisation: "Zorgkantoor Midden-Brabant", PartnerKind: "zorgkantoor"},
	}
	a := s.Answer("organiseren.afspraken")
	a.Part("verschil-van-mening").Status = sessions.StatusDone
	a.Part("verschil-van-mening").Text = "De stuurgroep beslist."
	cfg.Open = writeReport(t, cfg, s)
	var calls atomic.Int32
	draftPath := filepath.Join(cfg.Dir, "concept.md")
	cfg.Convenant = func(path string, set *content.Set, s *sessions.Session, parties []string) (string, error) {
		calls.Add(1)
		md := convenant.DraftWith(set, content.DefaultConvenantMap(), s, convenant.Options{Parties: parties})
		return draftPath, os.WriteFile(draftPath, []byte(md), 0o600)
	}
	app := New(cfg)
	tm := teatest.NewTestModel(t, app, teatest.WithInitialTermSize(110, 30))
	waitScreen(t, tm, "1.1 Staat de")
	tm.Send(keyOf(tea.KeyEsc))
	waitScreen(t, tm, "Onderdelen")

	// esc goes back without writing.
	tm.Send(runes("c"))
	waitScreen(t, tm, "Welke organisaties tekenen", "[x] Gemeente Noord", "[ ] Ouderraad De Regenboog — vertegenwoordiging van ouders",
		"[x] Basisschool De Linde — school: tekent via het bevoegd gezag", "[x] Zorgkantoor Midden-Brabant")
	tm.Send(keyOf(tea.KeyEsc))
	waitScreen(t, tm, "Onderdelen")

	// Tick the parents' council, untick the zorgkantoor, write.
	tm.Send(runes("c"))
	waitScreen(t, tm, "Welke organisaties tekenen")
	tm.Send(keyOf(tea.KeyDown))
	tm.Send(keyOf(tea.KeySpace))
	waitScreen(t, tm, "[x] Ouderraad De Regenboog")
	tm.Send(keyOf(tea.KeyDown))
	tm.Send(keyOf(tea.KeyDown))
	tm.Send(keyOf(tea.KeySpace))
	waitScreen(t, tm, "[ ] Zorgkantoor Midden-Brabant")
	tm.Send(keyOf(tea.KeyEnter))
	waitScreen(t, tm, "Concept-convenant geschreven")
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlC})
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	app.Close()

	if n := calls.Load(); n != 1 {
		t.Errorf("the draft was written %d times, want once (esc writes nothing)", n)
	}
	data, err := os.ReadFile(draftPath)
	if err != nil {
		t.Fatal(err)
	}
	draft := string(data)
	for _, want := range []string{
		"1. **Gemeente Noord**, gevestigd te [IN TE VULLEN: plaats en adres], te dezen vertegenwoordigd door Piet, wethouder;",
		"2. **Ouderraad De Regenboog**, gevestigd te [IN TE VULLEN: plaats en adres], te dezen vertegenwoordigd door Fatima, voorzitter; en",
		"3. **[IN TE VULLEN: bevoegd gezag van Basisschool De Linde]**, gevestigd te [IN TE VULLEN: plaats en adres], handelend voor Basisschool De Linde, te dezen vertegenwoordigd door Els, directeur,",
		"Betrokken bij dit convenant, zonder partij te zijn: Zorgkantoor Midden-Brabant.",
		"### Voor Gemeente Noord\n", "### Voor Ouderraad De Regenboog\n", "### Voor [IN TE VULLEN: bevoegd gezag van Basisschool De Linde]\n",
	} {
		if !strings.Contains(draft, want) {
			t.Errorf("the draft on disk lacks %q:\n%s", want, draft)
		}
	}
	if strings.Contains(draft, "### Voor Zorgkantoor") {
		t.Errorf("an unticked organisation signs:\n%s", draft)
	}
}
