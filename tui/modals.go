package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"gespreksmap/sessions"
	"gespreksmap/tui/common"
	"gespreksmap/tui/textedit"
)

// perspModal edits one perspective: the answer of one organisation from its
// own point of view, beside the joint answer.
type perspModal struct {
	at     int // index in the answer's perspectives, -1 while new
	org    *form
	orgs   []string // choices; empty means type the organisation
	ed     textedit.Model
	synced uint64
	onText bool
}

// organisations lists the participating organisations, once each, in the
// order they were entered.
func organisations(s *sessions.Session) []string {
	var out []string
	seen := map[string]bool{}
	for _, p := range s.Participants {
		if p.Organisation != "" && !seen[p.Organisation] {
			seen[p.Organisation] = true
			out = append(out, p.Organisation)
		}
	}
	return out
}

func newPerspModal(q *questionScreen, at int) *perspModal {
	m := &perspModal{at: at, orgs: organisations(q.sess())}
	var cur sessions.Perspective
	if at >= 0 {
		cur = q.perspectives()[at]
	} else {
		// Suggest the first organisation that has not spoken yet.
		have := map[string]bool{}
		for _, p := range q.perspectives() {
			have[p.Organisation] = true
		}
		for _, o := range m.orgs {
			if !have[o] {
				cur.Organisation = o
				break
			}
		}
	}
	if cur.Organisation != "" && !contains(m.orgs, cur.Organisation) {
		m.orgs = append(m.orgs, cur.Organisation)
	}
	if len(m.orgs) > 0 {
		choice := 0
		for i, o := range m.orgs {
			if o == cur.Organisation {
				choice = i
			}
		}
		m.org = newForm(newChoiceField("Organisatie", m.orgs, choice))
		m.org.fields[0].hint = "←/→ kiezen · tab naar de tekst"
		m.onText = true
	} else {
		m.org = newForm(newTextField("Organisatie", cur.Organisation, "organisatie (voeg deelnemers toe met d in het overzicht)"))
		m.onText = false
	}
	m.org.setWidth(q.c.Width - 4)
	m.ed = textedit.New()
	m.ed.SetPlaceholder("Wat zegt deze organisatie, vanuit haar eigen perspectief?")
	m.ed.SetValue(cur.Text)
	m.synced = m.ed.Version()
	m.focusText(m.onText)
	return m
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func (m *perspModal) focusText(on bool) {
	m.onText = on
	if on {
		m.ed.Focus()
		m.org.blur()
	} else {
		m.ed.Blur()
		m.org.setFocus(0)
	}
}

func (m *perspModal) update(q *questionScreen, msg tea.KeyMsg) (bool, tea.Cmd) {
	k := q.c.Keys
	switch {
	case key.Matches(msg, k.Back):
		return true, nil
	case key.Matches(msg, k.Tab), key.Matches(msg, k.ShiftTab):
		m.sync(q)
		m.focusText(!m.onText)
		return false, nil
	}
	if !m.onText {
		if msg.Type == tea.KeyEnter {
			m.focusText(true)
			return false, nil
		}
		_, cmd := m.org.update(msg, k)
		return false, tea.Batch(cmd, q.app.changed())
	}
	v := m.ed.Version()
	var cmd tea.Cmd
	m.ed, cmd = m.ed.Update(msg)
	if m.ed.Version() != v {
		return false, tea.Batch(cmd, q.app.changed())
	}
	return false, cmd
}

// sync writes the perspective into the answer; an empty one is not kept.
func (m *perspModal) sync(q *questionScreen) bool {
	org := m.org.fields[0].value()
	text := m.ed.Value()
	ans := q.peek()
	if m.at < 0 {
		if text == "" {
			return false
		}
		ans = q.answer()
		ans.Perspectives = append(ans.Perspectives, sessions.Perspective{Organisation: org, Text: text})
		m.at = len(ans.Perspectives) - 1
		m.synced = m.ed.Version()
		return true
	}
	p := &ans.Perspectives[m.at]
	if p.Organisation == org && m.synced == m.ed.Version() {
		return false
	}
	p.Organisation, p.Text = org, text
	m.synced = m.ed.Version()
	return true
}

func (m *perspModal) view(q *questionScreen, w, h int) string {
	st := q.c.St
	var b strings.Builder
	b.WriteString(q.app.header("Perspectief bij "+q.cur.Number()) + "\n")
	b.WriteString(common.WrapCut(st.Question, q.cur.Question.Text, w, 3) + "\n\n")
	b.WriteString(m.org.view(st) + "\n")
	label := "  " + st.Label.Render("Antwoord vanuit deze organisatie")
	bar := st.Dim.Render("│ ")
	if m.onText {
		label = st.Cursor.Render("▸ ") + st.Focused.Render("Antwoord vanuit deze organisatie")
		bar = st.Cursor.Render("│ ")
	}
	b.WriteString(label + "\n")
	used := strings.Count(b.String(), "\n")
	m.ed.SetSize(max(10, w-2), max(3, h-used-1))
	for _, l := range strings.Split(m.ed.View(), "\n") {
		b.WriteString(bar + l + "\n")
	}
	return b.String()
}

// actionModal edits one action item: what, who, by when, done.
type actionModal struct {
	at   int // index in the session's actions, -1 while new
	form *form
}

func newActionModal(q *questionScreen, at int) *actionModal {
	var ai sessions.ActionItem
	if at >= 0 {
		ai = q.sess().Actions[at]
	}
	m := &actionModal{at: at}
	m.form = newForm(
		newTextField("Wat", ai.What, "wat moet er gebeuren?"),
		newTextField("Wie", ai.Who, "wie zorgt ervoor? (naam of organisatie)"),
		newTextField("Wanneer", ai.When, "uiterlijk wanneer? bijv. 2027-01-15 of voor de zomer"),
		newToggleField("Klaar", ai.Done),
	)
	m.form.fields[3].hint = "spatie: ja/nee · enter: opslaan"
	m.form.setWidth(q.c.Width - 4)
	return m
}

func (m *actionModal) update(q *questionScreen, msg tea.KeyMsg) (bool, tea.Cmd) {
	k := q.c.Keys
	switch {
	case key.Matches(msg, k.Back):
		return true, nil
	case msg.Type == tea.KeyEnter:
		if m.form.last() {
			return true, nil
		}
		m.form.setFocus(m.form.focus + 1)
		return false, nil
	}
	_, cmd := m.form.update(msg, k)
	return false, tea.Batch(cmd, q.app.changed())
}

func (m *actionModal) item(q *questionScreen) sessions.ActionItem {
	f := m.form.fields
	ai := sessions.ActionItem{What: f[0].value(), Who: f[1].value(), When: f[2].value(), Done: f[3].on, QuestionID: q.cur.Question.ID}
	if m.at >= 0 {
		old := q.sess().Actions[m.at]
		ai.QuestionID, ai.Carried = old.QuestionID, old.Carried
	}
	return ai
}

func (m *actionModal) sync(q *questionScreen) bool {
	ai := m.item(q)
	s := q.sess()
	if m.at < 0 {
		if ai.What == "" {
			return false
		}
		s.Actions = append(s.Actions, ai)
		m.at = len(s.Actions) - 1
		return true
	}
	if s.Actions[m.at] == ai {
		return false
	}
	s.Actions[m.at] = ai
	return true
}

func (m *actionModal) view(q *questionScreen, w, h int) string {
	st := q.c.St
	var b strings.Builder
	title := "Nieuw actiepunt"
	if m.at >= 0 {
		title = "Actiepunt"
	}
	if q.cur.Question.ID == "" {
		b.WriteString(q.app.header(title+" (algemeen)") + "\n\n")
	} else {
		b.WriteString(q.app.header(title+" bij "+q.cur.Number()) + "\n")
		b.WriteString(common.WrapCut(st.Question, q.cur.Question.Text, w, 3) + "\n\n")
	}
	b.WriteString(m.form.view(st))
	b.WriteString("\n" + st.Dim.Render(ansi.Truncate("Alle actiepunten staan onderaan het verslag, met de vraag waarbij ze zijn gemaakt.", w, "…")) + "\n")
	return b.String()
}

// otherModal names a partner outside the standard list.
type otherModal struct {
	at   int
	form *form
}

func newOtherModal(q *questionScreen, at int) *otherModal {
	name := ""
	if at >= 0 {
		name = q.peek().OtherPartners[at].Name
	}
	m := &otherModal{at: at, form: newForm(newTextField("Andere partner", name, "bijv. revalidatiecentrum, leerlingenvervoer"))}
	m.form.setWidth(q.c.Width - 4)
	return m
}

func (m *otherModal) update(q *questionScreen, msg tea.KeyMsg) (bool, tea.Cmd) {
	if key.Matches(msg, q.c.Keys.Back) || msg.Type == tea.KeyEnter {
		return true, nil
	}
	_, cmd := m.form.update(msg, q.c.Keys)
	return false, cmd
}

func (m *otherModal) sync(q *questionScreen) bool {
	name := m.form.fields[0].value()
	if m.at < 0 {
		if name == "" {
			return false
		}
		ans := q.answer()
		ans.OtherPartners = append(ans.OtherPartners, sessions.OtherPartner{Name: name, State: sessions.PartnerTogether})
		m.at = len(ans.OtherPartners) - 1
		return true
	}
	o := &q.answer().OtherPartners[m.at]
	if o.Name == name || name == "" {
		return false
	}
	o.Name = name
	return true
}

func (m *otherModal) view(q *questionScreen, w, h int) string {
	st := q.c.St
	return q.app.header("Andere partner bij "+q.cur.Number()) + "\n" +
		common.WrapCut(st.Question, q.cur.Question.Text, w, 3) + "\n\n" + m.form.view(st) + "\n" +
		st.Dim.Render("enter: opslaan · daarna met ←/→ kiezen: werken samen / nog niet / n.v.t.") + "\n"
}
