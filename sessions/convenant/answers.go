package convenant

import (
	"fmt"
	"strings"

	"gespreksmap/content"
	"gespreksmap/sessions"
)

// perspectives returns the perspectives with text recorded at the unit's
// own stop: at its sub-point or topic, or for a question without parts at
// the question.
func (u *unit) perspectives() []sessions.Perspective {
	return u.perspectivesWhere(func(part string) bool { return part == u.ref.Part || u.ref.Part == "" })
}

// questionPerspectives returns, for a unit that is a sub-point or topic, the
// perspectives recorded at its question as a whole (or at a part the set no
// longer has): they belong to every part of the question.
func (u *unit) questionPerspectives() []sessions.Perspective {
	if u.ref.Part == "" {
		return nil
	}
	return u.perspectivesWhere(func(part string) bool { return part == "" || !hasPart(u.q, part) })
}

func hasPart(q *content.Question, id string) bool {
	for _, p := range q.Parts() {
		if p.ID == id {
			return true
		}
	}
	return false
}

func (u *unit) perspectivesWhere(at func(part string) bool) []sessions.Perspective {
	if u.answer == nil {
		return nil
	}
	var out []sessions.Perspective
	for _, p := range u.answer.Perspectives {
		if strings.TrimSpace(p.Text) != "" && at(p.Part) {
			out = append(out, p)
		}
	}
	return out
}

// writePerspectives quotes each organisation's own view beside the joint
// answer, so a dissent is not lost behind text that reads as shared: first
// those made at the unit's own stop, then those made at its question as a
// whole. Perspectives are quoted once; later places refer back. where
// names the place in the draft, for those references. referred, when not
// nil, holds the stops already referred to in this part of the draft, so
// a list of a question's parts refers to its perspectives once.
func (d *drafter) writePerspectives(b *strings.Builder, u *unit, where string, referred map[string]bool) {
	d.quotePerspectives(b, sessions.StopRef(u.q.ID, u.ref.Part), u.number, u.perspectives(), where, referred)
	d.quotePerspectives(b, u.q.ID, d.set.QuestionNumber(u.q.ID), u.questionPerspectives(), where, referred)
}

func (d *drafter) quotePerspectives(b *strings.Builder, stop, num string, ps []sessions.Perspective, where string, referred map[string]bool) {
	if len(ps) == 0 {
		return
	}
	if _, quoted := d.perspectivesAt[stop]; quoted && referred != nil {
		if referred[stop] {
			return
		}
		referred[stop] = true
	}
	b.WriteString(viewStart)
	defer b.WriteString(viewEnd)
	var orgs []string
	for _, p := range ps {
		orgs = append(orgs, perspectiveOrg(p))
	}
	if first, ok := d.perspectivesAt[stop]; ok {
		// One perspective is, several are.
		verb, noun := "is", "het perspectief"
		if len(ps) > 1 {
			verb, noun = "zijn", "de perspectieven"
		}
		fmt.Fprintf(b, "*Bij vraag %s %s ook %s van %s vastgelegd; zie %s.*\n\n", num, verb, noun, andList(orgs), first)
		return
	}
	if d.perspectivesAt == nil {
		d.perspectivesAt = map[string]string{}
	}
	d.perspectivesAt[stop] = where
	if referred != nil {
		referred[stop] = true
	}
	for i, p := range ps {
		fmt.Fprintf(b, "*Perspectief van %s bij vraag %s (standpunt van deze organisatie, niet van partijen samen):*\n\n", orgs[i], num)
		writeText(b, p.Text)
	}
}

func perspectiveOrg(p sessions.Perspective) string {
	if org := inline(p.Organisation); org != "" {
		return org
	}
	return Placeholder("welke organisatie")
}

func (d *drafter) writePartners(b *strings.Builder, a *sessions.Answer) {
	byState := map[sessions.PartnerState][]string{}
	for _, pk := range d.set.PartnerKinds {
		if st := a.Partners[pk.ID]; st != sessions.PartnerUnknown {
			byState[st] = append(byState[st], inline(pk.Label))
		}
	}
	for _, o := range a.OtherPartners {
		if o.State != sessions.PartnerUnknown {
			byState[o.State] = append(byState[o.State], inline(o.Name))
		}
	}
	lines := []struct {
		state sessions.PartnerState
		lead  string
	}{
		{sessions.PartnerTogether, "Partijen werken samen met:"},
		{sessions.PartnerNotYet, "Nog niet samengewerkt wordt met:"},
		{sessions.PartnerNA, "Niet van toepassing:"},
	}
	for _, l := range lines {
		if names := byState[l.state]; len(names) > 0 {
			fmt.Fprintf(b, "%s\n\n", l.lead)
			for _, n := range names {
				fmt.Fprintf(b, "- %s\n", n)
			}
			b.WriteString("\n")
		}
	}
}

func writeCounts(b *strings.Builder, q *content.Question, a *sessions.Answer) {
	if len(q.Categories) > 0 {
		total, filled := 0, 0
		var lines strings.Builder
		for _, c := range q.Categories {
			if n, ok := a.Counts[c.ID]; ok {
				fmt.Fprintf(&lines, "- %s: %d\n", inline(c.Label), n)
				total += n
				filled++
			} else {
				// Said, not dropped: an empty category is not a zero.
				fmt.Fprintf(&lines, "- %s: niet ingevuld\n", inline(c.Label))
			}
		}
		if filled > 0 {
			b.WriteString(lines.String())
			// A child may fall in more than one category.
			fmt.Fprintf(b, "- Totaal: %d (optelling; een kind kan in meer dan één groep vallen, dus dit is niet het aantal kinderen)\n", total)
			if in, ok := sessions.IndicativeFor(q, a.Counts); ok {
				// A guide figure from the set's norms, never an agreed number;
				// its source in the same item, so the list stays flat.
				fmt.Fprintf(b, "- %s (%s); een richtgetal, geen afspraak over de inzet (%s)\n", in.Headline(inline), in.Details(inline), in.SourceText(inline))
			}
			b.WriteString("\n")
		} else if len(a.Counts) > 0 || strings.TrimSpace(a.Text) != "" {
			b.WriteString("Aantallen per groep: niet ingevuld.\n\n")
		}
	}
	if strings.TrimSpace(a.Text) != "" && q.CountsText != "" {
		fmt.Fprintf(b, "*%s*\n\n", inline(q.CountsText))
	}
}
