package tui

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"gespreksmap/content"
	"gespreksmap/sessions"
)

// openWhole shows everything the question on screen asks, in full: where a
// small window leaves part of it out, F2 brings it here.
func (q *questionScreen) openWhole(a *App) {
	a.overlay = newOverlay(a.c, "De hele vraag: "+q.cur.Number(), "", "")
	a.overlay.layout = q.wholeText
	a.overlay.refresh(a.c)
}

// wholeText lays the question out for the overlay: its text, help, what
// it asks to fill in (choices with their follow-up questions, count groups,
// sub-points or topics with their bullets) and its terms.
func (q *questionScreen) wholeText(width int) string {
	st := q.c.St
	qu := q.cur.Question
	w := max(20, width-4)
	wrap := func(text, first, rest string) string {
		lines := strings.Split(ansi.Wordwrap(text, w-ansi.StringWidth(rest), ""), "\n")
		return first + strings.Join(lines, "\n"+rest)
	}
	var b strings.Builder
	b.WriteString("\n" + st.Dim.Render(wrap(strconv.Itoa(q.cur.SectionIndex+1)+". "+q.cur.Section.Title, "  ", "  ")) + "\n\n")
	b.WriteString(st.Question.Render(wrap(sessions.QuestionNumber(q.c.Set, qu.ID)+" "+qu.Text, "  ", "  ")) + "\n")
	if qu.Help != "" {
		b.WriteString("\n" + st.Help.Render(wrap(qu.Help, "  ", "  ")) + "\n")
	}
	switch qu.Kind {
	case content.KindChoice:
		b.WriteString("\n" + st.Title.Render("  Keuzes") + "\n")
		for _, c := range qu.Choices {
			line := c.Label
			if f := qu.FollowUp(c.ID); f != nil {
				line += ", daarna: " + f.Text
			}
			b.WriteString(wrap(line, "  • ", "    ") + "\n")
		}
	case content.KindCounts:
		b.WriteString("\n" + st.Title.Render("  Aantal kinderen per groep") + "\n")
		for _, c := range qu.Categories {
			b.WriteString(wrap(c.Label, "  • ", "    ") + "\n")
		}
		if qu.CountsText != "" {
			b.WriteString("\n" + st.Title.Render(wrap("Daarna: "+qu.CountsText, "  ", "  ")) + "\n")
		}
	case content.KindPartners:
		b.WriteString("\n" + st.Title.Render("  Partners") + "\n")
		for _, pk := range q.c.Set.PartnerKinds {
			b.WriteString(wrap(pk.Label, "  • ", "    ") + "\n")
		}
	case content.KindPoints, content.KindTopics:
		b.WriteString("\n")
		for i, p := range qu.Parts() {
			mark := "  "
			text := wrap(content.PartLetter(i)+". "+p.Text, "", "     ")
			if i == q.cur.PartIndex {
				mark = st.Cursor.Render("→ ")
				text = st.Selected.Render(text)
			}
			b.WriteString(mark + text + "\n")
			for _, bl := range p.Bullets {
				b.WriteString(st.Dim.Render(wrap(bl, "     • ", "       ")) + "\n")
			}
		}
	}
	if len(q.terms) > 0 {
		var names []string
		for _, t := range q.terms {
			names = append(names, t.Term)
		}
		b.WriteString("\n" + st.Dim.Render(wrap("Begrippen: "+strings.Join(names, ", ")+" (ctrl+g uitleg)", "  ", "  ")) + "\n")
	}
	return b.String()
}
