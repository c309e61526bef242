package tui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/sessions/store"
	"gespreksmap/tui/common"
)

// setupScreen asks what a new conversation needs (title, partnership, date,
// facilitator, participants), and edits the same later from the overview.
type setupScreen struct {
	c      *base
	meta   *form
	people []sessions.Participant
	// focus: 0 = the metadata form, 1 = the participant list, 2 = start button
	focus  int
	cursor int   // in the participant list; len(people) = "add" row
	person *form // participant being added or edited
	editAt int   // index edited, or -1 when adding
	err    string
	note   string // what a change brought along, until the next key
	// confirm: x was pressed once on a participant
	confirm bool
	// existing is the session being edited (nil for a new conversation).
	existing *sessions.Session
	// prior is last year's report when this is a yearly reflection.
	prior     *sessions.Session
	priorPath string
}

func newSetupScreen(c *base, existing, prior *sessions.Session) *setupScreen {
	s := &setupScreen{c: c, existing: existing, prior: prior, editAt: -1}
	title, region, date, facil := "", "", c.cfg.Now().Format("2006-01-02"), ""
	src := existing
	if src == nil && prior != nil {
		src = prior
	}
	if src != nil {
		title, region, facil = src.Title, src.Region, src.Facilitator
		s.people = append(s.people, src.Participants...)
	}
	if existing != nil {
		date = existing.Date
	} else if prior != nil {
		// This year's conversation is not last year's: a title of its own.
		title = "Jaarlijkse reflectie " + c.cfg.Now().Format("2006")
		if region != "" {
			title += " " + region
		}
	}
	s.meta = newForm(
		newTextField("Titel", title, "bijv. Oplossingenlab ZiO najaar 2026"),
		newTextField("Samenwerkingsverband of regio", region, "bijv. Hart van Brabant"),
		newTextField("Datum", date, "JJJJ-MM-DD"),
		newTextField("Gespreksleider", facil, "naam"),
	)
	s.meta.fields[2].hint = "jaar-maand-dag"
	s.resize()
	return s
}

func (s *setupScreen) resize() {
	s.meta.setWidth(min(s.c.Width-4, 90))
	if s.person != nil {
		s.person.setWidth(min(s.c.Width-4, 90))
	}
}

func (s *setupScreen) kindLabels() []string {
	var out []string
	for _, pk := range s.c.Set.PartnerKinds {
		out = append(out, pk.Label)
	}
	return append(out, "Andere partner")
}

func (s *setupScreen) personForm(p sessions.Participant) *form {
	labels := s.kindLabels()
	choice := len(labels) - 1
	for i, pk := range s.c.Set.PartnerKinds {
		if pk.ID == p.PartnerKind {
			choice = i
		}
	}
	f := newForm(
		newTextField("Naam", p.Name, "naam van de deelnemer"),
		newTextField("Organisatie", p.Organisation, "bijv. Gemeente Tilburg"),
		newChoiceField("Soort partner", labels, choice),
		newTextField("Functie", p.Function, "bijv. wethouder, directeur-bestuurder (optioneel)"),
		newToggleField("Tekent namens de organisatie", p.Signs),
	)
	f.fields[2].hint = "←/→ kiezen"
	f.fields[4].hint = "spatie: ja/nee · enter: opslaan"
	f.setWidth(min(s.c.Width-4, 90))
	return f
}

func (s *setupScreen) personFromForm() sessions.Participant {
	f := s.person.fields
	p := sessions.Participant{
		Name:         f[0].value(),
		Organisation: f[1].value(),
		Function:     f[3].value(),
		Signs:        f[4].on,
	}
	if c := f[2].choice; c < len(s.c.Set.PartnerKinds) {
		p.PartnerKind = s.c.Set.PartnerKinds[c].ID
	} else {
		p.PartnerKind = "anders"
	}
	return p
}

func (s *setupScreen) update(a *App, msg tea.Msg) tea.Cmd {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil
	}
	k := a.c.Keys
	s.err, s.note = "", ""
	if !key.Matches(km, k.Delete) {
		s.confirm = false
	}
	if s.person != nil {
		switch {
		case key.Matches(km, k.Back):
			return s.savePerson(a)
		case km.Type == tea.KeyEnter:
			if s.person.last() || s.person.fields[s.person.focus].kind != fieldText {
				return s.savePerson(a)
			}
			s.person.setFocus(s.person.focus + 1)
			return nil
		}
		_, cmd := s.person.update(km, k)
		return cmd
	}
	switch {
	case key.Matches(km, k.Back):
		if s.existing != nil {
			s.apply(a)
			return a.goTo(screenOverview)
		}
		a.screen = screenStart
		return a.start.load()
	case key.Matches(km, k.Tab):
		s.moveFocus(1)
		return nil
	case key.Matches(km, k.ShiftTab):
		s.moveFocus(-1)
		return nil
	}
	switch s.focus {
	case 0:
		if km.Type == tea.KeyEnter {
			if s.meta.last() {
				s.focus = 1
				s.meta.blur()
			} else {
				s.meta.setFocus(s.meta.focus + 1)
			}
			return nil
		}
		if km.Type == tea.KeyDown && s.meta.last() {
			s.moveFocus(1)
			return nil
		}
		if km.Type == tea.KeyUp && s.meta.focus == 0 {
			return nil
		}
		_, cmd := s.meta.update(km, k)
		if s.existing != nil {
			s.apply(a)
			return tea.Batch(cmd, a.changed())
		}
		return cmd
	case 1:
		switch {
		case key.Matches(km, k.Up):
			if s.cursor == 0 {
				s.focus = 0
				s.meta.setFocus(len(s.meta.fields) - 1)
			} else {
				s.cursor--
			}
		case key.Matches(km, k.Down):
			if s.cursor < len(s.people) {
				s.cursor++
			} else {
				s.focus = 2
			}
		case key.Matches(km, k.Enter), key.Matches(km, k.New):
			if km.String() == "n" || s.cursor == len(s.people) {
				s.editAt = -1
				s.person = s.personForm(sessions.Participant{})
			} else {
				s.editAt = s.cursor
				s.person = s.personForm(s.people[s.cursor])
			}
		case key.Matches(km, k.Delete):
			if s.cursor < len(s.people) && !s.confirm {
				s.confirm = true
				s.err = "Nogmaals x om " + s.people[s.cursor].Name + " te verwijderen."
				return nil
			}
			s.confirm = false
			if s.cursor < len(s.people) {
				s.people = append(s.people[:s.cursor], s.people[s.cursor+1:]...)
				if s.existing != nil {
					s.apply(a)
					return a.changed()
				}
			}
		}
		return nil
	case 2:
		switch {
		case key.Matches(km, k.Up):
			s.focus = 1
		case km.Type == tea.KeyEnter:
			return s.submit(a)
		}
	}
	return nil
}

func (s *setupScreen) moveFocus(d int) {
	if s.focus == 0 {
		if (d > 0 && !s.meta.last()) || (d < 0 && s.meta.focus > 0) {
			s.meta.setFocus(s.meta.focus + d)
			return
		}
	}
	s.focus = (s.focus + d + 3) % 3
	if s.focus == 0 {
		if d > 0 {
			s.meta.setFocus(0)
		} else {
			s.meta.setFocus(len(s.meta.fields) - 1)
		}
	} else {
		s.meta.blur()
	}
}

// savePerson keeps the participant being edited; in a conversation under
// way it goes to the report like any other change, within a second.
func (s *setupScreen) savePerson(a *App) tea.Cmd {
	p := s.personFromForm()
	s.person = nil
	if p.Name == "" && p.Organisation == "" {
		return nil
	}
	renamed := ""
	if s.editAt >= 0 && s.editAt < len(s.people) {
		renamed = s.people[s.editAt].Organisation
		s.people[s.editAt] = p
	} else {
		s.people = append(s.people, p)
		s.cursor = len(s.people)
	}
	if s.existing != nil {
		s.apply(a)
		s.renameOrganisation(a, renamed, p.Organisation)
		return a.changed()
	}
	return nil
}

// renameOrganisation follows a participant's organisation renamed from one
// name to another: perspectives are kept by organisation name, so when
// nobody at the table keeps the old name, they move to the new one, and so
// do action items for that organisation.
func (s *setupScreen) renameOrganisation(a *App, from, to string) {
	if from == "" || to == "" || from == to {
		return
	}
	for _, p := range s.people {
		if p.Organisation == from {
			return
		}
	}
	np, na := s.existing.RenameOrganisation(from, to)
	if np+na == 0 {
		return
	}
	var what []string
	if np > 0 {
		what = append(what, plural(np, "perspectief", "perspectieven"))
	}
	if na > 0 {
		what = append(what, plural(na, "actiepunt", "actiepunten"))
	}
	verb := "staan"
	if np+na == 1 {
		verb = "staat"
	}
	s.note = fmt.Sprintf("%s van %s %s nu op naam van %s.", strings.Join(what, " en "), from, verb, to)
}

// apply copies the form into the session being edited.
func (s *setupScreen) apply(a *App) {
	t := s.existing
	t.Title = s.meta.fields[0].value()
	t.Region = s.meta.fields[1].value()
	if d := s.meta.fields[2].value(); validDate(d) {
		t.Date = d
	}
	t.Facilitator = s.meta.fields[3].value()
	t.Participants = append([]sessions.Participant(nil), s.people...)
}

func validDate(d string) bool {
	_, err := time.Parse("2006-01-02", d)
	return err == nil
}

// submit starts the conversation: the report file exists from this moment.
func (s *setupScreen) submit(a *App) tea.Cmd {
	if s.existing != nil {
		if d := s.meta.fields[2].value(); !validDate(d) {
			s.err = fmt.Sprintf("De datum %q is geen datum als 2026-11-22 (jaar-maand-dag); de datum blijft %s.", d, s.existing.Date)
			s.focus = 0
			s.meta.setFocus(2)
			return nil
		}
		s.apply(a)
		return tea.Batch(a.changed(), a.goTo(screenOverview))
	}
	title := s.meta.fields[0].value()
	date := s.meta.fields[2].value()
	switch {
	case title == "":
		s.err = "Geef het gesprek een titel."
		s.focus = 0
		s.meta.setFocus(0)
		return nil
	case !validDate(date):
		s.err = fmt.Sprintf("De datum %q is geen datum als 2026-11-22 (jaar-maand-dag).", date)
		s.focus = 0
		s.meta.setFocus(2)
		return nil
	}
	sess := sessions.New(a.c.Set.ID, a.c.Set.Version)
	sess.Title = title
	sess.Region = s.meta.fields[1].value()
	sess.Date = date
	sess.Facilitator = s.meta.fields[3].value()
	sess.Participants = append([]sessions.Participant(nil), s.people...)
	path, err := store.Create(a.c.cfg.Dir, date, title)
	if err != nil {
		s.err = "Het verslag kan niet worden aangemaakt: " + err.Error()
		return nil
	}
	if s.prior != nil {
		sessions.StartReflection(sess, s.prior, sessions.RelativePath(path, s.priorPath))
	}
	file, err := store.Adopt(path, a.c.Set)
	if err != nil {
		s.err = "Het verslag kan niet worden geopend: " + err.Error()
		return nil
	}
	a.startSession(sess, file)
	if s.prior != nil && a.sess.OpenPriorActions() > 0 {
		a.prior = newPriorScreen(a.c)
		a.screen = screenPriorActions
		return a.saveCmd()
	}
	return a.goTo(screenOverview)
}

func (s *setupScreen) view(a *App) string {
	st := a.c.St
	w := a.c.Width
	var b strings.Builder
	switch {
	case s.existing != nil:
		b.WriteString(a.header("Gegevens en deelnemers") + "\n\n")
	case s.prior != nil:
		b.WriteString(st.Header.Render("Jaarlijkse reflectie: nieuw gesprek naast "+s.prior.Date+" "+s.prior.Title) + "\n\n")
	default:
		b.WriteString(st.Header.Render("Nieuw gesprek") + "\n\n")
	}
	if s.person != nil {
		title := "Deelnemer toevoegen"
		if s.editAt >= 0 {
			title = "Deelnemer wijzigen"
		}
		b.WriteString(st.Title.Render(title) + "\n\n")
		b.WriteString(s.person.view(st))
		b.WriteString("\n" + st.Dim.Render("Wie tekent, komt met naam en functie in het concept-convenant.") + "\n")
		body := common.FitBlock(b.String(), w, a.c.Height-1)
		return body + "\n" + a.footer(a.c.Keys.Tab, key.NewBinding(key.WithHelp("enter", "opslaan")), a.c.Keys.Back)
	}
	b.WriteString(s.meta.view(st))
	b.WriteString("\n" + st.Title.Render(fmt.Sprintf("Deelnemers (%d)", len(s.people))) + "\n")
	room := max(2, a.c.Height-len(s.meta.fields)-10)
	first := 0
	if s.cursor >= room {
		first = s.cursor - room + 1
	}
	for i := first; i <= len(s.people) && i < first+room; i++ {
		var text string
		if i == len(s.people) {
			text = "+ deelnemer toevoegen"
		} else {
			p := s.people[i]
			text = p.Name + " · " + p.Organisation + " · " + partnerKindLabel(a.c.Set, p.PartnerKind)
			if p.Signs {
				text += " · tekent"
				if p.Function != "" {
					text += " als " + p.Function
				}
			} else if p.Function != "" {
				text += " · " + p.Function
			}
		}
		marker := "  "
		if s.focus == 1 && i == s.cursor {
			marker = st.Cursor.Render("▸ ")
			text = st.Selected.Render(ansi.Truncate(text, w-4, "…"))
		} else {
			text = ansi.Truncate(text, w-4, "…")
		}
		b.WriteString(marker + text + "\n")
	}
	b.WriteString("\n")
	button := "[ Gesprek beginnen ]"
	if s.existing != nil {
		button = "[ Klaar ]"
	}
	if s.focus == 2 {
		b.WriteString(st.Cursor.Render("▸ ") + st.Selected.Render(button) + "\n")
	} else {
		b.WriteString("  " + button + "\n")
	}
	if s.err != "" {
		b.WriteString("\n" + st.Error.Render(s.err) + "\n")
	}
	if s.note != "" {
		b.WriteString("\n" + st.OK.Render(ansi.Wordwrap(s.note, w-2, "")) + "\n")
	}
	body := common.FitBlock(b.String(), w, a.c.Height-1)
	return body + "\n" + a.footer(a.c.Keys.Tab, key.NewBinding(key.WithHelp("enter", "kiezen/volgende")), a.c.Keys.Delete, a.c.Keys.Back)
}

func partnerKindLabel(set *content.Set, id string) string {
	if pk := set.PartnerKind(id); pk != nil {
		return pk.Label
	}
	if id == "" || id == "anders" {
		return "andere partner"
	}
	return id
}
