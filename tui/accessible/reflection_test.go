package accessible

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/sessions/report"
	"gespreksmap/sessions/store"
)

// lastYear writes a report as it stood a year ago: an answer over two
// lines, counts, three open action items and one done.
func lastYear(t *testing.T, set *content.Set, dir string) string {
	t.Helper()
	s := sessions.New(set.ID, set.Version)
	s.Title, s.Region, s.Date, s.Facilitator = "Oplossingenlab 2025", "Hart van Brabant", "2025-11-20", "Anna"
	s.Participants = []sessions.Participant{{Name: "Piet", Organisation: "Gemeente Tilburg", PartnerKind: "gemeente", Signs: true, Function: "wethouder"}}
	a := s.Answer("bestuur.agenda")
	a.Status, a.Text = sessions.StatusNotYet, "Nog niet op de agenda.\nWel besproken in het OOGO."
	s.Answer("kinderen.aantallen").Counts = map[string]int{"ondersteuning": 10}
	s.Actions = []sessions.ActionItem{
		{What: "Visie opschrijven", Who: "SWV", When: "2026-03-01", QuestionID: "bestuur.uitwerking"},
		{What: "Vervoer evalueren", Who: "Gemeente", When: "2026-06-01", QuestionID: "financiering.vervoer"},
		{What: "Ouderavond", Who: "School", When: "2026-02-01", QuestionID: "ouders.overleg"},
		{What: "Al gedaan vorig jaar", Done: true},
	}
	path, err := store.Create(dir, s.Date, s.Title)
	if err != nil {
		t.Fatal(err)
	}
	if err := store.WriteFile(path, report.Render(set, s)); err != nil {
		t.Fatal(err)
	}
	return path
}

func outcomes(s *sessions.Session) []sessions.Outcome {
	var out []sessions.Outcome
	for _, pa := range s.PriorActions {
		out = append(out, pa.Outcome)
	}
	return out
}

func TestAYearlyReflectionChosenAtTheStartSettlesLastYearsActionsTakesOverAnAnswerAndSaysWhatChanged(t *testing.T) {
	dir := t.TempDir()
	cfg := config(dir)
	priorPath := lastYear(t, cfg.Set, dir)
	priorBytes, err := os.ReadFile(priorPath)
	if err != nil {
		t.Fatal(err)
	}

	path, out := run(t, cfg, script(
		"3", // jaarlijkse reflectie
		"1", // last year's report, the only one in the folder
		"Reflectie 2026",
		"",           // partnership: keep Hart van Brabant
		"",           // date: today
		"",           // facilitator: keep Anna
		"",           // Piet stays
		"",           // no one new
		"1",          // Visie opschrijven: gedaan
		"2",          // Vervoer evalueren: doorgeschoven
		"2027-06-01", //   to this date
		"",           //   who now: as last year
		"3",          // Ouderavond: vervallen
		"1",          // onderdeel 1
		"Eerst dit.", // 1.1, typed before looking back
		"",
		"",    // status stays
		"",    // geen perspectief
		"",    // geen actiepunt
		"t",   // at 1.2
		"1.1", // back to 1.1
		"v",   // take over last year's answer, after what is there
		"Nu wel: sinds mei staat het erop.",
		"",
		"1", // geregeld
		"",  // geen perspectief
		"",  // geen actiepunt
		"t", // at 1.2
		"q",
	))
	if path == priorPath {
		t.Fatal("the reflection wrote into last year's report")
	}
	if after, _ := os.ReadFile(priorPath); !bytes.Equal(after, priorBytes) {
		t.Error("last year's report changed")
	}

	// Last year's answer stands, every line of it, before the prompts.
	for _, said := range []string{
		"Jaarlijkse reflectie: kies het verslag van vorig jaar",
		"Samenwerkingsverband of regio (Enter = Hart van Brabant, - = leeg):",
		"Piet, Gemeente Tilburg, Gemeente(n), tekent als wethouder (Enter = houden, - = eraf):",
		"Actiepunt 2 van 3: Vervoer evalueren; wie: Gemeente; wanneer: 2026-06-01; bij 5.5\n" + settlePrompt + "\nNieuwe datum",
		"Vorig jaar (2025-11-20): nog niet.\n  Nog niet op de agenda.\n  Wel besproken in het OOGO.\nAntwoord (samen):\n",
		"v = antwoord van vorig jaar overnemen.",
		"Antwoord van vorig jaar overgenomen: pas het aan waar nodig.\nNu:\n  Eerst dit.\n  \n  Nog niet op de agenda.\n",
		"Vorig jaar (2025-11-20): niet besproken.\nPer partner:",
		"p actiepunten van vorig jaar (0 van 3 nog niet besloten)",
	} {
		if !strings.Contains(out, said) {
			t.Errorf("the output never says %q", said)
		}
	}

	s, err := store.Load(path, cfg.Set)
	if err != nil {
		t.Fatalf("the report does not read back: %v", err)
	}
	if s.Title != "Reflectie 2026" || s.Region != "Hart van Brabant" || s.Facilitator != "Anna" || s.Date != "2026-11-22" {
		t.Errorf("metadata: %q %q %q %q", s.Title, s.Region, s.Facilitator, s.Date)
	}
	if len(s.Participants) != 1 || s.Participants[0].Name != "Piet" || !s.Participants[0].Signs {
		t.Errorf("participants taken over: %+v", s.Participants)
	}
	if s.Prior == nil || s.Prior.Date != "2025-11-20" || s.Baseline != filepath.Base(priorPath) {
		t.Fatalf("the report should name last year's beside it as its baseline (got %q)", s.Baseline)
	}
	want := []sessions.Outcome{sessions.OutcomeDone, sessions.OutcomeCarried, sessions.OutcomeDropped}
	if got := outcomes(s); !reflect.DeepEqual(got, want) {
		t.Errorf("outcomes = %q, want %q", got, want)
	}
	carried := []sessions.ActionItem{{What: "Vervoer evalueren", Who: "Gemeente", When: "2027-06-01", QuestionID: "financiering.vervoer", Carried: true}}
	if !reflect.DeepEqual(s.Actions, carried) {
		t.Errorf("this year's actions = %+v, want the carried item with its new date", s.Actions)
	}
	if a := s.Answers["bestuur.agenda"]; a == nil || a.Status != sessions.StatusDone ||
		a.Text != "Eerst dit.\n\nNog niet op de agenda.\nWel besproken in het OOGO.\nNu wel: sinds mei staat het erop." {
		t.Errorf("1.1 = %+v", a)
	}

	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{
		"## Wat is er veranderd sinds 20 november 2025",
		"| 1.1 |",
		"nog niet → geregeld",
		"| Vervoer evalueren | Gemeente | 2026-06-01 | 5.5 | doorgeschoven naar 2027-06-01 |",
		"- **Vergelijkt met:** " + filepath.Base(priorPath),
	} {
		if !strings.Contains(string(data), text) {
			t.Errorf("the report lacks %q", text)
		}
	}

	// The full-screen interface, given the same answers, builds the session
	// this way (setup, the action items of last year, ctrl+y at 1.1).
	prior, err := store.Load(priorPath, cfg.Set)
	if err != nil {
		t.Fatal(err)
	}
	same := sessions.New(cfg.Set.ID, cfg.Set.Version)
	same.Title, same.Region, same.Date, same.Facilitator = "Reflectie 2026", prior.Region, "2026-11-22", prior.Facilitator
	same.Participants = append(same.Participants, prior.Participants...)
	sessions.StartReflection(same, prior, sessions.RelativePath(path, priorPath))
	same.Settle(0, sessions.OutcomeDone, "")
	same.Settle(1, sessions.OutcomeCarried, "2027-06-01")
	same.Settle(2, sessions.OutcomeDropped, "")
	a := same.Answer("bestuur.agenda")
	a.Text = "Eerst dit."
	text, _ := same.TakeOverPrior("bestuur.agenda", "")
	a.Text = sessions.AppendText(a.Text, text) + "\nNu wel: sinds mei staat het erop."
	a.Status = sessions.StatusDone
	same.Current = "bestuur.partners"
	x, y := withoutUpdated(string(data)), withoutUpdated(string(report.Render(cfg.Set, same)))
	if x != y {
		t.Errorf("the report differs from the one the same answers give elsewhere:\n%s", firstDifference(x, y))
	}
}

func TestABaselineGoesStraightToTheReflectionAndItemsLeftForLaterComeBackWhenTheReportIsOpenedAgain(t *testing.T) {
	dir := t.TempDir()
	cfg := config(dir)
	cfg.Baseline = lastYear(t, cfg.Set, dir)

	path, out := run(t, cfg, script(
		"Reflectie 2026", // no start menu: the title first
		"-",              // no partnership this year
		"",
		"Bram", // another facilitator
		"x",    // neither Enter nor -: asked again
		"-",    // Piet leaves
		"",     // no one new
		"",     // Visie opschrijven: later
		"1",    // Vervoer evalueren: gedaan
		"",     // Ouderavond: later
		"q",
	))
	if strings.Contains(out, "1 nieuw gesprek") {
		t.Error("--baseline should skip the start menu")
	}
	if !strings.Contains(out, "Typ Enter om te houden of - om van de lijst te halen.") {
		t.Error("an unclear answer about a participant is not asked again")
	}
	if !strings.Contains(out, "Nog 2 niet besloten; p bij de onderdelen brengt ze terug.") {
		t.Error("the items left for later are not counted")
	}
	s, err := store.Load(path, cfg.Set)
	if err != nil {
		t.Fatal(err)
	}
	if s.Region != "" || s.Facilitator != "Bram" || len(s.Participants) != 0 {
		t.Errorf("changed at the prompts: region %q, facilitator %q, participants %+v", s.Region, s.Facilitator, s.Participants)
	}
	if got, want := outcomes(s), []sessions.Outcome{"", sessions.OutcomeDone, ""}; !reflect.DeepEqual(got, want) {
		t.Errorf("outcomes = %q, want %q", got, want)
	}

	// Opened again, the open items are asked first; p goes through all.
	cfg.Baseline, cfg.Open = "", path
	_, out = run(t, cfg, script(
		"3",                 // Visie opschrijven: vervallen
		"2",                 // Ouderavond: doorgeschoven
		"voor de zomer",     //   new date
		"",                  //   who now: as last year
		"p",                 // all of last year's items again
		"",                  // Visie opschrijven: stays vervallen
		"-",                 // Vervoer evalueren: not decided after all
		"2", "december", "", // Ouderavond: another date, the same owner
		"q",
	))
	for _, said := range []string{
		"Vergeleken met Oplossingenlab 2025 (2025-11-20).",
		"Actiepunt 1 van 3: Visie opschrijven",
		"Nu: vervallen.\n" + settleAgainPrompt,
	} {
		if !strings.Contains(out, said) {
			t.Errorf("the output never says %q", said)
		}
	}
	if i := strings.Index(out, "Actiepunt 2 van 3"); i < 0 || i < strings.Index(out, "Onderdelen,") {
		t.Error("an item settled last time is asked again before the sections")
	}
	s, err = store.Load(path, cfg.Set)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := outcomes(s), []sessions.Outcome{sessions.OutcomeDropped, "", sessions.OutcomeCarried}; !reflect.DeepEqual(got, want) {
		t.Errorf("outcomes = %q, want %q", got, want)
	}
	if len(s.Actions) != 1 || s.Actions[0].What != "Ouderavond" || s.Actions[0].When != "december" || !s.Actions[0].Carried {
		t.Errorf("a carried item carried again is in this year's list once, with the last date: %+v", s.Actions)
	}
}

func TestReadOnlyPrintsEveryAnswerWithItsNumberAndStatusAndLeavesTheReportAsItWas(t *testing.T) {
	dir := t.TempDir()
	cfg := config(dir)
	path, _ := run(t, cfg, conversation)
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	listing := func() []string {
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		return names
	}
	files := listing()
	// Someone else has it open meanwhile: reading needs no lock.
	held, _, err := store.Open(path, cfg.Set)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()

	cfg.Open, cfg.ReadOnly = path, true
	// Whatever is typed, nothing is asked and nothing is written.
	got, out := run(t, cfg, script("1", "Dit komt nergens terecht.", "", "q"))
	if got != path {
		t.Errorf("path = %q, want %q", got, path)
	}
	for _, said := range []string{
		"Alleen lezen. Verslag: " + path,
		"Oplossingenlab ZiO najaar 2026 (2026-11-20)",
		"Deelnemers: Anna de Vries (SWV De Meierij), Piet Jansen (Gemeente Tilburg).",
		"1 Bestuurlijke samenwerking: geregeld 1, deels 2, nog niet 1, n.v.t. 0, niet besproken 7",
		"\nVraag 1.1, geregeld: Staat de (boven)regionale organisatie",
		"\n  Het staat op de agenda van het OOGO.\n  \n  Tweede alinea: # geen kop, <!-- geen commentaar -->.\n  Vanuit Gemeente Tilburg:\n    De gemeente wil meer tempo.\n",
		"\nVraag 1.2, deels: Met wie werken we samen",
		"\n  Werken samen: Scholen (directie/zorgcoördinatie), Oudervertegenwoordiging binnen de school, Samenwerkingsverbanden passend onderwijs, Gemeente(n), Revalidatiecentrum De Kei\n",
		"\n  Nog niet: Zorgaanbieders",
		"\n  N.v.t.: Zorgkantoren\n  Met De Kei praten we sinds dit jaar.\n",
		"\nVraag 1.3: Hoe is de samenwerking",
		"\nPunt 1.3a, deels: ",
		"\n  Visie staat op papier.\nPunt 1.3b, nog niet: ",
		"\n  Nog niet vastgelegd.\nNiet besproken: 1.3c, 1.3d,",
		"\nVraag 2.1, nog niet: ",
		"\n  Totaal: 16\n  Vooral vragen over verpleging.\n",
		"\nVraag 5.2, deels: ",
		"\n  Keuze: Ja\n  Er loopt een pilot in Tilburg.\n  Vanuit SWV De Meierij:\n    Wij betalen mee.\n",
		"\n1 Convenant opstellen; wie: Gemeente Tilburg; wanneer: 2027-01-15; bij 1.1; open\n",
		"Einde van het verslag. Er is niets gewijzigd.",
	} {
		if !strings.Contains(out, said) {
			t.Errorf("the output never says %q", said)
		}
	}
	if strings.Contains(out, "Kies") || strings.Contains(out, "Antwoord (samen)") {
		t.Errorf("a read-only run asked something:\n%s", out)
	}

	// Without a report named, one is picked from the folder.
	cfg.Open = ""
	_, out = run(t, cfg, script("1"))
	if !strings.Contains(out, "Kies een verslag om te lezen (Enter = stoppen):") || !strings.Contains(out, "\n  Visie staat op papier.\n") {
		t.Errorf("picking a report to read:\n%s", out)
	}

	after, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Error("reading the report changed it")
	}
	if err := held.Close(); err != nil {
		t.Fatal(err)
	}
	if now := listing(); !reflect.DeepEqual(now, files) {
		t.Errorf("reading left files behind: %q, before %q", now, files)
	}
}

func TestReadOnlyShowsAnswersAtQuestionsTheSetDoesNotKnow(t *testing.T) {
	dir := t.TempDir()
	cfg := config(dir)
	path, _ := run(t, cfg, conversation)
	doc, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// Someone edits the id of 1.1 by hand, and of sub-point 1.3 a: the report
	// keeps both answers apart; reading it must show them.
	edited := strings.Replace(string(doc), "<!-- gm:question bestuur.agenda -->", "<!-- gm:question bestuur.agendaa -->", 1)
	edited = strings.Replace(edited, "<!-- gm:part visie -->", "<!-- gm:part visioen -->", 1)
	if edited == string(doc) || strings.Count(edited, "agendaa") != 1 || strings.Count(edited, "visioen") != 1 {
		t.Fatal("the markers to edit are not in the report")
	}
	if err := os.WriteFile(path, []byte(edited), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg.Open, cfg.ReadOnly = path, true
	_, out := run(t, cfg, script("q"))
	for _, said := range []string{
		"\nAntwoorden bij vragen of punten die niet in deze vragenset staan:\n",
		"\nVraag bestuur.agendaa, geregeld: Staat de (boven)regionale organisatie",
		"\n  Het staat op de agenda van het OOGO.\n",
		"\n  Vanuit Gemeente Tilburg:\n    De gemeente wil meer tempo.\n",
		"\nBij vraag bestuur.uitwerking, punt visioen, deels:\n  Visie staat op papier.\n",
	} {
		if !strings.Contains(out, said) {
			t.Errorf("the output never says %q:\n%s", said, out)
		}
	}
}

// People change jobs: a carried-over item asks who owns it now.
func TestACarriedOverItemAsksWhoOwnsItNow(t *testing.T) {
	dir := t.TempDir()
	cfg := config(dir)
	lastYear(t, cfg.Set, dir)
	path, out := run(t, cfg, script(
		"3", "1", "Reflectie 2026", "", "", "", "", "",
		"1",          // Visie opschrijven: gedaan
		"2",          // Vervoer evalueren: doorgeschoven
		"2027-06-01", //   to this date
		"Piet",       //   who now
		"3",          // Ouderavond: vervallen
		"q",
	))
	if !strings.Contains(out, "Wie nu (aan tafel: ") {
		t.Errorf("the new owner is not asked:\n%s", out)
	}
	s, err := store.Load(path, cfg.Set)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Actions) != 1 || s.Actions[0].Who != "Piet" || s.Actions[0].When != "2027-06-01" || !s.Actions[0].Carried {
		t.Errorf("this year's actions = %+v, want the carried item owned by Piet", s.Actions)
	}
}
