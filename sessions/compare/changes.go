package compare

import (
	"strings"

	"gespreksmap/content"
	"gespreksmap/sessions"
)

// Changes is everything that differs between two reports of the same
// partnership, in the order of the question set.
type Changes struct {
	PriorTitle, CurrentTitle string
	PriorDate, CurrentDate   string // YYYY-MM-DD as in the reports
	// The question sets the reports were made with.
	PriorSetID, PriorSetVersion     string
	CurrentSetID, CurrentSetVersion string

	// Statuses are status changes of questions and of their sub-points or
	// topics, for questions and parts answered in both reports.
	Statuses []StatusChange
	// Texts are the changed joint answers and perspectives, stop by stop in
	// the order of the set.
	Texts []TextChange
	// Counts compares every counts question answered in both reports.
	Counts []CountsComparison
	// Partners are changed partner states on partner checklists answered in
	// both reports, standard partner kinds and named other partners.
	Partners []PartnerChange
	// Choices are changed choices of choice questions answered in both reports.
	Choices []ChoiceChange
	// Actions are last year's open action items with what became of them.
	Actions []ActionOutcome
	// Parked are last year's open parked remarks with what became of them.
	Parked []ParkedOutcome
	// NoLongerAnswered were answered in the prior report and not in the
	// current one: questions, and parts of questions answered in both.
	NoLongerAnswered []AnsweredQuestion
	// NewlyAnswered are answered in the current report and not in the prior
	// one: questions, and parts of questions answered in both.
	NewlyAnswered []AnsweredQuestion
	// Unknown are answers to questions the set does not know (from another
	// version of the set), in either report.
	Unknown []UnknownQuestion
	// OneYearOnly are counts, partner and choice questions filled in in only
	// one of the two reports, so there is nothing to compare them with.
	OneYearOnly []OneYearOnly
	// JoinedOrganisations and LeftOrganisations are the participants'
	// organisations at the table this year and not last year, and the other
	// way round, matched ignoring case; OrganisationsIn tells whether each
	// report names any organisation at all.
	JoinedOrganisations, LeftOrganisations       []string
	OrganisationsInPrior, OrganisationsInCurrent bool
	// Compared is, per kind (counts, partners, choice), the number of
	// questions filled in in both reports, whether or not anything changed.
	Compared map[content.Kind]int
}

// OneYearOnly is a counts, partner or choice question whose numbers,
// partners or choice were filled in in one report only.
type OneYearOnly struct {
	Question  QuestionRef
	Kind      content.Kind
	InCurrent bool // filled in this year and not last year; false: the other way round
}

// QuestionRef places a question of the set: its section and number.
type QuestionRef struct {
	ID           string
	Text         string
	Section      int // 1-based position of the section in the set
	Index        int // 1-based position of the question in its section
	SectionID    string
	SectionTitle string
}

// Number is the question's number as the report shows it, e.g. "2.1".
func (q QuestionRef) Number() string {
	return content.NumberAt(q.Section-1, q.Index-1)
}

// StatusChange is a changed status of a question (PartID empty) or of one
// of its sub-points or topics.
type StatusChange struct {
	Question   QuestionRef
	PartID     string
	PartLetter string // "a", "b", ... as the report letters parts; "" when the set does not know the part
	PartText   string
	From, To   sessions.Status
}

// Number is the question's or part's number as the report shows it, e.g.
// "1.3" or "1.3b"; a part the set does not know gets its id in backticks.
func (c StatusChange) Number() string {
	return cmpPartNumber(c.Question, c.PartID, c.PartLetter)
}

func cmpPartNumber(q QuestionRef, partID, letter string) string {
	switch {
	case partID == "":
		return q.Number()
	case letter != "":
		return q.Number() + letter
	}
	return q.Number() + " `" + strings.ReplaceAll(partID, "`", "'") + "`"
}

// Movement says which way a status went, in the words of the report.
type Movement int

const (
	MovedForward  Movement = iota // towards "geregeld"
	MovedBack                     // away from "geregeld"
	MovedOther                    // to or from "n.v.t."
	StatusGiven                   // answered both years, a status only this year
	StatusRemoved                 // answered both years, a status only last year
)

// Label is the movement as the status table's "Richting" column shows it.
func (m Movement) Label() string {
	switch m {
	case MovedForward:
		return "vooruit"
	case MovedBack:
		return "achteruit"
	case StatusGiven:
		return "status nieuw"
	case StatusRemoved:
		return "status weg"
	}
	return "anders"
}

// Movement tells a change of one set status into another apart from a
// status given or dropped, so "niet besproken" never counts as a change of
// direction.
func (c StatusChange) Movement() Movement {
	switch {
	case c.From == sessions.StatusNone:
		return StatusGiven
	case c.To == sessions.StatusNone:
		return StatusRemoved
	}
	switch c.Direction() {
	case 1:
		return MovedForward
	case -1:
		return MovedBack
	}
	return MovedOther
}

// Direction is +1 when the status moved towards "geregeld", -1 when it moved
// away from it, 0 when the two cannot be ranked (n.v.t., niet besproken).
func (c StatusChange) Direction() int {
	f, t := cmpStatusRank(c.From), cmpStatusRank(c.To)
	switch {
	case f == 0 || t == 0 || f == t:
		return 0
	case t > f:
		return 1
	}
	return -1
}

func cmpStatusRank(s sessions.Status) int {
	switch s {
	case sessions.StatusDone:
		return 3
	case sessions.StatusPartial:
		return 2
	case sessions.StatusNotYet:
		return 1
	}
	return 0
}

// CountsComparison sets one counts question's numbers side by side.
type CountsComparison struct {
	Question QuestionRef
	Rows     []CountRow
	// Indicative sets the results of the question's norms side by side,
	// over the categories filled in in both years (those of Totals); nil
	// when the question has no norms or no such category.
	Indicative *IndicativeComparison
}

// IndicativeComparison is the indicative result of last year and of this
// year (sessions.IndicativeFor), by the norms of this year's set.
type IndicativeComparison struct {
	Prior, Current sessions.Indicative
}

// Difference is this year's total minus last year's.
func (c IndicativeComparison) Difference() sessions.Amount {
	return c.Current.Total.Sub(c.Prior.Total)
}

// CountRow is one category: last year's number and this year's.
type CountRow struct {
	CategoryID string
	Label      string
	Prior      int
	Current    int
	InPrior    bool // filled in in the prior report
	InCurrent  bool // filled in in the current report
}

// Totals sums, for each report, the categories filled in in both reports,
// so the two totals count the same groups; ok is false when no category was
// filled in in both. The totals add up groups, not children: a child can be
// in more than one group.
func (c CountsComparison) Totals() (prior int, priorOK bool, current int, currentOK bool) {
	for _, r := range c.Rows {
		if r.InPrior && r.InCurrent {
			prior += r.Prior
			current += r.Current
			priorOK, currentOK = true, true
		}
	}
	return prior, priorOK, current, currentOK
}

// LeftOut are the categories filled in in one report only, which the
// totals leave out.
func (c CountsComparison) LeftOut() []CountRow {
	var out []CountRow
	for _, r := range c.Rows {
		if r.InPrior != r.InCurrent {
			out = append(out, r)
		}
	}
	return out
}

// PartnerChange is a changed state of one partner on a partner checklist.
type PartnerChange struct {
	Question  QuestionRef
	PartnerID string // partner kind id; "" for a named other partner
	Label     string // the partner kind's label, or the other partner's name
	Other     bool   // a named partner outside the standard list
	// Named and Unnamed tell, for a named other partner, that it is on this
	// year's list and not on last year's, or the other way round.
	Named, Unnamed bool
	From, To       sessions.PartnerState
}

// Joined reports whether the partnership started working with this partner.
func (c PartnerChange) Joined() bool {
	return c.To == sessions.PartnerTogether && c.From != sessions.PartnerTogether
}

// Left reports whether the partnership stopped working with this partner
// (an explicit "nog niet" or "n.v.t." now; a blank is not leaving).
func (c PartnerChange) Left() bool {
	return c.From == sessions.PartnerTogether && (c.To == sessions.PartnerNotYet || c.To == sessions.PartnerNA)
}

// ChoiceChange is a different choice on a choice question.
type ChoiceChange struct {
	Question           QuestionRef
	From, To           string // choice ids; "" = no choice made
	FromLabel, ToLabel string
}

// ActionOutcome is one of last year's open action items and its outcome.
type ActionOutcome struct {
	Item           sessions.ActionItem
	QuestionNumber string // number of the stop it was made at ("1.3", "1.3b"); the id in backticks when the set does not know it; "" when general
	Outcome        sessions.Outcome
	NewWhen        string // new date of a carried item, when known
}

// AnsweredQuestion is a question, or a sub-point or topic of one (PartID
// set), answered in only one of the two reports.
type AnsweredQuestion struct {
	Question   QuestionRef
	PartID     string
	PartLetter string // "" when the set does not know the part
	PartText   string
	Summary    string // short Dutch description of the answer's state, e.g. "geregeld" or "deels 2 · nog niet 1"
}

// Number is the question's or part's number, e.g. "2.2" or "3.2a".
func (a AnsweredQuestion) Number() string {
	return cmpPartNumber(a.Question, a.PartID, a.PartLetter)
}

// UnknownQuestion is an answer whose question id the set does not know.
type UnknownQuestion struct {
	ID             string
	Text           string // the question text as read from the report
	Prior, Current *sessions.Answer
}
