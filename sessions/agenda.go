package sessions

import "time"

// The agenda: minutes planned per section, and the time actually spent on
// each. A front end tells the core when a stop of a section is shown
// (EnterSection), when none is (LeaveSection), and now and then that time
// passes (Tick); the core adds the time to the section on show. Nothing is
// ever announced: a front end asks TimeLeft to draw its header.

// SectionTime is what the agenda holds for one section.
type SectionTime struct {
	Planned int           // minutes planned; 0 = no plan
	Spent   time.Duration // time a stop of the section was shown
}

// MaxPlanned is the most minutes a section can be planned for (a day).
const MaxPlanned = 24 * 60

// SpentMinutes is spent time as the report writes it: whole minutes,
// rounded to the nearest.
func SpentMinutes(d time.Duration) int {
	if d <= 0 {
		return 0
	}
	return int((d + 30*time.Second) / time.Minute)
}

// sectionID is the id of section si, or "" when out of range.
func (c *Conversation) sectionID(si int) string {
	if c.Set == nil || si < 0 || si >= len(c.Set.Sections) {
		return ""
	}
	return c.Set.Sections[si].ID
}

// Planned is the minutes planned for section si (0: none).
func (c *Conversation) Planned(si int) int { return c.Agenda[c.sectionID(si)].Planned }

// SetPlanned plans minutes for section si (0 takes the plan away). Minutes
// below 0 or above MaxPlanned are refused.
func (c *Conversation) SetPlanned(si, minutes int) bool {
	id := c.sectionID(si)
	if c.readOnly || id == "" || minutes < 0 || minutes > MaxPlanned || c.Agenda[id].Planned == minutes {
		return false
	}
	if c.Agenda == nil {
		c.Agenda = map[string]SectionTime{}
	}
	t := c.Agenda[id]
	t.Planned = minutes
	c.putTime(id, t)
	c.changed()
	return true
}

// putTime stores a section's time, leaving out what holds nothing.
func (c *Conversation) putTime(id string, t SectionTime) {
	if t == (SectionTime{}) {
		delete(c.Agenda, id)
		return
	}
	c.Agenda[id] = t
}

// PlannedTotal is the minutes planned for all sections together.
func (c *Conversation) PlannedTotal() int {
	n := 0
	for _, t := range c.Agenda {
		n += t.Planned
	}
	return n
}

// EnterSection starts the clock for section si: a stop of it is on show
// from now. The time since the last call goes to the section that was on
// show before. It reports whether the report changed (a minute more).
func (c *Conversation) EnterSection(si int, now time.Time) bool {
	changed := c.Tick(now)
	if c.sectionID(si) == "" || c.readOnly {
		c.timing = -1
		return changed
	}
	c.timing, c.mark = si, now
	return changed
}

// LeaveSection stops the clock: no stop is on show (the overview, a
// pause, the end). It reports whether the report changed.
func (c *Conversation) LeaveSection(now time.Time) bool {
	changed := c.Tick(now)
	c.timing = -1
	return changed
}

// Tick adds the time since the last call to the section on show. It
// reports whether the report changed: the revision moves only when the
// whole minutes written for the section do, not on every tick. A clock
// that went back adds nothing.
func (c *Conversation) Tick(now time.Time) bool {
	id := c.sectionID(c.timing)
	if id == "" || c.readOnly {
		return false
	}
	d := now.Sub(c.mark)
	if d <= 0 {
		return false
	}
	c.mark = now
	if c.Agenda == nil {
		c.Agenda = map[string]SectionTime{}
	}
	t := c.Agenda[id]
	before := SpentMinutes(t.Spent)
	t.Spent += d
	c.Agenda[id] = t
	if SpentMinutes(t.Spent) == before {
		return false
	}
	c.changed()
	return true
}

// TimingSection is the section whose clock runs, or -1.
func (c *Conversation) TimingSection() int { return c.timing }

// Spent is the time spent on section si up to now, including the time
// since the last Tick when its clock runs.
func (c *Conversation) Spent(si int, now time.Time) time.Duration {
	d := c.Agenda[c.sectionID(si)].Spent
	if si == c.timing && si >= 0 && now.After(c.mark) {
		d += now.Sub(c.mark)
	}
	return d
}

// TimeLeft is what is left of the minutes planned for section si at now;
// below zero when the section ran over. planned is false when the section
// has no plan (then left is 0).
func (c *Conversation) TimeLeft(si int, now time.Time) (left time.Duration, planned bool) {
	p := c.Planned(si)
	if p == 0 {
		return 0, false
	}
	return time.Duration(p)*time.Minute - c.Spent(si, now), true
}
