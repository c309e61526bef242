package accessible

import (
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"gespreksmap/sessions"
	"gespreksmap/sessions/store"
)

// load reads the report on disk back.
func load(t *testing.T, cfg Config, path string) *sessions.Session {
	t.Helper()
	s, err := store.Load(path, cfg.Set)
	if err != nil {
		t.Fatalf("the report does not read back: %v", err)
	}
	return s
}

func TestAPerspectiveAndAnActionItemMadeAtTopicThreePointOneBStayAtThatTopic(t *testing.T) {
	dir := t.TempDir()
	cfg := config(dir)
	path, _ := run(t, cfg, conversation)
	cfg.Open = path
	_, out := run(t, cfg, script(
		"t",    // resumed at 5.3: back to the sections
		"3.1b", // straight to the topic
		"Vervoer regelt de gemeente.",
		"",
		"2", // deels
		"2", // perspectief van Gemeente Tilburg
		"Wij betalen het vervoer.",
		"",
		"",                  // geen perspectief meer
		"Vervoer begroten",  // actiepunt bij 3.1b
		"Gemeente Tilburg",  //   wie
		"voor de zomer",     //   wanneer
		"",                  // geen actiepunt meer
		"t",                 // at 3.1c
		"3.1a",              // the topic before: nothing of 3.1b is there
		"", "", "", "", "t", // answer, status, no perspective, no action, back
		"3.1b", // at 3.1b again: both are shown there
		"", "", "", "", "t",
		"a", "", // the action list names the topic
		"q",
	))
	s := load(t, cfg, path)
	a := s.Answers["organiseren.afspraken"]
	if a == nil {
		t.Fatalf("nothing recorded at 3.1; answers: %v", s.Answers)
	}
	// The report format on disk (version 1) keeps perspectives and action
	// items at question level; where they were made is asserted on the
	// screen of the same run, which reads the conversation itself.
	if len(a.Perspectives) != 1 || a.Perspectives[0].Text != "Wij betalen het vervoer." {
		t.Errorf("perspectives at 3.1 = %+v", a.Perspectives)
	}
	last := s.Actions[len(s.Actions)-1]
	if last.What != "Vervoer begroten" || last.QuestionID != "organiseren.afspraken" {
		t.Errorf("the action item is not at 3.1: %+v", last)
	}
	data, _ := os.ReadFile(path)
	if !strings.Contains(string(data), "| Vervoer begroten | Gemeente Tilburg | voor de zomer |") {
		t.Errorf("the report's action table lacks the item:\n%s", data)
	}
	at31a := between(out, "Onderwerp 3.1a:", "Onderwerp 3.1b:")
	if strings.Contains(at31a, "Wij betalen") || strings.Contains(at31a, "Vervoer begroten") {
		t.Errorf("what was made at 3.1b shows at 3.1a:\n%s", at31a)
	}
	second := out[strings.LastIndex(out, "Onderwerp 3.1b:"):]
	for _, said := range []string{
		"Perspectieven bij 3.1b: Gemeente Tilburg.",
		"Actiepunten bij 3.1b:\n- Vervoer begroten; wie: Gemeente Tilburg; wanneer: voor de zomer; bij 3.1b; open",
		"Vervoer begroten; wie: Gemeente Tilburg; wanneer: voor de zomer; bij 3.1b; open",
	} {
		if !strings.Contains(second, said) {
			t.Errorf("back at 3.1b the output never says %q:\n%s", said, second)
		}
	}
}

// between is the part of s from the last from up to the next to.
func between(s, from, to string) string {
	i := strings.LastIndex(s, from)
	if i < 0 {
		return ""
	}
	s = s[i:]
	if j := strings.Index(s[len(from):], to); j >= 0 {
		return s[:len(from)+j]
	}
	return s
}

func TestAParticipantsOrganisationRenamedTakesItsPerspectivesAndActionItemsAlongAndSomeoneCanLeaveTheList(t *testing.T) {
	dir := t.TempDir()
	cfg := config(dir)
	path, _ := run(t, cfg, conversation)
	cfg.Open = path
	_, out := run(t, cfg, script(
		"t", // back to the sections
		"d", // gegevens en deelnemers
		"2", // Piet Jansen
		"",  //   name kept
		"Gemeente Tilburg-Noord",
		"",          //   kind kept
		"wethouder", //   function
		"1",         //   signs
		"x1",        // Anna leaves the list
		"2",         //   no, after all
		"x1",        // Anna leaves the list
		"1",         //   yes
		"n",         // someone new
		"Sam Bakker",
		"School De Linde",
		"1", // scholen
		"",  // no function
		"",  // does not sign
		"g", // the details
		"Oplossingenlab ZiO winter 2026",
		"", // region kept
		"2026-12-01",
		"-", // no facilitator
		"",  // back
		"q",
	))
	for _, said := range []string{
		"Deelnemers:\n1 Anna de Vries, SWV De Meierij, Samenwerkingsverbanden passend onderwijs, tekent als directeur\n2 Piet Jansen, Gemeente Tilburg, Gemeente(n)\n" + peoplePrompt,
		"Organisatie (Enter = Gemeente Tilburg, - = leeg):",
		"1 perspectief en 1 actiepunt van Gemeente Tilburg staan nu op naam van Gemeente Tilburg-Noord.",
		"Anna de Vries, SWV De Meierij, Samenwerkingsverbanden passend onderwijs, tekent als directeur van de lijst halen? Wat de organisatie zei, blijft in het verslag. 1 ja, 2 nee (Enter = nee):",
		"Deelnemer 1 is van de lijst gehaald.",
	} {
		if !strings.Contains(out, said) {
			t.Errorf("the output never says %q", said)
		}
	}
	s := load(t, cfg, path)
	wantPeople := []sessions.Participant{
		{Name: "Piet Jansen", Organisation: "Gemeente Tilburg-Noord", PartnerKind: "gemeente", Function: "wethouder", Signs: true},
		{Name: "Sam Bakker", Organisation: "School De Linde", PartnerKind: "scholen"},
	}
	if !reflect.DeepEqual(s.Participants, wantPeople) {
		t.Errorf("participants = %+v\nwant %+v", s.Participants, wantPeople)
	}
	if p := s.Answers["bestuur.agenda"].Perspectives; len(p) != 1 || p[0].Organisation != "Gemeente Tilburg-Noord" {
		t.Errorf("the perspective at 1.1 did not follow the new name: %+v", p)
	}
	if s.Actions[0].Who != "Gemeente Tilburg-Noord" {
		t.Errorf("the action item's who did not follow the new name: %+v", s.Actions[0])
	}
	if s.Title != "Oplossingenlab ZiO winter 2026" || s.Region != "Hart van Brabant" || s.Date != "2026-12-01" || s.Facilitator != "" {
		t.Errorf("details: %q %q %q %q", s.Title, s.Region, s.Date, s.Facilitator)
	}
	data, _ := os.ReadFile(path)
	if !strings.Contains(string(data), "| Sam Bakker | School De Linde |") || strings.Contains(string(data), "| Anna de Vries |") {
		t.Errorf("the report's participant table is not the new list:\n%s", data)
	}
}

func TestAnActionItemIsChangedAndDeletedOnlyAfterConfirming(t *testing.T) {
	dir := t.TempDir()
	cfg := config(dir)
	path, _ := run(t, cfg, conversation)
	cfg.Open = path
	_, out := run(t, cfg, script(
		"t",
		"a",
		"n", // a general item
		"Evaluatie plannen",
		"Anna",
		"",
		"w1", // change the first
		"",   //   what kept
		"Piet",
		"-", //   no date
		"x2",
		"", //   Enter: not deleted
		"x2",
		"ja", // deleted
		"w9", // there is no ninth
		"",
		"q",
	))
	for _, said := range []string{
		"Actiepunt 1 wijzigen: Convenant opstellen; wie: Gemeente Tilburg; wanneer: 2027-01-15; bij 1.1. Enter houdt wat er staat.",
		"Wie (Enter = Gemeente Tilburg, - = leeg):",
		"Actiepunt 1 is gewijzigd.",
		"2 Evaluatie plannen; wie: Anna; algemeen; open",
		"Actiepunt 2 verwijderen: Evaluatie plannen? 1 ja, 2 nee (Enter = nee):\nNiets verwijderd.",
		"Actiepunt 2 is verwijderd.",
		"Kies een nummer van 1 tot en met 1.",
	} {
		if !strings.Contains(out, said) {
			t.Errorf("the output never says %q", said)
		}
	}
	s := load(t, cfg, path)
	want := []sessions.ActionItem{{What: "Convenant opstellen", Who: "Piet", QuestionID: "bestuur.agenda"}}
	if !reflect.DeepEqual(s.Actions, want) {
		t.Errorf("actions = %+v\nwant %+v", s.Actions, want)
	}
}

func TestTheSetsIntroAndASectionsTipsAndAdviceCanBeRead(t *testing.T) {
	dir := t.TempDir()
	cfg := config(dir)
	set := cfg.Set
	path, _ := run(t, cfg, conversation)
	before, _ := os.ReadFile(path)
	cfg.Open = path
	_, out := run(t, cfg, script(
		"i",  // at 5.3 where it resumed: the section's tips
		"t",  // back to the sections
		"i",  // the set's intro
		"t4", // tips of section 4
		"q",
	))
	fin, ouders := &set.Sections[4], &set.Sections[3]
	for _, said := range []string{
		// A central question is called one; a heading stands on its own.
		"Tips en advies: " + fin.Title + "\nCentrale vraag: " + oneLine(fin.Central) + "\n",
		oneLine(fin.Advice[0]),
		fin.Tips[0].URL,
		oneLine(set.Intro),
		"Tips en advies: " + ouders.Title + "\n" + oneLine(ouders.Central) + "\n" + oneLine(ouders.Intro) + "\nAdvies:\n- " + oneLine(ouders.Advice[0]),
		"  " + ouders.Tips[0].URL,
	} {
		if !strings.Contains(out, said) {
			t.Errorf("the output never says %q", said)
		}
	}
	if strings.Contains(out, "Centrale vraag: "+ouders.Central) {
		t.Errorf("the heading %q is called the central question", ouders.Central)
	}
	if after, _ := os.ReadFile(path); withoutUpdated(string(after)) != withoutUpdated(string(before)) {
		t.Error("reading tips changed the report")
	}
}

func TestAReportEditedBesideTheProgramIsKeptAndTheConversationGoesOnInACopy(t *testing.T) {
	dir := t.TempDir()
	cfg := config(dir)
	path, _ := run(t, cfg, conversation)
	cfg.Open = path
	input := &editor{lines: []string{"t", "1.1", "Na de wijziging getypt.", "", "", "", "", "t", "q"}, path: path}
	var out strings.Builder
	got, err := Run(cfg, input, &out)
	if err != nil {
		t.Fatal(err)
	}
	if got == path || filepath.Dir(got) != dir {
		t.Fatalf("went on in %q, want a copy beside %q", got, path)
	}
	if !strings.Contains(out.String(), "Het verslag "+path+" is buiten dit programma gewijzigd. Die wijziging blijft staan; dit gesprek gaat verder in "+got+".") {
		t.Errorf("the copy's path is not said:\n%s", out.String())
	}
	edited, _ := os.ReadFile(path)
	if !strings.Contains(string(edited), "Met de hand toegevoegd.") || strings.Contains(string(edited), "Na de wijziging getypt.") {
		t.Errorf("the edit beside the program was overwritten:\n%s", edited)
	}
	s := load(t, cfg, got)
	if a := s.Answers["bestuur.agenda"]; a == nil || a.Text != "Na de wijziging getypt." {
		t.Errorf("the copy lacks the answer typed: %+v", a)
	}
}

// editor types its lines and, before the third, edits the report on disk
// as someone with a text editor would.
type editor struct {
	lines []string
	path  string
	next  int
}

func (e *editor) Read(p []byte) (int, error) {
	if e.next == 2 {
		data, _ := os.ReadFile(e.path)
		data = []byte(strings.Replace(string(data), "> Er loopt een pilot in Tilburg.", "> Er loopt een pilot in Tilburg.\n> Met de hand toegevoegd.", 1))
		if err := os.WriteFile(e.path, data, 0o600); err != nil {
			return 0, err
		}
	}
	if e.next >= len(e.lines) {
		return 0, io.EOF
	}
	l := e.lines[e.next] + "\n"
	e.next++
	return copy(p, l), nil
}
