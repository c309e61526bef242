package sessions

import "time"

// Status says how far the partnership stands on a question, sub-point or topic.
type Status string

const (
	StatusNone    Status = ""         // not discussed
	StatusDone    Status = "geregeld" // arranged, agreed
	StatusPartial Status = "deels"    // partly arranged
	StatusNotYet  Status = "nog-niet" // not yet arranged
	StatusNA      Status = "nvt"      // not applicable
)

// Statuses lists every status in display order (not discussed last).
var Statuses = []Status{StatusDone, StatusPartial, StatusNotYet, StatusNA, StatusNone}

// PartnerState is the answer per partner kind on a partner checklist.
type PartnerState string

const (
	PartnerUnknown  PartnerState = ""         // not filled in
	PartnerTogether PartnerState = "samen"    // "werken samen"
	PartnerNotYet   PartnerState = "nog-niet" // "nog niet"
	PartnerNA       PartnerState = "nvt"      // "n.v.t."
)

// Session is one conversation: its metadata, participants, answers and
// action items. The report on disk is its whole record.
type Session struct {
	Title       string    // e.g. "Oplossingenlab ZiO najaar 2026"
	Region      string    // partnership or region
	Date        string    // YYYY-MM-DD, the day of the conversation
	Facilitator string    // gespreksleider
	SetID       string    // id of the question set used
	SetVersion  string    // version of that set
	Current     string    // stop where the conversation was left: StopRef ("" = overview)
	Baseline    string    // file name of last year's report this one compares to (optional)
	Updated     time.Time // last save (informative only; not used for comparison)

	Participants []Participant
	Answers      map[string]*Answer // by question id
	Actions      []ActionItem

	// PriorActions are the open action items of the baseline report (last
	// year's) with what the group decided about each this year. Items carried
	// over also appear, with their new date, in Actions.
	PriorActions []PriorAction

	// Agenda holds, by section id, the minutes planned for a section and
	// the time spent on it (agenda.go).
	Agenda map[string]SectionTime
	// Parked are the remarks put on the parking lot (parked.go), in the
	// order they were parked; last year's open ones come first, carried over.
	Parked []ParkedRemark
	// Closing is the closing round: per organisation its three answers
	// (closing.go), in the order they were given.
	Closing []ClosingRound
	// Contributions are the texts participants sent from their own
	// devices that the facilitator has not taken over yet: waiting ones
	// and ones set aside, in the order they arrived (contributions.go).
	// Taken over, a contribution becomes a perspective and leaves the list.
	Contributions []Contribution
	// Round is the writing round open when the report was written, or nil
	// (rounds.go). A Conversation takes it over when it is made
	// (NewConversation) and fills it in its snapshots (Conversation.Clone):
	// the conversation, not this field, holds the round while it runs.
	Round *RoundRecord

	// Prior is the baseline report itself, loaded beside this one when
	// Baseline is set. It is not part of this report's record; the report's
	// "what changed" section is derived from it.
	Prior *Session
}

// Outcome is what became of last year's open action item.
type Outcome string

const (
	OutcomeOpen    Outcome = ""              // not yet settled this year
	OutcomeDone    Outcome = "gedaan"        // done
	OutcomeCarried Outcome = "doorgeschoven" // carried over, with a new date
	OutcomeDropped Outcome = "vervallen"     // dropped
)

// PriorAction is one of last year's open action items and its outcome.
type PriorAction struct {
	Item    ActionItem
	Outcome Outcome
}

// Participant is one person at the table, for one organisation.
type Participant struct {
	Name         string
	Organisation string
	PartnerKind  string // id of a content.PartnerKind, or free text when unknown
	Function     string // function in which they may sign (optional)
	Signs        bool   // may sign for the organisation (for the convenant draft)
}

// Answer is everything recorded on one question.
type Answer struct {
	QuestionID string
	// QuestionText is the question's text as read from a report. It is kept so
	// that answers to questions the current set does not know can be written
	// back with their question; for known questions the set's text wins.
	QuestionText string

	Status Status // for kinds without parts
	Text   string // open answer; follow-up answer (choice); "welke vragen" (counts); joint remark (partners)

	Choice string // KindChoice: id of the chosen choice

	Partners      map[string]PartnerState // KindPartners: by partner kind id
	OtherPartners []OtherPartner          // KindPartners: named other partners

	Counts map[string]int // KindCounts: by category id; absent = not filled in

	Parts map[string]*Part // KindPoints/KindTopics: by point id

	Perspectives []Perspective // answers from one organisation's perspective
}

// OtherPartner is a named partner outside the standard partner list.
type OtherPartner struct {
	Name  string
	State PartnerState
}

// Part is the answer to one sub-point or topic.
type Part struct {
	Status Status
	Text   string
}

// Perspective is an answer from the perspective of one participating
// organisation, beside the joint answer.
type Perspective struct {
	Organisation string
	Text         string
	// Part is the sub-point or topic it was given at ("" = the question as a
	// whole): a perspective belongs to the stop where it was made.
	Part string
}

// ActionItem is a next step: what, who, by when, from which question.
type ActionItem struct {
	What       string
	Who        string
	When       string // free text: a date or "voor de zomer"
	QuestionID string // where it was created ("" = general)
	Part       string // the sub-point or topic it was created at ("" = the question)
	Done       bool
	Carried    bool // carried over from the baseline report
}

// New returns an empty session for the given set.
func New(setID, setVersion string) *Session {
	return &Session{SetID: setID, SetVersion: setVersion, Answers: map[string]*Answer{}}
}

// Answer returns the answer to a question, creating it when absent.
func (s *Session) Answer(questionID string) *Answer {
	if s.Answers == nil {
		s.Answers = map[string]*Answer{}
	}
	a := s.Answers[questionID]
	if a == nil {
		a = &Answer{QuestionID: questionID}
		s.Answers[questionID] = a
	}
	return a
}

// Part returns the answer to a sub-point or topic, creating it when absent.
func (a *Answer) Part(id string) *Part {
	if a.Parts == nil {
		a.Parts = map[string]*Part{}
	}
	p := a.Parts[id]
	if p == nil {
		p = &Part{}
		a.Parts[id] = p
	}
	return p
}

// Empty reports whether nothing at all was recorded on the answer.
func (a *Answer) Empty() bool {
	if a == nil {
		return true
	}
	if a.Status != StatusNone || a.Text != "" || a.Choice != "" || len(a.OtherPartners) > 0 || len(a.Perspectives) > 0 {
		return false
	}
	for _, st := range a.Partners {
		if st != PartnerUnknown {
			return false
		}
	}
	if len(a.Counts) > 0 {
		return false
	}
	for _, p := range a.Parts {
		if p.Status != StatusNone || p.Text != "" {
			return false
		}
	}
	return true
}
