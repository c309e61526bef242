package tui

import (
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"gespreksmap/content"
	"gespreksmap/sessions"
)

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
