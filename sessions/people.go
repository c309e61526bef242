package sessions

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// The conversation's details and the people at the table.

// DateLayout is how a conversation's date is written: 2026-11-22.
const DateLayout = "2006-01-02"

// ErrTitle: a conversation needs a title.
var ErrTitle = errors.New("geef het gesprek een titel")

// ErrParticipant: a participant needs a name or an organisation.
var ErrParticipant = errors.New("geef de deelnemer een naam of een organisatie")

// DateError says that a typed date is not a date as 2026-11-22.
type DateError struct{ Date string }

func (e *DateError) Error() string {
	return fmt.Sprintf("de datum %q is geen datum als 2026-11-22 (jaar-maand-dag)", e.Date)
}

// ValidateDate checks a date as YYYY-MM-DD (a real day of the calendar).
func ValidateDate(d string) error {
	if _, err := time.Parse(DateLayout, d); err != nil {
		return &DateError{Date: d}
	}
	return nil
}

// OtherPartnerKind is the partner kind of a participant whose kind is not
// on the set's list.
const OtherPartnerKind = "anders"

// NormalizeParticipant trims the participant's fields and gives one
// without a partner kind the kind "anders".
func NormalizeParticipant(p Participant) Participant {
	p.Name = strings.TrimSpace(p.Name)
	p.Organisation = strings.TrimSpace(p.Organisation)
	p.Function = strings.TrimSpace(p.Function)
	p.PartnerKind = strings.TrimSpace(p.PartnerKind)
	if p.PartnerKind == "" {
		p.PartnerKind = OtherPartnerKind
	}
	return p
}

// ValidateParticipant checks that the participant has a name or an
// organisation.
func ValidateParticipant(p Participant) error {
	if strings.TrimSpace(p.Name) == "" && strings.TrimSpace(p.Organisation) == "" {
		return ErrParticipant
	}
	return nil
}

// Details are the conversation's own data, as the setup form edits them.
type Details struct {
	Title, Region, Date, Facilitator string
}

// Details returns the conversation's details.
func (c *Conversation) Details() Details {
	return Details{Title: c.Title, Region: c.Region, Date: c.Date, Facilitator: c.Facilitator}
}

// SetDetails records the details. A date that is not a date is refused
// with a *DateError and the date stays as it was; the other details are
// recorded all the same. An empty title is refused likewise (ErrTitle).
func (c *Conversation) SetDetails(d Details) (bool, error) {
	if c.readOnly {
		return false, nil
	}
	var err error
	next := Details{Title: strings.TrimSpace(d.Title), Region: strings.TrimSpace(d.Region), Date: strings.TrimSpace(d.Date), Facilitator: strings.TrimSpace(d.Facilitator)}
	if next.Title == "" {
		next.Title, err = c.Title, ErrTitle
	}
	if derr := ValidateDate(next.Date); derr != nil {
		next.Date, err = c.Date, derr
	}
	if next == c.Details() {
		return false, err
	}
	c.Title, c.Region, c.Date, c.Facilitator = next.Title, next.Region, next.Date, next.Facilitator
	c.changed()
	return true, err
}

// AddParticipant adds a participant at the end of the list; it returns its
// index.
func (c *Conversation) AddParticipant(p Participant) (int, error) {
	if err := ValidateParticipant(p); err != nil {
		return -1, err
	}
	if c.readOnly {
		return -1, nil
	}
	c.Participants = append(c.Participants, NormalizeParticipant(p))
	c.changed()
	return len(c.Participants) - 1, nil
}

// Renamed is what followed a participant's organisation to its new name.
type Renamed struct {
	From, To     string
	Perspectives int // perspectives now under the new name
	Actions      int // action items whose "who" was exactly the old name
}

// Message says what moved, or "" when nothing did: "2 perspectieven en 1
// actiepunt van X staan nu op naam van Y."
func (r Renamed) Message() string {
	if r.Perspectives+r.Actions == 0 {
		return ""
	}
	var what []string
	if r.Perspectives > 0 {
		what = append(what, Plural(r.Perspectives, "perspectief", "perspectieven"))
	}
	if r.Actions > 0 {
		what = append(what, Plural(r.Actions, "actiepunt", "actiepunten"))
	}
	verb := "staan"
	if r.Perspectives+r.Actions == 1 {
		verb = "staat"
	}
	return fmt.Sprintf("%s van %s %s nu op naam van %s.", strings.Join(what, " en "), r.From, verb, r.To)
}

// Plural writes "1 perspectief" or "2 perspectieven".
func Plural(n int, one, more string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, more)
}

// UpdateParticipant changes participant i. When the organisation's name
// changes and nobody else at the table keeps the old name, the
// organisation's perspectives and the action items whose "who" is exactly
// the old name go to the new name (RenameOrganisation); the result says
// what moved.
func (c *Conversation) UpdateParticipant(i int, p Participant) (Renamed, error) {
	if err := ValidateParticipant(p); err != nil {
		return Renamed{}, err
	}
	if c.readOnly || i < 0 || i >= len(c.Participants) {
		return Renamed{}, nil
	}
	p = NormalizeParticipant(p)
	old := c.Participants[i]
	if old == p {
		return Renamed{}, nil
	}
	c.Participants[i] = p
	c.changed()
	r := Renamed{From: old.Organisation, To: p.Organisation}
	if r.From == "" || r.To == "" || r.From == r.To {
		return r, nil
	}
	for _, other := range c.Participants {
		if other.Organisation == r.From {
			return r, nil
		}
	}
	r.Perspectives, r.Actions = c.RenameOrganisation(r.From, r.To)
	if c.round != nil {
		// Taken over in the round under the old name: still sent.
		for i := range c.round.accepted {
			if c.round.accepted[i].Organisation == r.From {
				c.round.accepted[i].Organisation = r.To
			}
		}
	}
	return r, nil
}

// RemoveParticipant takes participant i off the list. What the
// organisation said stays in the report under its name.
func (c *Conversation) RemoveParticipant(i int) bool {
	if c.readOnly || i < 0 || i >= len(c.Participants) {
		return false
	}
	c.Participants = append(c.Participants[:i], c.Participants[i+1:]...)
	c.changed()
	return true
}
