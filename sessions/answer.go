package sessions

import (
	"strings"

	"gespreksmap/content"
)

// What is recorded at a stop: its status, its text and, for a choice
// question, the choice. A sub-point or topic has a status and a text of its
// own; the other kinds keep them on the question.

// Status is the status recorded at the stop.
func (c *Conversation) Status(st content.Stop) Status {
	s, _ := c.peek(questionOf(st)).At(partOf(st))
	return s
}

// SetStatus records the status at the stop.
func (c *Conversation) SetStatus(st content.Stop, s Status) bool {
	if c.readOnly || st.Question == nil || c.Status(st) == s {
		return false
	}
	a := c.Answer(st.Question.ID)
	if st.Part != nil {
		a.Part(st.Part.ID).Status = s
	} else {
		a.Status = s
	}
	c.changed()
	return true
}

// CycleStatus is the status d steps (+1, -1) from s in the order of
// Statuses, wrapping around.
func CycleStatus(s Status, d int) Status { return cycle(Statuses, s, d) }

// cycle is the value d steps from s in xs, wrapping around; a value not in
// xs counts as the last.
func cycle[T comparable](xs []T, s T, d int) T {
	i := len(xs) - 1
	for j, x := range xs {
		if x == s {
			i = j
		}
	}
	n := len(xs)
	return xs[((i+d)%n+n)%n]
}

// Text is the text recorded at the stop: the answer at a sub-point or
// topic, otherwise the question's answer text (the follow-up of a choice,
// the remark with partners or counts).
func (c *Conversation) Text(st content.Stop) string {
	_, t := c.peek(questionOf(st)).At(partOf(st))
	return t
}

// SetText records the text at the stop. Editing a choice question's text
// is checking it: the note that it was typed under another follow-up ends.
func (c *Conversation) SetText(st content.Stop, text string) bool {
	if c.readOnly || st.Question == nil {
		return false
	}
	delete(c.moved, st.Question.ID)
	if c.Text(st) == text {
		return false
	}
	a := c.Answer(st.Question.ID)
	if st.Part != nil {
		a.Part(st.Part.ID).Text = text
	} else {
		a.Text = text
	}
	c.changed()
	return true
}

// TextLabel is the question the text at the stop answers: the follow-up of
// the choice made, the counts' own question, or what kind of text it is.
func (c *Conversation) TextLabel(st content.Stop) string {
	q := st.Question
	if q == nil {
		return "Antwoord (samen)"
	}
	switch q.Kind {
	case content.KindChoice:
		if f := q.FollowUp(c.Choice(st)); f != nil && c.Choice(st) != "" {
			return oneLine(f.Text)
		}
		return "Toelichting"
	case content.KindCounts:
		if q.CountsText != "" {
			return oneLine(q.CountsText)
		}
		return "Toelichting"
	case content.KindPartners:
		return "Toelichting (samen)"
	case content.KindTopics:
		return "Afspraak"
	}
	return "Antwoord (samen)"
}

// oneLine folds the line breaks of set text, which YAML may carry.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// Choice is the id of the choice made at a choice question ("" = none).
func (c *Conversation) Choice(st content.Stop) string {
	if a := c.peek(questionOf(st)); a != nil {
		return a.Choice
	}
	return ""
}

// ChoiceLabel is the label of a choice of the question; the id itself for a
// choice the set does not know, "" for none.
func ChoiceLabel(q *content.Question, id string) string {
	if q != nil {
		for _, ch := range q.Choices {
			if ch.ID == id {
				return ch.Label
			}
		}
	}
	return id
}

// ChoiceResult is what a change of choice did to the question's one text.
type ChoiceResult struct {
	Changed bool
	// Moved: text was typed under another choice and now stands under the
	// follow-up question of this one, to be checked. TypedAt is the label of
	// the choice it was typed under ("" for none).
	Moved   bool
	TypedAt string
	// Back: the text stands again under the choice it was typed under.
	Back bool
	// FollowUp is the question the text now answers (TextLabel).
	FollowUp string
}

// Message says in one sentence what became of the text; "" when nothing
// needs saying.
func (r ChoiceResult) Message() string {
	switch {
	case r.Back:
		return "Je tekst staat weer onder de vraag waarbij hij getypt is."
	case r.Moved:
		return "Je tekst is gebleven en staat nu onder de vraag „" + r.FollowUp + "”: kijk of hij daar past."
	}
	return ""
}

// SetChoice records the choice at a choice question ("" clears it). A
// choice question keeps one text, asked by the follow-up of the choice
// made: when the choice changes after text was typed, the text stays as it
// is, never dropped, and the result says it now stands under another
// question, so that people check it still fits. A front end that keeps
// typed text in an editor records it (SetText) before changing the choice.
func (c *Conversation) SetChoice(st content.Stop, choiceID string) ChoiceResult {
	was := c.Choice(st)
	if c.readOnly || st.Question == nil || was == choiceID {
		return ChoiceResult{}
	}
	qid := st.Question.ID
	c.Answer(qid).Choice = choiceID
	c.changed()
	r := ChoiceResult{Changed: true, FollowUp: c.TextLabel(st)}
	if strings.TrimSpace(c.Text(st)) == "" {
		return r
	}
	typedAt, moved := c.moved[qid]
	if !moved {
		typedAt = was
		c.moved[qid] = was
	}
	if choiceID == typedAt {
		delete(c.moved, qid)
		r.Back = true
		return r
	}
	r.Moved, r.TypedAt = true, ChoiceLabel(st.Question, typedAt)
	return r
}

// MovedText reports whether the text at a choice question stands under
// another follow-up than the one it was typed under, and the label of the
// choice it was typed under ("" for none).
func (c *Conversation) MovedText(st content.Stop) (typedAt string, moved bool) {
	id, ok := c.moved[questionOf(st)]
	if !ok {
		return "", false
	}
	return ChoiceLabel(st.Question, id), true
}
