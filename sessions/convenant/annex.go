package convenant

import (
	"fmt"
	"sort"
	"strings"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/sessions/mdtext"
)

// writeAnnexConsiderations is bijlage 1: for every consideration drawn from
// an answer, the question and the answer as the conversation recorded it.
func (d *drafter) writeAnnexConsiderations(b *strings.Builder) {
	b.WriteString("## Bijlage 1. Achtergrond van de overwegingen\n\n")
	type item struct {
		n int
		c content.ConvenantConsideration
	}
	var items []item
	for _, c := range d.m.Considerations {
		if n, ok := d.considered[c.Unit]; ok && !c.Unit.IsZero() {
			items = append(items, item{n, c})
		}
	}
	if len(items) == 0 {
		b.WriteString("Geen van de overwegingen steunt op een antwoord uit het gesprek.\n\n")
		return
	}
	b.WriteString("Bij de overwegingen die op het gesprek steunen staat hier wat in het gesprek is vastgelegd, in de woorden van het gesprek. " +
		"Deze bijlage is een toelichting en maakt geen deel uit van het convenant.\n\n")
	sort.SliceStable(items, func(i, j int) bool { return items[i].n < items[j].n })
	for _, it := range items {
		u := d.byRef[it.c.Unit]
		fmt.Fprintf(b, "### Bij overweging %d. %s\n\n", it.n, inline(it.c.Title))
		fmt.Fprintf(b, "Vraag %s: *%s* (stand in het gesprek: %s)\n\n", u.number, inline(u.text), u.status.Label())
		writeBullets(b, u)
		d.writeAnswerOnly(b, u)
		d.writePerspectives(b, u, fmt.Sprintf("bijlage 1, bij overweging %d", it.n), nil)
	}
}

// writeAnnexOpen is bijlage 2: every unit not yet arranged, with what was
// said so far and its open action items, and all open action items.
func (d *drafter) writeAnnexOpen(b *strings.Builder) {
	b.WriteString("## Bijlage 2. Nog uit te werken\n\n")
	b.WriteString("Deze onderdelen zijn in het gesprek nog niet (helemaal) geregeld. " +
		"Ze staan daarom niet als artikel in het convenant; partijen werken ze verder uit.\n\n")
	open := 0
	lastSec := 0
	referred := map[string]bool{}
	for _, u := range d.units {
		switch u.status {
		case sessions.StatusDone, sessions.StatusNA:
			continue
		}
		if u.secNo != lastSec {
			fmt.Fprintf(b, "### %d. %s\n\n", u.secNo, inline(u.section.Title))
			lastSec = u.secNo
		}
		fmt.Fprintf(b, "**%s** %s — *%s*\n\n", u.number, inline(u.text), u.status.Label())
		writeBullets(b, u)
		if n, ok := d.considered[u.ref]; ok {
			fmt.Fprintf(b, "Wat hierover is vastgelegd, staat in bijlage 1, bij overweging %d.\n\n", n)
		} else {
			d.writeAnswerOnly(b, u)
			d.writePerspectives(b, u, "bijlage 2, bij "+u.number, referred)
		}
		d.writeUnitActions(b, u)
		open++
	}
	if open == 0 {
		b.WriteString("Alle onderdelen zijn geregeld of niet van toepassing.\n\n")
	}

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
		rows = append(rows, fmt.Sprintf("| %s | %s | %s | %s |", mdtext.Cell(a.What), who, when, d.stopRef(a)))
	}
	if len(rows) == 0 {
		b.WriteString("Er zijn geen openstaande actiepunten.\n")
		return
	}
	b.WriteString("| Wat | Wie | Wanneer | Bij vraag |\n| --- | --- | --- | --- |\n")
	b.WriteString(strings.Join(rows, "\n") + "\n")
}

// writeBullets lists what a sub-point or topic can cover, part of its
// wording.
func writeBullets(b *strings.Builder, u *unit) {
	for _, bl := range u.bullets {
		fmt.Fprintf(b, "- *%s*\n", inline(bl))
	}
	if len(u.bullets) > 0 {
		b.WriteString("\n")
	}
}

// writeUnitActions lists the open action items made at that sub-point,
// topic or question.
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
		fmt.Fprintf(b, "- Actiepunt: %s (%s, %s)\n", inline(a.What), who, when)
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
	return mdtext.Cell(a.QuestionID)
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

// writeAnswerOnly states what was recorded, in the words typed.
func (d *drafter) writeAnswerOnly(b *strings.Builder, u *unit) {
	if u.ref.Part != "" {
		writeText(b, u.partTxt)
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
			fmt.Fprintf(b, "*%s* **%s**\n\n", inline(u.q.Text), inline(label))
			if f := u.q.FollowUp(a.Choice); f != nil && strings.TrimSpace(a.Text) != "" {
				fmt.Fprintf(b, "*%s*\n\n", inline(f.Text))
			}
		}
	case content.KindPartners:
		d.writePartners(b, a)
	case content.KindCounts:
		writeCounts(b, u.q, a)
	}
	writeText(b, a.Text)
}
