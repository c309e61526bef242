package sessions

import "maps"

// Clone returns a deep copy of the session, so that a report can be rendered
// and saved in the background while the interface goes on changing the
// original. Prior (last year's report) is shared: it is never modified.
func (s *Session) Clone() *Session {
	c := *s
	c.Participants = append([]Participant(nil), s.Participants...)
	c.Actions = append([]ActionItem(nil), s.Actions...)
	c.PriorActions = append([]PriorAction(nil), s.PriorActions...)
	c.Agenda = maps.Clone(s.Agenda)
	c.Parked = append([]ParkedRemark(nil), s.Parked...)
	c.Closing = append([]ClosingRound(nil), s.Closing...)
	c.Contributions = append([]Contribution(nil), s.Contributions...)
	if s.Round != nil {
		r := *s.Round
		r.Sent = append([]string(nil), s.Round.Sent...)
		c.Round = &r
	}
	c.Answers = make(map[string]*Answer, len(s.Answers))
	for id, a := range s.Answers {
		c.Answers[id] = a.Clone()
	}
	return &c
}

// Clone returns a deep copy of the answer.
func (a *Answer) Clone() *Answer {
	if a == nil {
		return nil
	}
	c := *a
	c.Partners = maps.Clone(a.Partners)
	c.OtherPartners = append([]OtherPartner(nil), a.OtherPartners...)
	c.Counts = maps.Clone(a.Counts)
	c.Perspectives = append([]Perspective(nil), a.Perspectives...)
	if a.Parts != nil {
		c.Parts = make(map[string]*Part, len(a.Parts))
		for id, p := range a.Parts {
			pc := *p
			c.Parts[id] = &pc
		}
	}
	return &c
}
