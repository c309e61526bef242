package sessions

import (
	"slices"
	"sort"
	"time"

	"gespreksmap/content"
)

// A writing round (schrijfronde) asks every organisation at the table to
// send its perspective at one stop from their own devices; the projector
// shows how many did, and the facilitator then reveals the contributions
// side by side and takes them over. A round is transient: the report does
// not keep it.

// Round is a writing round (schrijfronde) on one stop: every organisation
// at the table is asked to send its perspective there. It is transient:
// the report does not keep it.
type Round struct {
	QuestionID, Part string
	Opened           time.Time
	Revealed         bool // the contributions are shown side by side
}

// writingRound is the round open now, with the contributions taken over
// during it at its stop (they left the list, but count as sent).
type writingRound struct {
	Round
	accepted []Contribution
}

// holds reports whether a contribution belongs to the round: sent at its
// stop since it opened.
func (r *writingRound) holds(k Contribution) bool {
	return k.QuestionID == r.QuestionID && k.Part == r.Part && !k.At.Before(r.Opened)
}

// OpenRound opens a writing round on the stop at now; a round open on
// another stop is replaced. False when the round is open there already,
// for a place that is not a stop of the set, and in a read-only report.
// Opening a round is no change to the report.
func (c *Conversation) OpenRound(st content.Stop, now time.Time) bool {
	qid, part := questionOf(st), partOf(st)
	if c.readOnly || c.exactStop(qid, part) < 0 || (c.round != nil && c.round.QuestionID == qid && c.round.Part == part) {
		return false
	}
	c.round = &writingRound{Round: Round{QuestionID: qid, Part: part, Opened: now}}
	return true
}

// CurrentRound is the writing round open now, if any.
func (c *Conversation) CurrentRound() (Round, bool) {
	if c.round == nil {
		return Round{}, false
	}
	return c.round.Round, true
}

// RevealRound shows the round's contributions: false when no round is
// open or it was revealed already.
func (c *Conversation) RevealRound() bool {
	if c.round == nil || c.round.Revealed {
		return false
	}
	c.round.Revealed = true
	return true
}

// CloseRound ends the writing round; its contributions stay where they
// are (waiting, set aside or taken over).
func (c *Conversation) CloseRound() bool {
	if c.round == nil {
		return false
	}
	c.round = nil
	return true
}

// RoundProgress is how far the writing round is, for the projector's "4
// van 6 organisaties hebben ingestuurd": total is the number of
// organisations at the table (Organisations()), sent how many of them
// sent a contribution at the round's stop since it opened (waiting, set
// aside, or taken over during the round). Only organisations at the table
// count: a contribution under another name (a participant who typed
// before the list of participants changed) is in RoundContributions but
// would otherwise let "7 van 6" appear. Without a round, sent is 0.
func (c *Conversation) RoundProgress() (sent, total int) {
	orgs := c.Organisations()
	if c.round == nil {
		return 0, len(orgs)
	}
	from := map[string]bool{}
	for _, k := range c.Session.Contributions {
		if c.round.holds(k) {
			from[k.Organisation] = true
		}
	}
	for _, k := range c.round.accepted {
		from[k.Organisation] = true
	}
	for _, o := range orgs {
		if from[o] {
			sent++
		}
	}
	return sent, len(orgs)
}

// RoundContributions lists the contributions of the writing round not
// taken over (waiting and set aside) at its stop since it opened, of every
// organisation: those at the table in the order of Organisations(), then
// the others, each in the order they arrived. Nil without a round.
func (c *Conversation) RoundContributions() []Contribution {
	if c.round == nil {
		return nil
	}
	var out []Contribution
	for _, k := range c.Session.Contributions {
		if c.round.holds(k) {
			out = append(out, k)
		}
	}
	c.byTable(out)
	return out
}

// RoundAccepted lists the contributions taken over during the writing
// round, with the text as taken over, in the order of RoundContributions.
// Nil without a round.
func (c *Conversation) RoundAccepted() []Contribution {
	if c.round == nil {
		return nil
	}
	out := slices.Clone(c.round.accepted)
	c.byTable(out)
	return out
}

// byTable orders contributions by their organisation's place at the table
// (Organisations()), those of other organisations last; the order of
// arrival stays within each.
func (c *Conversation) byTable(ks []Contribution) {
	rank := map[string]int{}
	for i, o := range c.Organisations() {
		rank[o] = i
	}
	place := func(org string) int {
		if r, ok := rank[org]; ok {
			return r
		}
		return len(rank)
	}
	sort.SliceStable(ks, func(i, j int) bool { return place(ks[i].Organisation) < place(ks[j].Organisation) })
}
