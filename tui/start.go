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
	// choosingBaseline: the list picks last year's report for a reflection.
	choosingBaseline bool
	entries          []store.Entry
	keys             startKeys
	w, h             int
}

// startRow is a row of the start screen: one of the two ways to begin, or
// a report in the folder.
type startRow struct {
	begin string // "new", "reflect" or "" for a report
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
	s := &startScreen{c: c}
	s.keys = startKeys{
		New:      component.Bind("n", "nieuw gesprek", "n"),
		ReadOnly: component.Bind("r", "alleen lezen openen", "r"),
		Back:     component.Bind("esc", "terug", "esc"),
		Quit:     component.Bind("q", "stoppen", "q"),
	}
	s.list = list.New("start", c.St.ListStyles(), s.row)
	s.list.Keys.Choose.SetHelp("enter", "kiezen")
	s.fill()
	return s
}

// Init lists the sessions folder in the background.
func (s *startScreen) Init() tea.Cmd {
	dir, set := s.c.cfg.Dir, s.c.Set
	return func() tea.Msg {
		es, err := store.List(dir, set)
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
	if !s.choosingBaseline {
		rows = append(rows, startRow{begin: "new"}, startRow{begin: "reflect"})
	}
	for _, e := range s.entries {
		rows = append(rows, startRow{entry: e})
	}
	s.list.SetItems(rows)
}

func (s *startScreen) row(r startRow, w int) string {
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
	case tea.KeyMsg:
		k := s.keys
		switch {
		case component.Matches(msg, k.Quit):
			return s, component.Quit()
		case component.Matches(msg, k.New):
			return s, component.Send(newSetupMsg{})
		case component.Matches(msg, k.ReadOnly) && s.locked != "":
			path := s.locked
			s.locked, s.err = "", nil
			return s, component.Send(openReportMsg{path: path, readOnly: true})
		case component.Matches(msg, k.Back):
			s.choosingBaseline, s.err, s.locked = false, nil, ""
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
	switch r.begin {
	case "new":
		return component.Send(newSetupMsg{})
	case "reflect":
		if len(s.entries) == 0 {
			s.err = errors.New("er is nog geen verslag om op terug te kijken")
			return nil
		}
		s.choosingBaseline = true
		s.fill()
		s.list.SetCursor(0)
		return nil
	}
	if r.entry.Err != nil {
		s.err = r.entry.Err
		return nil
	}
	if s.choosingBaseline {
		s.choosingBaseline = false
		s.fill()
		return component.Send(reflectMsg{path: r.entry.Path})
	}
	return component.Send(openReportMsg{path: r.entry.Path})
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
	b.WriteString(st.Dim.Render(ansi.Truncate("Zorg in Onderwijstijd: samen afspraken maken tussen onderwijs en zorg.", w, "…")) + "\n\n")
	if s.choosingBaseline {
		b.WriteString(st.Title.Render("Jaarlijkse reflectie: kies het verslag van vorig jaar") + "\n\n")
	} else {
		b.WriteString(st.Dim.Render(ansi.Truncate("Verslagen in "+component.Plain(s.c.cfg.Dir), w, "…")) + "\n\n")
	}
	b.WriteString(s.list.View() + "\n")
	switch {
	case !s.loaded:
		b.WriteString(st.Dim.Render("  Verslagen zoeken…") + "\n")
	case len(s.entries) == 0:
		b.WriteString(st.Dim.Render("  Nog geen verslagen in deze map.") + "\n")
	}
	if s.err != nil {
		b.WriteString("\n" + st.Error.Render(ansi.Wrap(component.Plain(s.err.Error()), w, " /")) + "\n")
	}
	return b.String()
}

func (s *startScreen) ShortHelp() []key.Binding {
	k := &s.keys
	k.ReadOnly.SetEnabled(s.locked != "")
	k.Back.SetEnabled(s.choosingBaseline || s.err != nil)
	return append([]key.Binding{k.ReadOnly, s.list.Keys.Choose, k.New, k.Back, k.Quit}, s.list.ShortHelp()...)
}

func (s *startScreen) FullHelp() [][]key.Binding {
	s.ShortHelp()
	k := s.keys
	return append([][]key.Binding{{k.ReadOnly, k.New, k.Back, k.Quit}}, s.list.FullHelp()...)
}
