package tui

import (
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/sessions/report"
	"gespreksmap/sessions/sessionstest"
	"gespreksmap/sessions/store"
	"gespreksmap/tui/question"
)

// The random-key test sends random keys through the real root model, as a
// facilitator's careless fingers would, at three window sizes, and fails on
// any panic or on a saved report that does not read back. It starts its runs
// on every way into a conversation (a fresh start, a report to continue, a
// yearly reflection from last year's report, a reflection under way, a
// report opened read-only) and restarts the program on its report whenever
// a key quits it, which also exercises resuming.
//
// Default `go test` sends randomKeysShort keys in all; the long run sends
// randomKeysLong keys per window size:
//
//	GESPREKSMAP_RANDOMKEYS=long go test ./tui -run RandomKeys
//
// A failure prints the seed; replay it with
//
//	go test ./tui -run RandomKeys -randomkeys.seed=N [-randomkeys.n=KEYS]
//
// (or GESPREKSMAP_RANDOMKEYS_SEED=N).
var (
	randomKeysSeed = flag.Uint64("randomkeys.seed", 0, "seed of the random-key test (0: the fixed default, or GESPREKSMAP_RANDOMKEYS_SEED)")
	randomKeysN    = flag.Int("randomkeys.n", 0, "keys per window size in the random-key test (0: by mode)")
)

const (
	// The default seed is one whose keys reach every place of
	// randomKeysMustSee with the built-in set; a change to the set's
	// stops changes the walk, and may call for another.
	randomKeysDefaultSeed = 20261129
	randomKeysShort       = 20000 // in all, over the three sizes
	randomKeysLong        = 100000
)

var randomKeysSizes = []tea.WindowSizeMsg{{Width: 80, Height: 24}, {Width: 120, Height: 40}, {Width: 200, Height: 50}}

func TestRandomKeysNeverCrashAndEverySaveReadsBack(t *testing.T) {
	seed := *randomKeysSeed
	if seed == 0 {
		seed = randomKeysDefaultSeed
		if v := os.Getenv("GESPREKSMAP_RANDOMKEYS_SEED"); v != "" {
			n, err := strconv.ParseUint(v, 10, 64)
			if err != nil {
				t.Fatalf("GESPREKSMAP_RANDOMKEYS_SEED: %v", err)
			}
			seed = n
		}
	}
	perSize := randomKeysShort / len(randomKeysSizes)
	if os.Getenv("GESPREKSMAP_RANDOMKEYS") == "long" {
		perSize = randomKeysLong
	}
	if *randomKeysN > 0 {
		perSize = *randomKeysN
	}
	seen := map[string]int{}
	for _, size := range randomKeysSizes {
		t.Run(fmt.Sprintf("%dx%d", size.Width, size.Height), func(t *testing.T) {
			r := newKeyRun(t, seed, size, perSize)
			start := time.Now()
			r.run()
			t.Logf("seed %d: %d keys, %d runs, %d restarts, %d saves read back, %d edits on disk in %v",
				r.seed, r.keys, r.episodes, r.restarts, r.saves, r.conflicts, time.Since(start).Round(time.Millisecond))
			for k, n := range r.seen {
				seen[k] += n
			}
			t.Logf("keys spent: %v", r.seen)
		})
	}
	if t.Failed() {
		return
	}
	// The keys must have reached every screen, or the test proves little.
	var missing []string
	for _, want := range randomKeysMustSee {
		if seen[want] == 0 {
			missing = append(missing, want)
		}
	}
	if len(missing) > 0 {
		t.Errorf("seed %d: the random keys never reached %s (reached: %v)", seed, strings.Join(missing, ", "), seen)
	}
}

// randomKeysMustSee are the places the keys must reach in every run.
var randomKeysMustSee = []string{
	"start", "setup", "setup/person", "overview", "actions", "actions/edit", "prior", "prior/date",
	"overlay", "goto", "conflict", "readonly", "prompt", "closing", "closing/edit", "parked",
	"question/open", "question/choice", "question/partners", "question/counts", "question/points", "question/topics",
	"question/focus/status", "question/focus/invoer", "question/focus/antwoord",
	"question/focus/perspectieven", "question/focus/actiepunten",
	"question/focus/perspectief", "question/focus/actiepunt", "question/focus/partner", "reflection/question",
	"sheet/page", "sheet/contributions", "sheet/round", "sheet/edit",
}

func sortedKeys(m map[string]int) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// keyRun is one window size's share of random keys.
type keyRun struct {
	t    *testing.T
	seed uint64 // the test's seed; each size draws from its own stream
	n    int    // keys to send
	rng  *rand.Rand
	size tea.WindowSizeMsg

	root string // this size's temporary folder
	cfg  Config
	app  *App
	// cmds are commands returned by Update and not run yet: now and then
	// they wait a few keys, as they do in a real program.
	cmds []tea.Cmd
	// tickIn counts down the keys until the pending autosave tick fires
	// (-1: none pending). The tick's second is not waited for.
	tickIn int

	prev      tea.Msg  // the key before, to repeat
	repeat    int      // times prev is still to repeat
	last      []string // the last keys, for the failure message
	keys      int
	episodes  int
	episode   string // how the current run started
	restarts  int
	saves     int
	conflicts int
	seen      map[string]int
}

func newKeyRun(t *testing.T, seed uint64, size tea.WindowSizeMsg, n int) *keyRun {
	return &keyRun{
		t: t, seed: seed, n: n, size: size, root: t.TempDir(), tickIn: -1, seen: map[string]int{},
		rng: rand.New(rand.NewPCG(seed, uint64(size.Width)<<16|uint64(size.Height))),
	}
}

// fail stops the test with everything needed to replay it.
func (r *keyRun) fail(format string, args ...any) {
	r.t.Helper()
	r.t.Fatalf("%s\nseed %d, window %dx%d, run %d (%s), key %d of %d\nreplay: go test ./tui -run 'RandomKeys/%dx%d' -randomkeys.seed=%d -randomkeys.n=%d\nlast keys: %s",
		fmt.Sprintf(format, args...), r.seed, r.size.Width, r.size.Height, r.episodes, r.episode, r.keys, r.n,
		r.size.Width, r.size.Height, r.seed, r.n, strings.Join(r.last, " "))
}

// guard turns a panic in f into a test failure with the seed and the last keys.
func (r *keyRun) guard(f func()) {
	r.t.Helper()
	var failure string
	func() {
		defer func() {
			if p := recover(); p != nil {
				failure = fmt.Sprintf("panic: %v\n%s", p, debug.Stack())
			}
		}()
		f()
	}()
	if failure != "" {
		r.fail("%s", failure)
	}
}

func (r *keyRun) run() {
	n := r.n
	for r.keys < n {
		r.startEpisode()
		length := 100 + r.rng.IntN(1400)
		for i := 0; i < length && r.keys < n; i++ {
			r.step()
		}
		r.endEpisode()
	}
}

// The ways into a conversation, taken in turn.
var randomKeysEntries = []string{"fresh", "resume", "baseline", "reflection", "readonly"}

func (r *keyRun) startEpisode() {
	r.episodes++
	r.episode = randomKeysEntries[(r.episodes-1)%len(randomKeysEntries)]
	dir, err := os.MkdirTemp(r.root, "sessies")
	if err != nil {
		r.t.Fatal(err)
	}
	r.cfg = Config{
		Set:   content.Default(),
		Dir:   dir,
		Theme: ThemeDark,
		Dark:  true,
		Now:   func() time.Time { return time.Date(2026, 11, 22, 14, 0, 0, 0, time.UTC) },
		// F6 starts a real participants' page, on the loopback.
		ParticipantsAddr: "127.0.0.1",
		Convenant: func(path string, set *content.Set, s *sessions.Session, _ []string) (string, error) {
			out := filepath.Join(filepath.Dir(path), "concept.md")
			return out, os.WriteFile(out, []byte("concept voor "+s.Title), 0o600)
		},
	}
	// Every folder holds last year's report, a conversation under way and a
	// reflection under way, so the start screen lists them.
	lastYear := r.writeLastYear()
	ongoing := r.writeConversation()
	reflection := r.writeReflection(lastYear)
	switch r.episode {
	case "resume":
		r.cfg.Open = ongoing
	case "baseline":
		r.cfg.Baseline = lastYear
	case "reflection":
		r.cfg.Open = reflection
	case "readonly":
		r.cfg.Open, r.cfg.ReadOnly = ongoing, true
	}
	r.cmds, r.tickIn = nil, -1
	r.guard(func() { r.boot() })
}

// boot starts the program on r.cfg, as the command line does.
func (r *keyRun) boot() {
	r.app = New(r.cfg)
	r.queue(r.app.Init())
	r.deliver(r.size)
	r.flush()
}

func (r *keyRun) endEpisode() {
	r.guard(func() { r.flush() })
	r.closeAndCheck()
	os.RemoveAll(r.cfg.Dir)
}

// closeAndCheck ends the program as the command line does and reads its
// report back.
func (r *keyRun) closeAndCheck() {
	// A report changed on disk is not overwritten: that is no failure.
	if err := r.app.Close(); err != nil && !errors.Is(err, sessions.ErrChangedOnDisk) {
		r.fail("closing: %v", err)
	}
	if p := r.app.ReportPath(); p != "" {
		r.checkReport(p)
	}
}

// restart follows a key that quit the program: it starts again on its
// report, as a facilitator would run it again.
func (r *keyRun) restart() {
	r.restarts++
	// Closing makes the file read-only: ask before.
	readOnly := r.app.c.readOnly()
	r.closeAndCheck()
	if p := r.app.ReportPath(); p != "" {
		r.cfg.Open, r.cfg.ReadOnly = p, readOnly
	} else {
		r.cfg.Open, r.cfg.ReadOnly = "", false
	}
	r.cfg.Baseline = ""
	r.cmds, r.tickIn = nil, -1
	r.boot()
}

func (r *keyRun) checkReport(path string) {
	r.t.Helper()
	if _, err := store.Load(path, r.cfg.Set); err != nil {
		r.fail("the saved report %s does not read back: %v", path, err)
	}
	r.saves++
}

// step sends one random key (or, now and then, a resize, a mouse wheel or
// an edit of the report on disk) and draws the screen.
func (r *keyRun) step() {
	r.keys++
	var msg tea.Msg
	switch x := r.rng.IntN(1000); {
	case r.repeat > 0:
		r.repeat--
		msg = r.prev
	case x < 3:
		msg = r.resize()
	case x < 6:
		msg = tea.MouseMsg{Action: tea.MouseActionPress, Button: []tea.MouseButton{tea.MouseButtonWheelUp, tea.MouseButtonWheelDown}[r.rng.IntN(2)]}
	case x < 7:
		r.editOnDisk()
		return
	case x < 40 && r.prev != nil:
		// A key held down repeats a few times.
		r.repeat = 1 + r.rng.IntN(12)
		msg = r.prev
	default:
		msg = r.randomKey()
	}
	if km, ok := msg.(tea.KeyMsg); ok {
		r.prev = km
	}
	r.note(msg)
	r.guard(func() {
		r.deliver(msg)
		if r.tickIn > 0 {
			r.tickIn--
			if r.tickIn == 0 {
				r.tickIn = -1
				// The autosave's tick and the agenda clock's tick both
				// come here as tea.Tick: each gets its message.
				r.deliver(autosaveMsg{})
				r.deliver(clockMsg{})
			}
		}
		// Most commands finish before the next key; some take a while.
		if r.rng.IntN(10) > 0 {
			r.flush()
		}
		r.observe()
	})
}

// resize mostly changes to another of the three sizes, at times to a window
// below the minimum, and comes back to the run's own size soon after.
func (r *keyRun) resize() tea.WindowSizeMsg {
	switch r.rng.IntN(3) {
	case 0:
		return tea.WindowSizeMsg{Width: 30 + r.rng.IntN(40), Height: 8 + r.rng.IntN(12)}
	case 1:
		return randomKeysSizes[r.rng.IntN(len(randomKeysSizes))]
	}
	return r.size
}

// editOnDisk changes the report behind the program's back, as a text editor
// would, so the conflict screen gets its keys too.
func (r *keyRun) editOnDisk() {
	p := r.app.ReportPath()
	if p == "" || r.app.c.readOnly() {
		return
	}
	raw, err := os.ReadFile(p)
	if err != nil || len(raw) == 0 {
		return
	}
	r.note("<edit on disk>")
	r.conflicts++
	if err := os.WriteFile(p, append(raw, '\n'), 0o600); err != nil {
		r.t.Fatal(err)
	}
}

func (r *keyRun) note(msg any) {
	var s string
	switch m := msg.(type) {
	case tea.KeyMsg:
		s = m.String()
		if m.Type == tea.KeyRunes && len(m.Runes) > 1 {
			s = strconv.Quote(string(m.Runes))
			if m.Paste {
				s = "paste" + s
			}
		}
	case tea.WindowSizeMsg:
		s = fmt.Sprintf("<%dx%d>", m.Width, m.Height)
	case tea.MouseMsg:
		s = "<" + m.String() + ">"
	case string:
		s = m
	}
	r.last = append(r.last, s)
	if len(r.last) > 30 {
		r.last = r.last[len(r.last)-30:]
	}
}

// deliver hands one message to the program, queues what it asks to run and
// draws the screen, as the program loop does.
func (r *keyRun) deliver(msg tea.Msg) {
	_, cmd := r.app.Update(msg)
	r.queue(cmd)
	r.app.View()
	if r.app.quitting {
		r.cmds = nil
		r.restart()
	}
}

func (r *keyRun) queue(cmd tea.Cmd) {
	if cmd != nil {
		r.cmds = append(r.cmds, cmd)
	}
}

// flush runs the waiting commands and delivers what they bring, until
// nothing is left.
func (r *keyRun) flush() {
	for steps := 0; len(r.cmds) > 0; steps++ {
		if steps > 10000 {
			r.fail("commands keep producing commands")
		}
		cmd := r.cmds[0]
		r.cmds = r.cmds[1:]
		r.dispatch(r.runCmd(cmd))
	}
}

// tickPending stands for a tea.Tick command: its message is the autosave,
// delivered a few keys later instead of a second later.
type tickPending struct{}

func (r *keyRun) runCmd(cmd tea.Cmd) tea.Msg {
	name := runtime.FuncForPC(reflect.ValueOf(cmd).Pointer()).Name()
	switch {
	case strings.Contains(name, "bubbletea.Tick"):
		return tickPending{}
	case strings.Contains(name, "Blink"):
		// A cursor blink waits for its interval; it changes nothing a
		// test can see.
		return nil
	case strings.Contains(name, "awaitArrival"):
		// Waits for a participant to send, which no random key does.
		return nil
	}
	return cmd()
}

func (r *keyRun) dispatch(msg tea.Msg) {
	switch m := msg.(type) {
	case nil:
		return
	case tea.BatchMsg:
		r.cmds = append(r.cmds, m...)
		return
	case tickPending:
		if r.tickIn < 0 {
			r.tickIn = 1 + r.rng.IntN(30)
		}
		return
	case tea.QuitMsg:
		r.cmds = nil
		r.restart()
		return
	case savedMsg:
		r.deliver(msg)
		if m.res.Err == nil {
			r.checkReport(r.app.ReportPath())
		}
		return
	}
	// tea.Sequence's message is an unexported slice of commands.
	if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
		for i := range v.Len() {
			if c, ok := v.Index(i).Interface().(tea.Cmd); ok && c != nil {
				r.cmds = append(r.cmds, c)
			}
		}
		return
	}
	r.deliver(msg)
}

// observe notes where the keys have taken the program.
func (r *keyRun) observe() {
	a := r.app
	see := func(s string) { r.seen[s]++ }
	if a.conflict != nil {
		see("conflict")
	}
	if a.overlay != nil {
		see("overlay")
	}
	if a.finder != nil {
		see("goto")
	}
	if a.prompt != nil {
		see("prompt")
	}
	switch a.sheet.(type) {
	case *roomSheet:
		see("sheet/page")
	case *inbox:
		see("sheet/contributions")
	case *roundSheet:
		see("sheet/round")
	case *contributionEditor:
		see("sheet/edit")
	}
	if a.c.readOnly() {
		see("readonly")
	}
	switch a.screen {
	case screenStart:
		see("start")
	case screenSetup:
		see("setup")
		if a.setup.person != nil {
			see("setup/person")
		}
	case screenOverview:
		see("overview")
		if a.overview.parkedHere() >= 0 {
			see("parked")
		}
	case screenClosing:
		see("closing")
		if a.closing.edit != nil {
			see("closing/edit")
		}
	case screenActions:
		see("actions")
		if a.actions.edit != nil {
			see("actions/edit")
		}
	case screenPriorActions:
		see("prior")
		if a.prior.date != nil {
			see("prior/date")
		}
	case screenQuestion:
		q := a.pane.(*question.Screen)
		see("question/" + string(a.c.stops[q.Stop()].Question.Kind))
		see("question/focus/" + q.Focus())
		if a.c.conv.Prior != nil {
			see("reflection/question")
		}
	}
}

// writeLastYear writes last year's report: answers, and action items of
// which three are still open (in one run of three, none is).
func (r *keyRun) writeLastYear() string {
	s := sessionstest.Conversation(r.cfg.Set, 60)
	s.Title, s.Date = "Oplossingenlab 2025", "2025-11-20"
	s.Current = ""
	s.Actions = []sessions.ActionItem{
		{What: "Visie opschrijven", Who: "SWV", When: "2026-03-01", QuestionID: "bestuur.uitwerking"},
		{What: "Vervoer evalueren", Who: "Gemeente", When: "2026-06-01", QuestionID: "financiering.vervoer"},
		{What: "Ouderavond", Who: "School", When: "voor de zomer", QuestionID: "ouders.overleg"},
		{What: "Al gedaan vorig jaar", Done: true},
	}
	if r.rng.IntN(3) == 0 {
		s.Actions = s.Actions[3:]
	}
	return r.writeReport(s)
}

// writeConversation writes a conversation under way, left at a random
// stop; in one run of three it has only just begun, without participants.
func (r *keyRun) writeConversation() string {
	if r.rng.IntN(3) == 0 {
		s := sessions.New(r.cfg.Set.ID, r.cfg.Set.Version)
		s.Title, s.Date = "Net begonnen", "2026-11-22"
		s.Current = r.someQuestion()
		return r.writeReport(s)
	}
	s := sessionstest.Conversation(r.cfg.Set, 40)
	s.Current = r.someQuestion()
	a := s.Answer(s.Current)
	a.Perspectives = []sessions.Perspective{{Organisation: "Gemeente Tilburg", Text: "Meer regie."}}
	s.Actions = []sessions.ActionItem{
		{What: "Agenda OOGO", Who: "Piet", When: "2027-03-01", QuestionID: s.Current},
		{What: "Algemeen punt"},
	}
	// Contributions from participants' phones wait, one set aside.
	at := time.Date(2026, 11, 22, 13, 50, 0, 0, time.UTC)
	for i, st := range []content.Stop{r.cfg.Set.Stops()[0], r.cfg.Set.Stops()[r.rng.IntN(len(r.cfg.Set.Stops()))]} {
		k := sessions.Contribution{ID: "k" + strconv.Itoa(i), Organisation: "Ouders", QuestionID: st.Question.ID, Text: "Van de telefoon " + strconv.Itoa(i) + ".", At: at}
		if st.Part != nil {
			k.Part = st.Part.ID
		}
		s.Contributions = append(s.Contributions, k)
	}
	s.Contributions[1].State = sessions.ContributionSetAside
	return r.writeReport(s)
}

// writeReflection writes this year's reflection on lastYear, begun and left
// at a random stop, with last year's items still to settle.
func (r *keyRun) writeReflection(lastYear string) string {
	prior, err := store.Load(lastYear, r.cfg.Set)
	if err != nil {
		r.t.Fatal(err)
	}
	s := sessions.New(r.cfg.Set.ID, r.cfg.Set.Version)
	s.Title, s.Date = "Jaarlijkse reflectie 2026", "2026-11-22"
	s.Participants = prior.Participants
	s.Current = r.someQuestion()
	path, err := store.Create(r.cfg.Dir, s.Date, s.Title)
	if err != nil {
		r.t.Fatal(err)
	}
	sessions.StartReflection(s, prior, sessions.RelativePath(path, lastYear))
	if err := store.WriteFile(path, report.Render(r.cfg.Set, s)); err != nil {
		r.t.Fatal(err)
	}
	return path
}

// someQuestion picks a question to leave a conversation at: first a kind,
// then a question of that kind, so that the rare kinds get their turn.
func (r *keyRun) someQuestion() string {
	byKind := map[content.Kind][]string{}
	var kinds []content.Kind
	for _, st := range r.cfg.Set.Stops() {
		k := st.Question.Kind
		if len(byKind[k]) == 0 {
			kinds = append(kinds, k)
		}
		byKind[k] = append(byKind[k], st.Question.ID)
	}
	ids := byKind[kinds[r.rng.IntN(len(kinds))]]
	return ids[r.rng.IntN(len(ids))]
}

func (r *keyRun) writeReport(s *sessions.Session) string {
	path, err := store.Create(r.cfg.Dir, s.Date, s.Title)
	if err != nil {
		r.t.Fatal(err)
	}
	if err := store.WriteFile(path, report.Render(r.cfg.Set, s)); err != nil {
		r.t.Fatal(err)
	}
	return path
}

// randomKey draws a key, weighted toward the keys that move between fields
// and screens and the commands of the interface.
func (r *keyRun) randomKey() tea.KeyMsg {
	// A few places are reached, or used, only with one letter or a long
	// walk; there the keys lean toward it. Last year's action items are
	// reached with p on the overview and settled with alt and a letter.
	if r.app.screen == screenOverview && r.app.c.conv.Prior != nil && r.rng.IntN(10) == 0 {
		return oneOf("p")(r.rng)
	}
	if r.app.screen == screenPriorActions && r.app.prior.date == nil && r.rng.IntN(2) == 0 {
		k := oneOf("gdvojk")(r.rng)
		k.Alt = r.rng.IntN(3) > 0
		return k
	}
	// The contributions' letters: take over, edit, set aside, let wait
	// again, go to the stop; in a round, reveal and take all over.
	switch r.app.sheet.(type) {
	case *inbox:
		if r.rng.IntN(4) == 0 {
			return oneOf("etrg")(r.rng)
		}
	case *roundSheet:
		if r.rng.IntN(4) == 0 {
			return oneOf("vaetx")(r.rng)
		}
	}
	// The partner list is long; its last rows (other partners, the add
	// row) are reached by walking down it.
	if r.app.screen == screenQuestion {
		q := r.app.pane.(*question.Screen)
		if q.Focus() == "invoer" && r.app.c.stops[q.Stop()].Question.Kind == content.KindPartners && r.rng.IntN(4) == 0 {
			down := tea.KeyMsg{Type: tea.KeyDown}
			r.prev, r.repeat = down, len(r.cfg.Set.PartnerKinds)+r.rng.IntN(3)
			return down
		}
		if q.Focus() == "invoer" && r.app.c.stops[q.Stop()].Question.Kind == content.KindPartners && r.rng.IntN(8) == 0 {
			return tea.KeyMsg{Type: tea.KeyEnter}
		}
	}
	total := 0
	for _, k := range randomKeyTable {
		total += k.weight
	}
	x := r.rng.IntN(total)
	for _, k := range randomKeyTable {
		if x < k.weight {
			return k.make(r.rng)
		}
		x -= k.weight
	}
	panic("unreachable")
}

type weightedKey struct {
	weight int
	make   func(*rand.Rand) tea.KeyMsg
}

func typed(t tea.KeyType) func(*rand.Rand) tea.KeyMsg {
	return func(*rand.Rand) tea.KeyMsg { return tea.KeyMsg{Type: t} }
}

func oneOf(s string) func(*rand.Rand) tea.KeyMsg {
	rs := []rune(s)
	return func(g *rand.Rand) tea.KeyMsg {
		return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{rs[g.IntN(len(rs))]}}
	}
}

// The pieces of pastes: words, Dutch letters, lines, markdown and report
// markers, and terminal escape sequences.
var pasteBits = []string{
	"Het staat op de agenda.", "één", "café ", "zorg in onderwijstijd ", "\n", "\n\n", "# kop", "> quote",
	"<!-- zio:antwoord -->", "- [ ] ", "| a | b |", "\x1b[31mrood\x1b[0m", "\t", "12", "2027-03-01", "🙂", "  ",
}

var randomKeyTable = []weightedKey{
	{100, typed(tea.KeyTab)},
	{50, typed(tea.KeyShiftTab)},
	{100, typed(tea.KeyEnter)},
	{60, typed(tea.KeyUp)},
	{60, typed(tea.KeyDown)},
	{40, typed(tea.KeyLeft)},
	{40, typed(tea.KeyRight)},
	{60, typed(tea.KeyEsc)},
	{40, typed(tea.KeySpace)},
	{40, typed(tea.KeyBackspace)},
	{10, typed(tea.KeyDelete)},
	{8, typed(tea.KeyPgUp)},
	{8, typed(tea.KeyPgDown)},
	{5, typed(tea.KeyHome)},
	{5, typed(tea.KeyEnd)},
	{30, typed(tea.KeyCtrlN)},
	{20, typed(tea.KeyCtrlP)},
	{20, typed(tea.KeyCtrlO)},
	{20, typed(tea.KeyCtrlR)},
	{5, typed(tea.KeyCtrlT)},
	{5, typed(tea.KeyCtrlG)},
	{5, typed(tea.KeyCtrlF)},
	{5, typed(tea.KeyCtrlB)},
	{10, typed(tea.KeyCtrlY)},
	{3, typed(tea.KeyCtrlU)},
	{3, typed(tea.KeyCtrlW)},
	{3, typed(tea.KeyCtrlK)},
	{2, typed(tea.KeyCtrlLeft)},
	{2, typed(tea.KeyCtrlRight)},
	{2, typed(tea.KeyCtrlHome)},
	{2, typed(tea.KeyCtrlEnd)},
	{1, typed(tea.KeyCtrlC)},
	{30, func(g *rand.Rand) tea.KeyMsg {
		return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{rune('1' + g.IntN(5))}, Alt: true}
	}},
	{5, typed(tea.KeyF1)},
	{5, typed(tea.KeyF2)},
	{5, typed(tea.KeyF3)},
	{5, typed(tea.KeyCtrlL)},
	// The participants' page, the contributions waiting, the writing round.
	{3, typed(tea.KeyF6)},
	{5, typed(tea.KeyF7)},
	{3, typed(tea.KeyF8)},
	// Letters, the command letters of the screens more often.
	{80, oneOf("abcdefghijklmnopqrstuvwxyz")},
	{40, oneOf("qadvcnxrpgthjklo?/mse")},
	{5, oneOf("ABCDEFGHIJKLMNOPQRSTUVWXYZ")},
	{40, oneOf("0123456789")},
	{5, oneOf("éëïüç€–.,:;!\"'()[]*_#>|<`\\/")},
	{15, func(g *rand.Rand) tea.KeyMsg {
		var b strings.Builder
		for range 1 + g.IntN(6) {
			b.WriteString(pasteBits[g.IntN(len(pasteBits))])
		}
		return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(b.String()), Paste: g.IntN(2) == 0}
	}},
}
