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
// nothing sent is lost when the program quits or crashes. Writing rounds
// are in rounds.go.

// ContributionState says what the facilitator did with a contribution.
// (Accepted contributions become perspectives and leave the list.)
type ContributionState string

const (
	ContributionWaiting  ContributionState = ""         // waiting for the facilitator
	ContributionSetAside ContributionState = "terzijde" // set aside: kept in the report, not a perspective
)

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
	if _, done := c.taken[id]; c.readOnly || !ValidContributionID(id) || done {
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
		c.taken = map[string]takenOver{}
	}
	c.taken[k.ID] = takenOver{k, c.rev}
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

// takenOver is a contribution as it was before it was taken over, and the
// revision that took it over.
type takenOver struct {
	k   Contribution
	rev uint64
}

// carryContributions gives a conversation read again from its report
// (Controller.Reload) what the one before it (old) held of participants'
// contributions and the report lacks: those received since, and those
// taken over after the revision saved (their perspective is given up with
// the rest of what was not saved), which wait again. Nothing sent is lost
// by reloading. The writing round goes on, and what was taken over before
// stays refused for edits.
func (c *Conversation) carryContributions(old *Conversation, saved uint64) {
	c.round = old.round
	have := map[string]bool{}
	for _, k := range c.Session.Contributions {
		have[k.ID] = true
	}
	var add []Contribution
	edited := false
	for _, k := range old.Session.Contributions {
		if !have[k.ID] {
			have[k.ID] = true
			add = append(add, k)
			continue
		}
		// In both: a participant's edit received after the save is newer
		// than what the report holds (which keeps the minute), and the page
		// will not send it again.
		if d, i, _ := c.ContributionByID(k.ID); k.State == ContributionWaiting && d.State == ContributionWaiting &&
			k.Text != d.Text && !k.At.Truncate(time.Minute).Before(d.At) {
			c.Session.Contributions[i].Text, c.Session.Contributions[i].At = k.Text, k.At
			edited = true
		}
	}
	var back []Contribution
	for id, t := range old.taken {
		switch {
		case have[id]:
		case t.rev > saved:
			have[id] = true
			t.k.State = ContributionWaiting
			back = append(back, t.k)
		default:
			if c.taken == nil {
				c.taken = map[string]takenOver{}
			}
			c.taken[id] = takenOver{t.k, 0}
		}
	}
	sort.Slice(back, func(i, j int) bool {
		return back[i].At.Before(back[j].At) || back[i].At.Equal(back[j].At) && back[i].ID < back[j].ID
	})
	add = append(add, back...)
	if r := c.round; r != nil {
		// One in the list again is no longer taken over in the round.
		r.accepted = slices.DeleteFunc(slices.Clone(r.accepted), func(k Contribution) bool { return have[k.ID] })
	}
	if len(add) == 0 && !edited {
		return
	}
	c.Session.Contributions = append(c.Session.Contributions, add...)
	c.changed()
}
