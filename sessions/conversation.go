package sessions

import (
	"strings"
	"time"

	"gespreksmap/content"
)

// Conversation is one conversation with the question set it follows. Every
// change goes through its methods: each reports whether something changed
// and, when it did, bumps the revision, so that a front end (or its
// Controller) knows there is something to save.
//
// A Conversation is not safe for concurrent use: it belongs to the front
// end's own goroutine. Background saves work on a Clone (see Controller).
type Conversation struct {
	Set *content.Set
	*Session

	rev      uint64
	readOnly bool
	stops    []content.Stop

	// moved remembers, per choice question, the choice (id, "" for none)
	// under which its text was typed, while that text stands under another
	// follow-up question (see SetChoice).
	moved map[string]string

	// terms keeps the glossary terms of each stop once found (Terms): the
	// set does not change while a conversation is open.
	terms map[string][]*content.Term

	// timing is the section whose clock runs (-1: none) since mark (see
	// EnterSection).
	timing int
	mark   time.Time

	// round is the writing round open now, or nil (rounds.go); the report
	// keeps it through Clone. taken holds the contributions taken over, by
	// id, so that a late edit of one is refused (contributions.go); it is
	// not part of the report.
	round *writingRound
	taken map[string]takenOver
}

// NewConversation wraps a session (read from a report, or new) and its set.
// Its revision starts at 0: nothing needs saving yet. A writing round the
// report kept (s.Round) goes on: the conversation takes it over and clears
// s.Round.
func NewConversation(set *content.Set, s *Session) *Conversation {
	if s.Answers == nil {
		s.Answers = map[string]*Answer{}
	}
	c := &Conversation{Set: set, Session: s, stops: set.Stops(), moved: map[string]string{}, timing: -1}
	c.takeRound()
	return c
}

// Revision counts the changes made through the conversation's methods.
func (c *Conversation) Revision() uint64 { return c.rev }

// ReadOnly reports whether changes are refused (the report is open to read
// only). Every changing method then does nothing and reports no change.
func (c *Conversation) ReadOnly() bool { return c.readOnly }

// SetReadOnly makes the conversation refuse (or accept again) every change.
func (c *Conversation) SetReadOnly(ro bool) { c.readOnly = ro }

// changed records one change.
func (c *Conversation) changed() { c.rev++ }

// peek is the answer to a question without creating it.
func (c *Conversation) peek(questionID string) *Answer { return c.Answers[questionID] }

// StopRef is how a stop is written where one string names it (the report's
// "Verder bij vraag", Session.Current): the question id, and for a sub-point
// or topic "#" and its id.
func StopRef(questionID, partID string) string {
	if partID == "" {
		return questionID
	}
	return questionID + "#" + partID
}

// ParseStopRef splits what StopRef wrote.
func ParseStopRef(ref string) (questionID, partID string) {
	questionID, partID, _ = strings.Cut(ref, "#")
	return questionID, partID
}

// Ref is the stop's StopRef.
func Ref(st content.Stop) string { return StopRef(questionOf(st), partOf(st)) }

// questionOf is the id of the stop's question; "" for the zero Stop, which
// stands for "no question" (a general action item).
func questionOf(st content.Stop) string {
	if st.Question == nil {
		return ""
	}
	return st.Question.ID
}

// partOf is the id of the stop's sub-point or topic, "" for a question.
func partOf(st content.Stop) string {
	if st.Part == nil {
		return ""
	}
	return st.Part.ID
}

// Stops lists every stop of the set in order. It is built once; callers
// must not change it.
func (c *Conversation) Stops() []content.Stop { return c.stops }

// Stop is the stop at index i; the zero Stop when i is out of range.
func (c *Conversation) Stop(i int) content.Stop {
	if i < 0 || i >= len(c.stops) {
		return content.Stop{}
	}
	return c.stops[i]
}

// StopIndex finds the stop of a question, or of one of its sub-points or
// topics; a question with parts asked without a part gives its first part.
// It is -1 when the set has no such stop.
func (c *Conversation) StopIndex(questionID, partID string) int {
	if questionID == "" {
		return -1
	}
	first := -1
	for i, st := range c.stops {
		if st.Question.ID != questionID {
			continue
		}
		if first < 0 {
			first = i
		}
		if partOf(st) == partID {
			return i
		}
	}
	if partID == "" {
		return first
	}
	return -1
}

// StopByNumber finds a stop by the number people read: "1.3b", or "1.3"
// for a question (its first part when it has parts). Case and spaces do
// not matter ("3.1 B"). It is -1 when there is no such stop.
func (c *Conversation) StopByNumber(number string) int {
	v := strings.ToLower(strings.Join(strings.Fields(number), ""))
	if v == "" {
		return -1
	}
	for i, st := range c.stops {
		if st.Number() == v || (st.PartIndex <= 0 && st.QuestionNumber() == v) {
			return i
		}
	}
	return -1
}

// FirstStopOf is the index of the first stop of section si (counted from
// 0), or -1 when the section has none.
func (c *Conversation) FirstStopOf(si int) int {
	for i, st := range c.stops {
		if st.SectionIndex == si {
			return i
		}
	}
	return -1
}

// Resume is the stop where the conversation was left (Session.Current), or
// -1 for the overview (nothing recorded, or a stop the set no longer has).
// A part the question no longer has resumes at the question.
func (c *Conversation) Resume() int {
	qid, part := ParseStopRef(c.Current)
	if i := c.StopIndex(qid, part); i >= 0 {
		return i
	}
	return c.StopIndex(qid, "")
}

// SetCurrent records stop i as where the conversation is (-1: the
// overview). Moving to another stop ends the note that a choice's text was
// typed under another follow-up (see SetChoice).
func (c *Conversation) SetCurrent(i int) bool {
	ref := ""
	if i >= 0 && i < len(c.stops) {
		ref = Ref(c.stops[i])
	}
	if ref == c.Current || c.readOnly {
		return false
	}
	clear(c.moved)
	c.Current = ref
	c.changed()
	return true
}

// belongsAt reports whether something recorded at part of a question (a
// perspective or an action item) is shown at stop st of that question. It
// belongs at the stop of its part; what has no part, or a part the
// question no longer has (from an older report, or a changed set), belongs
// at the question's first stop, so that nothing recorded is out of sight.
func belongsAt(st content.Stop, part string) bool {
	if st.Question == nil {
		return part == ""
	}
	if st.Part != nil && part == st.Part.ID {
		return true
	}
	if st.PartIndex > 0 {
		return false
	}
	if part == "" {
		return true
	}
	for _, p := range st.Question.Parts() {
		if p.ID == part {
			return false
		}
	}
	return true
}
