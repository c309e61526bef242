package tui

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/sessions/store"
	"gespreksmap/tui/common"
)

// Minimum window the interface can be used in; below it, it says so plainly.
const (
	minWidth  = 60
	minHeight = 16
)

// Config is what the command line hands to the interface.
type Config struct {
	Set      *content.Set
	Dir      string // sessions folder
	Open     string // report to reopen directly (resume)
	ReadOnly bool   // open Open read-only
	Baseline string // last year's report: start a yearly reflection on it
	Theme    string
	Dark     bool // resolved once before the program starts
	Now      func() time.Time
	// Convenant writes a convenant draft for the report at path and returns
	// the draft's path. Wired by the command line; nil hides the command.
	Convenant func(path string, set *content.Set, s *sessions.Session) (string, error)
}

type screenID int

const (
	screenStart screenID = iota
	screenSetup
	screenOverview
	screenQuestion
	screenActions
	screenPriorActions
)

// common is shared by every screen, by pointer: the set, styles, keys, the
// window size and the render cache.
type base struct {
	*common.Common
	cfg   Config
	stops []stop // every answerable place, in order
}

// App is the root model.
type App struct {
	c *base

	screen   screenID
	start    *startScreen
	setup    *setupScreen
	overview *overviewScreen
	question *questionScreen
	actions  *actionsScreen
	prior    *priorScreen
	overlay  *overlay
	conflict bool // the report changed on disk: ask what to do

	sess  *sessions.Session
	saver *saver
	seq   uint64 // bumped on every change of the session
	// tickPending is set while an autosave tick is scheduled.
	tickPending bool
	savedSeq    uint64
	savedAt     time.Time
	saveErr     error
	flash       string // one-line message, cleared on the next key
	quitting    bool
	interrupted bool // left with ctrl+c: the command exits with status 130
}

// Interrupted reports whether the user left with ctrl+c.
func (a *App) Interrupted() bool { return a.interrupted }

// New builds the root model.
func New(cfg Config) *App {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Theme == "" {
		cfg.Theme = ThemeAuto
	}
	c := &base{Common: &common.Common{Set: cfg.Set, St: common.DefaultStyles(cfg.Theme, cfg.Dark), Keys: common.DefaultKeyMap(), Width: 80, Height: 24, MD: common.NewMDCache(cfg.Dark), Dark: cfg.Dark, Now: cfg.Now}, cfg: cfg}
	c.stops = buildStops(cfg.Set)
	a := &App{c: c, saver: &saver{}}
	a.start = newStartScreen(c)
	a.screen = screenStart
	return a
}

// Init loads the sessions list, or opens the report given on the command line.
func (a *App) Init() tea.Cmd {
	switch {
	case a.c.cfg.Open != "":
		a.openReport(a.c.cfg.Open, a.c.cfg.ReadOnly)
	case a.c.cfg.Baseline != "":
		a.beginReflection(a.c.cfg.Baseline)
	}
	if a.screen != screenStart {
		return nil
	}
	// The start screen, also when the report asked for could not be opened
	// (held elsewhere): it says why and lists the folder.
	return a.start.load()
}

// Session returns the conversation (nil before one is started or opened).
func (a *App) Session() *sessions.Session { return a.sess }

// ReportPath returns the report being written, or "".
func (a *App) ReportPath() string { return a.saver.path() }

// Close saves whatever is unsaved and releases the report. The command line
// calls it after the program ends, however it ended.
func (a *App) Close() error {
	err := a.saveNow()
	a.saver.close()
	return err
}

type (
	autosaveMsg struct{}
	savedMsg    struct {
		seq uint64
		at  time.Time
		err error
	}
	flashMsg string
)

// changed marks the session as changed and makes sure a save follows within
// a second, off the UI path.
func (a *App) changed() tea.Cmd {
	a.seq++
	if a.tickPending || a.saver.file == nil {
		return nil
	}
	a.tickPending = true
	return tea.Tick(time.Second, func(time.Time) tea.Msg { return autosaveMsg{} })
}

// saveCmd snapshots the session and saves the snapshot in the background.
func (a *App) saveCmd() tea.Cmd {
	a.syncEditors()
	if a.sess == nil || a.saver.file == nil || a.seq == a.savedSeq || a.saver.readOnly() {
		return nil
	}
	snap := a.sess.Clone()
	return a.saver.cmd(a.c.Set, snap, a.seq)
}

// saveNow saves synchronously: at quit, when nothing may be left behind.
func (a *App) saveNow() error {
	a.syncEditors()
	if a.sess == nil || a.saver.file == nil || a.saver.readOnly() || a.seq == a.savedSeq {
		return nil
	}
	msg := a.saver.cmd(a.c.Set, a.sess.Clone(), a.seq)()
	if m, ok := msg.(savedMsg); ok {
		a.noteSaved(m)
		return m.err
	}
	return nil
}

func (a *App) noteSaved(m savedMsg) {
	if m.err != nil {
		a.saveErr = m.err
		if errors.Is(m.err, sessions.ErrChangedOnDisk) {
			a.conflict = true
		}
		return
	}
	a.saveErr = nil
	a.savedSeq = max(a.savedSeq, m.seq)
	a.savedAt = m.at
}

// syncEditors copies text typed in editors into the session. Editors keep
// their own text while typing, so that a key never costs work proportional to
// the answer; their text reaches the session here, before every save.
func (a *App) syncEditors() {
	if a.question != nil && a.question.sync() {
		a.seq++
	}
}

// Update is the root of all message handling.
func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if km, ok := msg.(tea.KeyMsg); ok && km.Type == tea.KeyRunes && (km.Paste || len(km.Runes) > 1) {
		// A paste can hold whole terminal escape sequences; the editors drop
		// control characters one by one, which would leave the rest of a
		// sequence ("[31m") behind.
		km.Runes = []rune(sessions.CleanText(string(km.Runes)))
		if len(km.Runes) == 0 {
			return a, nil
		}
		msg = km
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.c.Width, a.c.Height = msg.Width, msg.Height
		a.resize()
		return a, nil
	case autosaveMsg:
		a.tickPending = false
		return a, a.saveCmd()
	case savedMsg:
		a.noteSaved(msg)
		return a, nil
	case flashMsg:
		a.flash = string(msg)
		return a, nil
	case common.RenderedMsg:
		a.c.MD.Put(msg)
		if a.overlay != nil {
			a.overlay.refresh(a.c)
		}
		return a, nil
	case tea.KeyMsg:
		a.flash = ""
		if key.Matches(msg, a.c.Keys.Quit) {
			a.interrupted = true
			return a, a.quit()
		}
		if a.conflict {
			return a, a.updateConflict(msg)
		}
		if a.overlay != nil {
			if a.overlay.update(msg, a.c) {
				a.overlay = nil
			}
			return a, nil
		}
		if key.Matches(msg, a.c.Keys.Help) {
			a.openHelp()
			return a, nil
		}
		if key.Matches(msg, a.c.Keys.Glossary) {
			return a, a.openGlossary()
		}
	case tea.MouseMsg:
		if a.overlay != nil {
			a.overlay.mouse(msg)
			return a, nil
		}
	}
	return a, a.updateScreen(msg)
}

func (a *App) updateScreen(msg tea.Msg) tea.Cmd {
	switch a.screen {
	case screenStart:
		return a.start.update(a, msg)
	case screenSetup:
		return a.setup.update(a, msg)
	case screenOverview:
		return a.overview.update(a, msg)
	case screenQuestion:
		return a.question.update(a, msg)
	case screenActions:
		return a.actions.update(a, msg)
	case screenPriorActions:
		return a.prior.update(a, msg)
	}
	return nil
}

func (a *App) quit() tea.Cmd {
	a.quitting = true
	if err := a.saveNow(); err != nil && !errors.Is(err, sessions.ErrChangedOnDisk) {
		a.saveErr = err
	}
	return tea.Quit
}

func (a *App) resize() {
	if a.overlay != nil {
		a.overlay.resize(a.c)
	}
	if a.question != nil {
		a.question.resize()
	}
	if a.setup != nil {
		a.setup.resize()
	}
}

// goTo switches screens; every change of screen saves.
func (a *App) goTo(s screenID) tea.Cmd {
	a.screen = s
	switch s {
	case screenOverview:
		if a.overview == nil {
			a.overview = newOverviewScreen(a.c)
		}
	case screenActions:
		a.actions = newActionsScreen(a.c)
	}
	return a.saveCmd()
}

// openQuestion shows the question screen at stop index i.
func (a *App) openQuestion(i int) tea.Cmd {
	if a.question == nil {
		a.question = newQuestionScreen(a.c, a)
	}
	a.question.show(i)
	a.sess.Current = a.c.stops[i].Question.ID
	a.seq++
	return a.goTo(screenQuestion)
}

// startSession makes s the conversation and its file the report.
func (a *App) startSession(s *sessions.Session, file *store.File) {
	a.sess = s
	a.saver.setFile(file)
	a.seq, a.savedSeq = 1, 0
	a.question = nil
	a.overview = newOverviewScreen(a.c)
	if file != nil && file.ReadOnly() {
		a.savedSeq = a.seq
	}
}

// openReport resumes a conversation from its report, at the question where
// it was left.
func (a *App) openReport(path string, readOnly bool) {
	var (
		f   *store.File
		s   *sessions.Session
		err error
	)
	if readOnly {
		f, s, err = store.OpenReadOnly(path, a.c.Set)
	} else {
		f, s, err = store.Open(path, a.c.Set)
	}
	if err != nil {
		// Held by another program, or a folder we may not write: it can
		// still be opened to read.
		var le *store.LockedError
		var ioe *store.IOError
		if !readOnly && (errors.As(err, &le) || errors.As(err, &ioe)) {
			a.start.locked = path
		}
		a.start.err = err
		a.screen = screenStart
		return
	}
	a.startSession(s, f)
	a.savedSeq = a.seq // just read: nothing to save yet
	a.screen = screenOverview
	if i := a.stopIndex(s.Current); i >= 0 {
		a.openQuestion(i)
		a.savedSeq = a.seq
	}
	if n := a.sess.OpenPriorActions(); a.sess.Prior != nil && n > 0 && !readOnly {
		a.flash = fmt.Sprintf("Nog %d actiepunten van vorig jaar zonder besluit: p in het overzicht.", n)
	}
}

func (a *App) stopIndex(questionID string) int {
	if questionID == "" {
		return -1
	}
	for i, st := range a.c.stops {
		if st.Question.ID == questionID {
			return i
		}
	}
	return -1
}

func (a *App) updateConflict(msg tea.KeyMsg) tea.Cmd {
	switch msg.String() {
	case "h", "H":
		s, err := a.saver.reload(a.c.Set)
		if err != nil {
			a.flash = "Herladen mislukt: " + err.Error()
			return nil
		}
		cur := ""
		if a.sess != nil {
			cur = a.sess.Current
		}
		a.conflict = false
		a.saveErr = nil
		a.startSession(s, a.saver.file)
		a.savedSeq = a.seq
		if i := a.stopIndex(cur); i >= 0 {
			a.openQuestion(i)
			a.savedSeq = a.seq
		} else {
			a.screen = screenOverview
		}
		a.flash = "Verslag opnieuw ingelezen."
	case "k", "K":
		a.syncEditors()
		path, err := a.saver.saveCopy(a.sess)
		if err != nil {
			a.flash = "Kopie opslaan mislukt: " + err.Error()
			return nil
		}
		a.conflict = false
		a.saveErr = nil
		a.savedSeq = a.seq
		a.savedAt = a.c.cfg.Now()
		a.flash = "Opgeslagen als kopie: " + path
	}
	return nil
}

// View draws the current screen.
func (a *App) View() string {
	if a.quitting {
		return ""
	}
	w, h := a.c.Width, a.c.Height
	if w < minWidth || h < minHeight {
		msg := fmt.Sprintf("Het venster is te klein (%d×%d).\nMaak het minstens %d×%d.\nctrl+c stopt (alles is opgeslagen).", w, h, minWidth, minHeight)
		return common.FitBlock(msg, w, h)
	}
	if a.conflict {
		return common.FitBlock(ansi.Wordwrap(a.conflictView(), w, ""), w, h)
	}
	if a.overlay != nil {
		return a.overlay.view(a.c)
	}
	var body string
	switch a.screen {
	case screenStart:
		body = a.start.view(a)
	case screenSetup:
		body = a.setup.view(a)
	case screenOverview:
		body = a.overview.view(a)
	case screenQuestion:
		body = a.question.view(a)
	case screenActions:
		body = a.actions.view(a)
	case screenPriorActions:
		body = a.prior.view(a)
	}
	return body
}

func (a *App) conflictView() string {
	st := a.c.St
	return st.Error.Render("Het verslag is buiten dit programma gewijzigd.") + "\n\n" +
		"Bestand: " + a.saver.path() + "\n\n" +
		"Het programma overschrijft het niet zonder te vragen.\n\n" +
		st.Key.Render("h") + "  herladen: de wijzigingen op schijf inlezen (wat hier sinds het laatste opslaan is getypt, vervalt)\n" +
		st.Key.Render("k") + "  opslaan als kopie: dit gesprek verder in een nieuw bestand ernaast\n" +
		st.Key.Render("ctrl+c") + "  stoppen zonder te overschrijven\n"
}

// header is the top line of the conversation screens: title left, save state right.
func (a *App) header(left string) string {
	st := a.c.St
	right := a.saveState()
	w := a.c.Width
	left = ansi.Truncate(left, max(0, w-ansi.StringWidth(right)-1), "…")
	gap := max(1, w-ansi.StringWidth(left)-ansi.StringWidth(right))
	return st.Header.Render(left) + strings.Repeat(" ", gap) + right
}

func (a *App) saveState() string {
	st := a.c.St
	switch {
	case a.saver.readOnly():
		return st.Error.Render("ALLEEN LEZEN")
	case a.saveErr != nil:
		return st.Error.Render("NIET OPGESLAGEN")
	case a.saver.file == nil:
		return ""
	case a.seq != a.savedSeq:
		return st.Dim.Render("opslaan…")
	case !a.savedAt.IsZero():
		return st.OK.Render("opgeslagen " + a.savedAt.Format("15:04:05"))
	}
	return st.OK.Render("opgeslagen")
}

// footer renders key hints on one line, cut to the width.
func (a *App) footer(bindings ...key.Binding) string {
	var parts []string
	for _, b := range bindings {
		// Hints may be help-only bindings (no keys of their own), so skip
		// only those without help text.
		if b.Help().Key == "" {
			continue
		}
		h := b.Help()
		parts = append(parts, a.c.St.Key.Render(h.Key)+" "+h.Desc)
	}
	line := strings.Join(parts, a.c.St.Footer.Render(" · "))
	if a.flash != "" {
		line = a.c.St.Error.Render(a.flash)
	} else if a.saveErr != nil {
		line = a.c.St.Error.Render("Opslaan mislukt: " + a.saveErr.Error())
	}
	return ansi.Truncate(line, a.c.Width, "…")
}

// saver writes reports one at a time, newest wins: a slow disk never blocks a
// key, and an older snapshot never overwrites a newer one.
type saver struct {
	mu      sync.Mutex
	file    *store.File
	written uint64
}

func (sv *saver) setFile(f *store.File) {
	sv.mu.Lock()
	defer sv.mu.Unlock()
	if sv.file != nil && sv.file != f {
		sv.file.Close()
	}
	sv.file = f
	sv.written = 0
}

func (sv *saver) path() string {
	sv.mu.Lock()
	defer sv.mu.Unlock()
	if sv.file == nil {
		return ""
	}
	return sv.file.Path()
}

func (sv *saver) readOnly() bool {
	sv.mu.Lock()
	defer sv.mu.Unlock()
	return sv.file != nil && sv.file.ReadOnly()
}

func (sv *saver) cmd(set *content.Set, snap *sessions.Session, seq uint64) tea.Cmd {
	return func() tea.Msg {
		sv.mu.Lock()
		defer sv.mu.Unlock()
		if sv.file == nil || seq <= sv.written {
			return nil
		}
		snap.Updated = time.Now()
		err := sv.file.Save(snap)
		if err == nil {
			sv.written = seq
		}
		return savedMsg{seq: seq, at: snap.Updated, err: err}
	}
}

func (sv *saver) reload(set *content.Set) (*sessions.Session, error) {
	sv.mu.Lock()
	defer sv.mu.Unlock()
	return sv.file.Reload()
}

func (sv *saver) saveCopy(s *sessions.Session) (string, error) {
	sv.mu.Lock()
	defer sv.mu.Unlock()
	return sv.file.SaveCopy(s)
}

func (sv *saver) close() {
	sv.mu.Lock()
	defer sv.mu.Unlock()
	if sv.file != nil {
		sv.file.Close()
	}
}
