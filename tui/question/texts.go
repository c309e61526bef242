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
	lines := append([]string{line}, s.priorActionLines()...)
	for i, l := range lines {
		lines[i] = component.Plain(l)
	}
	return strings.Join(lines, "\n")
}

// priorActionLines are last year's open action items made at the stop,
// each with what became of it.
func (s *Screen) priorActionLines() []string { return priorActionLinesAt(s.conv, s.st) }

func priorActionLinesAt(conv *sessions.Conversation, st content.Stop) []string {
	var out []string
	for _, i := range conv.PriorActionsAt(st) {
		pa := conv.PriorActions[i]
		outcome := "nog niet besloten (p in het overzicht)"
		if pa.Outcome != sessions.OutcomeOpen {
			outcome = pa.Outcome.Label()
		}
		out = append(out, "Actiepunt van vorig jaar: "+pa.Item.What+" ("+orDash(pa.Item.Who)+", "+orDash(pa.Item.When)+"): "+outcome)
	}
	return out
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
	made(&b, conv, st)
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
	if acts := priorActionLinesAt(conv, st); len(acts) > 0 {
		b.WriteString("\n")
		for _, l := range acts {
			b.WriteString("- " + e(l) + "\n")
		}
	}
	b.WriteString("\n" + e("ctrl+y in de vraag neemt dit antwoord over, om aan te passen.") + "\n")
	return b.String()
}

// made is the perspectives and action items made at the stop, whole, for
// the whole question (F2): what the side panel shows when it is cut.
func made(b *strings.Builder, conv *sessions.Conversation, st content.Stop) {
	e := mdtext.Escape
	multi := func(text string) string {
		lines := strings.Split(sessions.CleanText(text), "\n")
		for i, l := range lines {
			lines[i] = e(l)
		}
		return strings.Join(lines, mdtext.HardBreak+"\n  ")
	}
	if ps := conv.Perspectives(st); len(ps) > 0 {
		b.WriteString("\n**" + e("Perspectieven bij "+st.Number()) + "**\n\n")
		for _, p := range ps {
			b.WriteString("- **" + e(p.Organisation) + "**: " + multi(p.Text) + "\n")
		}
	}
	if idx := conv.ActionsAt(st); len(idx) > 0 {
		b.WriteString("\n**" + e("Actiepunten bij "+st.Number()) + "**\n\n")
		for _, i := range idx {
			ai := conv.Actions[i]
			line := ai.What
			if ai.Who != "" || ai.When != "" {
				line += " (" + joinNonEmpty(", ", ai.Who, ai.When) + ")"
			}
			if ai.Done {
				line = "✓ " + line
			}
			b.WriteString("- " + multi(line) + "\n")
		}
	}
}
