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
	"gespreksmap/tui/common"
)

// startScreen: start a new conversation, a yearly reflection on last year's
// report, or continue one of the reports in the sessions folder.
type startScreen struct {
	c       *base
	entries []store.Entry
	loaded  bool
	cursor  int
	err     error
	locked  string // report that another program holds: offer read-only
	// choosingBaseline: the list picks last year's report for a reflection.
	choosingBaseline bool
}

type entriesMsg struct {
	entries []store.Entry
	err     error
}

func newStartScreen(c *base) *startScreen { return &startScreen{c: c} }

// load lists the sessions folder in the background.
func (s *startScreen) load() tea.Cmd {
	dir, set := s.c.cfg.Dir, s.c.Set
	return func() tea.Msg {
		es, err := store.List(dir, set)
		return entriesMsg{es, err}
	}
}

// rows: 0 = new conversation, 1 = yearly reflection, then the reports.
func (s *startScreen) rows() int { return 2 + len(s.entries) }

func (s *startScreen) update(a *App, msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case entriesMsg:
		s.entries, s.loaded = msg.entries, true
		// Newest conversation first, by its date; the last saved first on a tie.
		sort.SliceStable(s.entries, func(i, j int) bool { return s.entries[i].Date > s.entries[j].Date })
		if msg.err != nil && !errors.Is(msg.err, fs.ErrNotExist) {
			s.err = msg.err
		}
		return nil
	case tea.KeyMsg:
		k := a.c.Keys
		switch {
		case key.Matches(msg, k.QuitLetter):
			return a.quit()
		case key.Matches(msg, k.Up):
			s.cursor = max(0, s.cursor-1)
		case key.Matches(msg, k.Down):
			s.cursor = min(s.rows()-1, s.cursor+1)
		case key.Matches(msg, k.New):
			return s.startNew(a)
		case msg.String() == "r" && s.locked != "":
			path := s.locked
			s.locked, s.err = "", nil
			a.openReport(path, true)
		case key.Matches(msg, k.Back):
			s.choosingBaseline, s.err, s.locked = false, nil, ""
		case key.Matches(msg, k.Enter):
			s.err, s.locked = nil, ""
			switch {
			case s.cursor == 0:
				return s.startNew(a)
			case s.cursor == 1:
				if len(s.entries) == 0 {
					s.err = errors.New("er is nog geen verslag om op terug te kijken")
					return nil
				}
				s.choosingBaseline = true
				s.cursor = 2
			default:
				e := s.entries[s.cursor-2]
				if e.Err != nil {
					s.err = e.Err
					return nil
				}
				if s.choosingBaseline {
					s.choosingBaseline = false
					a.beginReflection(e.Path)
					return nil
				}
				a.openReport(e.Path, false)
			}
		}
	}
	return nil
}

func (s *startScreen) startNew(a *App) tea.Cmd {
	a.setup = newSetupScreen(a.c, nil, nil)
	a.screen = screenSetup
	return nil
}

func (s *startScreen) view(a *App) string {
	st := a.c.St
	w := a.c.Width
	var b strings.Builder
	b.WriteString(st.Header.Render(a.c.Set.Title) + "\n")
	b.WriteString(st.Dim.Render(ansi.Truncate("Zorg in Onderwijstijd: samen afspraken maken tussen onderwijs en zorg.", w, "…")) + "\n\n")
	row := func(i int, text string) {
		marker := "  "
		if i == s.cursor {
			marker = st.Cursor.Render("▸ ")
			text = st.Selected.Render(text)
		}
		b.WriteString(marker + ansi.Truncate(text, w-2, "…") + "\n")
	}
	if s.choosingBaseline {
		b.WriteString(st.Title.Render("Jaarlijkse reflectie: kies het verslag van vorig jaar") + "\n\n")
	} else {
		row(0, "Nieuw gesprek beginnen")
		row(1, "Jaarlijkse reflectie: nieuw gesprek naast het verslag van vorig jaar")
		b.WriteString("\n" + st.Title.Render("Verder met een gesprek") + "  " + st.Dim.Render(a.c.cfg.Dir) + "\n")
	}
	switch {
	case !s.loaded:
		b.WriteString(st.Dim.Render("  Verslagen zoeken…") + "\n")
	case len(s.entries) == 0:
		b.WriteString(st.Dim.Render("  Nog geen verslagen in deze map.") + "\n")
	}
	// Keep the cursor row visible in a short window.
	room := max(3, a.c.Height-12)
	first := 0
	if s.cursor-2 >= room {
		first = s.cursor - 2 - room + 1
	}
	for i := first; i < len(s.entries) && i < first+room; i++ {
		e := s.entries[i]
		var text string
		if e.Err != nil {
			text = fmt.Sprintf("%s  (kan niet gelezen worden)", filepath.Base(e.Path))
		} else {
			text = fmt.Sprintf("%s  %s", e.Date, e.Title)
			if e.Region != "" {
				text += " · " + e.Region
			}
			text += fmt.Sprintf("  (%d van %d ingevuld)  %s", e.Tally.Answered, e.Tally.Units, filepath.Base(e.Path))
		}
		row(i+2, text)
	}
	if s.err != nil {
		b.WriteString("\n" + st.Error.Render(ansi.Wrap(s.err.Error(), w, " /")) + "\n")
		if s.locked != "" {
			b.WriteString(st.Key.Render("r") + " alleen lezen openen · " + st.Key.Render("esc") + " terug\n")
		}
	}
	body := common.FitBlock(b.String(), w, a.c.Height-1)
	return body + "\n" + a.footer(a.c.Keys.Enter, a.c.Keys.New, a.c.Keys.Help, a.c.Keys.Quit)
}
