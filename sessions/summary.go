package sessions

import (
	"fmt"
	"strings"

	"gespreksmap/content"
)

// Summary says in a few words how far an answer got at a question (part
// "") or at one of its sub-points or topics: the status, for a question
// with parts how many parts stand at each status, the choice, the total of
// the counts, with how many partners the partnership works together, and
// how many perspectives were given there. An answer with nothing recorded
// there is "niet besproken"; one with only things the summary does not
// name (a text) is "beantwoord".
func Summary(q *content.Question, a *Answer, part string) string {
	if line := summaryFacts(q, a, part); line != "" {
		return line
	}
	if answeredAt(a, part) {
		return "beantwoord"
	}
	return StatusNone.Label()
}

// SummaryLine is Summary with, after a dash, the first line of the text
// recorded there: "nog niet; 1 perspectief — Nog niet op de agenda.".
func SummaryLine(q *content.Question, a *Answer, part string) string {
	_, text := a.At(part)
	first := strings.TrimSpace(strings.SplitN(strings.TrimSpace(text), "\n", 2)[0])
	line := summaryFacts(q, a, part)
	switch {
	case first == "":
		return Summary(q, a, part)
	case line == "":
		return first
	}
	return line + " — " + first
}

// summaryFacts is Summary without its words for an answer it names
// nothing of.
func summaryFacts(q *content.Question, a *Answer, part string) string {
	status, _ := a.At(part)
	var bits []string
	if status != StatusNone {
		bits = append(bits, status.Label())
	}
	if a == nil {
		return ""
	}
	if part == "" {
		bits = append(bits, kindSummary(q, a)...)
	}
	n := 0
	for _, p := range a.Perspectives {
		if p.Part == part {
			n++
		}
	}
	if n > 0 {
		bits = append(bits, Plural(n, "perspectief", "perspectieven"))
	}
	return strings.Join(bits, "; ")
}

// kindSummary are the parts of a summary that a question's kind adds.
func kindSummary(q *content.Question, a *Answer) []string {
	var bits []string
	if len(a.Parts) > 0 {
		n := map[Status]int{}
		for _, p := range a.Parts {
			n[p.Status]++
		}
		var ps []string
		for _, st := range Statuses {
			if st != StatusNone && n[st] > 0 {
				ps = append(ps, fmt.Sprintf("%s %d", st.Label(), n[st]))
			}
		}
		if len(ps) > 0 {
			bits = append(bits, strings.Join(ps, " · "))
		}
	}
	if a.Choice != "" {
		bits = append(bits, "keuze: "+ChoiceLabel(q, a.Choice))
	}
	if len(a.Counts) > 0 {
		total := 0
		for _, v := range a.Counts {
			total += v
		}
		bits = append(bits, fmt.Sprintf("totaal %d", total))
	}
	together := 0
	for _, st := range a.Partners {
		if st == PartnerTogether {
			together++
		}
	}
	for _, op := range a.OtherPartners {
		if op.State == PartnerTogether {
			together++
		}
	}
	if together > 0 {
		bits = append(bits, fmt.Sprintf("samenwerking met %d partners", together))
	}
	return bits
}

// answeredAt reports whether anything was recorded at the question (part
// "") or at the part.
func answeredAt(a *Answer, part string) bool {
	if part == "" {
		return !a.Empty()
	}
	if a == nil {
		return false
	}
	p := a.Parts[part]
	return p != nil && (p.Status != StatusNone || p.Text != "")
}

// StopSummary is SummaryLine at a stop of this conversation.
func (c *Conversation) StopSummary(st content.Stop) string {
	return SummaryLine(st.Question, c.peek(questionOf(st)), partOf(st))
}

// PriorSummary is the line about last year's answer at the stop: "Vorig
// jaar (2025-11-20): nog niet — Nog niet op de agenda."; "" when there is
// no report of last year beside this one.
func (c *Conversation) PriorSummary(st content.Stop) string {
	if c.Prior == nil || st.Question == nil {
		return ""
	}
	return fmt.Sprintf("Vorig jaar (%s): %s", c.Prior.Date, SummaryLine(st.Question, c.Prior.Answers[st.Question.ID], partOf(st)))
}

// PriorActionsAt lists the indexes (into Session.PriorActions) of last
// year's open action items made at the stop, to show them where they
// belong with what became of them.
func (c *Conversation) PriorActionsAt(st content.Stop) []int {
	var out []int
	qid := questionOf(st)
	for i, pa := range c.PriorActions {
		if pa.Item.QuestionID == qid && belongsAt(st, pa.Item.Part) {
			out = append(out, i)
		}
	}
	return out
}

// Terms are the glossary terms in everything shown at the stop, each once,
// in order of appearance: the question and its help, the choices and their
// follow-up questions, the count categories and the counts' question, and
// the sub-point or topic with its bullets. It searches the whole text of
// the stop once, and remembers the result.
func (c *Conversation) Terms(st content.Stop) []*content.Term {
	q := st.Question
	if q == nil {
		return nil
	}
	ref := Ref(st)
	if t, ok := c.terms[ref]; ok {
		return t
	}
	if c.terms == nil {
		c.terms = map[string][]*content.Term{}
	}
	c.terms[ref] = c.termsAt(st)
	return c.terms[ref]
}

func (c *Conversation) termsAt(st content.Stop) []*content.Term {
	q := st.Question
	parts := []string{q.Text, q.Help}
	for _, ch := range q.Choices {
		parts = append(parts, ch.Label)
	}
	for _, f := range q.FollowUps {
		parts = append(parts, f.Text)
	}
	for _, cat := range q.Categories {
		parts = append(parts, cat.Label)
	}
	parts = append(parts, q.CountsText)
	if st.Part != nil {
		parts = append(parts, st.Part.Text)
		parts = append(parts, st.Part.Bullets...)
	}
	return c.Set.TermsIn(strings.Join(parts, "\n"))
}

// AnswerLines is the whole answer at a question (part "") or at one of its
// sub-points or topics, in plain lines, for reading it back (last year's
// answer, line mode): the choice, the partners by state, the counts with
// their total, the text, and the perspectives given there ("Vanuit X:"
// followed by its lines, indented by two spaces). No answer gives no
// lines.
func AnswerLines(set *content.Set, q *content.Question, a *Answer, part string) []string {
	return answerLines(set, q, a, part, func(p Perspective) bool { return p.Part == part })
}

// StopLines is AnswerLines at a stop of this conversation, with the
// perspectives that belong there by the core's rule (a perspective of an
// older report, made at no part, shows at the question's first stop).
func (c *Conversation) StopLines(st content.Stop) []string {
	return answerLines(c.Set, st.Question, c.peek(questionOf(st)), partOf(st), func(p Perspective) bool { return belongsAt(st, p.Part) })
}

func answerLines(set *content.Set, q *content.Question, a *Answer, part string, here func(Perspective) bool) []string {
	if a == nil {
		return nil
	}
	var out []string
	if part == "" && q != nil {
		out = kindLines(set, q, a)
	}
	_, text := a.At(part)
	if text != "" {
		out = append(out, strings.Split(text, "\n")...)
	}
	for _, p := range a.Perspectives {
		if !here(p) {
			continue
		}
		out = append(out, "Vanuit "+p.Organisation+":")
		for _, l := range strings.Split(p.Text, "\n") {
			out = append(out, "  "+l)
		}
	}
	return out
}

func kindLines(set *content.Set, q *content.Question, a *Answer) []string {
	var out []string
	switch q.Kind {
	case content.KindChoice:
		if a.Choice != "" {
			out = append(out, "Keuze: "+ChoiceLabel(q, a.Choice))
		}
	case content.KindPartners:
		for _, state := range PartnerCycle {
			var names []string
			for _, pk := range set.PartnerKinds {
				if state != PartnerUnknown && a.Partners[pk.ID] == state {
					names = append(names, pk.Label)
				}
			}
			for _, o := range a.OtherPartners {
				if o.State == state {
					names = append(names, o.Name)
				}
			}
			if len(names) > 0 {
				label := state.Label()
				out = append(out, strings.ToUpper(label[:1])+label[1:]+": "+strings.Join(names, ", "))
			}
		}
	case content.KindCounts:
		total, filled := 0, 0
		for _, cat := range q.Categories {
			if n, ok := a.Counts[cat.ID]; ok {
				out = append(out, fmt.Sprintf("%s: %d", oneLine(cat.Label), n))
				total += n
				filled++
			}
		}
		if filled > 0 {
			out = append(out, fmt.Sprintf("Totaal: %d", total))
		}
		if in, ok := IndicativeFor(q, a.Counts); ok {
			out = append(out, in.Line(oneLine))
		}
	}
	return out
}
