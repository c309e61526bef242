package accessible

import (
	"strconv"
	"strings"

	"gespreksmap/content"
	"gespreksmap/sessions"
)

// reflecting reports whether the conversation is a yearly reflection on
// last year's report (even when that report has since gone missing, its
// open action items are in this one).
func reflecting(s *sessions.Session) bool { return s.Prior != nil || len(s.PriorActions) > 0 }

const (
	settlePrompt      = "1 gedaan, 2 doorgeschoven (vraagt nieuwe datum), 3 vervallen, Enter = later beslissen:"
	settleAgainPrompt = "1 gedaan, 2 doorgeschoven (vraagt nieuwe datum), 3 vervallen, - = nog niet besloten, Enter = zo laten:"
)

// settlePrior asks what became of last year's open action items, one by
// one. With onlyOpen, items already settled are passed over.
func (r *runner) settlePrior(onlyOpen bool) error {
	s := r.sess
	r.say("")
	r.say("Actiepunten van vorig jaar")
	if p := s.Prior; p != nil {
		r.sayf("Open actiepunten uit %s %s: wat is ermee gebeurd?", p.Date, orDash(p.Title))
	}
	if len(s.PriorActions) == 0 {
		r.say("Er stonden vorig jaar geen open actiepunten.")
		return nil
	}
	for i := range s.PriorActions {
		pa := s.PriorActions[i]
		if onlyOpen && pa.Outcome != sessions.OutcomeOpen {
			continue
		}
		r.sayf("Actiepunt %d van %d: %s", i+1, len(s.PriorActions), r.itemText(pa.Item))
		prompt := settlePrompt
		if pa.Outcome != sessions.OutcomeOpen {
			r.sayf("Nu: %s.", pa.Outcome)
			prompt = settleAgainPrompt
		}
		k, x, err := r.number(prompt, 3, "-")
		if err != nil {
			return err
		}
		switch {
		case x == "-" && pa.Outcome != sessions.OutcomeOpen:
			s.Settle(i, sessions.OutcomeOpen, "")
		case x != "" || k < 0:
			continue
		case k == 0:
			s.Settle(i, sessions.OutcomeDone, "")
		case k == 1:
			when, err := r.ask("Nieuwe datum (bijvoorbeeld 2027-06-30 of voor de zomer):")
			if err != nil {
				return err
			}
			s.Settle(i, sessions.OutcomeCarried, when)
		case k == 2:
			s.Settle(i, sessions.OutcomeDropped, "")
		}
		r.changed()
	}
	if n := s.OpenPriorActions(); n > 0 {
		r.sayf("Nog %d niet besloten; p bij de onderdelen brengt ze terug.", n)
	}
	return nil
}

func partID(st *stop) string {
	if st.Part == nil {
		return ""
	}
	return st.Part.ID
}

// showPrior prints last year's status and answer at a stop, every line of
// it, and last year's action items made at the question with what became
// of them.
func (r *runner) showPrior(st *stop) {
	prior := r.sess.Prior
	if prior == nil {
		return
	}
	q := st.Question
	a := prior.Answers[q.ID]
	status, _ := a.At(partID(st))
	r.sayf("Vorig jaar (%s): %s.", prior.Date, status.Label())
	for _, l := range r.answerLines(q, a, partID(st)) {
		r.say(l)
	}
	if st.Part != nil && lastPart(st) {
		for _, l := range perspectiveLines(a) {
			r.say(l)
		}
	}
	if st.PartIndex > 0 {
		return
	}
	for _, pa := range r.sess.PriorActions {
		if pa.Item.QuestionID != q.ID {
			continue
		}
		outcome := "nog niet besloten (p bij de onderdelen)"
		if pa.Outcome != sessions.OutcomeOpen {
			outcome = string(pa.Outcome)
		}
		r.sayf("Actiepunt van vorig jaar: %s: %s", whoWhen(pa.Item), outcome)
	}
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

// textAt reads the answer text at a stop; in a yearly reflection "v" takes
// over last year's answer there.
func (r *runner) textAt(st *stop, label, cur string, set func(string)) error {
	if r.sess.Prior == nil {
		return r.text(label, cur, set)
	}
	id, part := st.Question.ID, partID(st)
	return r.textTaking(label, cur, set, func() (string, bool) {
		return r.sess.TakeOverPrior(id, part)
	})
}

// answerLines is an answer in plain indented lines: for a sub-point or
// topic its text; for a whole question the choice, partners or counts, the
// text and the perspectives.
func (r *runner) answerLines(q *content.Question, a *sessions.Answer, part string) []string {
	if a == nil {
		return nil
	}
	if part != "" {
		_, text := a.At(part)
		return indent(text, "  ")
	}
	var out []string
	switch q.Kind {
	case content.KindChoice:
		if a.Choice != "" {
			out = append(out, "  Keuze: "+choiceLabel(q, a.Choice))
		}
	case content.KindPartners:
		for _, state := range partnerStates {
			var names []string
			for _, pk := range r.set.PartnerKinds {
				if a.Partners[pk.ID] == state {
					names = append(names, pk.Label)
				}
			}
			for _, o := range a.OtherPartners {
				if o.State == state {
					names = append(names, o.Name)
				}
			}
			if len(names) > 0 {
				out = append(out, "  "+capital(state.Label())+": "+strings.Join(names, ", "))
			}
		}
		for _, o := range a.OtherPartners {
			if o.State == sessions.PartnerUnknown {
				out = append(out, "  Niet ingevuld: "+o.Name)
			}
		}
	case content.KindCounts:
		total, filled := 0, 0
		for _, c := range q.Categories {
			if n, ok := a.Counts[c.ID]; ok {
				out = append(out, "  "+oneLine(c.Label)+": "+strconv.Itoa(n))
				total += n
				filled++
			}
		}
		if filled > 0 {
			out = append(out, "  Totaal: "+strconv.Itoa(total))
		}
	}
	out = append(out, indent(a.Text, "  ")...)
	return append(out, perspectiveLines(a)...)
}

func perspectiveLines(a *sessions.Answer) []string {
	if a == nil {
		return nil
	}
	var out []string
	for _, p := range a.Perspectives {
		out = append(out, "  Vanuit "+p.Organisation+":")
		out = append(out, indent(p.Text, "    ")...)
	}
	return out
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

func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// keepParticipants goes through the participants taken over from last
// year: Enter keeps each, "-" takes one off the list.
func (r *runner) keepParticipants() error {
	s := r.sess
	if len(s.Participants) == 0 {
		return nil
	}
	r.say("")
	r.sayf("Deelnemers van vorig jaar (%d). Enter houdt iemand op de lijst, - haalt iemand eraf.", len(s.Participants))
	for i := 0; i < len(s.Participants); i++ {
		for {
			v, err := r.ask(r.participantText(s.Participants[i]) + " (Enter = houden, - = eraf):")
			if err != nil {
				return err
			}
			switch v {
			case "":
			case "-":
				s.Participants = append(s.Participants[:i], s.Participants[i+1:]...)
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
