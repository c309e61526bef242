package accessible

import (
	"fmt"
	"strconv"
	"strings"

	"gespreksmap/sessions"
)

// keepParticipants goes through the participants taken over from last
// year: Enter keeps each, "-" takes one off the list.
func (r *runner) keepParticipants() error {
	c := r.conv
	if len(c.Participants) == 0 {
		return nil
	}
	r.say("")
	r.sayf("Deelnemers van vorig jaar (%d). Enter houdt iemand op de lijst, - haalt iemand eraf.", len(c.Participants))
	for i := 0; i < len(c.Participants); i++ {
		for {
			v, err := r.ask(r.participantText(c.Participants[i]) + " (Enter = houden, - = eraf):")
			if err != nil {
				return err
			}
			switch v {
			case "":
			case "-":
				c.RemoveParticipant(i)
				i--
				r.changed()
			default:
				r.say("Typ Enter om te houden of - om van de lijst te halen.")
				continue
			}
			break
		}
	}
	return nil
}

// addParticipants adds people one by one; an empty name ends the list.
func (r *runner) addParticipants() error {
	r.say("")
	r.say("Deelnemers: per persoon naam, organisatie, soort partner, functie en of die tekent. Een lege naam sluit de lijst af.")
	for {
		name, err := r.ask(fmt.Sprintf("Deelnemer %d, naam (Enter = klaar):", len(r.conv.Participants)+1))
		if err != nil || name == "" {
			return err
		}
		if err := r.addParticipant(name); err != nil {
			return err
		}
	}
}

// addParticipant adds one person, saved with every answer: organisation,
// kind of partner, function and whether they sign follow the name.
func (r *runner) addParticipant(name string) error {
	c := r.conv
	i, err := c.AddParticipant(sessions.Participant{Name: name})
	if err != nil || i < 0 {
		return err
	}
	r.changed()
	return r.participantFields(i, false)
}

// participantFields asks organisation, kind of partner, function and
// signing of participant i. With keep, each prompt says what stands and
// Enter keeps it; a new organisation name takes the organisation's
// perspectives and action items along, and says so.
func (r *runner) participantFields(i int, keep bool) error {
	c := r.conv
	update := func(p sessions.Participant) {
		renamed, err := c.UpdateParticipant(i, p)
		if err != nil {
			r.sayErr(err)
			return
		}
		r.changed()
		if m := renamed.Message(); m != "" {
			r.say(m)
		}
	}
	p := c.Participants[i]
	org, err := r.keepIf(keep, "Organisatie", p.Organisation)
	if err != nil {
		return err
	}
	if org != p.Organisation && (org != "" || keep) {
		p.Organisation = org
		update(p)
	}
	r.say("Soort partner:")
	for k, pk := range r.set.PartnerKinds {
		r.sayf("%d %s", k+1, pk.Label)
	}
	r.sayf("%d anders", len(r.set.PartnerKinds)+1)
	prompt := "Kies een nummer (Enter = anders):"
	if keep {
		prompt = "Kies een nummer (Enter = " + r.kindLabel(p.PartnerKind) + "):"
	}
	k, _, err := r.number(prompt, len(r.set.PartnerKinds)+1)
	if err != nil {
		return err
	}
	if k >= 0 {
		p = c.Participants[i]
		p.PartnerKind = sessions.OtherPartnerKind
		if k < len(r.set.PartnerKinds) {
			p.PartnerKind = r.set.PartnerKinds[k].ID
		}
		update(p)
	}
	p = c.Participants[i]
	fn, err := r.keepIf(keep, "Functie (mag leeg blijven)", p.Function)
	if err != nil {
		return err
	}
	if fn != p.Function {
		p.Function = fn
		update(p)
	}
	prompt = "Tekent namens de organisatie? 1 ja, 2 nee (Enter = nee):"
	if keep {
		prompt = "Tekent namens de organisatie? 1 ja, 2 nee (Enter = " + map[bool]string{true: "ja", false: "nee"}[p.Signs] + "):"
	}
	for {
		v, err := r.ask(prompt)
		if err != nil {
			return err
		}
		p = c.Participants[i]
		switch strings.ToLower(v) {
		case "1", "j", "ja":
			p.Signs = true
		case "2", "n", "nee":
			p.Signs = false
		case "":
		default:
			r.say("Typ 1 voor ja of 2 voor nee.")
			continue
		}
		update(p)
		return nil
	}
}

// keepIf asks a plain question for a new participant, and with keep one
// where Enter keeps what stands.
func (r *runner) keepIf(keep bool, label, cur string) (string, error) {
	if keep {
		return r.keep(label, cur)
	}
	return r.ask(label + ":")
}

// kindLabel is the label of a partner kind, "anders" for one not on the
// set's list.
func (r *runner) kindLabel(id string) string {
	if pk := r.set.PartnerKind(id); pk != nil {
		return pk.Label
	}
	return "anders"
}

// participantText is a participant on one line: name, organisation, kind
// of partner, and whether and as what they sign.
func (r *runner) participantText(p sessions.Participant) string {
	parts := []string{p.Name}
	if p.Organisation != "" {
		parts = append(parts, p.Organisation)
	}
	kind := "andere partner"
	if pk := r.set.PartnerKind(p.PartnerKind); pk != nil {
		kind = pk.Label
	}
	parts = append(parts, kind)
	switch {
	case p.Signs && p.Function != "":
		parts = append(parts, "tekent als "+p.Function)
	case p.Signs:
		parts = append(parts, "tekent")
	case p.Function != "":
		parts = append(parts, p.Function)
	}
	return strings.Join(parts, ", ")
}

const peoplePrompt = "Typ een nummer om een deelnemer te wijzigen, x en een nummer om iemand van de lijst te halen (zoals x1), n nieuwe deelnemer, g gegevens wijzigen, Enter = terug:"

// people shows the conversation's details and participants, and changes
// them: the same as the full screen's details and participants.
func (r *runner) people() error {
	for {
		c := r.conv
		r.say("")
		r.sayf("Gegevens: %s; %s; %s; gespreksleider %s.", orDash(c.Title), orNone(c.Region), c.Date, orNone(c.Facilitator))
		if len(c.Participants) == 0 {
			r.say("Nog geen deelnemers.")
		} else {
			r.say("Deelnemers:")
			for i, p := range c.Participants {
				r.sayf("%d %s", i+1, r.participantText(p))
			}
		}
		v, err := r.ask(peoplePrompt)
		if err != nil || v == "" {
			return err
		}
		switch strings.ToLower(v) {
		case "n":
			name, err := r.ask("Naam:")
			if err != nil {
				return err
			}
			if name != "" {
				if err := r.addParticipant(name); err != nil {
					return err
				}
			}
			continue
		case "g":
			if err := r.details(); err != nil {
				return err
			}
			continue
		}
		if n, ok := numbered(v, "x"); ok && n >= 1 && n <= len(c.Participants) {
			yes, err := r.confirm(r.participantText(c.Participants[n-1]) + " van de lijst halen? Wat de organisatie zei, blijft in het verslag.")
			if err != nil {
				return err
			}
			if yes && c.RemoveParticipant(n-1) {
				r.changed()
				r.sayf("Deelnemer %d is van de lijst gehaald.", n)
			}
			continue
		}
		if n, err := strconv.Atoi(v); err == nil && n >= 1 && n <= len(c.Participants) {
			if err := r.editParticipant(n - 1); err != nil {
				return err
			}
			continue
		}
		r.say("Typ een nummer, x met een nummer, n, g, of Enter.")
	}
}

// editParticipant changes name, organisation, kind, function and signing;
// Enter keeps each.
func (r *runner) editParticipant(i int) error {
	c := r.conv
	p := c.Participants[i]
	r.sayf("Deelnemer %d wijzigen: %s. Enter houdt wat er staat.", i+1, r.participantText(p))
	name, err := r.keep("Naam", p.Name)
	if err != nil {
		return err
	}
	if name != p.Name {
		p.Name = name
		if _, err := c.UpdateParticipant(i, p); err != nil {
			r.sayErr(err)
		}
		r.changed()
	}
	return r.participantFields(i, true)
}

// details changes title, partnership, date and facilitator; Enter keeps
// each, and what the core refuses (no title, not a date) is asked again.
func (r *runner) details() error {
	c := r.conv
	d := c.Details()
	v, err := r.ask("Titel (Enter = " + d.Title + "):")
	if err != nil {
		return err
	}
	if v != "" {
		d.Title = v
	}
	if d.Region, err = r.keep("Samenwerkingsverband of regio", d.Region); err != nil {
		return err
	}
	for {
		v, err := r.ask("Datum, als jaar-maand-dag (Enter = " + d.Date + "):")
		if err != nil {
			return err
		}
		if v == "" {
			break
		}
		if verr := sessions.ValidateDate(v); verr != nil {
			r.sayErr(verr)
			continue
		}
		d.Date = v
		break
	}
	if d.Facilitator, err = r.keep("Gespreksleider", d.Facilitator); err != nil {
		return err
	}
	if _, err := c.SetDetails(d); err != nil {
		r.sayErr(err)
	}
	r.changed()
	return nil
}

func orNone(s string) string {
	if s == "" {
		return "niet ingevuld"
	}
	return s
}
