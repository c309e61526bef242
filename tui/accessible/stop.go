package accessible

import (
	"fmt"
	"strconv"
	"strings"

	"gespreksmap/content"
	"gespreksmap/sessions"
)

// answerStop asks everything of one stop in a fixed order: the answer in
// the shape of the question's kind, the status, then the perspectives and
// action items made at this stop (a sub-point or topic has its own).
func (r *runner) answerStop(i int) error {
	c := r.conv
	st := &c.Stops()[i]
	r.cur = st
	r.pageStop = *st
	r.enterSection(st)
	c.SetCurrent(i)
	r.changed()
	r.showStop(st)
	r.showPrior(st)
	var err error
	switch {
	case st.Part != nil:
		err = r.textAt(st)
	case st.Question.Kind == content.KindChoice:
		err = r.choice(st)
	case st.Question.Kind == content.KindPartners:
		err = r.partners(st)
	case st.Question.Kind == content.KindCounts:
		err = r.counts(st)
	default:
		err = r.textAt(st)
	}
	if err != nil {
		return err
	}
	if err := r.status(st); err != nil {
		return err
	}
	if err := r.perspectives(st); err != nil {
		return err
	}
	return r.stopActions(st)
}

// showStop prints the question (once for all its parts), its help, the
// sub-point or topic, and the glossary terms found in them.
func (r *runner) showStop(st *stop) {
	q := st.Question
	r.say("")
	if r.shownQ != q.ID || st.PartIndex <= 0 {
		r.sayf("Vraag %s: %s", st.QuestionNumber(), oneLine(q.Text))
		if q.Help != "" {
			r.say("Uitleg: " + oneLine(q.Help))
		}
		r.shownQ = q.ID
	}
	if st.Part != nil {
		r.sayf("%s %s: %s", partWord(q), st.Number(), oneLine(st.Part.Text))
		for _, b := range st.Part.Bullets {
			r.say("- " + oneLine(b))
		}
	}
	if terms := r.conv.Terms(*st); len(terms) > 0 {
		names := make([]string, len(terms))
		for i, t := range terms {
			names[i] = t.Term
		}
		r.sayf("Begrippen: %s. Typ b voor uitleg.", strings.Join(names, ", "))
	}
	r.parkedHere(st)
	r.waitingHere(st)
}

// partWord is what a part of the question is called: a sub-point, or an
// agreement topic.
func partWord(q *content.Question) string {
	if q.Kind == content.KindTopics {
		return "Onderwerp"
	}
	return "Punt"
}

func (r *runner) explainTerms() {
	terms := r.conv.Terms(*r.cur)
	if len(terms) == 0 {
		r.say("Bij deze vraag staan geen begrippen.")
		return
	}
	for _, t := range terms {
		name := t.Term
		if t.Full != "" {
			name += " (" + t.Full + ")"
		}
		r.say(name + ": " + oneLine(t.Explanation))
	}
}

// textAt reads the text at a stop, asked as the core labels it; in a
// yearly reflection "v" takes over last year's answer there.
func (r *runner) textAt(st *stop) error {
	c := r.conv
	set := func(v string) { c.SetText(*st, v) }
	label := c.TextLabel(*st)
	if !strings.HasSuffix(label, "?") {
		label += ":"
	}
	if c.Prior == nil {
		return r.text(label, c.Text(*st), set)
	}
	return r.textTaking(label, c.Text(*st), set, func(typed string) (string, sessions.TakeOver) {
		return c.TakeOverPrior(*st, typed)
	})
}

// choice asks the choice by number, then the follow-up that goes with it.
func (r *runner) choice(st *stop) error {
	c := r.conv
	q := st.Question
	r.say("Keuze:")
	for i, ch := range q.Choices {
		r.sayf("%d %s", i+1, ch.Label)
	}
	prompt := "Kies een nummer (Enter = overslaan):"
	if cur := c.Choice(*st); cur != "" {
		r.say("Nu: " + sessions.ChoiceLabel(q, cur))
		prompt = "Kies een nummer (Enter = zo laten, - = wissen):"
	}
	i, x, err := r.number(prompt, len(q.Choices), "-")
	if err != nil {
		return err
	}
	var res sessions.ChoiceResult
	switch {
	case x == "-":
		res = c.SetChoice(*st, "")
	case i >= 0:
		res = c.SetChoice(*st, q.Choices[i].ID)
	}
	r.changed()
	if m := res.Message(); m != "" {
		r.say(m)
	}
	return r.textAt(st)
}

// partnerState reads 1, 2 or 3 (the first three states of the core's
// cycle); keep is true for Enter. "-" gives the unknown state.
func (r *runner) partnerState(prompt string) (state sessions.PartnerState, keep bool, err error) {
	for {
		v, err := r.ask(prompt)
		if err != nil {
			return "", false, err
		}
		switch v {
		case "":
			return "", true, nil
		case "-":
			return sessions.PartnerUnknown, false, nil
		case "1", "2", "3":
			return sessions.PartnerCycle[v[0]-'1'], false, nil
		}
		r.say("Typ 1, 2 of 3, of Enter.")
	}
}

// partners asks per partner kind whether the partnership works with it, then
// other named partners, then a remark.
func (r *runner) partners(st *stop) error {
	c := r.conv
	r.say("Per partner: 1 werken samen, 2 nog niet, 3 n.v.t. Enter = zo laten, - = niet ingevuld.")
	for _, pk := range r.set.PartnerKinds {
		cur := c.PartnerState(*st, pk.ID)
		state, keep, err := r.partnerState(pk.Label + ", nu " + cur.Label() + ":")
		if err != nil {
			return err
		}
		if !keep {
			c.SetPartnerState(*st, pk.ID, state)
			r.changed()
		}
	}
	// Other partners already named: change their state, or "-" removes one.
	for j := 0; j < len(c.OtherPartners(*st)); j++ {
		o := c.OtherPartners(*st)[j]
		state, keep, err := r.partnerState("Anders: " + o.Name + ", nu " + o.State.Label() + " (- = verwijderen):")
		if err != nil {
			return err
		}
		switch {
		case keep:
		case state == sessions.PartnerUnknown:
			c.RemoveOtherPartner(*st, j)
			j--
		default:
			c.SetOtherPartnerState(*st, j, state)
		}
		r.changed()
	}
	for {
		name, err := r.ask("Andere partner? Typ de naam (Enter = geen):")
		if err != nil {
			return err
		}
		if name == "" || name == "-" {
			break
		}
		n := c.AddOtherPartner(*st, name, sessions.PartnerUnknown)
		r.changed()
		state, keep, err := r.partnerState(name + ": 1 werken samen, 2 nog niet, 3 n.v.t. (Enter = niet ingevuld):")
		if err != nil {
			return err
		}
		if !keep && n >= 0 {
			c.SetOtherPartnerState(*st, n, state)
			r.changed()
		}
	}
	return r.textAt(st)
}

// counts asks a whole number per category, shows the total, then the
// free-text question that goes with the counts.
func (r *runner) counts(st *stop) error {
	c := r.conv
	q := st.Question
	r.say("Per groep een heel getal. Enter = zo laten, - = leeg maken.")
	if norms := sessions.NormsLine(q, sessions.Printable); norms != "" {
		r.say(norms + ".")
	}
	last := lastYearCounts(c, q.ID)
	for _, cat := range q.Categories {
		for {
			prompt := oneLine(cat.Label)
			if last != nil {
				n, ok := last[cat.ID]
				prompt += ", vorig jaar " + lastYearNumber(n, ok)
			}
			if n, has := c.Count(*st, cat.ID); has {
				prompt += ", nu " + strconv.Itoa(n)
			}
			prompt += ":"
			v, err := r.ask(prompt)
			if err != nil {
				return err
			}
			if v == "" {
				break
			}
			if v == "-" {
				c.ClearCount(*st, cat.ID)
				r.changed()
				break
			}
			n, err := sessions.ParseCount(v)
			if err == nil {
				_, err = c.SetCount(*st, cat.ID, n)
			}
			if err != nil {
				r.sayf("%q: %v. Enter laat het zoals het was.", v, err)
				continue
			}
			r.changed()
			break
		}
	}
	total, filled := c.CountTotal(*st)
	sum := fmt.Sprintf("Totaal: %d (%d van %d ingevuld)", total, filled, len(q.Categories))
	if last != nil {
		prev, had := 0, false
		for _, cat := range q.Categories {
			if n, ok := last[cat.ID]; ok {
				prev, had = prev+n, true
			}
		}
		sum += ", vorig jaar " + lastYearNumber(prev, had)
	}
	r.say(sum + ".")
	if in, ok := c.Indicative(*st); ok {
		r.say(in.Line(sessions.Printable) + ".")
	}
	return r.textAt(st)
}

// lastYearCounts is last year's numbers at question qid in a yearly
// reflection (empty when it filled none in); nil outside a reflection.
func lastYearCounts(c *sessions.Conversation, qid string) map[string]int {
	if c.Prior == nil {
		return nil
	}
	if a := c.Prior.Answers[qid]; a != nil && a.Counts != nil {
		return a.Counts
	}
	return map[string]int{}
}

// lastYearNumber says last year's number, or that it was not filled in.
func lastYearNumber(n int, ok bool) string {
	if !ok {
		return "niet ingevuld"
	}
	return strconv.Itoa(n)
}

// status asks where the partnership stands on the stop.
func (r *runner) status(st *stop) error {
	c := r.conv
	cur := c.Status(*st)
	var opts []string
	for i, s := range sessions.Statuses {
		opts = append(opts, strconv.Itoa(i+1)+" "+s.Label())
	}
	r.sayf("Status, nu %s.", cur.Label())
	i, x, err := r.number(strings.Join(opts, ", ")+" (Enter = zo laten):", len(sessions.Statuses), "-")
	if err != nil || (i < 0 && x == "") {
		return err
	}
	next := sessions.StatusNone
	if x == "" {
		next = sessions.Statuses[i]
	}
	c.SetStatus(*st, next)
	r.changed()
	return nil
}

// perspectives adds or changes answers from one organisation's point of
// view at this stop, as often as wanted.
func (r *runner) perspectives(st *stop) error {
	c := r.conv
	if ps := c.Perspectives(*st); len(ps) > 0 {
		var names []string
		for _, p := range ps {
			names = append(names, p.Organisation)
		}
		r.sayf("Perspectieven %s: %s.", r.here(st), strings.Join(names, ", "))
	}
	again := ""
	for {
		orgs := c.PerspectiveOrganisations(*st)
		var prompt string
		if len(orgs) > 0 {
			r.say("Organisaties:")
			for i, o := range orgs {
				r.sayf("%d %s", i+1, o)
			}
			prompt = "Perspectief toevoegen? (organisatie kiezen met nummer, Enter = nee)"
		} else {
			prompt = "Perspectief toevoegen? Typ de organisatie (Enter = nee):"
		}
		if again != "" {
			prompt = strings.Replace(prompt, "Perspectief toevoegen?", again, 1)
		}
		again = "Nog een perspectief?"
		v, err := r.ask(prompt)
		if err == nil && yes(v) {
			if len(orgs) > 0 {
				v, err = r.ask("Welke organisatie? (nummer of naam)")
			} else {
				v, err = r.ask("Welke organisatie?")
			}
		}
		if err != nil || v == "" || v == "-" || no(v) {
			return err
		}
		org := v
		if i, nerr := strconv.Atoi(v); nerr == nil {
			if i < 1 || i > len(orgs) {
				r.sayf("Kies een nummer van 1 tot en met %d, of typ de naam van de organisatie.", len(orgs))
				again = ""
				continue
			}
			org = orgs[i-1]
		}
		cur, _ := c.Perspective(*st, org)
		err = r.text("Wat zegt "+org+", vanuit haar eigen perspectief?", cur, func(v string) {
			c.SetPerspective(*st, org, v)
		})
		if err != nil {
			return err
		}
	}
}

// here names the stop for a list made there: "bij deze vraag", or at a
// sub-point or topic "bij 3.1b".
func (r *runner) here(st *stop) string {
	if st.Part == nil {
		return "bij deze vraag"
	}
	return "bij " + st.Number()
}

// stopActions shows the action items made at the stop and adds new ones
// there, as often as wanted.
func (r *runner) stopActions(st *stop) error {
	c := r.conv
	if here := c.ActionsAt(*st); len(here) > 0 {
		r.sayf("Actiepunten %s:", r.here(st))
		for _, i := range here {
			r.say("- " + r.actionText(c.Actions[i]))
		}
	}
	prompt := "Actiepunt toevoegen? Wat moet er gebeuren? Daarna volgen wie en wanneer. (Enter = nee)"
	for {
		added, err := r.newAction(prompt, *st)
		if err != nil || !added {
			return err
		}
		prompt = "Nog een actiepunt? Wat moet er gebeuren? (Enter = nee)"
	}
}

// yes and no read the short answers people give to a question that asks
// "toevoegen?", so that "j" or "nee" is never taken as a name or an item.
func yes(v string) bool {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "j", "ja", "y", "yes":
		return true
	}
	return false
}

func no(v string) bool {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "n", "nee", "no":
		return true
	}
	return false
}
