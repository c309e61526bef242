package convenant

import (
	"fmt"
	"strings"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/sessions/mdtext"
)

func (d *drafter) writeAnnex(b *strings.Builder) {
	b.WriteString("## Bijlage: nog uit te werken\n\n")
	b.WriteString("Deze onderdelen zijn in het gesprek nog niet (helemaal) geregeld. " +
		"Ze staan daarom niet als artikel in het convenant; partijen werken ze verder uit.\n\n")
	open := 0
	lastSec := 0
	for _, u := range d.units {
		switch u.status {
		case sessions.StatusDone, sessions.StatusNA:
			continue
		}
		if u.secNo != lastSec {
			if open > 0 {
				b.WriteString("\n")
			}
			fmt.Fprintf(b, "### %d. %s\n\n", u.secNo, inline(u.section.Title))
			lastSec = u.secNo
		}
		fmt.Fprintf(b, "- **%s** %s — *%s*\n", u.number, inline(u.text), u.status.Label())
		for _, bl := range u.bullets {
			fmt.Fprintf(b, "  - *%s*\n", inline(bl))
		}
		if u.hasContent() || len(u.perspectives())+len(u.questionPerspectives()) > 0 {
			// What was said so far, indented so it stays inside the item.
			var ans strings.Builder
			d.writeAnswer(&ans, u, "de bijlage bij "+u.number)
			b.WriteString("\n")
			for _, line := range strings.Split(strings.TrimRight(ans.String(), "\n"), "\n") {
				if line == "" {
					b.WriteString("\n")
				} else {
					b.WriteString("  " + line + "\n")
				}
			}
			b.WriteString("\n")
		}
		d.writeUnitActions(b, u)
		open++
	}
	if open == 0 {
		b.WriteString("Alle onderdelen zijn geregeld of niet van toepassing.\n")
	}
	b.WriteString("\n")

	b.WriteString("### Openstaande actiepunten\n\n")
	var rows []string
	for _, a := range d.s.Actions {
		if a.Done {
			continue
		}
		who, when := inline(a.Who), inline(a.When)
		if who == "" {
			who = Placeholder("wie")
		}
		if when == "" {
			when = Placeholder("wanneer")
		}
		rows = append(rows, fmt.Sprintf("| %s | %s | %s | %s |", inline(a.What), who, when, d.stopRef(a)))
	}
	if len(rows) == 0 {
		b.WriteString("Er zijn geen openstaande actiepunten.\n")
		return
	}
	b.WriteString("| Wat | Wie | Wanneer | Bij vraag |\n| --- | --- | --- | --- |\n")
	b.WriteString(strings.Join(rows, "\n") + "\n")
}

// writeUnitActions lists, inside an annex item, the open action items made
// at that sub-point, topic or question.
func (d *drafter) writeUnitActions(b *strings.Builder, u *unit) {
	wrote := false
	for _, a := range d.s.Actions {
		if a.Done || a.QuestionID != u.q.ID || (u.ref.Part != "" && a.Part != u.ref.Part) {
			continue
		}
		who, when := inline(a.Who), inline(a.When)
		if who == "" {
			who = Placeholder("wie")
		}
		if when == "" {
			when = Placeholder("wanneer")
		}
		fmt.Fprintf(b, "  - Actiepunt: %s (%s, %s)\n", inline(a.What), who, when)
		wrote = true
	}
	if wrote {
		b.WriteString("\n")
	}
}

// stopRef names the stop an action item was made at: "1.3b", "1.3", or
// "algemeen".
func (d *drafter) stopRef(a sessions.ActionItem) string {
	if a.QuestionID == "" {
		return "algemeen"
	}
	if n, _ := d.set.StopNumber(a.QuestionID, a.Part); n != "" {
		return n
	}
	return inline(a.QuestionID)
}

// asked is the question as quoted before an answer: its text and, for a
// lead-in like "… kan gaan over:", the bullets that complete it.
func asked(u *unit) string {
	var b strings.Builder
	fmt.Fprintf(&b, "*%s*\n\n", inline(u.text))
	for _, bl := range u.bullets {
		fmt.Fprintf(&b, "- *%s*\n", inline(bl))
	}
	if len(u.bullets) > 0 {
		b.WriteString("\n")
	}
	return b.String()
}

// hasContent reports whether anything beyond a status was recorded.
func (u *unit) hasContent() bool {
	if u.ref.Part != "" {
		return strings.TrimSpace(u.partTxt) != ""
	}
	a := u.answer
	if a == nil {
		return false
	}
	if strings.TrimSpace(a.Text) != "" || a.Choice != "" || len(a.Counts) > 0 || len(a.OtherPartners) > 0 {
		return true
	}
	for _, st := range a.Partners {
		if st != sessions.PartnerUnknown {
			return true
		}
	}
	return false
}

// writeAnswer states what was recorded, quoting the text as typed, followed
// by the perspectives recorded at its stop and its question; where names the place in the
// draft, for later references to those perspectives.
func (d *drafter) writeAnswer(b *strings.Builder, u *unit, where string) {
	defer d.writePerspectives(b, u, where)
	if u.ref.Part != "" {
		quote(b, u.partTxt)
		return
	}
	a := u.answer
	if a == nil {
		return
	}
	switch u.q.Kind {
	case content.KindChoice:
		if a.Choice != "" {
			label := a.Choice
			for _, c := range u.q.Choices {
				if c.ID == a.Choice {
					label = c.Label
				}
			}
			fmt.Fprintf(b, "Antwoord: **%s**\n\n", inline(label))
			for _, f := range u.q.FollowUps {
				if f.When == a.Choice && strings.TrimSpace(a.Text) != "" {
					fmt.Fprintf(b, "*%s*\n\n", inline(f.Text))
				}
			}
		}
	case content.KindPartners:
		d.writePartners(b, a)
	case content.KindCounts:
		writeCounts(b, u.q, a)
	}
	quote(b, a.Text)
}

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
// whole. Perspectives are quoted once; later places refer back.
func (d *drafter) writePerspectives(b *strings.Builder, u *unit, where string) {
	d.quotePerspectives(b, sessions.StopRef(u.q.ID, u.ref.Part), u.number, u.perspectives(), where)
	d.quotePerspectives(b, u.q.ID, d.set.QuestionNumber(u.q.ID), u.questionPerspectives(), where)
}

func (d *drafter) quotePerspectives(b *strings.Builder, stop, num string, ps []sessions.Perspective, where string) {
	if len(ps) == 0 {
		return
	}
	var orgs []string
	for _, p := range ps {
		orgs = append(orgs, perspectiveOrg(p))
	}
	if first, ok := d.perspectivesAt[stop]; ok {
		noun := "het perspectief"
		if len(ps) > 1 {
			noun = "de perspectieven"
		}
		fmt.Fprintf(b, "*Bij vraag %s is ook %s van %s vastgelegd; zie %s.*\n\n", num, noun, andList(orgs), first)
		return
	}
	if d.perspectivesAt == nil {
		d.perspectivesAt = map[string]string{}
	}
	d.perspectivesAt[stop] = where
	for i, p := range ps {
		fmt.Fprintf(b, "**Perspectief van %s** bij vraag %s (standpunt van deze partij, niet van partijen samen):\n\n", orgs[i], num)
		quote(b, p.Text)
	}
}

func perspectiveOrg(p sessions.Perspective) string {
	if org := inline(p.Organisation); org != "" {
		return org
	}
	return Placeholder("welke partij")
}

// andList joins names the Dutch way: "A, B en C".
func andList(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " en " + names[len(names)-1]
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
		{sessions.PartnerTogether, "Partijen werken samen met"},
		{sessions.PartnerNotYet, "Nog niet samengewerkt wordt met"},
		{sessions.PartnerNA, "Niet van toepassing"},
	}
	for _, l := range lines {
		if names := byState[l.state]; len(names) > 0 {
			fmt.Fprintf(b, "%s:\n\n", l.lead)
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
				// A guide figure from the set's norms, never an agreed number.
				fmt.Fprintf(b, "- %s (%s); een richtgetal, geen afspraak over de inzet\n", in.Headline(inline), in.Details(inline))
				fmt.Fprintf(b, "  (%s)\n", in.SourceText(inline))
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

// quote writes text as a blockquote, line for line, so the words of the
// conversation stay as they were typed and cannot break the structure of
// the draft.
func quote(b *strings.Builder, text string) {
	if strings.TrimSpace(text) == "" {
		return
	}
	b.WriteString(mdtext.Quote(strings.TrimRight(text, "\n ")))
}

// inline makes a single-line value safe in running markdown text.
func inline(s string) string { return mdtext.Inline(s) }
