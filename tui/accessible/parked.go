package accessible

import (
	"strings"

	"gespreksmap/sessions"
)

// The parking lot (parkeerplaats): p at any question's prompt parks a
// remark at that stop, and the conversation goes on where it was; o at the
// sections lists the remarks, to settle, change or remove them.

const parkedPrompt = "Typ een nummer om het af te handelen of weer open te zetten, w en een nummer om het te wijzigen (zoals w1), x en een nummer om het te verwijderen. n nieuwe opmerking, Enter = terug:"

// park asks for a remark and parks it at the stop being answered; the
// prompt it came from is asked again.
func (r *runner) park() error {
	cur := r.cur
	r.cur = nil // the remark is text: s or t in it are no commands
	v, err := r.ask("Wat wil je parkeren? Eén regel (Enter = niets):")
	r.cur = cur
	if err != nil || v == "" {
		return err
	}
	st := stop{}
	if cur != nil {
		st = *cur
	}
	if i := r.conv.Park(st, v, r.cfg.Now()); i >= 0 {
		r.changed()
		r.sayf("Geparkeerd %s als opmerking %d. o bij de onderdelen toont de parkeerplaats.", r.conv.ParkedPlace(r.conv.Parked[i]), i+1)
	}
	return nil
}

// parkedHere names the open remarks parked at the stop, last year's too.
func (r *runner) parkedHere(st *stop) {
	c := r.conv
	for _, i := range c.ParkedAt(*st) {
		if p := c.Parked[i]; !p.Resolved {
			r.sayf("Geparkeerd %s: %s", r.here(st), remarkText(p))
		}
	}
}

// remarkText is a remark with "van vorig jaar" when it was carried over.
func remarkText(p sessions.ParkedRemark) string {
	if p.Carried {
		return p.Text + " (van vorig jaar)"
	}
	return p.Text
}

// parkedText is a remark on one line in the parking lot: text, place,
// whether it is dealt with.
func (r *runner) parkedText(p sessions.ParkedRemark) string {
	state := "open"
	if p.Resolved {
		state = "afgehandeld"
	}
	return remarkText(p) + "; " + r.conv.ParkedPlace(p) + "; " + state
}

// parkingLot lists every remark: a number marks it dealt with or open
// again, w changes it, x removes it (after asking), n parks a general one.
func (r *runner) parkingLot() error {
	for {
		c := r.conv
		r.say("")
		if len(c.Parked) == 0 {
			r.say("De parkeerplaats is leeg.")
		} else {
			r.sayf("Parkeerplaats, %d open:", c.OpenParked())
			for i, p := range c.Parked {
				r.sayf("%d %s", i+1, r.parkedText(p))
			}
		}
		prompt := "n nieuwe opmerking, Enter = terug:"
		if len(c.Parked) > 0 {
			prompt = parkedPrompt
		}
		v, err := r.ask(prompt)
		if err != nil || v == "" {
			return err
		}
		if strings.EqualFold(v, "n") {
			if err := r.park(); err != nil {
				return err
			}
			continue
		}
		verb, i, shaped := listOp(v)
		switch {
		case !shaped || i < 0 || i >= len(c.Parked):
		case verb == "w":
			if err := r.editParked(i); err != nil {
				return err
			}
			continue
		case verb == "x":
			if err := r.removeParked(i); err != nil {
				return err
			}
			continue
		default:
			done := !c.Parked[i].Resolved
			c.ResolveParked(i, done)
			r.changed()
			if done {
				r.sayf("Opmerking %d is afgehandeld.", i+1)
			} else {
				r.sayf("Opmerking %d staat weer open.", i+1)
			}
			continue
		}
		r.listHint(len(c.Parked), shaped, "Typ n voor een nieuwe opmerking, of Enter.")
	}
}

// editParked changes the text of a remark; Enter keeps it.
func (r *runner) editParked(i int) error {
	c := r.conv
	r.sayf("Opmerking %d wijzigen. Nu: %s", i+1, c.Parked[i].Text)
	v, err := r.ask("Nieuwe tekst (Enter = zo laten):")
	if err != nil || v == "" {
		return err
	}
	if v == "-" {
		r.say("Een opmerking heeft tekst nodig; x bij de parkeerplaats verwijdert haar.")
		return nil
	}
	if c.EditParked(i, v) {
		r.changed()
		r.sayf("Opmerking %d is gewijzigd.", i+1)
	}
	return nil
}

// removeParked removes a remark once it is confirmed.
func (r *runner) removeParked(i int) error {
	return r.removeItem("Opmerking", i, r.conv.Parked[i].Text, r.conv.RemoveParked)
}
