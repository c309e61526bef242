package accessible

import (
	"bytes"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/sessions/report"
	"gespreksmap/sessions/store"
)

var update = flag.Bool("update", false, "rewrite the golden transcript")

// now is the moment every test conversation takes place.
var now = time.Date(2026, 11, 22, 15, 4, 0, 0, time.Local)

func config(dir string) Config {
	return Config{Set: content.Default(), Dir: dir, Now: func() time.Time { return now }}
}

// script joins typed lines; a comment after "#" says what the line answers
// and is not typed. Each line ends with Enter.
func script(lines ...string) string {
	var b strings.Builder
	for _, l := range lines {
		if i := strings.Index(l, "  #"); i >= 0 {
			l = strings.TrimRight(l[:i], " ")
		}
		if strings.HasPrefix(l, "#") {
			l = ""
		}
		b.WriteString(l + "\n")
	}
	return b.String()
}

func run(t *testing.T, cfg Config, input string) (string, string) {
	t.Helper()
	var out bytes.Buffer
	path, err := Run(cfg, strings.NewReader(input), &out)
	if err != nil {
		t.Fatalf("Run: %v\noutput:\n%s", err, out.String())
	}
	if bytes.IndexByte(out.Bytes(), 0x1b) >= 0 {
		t.Errorf("the output holds an escape character")
	}
	return path, out.String()
}

// A whole conversation typed at the prompts: a new conversation with two
// participants, then one question of every kind in three sections.
var conversation = script(
	"1", // nieuw gesprek
	"Oplossingenlab ZiO najaar 2026",
	"Hart van Brabant", // samenwerkingsverband of regio
	"2026-13-40",       // no: not a date
	"2026-11-20",       // datum
	"Anna de Vries",    // gespreksleider
	"Anna de Vries",    // deelnemer 1
	"SWV De Meierij",   //   organisatie
	"4",                //   samenwerkingsverband
	"directeur",        //   functie
	"1",                //   tekent: ja
	"Piet Jansen",      // deelnemer 2
	"Gemeente Tilburg", //   organisatie
	"5",                //   gemeente
	"",                 //   geen functie
	"",                 //   tekent: nee
	"",                 // geen deelnemers meer
	"1",                // onderdeel 1: Bestuurlijke samenwerking
	// 1.1 open question
	"b", // begrippen uitleggen
	"Het staat op de agenda van het OOGO.",
	".", // an empty line inside the answer
	"Tweede alinea: # geen kop, <!-- geen commentaar -->.",
	"",  // end of the answer
	"1", // status geregeld
	"2", // perspectief van Gemeente Tilburg
	"De gemeente wil meer tempo.",
	"",
	"",                    // geen perspectief meer
	"Convenant opstellen", // actiepunt: wat
	"Gemeente Tilburg",    //   wie
	"2027-01-15",          //   wanneer
	"",                    // geen actiepunt meer
	// 1.2 partners
	"1", "1", "2", "1", "1", "3", // per partner kind
	"Revalidatiecentrum De Kei", // andere partner
	"1",                         //   werken samen
	"",                          // geen andere partner meer
	"Met De Kei praten we sinds dit jaar.",
	"",
	"2", // status deels
	"",  // geen perspectief
	"",  // geen actiepunt
	// 1.3a and 1.3b, sub-points
	"Visie staat op papier.",
	"",
	"2", // deels
	"",  // geen perspectief bij 1.3a
	"",  // geen actiepunt bij 1.3a
	"Nog niet vastgelegd.",
	"",
	"3", // nog niet
	"",  // geen perspectief bij 1.3b
	"",  // geen actiepunt bij 1.3b
	"t", // back to the sections at 1.3c
	"2", // onderdeel 2: kinderen
	// 2.1 counts
	"12",
	"twaalf", // not a number: asked again
	"-3",     // negative: asked again
	"4",
	"", "", "", "", "", // the other categories stay empty
	"Vooral vragen over verpleging.",
	"",
	"3",   // nog niet
	"",    // geen perspectief
	"",    // geen actiepunt
	"s",   // 2.2, the inventarisatiekader: skipped
	"5.2", // straight to question 5.2
	// 5.2 choice
	"1", // Ja
	"Er loopt een pilot in Tilburg.",
	"",
	"2", // deels
	"1", // perspectief van SWV De Meierij
	"Wij betalen mee.",
	"",
	"",  // geen perspectief meer
	"",  // geen actiepunt
	"t", // back at 5.3
	"q", // opslaan en stoppen
)

// expected is the conversation above, built directly on a session.
func expected(set *content.Set) *sessions.Session {
	s := sessions.New(set.ID, set.Version)
	s.Title = "Oplossingenlab ZiO najaar 2026"
	s.Region = "Hart van Brabant"
	s.Date = "2026-11-20"
	s.Facilitator = "Anna de Vries"
	s.Current = "financiering.inkoop"
	s.Updated = now
	s.Participants = []sessions.Participant{
		{Name: "Anna de Vries", Organisation: "SWV De Meierij", PartnerKind: "swv", Function: "directeur", Signs: true},
		{Name: "Piet Jansen", Organisation: "Gemeente Tilburg", PartnerKind: "gemeente"},
	}
	a := s.Answer("bestuur.agenda")
	a.Text = "Het staat op de agenda van het OOGO.\n\nTweede alinea: # geen kop, <!-- geen commentaar -->."
	a.Status = sessions.StatusDone
	a.Perspectives = []sessions.Perspective{{Organisation: "Gemeente Tilburg", Text: "De gemeente wil meer tempo."}}
	s.Actions = []sessions.ActionItem{{What: "Convenant opstellen", Who: "Gemeente Tilburg", When: "2027-01-15", QuestionID: "bestuur.agenda"}}

	a = s.Answer("bestuur.partners")
	a.Partners = map[string]sessions.PartnerState{
		"scholen":                 sessions.PartnerTogether,
		"oudervertegenwoordiging": sessions.PartnerTogether,
		"zorgaanbieders":          sessions.PartnerNotYet,
		"swv":                     sessions.PartnerTogether,
		"gemeente":                sessions.PartnerTogether,
		"zorgkantoor":             sessions.PartnerNA,
	}
	a.OtherPartners = []sessions.OtherPartner{{Name: "Revalidatiecentrum De Kei", State: sessions.PartnerTogether}}
	a.Text = "Met De Kei praten we sinds dit jaar."
	a.Status = sessions.StatusPartial

	a = s.Answer("bestuur.uitwerking")
	*a.Part("visie") = sessions.Part{Text: "Visie staat op papier.", Status: sessions.StatusPartial}
	*a.Part("vastgelegd") = sessions.Part{Text: "Nog niet vastgelegd.", Status: sessions.StatusNotYet}

	a = s.Answer("kinderen.aantallen")
	a.Counts = map[string]int{"ondersteuning": 12, "tlv": 4}
	a.Text = "Vooral vragen over verpleging."
	a.Status = sessions.StatusNotYet

	a = s.Answer("financiering.collectief")
	a.Choice = "ja"
	a.Text = "Er loopt een pilot in Tilburg."
	a.Status = sessions.StatusPartial
	a.Perspectives = []sessions.Perspective{{Organisation: "SWV De Meierij", Text: "Wij betalen mee."}}
	return s
}

func TestAConversationTypedAtNumberedPromptsEndsUpInTheReport(t *testing.T) {
	dir := t.TempDir()
	cfg := config(dir)
	path, out := run(t, cfg, conversation)
	if filepath.Dir(path) != dir {
		t.Fatalf("report %s is not in the sessions folder %s", path, dir)
	}
	got, err := store.Load(path, cfg.Set)
	if err != nil {
		t.Fatalf("the report does not read back: %v", err)
	}
	want := expected(cfg.Set)
	if got.Title != want.Title || got.Region != want.Region || got.Date != want.Date || got.Facilitator != want.Facilitator || got.Current != want.Current {
		t.Errorf("metadata = %q %q %q %q %q, want %q %q %q %q %q", got.Title, got.Region, got.Date, got.Facilitator, got.Current,
			want.Title, want.Region, want.Date, want.Facilitator, want.Current)
	}
	if !reflect.DeepEqual(got.Participants, want.Participants) {
		t.Errorf("participants = %+v\nwant %+v", got.Participants, want.Participants)
	}
	if !reflect.DeepEqual(got.Actions, want.Actions) {
		t.Errorf("actions = %+v\nwant %+v", got.Actions, want.Actions)
	}
	for id, w := range want.Answers {
		g := got.Answers[id]
		if g == nil {
			t.Errorf("no answer to %s in the report", id)
			continue
		}
		g.QuestionText = ""
		if !reflect.DeepEqual(g, w) {
			t.Errorf("answer to %s = %+v\nwant %+v", id, g, w)
		}
	}
	for id, g := range got.Answers {
		if want.Answers[id] == nil && !g.Empty() {
			t.Errorf("the report holds an answer to %s that was never typed", id)
		}
	}

	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{
		"> Het staat op de agenda van het OOGO.\n>\n> Tweede alinea",
		"Revalidatiecentrum De Kei",
		"**12** <!-- gm:count ondersteuning -->",
		"- [x] Ja <!-- gm:choice ja -->",
		"> Er loopt een pilot in Tilburg.",
		"| Convenant opstellen | Gemeente Tilburg | 2027-01-15 |",
		"| Anna de Vries | SWV De Meierij |",
	} {
		if !strings.Contains(string(data), text) {
			t.Errorf("the report lacks %q", text)
		}
	}

	for _, said := range []string{
		"De datum \"2026-13-40\" is geen datum",
		"\"twaalf\": dit is geen heel getal", // the core's words (ParseCount)
		"\"-3\": een aantal kan niet negatief zijn",
		"Totaal: 16 (2 van 7 ingevuld).",
		"OOGO (",                     // the term explained after b
		"Vraag 1.3: ",                // the sub-points under their question
		"Punt 1.3b: ",                // numbered as in the report
		"Wat is de stand van zaken?", // the follow-up of Ja
	} {
		if !strings.Contains(out, said) {
			t.Errorf("the output never says %q", said)
		}
	}
	checkGolden(t, "gesprek.golden", strings.ReplaceAll(out, dir, "MAP"))
}

func TestAccessibleModeWritesTheSameReportAsAnsweringAnyOtherWay(t *testing.T) {
	cfg := config(t.TempDir())
	path, _ := run(t, cfg, conversation)
	written, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rendered := report.Render(cfg.Set, expected(cfg.Set))
	a, b := withoutUpdated(string(written)), withoutUpdated(string(rendered))
	if a != b {
		t.Errorf("the report differs from the same answers rendered directly:\n%s", firstDifference(a, b))
	}
}

func withoutUpdated(report string) string {
	var keep []string
	for _, l := range strings.Split(report, "\n") {
		if !strings.HasPrefix(l, "- **Bijgewerkt:**") {
			keep = append(keep, l)
		}
	}
	return strings.Join(keep, "\n")
}

func firstDifference(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return "line " + strconv.Itoa(i+1) + ":\n written: " + x + "\n rendered: " + y
		}
	}
	return ""
}

func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if string(want) != got {
		t.Errorf("the transcript differs from %s:\n%s", path, firstDifference(got, string(want)))
	}
}

func TestAReportPickedFromTheFolderIsContinuedAndOneAnswerChangesWhileTheOthersStay(t *testing.T) {
	dir := t.TempDir()
	cfg := config(dir)
	path, _ := run(t, cfg, conversation)

	again, out := run(t, cfg, script(
		"2",   // verder met een verslag
		"1",   // the only report in the folder
		"t",   // it resumes at 5.3, where it was left: back to the sections
		"1.1", // straight to question 1.1
		"Nu ook op de agenda van de gemeenteraad.",
		"",
		"",  // status: keep
		"",  // geen perspectief
		"",  // geen actiepunt
		"t", // at 1.2
		"q",
	))
	if again != path {
		t.Fatalf("continued %s, want %s", again, path)
	}
	for _, said := range []string{
		"1 2026-11-20 Oplossingenlab ZiO najaar 2026, Hart van Brabant (",
		"Laatst bij vraag 5.3",
		"Vraag 5.3: ",
		"Nu:\n  Het staat op de agenda van het OOGO.\n  \n  Tweede alinea",
		"Status, nu geregeld.",
	} {
		if !strings.Contains(out, said) {
			t.Errorf("the output never says %q", said)
		}
	}
	got, err := store.Load(path, cfg.Set)
	if err != nil {
		t.Fatal(err)
	}
	want := expected(cfg.Set)
	want.Answers["bestuur.agenda"].Text = "Nu ook op de agenda van de gemeenteraad."
	want.Current = "bestuur.partners"
	a, b := withoutUpdated(string(report.Render(cfg.Set, got))), withoutUpdated(string(report.Render(cfg.Set, want)))
	if a != b {
		t.Errorf("after changing one answer the report differs from the expected one:\n%s", firstDifference(a, b))
	}
}

func TestWhenTheInputStopsHalfwayEverythingTypedIsInTheReport(t *testing.T) {
	cfg := config(t.TempDir())
	input := script(
		"1",
		"Tussenstand",
		"",
		"",
		"",
		"Anna de Vries",
		"SWV De Meierij",
	) // the input stops while the participant is being entered
	path, _ := run(t, cfg, input)
	s, err := store.Load(path, cfg.Set)
	if err != nil {
		t.Fatalf("the report does not read back: %v", err)
	}
	if len(s.Participants) != 1 || s.Participants[0].Name != "Anna de Vries" || s.Participants[0].Organisation != "SWV De Meierij" {
		t.Errorf("participants = %+v, want Anna de Vries of SWV De Meierij", s.Participants)
	}

	// Input that stops in the middle of a multi-line answer, even without a
	// last newline, keeps the lines typed so far.
	input = script(
		"1", "Tweede gesprek", "", "", "", "",
		"1",
		"Eerste regel.",
		".",
	) + "Tweede regel zonder Enter"
	path, _ = run(t, cfg, input)
	s, err = store.Load(path, cfg.Set)
	if err != nil {
		t.Fatalf("the report does not read back: %v", err)
	}
	a := s.Answers["bestuur.agenda"]
	if a == nil || a.Text != "Eerste regel.\n\nTweede regel zonder Enter" {
		t.Errorf("answer = %+v, want the three lines typed", a)
	}
	if s.Current != "bestuur.agenda" {
		t.Errorf("current = %q, want bestuur.agenda", s.Current)
	}
}

func TestAReportOpenElsewhereSaysWhoHasItAndCanOnlyBeLookedAt(t *testing.T) {
	dir := t.TempDir()
	cfg := config(dir)
	path, _ := run(t, cfg, conversation)
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	held, _, err := store.Open(path, cfg.Set)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()

	cfg.Open = path
	got, out := run(t, cfg, script("1")) // alleen lezen
	if got != path {
		t.Errorf("path = %q, want %q", got, path)
	}
	for _, said := range []string{
		"is geopend door proces " + strconv.Itoa(os.Getpid()),
		"1 alleen lezen",
		"Alleen lezen. Verslag: " + path,
		"1 Bestuurlijke samenwerking: geregeld 1, deels 2, nog niet 1, n.v.t. 0, niet besproken 7",
		"2 Kinderen en ondersteuningsvragen in beeld: geregeld 0, deels 0, nog niet 1, n.v.t. 0, niet besproken 1", // 2.2 skipped
	} {
		if !strings.Contains(out, said) {
			t.Errorf("the output never says %q\n%s", said, out)
		}
	}
	after, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Errorf("looking at a report held elsewhere changed it")
	}
}

// typist feeds one line per Read, the way a person types, and before each
// line checks that the report on disk already holds what the earlier lines
// said it must.
type typist struct {
	t     *testing.T
	dir   string
	lines []typed
	next  int
}

type typed struct {
	line   string
	onDisk string // must be in the report before the next line is typed
}

func (ty *typist) Read(p []byte) (int, error) {
	ty.check()
	if ty.next >= len(ty.lines) {
		return 0, io.EOF
	}
	l := ty.lines[ty.next].line + "\n"
	ty.next++
	return copy(p, l), nil
}

func (ty *typist) check() {
	if ty.next == 0 {
		return
	}
	want := ty.lines[ty.next-1].onDisk
	if want == "" {
		return
	}
	files, _ := filepath.Glob(filepath.Join(ty.dir, "*.md"))
	if len(files) != 1 {
		ty.t.Errorf("after typing %q there are %d reports, want 1", ty.lines[ty.next-1].line, len(files))
		return
	}
	data, _ := os.ReadFile(files[0])
	if !strings.Contains(string(data), want) {
		ty.t.Errorf("after typing %q the report on disk lacks %q", ty.lines[ty.next-1].line, want)
	}
}

func TestEveryAnswerIsOnDiskBeforeTheNextPrompt(t *testing.T) {
	dir := t.TempDir()
	ty := &typist{t: t, dir: dir, lines: []typed{
		{"1", ""},
		{"Verslag per antwoord", ""},
		{"Regio Oost", ""},
		{"2026-11-21", "# Verslag per antwoord"},
		{"Anna de Vries", "**Gespreksleider:** Anna de Vries"},
		{"Piet Jansen", "| Piet Jansen |"},
		{"Gemeente Enschede", "| Piet Jansen | Gemeente Enschede |"},
		{"5", "| Piet Jansen | Gemeente Enschede | Gemeente(n) |"},
		{"wethouder", "| wethouder |"},
		{"j", "| wethouder | ja |"},
		{"", ""},
		{"2", ""},
		{"7", "**7** <!-- gm:count ondersteuning -->"},
		{"", ""}, {"", ""}, {"", ""}, {"", ""}, {"", ""}, {"", ""},
		{"Eerste regel", ""},
		{"", "> Eerste regel"},
		{"3", "**Status:** nog niet"},
		{"1", ""},
		{"Wij zien er meer.", ""},
		{"", "> Wij zien er meer."},
		{"", ""},
		{"Telling herhalen", "| Telling herhalen |"},
		{"Piet", "| Telling herhalen | Piet |"},
		{"maart", "| Telling herhalen | Piet | maart |"},
	}}
	var out bytes.Buffer
	path, err := Run(config(dir), ty, &out)
	if err != nil {
		t.Fatal(err)
	}
	if path == "" {
		t.Fatal("no report")
	}
	if ty.next != len(ty.lines) {
		t.Errorf("only %d of %d lines were read", ty.next, len(ty.lines))
	}
}

func TestADashClearsAnAnswerSSkipsOnAndTheActionListMarksAnItemDone(t *testing.T) {
	dir := t.TempDir()
	cfg := config(dir)
	path, _ := run(t, cfg, conversation)

	cfg.Open = path
	_, out := run(t, cfg, script(
		"t",                        // resumed at 5.3: back to the sections
		"1.2",                      // the partner list
		"-",                        // Scholen: niet ingevuld
		"s",                        // skip the rest of 1.2
		"-",                        // 1.3a: clear the answer
		"-",                        // 1.3a: clear the status
		"",                         // 1.3a: geen perspectief
		"",                         // 1.3a: geen actiepunt
		"Rood\x1b[31m gemaakt\x07", // 1.3b: typed with an escape sequence
		"",
		"", // status kept
		"t",
		"a", // actiepunten
		"1", // the first is done
		"",  // back
		"q",
	))
	if !strings.Contains(out, "Punt 1.3a: ") {
		t.Errorf("s did not go on to 1.3a:\n%s", out)
	}
	if !strings.Contains(out, "1 Convenant opstellen; wie: Gemeente Tilburg; wanneer: 2027-01-15; bij 1.1; open") {
		t.Errorf("the action list does not show the item:\n%s", out)
	}
	got, err := store.Load(path, cfg.Set)
	if err != nil {
		t.Fatal(err)
	}
	want := expected(cfg.Set)
	want.Current = "bestuur.uitwerking#vastgelegd" // left at 1.3b, the stop itself
	delete(want.Answers["bestuur.partners"].Partners, "scholen")
	want.Answers["bestuur.uitwerking"].Parts["visie"] = &sessions.Part{}
	want.Answers["bestuur.uitwerking"].Parts["vastgelegd"].Text = "Rood gemaakt"
	want.Actions[0].Done = true
	a, b := withoutUpdated(string(report.Render(cfg.Set, got))), withoutUpdated(string(report.Render(cfg.Set, want)))
	if a != b {
		t.Errorf("the report differs from the expected one:\n%s", firstDifference(a, b))
	}
}

func TestJaAndNeeAtAnAddPromptAreAnswersNotNames(t *testing.T) {
	dir := t.TempDir()
	cfg := config(dir)
	path, _ := run(t, cfg, conversation)
	cfg.Open = path
	run(t, cfg, script(
		"t",   // back to the sections
		"4.1", // an open question
		"Ouders kiezen één vast aanspreekpunt.",
		"",
		"1",   // geregeld
		"nee", // no perspective
		"ja",  // an action item: what comes next
		"Aanspreekpunten voorstellen",
		"Sam",
		"",
		"nee", // no more action items
		"t",
		"q",
	))
	got, err := store.Load(path, cfg.Set)
	if err != nil {
		t.Fatal(err)
	}
	a := got.Answers["ouders.samen-bepalen"]
	if a == nil || len(a.Perspectives) != 0 {
		t.Errorf("\"nee\" became a perspective: %+v", a)
	}
	var whats []string
	for _, ai := range got.Actions {
		if ai.QuestionID == "ouders.samen-bepalen" {
			whats = append(whats, ai.What)
		}
	}
	if len(whats) != 1 || whats[0] != "Aanspreekpunten voorstellen" {
		t.Errorf("action items at 4.1: %q", whats)
	}
}

// failingReader gives its lines, then panics as a bug in the program would.
type failingReader struct{ r io.Reader }

func (f *failingReader) Read(p []byte) (int, error) {
	n, err := f.r.Read(p)
	if err == io.EOF {
		panic("een fout in het programma")
	}
	return n, err
}

func TestACrashRescuesTheConversationAndIsNoInputError(t *testing.T) {
	dir := t.TempDir()
	in := script(
		"1", "Lab", "", "", "Sam", "", // new conversation, no participants
		"1",                      // section 1
		"Gezegd in de aula.", "", // 1.1
	)
	var out bytes.Buffer
	path, err := Run(config(dir), &failingReader{strings.NewReader(in)}, &out)
	var c *Crash
	if !errors.As(err, &c) || c.Value != "een fout in het programma" || len(c.Stack) == 0 || c.SaveErr != nil {
		t.Fatalf("Run: %v\n%s", err, out.String())
	}
	if path == "" || c.Path != path {
		t.Fatalf("the crash names where the words are: %q, %q", path, c.Path)
	}
	s, err := store.Load(path, content.Default())
	if err != nil {
		t.Fatal(err)
	}
	if a := s.Answers["bestuur.agenda"]; a == nil || a.Text != "Gezegd in de aula." {
		t.Errorf("1.1 on disk: %+v", a)
	}
	if _, err := os.Stat(filepath.Join(dir, "."+filepath.Base(path)+".lock")); err == nil {
		t.Error("the lock is left behind after the crash")
	}
}

// stopAfter is input that, once its lines are read, waits as a person at the
// keyboard does, and then the Stop channel closes: the window was closed.
type stopAfter struct {
	r    *strings.Reader
	stop chan struct{}
	once bool
}

func (s *stopAfter) Read(p []byte) (int, error) {
	if s.r.Len() > 0 {
		return s.r.Read(p)
	}
	if !s.once {
		s.once = true
		close(s.stop)
	}
	select {} // nobody types any more
}

func TestASignalInTheMiddleOfAnAnswerKeepsItsLinesAndSaves(t *testing.T) {
	cfg := config(t.TempDir())
	in := &stopAfter{r: strings.NewReader(script("1", "Gesprek", "", "", "", "", "1", "Eerste regel.", "Tweede regel.")), stop: make(chan struct{})}
	cfg.Stop = in.stop
	var out bytes.Buffer
	path, err := Run(cfg, in, &out)
	if !errors.Is(err, ErrStopped) {
		t.Fatalf("Run: %v, want ErrStopped\n%s", err, out.String())
	}
	s, err := store.Load(path, cfg.Set)
	if err != nil {
		t.Fatalf("the report does not read back: %v", err)
	}
	if a := s.Answers["bestuur.agenda"]; a == nil || a.Text != "Eerste regel.\nTweede regel." {
		t.Errorf("answer = %+v, want the two lines typed before the signal", a)
	}
}
