package report

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gespreksmap/content"
	"gespreksmap/sessions"
)

// onDisk writes the conversation's report to a file and reads the file
// back: what the tests check is what a person finds on disk.
func onDisk(t *testing.T, c *sessions.Conversation) (string, *sessions.Session) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "verslag.md")
	if err := os.WriteFile(path, Render(c.Set, c.Session), 0o600); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	back := mustParse(t, data, c.Set)
	back.Prior = c.Prior // last year's report is loaded beside it, not read from it
	if again := Render(c.Set, back); !bytes.Equal(again, data) {
		t.Errorf("the report on disk does not read back exactly:\n%s", firstDifference(data, again))
	}
	return string(data), back
}

func newConversation(t *testing.T) *sessions.Conversation {
	t.Helper()
	s := sessions.New("test-set", "3")
	s.Title, s.Date = "Lab", "2026-11-22"
	return sessions.NewConversation(testSet(), s)
}

// overviewOf is the derived "Stand van zaken" block.
func overviewOf(doc string) string {
	i, j := strings.Index(doc, headOverview), strings.Index(doc, headParticipants)
	return doc[i:j]
}

func TestTheAgendaRecordsPlannedAndSpentMinutesPerSection(t *testing.T) {
	c := newConversation(t)
	before := Render(c.Set, c.Session)
	t0 := time.Date(2026, 11, 22, 14, 0, 0, 0, time.Local)
	if !c.SetPlanned(0, 20) || !c.SetPlanned(1, 15) || c.SetPlanned(1, 15) || c.SetPlanned(0, -1) || c.SetPlanned(5, 10) {
		t.Fatal("planning minutes: a change was not reported, or a refused one was")
	}
	if _, planned := c.TimeLeft(0, t0); !planned {
		t.Error("section 1 has a plan, TimeLeft says it has none")
	}
	c.EnterSection(0, t0)
	rev := c.Revision()
	if c.Tick(t0.Add(20 * time.Second)) {
		t.Error("20 seconds changed the report, which writes whole minutes")
	}
	if c.Revision() != rev {
		t.Error("a tick within the same minute moved the revision: it would save every second")
	}
	if !c.Tick(t0.Add(5 * time.Minute)) {
		t.Error("five minutes did not change the report")
	}
	if left, _ := c.TimeLeft(0, t0.Add(8*time.Minute)); left != 12*time.Minute {
		t.Errorf("time left in section 1 after 8 minutes: %v, want 12m", left)
	}
	c.EnterSection(1, t0.Add(9*time.Minute))
	c.LeaveSection(t0.Add(27 * time.Minute)) // section 2 ran 3 minutes over
	if left, planned := c.TimeLeft(1, t0.Add(40*time.Minute)); !planned || left != -3*time.Minute {
		t.Errorf("time left in section 2: %v %v, want -3m: the clock stopped when the section was left", left, planned)
	}
	if c.TimingSection() != -1 {
		t.Error("the clock still runs after LeaveSection")
	}
	if _, planned := c.TimeLeft(2, t0); planned {
		t.Error("a section without a plan has time left")
	}

	doc, back := onDisk(t, c)
	for _, want := range []string{
		headAgenda + "\n<!-- gm:agenda -->\n\n" + agendaHeader,
		"| 1. Bestuurlijke samenwerking <!-- gm:ref bestuur --> | 20 | 9 |",
		"| 2. Kinderen en ondersteuningsvragen in beeld <!-- gm:ref kinderen --> | 15 | 18 |",
		"| **Totaal** | 35 | 27 |",
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("the report lacks %q:\n%s", want, doc)
		}
	}
	if got := back.Agenda["kinderen"]; got.Planned != 15 || got.Spent != 18*time.Minute {
		t.Errorf("section 2 reads back as %+v", got)
	}
	if got, want := overviewOf(doc), overviewOf(string(before)); got != want {
		t.Errorf("the agenda changed the Stand van zaken:\n%s\nwas\n%s", got, want)
	}
	// Without an agenda the report has no agenda block.
	if strings.Contains(string(before), headAgenda) {
		t.Error("a report without an agenda has an agenda block")
	}
}

func TestAnAgendaRowAPersonTypedIsReadOrRefusedWithItsLine(t *testing.T) {
	c := newConversation(t)
	c.SetPlanned(0, 20)
	doc := string(Render(c.Set, c.Session))
	row := "| 1. Bestuurlijke samenwerking <!-- gm:ref bestuur --> | 20 |  |"
	typed := edit(t, doc, "| 2. Kinderen en ondersteuningsvragen in beeld <!-- gm:ref kinderen --> |  |  |", "| 2. Kinderen | 10 | 4 |")
	s := mustParse(t, []byte(typed), c.Set)
	if got := s.Agenda["kinderen"]; got.Planned != 10 || got.Spent != 4*time.Minute {
		t.Errorf("a typed row reads as %+v", got)
	}
	for _, bad := range []string{"| 1. Bestuurlijke samenwerking <!-- gm:ref bestuur --> | twintig |  |", "| 9. Onbekend | 10 |  |", row + "\n" + row} {
		wrong := edit(t, doc, row, bad)
		var pe *ParseError
		if _, err := Parse([]byte(wrong), c.Set); !errors.As(err, &pe) || pe.Line < lineOf(t, wrong, row[:10]) {
			t.Errorf("%q: Parse = %v, want a refusal naming the line", bad, err)
		}
	}
}

func TestParkedRemarksAreInTheReportAndOpenOnesComeBackNextYear(t *testing.T) {
	c := newConversation(t)
	at := time.Date(2026, 11, 22, 14, 37, 12, 0, time.Local)
	st := c.Stop(c.StopByNumber("1.3b"))
	if c.Park(st, "  Vervoer | *bespreken* met gemeente\n", at) != 0 || c.Park(st, " ", at) != -1 {
		t.Fatal("parking: the remark was not parked, or an empty one was")
	}
	c.Park(content0(), "Wie betaalt de <b>verpleging</b>?", at.Add(time.Minute))
	c.Park(st, "Al geregeld", at)
	c.ResolveParked(2, true)
	if got := c.ParkedAt(st); len(got) != 2 || got[0] != 0 {
		t.Errorf("ParkedAt 1.3b = %v, want [0 2]", got)
	}
	if c.OpenParked() != 2 || c.ParkedPlace(c.Parked[0]) != "bij 1.3b" {
		t.Errorf("open %d, place %q", c.OpenParked(), c.ParkedPlace(c.Parked[0]))
	}
	doc, back := onDisk(t, c)
	for _, want := range []string{
		headParked + "\n<!-- gm:parked -->\n\n" + parkedHeader,
		"| 1 | Vervoer \\| \\*bespreken\\* met gemeente | 1.3b <!-- gm:ref bestuur.uitwerking#vastgelegd --> | 2026-11-22 14:37 | nee |",
		"| 2 | Wie betaalt de \\<b>verpleging\\</b>? |  | 2026-11-22 14:38 | nee |",
		"| 3 | Al geregeld | 1.3b <!-- gm:ref bestuur.uitwerking#vastgelegd --> | 2026-11-22 14:37 | ja |",
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("the report lacks %q:\n%s", want, doc)
		}
	}
	if back.Parked[0].Text != "Vervoer | *bespreken* met gemeente" || back.Parked[0].Part != "vastgelegd" {
		t.Errorf("the first remark reads back as %+v", back.Parked[0])
	}

	// Next year: the open remarks are this year's open points.
	next, err := sessions.Begin(c.Set, sessions.Start{Details: sessions.Details{Title: "Reflectie", Date: "2027-11-20"}, Prior: back, PriorPath: "verslag.md"}, "verslag-2027.md")
	if err != nil {
		t.Fatal(err)
	}
	if len(next.Parked) != 2 || !next.Parked[0].Carried || next.Parked[1].Resolved {
		t.Fatalf("next year's parking lot: %+v, want last year's two open remarks, marked as last year's", next.Parked)
	}
	next.ResolveParked(0, true)
	doc2, back2 := onDisk(t, next)
	if want := "| 1 (van vorig jaar) | Vervoer \\| \\*bespreken\\* met gemeente | 1.3b <!-- gm:ref bestuur.uitwerking#vastgelegd --> | 2026-11-22 14:37 | ja |"; !strings.Contains(doc2, want) {
		t.Errorf("next year's report lacks %q:\n%s", want, doc2)
	}
	if !back2.Parked[1].Carried {
		t.Error("a remark from last year does not read back as last year's")
	}
	// The comparison with last year says what became of them.
	for _, want := range []string{"### Parkeerplaats van vorig jaar", "| Vervoer \\| \\*bespreken\\* met gemeente | 1.3b | afgehandeld |", "| Wie betaalt de \\<b>verpleging\\</b>? | — | nog open |"} {
		if !strings.Contains(doc2, want) {
			t.Errorf("the comparison in next year's report lacks %q:\n%s", want, doc2)
		}
	}
}

func TestTheClosingRoundMakesOneActionItemPerOrganisation(t *testing.T) {
	c := newConversation(t)
	c.AddParticipant(sessions.Participant{Name: "Bram", Organisation: "Gemeente Tilburg"})
	c.AddParticipant(sessions.Participant{Name: "Carla", Organisation: "Ouderraad"})
	c.AddParticipant(sessions.Participant{Name: "Dirk", Organisation: "Gemeente Tilburg"})
	if got := c.ClosingOrganisations(); len(got) != 2 || got[0] != "Gemeente Tilburg" || got[1] != "Ouderraad" {
		t.Errorf("ClosingOrganisations = %v", got)
	}
	c.SetClosing("Gemeente Tilburg", sessions.ClosingAnswers{Use: "De inkoop | samen doen", FirstStep: "Wethouder *bellen*, met de SWV", Questions: "Wie betaalt?"})
	c.SetClosing("Ouderraad", sessions.ClosingAnswers{Use: "Meepraten", FirstStep: "Ouderavond plannen"})
	c.UpdateAction(c.ClosingAction("Ouderraad"), sessions.ActionItem{What: "Ouderavond plannen", Who: "Ouderraad", When: "voor de zomer"})
	// Edited again: the same action item changes, no second one.
	if !c.SetClosing("Ouderraad", sessions.ClosingAnswers{Use: "Meepraten", FirstStep: "Ouderavond in maart"}) {
		t.Error("editing the answers reported no change")
	}
	if c.SetClosing("Ouderraad", sessions.ClosingAnswers{Use: "Meepraten", FirstStep: "Ouderavond in maart"}) {
		t.Error("the same answers again reported a change")
	}
	if len(c.Actions) != 2 {
		t.Fatalf("%d action items, want one per organisation: %+v", len(c.Actions), c.Actions)
	}
	doc, back := onDisk(t, c)
	for _, want := range []string{
		headClosing + "\n<!-- gm:closing -->\n\n" + closingHeader,
		"| Gemeente Tilburg | De inkoop \\| samen doen | Wethouder \\*bellen\\*, met de SWV | Wie betaalt? |",
		"| Ouderraad | Meepraten | Ouderavond in maart |  |",
		"| 1 | Wethouder \\*bellen\\*, met de SWV | Gemeente Tilburg |  | slotronde <!-- gm:ref slotronde --> | nee |",
		"| 2 | Ouderavond in maart | Ouderraad | voor de zomer | slotronde <!-- gm:ref slotronde --> | nee |",
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("the report lacks %q:\n%s", want, doc)
		}
	}
	// Read back and edited once more: still one item per organisation.
	again := sessions.NewConversation(c.Set, back)
	if a, ok := again.ClosingOf("Gemeente Tilburg"); !ok || a.Questions != "Wie betaalt?" {
		t.Errorf("ClosingOf reads back %+v %v", a, ok)
	}
	again.SetClosing("Gemeente Tilburg", sessions.ClosingAnswers{Use: "De inkoop", FirstStep: "Wethouder bellen"})
	if len(again.Actions) != 2 || again.Actions[0].What != "Wethouder bellen" || again.ActionPlace(again.Actions[0]) != "uit de slotronde" {
		t.Errorf("after reading back and editing: %+v", again.Actions)
	}
	// An emptied first step takes its action item away.
	again.SetClosing("Ouderraad", sessions.ClosingAnswers{Use: "Meepraten"})
	if len(again.Actions) != 1 || again.ClosingAction("Ouderraad") != -1 {
		t.Errorf("an emptied first step left its action item: %+v", again.Actions)
	}
}

// content0 is the zero stop: no question.
func content0() (st content.Stop) { return st }

func TestARenamedOrganisationKeepsItsClosingRoundAndItsFirstStep(t *testing.T) {
	c := newConversation(t)
	c.AddParticipant(sessions.Participant{Name: "Carla", Organisation: "Ouderraad"})
	c.SetClosing("Ouderraad", sessions.ClosingAnswers{FirstStep: "Ouderavond plannen"})
	c.UpdateParticipant(0, sessions.Participant{Name: "Carla", Organisation: "MR Regenboog"})
	doc, _ := onDisk(t, c)
	for _, want := range []string{"| MR Regenboog |  | Ouderavond plannen |  |", "| 1 | Ouderavond plannen | MR Regenboog |  | slotronde <!-- gm:ref slotronde --> | nee |"} {
		if !strings.Contains(doc, want) {
			t.Errorf("the report lacks %q:\n%s", want, doc)
		}
	}
	c.SetClosing("MR Regenboog", sessions.ClosingAnswers{FirstStep: "Ouderavond in maart"})
	if len(c.Actions) != 1 || len(c.Closing) != 1 {
		t.Errorf("after the rename, answering again added: %+v %+v", c.Closing, c.Actions)
	}
}
