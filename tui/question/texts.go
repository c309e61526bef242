package question

import (
	"strconv"
	"strings"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/sessions/mdtext"
	"gespreksmap/tui/component"
)

// priorLines is last year's answer at the stop in a line, and last year's
// open action items made there with what became of them.
func (s *Screen) priorLines() string {
	line := s.conv.PriorSummary(s.st)
	if line == "" {
		return ""
	}
	for _, i := range s.conv.PriorActionsAt(s.st) {
		pa := s.conv.PriorActions[i]
		outcome := "nog niet besloten (p in het overzicht)"
		if pa.Outcome != sessions.OutcomeOpen {
			outcome = pa.Outcome.Label()
		}
		line += "\nActiepunt van vorig jaar: " + pa.Item.What + " (" + orDash(pa.Item.Who) + ", " + orDash(pa.Item.When) + "): " + outcome
	}
	lines := strings.Split(line, "\n")
	for i, l := range lines {
		lines[i] = component.Plain(l)
	}
	return strings.Join(lines, "\n")
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

// wholeText is everything the question at the stop asks, in markdown for
// the root's text panel (F2): its text, help, what it asks to fill in
// (choices with their follow-up questions, count groups, partners,
// sub-points or topics with their bullets) and its terms.
func wholeText(conv *sessions.Conversation, st content.Stop, terms []*content.Term) string {
	q := st.Question
	e := mdtext.Escape
	var b strings.Builder
	b.WriteString(e(strconv.Itoa(st.SectionIndex+1)+". "+st.Section.Title) + "\n\n")
	b.WriteString("**" + e(st.QuestionNumber()+" "+q.Text) + "**\n\n")
	if q.Help != "" {
		b.WriteString(e(q.Help) + "\n\n")
	}
	item := func(text string) { b.WriteString("- " + e(text) + "\n") }
	switch q.Kind {
	case content.KindChoice:
		b.WriteString("**Keuzes**\n\n")
		for _, c := range q.Choices {
			line := c.Label
			if f := q.FollowUp(c.ID); f != nil {
				line += ", daarna: " + f.Text
			}
			item(line)
		}
	case content.KindCounts:
		b.WriteString("**" + q.CountsHeading() + "**\n\n")
		for _, c := range q.Categories {
			item(c.Label)
		}
		if q.CountsText != "" {
			b.WriteString("\n**" + e("Daarna: "+q.CountsText) + "**\n")
		}
	case content.KindPartners:
		b.WriteString("**Partners**\n\n")
		for _, pk := range conv.Set.PartnerKinds {
			item(pk.Label)
		}
	case content.KindPoints, content.KindTopics:
		for i, p := range q.Parts() {
			text := e(content.PartLetter(i) + ". " + p.Text)
			if i == st.PartIndex {
				text = "**→ " + text + "**"
			}
			b.WriteString("- " + text + "\n")
			for _, bl := range p.Bullets {
				b.WriteString("    - " + e(bl) + "\n")
			}
		}
	}
	if len(terms) > 0 {
		names := make([]string, len(terms))
		for i, t := range terms {
			names[i] = t.Term
		}
		b.WriteString("\n" + e("Begrippen: "+strings.Join(names, ", ")+" (ctrl+g uitleg)") + "\n")
	}
	return b.String()
}

// priorText is everything last year's report holds at the stop, in
// markdown for the root's text panel (ctrl+b): the status and the whole
// answer with its perspectives.
func priorText(conv *sessions.Conversation, st content.Stop) string {
	prior := conv.Prior
	if prior == nil || st.Question == nil {
		return ""
	}
	e := mdtext.Escape
	part := ""
	if st.Part != nil {
		part = st.Part.ID
	}
	a := prior.Answers[st.Question.ID]
	status, _ := a.At(part)
	var b strings.Builder
	b.WriteString("**" + e(st.QuestionNumber()+" "+st.Question.Text) + "**\n\n")
	if st.Part != nil {
		b.WriteString("**" + e(st.Number()+" "+st.Part.Text) + "**\n\n")
	}
	b.WriteString(e("Uit het verslag van "+prior.Date+": "+prior.Title) + "\n\n")
	b.WriteString("Status: " + e(status.Label()) + "\n\n")
	lines := sessions.AnswerLines(conv.Set, st.Question, a, part)
	if len(lines) == 0 {
		b.WriteString("Geen antwoord.\n\n")
	}
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			b.WriteString("\n")
			continue
		}
		b.WriteString(e(l) + mdtext.HardBreak + "\n")
	}
	b.WriteString("\n" + e("ctrl+y in de vraag neemt dit antwoord over, om aan te passen.") + "\n")
	return b.String()
}
