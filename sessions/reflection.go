package sessions

import (
	"path/filepath"
)

// The yearly reflection: a new conversation beside last year's report. These
// functions hold what every interface does with it, so that the full-screen
// interface and the accessible mode write the same report for the same
// answers.

// StartReflection links a new conversation to last year's report: prior
// becomes its baseline, stored as baselinePath (see RelativePath), and last
// year's open action items wait to be settled. Last year's open parked
// remarks are taken over, marked as last year's.
func StartReflection(s, prior *Session, baselinePath string) {
	carryParked(s, prior)
	s.Prior = prior
	s.Baseline = baselinePath
	s.PriorActions = nil
	for _, ai := range prior.Actions {
		if !ai.Done {
			s.PriorActions = append(s.PriorActions, PriorAction{Item: ai})
		}
	}
}

// RelativePath is target as seen from the folder of the report fromReport,
// with forward slashes, so that both reports can be moved together (and
// between Windows and other systems). When no relative path exists (another
// drive), it is target made absolute.
func RelativePath(fromReport, target string) string {
	absR, err1 := filepath.Abs(filepath.Dir(fromReport))
	absT, err2 := filepath.Abs(target)
	if err1 != nil || err2 != nil {
		return target
	}
	if rel, err := filepath.Rel(absR, absT); err == nil {
		return filepath.ToSlash(rel)
	}
	return absT
}

// OpenPriorActions counts last year's action items not yet settled.
func (s *Session) OpenPriorActions() int {
	n := 0
	for _, pa := range s.PriorActions {
		if pa.Outcome == OutcomeOpen {
			n++
		}
	}
	return n
}

// Settle records what became of last year's action item i. An item carried
// over joins this year's action items with its new date; settling it
// otherwise later takes it out of them again.
func (s *Session) Settle(i int, o Outcome, newWhen string) {
	if i < 0 || i >= len(s.PriorActions) {
		return
	}
	pa := &s.PriorActions[i]
	if j := s.carriedAction(i); j >= 0 {
		s.Actions = append(s.Actions[:j], s.Actions[j+1:]...)
	}
	pa.Outcome = o
	if o == OutcomeCarried {
		item := pa.Item
		item.When, item.Done, item.Carried = newWhen, false, true
		s.Actions = append(s.Actions, item)
	}
}

// carriedAction is the index in this year's actions of last year's item i
// when it was carried over, or -1.
func (s *Session) carriedAction(i int) int {
	pa := s.PriorActions[i]
	if pa.Outcome != OutcomeCarried {
		return -1
	}
	for j, ai := range s.Actions {
		if ai.Carried && ai.What == pa.Item.What && ai.QuestionID == pa.Item.QuestionID {
			return j
		}
	}
	return -1
}

// CarriedTo is the new date of last year's item i when it was carried over
// into this year's actions, or "".
func (s *Session) CarriedTo(i int) string {
	if j := s.carriedAction(i); j >= 0 {
		return s.Actions[j].When
	}
	return ""
}

// At is the status and text of the answer, or of one of its sub-points or
// topics when partID is set. A nil answer is not discussed and empty.
func (a *Answer) At(partID string) (Status, string) {
	switch {
	case a == nil:
		return StatusNone, ""
	case partID == "":
		return a.Status, a.Text
	}
	if p := a.Parts[partID]; p != nil {
		return p.Status, p.Text
	}
	return StatusNone, ""
}

// TakeOverPrior brings last year's answer at a question (or at one of its
// sub-points or topics) into this year's, to edit. Structured answers
// (choice, partners, counts) fill only what is still empty here; last
// year's text is returned, for the caller to add to what is typed with
// AppendText. ok is false when last year has no answer to the question, and
// then nothing changes.
func (s *Session) TakeOverPrior(questionID, partID string) (text string, ok bool) {
	if s.Prior == nil {
		return "", false
	}
	pa := s.Prior.Answers[questionID]
	if pa == nil {
		return "", false
	}
	if partID != "" {
		_, text = pa.At(partID)
		return text, true
	}
	ans := s.Answer(questionID)
	if ans.Choice == "" {
		ans.Choice = pa.Choice
	}
	for id, st := range pa.Partners {
		if _, ok := ans.Partners[id]; !ok {
			if ans.Partners == nil {
				ans.Partners = map[string]PartnerState{}
			}
			ans.Partners[id] = st
		}
	}
	if len(ans.OtherPartners) == 0 {
		ans.OtherPartners = append(ans.OtherPartners, pa.OtherPartners...)
	}
	for id, n := range pa.Counts {
		if _, ok := ans.Counts[id]; !ok {
			if ans.Counts == nil {
				ans.Counts = map[string]int{}
			}
			ans.Counts[id] = n
		}
	}
	return pa.Text, true
}

// AppendText adds taken-over text after what is already there, as a new
// paragraph: it never replaces what was typed.
func AppendText(cur, add string) string {
	switch {
	case add == "":
		return cur
	case cur == "":
		return add
	}
	return cur + "\n\n" + add
}
