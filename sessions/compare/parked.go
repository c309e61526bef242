package compare

import (
	"fmt"
	"strings"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/sessions/mdtext"
)

// ParkedOutcome is one of last year's open parked remarks and what became
// of it: a reflection takes them over as open points (marked as last
// year's) and the group may settle them.
type ParkedOutcome struct {
	Remark         sessions.ParkedRemark
	QuestionNumber string // where it was parked ("1.3b"); "" when at no stop
	TakenOver      bool   // it is on this year's parking lot
	Resolved       bool   // dealt with this year
}

// Label says what became of the remark: "afgehandeld", "nog open", or
// "niet meegenomen" (not on this year's parking lot).
func (o ParkedOutcome) Label() string {
	switch {
	case !o.TakenOver:
		return "niet meegenomen"
	case o.Resolved:
		return "afgehandeld"
	}
	return "nog open"
}

// cmpParked lists last year's open parked remarks with what became of them.
func cmpParked(set *content.Set, prior, current *sessions.Session) []ParkedOutcome {
	var out []ParkedOutcome
	taken := make([]bool, len(current.Parked))
	for _, r := range prior.Parked {
		if r.Resolved {
			continue
		}
		o := ParkedOutcome{Remark: r}
		if r.QuestionID != "" {
			if o.QuestionNumber, _ = set.StopNumber(r.QuestionID, r.Part); o.QuestionNumber == "" {
				o.QuestionNumber = "`" + r.QuestionID + "`"
			}
		}
		for i, c := range current.Parked {
			if !taken[i] && c.Carried && c.Text == r.Text && c.QuestionID == r.QuestionID && c.Part == r.Part {
				taken[i], o.TakenOver, o.Resolved = true, true, c.Resolved
				break
			}
		}
		out = append(out, o)
	}
	return out
}

// writeParked writes last year's open parked remarks, when there were any.
func (c *Changes) writeParked(b *strings.Builder) {
	if len(c.Parked) == 0 {
		return
	}
	b.WriteString("\n### Parkeerplaats van vorig jaar\n\n")
	b.WriteString("| Opmerking | Bij vraag | Nu |\n| --- | --- | --- |\n")
	for _, o := range c.Parked {
		nr := o.QuestionNumber
		if nr == "" {
			nr = "—"
		}
		fmt.Fprintf(b, "| %s | %s | %s |\n", mdtext.Cell(o.Remark.Text), nr, o.Label())
	}
}
