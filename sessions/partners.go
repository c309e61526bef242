package sessions

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"gespreksmap/content"
)

// The partner checklist and the counts: the structured answers of a
// question (they are recorded on the question, whatever stop is given).

// PartnerCycle is the order in which a partner's state is stepped through:
// the three answers, then "not filled in". Line mode numbers the first
// three 1, 2, 3.
var PartnerCycle = []PartnerState{PartnerTogether, PartnerNotYet, PartnerNA, PartnerUnknown}

// CyclePartner is the state d steps (+1, -1) from s in PartnerCycle.
func CyclePartner(s PartnerState, d int) PartnerState { return cycle(PartnerCycle, s, d) }

// PartnerState is the state recorded for a partner kind of the set.
func (c *Conversation) PartnerState(st content.Stop, kindID string) PartnerState {
	if a := c.peek(questionOf(st)); a != nil {
		return a.Partners[kindID]
	}
	return PartnerUnknown
}

// SetPartnerState records the state for a partner kind; PartnerUnknown
// removes it.
func (c *Conversation) SetPartnerState(st content.Stop, kindID string, s PartnerState) bool {
	if c.readOnly || st.Question == nil || kindID == "" || c.PartnerState(st, kindID) == s {
		return false
	}
	a := c.Answer(st.Question.ID)
	if s == PartnerUnknown {
		delete(a.Partners, kindID)
	} else {
		if a.Partners == nil {
			a.Partners = map[string]PartnerState{}
		}
		a.Partners[kindID] = s
	}
	c.changed()
	return true
}

// OtherPartners are the named partners outside the set's list.
func (c *Conversation) OtherPartners(st content.Stop) []OtherPartner {
	if a := c.peek(questionOf(st)); a != nil {
		return a.OtherPartners
	}
	return nil
}

// AddOtherPartner names another partner with its state; it returns its
// index, or -1 when the name is empty.
func (c *Conversation) AddOtherPartner(st content.Stop, name string, s PartnerState) int {
	name = strings.TrimSpace(name)
	if c.readOnly || st.Question == nil || name == "" {
		return -1
	}
	a := c.Answer(st.Question.ID)
	a.OtherPartners = append(a.OtherPartners, OtherPartner{Name: name, State: s})
	c.changed()
	return len(a.OtherPartners) - 1
}

// RenameOtherPartner gives other partner i a new name; an empty name is
// refused (removing is RemoveOtherPartner).
func (c *Conversation) RenameOtherPartner(st content.Stop, i int, name string) bool {
	name = strings.TrimSpace(name)
	ops := c.OtherPartners(st)
	if c.readOnly || i < 0 || i >= len(ops) || name == "" || ops[i].Name == name {
		return false
	}
	ops[i].Name = name
	c.changed()
	return true
}

// SetOtherPartnerState records the state of other partner i.
func (c *Conversation) SetOtherPartnerState(st content.Stop, i int, s PartnerState) bool {
	ops := c.OtherPartners(st)
	if c.readOnly || i < 0 || i >= len(ops) || ops[i].State == s {
		return false
	}
	ops[i].State = s
	c.changed()
	return true
}

// RemoveOtherPartner takes other partner i off the list.
func (c *Conversation) RemoveOtherPartner(st content.Stop, i int) bool {
	a := c.peek(questionOf(st))
	if c.readOnly || a == nil || i < 0 || i >= len(a.OtherPartners) {
		return false
	}
	a.OtherPartners = append(a.OtherPartners[:i], a.OtherPartners[i+1:]...)
	c.changed()
	return true
}

// MaxCount is the largest number a count takes: seven digits.
const MaxCount = 9_999_999

// Errors of ParseCount and SetCount, in words for the people at the table.
var (
	ErrCountNotNumber = errors.New("dit is geen heel getal; typ een getal zoals 12")
	ErrCountNegative  = errors.New("een aantal kan niet negatief zijn; typ 0 of meer")
	ErrCountTooLarge  = fmt.Errorf("een aantal heeft hoogstens zeven cijfers (tot en met %d)", MaxCount)
)

// ParseCount reads a typed count: a whole number from 0 to MaxCount,
// spaces around it allowed.
func ParseCount(s string) (int, error) {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "-") && len(s) > 1 && strings.Trim(s[1:], "0123456789") == "" {
		return 0, ErrCountNegative
	}
	if s == "" || strings.Trim(s, "0123456789") != "" {
		return 0, ErrCountNotNumber
	}
	if len(strings.TrimLeft(s, "0")) > len(strconv.Itoa(MaxCount)) {
		return 0, ErrCountTooLarge
	}
	n, err := strconv.Atoi(s)
	if err != nil || n > MaxCount {
		return 0, ErrCountTooLarge
	}
	return n, nil
}

// Count is the number recorded for a category; ok is false when it was
// not filled in.
func (c *Conversation) Count(st content.Stop, categoryID string) (n int, ok bool) {
	if a := c.peek(questionOf(st)); a != nil {
		n, ok = a.Counts[categoryID]
	}
	return n, ok
}

// SetCount records the number for a category; a negative number or one
// above MaxCount is refused with the error that says so.
func (c *Conversation) SetCount(st content.Stop, categoryID string, n int) (bool, error) {
	switch {
	case n < 0:
		return false, ErrCountNegative
	case n > MaxCount:
		return false, ErrCountTooLarge
	}
	if c.readOnly || st.Question == nil || categoryID == "" {
		return false, nil
	}
	if cur, ok := c.Count(st, categoryID); ok && cur == n {
		return false, nil
	}
	a := c.Answer(st.Question.ID)
	if a.Counts == nil {
		a.Counts = map[string]int{}
	}
	a.Counts[categoryID] = n
	c.changed()
	return true, nil
}

// ClearCount makes a category not filled in again.
func (c *Conversation) ClearCount(st content.Stop, categoryID string) bool {
	if _, ok := c.Count(st, categoryID); !ok || c.readOnly {
		return false
	}
	delete(c.peek(st.Question.ID).Counts, categoryID)
	c.changed()
	return true
}

// StepCount adds d to a category's number (an empty one counts from 0);
// it never goes below 0 or above MaxCount, and stepping down does not fill
// in an empty one.
func (c *Conversation) StepCount(st content.Stop, categoryID string, d int) bool {
	n, has := c.Count(st, categoryID)
	if !has && d < 0 {
		return false
	}
	n = min(max(n+d, 0), MaxCount)
	ok, _ := c.SetCount(st, categoryID, n)
	return ok
}

// CountTotal is the sum of the question's categories that were filled in,
// and how many were.
func (c *Conversation) CountTotal(st content.Stop) (total, filled int) {
	if st.Question == nil {
		return 0, 0
	}
	for _, cat := range st.Question.Categories {
		if n, ok := c.Count(st, cat.ID); ok {
			total += n
			filled++
		}
	}
	return total, filled
}
