package sessions

import (
	"strings"

	"gespreksmap/content"
)

// Perspectives: the answer of one organisation from its own point of view,
// beside the joint answer. A perspective belongs to the stop where it was
// given (a sub-point or topic, or the question), and each organisation
// has at most one at a stop: giving it again adds to it.

// Perspectives lists the perspectives given at the stop, in the order they
// were given.
func (c *Conversation) Perspectives(st content.Stop) []Perspective {
	var out []Perspective
	if a := c.peek(questionOf(st)); a != nil {
		for _, p := range a.Perspectives {
			if belongsAt(st, p.Part) {
				out = append(out, p)
			}
		}
	}
	return out
}

// perspectiveAt is the index in the answer's perspectives of the one the
// organisation gave at the stop, or -1.
func (c *Conversation) perspectiveAt(st content.Stop, org string) int {
	if a := c.peek(questionOf(st)); a != nil {
		for i, p := range a.Perspectives {
			if p.Organisation == org && belongsAt(st, p.Part) {
				return i
			}
		}
	}
	return -1
}

// Perspective is the text the organisation gave at the stop, and whether
// it gave one.
func (c *Conversation) Perspective(st content.Stop, org string) (string, bool) {
	if i := c.perspectiveAt(st, org); i >= 0 {
		return c.peek(st.Question.ID).Perspectives[i].Text, true
	}
	return "", false
}

// Organisations lists the participating organisations, once each, in the
// order they were entered.
func (c *Conversation) Organisations() []string {
	var out []string
	seen := map[string]bool{}
	for _, p := range c.Participants {
		if o := strings.TrimSpace(p.Organisation); o != "" && !seen[o] {
			seen[o] = true
			out = append(out, o)
		}
	}
	return out
}

// PerspectiveOrganisations are the organisations to offer for a
// perspective at the stop: the participating organisations in order, then
// any other organisation that already gave one at the question.
func (c *Conversation) PerspectiveOrganisations(st content.Stop) []string {
	out := c.Organisations()
	seen := map[string]bool{}
	for _, o := range out {
		seen[o] = true
	}
	if a := c.peek(questionOf(st)); a != nil {
		for _, p := range a.Perspectives {
			if p.Organisation != "" && !seen[p.Organisation] {
				seen[p.Organisation] = true
				out = append(out, p.Organisation)
			}
		}
	}
	return out
}

// SuggestedOrganisation is the first organisation offered that has not
// given a perspective at the stop yet ("" when all have).
func (c *Conversation) SuggestedOrganisation(st content.Stop) string {
	for _, o := range c.PerspectiveOrganisations(st) {
		if c.perspectiveAt(st, o) < 0 {
			return o
		}
	}
	return ""
}

// SetPerspective records the organisation's perspective at the stop: it
// replaces what the organisation said there, and an empty text removes it.
func (c *Conversation) SetPerspective(st content.Stop, org, text string) bool {
	org = strings.TrimSpace(org)
	if c.readOnly || st.Question == nil || org == "" {
		return false
	}
	i := c.perspectiveAt(st, org)
	switch {
	case i < 0 && strings.TrimSpace(text) == "":
		return false
	case i < 0:
		a := c.Answer(st.Question.ID)
		a.Perspectives = append(a.Perspectives, Perspective{Organisation: org, Text: text, Part: partOf(st)})
	case strings.TrimSpace(text) == "":
		return c.RemovePerspective(st, org)
	default:
		p := &c.peek(st.Question.ID).Perspectives[i]
		if p.Text == text {
			return false
		}
		p.Text = text
	}
	c.changed()
	return true
}

// AppendPerspective adds text to what the organisation said at the stop,
// as a new paragraph (or gives its perspective when it had none).
func (c *Conversation) AppendPerspective(st content.Stop, org, text string) bool {
	cur, _ := c.Perspective(st, strings.TrimSpace(org))
	return c.SetPerspective(st, org, AppendText(cur, text))
}

// RemovePerspective removes the organisation's perspective at the stop.
func (c *Conversation) RemovePerspective(st content.Stop, org string) bool {
	i := c.perspectiveAt(st, org)
	if c.readOnly || i < 0 {
		return false
	}
	a := c.peek(st.Question.ID)
	a.Perspectives = append(a.Perspectives[:i], a.Perspectives[i+1:]...)
	c.changed()
	return true
}

// MovePerspective gives the perspective at the stop from one organisation
// to another (it was put under the wrong name). When the other already
// has one there, the texts are joined: no words are lost.
func (c *Conversation) MovePerspective(st content.Stop, from, to string) bool {
	to = strings.TrimSpace(to)
	i := c.perspectiveAt(st, from)
	if c.readOnly || i < 0 || to == "" || from == to {
		return false
	}
	a := c.peek(st.Question.ID)
	if j := c.perspectiveAt(st, to); j >= 0 {
		a.Perspectives[j].Text = AppendText(a.Perspectives[j].Text, a.Perspectives[i].Text)
		a.Perspectives = append(a.Perspectives[:i], a.Perspectives[i+1:]...)
	} else {
		a.Perspectives[i].Organisation = to
	}
	c.changed()
	return true
}
