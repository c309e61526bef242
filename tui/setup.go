package tui

import (
	"errors"
	"fmt"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"gespreksmap/sessions"
	"gespreksmap/tui/component"
	"gespreksmap/tui/forms"
	"gespreksmap/tui/list"
)

// setupScreen asks what a new conversation needs (title, partnership, date,
// facilitator, participants), and edits the same later from the overview.
// A conversation under way is changed through the core at every change; a
// new one is collected in a sessions.Start and begun by the root.
type setupScreen struct {
	c *base
	// existing is the conversation being edited (nil for a new one).
	existing *sessions.Conversation
	start    sessions.Start // a new conversation
	details  sessions.Details
	meta     *forms.Form
	people   *list.List[sessions.Participant]
	// focus: the details form, the participant list, or the button
	focus int
	// person is the participant form while one is added or edited.
	person *participantForm
	err    string
	note   string // what a change brought along, until the next key
	keys   setupKeys
	w, h   int
}

const (
	focusMeta = iota
	focusPeople
	focusButton
)

type setupKeys struct {
	Next, Prev, Begin, Back key.Binding
}

// newSetupScreen edits conv, or (conv nil) sets up a new conversation; a
// yearly reflection follows with reflect.
func newSetupScreen(c *base, conv *sessions.Conversation) *setupScreen {
	s := &setupScreen{c: c, existing: conv}
	s.keys = setupKeys{
		Next:  component.Bind("tab", "volgend deel", "tab"),
		Prev:  component.Bind("shift+tab", "vorig deel", "shift+tab"),
		Begin: component.Bind("enter", "gesprek beginnen", "enter"),
		Back:  component.Bind("esc", "terug", "esc"),
	}
	if conv != nil {
		s.details = conv.Details()
		s.keys.Begin.SetHelp("enter", "klaar")
	} else {
		s.start = sessions.NewStart(nil, "", c.cfg.Now())
		s.details = s.start.Details
	}
	s.people = list.New("deelnemers", c.St.ListStyles(), s.personRow).
		WithAdd("+ deelnemer toevoegen").
		WithDelete(func(p sessions.Participant) string { return p.Name }).
		Explicit(component.Bind("ctrl+n", "deelnemer toevoegen", "ctrl+n"))
	s.people.Keys.Choose.SetHelp("enter", "wijzigen")
	s.build()
	if conv != nil {
		// Opened from the overview (d), where a letter is a command: a
		// sentence typed there by mistake must not run on into the title.
		// The list takes no letters; tab goes to the details.
		s.setFocus(focusPeople)
	}
	return s
}

// reflect makes this the setup of a yearly reflection on prior, last
// year's report read from path.
func (s *setupScreen) reflect(prior *sessions.Session, path string) {
	s.start = sessions.NewStart(prior, path, s.c.cfg.Now())
	s.details = s.start.Details
	s.build()
}

// build makes the details form on s.details and fills the list.
func (s *setupScreen) build() {
	date := forms.Text("date", "Datum", &s.details.Date).Placeholder("JJJJ-MM-DD").Hint("jaar-maand-dag").
		Validate(func(v string) error {
			if err := sessions.ValidateDate(v); err != nil {
				return fmt.Errorf("de datum %q is geen datum als 2026-11-22 (jaar-maand-dag)", v)
			}
			return nil
		})
	s.meta = forms.New("details", s.c.St.FormStyles(),
		forms.Text("title", "Titel", &s.details.Title).Placeholder("bijv. Oplossingenlab ZiO najaar 2026"),
		forms.Text("region", "Samenwerkingsverband of regio", &s.details.Region).Placeholder("bijv. Hart van Brabant"),
		date,
		forms.Text("facilitator", "Gespreksleider", &s.details.Facilitator).Placeholder("naam"),
	)
	s.meta.Wrap = false
	s.meta.Keys.Enter.SetHelp("enter/tab", "volgend veld")
	s.meta.Keys.Submit.SetHelp("enter", "naar de deelnemers")
	s.refreshPeople()
	s.setFocus(focusMeta)
	s.SetSize(s.w, s.h)
}

func (s *setupScreen) participants() []sessions.Participant {
	if s.existing != nil {
		return s.existing.Participants
	}
	return s.start.Participants
}

func (s *setupScreen) refreshPeople() {
	s.people.SetItems(append([]sessions.Participant(nil), s.participants()...))
}

func (s *setupScreen) personRow(p sessions.Participant, w int) string {
	text := p.Name + " · " + p.Organisation + " · " + partnerKindLabel(s.c, p.PartnerKind)
	if p.Signs {
		text += " · tekent"
		if p.Function != "" {
			text += " als " + p.Function
		}
	} else if p.Function != "" {
		text += " · " + p.Function
	}
	return component.Plain(text)
}

// setFocus moves focus to the details, the list or the button.
func (s *setupScreen) setFocus(f int) {
	s.focus = f
	if f == focusMeta {
		s.meta.FocusFirst()
	} else {
		s.meta.Blur()
	}
	if f == focusPeople {
		s.people.Focus()
	} else {
		s.people.Blur()
	}
}

// focusList puts focus on participant row i.
func (s *setupScreen) focusList(i int) {
	s.setFocus(focusPeople)
	s.people.SetCursor(i)
}

// Title implements titled.
func (s *setupScreen) Title() string {
	switch {
	case s.existing != nil:
		return "Gegevens en deelnemers"
	case s.start.Prior != nil:
		return "Jaarlijkse reflectie: nieuw gesprek naast " + s.start.Prior.Date + " " + s.start.Prior.Title
	}
	return "Nieuw gesprek"
}

// Editing implements the root's question: a text field has focus.
func (s *setupScreen) Editing() bool {
	if s.person != nil {
		return s.person.editing()
	}
	return s.focus == focusMeta
}

func (s *setupScreen) Init() tea.Cmd { return nil }

func (s *setupScreen) Update(msg tea.Msg) (component.Component, tea.Cmd) {
	if s.person != nil {
		return s, s.updatePerson(msg)
	}
	switch msg := msg.(type) {
	case forms.ChangedMsg:
		return s, s.detailsChanged()
	case forms.SubmitMsg:
		s.setFocus(focusPeople)
		return s, nil
	case list.AddMsg:
		s.person = newParticipantForm(s.c, -1, sessions.Participant{PartnerKind: sessions.OtherPartnerKind}, s.w)
		return s, nil
	case list.ChosenMsg:
		s.person = newParticipantForm(s.c, msg.Index, s.participants()[msg.Index], s.w)
		return s, nil
	case list.DeleteMsg:
		return s, s.removePerson(msg.Index)
	case list.TypedMsg:
		return s, component.Flash(setupTypedHint)
	case tea.KeyMsg:
		s.err, s.note = "", ""
		return s, s.key(msg)
	}
	return s, nil
}

func (s *setupScreen) key(km tea.KeyMsg) tea.Cmd {
	k := s.keys
	if s.focus == focusPeople && s.people.Confirming() {
		_, cmd := s.people.Update(km)
		return cmd
	}
	switch {
	case component.Matches(km, k.Back):
		if s.existing != nil {
			return component.Navigate(screenOverview)
		}
		return component.Navigate(screenStart)
	case s.focus == focusMeta && s.meta.Edge(km) > 0,
		s.focus == focusPeople && (component.Matches(km, k.Next) || s.people.Edge(km) > 0):
		s.setFocus(s.focus + 1)
		return nil
	case s.focus == focusMeta && s.meta.Edge(km) < 0:
		return nil
	case s.focus == focusPeople && (component.Matches(km, k.Prev) || s.people.Edge(km) < 0):
		s.setFocus(focusMeta)
		s.meta.FocusLast()
		return nil
	case s.focus == focusButton && component.Matches(km, k.Next):
		s.setFocus(focusMeta)
		return nil
	case s.focus == focusButton && (component.Matches(km, k.Prev) || km.Type == tea.KeyUp):
		s.setFocus(focusPeople)
		return nil
	case s.focus == focusButton && component.Matches(km, k.Begin):
		return s.submit()
	}
	// Choosing and submitting act at once, not through the widgets'
	// messages: a key typed right after must find the form already open.
	switch s.focus {
	case focusMeta:
		if component.Matches(km, s.meta.Keys.Submit) && s.meta.Focused() == "facilitator" {
			if s.meta.Validate() {
				s.setFocus(focusPeople)
			}
			return nil
		}
		_, cmd := s.meta.Update(km)
		return cmd
	case focusPeople:
		l := s.people
		switch {
		case component.Matches(km, l.Keys.Choose) && l.OnAdd(), component.Matches(km, l.Keys.Add):
			s.Update(list.AddMsg{List: l.ID()})
			return nil
		case component.Matches(km, l.Keys.Choose):
			if _, i, ok := l.Selected(); ok {
				s.Update(list.ChosenMsg{List: l.ID(), Index: i})
			}
			return nil
		}
		_, cmd := l.Update(km)
		return cmd
	case focusButton:
		if printable(km) {
			return component.Flash(setupTypedHint)
		}
	}
	return nil
}

// setupTypedHint says where typing goes when letters are typed on the
// participant list or the button: nothing changed.
const setupTypedHint = "Typen verandert hier niets: enter wijzigt een deelnemer, ctrl+n voegt er een toe, tab gaat naar de gegevens."

// printable reports whether km is a letter, digit or space typed: text
// where text goes.
func printable(km tea.KeyMsg) bool {
	return (km.Type == tea.KeyRunes || km.Type == tea.KeySpace) && !km.Alt
}

// detailsChanged records the details of a conversation under way at once.
func (s *setupScreen) detailsChanged() tea.Cmd {
	if s.existing == nil {
		s.start.Details = s.details
		return nil
	}
	s.existing.SetDetails(s.details) // a wrong date stays as it was; the field says why
	return nil
}

// submit begins the new conversation, or ends the editing of this one.
func (s *setupScreen) submit() tea.Cmd {
	if s.existing != nil {
		if err := sessions.ValidateDate(s.details.Date); err != nil {
			s.err = fmt.Sprintf("De datum %q is geen datum als 2026-11-22 (jaar-maand-dag); de datum blijft %s.", s.details.Date, s.existing.Date)
			s.setFocus(focusMeta)
			s.meta.Focus("date")
			return nil
		}
		return component.Navigate(screenOverview)
	}
	s.start.Details = s.details
	switch err := s.start.Validate(); {
	case errors.Is(err, sessions.ErrTitle):
		s.err = "Geef het gesprek een titel."
		s.setFocus(focusMeta)
		return nil
	case err != nil:
		s.err = fmt.Sprintf("De datum %q is geen datum als 2026-11-22 (jaar-maand-dag).", s.details.Date)
		s.setFocus(focusMeta)
		s.meta.Focus("date")
		return nil
	}
	return component.Send(beginMsg{start: s.start})
}

// updatePerson runs the participant form; enter on its choice or its
// toggle, enter on the last field and esc keep the participant.
func (s *setupScreen) updatePerson(msg tea.Msg) tea.Cmd {
	p := s.person
	switch msg := msg.(type) {
	case forms.SubmitMsg:
		return s.savePerson()
	case tea.KeyMsg:
		s.err, s.note = "", ""
		if component.Matches(msg, s.keys.Back) {
			return s.savePerson()
		}
		if f := p.form.Focused(); component.Matches(msg, p.form.Keys.Submit) && (f == "kind" || f == "signs") {
			return s.savePerson()
		}
		_, cmd := p.form.Update(msg)
		return cmd
	}
	return nil
}

// savePerson keeps the participant being edited; in a conversation under
// way it goes through the core (which follows a renamed organisation).
func (s *setupScreen) savePerson() tea.Cmd {
	p, at := s.person.p, s.person.at
	s.person = nil
	if sessions.ValidateParticipant(p) != nil {
		return nil // nothing typed: nothing kept
	}
	if s.existing != nil {
		if at < 0 {
			i, _ := s.existing.AddParticipant(p)
			s.refreshPeople()
			s.people.SetCursor(i + 1)
			return nil
		}
		r, _ := s.existing.UpdateParticipant(at, p)
		s.note = r.Message()
		s.refreshPeople()
		return nil
	}
	p = sessions.NormalizeParticipant(p)
	if at < 0 {
		s.start.Participants = append(s.start.Participants, p)
		s.refreshPeople()
		s.people.SetCursor(len(s.start.Participants))
		return nil
	}
	s.start.Participants[at] = p
	s.refreshPeople()
	return nil
}

func (s *setupScreen) removePerson(i int) tea.Cmd {
	if s.existing != nil {
		s.existing.RemoveParticipant(i)
	} else if i >= 0 && i < len(s.start.Participants) {
		s.start.Participants = append(s.start.Participants[:i], s.start.Participants[i+1:]...)
	}
	s.refreshPeople()
	return nil
}

func (s *setupScreen) SetSize(w, h int) {
	s.w, s.h = w, h
	fw := min(w-2, 90)
	s.meta.SetSize(fw, 8)
	s.people.SetSize(w-2, max(2, h-12))
	if s.person != nil {
		s.person.form.SetSize(fw, max(5, h-4))
	}
}

func (s *setupScreen) ShortHelp() []key.Binding {
	k := &s.keys
	if s.person != nil {
		return append(s.person.form.ShortHelp(), k.Back)
	}
	k.Begin.SetEnabled(s.focus == focusButton)
	k.Next.SetEnabled(s.focus != focusMeta)
	k.Prev.SetEnabled(s.focus != focusMeta)
	out := []key.Binding{k.Begin}
	switch s.focus {
	case focusMeta:
		// enter and tab both move on: one hint.
		out = append(out, s.meta.Keys.Submit, s.meta.Keys.Enter)
	case focusPeople:
		out = append(out, s.people.ShortHelp()...)
	}
	return append(out, k.Next, k.Back)
}

func (s *setupScreen) FullHelp() [][]key.Binding {
	short := s.ShortHelp()
	out := [][]key.Binding{short}
	switch {
	case s.person != nil:
		out = append(out, s.person.form.FullHelp()...)
	case s.focus == focusMeta:
		out = append(out, s.meta.FullHelp()...)
	case s.focus == focusPeople:
		out = append(out, s.people.FullHelp()...)
	}
	return append(out, []key.Binding{s.keys.Prev})
}

// partnerKindLabel names a partner kind as the set calls it.
func partnerKindLabel(c *base, id string) string {
	if pk := c.Set.PartnerKind(id); pk != nil {
		return pk.Label
	}
	if id == "" || id == sessions.OtherPartnerKind {
		return "andere partner"
	}
	return id
}
