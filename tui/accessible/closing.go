package accessible

import "gespreksmap/sessions"

// closingRound walks the organisations at the table through the three
// questions of the closing round (the Leidraad's intermezzo). Every answer
// is saved as it is typed; Enter keeps what stands, - empties it. A first
// step becomes an action item with the organisation as "wie".
func (r *runner) closingRound() error {
	c := r.conv
	orgs := c.ClosingOrganisations()
	r.say("")
	r.say("Slotronde: elke organisatie beantwoordt drie vragen. De eerste stap wordt een actiepunt, met de organisatie als wie.")
	if len(orgs) == 0 {
		r.say("Er zijn nog geen organisaties. Vul ze in bij de deelnemers, met d bij de onderdelen.")
		return nil
	}
	for k, org := range orgs {
		r.say("")
		r.sayf("Organisatie %d van %d: %s", k+1, len(orgs), org)
		a, _ := c.ClosingOf(org)
		for _, f := range []struct {
			question string
			answer   *string
		}{
			{sessions.ClosingUseQuestion, &a.Use},
			{sessions.ClosingFirstStepQuestion, &a.FirstStep},
			{sessions.ClosingQuestionsQuestion, &a.Questions},
		} {
			v, err := r.keep(f.question, *f.answer)
			if err != nil {
				return err
			}
			*f.answer = v
			if c.SetClosing(org, a) {
				r.changed()
			}
		}
		if a.FirstStep != "" {
			r.sayf("De eerste stap is nu een actiepunt, met %s als wie: %s.", org, a.FirstStep)
		}
	}
	r.say("Einde van de slotronde. a bij de onderdelen toont de actiepunten.")
	return nil
}
