package sessions

import (
	"strings"
)

// The closing round, from the "intermezzo" of the Leidraad Zorg in
// Onderwijstijd: every participating organisation answers three questions.
// Its first step becomes an action item with the organisation as owner,
// made at the closing round (ClosingRef); answering again updates that item
// instead of adding another.

// The three questions of the closing round.
const (
	ClosingUseQuestion       = "Wat kun je hiermee voor je eigen situatie?"
	ClosingFirstStepQuestion = "Wat is je eerste stap en wie heb je daarvoor nodig?"
	ClosingQuestionsQuestion = "Welke vragen heb je nog?"
)

// ClosingRef is where an action item from the closing round was made, in
// ActionItem.QuestionID. A question id of a set always holds a dot
// ("section.name"), so it cannot be taken for one.
const ClosingRef = "slotronde"

// ClosingAnswers are one organisation's three answers, each one line.
type ClosingAnswers struct {
	Use       string // Wat kun je hiermee voor je eigen situatie?
	FirstStep string // Wat is je eerste stap en wie heb je daarvoor nodig?
	Questions string // Welke vragen heb je nog?
}

// ClosingRound is an organisation's part in the closing round.
type ClosingRound struct {
	Organisation string
	ClosingAnswers
}

func cleanClosing(a ClosingAnswers) ClosingAnswers {
	clean := func(s string) string { return strings.TrimSpace(CleanLine(s)) }
	return ClosingAnswers{Use: clean(a.Use), FirstStep: clean(a.FirstStep), Questions: clean(a.Questions)}
}

// ClosingOrganisations are the organisations of the closing round: those
// of the participants, each once, in the order of the list, then those
// that answered and are no longer at the table.
func (c *Conversation) ClosingOrganisations() []string {
	var out []string
	seen := map[string]bool{}
	add := func(org string) {
		if org != "" && !seen[org] {
			seen[org] = true
			out = append(out, org)
		}
	}
	for _, p := range c.Participants {
		add(p.Organisation)
	}
	for _, r := range c.Closing {
		add(r.Organisation)
	}
	return out
}

// closingOf is the index of the organisation's answers in Closing, or -1.
func (s *Session) closingOf(org string) int {
	for i, r := range s.Closing {
		if r.Organisation == org {
			return i
		}
	}
	return -1
}

// ClosingOf returns the organisation's answers in the closing round, and
// whether it gave any.
func (c *Conversation) ClosingOf(org string) (ClosingAnswers, bool) {
	if i := c.closingOf(strings.TrimSpace(CleanLine(org))); i >= 0 {
		return c.Closing[i].ClosingAnswers, true
	}
	return ClosingAnswers{}, false
}

// ClosingAction is the index in Session.Actions of the action item the
// organisation's first step became, or -1.
func (s *Session) ClosingAction(org string) int {
	for i, ai := range s.Actions {
		if ai.QuestionID == ClosingRef && ai.Who == org {
			return i
		}
	}
	return -1
}

// SetClosing records the organisation's answers in the closing round (all
// three empty: its answers are taken away). Its first step becomes an
// action item with the organisation as "who", or changes the one it became
// before (its "when" and "done" stay); an emptied first step takes that
// item away. An organisation without a name is refused.
func (c *Conversation) SetClosing(org string, a ClosingAnswers) bool {
	org = strings.TrimSpace(CleanLine(org))
	a = cleanClosing(a)
	if c.readOnly || org == "" {
		return false
	}
	changed := false
	i := c.closingOf(org)
	switch {
	case a == ClosingAnswers{}:
		if i >= 0 {
			c.Closing = append(c.Closing[:i], c.Closing[i+1:]...)
			changed = true
		}
	case i < 0:
		c.Closing = append(c.Closing, ClosingRound{Organisation: org, ClosingAnswers: a})
		changed = true
	case c.Closing[i].ClosingAnswers != a:
		c.Closing[i].ClosingAnswers = a
		changed = true
	}
	j := c.ClosingAction(org)
	switch {
	case a.FirstStep == "" && j >= 0:
		c.Actions = append(c.Actions[:j], c.Actions[j+1:]...)
		changed = true
	case a.FirstStep != "" && j < 0:
		c.Actions = append(c.Actions, ActionItem{What: a.FirstStep, Who: org, QuestionID: ClosingRef})
		changed = true
	case a.FirstStep != "" && c.Actions[j].What != a.FirstStep:
		c.Actions[j].What = a.FirstStep
		changed = true
	}
	if changed {
		c.changed()
	}
	return changed
}
