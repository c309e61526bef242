package accessible

import (
	"fmt"
	"strconv"
	"time"

	"gespreksmap/sessions"
)

// The agenda: minutes planned per section, and the time spent on each. The
// core keeps the clock; this mode tells it when a stop of a section is
// shown (answerStop), when none is (back at the sections), and that time
// passed (every line read). The time is told, never pressed: at the
// section's start how much is left, and once, before the next prompt, that
// it is up.

const timeUpLine = "De geplande tijd voor dit onderdeel is om."

// agendaText is what the sections menu says of section si's time:
// "; gepland 20 minuten, besteed 12", or "" with no plan and no time.
func (r *runner) agendaText(si int) string {
	p := r.conv.Planned(si)
	spent := sessions.SpentMinutes(r.conv.Spent(si, r.cfg.Now()))
	switch {
	case p > 0:
		return fmt.Sprintf("; gepland %d minuten, besteed %d", p, spent)
	case spent > 0:
		return fmt.Sprintf("; besteed %d minuten", spent)
	}
	return ""
}

// agendaEntry is the agenda's line in the sections menu.
func (r *runner) agendaEntry() string {
	if total := r.conv.PlannedTotal(); total > 0 {
		return fmt.Sprintf("m agenda: minuten per onderdeel plannen (samen %d gepland)", total)
	}
	return "m agenda: minuten per onderdeel plannen"
}

// planAgenda asks the minutes planned for every section: Enter keeps what
// stands, 0 or - takes the plan away.
func (r *runner) planAgenda() error {
	c := r.conv
	r.say("")
	r.say("Agenda: plan per onderdeel het aantal minuten. Enter houdt wat er staat, 0 haalt de planning weg.")
	for i := range r.set.Sections {
		title := r.set.Sections[i].Title
		for {
			prompt := fmt.Sprintf("%d %s, minuten:", i+1, title)
			if p := c.Planned(i); p > 0 {
				prompt = fmt.Sprintf("%d %s, nu %d minuten (Enter = zo laten):", i+1, title, p)
			}
			v, err := r.ask(prompt)
			if err != nil {
				return err
			}
			if v == "" {
				break
			}
			if v == "-" {
				v = "0"
			}
			n, err := strconv.Atoi(v)
			if err != nil || n < 0 || n > sessions.MaxPlanned {
				r.sayf("Typ een aantal minuten van 0 tot en met %d, of Enter.", sessions.MaxPlanned)
				continue
			}
			if c.SetPlanned(i, n) {
				r.changed()
			}
			break
		}
	}
	r.sayf("Samen gepland: %d minuten.", c.PlannedTotal())
	return nil
}

// sectionTime says, as a section is entered, how much of its planned time
// is left.
func (r *runner) sectionTime(si int) {
	left, planned := r.conv.TimeLeft(si, r.cfg.Now())
	switch {
	case !planned:
	case left > 0:
		r.sayf("Gepland: %d minuten, nog %d over.", r.conv.Planned(si), int((left+time.Minute-time.Nanosecond)/time.Minute))
	default:
		r.timeUp()
	}
}

// timeUp says once, before the next prompt, that the section on show has
// used its planned time. Planned again, it may say so again.
func (r *runner) timeUp() {
	if r.conv == nil {
		return
	}
	si := r.conv.TimingSection()
	if si < 0 {
		return
	}
	left, planned := r.conv.TimeLeft(si, r.cfg.Now())
	p := r.conv.Planned(si)
	if !planned || left > 0 || r.toldUp[si] == p {
		return
	}
	if r.toldUp == nil {
		r.toldUp = map[int]int{}
	}
	r.toldUp[si] = p
	r.say(timeUpLine)
}

// tick tells the core that time passed: a line was typed. A whole minute
// more is saved like an answer.
func (r *runner) tick() {
	if r.conv != nil && r.conv.Tick(r.cfg.Now()) {
		r.changed()
	}
}

// enterSection starts the clock of the stop's section.
func (r *runner) enterSection(st *stop) {
	if r.conv.EnterSection(st.SectionIndex, r.cfg.Now()) {
		r.changed()
	}
}

// leaveSection stops the clock: no stop is on show.
func (r *runner) leaveSection() {
	if r.conv != nil && r.conv.LeaveSection(r.cfg.Now()) {
		r.changed()
	}
}
