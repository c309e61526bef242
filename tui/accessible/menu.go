package accessible

import (
	"errors"
	"strconv"
	"strings"

	"gespreksmap/sessions"
)

// menu is the list of sections; from here every section can be entered in
// any order.
func (r *runner) menu() error {
	for {
		c := r.conv
		total := sessions.SessionTally(r.set, c.Session)
		r.say("")
		r.sayf("Onderdelen, %d van %d ingevuld:", total.Answered, total.Units)
		for i := range r.set.Sections {
			sec := &r.set.Sections[i]
			t := sessions.SectionTally(sec, c.Session)
			r.sayf("%d %s (%d van %d ingevuld%s)", i+1, sec.Title, t.Answered, t.Units, r.agendaText(i))
		}
		r.sayf("a actiepunten (%d)", len(c.Actions))
		letters := "a, o, m, s, d, w, i, v of q"
		if c.Reflecting() {
			r.sayf("p actiepunten van vorig jaar (%d van %d nog niet besloten)", c.OpenPriorActions(), len(c.PriorActions))
			letters = "a, p, o, m, s, d, w, i, v of q"
		}
		r.sayf("o parkeerplaats (%d open)", c.OpenParked())
		r.say(r.agendaEntry())
		r.sayf("s slotronde (%d van %d organisaties)", len(c.Closing), len(c.ClosingOrganisations()))
		r.sayf("d gegevens en deelnemers (%d)", len(c.Participants))
		r.say(r.contributionsEntry())
		r.say("i uitleg: waar dit gesprek over gaat; t en een nummer: tips en advies bij dat onderdeel, zoals t1")
		r.say("v verslag-pad tonen")
		r.say("q opslaan en stoppen")
		v, err := r.ask("Kies een onderdeel, " + letters + ". Of typ een vraagnummer, zoals 1.3:")
		if err != nil {
			return err
		}
		switch strings.ToLower(v) {
		case "":
			continue
		case "q":
			return nil
		case "v":
			r.say("Verslag: " + r.ctl.Path())
			continue
		case "i":
			r.setIntro()
			continue
		case "a":
			if err := r.actions(); err != nil {
				return err
			}
			continue
		case "d":
			if err := r.people(); err != nil {
				return err
			}
			continue
		case "w":
			if err := r.contributions(); err != nil {
				return err
			}
			continue
		case "o":
			if err := r.parkingLot(); err != nil {
				return err
			}
			continue
		case "m":
			if err := r.planAgenda(); err != nil {
				return err
			}
			continue
		case "s":
			if err := r.closingRound(); err != nil {
				return err
			}
			continue
		case "p":
			if c.Reflecting() {
				if err := r.settlePrior(false); err != nil {
					return err
				}
				continue
			}
		}
		if n, ok := numbered(v, "t"); ok && n >= 1 && n <= len(r.set.Sections) {
			r.sectionTips(&r.set.Sections[n-1])
			continue
		}
		if i, err := strconv.Atoi(v); err == nil && i >= 1 && i <= len(r.set.Sections) {
			if first := c.FirstStopOf(i - 1); first >= 0 {
				if err := r.walk(first); err != nil {
					return err
				}
				continue
			}
		}
		if i := c.StopByNumber(v); i >= 0 {
			if err := r.walk(i); err != nil {
				return err
			}
			continue
		}
		r.sayf("Kies een nummer van 1 tot en met %d, %s.", len(r.set.Sections), letters)
	}
}

// numbered reads a letter followed by a number, as "x2" or "x 2".
func numbered(v, letter string) (int, bool) {
	v = strings.ToLower(strings.TrimSpace(v))
	rest, ok := strings.CutPrefix(v, letter)
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(strings.TrimSpace(rest))
	return n, err == nil
}

// walk answers the stops of one section, from the given stop to the end of
// the section; t returns to the menu early.
func (r *runner) walk(from int) error {
	defer func() {
		r.cur = nil
		r.pageStop = stop{}
		r.leaveSection()
	}()
	c := r.conv
	stops := c.Stops()
	first := &stops[from]
	r.say("")
	r.sayf("Onderdeel %d: %s", first.SectionIndex+1, first.Section.Title)
	if from == c.FirstStopOf(first.SectionIndex) && first.Section.Central != "" {
		r.say(oneLine(first.Section.CentralLine()))
	}
	r.sectionTime(first.SectionIndex)
	if !r.hinted {
		r.say(commandHelp)
		r.hinted = true
	}
	for i := from; i < len(stops) && stops[i].SectionIndex == first.SectionIndex; i++ {
		err := r.answerStop(i)
		switch {
		case errors.Is(err, errSkip):
			continue
		case errors.Is(err, errMenu):
			return nil
		case err != nil:
			return err
		}
	}
	r.sayf("Einde van onderdeel %d.", first.SectionIndex+1)
	return nil
}

// oneLine folds the line breaks of set text, which YAML may carry.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

const actionsPrompt = "Typ een nummer om het af te vinken of weer open te zetten, w en een nummer om het te wijzigen (zoals w1), x en een nummer om het te verwijderen. n nieuw actiepunt, Enter = terug:"

// actions lists every action item: a number marks it done or open again,
// w changes it, x deletes it (after asking), n adds a general one.
func (r *runner) actions() error {
	for {
		c := r.conv
		r.say("")
		if len(c.Actions) == 0 {
			r.say("Nog geen actiepunten.")
		} else {
			r.say("Actiepunten:")
			for i, a := range c.Actions {
				r.sayf("%d %s", i+1, r.actionText(a))
			}
		}
		prompt := "n nieuw actiepunt, Enter = terug:"
		if len(c.Actions) > 0 {
			prompt = actionsPrompt
		}
		v, err := r.ask(prompt)
		if err != nil || v == "" {
			return err
		}
		if strings.EqualFold(v, "n") {
			if _, err := r.newAction("Wat moet er gebeuren? (Enter = terug)", stop{}); err != nil {
				return err
			}
			continue
		}
		verb, i, shaped := listOp(v)
		switch {
		case !shaped || i < 0 || i >= len(c.Actions):
		case verb == "w":
			if err := r.editAction(i); err != nil {
				return err
			}
			continue
		case verb == "x":
			if err := r.deleteAction(i); err != nil {
				return err
			}
			continue
		default:
			c.ToggleAction(i)
			r.changed()
			continue
		}
		r.listHint(len(c.Actions), shaped, "Typ n voor een nieuw actiepunt, of Enter.")
	}
}

// editAction changes what, who and when of an action item; Enter keeps
// each, "-" empties who or when.
func (r *runner) editAction(i int) error {
	c := r.conv
	item := c.Actions[i]
	r.sayf("Actiepunt %d wijzigen: %s. Enter houdt wat er staat.", i+1, r.itemText(item))
	for {
		v, err := r.ask("Wat moet er gebeuren? (Enter = " + item.What + "):")
		if err != nil {
			return err
		}
		if v == "-" {
			r.say("Een actiepunt heeft een wat nodig; x bij de actiepunten verwijdert het.")
			continue
		}
		if v != "" {
			item.What = v
		}
		break
	}
	var err error
	if item.Who, err = r.keep("Wie", item.Who); err != nil {
		return err
	}
	if item.When, err = r.keep("Wanneer", item.When); err != nil {
		return err
	}
	if c.UpdateAction(i, item) {
		r.changed()
		r.sayf("Actiepunt %d is gewijzigd.", i+1)
	}
	return nil
}

// deleteAction deletes an action item once it is confirmed.
func (r *runner) deleteAction(i int) error {
	return r.removeItem("Actiepunt", i, r.conv.Actions[i].What, r.conv.RemoveAction)
}

func (r *runner) actionText(a sessions.ActionItem) string {
	if a.Done {
		return r.itemText(a) + "; klaar"
	}
	return r.itemText(a) + "; open"
}

// itemText says what, who, when and where of an action item.
func (r *runner) itemText(a sessions.ActionItem) string {
	var b strings.Builder
	b.WriteString(a.What)
	if a.Who != "" {
		b.WriteString("; wie: " + a.Who)
	}
	if a.When != "" {
		b.WriteString("; wanneer: " + a.When)
	}
	b.WriteString("; " + r.conv.ActionPlace(a))
	return b.String()
}

// newAction asks what (with the given prompt), who and when of an action
// item made at the stop (the zero stop: a general one); an empty "what"
// adds nothing. It reports whether an item was added.
func (r *runner) newAction(prompt string, st stop) (bool, error) {
	what, err := r.ask(prompt)
	if err == nil && yes(what) {
		// "ja" answers the question in the prompt; ask for the item itself.
		what, err = r.ask("Wat moet er gebeuren?")
	}
	if err != nil || what == "" || what == "-" || no(what) {
		return false, err
	}
	c := r.conv
	n := c.AddAction(st, sessions.ActionItem{What: what})
	if n < 0 {
		return false, nil
	}
	r.changed()
	if v, err := r.ask("Wie?"); err != nil {
		return true, err
	} else if v != "" {
		item := c.Actions[n]
		item.Who = v
		c.UpdateAction(n, item)
		r.changed()
	}
	if v, err := r.ask("Wanneer? (bijvoorbeeld 2027-01-15 of voor de zomer)"); err != nil {
		return true, err
	} else if v != "" {
		item := c.Actions[n]
		item.When = v
		c.UpdateAction(n, item)
		r.changed()
	}
	r.sayf("Actiepunt %d staat in het verslag.", n+1)
	return true, nil
}
