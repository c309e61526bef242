package accessible

import (
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	"gespreksmap/sessions"
	"gespreksmap/sessions/report"
	"gespreksmap/sessions/store"
	"gespreksmap/tui/phonetest"
)

// session is the line mode running on a pipe: the test types a line when
// the prompt it answers has been printed.
type session struct {
	t    *testing.T
	in   *io.PipeWriter
	mu   sync.Mutex
	out  strings.Builder
	seen int // how much of out was read by wait
	done chan struct{}
	path string
	err  error
}

func (s *session) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.out.Write(p)
}

func startSession(t *testing.T, cfg Config) *session {
	t.Helper()
	r, w := io.Pipe()
	s := &session{t: t, in: w, done: make(chan struct{})}
	go func() {
		defer close(s.done)
		s.path, s.err = Run(cfg, r, s)
	}()
	t.Cleanup(func() { w.Close(); <-s.done })
	return s
}

// wait waits until the output printed since the last wait holds want, and
// returns it.
func (s *session) wait(want string) string {
	s.t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		s.mu.Lock()
		got := s.out.String()[s.seen:]
		s.mu.Unlock()
		if i := strings.Index(got, want); i >= 0 {
			s.mu.Lock()
			s.seen += i + len(want)
			s.mu.Unlock()
			return got
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("the output never said %q; since the last answer it said:\n%s", want, got)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func (s *session) typeLine(line string) {
	s.t.Helper()
	if _, err := io.WriteString(s.in, line+"\n"); err != nil {
		s.t.Fatal(err)
	}
}

// end closes the input and waits for the report.
func (s *session) end() (string, string) {
	s.t.Helper()
	s.in.Close()
	<-s.done
	if s.err != nil {
		s.t.Fatal(s.err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.path, s.out.String()
}

// meeting writes a conversation at 1.1 with a participant of each of orgs.
func meeting(t *testing.T, cfg Config, orgs ...string) string {
	t.Helper()
	s := sessions.New(cfg.Set.ID, cfg.Set.Version)
	s.Title, s.Date = "Oplossingenlab 2026", "2026-11-22"
	for _, o := range orgs {
		s.Participants = append(s.Participants, sessions.Participant{Name: "Iemand", Organisation: o})
	}
	s.Current = "bestuur.agenda"
	path, err := store.Create(cfg.Dir, s.Date, s.Title)
	if err != nil {
		t.Fatal(err)
	}
	if err := store.WriteFile(path, report.Render(cfg.Set, s)); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestInLineModeContributionsArriveAtEachPromptAndAreTakenOverChangedOrSetAside(t *testing.T) {
	cfg := config(t.TempDir())
	cfg.Open = meeting(t, cfg, "Gemeente Tilburg", "Ouders", "SWV Hart van Brabant")
	start, rooms := phonetest.Loopback(t)
	cfg.Participants, cfg.ParticipantsAtOnce = start, true
	s := startSession(t, cfg)
	s.wait("De pagina voor deelnemers staat aan.")
	room := phonetest.Room(t, rooms)
	s.wait("Vraag 1.1")

	ouders := phonetest.Join(t, room.URL())
	ouders.Choose("Ouders")
	ouders.WaitStop("1.1")
	ouders.Send("Wij willen eerder aan tafel.")
	// The answer prompt was printed before it arrived: the next one says so.
	s.typeLine("")
	s.wait("Nieuwe bijdrage van Ouders. Er wacht 1 bijdrage; typ w om ze te bekijken.")
	s.wait("niet besproken (Enter = zo laten):")
	s.typeLine("w")
	s.wait("1 Ouders, bij vraag 1.1")
	s.wait("Wij willen eerder aan tafel.")
	s.typeLine("1")
	s.wait("Overgenomen als perspectief van Ouders bij vraag 1.1.")
	if got := ouders.States(); len(got) != 1 || got[0] != "overgenomen" {
		t.Errorf("the phone shows %v, want [overgenomen]", got)
	}

	gemeente := phonetest.Join(t, room.URL())
	gemeente.Choose("Gemeente Tilburg")
	gemeente.Send("De gemeente betaalt.")
	swv := phonetest.Join(t, room.URL())
	swv.Choose("SWV Hart van Brabant")
	swv.Send("Niet voor deze vraag.")
	s.typeLine("") // back from the list, to the status prompt
	s.wait("Nieuwe bijdragen van Gemeente Tilburg, SWV Hart van Brabant. Er wachten 2 bijdragen")
	s.typeLine("w")
	s.wait("2 SWV Hart van Brabant, bij vraag 1.1")
	// The participant changes it once more; changing it first here shows
	// the latest text.
	gemeente.Edit(gemeente.Mine()[0], "De gemeente betaalt de helft.")
	s.typeLine("w1")
	s.wait("Nu:\n  De gemeente betaalt de helft.")
	s.typeLine("De gemeente betaalt de helft, vanaf 2027.")
	s.typeLine("")
	s.wait("Overgenomen als perspectief van Gemeente Tilburg bij vraag 1.1.")
	s.wait("1 SWV Hart van Brabant, bij vraag 1.1")
	s.typeLine("t1")
	s.wait("Terzijde gelegd; de bijdrage blijft in het verslag.")
	s.typeLine("") // back to the status prompt
	s.wait("niet besproken (Enter = zo laten):")
	// One more arrives, and stays waiting.
	ouders.Send("Nog iets, vlak voor het einde.")
	s.typeLine("")  // status stays
	s.typeLine("t") // to the sections
	menu := s.wait("q opslaan en stoppen")
	if !strings.Contains(menu, "w bijdragen van deelnemers (1 wacht; de pagina voor deelnemers staat aan)") {
		t.Errorf("the sections do not count the contributions:\n%s", menu)
	}
	s.typeLine("q")
	path, out := s.end()
	if !strings.Contains(out, "1 bijdrage van een deelnemer wacht nog (bij vraag 1.1).") {
		t.Errorf("leaving does not say what waits:\n%s", out)
	}

	got, err := store.Load(path, cfg.Set)
	if err != nil {
		t.Fatal(err)
	}
	a := got.Answers["bestuur.agenda"]
	want := map[string]string{"Ouders": "Wij willen eerder aan tafel.", "Gemeente Tilburg": "De gemeente betaalt de helft, vanaf 2027."}
	if a == nil || len(a.Perspectives) != 2 {
		t.Fatalf("1.1 in the report: %+v", a)
	}
	for _, p := range a.Perspectives {
		if want[p.Organisation] != p.Text {
			t.Errorf("%s's perspective: %q, want %q", p.Organisation, p.Text, want[p.Organisation])
		}
	}
	if len(got.Contributions) != 2 || got.Contributions[0].State != sessions.ContributionSetAside || got.Contributions[0].Text != "Niet voor deze vraag." ||
		got.Contributions[1].State != sessions.ContributionWaiting || got.Contributions[1].Text != "Nog iets, vlak voor het einde." {
		t.Errorf("the contributions in the report: %+v", got.Contributions)
	}
	if ouders.Answers() {
		t.Error("the participants' page still answers after the conversation ended")
	}
}

func TestInLineModeWStartsThePageAndAContributionFromTheReportIsTakenOverWithoutIt(t *testing.T) {
	cfg := config(t.TempDir())
	cfg.Open = meeting(t, cfg, "Ouders")
	s0, err := store.Load(cfg.Open, cfg.Set)
	if err != nil {
		t.Fatal(err)
	}
	s0.Contributions = []sessions.Contribution{{ID: "uit-het-verslag", Organisation: "Ouders", QuestionID: "bestuur.partners", Text: "Van de vorige keer.", At: now}}
	if err := store.WriteFile(cfg.Open, report.Render(cfg.Set, s0)); err != nil {
		t.Fatal(err)
	}
	start, rooms := phonetest.Loopback(t)
	cfg.Participants = start
	s := startSession(t, cfg)
	s.wait("Vraag 1.1")
	s.typeLine("w")
	s.wait("1 Ouders, bij vraag 1.2")
	s.wait("s pagina voor deelnemers starten.")
	s.typeLine("1")
	s.wait("Overgenomen als perspectief van Ouders bij vraag 1.2.")
	s.typeLine("s")
	s.wait("De pagina voor deelnemers staat aan.")
	room := phonetest.Room(t, rooms)
	ouders := phonetest.Join(t, room.URL())
	ouders.Choose("Ouders")
	s.typeLine("") // back to 1.1
	ouders.WaitStop("1.1")
	// Sent while a prompt waits, and the input ends before the next: the
	// end takes it in.
	ouders.Send("Op het laatste moment.")
	path, _ := s.end()
	got, err := store.Load(path, cfg.Set)
	if err != nil {
		t.Fatal(err)
	}
	if a := got.Answers["bestuur.partners"]; a == nil || len(a.Perspectives) != 1 || a.Perspectives[0].Text != "Van de vorige keer." {
		t.Errorf("1.2 in the report: %+v", a)
	}
	if len(got.Contributions) != 1 || got.Contributions[0].Text != "Op het laatste moment." || got.Contributions[0].QuestionID != "bestuur.agenda" {
		t.Errorf("the contribution sent at the last moment is not in the report: %+v", got.Contributions)
	}
}
