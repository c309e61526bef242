package accessible

import (
	"sort"
	"strconv"
	"strings"

	"gespreksmap/sessions"
	"gespreksmap/sessions/store"
)

// readOnly prints one report and stops: the one to open, else last year's,
// else one picked from the folder. Nothing is written.
func (r *runner) readOnly() error {
	path := r.cfg.Open
	if path == "" {
		path = r.cfg.Baseline
	}
	if path == "" {
		p, err := r.pickReport(pickRead)
		if err != nil || p == "" {
			return err
		}
		path = p
	}
	return r.viewReadOnly(path)
}

// viewReadOnly prints a report without taking it over: per section how far
// it stands, then every question with something recorded, with its number,
// status and answer; the questions not discussed are named together.
func (r *runner) viewReadOnly(path string) error {
	r.set = store.SetOf(path, r.pick())
	f, s, err := store.OpenReadOnly(path, r.set)
	if err != nil {
		return err
	}
	conv := sessions.NewConversation(r.set, s)
	r.hold(conv, sessions.NewController(conv, f, r.cfg.Now))
	r.say("")
	r.say("Alleen lezen. Verslag: " + f.Path())
	r.sayf("%s (%s)", orDash(s.Title), s.Date)
	if s.Region != "" {
		r.say("Samenwerkingsverband of regio: " + s.Region)
	}
	if s.Facilitator != "" {
		r.say("Gespreksleider: " + s.Facilitator)
	}
	if len(s.Participants) > 0 {
		var names []string
		for _, p := range s.Participants {
			if p.Organisation != "" {
				names = append(names, p.Name+" ("+p.Organisation+")")
			} else {
				names = append(names, p.Name)
			}
		}
		r.say("Deelnemers: " + strings.Join(names, ", ") + ".")
	}
	if s.Prior != nil {
		r.sayf("Vergeleken met %s (%s).", orDash(s.Prior.Title), s.Prior.Date)
	}
	for i := range r.set.Sections {
		sec := &r.set.Sections[i]
		r.say("")
		r.sayf("%d %s: %s", i+1, sec.Title, tallyText(sessions.SectionTally(sec, s)))
		var quiet []string
		shown := ""
		stops := conv.Stops()
		for j := range stops {
			st := &stops[j]
			if st.SectionIndex != i {
				continue
			}
			q := st.Question
			status := conv.Status(*st)
			lines := r.stopLines(conv, st)
			if status == sessions.StatusNone && len(lines) == 0 {
				quiet = append(quiet, st.Number())
				continue
			}
			switch {
			case st.Part == nil:
				r.sayf("Vraag %s, %s: %s", st.Number(), status.Label(), oneLine(q.Text))
			default:
				if shown != q.ID {
					r.sayf("Vraag %s: %s", st.QuestionNumber(), oneLine(q.Text))
				}
				r.sayf("%s %s, %s: %s", partWord(q), st.Number(), status.Label(), oneLine(st.Part.Text))
			}
			shown = q.ID
			for _, l := range lines {
				r.say(l)
			}
		}
		if len(quiet) > 0 {
			r.say("Niet besproken: " + strings.Join(quiet, ", ") + ".")
		}
	}
	r.unknownAnswers(s)
	r.say("")
	if len(s.Actions) == 0 {
		r.say("Geen actiepunten.")
	} else {
		r.say("Actiepunten:")
		for i, a := range s.Actions {
			r.sayf("%d %s", i+1, r.actionText(a))
		}
	}
	if len(s.PriorActions) > 0 {
		r.say("Actiepunten van vorig jaar:")
		for i, pa := range s.PriorActions {
			r.sayf("%d %s; %s", i+1, r.itemText(pa.Item), pa.Outcome.Label())
		}
	}
	r.say("")
	r.say("Einde van het verslag. Er is niets gewijzigd.")
	return nil
}

// unknownAnswers prints what the report holds at questions and sub-points
// this set does not know (another version of the set, or an edited id). The
// report keeps them; a reader must be able to see them too.
func (r *runner) unknownAnswers(s *sessions.Session) {
	var ids []string
	for id, a := range s.Answers {
		if a != nil && !a.Empty() {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	first := true
	heading := func() {
		if first {
			r.say("")
			r.say("Antwoorden bij vragen of punten die niet in deze vragenset staan:")
			first = false
		}
	}
	for _, id := range ids {
		a := s.Answers[id]
		_, q := r.set.Question(id)
		if q == nil {
			heading()
			title := oneLine(a.QuestionText)
			if title == "" {
				title = id
			}
			r.sayf("Vraag %s, %s: %s", id, a.Status.Label(), title)
			for _, l := range rawAnswerLines(a) {
				r.say(l)
			}
			for _, l := range indent(a.Text, "  ") {
				r.say(l)
			}
			for _, pid := range sortedPartIDs(a) {
				p := a.Parts[pid]
				r.sayf("  Punt %s, %s:", pid, p.Status.Label())
				for _, l := range indent(p.Text, "    ") {
					r.say(l)
				}
			}
			for _, p := range a.Perspectives {
				r.say("  Vanuit " + p.Organisation + ":")
				for _, l := range indent(p.Text, "    ") {
					r.say(l)
				}
			}
			continue
		}
		known := map[string]bool{}
		for _, p := range q.Parts() {
			known[p.ID] = true
		}
		for _, pid := range sortedPartIDs(a) {
			if known[pid] {
				continue
			}
			p := a.Parts[pid]
			heading()
			r.sayf("Bij vraag %s, punt %s, %s:", id, pid, p.Status.Label())
			for _, l := range indent(p.Text, "  ") {
				r.say(l)
			}
		}
	}
}

func sortedPartIDs(a *sessions.Answer) []string {
	var ids []string
	for id, p := range a.Parts {
		if p != nil && (p.Status != sessions.StatusNone || p.Text != "") {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	return ids
}

// rawAnswerLines gives the structured parts of an answer the set does not
// describe: choice, partners and counts by their ids.
func rawAnswerLines(a *sessions.Answer) []string {
	var out []string
	if a.Choice != "" {
		out = append(out, "  Keuze: "+a.Choice)
	}
	var keys []string
	for id := range a.Partners {
		keys = append(keys, id)
	}
	sort.Strings(keys)
	for _, id := range keys {
		out = append(out, "  "+id+": "+string(a.Partners[id]))
	}
	for _, o := range a.OtherPartners {
		out = append(out, "  "+o.Name+": "+string(o.State))
	}
	keys = keys[:0]
	for id := range a.Counts {
		keys = append(keys, id)
	}
	sort.Strings(keys)
	for _, id := range keys {
		out = append(out, "  "+id+": "+strconv.Itoa(a.Counts[id]))
	}
	return out
}
