package tui

import (
	"fmt"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"gespreksmap/sessions"
	"gespreksmap/tui/component"
	"gespreksmap/tui/forms"
	"gespreksmap/tui/list"
)

// closingScreen is the closing round (the Leidraad's intermezzo): the
// participating organisations one by one, each answering three questions.
// enter on the last question saves and goes on to the next organisation;
// esc saves and returns to the list. A first step becomes an action item
// with the organisation as owner (the core does that).
type closingScreen struct {
	c    *base
	list *list.List[string]
	// edit is the form of the organisation at (an index in the list)
	// while its answers are typed.
	edit    *forms.Form
	answers sessions.ClosingAnswers
	at      int
	keys    closingKeys
	w, h    int
}

type closingKeys struct{ Back, Save key.Binding }

func newClosingScreen(c *base) *closingScreen {
	s := &closingScreen{c: c, keys: closingKeys{
		Back: component.Bind("esc", "terug naar het overzicht", "esc"),
		Save: component.Bind("esc", "opslaan en terug", "esc"),
	}}
	s.list = list.New("slotronde", c.St.ListStyles(), s.row).
		WithEmpty("Nog geen organisaties aan tafel: voeg deelnemers toe (d in het overzicht).")
	s.list.Keys.Choose.SetHelp("enter", "antwoorden")
	s.list.SetItems(c.conv.ClosingOrganisations())
	return s
}

func (s *closingScreen) row(org string, w int) string {
	a, ok := s.c.conv.ClosingOf(org)
	switch {
	case !ok:
		return component.Plain("[ ] " + org)
	case a.FirstStep != "":
		return component.Plain("[x] " + org + " — eerste stap: " + a.FirstStep)
	}
	return component.Plain("[x] " + org)
}

// Title implements titled.
func (s *closingScreen) Title() string {
	if s.edit == nil {
		return "Slotronde"
	}
	orgs := s.list.Items()
	return fmt.Sprintf("Slotronde %d van %d: %s", s.at+1, len(orgs), orgs[s.at])
}

// Editing implements the root's question: the form takes letters.
func (s *closingScreen) Editing() bool { return s.edit != nil }

func (s *closingScreen) Init() tea.Cmd { return nil }

func (s *closingScreen) Update(msg tea.Msg) (component.Component, tea.Cmd) {
	if s.edit != nil {
		return s, s.updateEdit(msg)
	}
	switch msg := msg.(type) {
	case list.ChosenMsg:
		return s, s.open(msg.Index)
	case list.TypedMsg:
		return s, component.Flash("Typen verandert hier niets: enter opent de vragen voor de organisatie.")
	case tea.KeyMsg:
		if component.Matches(msg, s.keys.Back) {
			return s, component.Navigate(screenOverview)
		}
		if component.Matches(msg, s.list.Keys.Choose) {
			if _, i, ok := s.list.Selected(); ok {
				return s, s.open(i)
			}
			return s, nil
		}
		_, cmd := s.list.Update(msg)
		return s, cmd
	}
	return s, nil
}

// open shows the three questions for organisation i.
func (s *closingScreen) open(i int) tea.Cmd {
	if s.c.readOnly() {
		return readOnlyFlash()
	}
	orgs := s.list.Items()
	if i < 0 || i >= len(orgs) {
		return nil
	}
	s.at = i
	s.answers, _ = s.c.conv.ClosingOf(orgs[i])
	s.edit = forms.New("slotronde", s.c.St.FormStyles(),
		forms.Text("use", sessions.ClosingUseQuestion, &s.answers.Use),
		forms.Text("first", sessions.ClosingFirstStepQuestion, &s.answers.FirstStep).Placeholder("wordt een actiepunt van de organisatie"),
		forms.Text("questions", sessions.ClosingQuestionsQuestion, &s.answers.Questions),
	)
	s.edit.Keys.Submit.SetHelp("enter", "opslaan, volgende organisatie")
	s.SetSize(s.w, s.h)
	return nil
}

func (s *closingScreen) updateEdit(msg tea.Msg) tea.Cmd {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil
	}
	switch {
	case component.Matches(km, s.keys.Save):
		return s.save(false)
	case s.edit.Submits(km):
		return s.save(true)
	}
	_, cmd := s.edit.Update(km)
	return cmd
}

// save records the organisation's answers through the core; next goes on
// to the next organisation, else back to the list.
func (s *closingScreen) save(next bool) tea.Cmd {
	org := s.list.Items()[s.at]
	s.edit = nil
	s.c.conv.SetClosing(org, s.answers)
	s.list.SetItems(s.c.conv.ClosingOrganisations())
	s.list.SetCursor(s.at)
	var cmd tea.Cmd
	if s.answers.FirstStep != "" {
		cmd = component.Flash("Eerste stap staat bij de actiepunten (wie: " + component.Plain(org) + ").")
	}
	if next && s.at+1 < len(s.list.Items()) {
		s.list.SetCursor(s.at + 1)
		return tea.Batch(cmd, s.open(s.at+1))
	}
	return cmd
}

func (s *closingScreen) SetSize(w, h int) {
	s.w, s.h = w, h
	s.list.SetSize(w, max(1, h-3))
	if s.edit != nil {
		s.edit.SetSize(min(max(10, w-2), 110), max(3, h-4))
	}
}

func (s *closingScreen) View() string {
	st := s.c.St
	if s.edit != nil {
		return "\n" + s.edit.View() + "\n\n" + st.Dim.Render(ansi.Truncate("De eerste stap wordt een actiepunt met de organisatie als eigenaar.", s.w, "…"))
	}
	intro := st.Dim.Render(ansi.Truncate("Elke organisatie aan tafel: wat kun je hiermee, wat is je eerste stap, welke vragen heb je nog?", s.w, "…"))
	return "\n" + intro + "\n\n" + s.list.View()
}

func (s *closingScreen) ShortHelp() []key.Binding {
	if s.edit != nil {
		return append(s.edit.ShortHelp(), s.keys.Save)
	}
	return append(s.list.ShortHelp(), s.keys.Back)
}

func (s *closingScreen) FullHelp() [][]key.Binding {
	if s.edit != nil {
		return append(s.edit.FullHelp(), []key.Binding{s.keys.Save})
	}
	return append(s.list.FullHelp(), []key.Binding{s.keys.Back})
}
