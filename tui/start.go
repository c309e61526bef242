package tui

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"gespreksmap/content"
	"gespreksmap/sessions/store"
	"gespreksmap/tui/component"
	"gespreksmap/tui/list"
)

// startScreen: start a new conversation, a yearly reflection on last year's
// report, or continue one of the reports in the sessions folder.
type startScreen struct {
	c      *base
	list   *list.List[startRow]
	loaded bool
	err    error
	locked string // report that another program holds: offer read-only
	// choosingBaseline: the list picks last year's report for a reflection,
	// of baselineSet when the set was chosen first.
	choosingBaseline bool
	baselineSet      *content.Set
	// choosingSet: the list offers the question sets, for a new
	// conversation ("new") or a reflection ("reflect"); "" = not.
	choosingSet string
	pick        store.Picker
	entries     []store.Entry
	keys        startKeys
	w, h        int
}

// startRow is a row of the start screen: one of the two ways to begin, a
// question set to begin with, or a report in the folder.
type startRow struct {
	begin string // "new", "reflect" or "" for a set or a report
	set   *content.Set
	entry store.Entry
}

type startKeys struct {
	New, ReadOnly, Back, Quit key.Binding
}

type entriesMsg struct {
	entries []store.Entry
	err     error
}

func newStartScreen(c *base) *startScreen {
	s := &startScreen{c: c, pick: c.pick()}
	s.keys = startKeys{
		New:      component.Bind("n", "nieuw gesprek", "n"),
		ReadOnly: component.Bind("r", "alleen lezen openen", "r"),
		Back:     component.Bind("esc", "terug", "esc"),
		Quit:     component.Bind("q", "stoppen", "q"),
	}
	s.list = list.New("start", c.St.ListStyles(), s.row).Explicit(key.Binding{})
	s.list.Keys.Choose.SetHelp("enter", "kiezen")
	s.fill()
	return s
}

// Init lists the sessions folder in the background.
func (s *startScreen) Init() tea.Cmd {
	dir, pick := s.c.cfg.Dir, s.pick
	return func() tea.Msg {
		es, err := store.ListNamed(dir, pick)
		return entriesMsg{es, err}
	}
}

// refuse says why a report could not be opened; locked offers to open it
// read-only.
func (s *startScreen) refuse(path string, err error, locked bool) {
	s.err, s.locked = err, ""
	if locked {
		s.locked = path
	}
}

func (s *startScreen) fill() {
	var rows []startRow
	switch {
	case s.choosingSet != "":
		for _, set := range s.c.cfg.Sets {
			rows = append(rows, startRow{set: set})
		}
	case !s.choosingBaseline:
		rows = append(rows, startRow{begin: "new"}, startRow{begin: "reflect"})
	}
	if s.choosingSet == "" {
		for _, e := range s.entries {
			if s.choosingBaseline && !s.ofSet(e, s.baselineSet) {
				continue
			}
			rows = append(rows, startRow{entry: e})
		}
	}
	s.list.SetItems(rows)
}

// ofSet reports whether the report is one of set (nil: any set). A report
// that cannot be read is listed with every set, to say why.
func (s *startScreen) ofSet(e store.Entry, set *content.Set) bool {
	return set == nil || e.Err != nil || s.pick(e.SetID) == set
}

// chooseSet shows the question sets, the one loaded now under the cursor,
// to begin a new conversation or a reflection with.
func (s *startScreen) chooseSet(purpose string) {
	s.choosingSet, s.choosingBaseline = purpose, false
	s.fill()
	for i, set := range s.c.cfg.Sets {
		if set == s.c.Set {
			s.list.SetCursor(i)
		}
	}
}

func (s *startScreen) row(r startRow, w int) string {
	if r.set != nil {
		return component.Plain(fmt.Sprintf("%s  (versie %s)", r.set.Title, r.set.Version))
	}
	switch r.begin {
	case "new":
		return "Nieuw gesprek beginnen"
	case "reflect":
		return "Jaarlijkse reflectie: nieuw gesprek naast het verslag van vorig jaar"
	}
	e := r.entry
	if e.Err != nil {
		// Why, in a few words: a pipe, too large, a line that does not parse.
		return component.Plain(filepath.Base(e.Path) + " — niet te lezen: " + store.Why(e))
	}
	text := fmt.Sprintf("%s  %s", e.Date, e.Title)
	if e.Region != "" {
		text += " · " + e.Region
	}
	if set := s.pick(e.SetID); s.c.choosingSet() && set != s.c.cfg.Sets[0] {
		text += " · " + set.Title
	}
	text += fmt.Sprintf("  (%d van %d ingevuld)  %s", e.Tally.Answered, e.Tally.Units, filepath.Base(e.Path))
	return component.Plain(text)
}

func (s *startScreen) Update(msg tea.Msg) (component.Component, tea.Cmd) {
	switch msg := msg.(type) {
	case entriesMsg:
		s.entries, s.loaded = msg.entries, true
		// Newest conversation first, by its date; the last saved first on a tie.
		sort.SliceStable(s.entries, func(i, j int) bool { return s.entries[i].Date > s.entries[j].Date })
		if msg.err != nil && !errors.Is(msg.err, fs.ErrNotExist) {
			s.err = msg.err
		}
		s.fill()
		return s, nil
	case list.ChosenMsg:
		return s, s.choose(msg.Index)
	case list.TypedMsg:
		return s, component.Flash("Typen verandert hier niets: kies met ↑/↓ en enter; n begint een nieuw gesprek, q stopt.")
	case tea.KeyMsg:
		k := s.keys
		switch {
		case component.Matches(msg, k.Quit):
			return s, component.Quit()
		case component.Matches(msg, k.New):
			return s, s.begin("new")
		case component.Matches(msg, k.ReadOnly) && s.locked != "":
			path := s.locked
			s.locked, s.err = "", nil
			return s, component.Send(openReportMsg{path: path, readOnly: true})
		case component.Matches(msg, k.Back):
			s.choosingBaseline, s.choosingSet, s.baselineSet, s.err, s.locked = false, "", nil, nil, ""
			s.fill()
			return s, nil
		}
		if component.Matches(msg, s.list.Keys.Choose) {
			return s, s.choose(s.list.Cursor())
		}
		_, cmd := s.list.Update(msg)
		return s, cmd
	}
	return s, nil
}

func (s *startScreen) choose(i int) tea.Cmd {
	s.err, s.locked = nil, ""
	rows := s.list.Items()
	if i < 0 || i >= len(rows) {
		return nil
	}
	r := rows[i]
	if r.set != nil {
		return s.setChosen(r.set)
	}
	if r.begin != "" {
		return s.begin(r.begin)
	}
	if r.entry.Err != nil {
		s.err = r.entry.Err
		return nil
	}
	if s.choosingBaseline {
		set := s.baselineSet
		s.choosingBaseline, s.baselineSet = false, nil
		s.fill()
		return component.Send(reflectMsg{path: r.entry.Path, set: set})
	}
	return component.Send(openReportMsg{path: r.entry.Path})
}

// begin starts a new conversation ("new") or a reflection ("reflect"):
// with the question set chosen first, when there is more than one.
func (s *startScreen) begin(purpose string) tea.Cmd {
	s.err, s.locked = nil, ""
	if purpose == "reflect" && len(s.entries) == 0 {
		s.err = errors.New("er is nog geen verslag om op terug te kijken")
		return nil
	}
	if s.c.choosingSet() {
		s.chooseSet(purpose)
		return nil
	}
	if purpose == "new" {
		return component.Send(newSetupMsg{})
	}
	s.choosingBaseline = true
	s.fill()
	s.list.SetCursor(0)
	return nil
}

// setChosen goes on with the question set chosen: to the setup of a new
// conversation, or to last year's reports of that set for a reflection.
func (s *startScreen) setChosen(set *content.Set) tea.Cmd {
	purpose := s.choosingSet
	s.choosingSet = ""
	if purpose == "new" {
		s.fill()
		return component.Send(newSetupMsg{set: set})
	}
	n := 0
	for _, e := range s.entries {
		if e.Err == nil && s.ofSet(e, set) {
			n++
		}
	}
	if n == 0 {
		s.chooseSet(purpose)
		s.err = errors.New("er is nog geen verslag met de vragenset " + set.Title + " om op terug te kijken")
		return nil
	}
	s.choosingBaseline, s.baselineSet = true, set
	s.fill()
	s.list.SetCursor(0)
	return nil
}

func (s *startScreen) SetSize(w, h int) {
	s.w, s.h = w, h
	s.list.SetSize(w, max(3, h-8))
}

func (s *startScreen) View() string {
	st := s.c.St
	w := s.w
	var b strings.Builder
	b.WriteString(st.Header.Render(component.Plain(s.c.Set.Title)) + "\n")
	sub := firstSentence(s.c.Set.Intro)
	if s.c.choosingSet() {
		sub = fmt.Sprintf("%d vragensets: bij een nieuw gesprek of een reflectie kies je er een.", len(s.c.cfg.Sets))
	}
	b.WriteString(st.Dim.Render(ansi.Truncate(component.Plain(sub), w, "…")) + "\n\n")
	switch {
	case s.choosingSet != "":
		title := "Nieuw gesprek: kies de vragenset"
		if s.choosingSet == "reflect" {
			title = "Jaarlijkse reflectie: kies de vragenset"
		}
		b.WriteString(st.Title.Render(title) + "\n\n")
	case s.choosingBaseline:
		title := "Jaarlijkse reflectie: kies het verslag van vorig jaar"
		if s.baselineSet != nil {
			title += " (" + s.baselineSet.Title + ")"
		}
		b.WriteString(st.Title.Render(ansi.Truncate(component.Plain(title), w, "…")) + "\n\n")
	default:
		b.WriteString(st.Dim.Render(ansi.Truncate("Verslagen in "+component.Plain(s.c.cfg.Dir), w, "…")) + "\n\n")
	}
	b.WriteString(s.list.View() + "\n")
	if s.choosingSet != "" {
		if rows, i := s.list.Items(), s.list.Cursor(); i >= 0 && i < len(rows) && rows[i].set != nil {
			b.WriteString("\n" + st.Dim.Render(ansi.Wrap(component.Plain(rows[i].set.Intro), max(20, w-2), " ")) + "\n")
		}
		return s.errorView(b.String())
	}
	switch {
	case !s.loaded:
		b.WriteString(st.Dim.Render("  Verslagen zoeken…") + "\n")
	case len(s.entries) == 0:
		b.WriteString(st.Dim.Render("  Nog geen verslagen in deze map.") + "\n")
	}
	return s.errorView(b.String())
}

// errorView puts why the last choice did not go through under view.
func (s *startScreen) errorView(view string) string {
	if s.err == nil {
		return view
	}
	return view + "\n" + s.c.St.Error.Render(ansi.Wrap(component.Plain(s.err.Error()), s.w, " /")) + "\n"
}

// firstSentence is the text up to and including its first full stop.
func firstSentence(text string) string {
	if i := strings.Index(text, ". "); i >= 0 {
		return text[:i+1]
	}
	return text
}

func (s *startScreen) ShortHelp() []key.Binding {
	k := &s.keys
	k.ReadOnly.SetEnabled(s.locked != "")
	k.Back.SetEnabled(s.choosingBaseline || s.choosingSet != "" || s.err != nil)
	return append([]key.Binding{k.ReadOnly, s.list.Keys.Choose, k.New, k.Back, k.Quit}, s.list.ShortHelp()...)
}

func (s *startScreen) FullHelp() [][]key.Binding {
	s.ShortHelp()
	k := s.keys
	return append([][]key.Binding{{k.ReadOnly, k.New, k.Back, k.Quit}}, s.list.FullHelp()...)
}
