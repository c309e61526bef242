package tui

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/sessions/store"
	"gespreksmap/tui/common"
	"gespreksmap/tui/component"
	"gespreksmap/tui/footer"
	"gespreksmap/tui/presenter"
)

// Minimum window the interface can be used in; below it, it says so plainly.
const (
	minWidth  = 60
	minHeight = 16
)

type screenID = component.Screen

const (
	screenStart        = component.Start
	screenSetup        = component.Setup
	screenOverview     = component.Overview
	screenQuestion     = component.Question
	screenActions      = component.Actions
	screenPriorActions = component.PriorActions
	screenClosing      = component.Closing
)

// base is what every screen of this package reads: the shared styles, keys
// and size, the command line's configuration, and the conversation with its
// save controller. Only the root writes conv and ctl; screens change the
// conversation through its methods and ask the root for everything else
// with messages.
type base struct {
	*common.Common
	cfg   Config
	stops []content.Stop // every answerable place, in order
	// search is the go-to prompt's text of every stop, made when the
	// prompt is first opened with a set.
	search *stopIndex
	conv   *sessions.Conversation
	ctl    *sessions.Controller
}

// pick reads a report with the set it names among the sets offered.
func (c *base) pick() store.Picker {
	if len(c.cfg.Sets) == 0 {
		return store.Pick(c.cfg.Set)
	}
	return store.Pick(c.cfg.Sets[0], c.cfg.Sets...)
}

// choosingSet reports whether a new conversation chooses its set.
func (c *base) choosingSet() bool { return len(c.cfg.Sets) > 1 }

// readOnly reports whether the conversation may not be changed.
func (c *base) readOnly() bool { return c.conv != nil && c.conv.ReadOnly() }

// path is the report being written, or "".
func (c *base) path() string {
	if c.ctl == nil {
		return ""
	}
	return c.ctl.Path()
}

// titled is a screen that has the header line drawn above it by the root:
// its title on the left, the save state on the right.
type titled interface{ Title() string }

// App is the root model: it owns the screens, the footer, at most one
// overlay, the conversation and its save controller.
type App struct {
	c *base

	screen   screenID
	start    *startScreen
	setup    *setupScreen
	overview *overviewScreen
	pane     questionPane
	actions  *actionsScreen
	prior    *priorScreen
	overlay  *overlay
	finder   *finder // the go-to prompt, over the screen
	prompt   *prompt // a small form over the screen (parking, minutes, printing)
	sheet    sheet   // a panel over the body: participants' page, contributions, writing round
	closing  *closingScreen
	// reportName is the render cache's name of the report view's text.
	reportName string
	conflict   *conflictPrompt // the report changed on disk: ask what to do

	// room is the participants' page and what the screens were told of
	// it (participants.go).
	room roomUI

	foot   *footer.Footer
	mirror *presenter.View // the calm view for a mirrored projector (mirror.go)
	keys   rootKeys

	// lastIn is the stop last shown in each section, where entering the
	// section again resumes.
	lastIn map[int]int

	seenRev     uint64 // the conversation's revision after the last update
	tickPending bool   // an autosave tick is scheduled
	// clockPending: the agenda clock's tick is scheduled.
	clockPending bool
	quitting     bool
	interrupted  bool // left with ctrl+c: the command exits with status 130
	rescued      sessions.Rescued
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
	st := common.DefaultStyles(cfg.Theme, cfg.Dark)
	c := &base{Common: &common.Common{Set: cfg.Set, St: st, Keys: common.DefaultKeyMap(), Width: 80, Height: 24, MD: common.NewMDCache(cfg.Dark), Dark: cfg.Dark, Now: cfg.Now}, cfg: cfg}
	c.stops = cfg.Set.Stops()
	a := &App{c: c, keys: newRootKeys()}
	a.foot = footer.New(st.FooterStyles(), a.keys.More)
	a.start = newStartScreen(c)
	a.screen = screenStart
	a.layout()
	return a
}

// Init opens the report given on the command line, or starts a reflection
// on it, or lists the sessions folder.
func (a *App) Init() tea.Cmd {
	var cmd tea.Cmd
	switch {
	case a.c.cfg.Open != "":
		cmd = a.openReport(a.c.cfg.Open, a.c.cfg.ReadOnly)
	case a.c.cfg.Baseline != "":
		cmd = a.beginReflection(a.c.cfg.Baseline, nil)
	}
	if a.screen != screenStart {
		return cmd
	}
	// The start screen, also when the report asked for could not be opened
	// (held elsewhere): it says why and lists the folder.
	return tea.Batch(cmd, a.start.Init())
}

// Session returns the conversation (nil before one is started or opened).
func (a *App) Session() *sessions.Session {
	if a.c.conv == nil {
		return nil
	}
	return a.c.conv.Session
}

// Conversation returns the conversation (nil before one is started or opened).
func (a *App) Conversation() *sessions.Conversation { return a.c.conv }

// ReportPath returns the report being written, or "".
func (a *App) ReportPath() string { return a.c.path() }

// current is the component that gets keys now.
func (a *App) current() component.Component {
	if a.prompt != nil {
		return a.prompt
	}
	if a.finder != nil {
		return a.finder
	}
	if a.overlay != nil {
		return a.overlay
	}
	if a.sheet != nil {
		return a.sheet
	}
	return a.screenComponent()
}

func (a *App) screenComponent() component.Component {
	switch a.screen {
	case screenSetup:
		if a.setup != nil {
			return a.setup
		}
	case screenOverview:
		if a.overview != nil {
			return a.overview
		}
	case screenQuestion:
		if a.pane != nil {
			return a.pane
		}
	case screenActions:
		if a.actions != nil {
			return a.actions
		}
	case screenPriorActions:
		if a.prior != nil {
			return a.prior
		}
	case screenClosing:
		if a.closing != nil {
			return a.closing
		}
	}
	return a.start
}

// editing reports whether letters typed now are text.
func (a *App) editing() bool {
	if a.finder != nil || a.prompt != nil {
		return true
	}
	if a.overlay != nil {
		return false
	}
	if a.sheet != nil {
		e, ok := a.sheet.(sheetEditor)
		return ok && e.editing()
	}
	type editor interface{ Editing() bool }
	if e, ok := a.screenComponent().(editor); ok {
		return e.Editing()
	}
	return false
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
	cmd := a.handle(msg)
	return a, tea.Batch(cmd, a.afterUpdate())
}

func (a *App) handle(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.c.Width, a.c.Height = msg.Width, msg.Height
		a.layout()
		return nil
	case autosaveMsg:
		a.tickPending = false
		return a.saveCmd()
	case clockMsg:
		a.tick()
		return nil
	case savedMsg:
		return a.finishSave(msg)
	case common.RenderedMsg:
		a.c.MD.Put(msg)
		if a.overlay != nil {
			a.overlay.refresh(a.c)
		}
		return nil
	case tea.KeyMsg:
		return a.key(msg)
	case arrivalMsg:
		return a.arrived(msg)
	case roomTickMsg:
		return a.roomTick(msg)
	case tea.MouseMsg:
		if a.overlay != nil {
			_, cmd := a.overlay.Update(msg)
			return cmd
		}
		if a.conflict != nil || a.sheet != nil {
			return nil
		}
	}
	if cmd, ok := a.rootMsg(msg); ok {
		return cmd
	}
	_, cmd := a.footUpdate(msg)
	if cmd != nil {
		return cmd
	}
	return a.updateScreen(msg)
}

// footUpdate hands the footer its own messages (the end of a flash).
func (a *App) footUpdate(msg tea.Msg) (bool, tea.Cmd) {
	if _, ok := msg.(component.FlashMsg); ok {
		return true, nil // handled in rootMsg
	}
	_, cmd := a.foot.Update(msg)
	return cmd != nil, cmd
}

func (a *App) key(km tea.KeyMsg) tea.Cmd {
	if component.Matches(km, a.keys.Quit) {
		a.interrupted = true
		return a.quit()
	}
	if a.conflict != nil {
		return a.conflict.key(a, km)
	}
	if component.Matches(km, a.keys.Present) && a.c.conv != nil {
		a.toggleMirror()
		return nil
	}
	if a.foot.ShowingAll() {
		a.foot.ShowAll(false)
		if component.Matches(km, a.keys.More, a.c.Keys.Back) {
			return nil
		}
	}
	if p := a.prompt; p != nil {
		cmd, closed := p.key(a, km)
		if closed && a.prompt == p {
			a.prompt = nil
		}
		return cmd
	}
	if f := a.finder; f != nil {
		_, cmd := f.Update(km)
		if f.closed {
			a.finder = nil
		}
		return cmd
	}
	if component.Matches(km, a.keys.Park) {
		return a.openPark()
	}
	if a.overlay == nil {
		if cmd, ok := a.roomKey(km); ok {
			return cmd
		}
		if a.sheet != nil {
			return a.sheetKey(km)
		}
	}
	if component.Matches(km, a.keys.Find) || component.Matches(km, a.keys.FindLetter) && a.overlay == nil && !a.editing() {
		return a.openFinder()
	}
	if o := a.overlay; o != nil {
		_, cmd := o.Update(km)
		if o.closed {
			a.overlay = nil
			if o.back != nil {
				// Back to the overlay this one was opened from.
				a.showOverlay(o.back)
			}
		}
		return cmd
	}
	switch {
	case component.Matches(km, a.keys.More), component.Matches(km, a.keys.HelpLetter) && !a.editing():
		a.openHelp()
		return nil
	case component.Matches(km, a.keys.Glossary):
		return a.openGlossary(a.stopTerms())
	}
	return a.updateScreen(km)
}

// updateScreen hands msg to the current screen.
func (a *App) updateScreen(msg tea.Msg) tea.Cmd {
	_, cmd := a.screenComponent().Update(msg)
	return cmd
}

// afterUpdate follows every message: a change of the conversation schedules
// the autosave, and the footer shows the keys of what has focus now.
func (a *App) afterUpdate() tea.Cmd {
	cmds := []tea.Cmd{a.syncClock()}
	a.mirrorTyped()
	a.feedRoom()
	a.syncWaiting(false)
	if a.c.conv != nil && a.c.conv.Revision() != a.seenRev {
		a.seenRev = a.c.conv.Revision()
		cmds = append(cmds, a.scheduleSave())
	} else if a.pane != nil && a.screen == screenQuestion && a.pane.Pending() {
		cmds = append(cmds, a.scheduleSave())
	}
	a.foot.SetKeyMap(a.footKeys())
	return tea.Batch(cmds...)
}

// rootMsg handles what screens ask of the root.
func (a *App) rootMsg(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case component.NavigateMsg:
		return a.navigate(msg), true
	case component.FlashMsg:
		return a.foot.Flash(msg.Text, msg.Kind), true
	case component.OpenOverlayMsg:
		if o, ok := msg.Overlay.(*overlay); ok {
			a.showOverlay(o)
		}
		return nil, true
	case component.CloseOverlayMsg:
		if a.overlay != nil && a.overlay.closed {
			a.overlay = nil
		}
		return nil, true
	case component.QuitMsg:
		return a.quit(), true
	case component.ShowHelpMsg:
		a.openHelp()
		return nil, true
	case component.ShowGlossaryMsg:
		return a.openGlossary(msg.First), true
	case component.ShowTipsMsg:
		if msg.Section >= 0 && msg.Section < len(a.c.Set.Sections) {
			return a.openTips(&a.c.Set.Sections[msg.Section]), true
		}
		return nil, true
	case component.ShowTextMsg:
		return a.openText(msg.Title, msg.Name, msg.Text), true
	case openReportMsg:
		return a.openReport(msg.path, msg.readOnly), true
	case reflectMsg:
		return a.beginReflection(msg.path, msg.set), true
	case newSetupMsg:
		if msg.set != nil {
			a.useSet(msg.set)
		}
		a.setup = newSetupScreen(a.c, nil)
		a.show(screenSetup)
		return nil, true
	case beginMsg:
		return a.begin(msg.start), true
	case showReportMsg:
		return a.openReportView(), true
	case convenantMsg:
		return a.openConvenant(), true
	case editParkedMsg:
		return a.editParked(msg.i), true
	case planMsg:
		return a.openPlan(msg.sec), true
	case printMsg:
		return a.openPrint(), true
	}
	return nil, false
}

// stopTerms are the glossary terms of the stop on screen, if any.
func (a *App) stopTerms() []*content.Term {
	if a.screen == screenQuestion && a.pane != nil && a.c.conv != nil {
		return a.c.conv.Terms(a.c.conv.Stop(a.pane.Stop()))
	}
	return nil
}

// flush records what the question screen holds in its editors.
func (a *App) flush() {
	if a.pane != nil {
		a.pane.Flush()
	}
}

// quit saves and stops.
func (a *App) quit() tea.Cmd {
	a.quitting = true
	a.stopClock()
	// The participants' page stops, and what it took in is in the
	// conversation before the last save.
	a.stopRoom()
	a.flush()
	if a.c.ctl != nil {
		a.c.ctl.SaveNow() // a failure or conflict stays in the controller; Close reports it
	}
	return tea.Quit
}
