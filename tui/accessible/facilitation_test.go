package accessible

import (
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"gespreksmap/sessions"
	"gespreksmap/sessions/report"
	"gespreksmap/sessions/store"
)

// clockTypist types lines, each after the minutes it takes: the clock moves
// when the line is asked for, so every prompt answered sees its time.
type clockTypist struct {
	mu    sync.Mutex
	now   time.Time
	lines []timedLine
	next  int
}

type timedLine struct {
	line    string
	minutes int // the time that passes before the line is typed
}

func (c *clockTypist) Read(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.next >= len(c.lines) {
		return 0, nil // never reached: the script ends with q
	}
	l := c.lines[c.next]
	c.next++
	c.now = c.now.Add(time.Duration(l.minutes) * time.Minute)
	return copy(p, l.line+"\n"), nil
}

func (c *clockTypist) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// newConversation are the lines that start a conversation with one
// participant of Gemeente Tilburg and one of SWV De Meierij.
var newConversation = []string{
	"1", "Oplossingenlab", "", "", "", // nieuw gesprek, titel, regio, datum, gespreksleider
	"Piet", "Gemeente Tilburg", "5", "", "",
	"Anna", "SWV De Meierij", "4", "", "",
	"", // geen deelnemers meer
}

func TestTheAgendaPlansMinutesAndTheClockRunsOnlyWhileASectionIsAnswered(t *testing.T) {
	dir := t.TempDir()
	clock := &clockTypist{now: now}
	for _, l := range newConversation {
		clock.lines = append(clock.lines, timedLine{l, 0})
	}
	clock.lines = append(clock.lines, []timedLine{
		{"m", 0}, {"veel", 0}, {"10", 0}, {"", 0}, {"15", 0}, {"", 0}, {"", 0}, {"", 0}, // plan 1 and 3
		{"1", 3}, // three minutes in the menu do not count
		// 1.1: typing takes four minutes, the status seven more: time is up
		{"Op de agenda.", 4}, {"", 0}, {"1", 7},
		{"", 1}, {"", 0}, // no perspective, no action item
		{"1", 0}, {"", 0}, {"", 0}, {"", 0}, {"", 0}, {"", 0}, // 1.2: partners
		{"t", 0}, // back at the sections, at 1.2's text
		{"q", 5}, // five minutes in the menu do not count
	}...)
	cfg := config(dir)
	cfg.Now = clock.Now
	var out strings.Builder
	path, err := Run(cfg, clock, &out)
	if err != nil {
		t.Fatalf("Run: %v\n%s", err, out.String())
	}
	text := out.String()
	for _, want := range []string{
		"m agenda: minuten per onderdeel plannen",
		"Typ een aantal minuten van 0 tot en met 1440, of Enter.",
		"Samen gepland: 25 minuten.",
		"m agenda: minuten per onderdeel plannen (samen 25 gepland)",
		"1 Bestuurlijke samenwerking (0 van 11 ingevuld; gepland 10 minuten, besteed 0)",
		"3 Aan de slag met het organiseren van zorg in onderwijstijd (0 van 14 ingevuld; gepland 15 minuten, besteed 0)",
		"Gepland: 10 minuten, nog 10 over.",
		"1 Bestuurlijke samenwerking (2 van 11 ingevuld; gepland 10 minuten, besteed 12)",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the transcript lacks %q", want)
		}
	}
	if t.Failed() {
		t.Log(text)
	}
	if n := strings.Count(text, timeUpLine); n != 1 {
		t.Errorf("time up was said %d times, want once", n)
	}
	// Said before the first prompt after the time ran out: the perspective.
	if i := strings.Index(text, timeUpLine); i < 0 || !strings.HasPrefix(text[i+len(timeUpLine)+1:], "Perspectief toevoegen?") {
		t.Errorf("time up is not said before the next prompt:\n%s", text[max(0, i-200):min(len(text), i+200)])
	}
	s := load(t, cfg, path)
	if got := s.Agenda["bestuur"]; got.Planned != 10 || sessions.SpentMinutes(got.Spent) != 12 {
		t.Errorf("section 1 in the report: %+v, want 10 planned and 12 minutes spent", got)
	}
	if got := s.Agenda["organiseren"]; got.Planned != 15 || got.Spent != 0 {
		t.Errorf("section 3 in the report: %+v, want 15 planned and none spent", got)
	}
	data := readFile(t, path)
	if !strings.Contains(data, "## Agenda en tijd") || !strings.Contains(data, "| 10 | 12 |") {
		t.Errorf("the report's agenda lacks section 1's row:\n%s", between(data, "## Agenda en tijd", "\n\n"))
	}
}

func TestParkingARemarkAtAPromptKeepsThePlaceAndTheParkingLotSettlesChangesAndRemovesIt(t *testing.T) {
	dir := t.TempDir()
	cfg := config(dir)
	path, out := run(t, cfg, script(append(newConversation,
		"1.3", "", "", "", "", // 1.3a passes
		"p", "Vervoer | bespreken met de gemeente", // parked at 1.3b's text prompt
		"Visie volgt.", "", // the answer goes on
		"p", "t", // at the status: a remark that reads like a command
		"2", // status deels
		"t", // at the perspective: back to the sections
		"o",
		"1",      // the first: afgehandeld
		"w2", "", // Enter keeps
		"w2", "Tijdpad maken",
		"x1", "", // Enter: not removed
		"n", "Algemene vraag over geld", // a general one
		"x1", "1", // removed
		"3", // not on the list
		"",
		"q",
	)...))
	for _, want := range []string{
		"p parkeert een opmerking",
		"Wat wil je parkeren? Eén regel (Enter = niets):",
		"Geparkeerd bij 1.3b als opmerking 1. o bij de onderdelen toont de parkeerplaats.",
		"o parkeerplaats (2 open)",
		"1 Vervoer | bespreken met de gemeente; bij 1.3b; open",
		"2 t; bij 1.3b; open",
		"Opmerking 1 is afgehandeld.",
		"Opmerking 2 is gewijzigd.",
		"Opmerking 1 verwijderen: Vervoer | bespreken met de gemeente? 1 ja, 2 nee (Enter = nee):",
		"Niets verwijderd.",
		"Geparkeerd algemeen als opmerking 3.",
		"Opmerking 1 is verwijderd.",
		"Kies een nummer van 1 tot en met 2.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the transcript lacks %q", want)
		}
	}
	s := load(t, cfg, path)
	c := sessions.NewConversation(cfg.Set, s)
	if len(s.Parked) != 2 {
		t.Fatalf("parked: %+v, want two remarks", s.Parked)
	}
	if p := s.Parked[0]; p.Text != "Tijdpad maken" || c.ParkedPlace(p) != "bij 1.3b" || p.Resolved || !p.At.Equal(now) {
		t.Errorf("the remark at 1.3b: %+v", p)
	}
	if p := s.Parked[1]; p.Text != "Algemene vraag over geld" || c.ParkedPlace(p) != "algemeen" || p.Resolved {
		t.Errorf("the general remark: %+v", p)
	}
	// The answer typed around the first remark stands, the status too.
	if st, text := s.Answer("bestuur.uitwerking").At("vastgelegd"); text != "Visie volgt." || st != sessions.StatusPartial {
		t.Errorf("1.3b after parking: %q, %q", st, text)
	}
	data := readFile(t, path)
	if !strings.Contains(data, "## Parkeerplaats") || !strings.Contains(data, "| Tijdpad maken |") {
		t.Errorf("the report lacks the parking lot:\n%s", data)
	}
}

func TestLastYearsOpenRemarksAreShownAtTheirQuestionAndCanBeSettled(t *testing.T) {
	dir := t.TempDir()
	cfg := config(dir)
	cfg.Baseline = lastYear(t, cfg.Set, dir)
	prior := load(t, cfg, cfg.Baseline)
	prior.Parked = []sessions.ParkedRemark{
		{Text: "Leerlingenvervoer", QuestionID: "bestuur.agenda", At: now.AddDate(-1, 0, 0)},
		{Text: "Al besproken", Resolved: true},
	}
	if err := store.WriteFile(cfg.Baseline, report.Render(cfg.Set, prior)); err != nil {
		t.Fatal(err)
	}
	path, out := run(t, cfg, script(
		"Reflectie 2026", "", "", "", "", "", // details and participants kept
		"", "", "", // last year's action items: later
		"1.1", "t",
		"o", "1", "",
		"q",
	))
	for _, want := range []string{
		"o parkeerplaats (1 open)",
		"Geparkeerd bij deze vraag: Leerlingenvervoer (van vorig jaar)",
		"1 Leerlingenvervoer (van vorig jaar); bij 1.1; open",
		"Opmerking 1 is afgehandeld.",
		"o parkeerplaats (0 open)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the transcript lacks %q", want)
		}
	}
	s := load(t, cfg, path)
	if len(s.Parked) != 1 || !s.Parked[0].Carried || !s.Parked[0].Resolved {
		t.Errorf("parked this year: %+v, want last year's open remark, settled", s.Parked)
	}
}

func TestTheClosingRoundAsksEveryOrganisationAndTheFirstStepBecomesOneActionItem(t *testing.T) {
	dir := t.TempDir()
	cfg := config(dir)
	path, out := run(t, cfg, script(append(newConversation,
		"s",
		"Veel: wij zien de knelpunten.", "Wethouder bellen, met het SWV", "",
		"", "", "Wie betaalt het vervoer?",
		"s", // again: Enter keeps, a new first step changes the item
		"", "Wethouder mailen", "",
		"", "", "",
		"a", "",
		"q",
	)...))
	for _, want := range []string{
		"s slotronde (0 van 2 organisaties)",
		"Organisatie 1 van 2: Gemeente Tilburg",
		sessions.ClosingUseQuestion + "\n",
		"De eerste stap is nu een actiepunt, met Gemeente Tilburg als wie: Wethouder bellen, met het SWV.",
		"Organisatie 2 van 2: SWV De Meierij",
		"s slotronde (2 van 2 organisaties)",
		sessions.ClosingUseQuestion + " (Enter = Veel: wij zien de knelpunten., - = leeg)",
		"De eerste stap is nu een actiepunt, met Gemeente Tilburg als wie: Wethouder mailen.",
		"1 Wethouder mailen; wie: Gemeente Tilburg; uit de slotronde; open",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the transcript lacks %q", want)
		}
	}
	s := load(t, cfg, path)
	if len(s.Actions) != 1 || s.Actions[0].What != "Wethouder mailen" || s.Actions[0].Who != "Gemeente Tilburg" || s.Actions[0].QuestionID != sessions.ClosingRef {
		t.Errorf("action items: %+v, want one first step of Gemeente Tilburg", s.Actions)
	}
	want := []sessions.ClosingRound{
		{Organisation: "Gemeente Tilburg", ClosingAnswers: sessions.ClosingAnswers{Use: "Veel: wij zien de knelpunten.", FirstStep: "Wethouder mailen"}},
		{Organisation: "SWV De Meierij", ClosingAnswers: sessions.ClosingAnswers{Questions: "Wie betaalt het vervoer?"}},
	}
	if len(s.Closing) != 2 || s.Closing[0] != want[0] || s.Closing[1] != want[1] {
		t.Errorf("closing round: %+v, want %+v", s.Closing, want)
	}
	data := readFile(t, path)
	if !strings.Contains(data, "## Slotronde") || !strings.Contains(data, "| SWV De Meierij |  |  | Wie betaalt het vervoer? |") {
		t.Errorf("the report lacks the closing round:\n%s", between(data, "## Slotronde", "\n\n"))
	}
}

func TestTheClosingRoundWithoutOrganisationsSaysWhereToAddThem(t *testing.T) {
	dir := t.TempDir()
	_, out := run(t, config(dir), script("1", "Zonder deelnemers", "", "", "", "", "s", "q"))
	if !strings.Contains(out, "Er zijn nog geen organisaties. Vul ze in bij de deelnemers, met d bij de onderdelen.") {
		t.Error("the closing round without organisations does not say where to add them")
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
