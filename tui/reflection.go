package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/sessions/store"
	"gespreksmap/tui/common"
)

// The placeholder question for action items that belong to no question.
var (
	generalSection  = content.Section{ID: "", Title: "Algemeen"}
	generalQuestion = content.Question{ID: "", Kind: content.KindOpen, Text: "Algemeen actiepunt (bij geen bepaalde vraag)"}
)

// beginReflection starts a yearly reflection on last year's report: a new
// conversation that takes over the partnership and participants.
func (a *App) beginReflection(path string) {
	prior, err := store.Load(path, a.c.Set)
	if err != nil {
		a.start.err = err
		a.screen = screenStart
		return
	}
	a.setup = newSetupScreen(a.c, nil, prior)
	a.setup.priorPath = path
	a.screen = screenSetup
}

// priorSummary is the one line of last year's answer shown at a question.
func (q *questionScreen) priorSummary() string {
	prior := q.sess().Prior
	if prior == nil {
		return ""
	}
	a := prior.Answers[q.cur.Question.ID]
	status, text := a.At(q.partID())
	line := fmt.Sprintf("Vorig jaar (%s): %s", prior.Date, status.Label())
	if a != nil && q.cur.Part == nil {
		switch q.cur.Question.Kind {
		case content.KindChoice:
			for _, c := range q.cur.Question.Choices {
				if c.ID == a.Choice {
					line += " · keuze: " + c.Label
				}
			}
		case content.KindCounts:
			total := 0
			for _, n := range a.Counts {
				total += n
			}
			if len(a.Counts) > 0 {
				line += fmt.Sprintf(" · opgeteld %d", total)
			}
		case content.KindPartners:
			n := 0
			for _, st := range a.Partners {
				if st == sessions.PartnerTogether {
					n++
				}
			}
			line += fmt.Sprintf(" · %d partners werken samen", n)
		}
		if len(a.Perspectives) > 0 {
			line += " · " + plural(len(a.Perspectives), "perspectief", "perspectieven")
		}
	}
	if text != "" {
		first := strings.SplitN(text, "\n", 2)[0]
		line += " — " + first
	}
	// Last year's open action items made at this question, with what became
	// of them (settled at the start, shown again where they belong).
	if q.cur.PartIndex <= 0 {
		for _, pa := range q.sess().PriorActions {
			if pa.Item.QuestionID != q.cur.Question.ID {
				continue
			}
			outcome := "nog niet besloten (p in het overzicht)"
			if pa.Outcome != sessions.OutcomeOpen {
				outcome = string(pa.Outcome)
			}
			line += "\nActiepunt van vorig jaar: " + pa.Item.What + " (" + orDash(pa.Item.Who) + ", " + orDash(pa.Item.When) + "): " + outcome
		}
	}
	return line
}

// partID is the sub-point or topic at the question on screen ("" = none).
func (q *questionScreen) partID() string {
	if q.cur.Part == nil {
		return ""
	}
	return q.cur.Part.ID
}

// copyPrior brings last year's answer into this year's, to edit: text is
// added to what was typed (never replacing it), structured answers fill only
// what is still empty.
func (q *questionScreen) copyPrior(a *App) tea.Cmd {
	prior := q.sess().Prior
	if prior == nil {
		return nil
	}
	// Taken over already: a second ctrl+y must not add it again.
	if _, text := prior.Answers[q.cur.Question.ID].At(q.partID()); text != "" && strings.Contains(q.ed.Value(), text) {
		a.flash = "Het antwoord van vorig jaar staat hier al; er is niets toegevoegd."
		return nil
	}
	text, ok := q.sess().TakeOverPrior(q.cur.Question.ID, q.partID())
	if !ok {
		a.flash = "Vorig jaar is hier niets ingevuld."
		return nil
	}
	if text != "" {
		q.ed.SetValue(sessions.AppendText(q.ed.Value(), text))
	}
	q.setFocus(q.indexOf(fText))
	q.resize()
	a.flash = "Antwoord van vorig jaar overgenomen: pas het aan waar nodig."
	return a.changed()
}

// priorScreen settles last year's open action items: done, carried over
// with a new date, or dropped.
type priorScreen struct {
	c      *base
	cursor int
	date   *form // new date for an item being carried over
}

func newPriorScreen(c *base) *priorScreen { return &priorScreen{c: c} }

func (p *priorScreen) update(a *App, msg tea.Msg) tea.Cmd {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil
	}
	k := a.c.Keys
	items := a.sess.PriorActions
	if p.date != nil {
		switch {
		case key.Matches(km, k.Back):
			p.date = nil
			return nil
		case km.Type == tea.KeyEnter:
			when := p.date.fields[0].value()
			if when == "" {
				// Carried over means: with a new date.
				a.flash = "Geef een nieuwe datum, of esc om niet door te schuiven."
				return nil
			}
			p.date = nil
			p.settle(a, p.cursor, sessions.OutcomeCarried, when)
			p.move(1, len(items))
			return a.changed()
		}
		_, cmd := p.date.update(km, k)
		return cmd
	}
	switch {
	case key.Matches(km, k.Up):
		p.move(-1, len(items))
	case key.Matches(km, k.Down):
		p.move(1, len(items))
	case km.String() == "g":
		p.settle(a, p.cursor, sessions.OutcomeDone, "")
		p.move(1, len(items))
		return a.changed()
	case km.String() == "v":
		p.settle(a, p.cursor, sessions.OutcomeDropped, "")
		p.move(1, len(items))
		return a.changed()
	case km.String() == "d" && p.cursor < len(items):
		p.date = newForm(newTextField("Nieuwe datum", a.sess.CarriedTo(p.cursor), "bijv. 2027-06-30 of voor de zomer"))
		p.date.setWidth(a.c.Width - 4)
	case km.String() == "o":
		p.settle(a, p.cursor, sessions.OutcomeOpen, "")
		return a.changed()
	case key.Matches(km, k.Enter), key.Matches(km, k.Back):
		return a.goTo(screenOverview)
	}
	return nil
}

// move moves the cursor by d within n items; with none it stays at 0,
// never -1.
func (p *priorScreen) move(d, n int) { p.cursor = max(0, min(n-1, p.cursor+d)) }

// settle records an outcome; a carried item also joins this year's list.
func (p *priorScreen) settle(a *App, i int, o sessions.Outcome, when string) {
	a.sess.Settle(i, o, when)
}

func (p *priorScreen) view(a *App) string {
	st := a.c.St
	w := a.c.Width
	var b strings.Builder
	b.WriteString(a.header("Actiepunten van vorig jaar") + "\n")
	prior := a.sess.Prior
	if prior != nil {
		b.WriteString(st.Dim.Render(ansi.Truncate("Open actiepunten uit "+prior.Date+" "+prior.Title+": wat is ermee gebeurd?", w, "…")) + "\n")
	}
	b.WriteString("\n")
	items := a.sess.PriorActions
	if len(items) == 0 {
		b.WriteString("  Er stonden vorig jaar geen open actiepunten.\n")
	}
	room := max(3, a.c.Height-8)
	first := 0
	if p.cursor >= room {
		first = p.cursor - room + 1
	}
	for i := first; i < len(items) && i < first+room; i++ {
		pa := items[i]
		outcome := "nog niet besloten"
		if pa.Outcome != sessions.OutcomeOpen {
			outcome = string(pa.Outcome)
		}
		if pa.Outcome == sessions.OutcomeCarried {
			outcome += " (nieuwe datum: " + a.sess.CarriedTo(i) + ")"
		}
		where := sessions.QuestionNumber(a.c.Set, pa.Item.QuestionID)
		text := fmt.Sprintf("%s — %s, %s", pa.Item.What, orDash(pa.Item.Who), orDash(pa.Item.When))
		if where != "" {
			text += " (bij " + where + ")"
		}
		room := max(10, w-6-ansi.StringWidth(outcome))
		text = ansi.Truncate(text, room, "…")
		line := text + strings.Repeat(" ", max(0, room-ansi.StringWidth(text))) + "  " + outcome
		if i == p.cursor {
			b.WriteString(st.Cursor.Render("▸ ") + st.Selected.Render(line) + "\n")
		} else {
			b.WriteString("  " + line + "\n")
		}
	}
	if p.date != nil {
		b.WriteString("\n" + p.date.view(st))
	}
	hint := key.NewBinding(key.WithHelp("g/d/v", "gedaan / doorgeschoven / vervallen"))
	done := key.NewBinding(key.WithHelp("enter", "verder naar het overzicht"))
	return common.FitBlock(b.String(), w, a.c.Height-1) + "\n" + a.footer(a.c.Keys.Up, a.c.Keys.Down, hint, done)
}

// makeConvenant writes a convenant draft next to the report.
func (a *App) makeConvenant() tea.Cmd {
	if a.c.cfg.Convenant == nil || a.saver.file == nil {
		return nil
	}
	a.syncEditors()
	path, set, snap := a.saver.path(), a.c.Set, a.sess.Clone()
	fn := a.c.cfg.Convenant
	return func() tea.Msg {
		out, err := fn(path, set, snap)
		if err != nil {
			return flashMsg("Convenant-concept maken mislukt: " + err.Error())
		}
		return flashMsg("Concept-convenant geschreven: " + out)
	}
}

// plural writes "1 perspectief" or "2 perspectieven".
func plural(n int, one, more string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, more)
}

// priorPanel lays out everything last year's report holds at this stop: its
// status, the whole answer and the perspectives, for the ctrl+b panel.
func (q *questionScreen) priorPanel(width int) string {
	prior := q.sess().Prior
	if prior == nil {
		return ""
	}
	st := q.c.St
	w := max(20, width-4)
	wrap := func(text string) string {
		return "  " + strings.ReplaceAll(ansi.Wordwrap(text, w, ""), "\n", "\n  ")
	}
	var b strings.Builder
	b.WriteString("\n" + st.Question.Render(wrap(q.cur.Number()+" "+q.cur.Question.Text)) + "\n")
	if q.cur.Part != nil {
		b.WriteString(st.Title.Render(wrap(q.cur.Part.Text)) + "\n")
	}
	b.WriteString("\n" + st.Dim.Render(wrap("Uit het verslag van "+prior.Date+": "+prior.Title)) + "\n\n")
	a := prior.Answers[q.cur.Question.ID]
	partID := ""
	if q.cur.Part != nil {
		partID = q.cur.Part.ID
	}
	status, text := a.At(partID)
	b.WriteString(st.Label.Render("  Status: ") + status.Label() + "\n\n")
	if text == "" {
		b.WriteString(st.Dim.Render("  Geen antwoord.") + "\n")
	} else {
		for _, l := range strings.Split(text, "\n") {
			b.WriteString(wrap(l) + "\n")
		}
	}
	if a != nil && q.cur.Part == nil {
		for _, p := range a.Perspectives {
			b.WriteString("\n" + st.Label.Render(wrap("Perspectief van "+p.Organisation+":")) + "\n")
			for _, l := range strings.Split(p.Text, "\n") {
				b.WriteString(wrap(l) + "\n")
			}
		}
	}
	b.WriteString("\n" + st.Dim.Render(wrap("ctrl+y in de vraag neemt dit antwoord over, om aan te passen.")) + "\n")
	return b.String()
}
