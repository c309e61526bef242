package accessible

import (
	"errors"
	"strings"

	"gespreksmap/sessions"
)

const (
	settlePrompt      = "1 gedaan, 2 doorgeschoven (vraagt nieuwe datum), 3 vervallen, Enter = later beslissen:"
	settleAgainPrompt = "1 gedaan, 2 doorgeschoven (vraagt nieuwe datum), 3 vervallen, - = nog niet besloten, Enter = zo laten:"
)

// settlePrior asks what became of last year's open action items, one by
// one. With onlyOpen, items already settled are passed over.
func (r *runner) settlePrior(onlyOpen bool) error {
	c := r.conv
	r.say("")
	r.say("Actiepunten van vorig jaar")
	if p := c.Prior; p != nil {
		r.sayf("Open actiepunten uit %s %s: wat is ermee gebeurd?", p.Date, orDash(p.Title))
	}
	if len(c.PriorActions) == 0 {
		r.say("Er stonden vorig jaar geen open actiepunten.")
		return nil
	}
	for i := range c.PriorActions {
		pa := c.PriorActions[i]
		if onlyOpen && pa.Outcome != sessions.OutcomeOpen {
			continue
		}
		r.sayf("Actiepunt %d van %d: %s", i+1, len(c.PriorActions), r.itemText(pa.Item))
		prompt := settlePrompt
		if pa.Outcome != sessions.OutcomeOpen {
			r.sayf("Nu: %s.", pa.Outcome.Label())
			prompt = settleAgainPrompt
		}
		k, x, err := r.number(prompt, 3, "-")
		if err != nil {
			return err
		}
		switch {
		case x == "-":
			c.Settle(i, sessions.OutcomeOpen, "")
		case k < 0:
			continue
		case k == 0:
			c.Settle(i, sessions.OutcomeDone, "")
		case k == 1:
			for {
				when, err := r.ask("Nieuwe datum (bijvoorbeeld 2027-06-30 of voor de zomer):")
				if err != nil {
					return err
				}
				if strings.TrimSpace(when) == "" {
					r.sayErr(sessions.ErrNoNewDate)
					continue
				}
				// People change jobs: who owns it now, from this year's table.
				label := "Wie nu"
				if orgs := c.Organisations(); len(orgs) > 0 {
					label += " (aan tafel: " + strings.Join(orgs, ", ") + ")"
				}
				who, err := r.keep(label, c.CarriedOwner(i))
				if err != nil {
					return err
				}
				if _, err := c.SettleCarried(i, when, who); errors.Is(err, sessions.ErrNoNewDate) {
					r.sayErr(err)
					continue
				}
				break
			}
		case k == 2:
			c.Settle(i, sessions.OutcomeDropped, "")
		}
		r.changed()
	}
	if n := c.OpenPriorActions(); n > 0 {
		r.sayf("Nog %d niet besloten; p bij de onderdelen brengt ze terug.", n)
	}
	return nil
}

// showPrior prints last year's status and answer at a stop, every line of
// it, and last year's action items made at the stop with what became of
// them.
func (r *runner) showPrior(st *stop) {
	c := r.conv
	prior := c.Prior
	if prior == nil {
		return
	}
	a := prior.Answers[st.Question.ID]
	r.sayf("Vorig jaar (%s): %s.", prior.Date, sessions.Summary(st.Question, a, partID(st)))
	for _, l := range r.stopLines(sessions.NewConversation(r.set, prior), st) {
		r.say(l)
	}
	for _, i := range c.PriorActionsAt(*st) {
		pa := c.PriorActions[i]
		outcome := pa.Outcome.Label()
		if pa.Outcome == sessions.OutcomeOpen {
			outcome += " (p bij de onderdelen)"
		}
		r.sayf("Actiepunt van vorig jaar: %s: %s", whoWhen(pa.Item), outcome)
	}
}

func partID(st *stop) string {
	if st.Part == nil {
		return ""
	}
	return st.Part.ID
}

// stopLines is what conv records at the stop, in lines indented by two
// spaces.
func (r *runner) stopLines(conv *sessions.Conversation, st *stop) []string {
	return indent(strings.Join(conv.StopLines(*st), "\n"), "  ")
}

// whoWhen is an action item with who and when, without where.
func whoWhen(a sessions.ActionItem) string {
	var parts []string
	if a.Who != "" {
		parts = append(parts, "wie: "+a.Who)
	}
	if a.When != "" {
		parts = append(parts, "wanneer: "+a.When)
	}
	if len(parts) == 0 {
		return a.What
	}
	return a.What + " (" + strings.Join(parts, ", ") + ")"
}

// indent puts every line of text after the prefix; no text gives no lines.
func indent(text, prefix string) []string {
	if text == "" {
		return nil
	}
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = prefix + l
	}
	return lines
}
