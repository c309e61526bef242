package sessions

import (
	"strings"
	"time"

	"gespreksmap/content"
)

// The parking lot (parkeerplaats): remarks that do not belong to the stop
// on show, noted so that the conversation can go on. A remark is linked to
// the stop where it was parked, or to none. A yearly reflection takes over
// last year's open remarks, marked as last year's (StartReflection), so
// that this year's report lists them as open points and the group can
// settle them; they are addressed by their index in Session.Parked.

// ParkedRemark is one remark on the parking lot.
type ParkedRemark struct {
	Text       string    // one line
	QuestionID string    // the stop where it was parked ("" = none)
	Part       string    // its sub-point or topic ("" = the question)
	At         time.Time // when it was parked (to the minute in the report)
	Resolved   bool      // dealt with
	Carried    bool      // last year's open remark, taken over
}

// Park puts a remark on the parking lot, linked to the stop (the zero
// Stop: none), at now. An empty remark is not parked. It returns the new
// index, or -1.
func (c *Conversation) Park(st content.Stop, text string, now time.Time) int {
	text = strings.TrimSpace(CleanLine(text))
	if c.readOnly || text == "" {
		return -1
	}
	c.Parked = append(c.Parked, ParkedRemark{Text: text, QuestionID: questionOf(st), Part: partOf(st), At: now.Truncate(time.Minute)})
	c.changed()
	return len(c.Parked) - 1
}

// EditParked changes the text of remark i; an empty text is refused
// (removing is RemoveParked).
func (c *Conversation) EditParked(i int, text string) bool {
	text = strings.TrimSpace(CleanLine(text))
	if c.readOnly || i < 0 || i >= len(c.Parked) || text == "" || c.Parked[i].Text == text {
		return false
	}
	c.Parked[i].Text = text
	c.changed()
	return true
}

// ResolveParked marks remark i dealt with (resolved true) or open again.
func (c *Conversation) ResolveParked(i int, resolved bool) bool {
	if c.readOnly || i < 0 || i >= len(c.Parked) || c.Parked[i].Resolved == resolved {
		return false
	}
	c.Parked[i].Resolved = resolved
	c.changed()
	return true
}

// RemoveParked takes remark i off the parking lot.
func (c *Conversation) RemoveParked(i int) bool {
	if c.readOnly || i < 0 || i >= len(c.Parked) {
		return false
	}
	c.Parked = append(c.Parked[:i], c.Parked[i+1:]...)
	c.changed()
	return true
}

// OpenParked counts the remarks not yet dealt with.
func (c *Conversation) OpenParked() int {
	n := 0
	for _, r := range c.Parked {
		if !r.Resolved {
			n++
		}
	}
	return n
}

// ParkedAt lists the indexes of the remarks parked at the stop (the zero
// Stop: those parked at none).
func (c *Conversation) ParkedAt(st content.Stop) []int {
	var out []int
	qid := questionOf(st)
	for i, r := range c.Parked {
		if r.QuestionID == qid && belongsAt(st, r.Part) {
			out = append(out, i)
		}
	}
	return out
}

// ParkedPlace is where a remark was parked, as people read it: "bij
// 3.1b", or "algemeen" (see ActionPlace).
func (c *Conversation) ParkedPlace(r ParkedRemark) string {
	return c.ActionPlace(ActionItem{QuestionID: r.QuestionID, Part: r.Part})
}

// carryParked takes last year's open remarks over as this year's, marked
// as last year's.
func carryParked(s, prior *Session) {
	s.Parked = nil
	for _, r := range prior.Parked {
		if !r.Resolved {
			r.Carried = true
			s.Parked = append(s.Parked, r)
		}
	}
}
