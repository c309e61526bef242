package sessions

import (
	"errors"
	"strings"
	"time"

	"gespreksmap/content"
)

// Starting a conversation, new or as a yearly reflection beside last
// year's report, and what a reflection does with last year's report.

// Start is what a new conversation begins with, as the setup asks it.
type Start struct {
	Details
	Participants []Participant
	// Prior is last year's report for a yearly reflection (nil for a new
	// conversation), read from PriorPath.
	Prior     *Session
	PriorPath string
}

// NewStart is the setup's starting point on the day now: today's date and,
// for a yearly reflection on prior (read from priorPath), last year's
// partnership, facilitator and participants, and a title of its own
// ("Jaarlijkse reflectie 2026 Hart van Brabant"): this year's conversation
// is not last year's.
func NewStart(prior *Session, priorPath string, now time.Time) Start {
	st := Start{Details: Details{Date: now.Format(DateLayout)}, Prior: prior, PriorPath: priorPath}
	if prior == nil {
		return st
	}
	st.Region, st.Facilitator = prior.Region, prior.Facilitator
	st.Participants = append([]Participant(nil), prior.Participants...)
	st.Title = strings.TrimSpace("Jaarlijkse reflectie " + now.Format("2006") + " " + prior.Region)
	return st
}

// Validate checks that the conversation can begin: it needs a title and a
// date as 2026-11-22 (ErrTitle, *DateError).
func (st Start) Validate() error {
	if strings.TrimSpace(st.Title) == "" {
		return ErrTitle
	}
	return ValidateDate(strings.TrimSpace(st.Date))
}

// Begin makes the conversation, once its report file exists at reportPath
// (created by the storage from the date and title). A yearly reflection is
// linked to last year's report, stored relative to the new one, and last
// year's open action items wait to be settled (NeedsSettling). Participants
// without name and organisation are left out. The new conversation is one
// change ahead of its (empty) report: saving it writes it at once.
func Begin(set *content.Set, st Start, reportPath string) (*Conversation, error) {
	if err := st.Validate(); err != nil {
		return nil, err
	}
	s := New(set.ID, set.Version)
	s.Title, s.Region = strings.TrimSpace(st.Title), strings.TrimSpace(st.Region)
	s.Date, s.Facilitator = strings.TrimSpace(st.Date), strings.TrimSpace(st.Facilitator)
	for _, p := range st.Participants {
		if ValidateParticipant(p) == nil {
			s.Participants = append(s.Participants, NormalizeParticipant(p))
		}
	}
	if st.Prior != nil {
		StartReflection(s, st.Prior, RelativePath(reportPath, st.PriorPath))
	}
	c := NewConversation(set, s)
	c.changed()
	return c, nil
}

// Reflecting reports whether the conversation is a yearly reflection on
// last year's report (even when that report has since gone missing, its
// open action items are in this one).
func (c *Conversation) Reflecting() bool { return c.Prior != nil || len(c.PriorActions) > 0 }

// NeedsSettling reports whether last year's open action items wait for a
// decision: a front end settles them before the sections.
func (c *Conversation) NeedsSettling() bool { return c.OpenPriorActions() > 0 }

// ErrNoNewDate: an action item carried over needs its new date.
var ErrNoNewDate = errors.New("geef een nieuwe datum om het actiepunt door te schuiven")

// Settle records what became of last year's action item i (see
// Session.Settle): done, carried over with a new date (required), dropped,
// or open again.
func (c *Conversation) Settle(i int, o Outcome, newWhen string) (bool, error) {
	newWhen = strings.TrimSpace(newWhen)
	if o == OutcomeCarried && newWhen == "" {
		return false, ErrNoNewDate
	}
	if c.readOnly || i < 0 || i >= len(c.PriorActions) {
		return false, nil
	}
	if c.PriorActions[i].Outcome == o && (o != OutcomeCarried || c.CarriedTo(i) == newWhen) {
		return false, nil
	}
	c.Session.Settle(i, o, newWhen)
	c.changed()
	return true, nil
}

// SettleCarried carries last year's item i over with a new date and who
// owns it now (people change jobs; "" keeps last year's owner), as one
// change.
func (c *Conversation) SettleCarried(i int, newWhen, who string) (bool, error) {
	changed, err := c.Settle(i, OutcomeCarried, newWhen)
	if err != nil || c.readOnly {
		return changed, err
	}
	who = CleanLine(strings.TrimSpace(who))
	if j := c.carriedAction(i); j >= 0 && who != "" && c.Actions[j].Who != who {
		c.Actions[j].Who = who
		if !changed {
			c.changed()
		}
		changed = true
	}
	return changed, nil
}

// CarriedOwner is who owns last year's item i now: this year's owner once
// it is carried over, else last year's.
func (c *Conversation) CarriedOwner(i int) string {
	if i < 0 || i >= len(c.PriorActions) {
		return ""
	}
	if j := c.carriedAction(i); j >= 0 {
		return c.Actions[j].Who
	}
	return c.PriorActions[i].Item.Who
}

// TakeOver says what taking over last year's answer did.
type TakeOver int

const (
	TookOver        TakeOver = iota // last year's answer is in this year's
	AlreadyHere                     // last year's text is in this year's already: nothing added
	NothingLastYear                 // last year has no answer here
)

// Message says in one sentence what taking over did.
func (t TakeOver) Message() string {
	switch t {
	case AlreadyHere:
		return "Het antwoord van vorig jaar staat hier al; er is niets toegevoegd."
	case NothingLastYear:
		return "Vorig jaar is hier niets ingevuld."
	}
	return "Antwoord van vorig jaar overgenomen: pas het aan waar nodig."
}

// TakeOverPrior brings last year's answer at the stop into this year's, to
// edit: its text is added after the text here (typed, the text a front end
// holds in its editor; it is recorded with SetText), never replacing it,
// and structured answers fill only what is still empty. Taking it over a
// second time adds nothing. It returns the text at the stop afterwards.
func (c *Conversation) TakeOverPrior(st content.Stop, typed string) (string, TakeOver) {
	if c.Prior == nil || st.Question == nil || c.Prior.Answers[st.Question.ID] == nil {
		return typed, NothingLastYear
	}
	qid, part := st.Question.ID, partOf(st)
	if _, text := c.Prior.Answers[qid].At(part); text != "" && strings.Contains(typed, text) {
		return typed, AlreadyHere
	}
	if c.readOnly {
		return typed, NothingLastYear
	}
	before := c.peek(qid).Clone()
	text, _ := c.Session.TakeOverPrior(qid, part)
	filled := answerChanged(before, c.peek(qid))
	if filled {
		c.changed()
	}
	typed = AppendText(typed, text)
	if !c.SetText(st, typed) && !filled {
		return typed, AlreadyHere
	}
	return typed, TookOver
}

// answerChanged reports whether taking over filled a structured answer.
func answerChanged(was, is *Answer) bool {
	if was == nil {
		return !is.Empty()
	}
	return was.Choice != is.Choice || len(was.Partners) != len(is.Partners) ||
		len(was.OtherPartners) != len(is.OtherPartners) || len(was.Counts) != len(is.Counts)
}
