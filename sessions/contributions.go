package sessions

import (
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"gespreksmap/content"
)

// Contributions: what participants write from their own phone or laptop.
// Each is one organisation's perspective at one stop, sent while the
// facilitator had that stop open. It waits until the facilitator takes it
// over (it is added to that organisation's perspective at the stop) or
// sets it aside. Waiting and set-aside contributions are part of the
// session, so the report keeps them and reopening it offers them again:
// nothing sent is lost when the program quits or crashes.
//
// A writing round (schrijfronde) asks every organisation at the table to
// write at one stop; it is transient, the report does not keep it.

// ContributionState says what the facilitator did with a contribution.
type ContributionState string

const (
	ContributionWaiting  ContributionState = ""         // waiting for the facilitator
	ContributionSetAside ContributionState = "terzijde" // set aside: kept in the report, not a perspective
)

// (Accepted contributions become perspectives and leave the list.)

// Contribution is a text a participant sent from their own device: their
// organisation's perspective at one stop.
type Contribution struct {
	ID           string    // unique, given by the sender side; stable over edits
	Organisation string    // one line
	QuestionID   string    // the stop it was written at
	Part         string    // its sub-point or topic ("" = the question)
	Text         string    // cleaned with CleanText, at most MaxContribution runes
	At           time.Time // when it was (last) sent; minute precision in the report
	State        ContributionState
}

// MaxContribution is the longest text a contribution keeps, in runes: a
// longer one is cut there.
const MaxContribution = 10000

// MaxContributionID is the longest id a sender may give a contribution.
const MaxContributionID = 64

// maxOrganisation is the longest organisation name a contribution may
// carry, in runes; names at the table are far shorter, so a longer one is
// not from the participants' page and is refused.
const maxOrganisation = 200

// Receive takes in a contribution as it arrived from a participant. A new
// one is added at the end of the list, waiting; one with the ID of a
// waiting contribution is an edit: its text and time are replaced and it
// keeps its place (an edit changes nothing else). It is refused (false) in
// a read-only report, with an ID that is empty, longer than
// MaxContributionID or holds anything but ASCII letters, digits, '-' and
// '_', with an ID set aside or already taken over, with a text that is
// empty after cleaning, without an organisation, and at a place that is
// not a stop of the set (a question with sub-points or topics has a stop
// for each of them, not one of its own). The text is cleaned (CleanText),
// trimmed and cut to MaxContribution runes; the organisation is cleaned
// to one line.
func (c *Conversation) Receive(k Contribution) bool {
	id := strings.TrimSpace(CleanLine(k.ID))
	if c.readOnly || !ValidContributionID(id) || c.taken[id] {
		return false
	}
	text := contributionText(k.Text)
	if text == "" {
		return false
	}
	if _, i, ok := c.ContributionByID(id); ok {
		cur := &c.Session.Contributions[i]
		if cur.State != ContributionWaiting || (cur.Text == text && cur.At.Equal(k.At)) {
			return false
		}
		cur.Text, cur.At = text, k.At
		c.changed()
		return true
	}
	org := strings.TrimSpace(CleanLine(k.Organisation))
	if org == "" || utf8.RuneCountInString(org) > maxOrganisation || c.exactStop(k.QuestionID, k.Part) < 0 {
		return false
	}
	c.Session.Contributions = append(c.Session.Contributions, Contribution{
		ID: id, Organisation: org, QuestionID: k.QuestionID, Part: k.Part, Text: text, At: k.At, State: ContributionWaiting,
	})
	c.changed()
	return true
}

// ValidContributionID reports whether id may name a contribution (see
// Receive): it goes into the report's markers and the participants' page's
// addresses as it is, so only characters that need no escaping anywhere.
func ValidContributionID(id string) bool {
	if id == "" || len(id) > MaxContributionID {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// contributionText cleans a sent text: CleanText, trimmed, at most
// MaxContribution runes (cut between runes, never inside one).
func contributionText(s string) string {
	s = strings.TrimSpace(CleanText(s))
	if len(s) <= MaxContribution || utf8.RuneCountInString(s) <= MaxContribution {
		return s
	}
	n := 0
	for i := range s {
		if n == MaxContribution {
			s = s[:i]
			break
		}
		n++
	}
	return strings.TrimSpace(s)
}

// Withdraw removes a waiting contribution: the participant took it back.
// One set aside or taken over stays as it is.
func (c *Conversation) Withdraw(id string) bool {
	_, i, ok := c.ContributionByID(id)
	if c.readOnly || !ok || c.Session.Contributions[i].State != ContributionWaiting {
		return false
	}
	c.Session.Contributions = slices.Delete(c.Session.Contributions, i, i+1)
	c.changed()
	return true
}

// Contributions lists the contributions not taken over (waiting and set
// aside), in the order they arrived; a copy.
func (c *Conversation) Contributions() []Contribution {
	return slices.Clone(c.Session.Contributions)
}

// WaitingCount counts the contributions waiting for the facilitator in the
// whole conversation.
func (c *Conversation) WaitingCount() int {
	n := 0
	for _, k := range c.Session.Contributions {
		if k.State == ContributionWaiting {
			n++
		}
	}
	return n
}

// WaitingAt lists the indexes (into Contributions()) of the contributions
// waiting at the stop. As with perspectives, one at a sub-point the
// question no longer has (from a report of another version of the set) is
// at the question's first stop, so that none is out of sight.
func (c *Conversation) WaitingAt(st content.Stop) []int {
	if st.Question == nil {
		return nil
	}
	var out []int
	for i, k := range c.Session.Contributions {
		if k.State == ContributionWaiting && k.QuestionID == st.Question.ID && belongsAt(st, k.Part) {
			out = append(out, i)
		}
	}
	return out
}

// ContributionByID finds a contribution not taken over, with its index
// into Contributions().
func (c *Conversation) ContributionByID(id string) (Contribution, int, bool) {
	if id == "" {
		return Contribution{}, -1, false
	}
	for i, k := range c.Session.Contributions {
		if k.ID == id {
			return k, i, true
		}
	}
	return Contribution{}, -1, false
}

// AcceptContribution takes a contribution (waiting or set aside) over as
// its organisation's perspective at its stop: text ("" = the
// contribution's own; otherwise as the facilitator edited it, cleaned) is
// added to what the organisation said there as a new paragraph
// (AppendPerspective), or becomes its perspective. The contribution leaves
// the list, and a later edit or withdrawal of it is refused. One change.
// Refused for a contribution without organisation or at a question the
// set does not have (kept in the report; it can be set aside).
func (c *Conversation) AcceptContribution(id, text string) bool {
	k, i, ok := c.ContributionByID(id)
	if c.readOnly || !ok || strings.TrimSpace(k.Organisation) == "" {
		return false
	}
	st, ok := c.contributionStop(k)
	if !ok {
		return false
	}
	if t := strings.TrimSpace(CleanText(text)); t != "" {
		text = t
	} else {
		text = k.Text
	}
	// AppendPerspective counts the one change; the list changes with it.
	if !c.AppendPerspective(st, k.Organisation, text) {
		return false
	}
	c.Session.Contributions = slices.Delete(c.Session.Contributions, i, i+1)
	if c.taken == nil {
		c.taken = map[string]bool{}
	}
	c.taken[k.ID] = true
	if r := c.round; r != nil && r.holds(k) {
		k.Text = text
		r.accepted = append(r.accepted, k)
	}
	return true
}

// SetAsideContribution sets a waiting contribution aside: it is not taken
// over, but it stays in the report with its text, marked as set aside.
func (c *Conversation) SetAsideContribution(id string) bool {
	return c.setContributionState(id, ContributionWaiting, ContributionSetAside)
}

// RestoreContribution makes a contribution set aside wait again.
func (c *Conversation) RestoreContribution(id string) bool {
	return c.setContributionState(id, ContributionSetAside, ContributionWaiting)
}

func (c *Conversation) setContributionState(id string, from, to ContributionState) bool {
	_, i, ok := c.ContributionByID(id)
	if c.readOnly || !ok || c.Session.Contributions[i].State != from {
		return false
	}
	c.Session.Contributions[i].State = to
	c.changed()
	return true
}

// exactStop is the index of the stop that is exactly this question and
// part, or -1 (unlike StopIndex, a question with parts has no stop of its
// own).
func (c *Conversation) exactStop(questionID, part string) int {
	if questionID == "" {
		return -1
	}
	for i, st := range c.stops {
		if st.Question.ID == questionID && partOf(st) == part {
			return i
		}
	}
	return -1
}

// contributionStop is where a contribution is taken over: its own stop,
// or, for a sub-point the question no longer has, the question's first
// stop (where WaitingAt shows it). False for a question the set does not
// have.
func (c *Conversation) contributionStop(k Contribution) (content.Stop, bool) {
	if i := c.exactStop(k.QuestionID, k.Part); i >= 0 {
		return c.stops[i], true
	}
	if i := c.StopIndex(k.QuestionID, ""); i >= 0 && belongsAt(c.stops[i], k.Part) {
		return c.stops[i], true
	}
	return content.Stop{}, false
}

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
