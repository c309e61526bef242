package sessions

import (
	"slices"
	"sort"
	"strings"
	"time"

	"gespreksmap/content"
)

// A writing round (schrijfronde) asks every organisation at the table to
// send its perspective at one stop from their own devices; the projector
// shows how many did, and the facilitator then reveals the contributions
// side by side and takes them over. While a round is open the report keeps
// it (Session.Round: its stop, when it opened, whether it was revealed and
// which organisations sent), so that a second terminal following the
// report shows it and a conversation reopened after a crash goes on with
// it; the texts themselves stay in the contributions and perspectives.
// Opening, revealing and closing a round are changes to the report.

// Round is a writing round (schrijfronde) on one stop: every organisation
// at the table is asked to send its perspective there.
type Round struct {
	QuestionID, Part string
	Opened           time.Time
	Revealed         bool // the contributions are shown side by side
}

// RoundRecord is a writing round as the report keeps it while it is open:
// the round, and the organisations at the table that sent at its stop
// since it opened (their contributions waiting, set aside or taken over),
// in the order of the table.
type RoundRecord struct {
	Round
	Sent []string
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
// One change: the report keeps the round.
func (c *Conversation) OpenRound(st content.Stop, now time.Time) bool {
	qid, part := questionOf(st), partOf(st)
	if c.readOnly || c.exactStop(qid, part) < 0 || (c.round != nil && c.round.QuestionID == qid && c.round.Part == part) {
		return false
	}
	// To the minute, as the report keeps it: the round holds the same
	// contributions live, on the projector and after reopening.
	c.round = &writingRound{Round: Round{QuestionID: qid, Part: part, Opened: now.Truncate(time.Minute)}}
	c.changed()
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
// open, it was revealed already, or in a read-only report. One change.
func (c *Conversation) RevealRound() bool {
	if c.readOnly || c.round == nil || c.round.Revealed {
		return false
	}
	c.round.Revealed = true
	c.changed()
	return true
}

// CloseRound ends the writing round; its contributions stay where they
// are (waiting, set aside or taken over). Refused in a read-only report.
// One change: the report no longer holds the round.
func (c *Conversation) CloseRound() bool {
	if c.readOnly || c.round == nil {
		return false
	}
	c.round = nil
	c.changed()
	return true
}

// Clone is a deep copy of the session for its report, with the writing
// round open now (Session.Round).
func (c *Conversation) Clone() *Session {
	s := c.Session.Clone()
	if c.round != nil {
		s.Round = &RoundRecord{Round: c.round.Round, Sent: c.roundSent()}
	}
	return s
}

// takeRound takes over the writing round the report kept (Session.Round),
// which the conversation holds from now on: it goes on where it was. An
// organisation counted as sent without a contribution of the round in the
// list had it taken over before the report was written: it counts as sent
// still, with its perspective at the stop as what it sent (what revealing
// shows). A round at a place that is not a stop of the set is dropped.
func (c *Conversation) takeRound() {
	rec := c.Session.Round
	c.Session.Round = nil
	if rec == nil {
		return
	}
	i := c.exactStop(rec.QuestionID, rec.Part)
	if i < 0 {
		return
	}
	r := &writingRound{Round: rec.Round}
	counted := map[string]bool{}
	for _, k := range c.Session.Contributions {
		if r.holds(k) {
			counted[k.Organisation] = true
		}
	}
	for _, org := range rec.Sent {
		if org = strings.TrimSpace(CleanLine(org)); org == "" || counted[org] {
			continue
		}
		counted[org] = true
		text, _ := c.Perspective(c.stops[i], org)
		r.accepted = append(r.accepted, Contribution{Organisation: org, QuestionID: rec.QuestionID, Part: rec.Part, Text: text, At: rec.Opened})
	}
	c.round = r
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
	return len(c.roundSent()), len(c.Organisations())
}

// roundSent are the organisations at the table that sent in the writing
// round (see RoundProgress), in the order of the table; nil without one.
func (c *Conversation) roundSent() []string {
	if c.round == nil {
		return nil
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
	var sent []string
	for _, o := range c.Organisations() {
		if from[o] {
			sent = append(sent, o)
		}
	}
	return sent
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
// For a round taken over from the report (NewConversation), those taken
// over before it was written stand with their organisation's perspective
// at the stop, without an id. Nil without a round.
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
