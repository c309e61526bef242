package compare

import (
	"fmt"
	"strconv"
	"strings"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/sessions/mdtext"
)

// Markdown writes the comparison as a report section.
func (c *Changes) Markdown() string {
	var b strings.Builder
	since := "het vorige gesprek"
	if c.PriorDate != "" {
		since = mdtext.Date(c.PriorDate)
	}
	fmt.Fprintf(&b, "## Wat is er veranderd sinds %s\n\n", mdtext.Inline(since))
	fmt.Fprintf(&b, "Vergeleken: het verslag van %s met dat van %s.\n", cmpReportName(c.PriorDate, c.PriorTitle), cmpReportName(c.CurrentDate, c.CurrentTitle))
	switch {
	case c.PriorSetID != c.CurrentSetID:
		fmt.Fprintf(&b, "\nVorig jaar is vragenset %s gebruikt, dit jaar %s. De vragen zijn vergeleken op hun vaste code.\n",
			cmpSetName(c.PriorSetID, c.PriorSetVersion), cmpSetName(c.CurrentSetID, c.CurrentSetVersion))
	case c.PriorSetVersion != c.CurrentSetVersion:
		fmt.Fprintf(&b, "\nVorig jaar is versie %s van de vragenset gebruikt, dit jaar versie %s. De vragen zijn vergeleken op hun vaste code.\n",
			cmpVersion(c.PriorSetVersion), cmpVersion(c.CurrentSetVersion))
	}
	c.writeStatuses(&b)
	c.writeTexts(&b)
	c.writeCounts(&b)
	c.writePartners(&b)
	c.writeParticipants(&b)
	c.writeChoices(&b)
	c.writeActions(&b)
	c.writeParked(&b)
	cmpWriteAnswered(&b, "Vorig jaar beantwoord, dit jaar niet", "Stand vorig jaar", c.NoLongerAnswered,
		"Geen veranderingen: alle vragen en deelpunten van vorig jaar zijn dit jaar ook beantwoord.")
	cmpWriteAnswered(&b, "Dit jaar voor het eerst beantwoord", "Stand dit jaar", c.NewlyAnswered,
		"Geen veranderingen: er zijn geen vragen of deelpunten die dit jaar voor het eerst zijn beantwoord.")
	c.writeUnknown(&b)
	return b.String()
}

func (c *Changes) writeStatuses(b *strings.Builder) {
	b.WriteString("\n### Status van vragen en deelpunten\n\n")
	if len(c.Statuses) == 0 {
		b.WriteString("Geen veranderingen in de status van vragen en deelpunten.\n")
		return
	}
	n := map[Movement]int{}
	for _, s := range c.Statuses {
		n[s.Movement()]++
	}
	fmt.Fprintf(b, "Vooruit: %d · achteruit: %d · anders: %d", n[MovedForward], n[MovedBack], n[MovedOther])
	// Rare kinds are only named when they occur, to keep the line short.
	if n[StatusGiven] > 0 {
		fmt.Fprintf(b, " · status nieuw: %d", n[StatusGiven])
	}
	if n[StatusRemoved] > 0 {
		fmt.Fprintf(b, " · status weg: %d", n[StatusRemoved])
	}
	b.WriteString("\n")
	section := 0
	for _, s := range c.Statuses {
		if s.Question.Section != section {
			section = s.Question.Section
			fmt.Fprintf(b, "\n#### %d. %s\n\n", section, mdtext.Inline(s.Question.SectionTitle))
			b.WriteString("| Nr | Vraag of deelpunt | Verandering | Richting |\n| --- | --- | --- | --- |\n")
		}
		text := cmpPartText(s.Question, s.PartID, s.PartLetter, s.PartText)
		fmt.Fprintf(b, "| %s | %s | %s → %s | %s |\n", s.Number(), mdtext.Cell(text), s.From.Label(), s.To.Label(), s.Movement().Label())
	}
}

func cmpPartText(q QuestionRef, partID, letter, text string) string {
	switch {
	case partID == "":
		return q.Text
	case letter == "":
		return "deelpunt dat niet in deze vragenset staat"
	}
	return text
}

func (c *Changes) writeCounts(b *strings.Builder) {
	b.WriteString("\n### Aantallen\n\n")
	if c.writeOneYearOnly(b, content.KindCounts, len(c.Counts) > 0,
		"Niet te vergelijken: er zijn in geen van beide verslagen aantallen ingevuld.", "") {
		return
	}
	for i, cc := range c.Counts {
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(b, "#### %s %s\n\n", cc.Question.Number(), mdtext.Inline(cc.Question.Text))
		b.WriteString("| Categorie | Vorig jaar | Dit jaar | Verschil |\n| --- | ---: | ---: | ---: |\n")
		for _, r := range cc.Rows {
			fmt.Fprintf(b, "| %s | %s | %s | %s |\n", mdtext.Cell(r.Label),
				cmpNumber(r.Prior, r.InPrior), cmpNumber(r.Current, r.InCurrent), cmpDiff(r.Prior, r.InPrior, r.Current, r.InCurrent))
		}
		p, pok, n, nok := cc.Totals()
		if pok && nok {
			fmt.Fprintf(b, "| **Totaal** | **%s** | **%s** | **%s** |\n", cmpNumber(p, pok), cmpNumber(n, nok), cmpDiff(p, pok, n, nok))
			if in := cc.Indicative; in != nil {
				fmt.Fprintf(b, "| *%s (%s)* | %s | %s | %s |\n", sessions.IndicativeWord, mdtext.Cell(in.Current.Unit),
					in.Prior.Total, in.Current.Total, in.Difference().Signed())
			}
			b.WriteString("\nHet totaal telt alleen de categorieën die beide jaren zijn ingevuld. Het telt groepen op, geen kinderen: een kind kan in meer dan één groep vallen.\n")
		} else {
			b.WriteString("\nGeen categorie is beide jaren ingevuld, dus er is geen totaal om te vergelijken.\n")
		}
		if left := cc.LeftOut(); len(left) > 0 && pok {
			var names []string
			for _, r := range left {
				year := "alleen vorig jaar"
				if r.InCurrent {
					year = "alleen dit jaar"
				}
				names = append(names, mdtext.Inline(r.Label)+" ("+year+")")
			}
			fmt.Fprintf(b, "\nNiet in het totaal, want in één jaar ingevuld: %s.\n", strings.Join(names, "; "))
		}
		if in := cc.Indicative; in != nil {
			fmt.Fprintf(b, "\n%s: berekend met de normen van de vragenset over dezelfde categorieën als het totaal; een richtgetal, geen berekening van wat nodig is (%s).\n",
				sessions.IndicativeWord, in.Current.SourceText(mdtext.Inline))
		}
	}
}

// writeOneYearOnly writes, above a kind's table, the questions of that kind
// that cannot be compared, and reports whether there is no table to follow.
// "No changes" is only claimed for questions filled in in both years.
func (c *Changes) writeOneYearOnly(b *strings.Builder, kind content.Kind, table bool, nothing, unchanged string) bool {
	var notes []string
	for _, o := range c.OneYearOnly {
		if o.Kind != kind {
			continue
		}
		year := "vorig jaar" // the year it was not filled in
		if !o.InCurrent {
			year = "dit jaar"
		}
		nr := o.Question.Number()
		switch kind {
		case content.KindCounts:
			notes = append(notes, fmt.Sprintf("Niet te vergelijken: bij %s zijn %s geen aantallen ingevuld.", nr, year))
		case content.KindChoice:
			notes = append(notes, fmt.Sprintf("Niet te vergelijken: bij %s is %s geen keuze gemaakt.", nr, year))
		default:
			notes = append(notes, fmt.Sprintf("Niet te vergelijken: %s is %s niet ingevuld.", nr, year))
		}
	}
	for _, n := range notes {
		b.WriteString(n + "\n\n")
	}
	switch {
	case table:
		return false
	case c.Compared[kind] == 0 && len(notes) == 0:
		b.WriteString(nothing + "\n")
	case c.Compared[kind] > 0 && len(notes) == 0:
		b.WriteString(unchanged + "\n")
	case c.Compared[kind] > 0:
		b.WriteString("Geen veranderingen bij de vragen die beide jaren zijn ingevuld.\n")
	}
	if s := b.String(); strings.HasSuffix(s, "\n\n") {
		// Keep exactly one line end before the next heading.
		b.Reset()
		b.WriteString(strings.TrimSuffix(s, "\n"))
	}
	return true
}

func cmpNumber(n int, ok bool) string {
	if !ok {
		return "—"
	}
	return strconv.Itoa(n)
}

func cmpDiff(prior int, priorOK bool, current int, currentOK bool) string {
	switch {
	case !currentOK:
		return "—"
	case !priorOK:
		return "nieuw"
	case current > prior:
		return "+" + strconv.Itoa(current-prior)
	case current < prior:
		return "−" + strconv.Itoa(prior-current) // a real minus sign, as in print
	}
	return "0"
}

func (c *Changes) writePartners(b *strings.Builder) {
	b.WriteString("\n### Samenwerking met partners\n\n")
	if c.writeOneYearOnly(b, content.KindPartners, len(c.Partners) > 0,
		"Niet te vergelijken: in geen van beide verslagen is ingevuld met wie er wordt samengewerkt.",
		"Geen veranderingen in de samenwerking met partners.") {
		return
	}
	q := ""
	for _, p := range c.Partners {
		if p.Question.ID != q {
			if q != "" {
				b.WriteString("\n")
			}
			q = p.Question.ID
			fmt.Fprintf(b, "#### %s %s\n\n", p.Question.Number(), mdtext.Inline(p.Question.Text))
			b.WriteString("| Partner | Vorig jaar | Dit jaar | Verandering |\n| --- | --- | --- | --- |\n")
		}
		label := mdtext.Cell(p.Label)
		if p.Other {
			label = "Anders: " + label
		}
		what := "gewijzigd"
		switch {
		case p.Joined():
			what = "nieuwe samenwerking"
		case p.Left():
			what = "samenwerking gestopt"
		case p.Named:
			what = "nieuw" // an added partner is new, whatever its state
		case p.Unnamed:
			what = "niet meer genoemd"
		case p.To == sessions.PartnerUnknown:
			what = "niet meer ingevuld"
		}
		fmt.Fprintf(b, "| %s | %s | %s | %s |\n", label, p.From.Label(), p.To.Label(), what)
	}
}

func (c *Changes) writeParticipants(b *strings.Builder) {
	b.WriteString("\n### Deelnemers\n\n")
	switch {
	case !c.OrganisationsInPrior && !c.OrganisationsInCurrent:
		b.WriteString("Niet te vergelijken: in geen van beide verslagen staan organisaties bij de deelnemers.\n")
		return
	case !c.OrganisationsInPrior:
		b.WriteString("Niet te vergelijken: in het verslag van vorig jaar staan geen organisaties bij de deelnemers.\n")
		return
	case !c.OrganisationsInCurrent:
		b.WriteString("Niet te vergelijken: in het verslag van dit jaar staan geen organisaties bij de deelnemers.\n")
		return
	case len(c.JoinedOrganisations) == 0 && len(c.LeftOrganisations) == 0:
		b.WriteString("Geen veranderingen in de deelnemende organisaties.\n")
		return
	}
	b.WriteString("| Organisatie | Verandering |\n| --- | --- |\n")
	for _, o := range c.JoinedOrganisations {
		fmt.Fprintf(b, "| %s | dit jaar nieuw aan tafel |\n", mdtext.Cell(o))
	}
	for _, o := range c.LeftOrganisations {
		fmt.Fprintf(b, "| %s | dit jaar niet aan tafel |\n", mdtext.Cell(o))
	}
}

func (c *Changes) writeChoices(b *strings.Builder) {
	b.WriteString("\n### Keuzes\n\n")
	if c.writeOneYearOnly(b, content.KindChoice, len(c.Choices) > 0,
		"Niet te vergelijken: in geen van beide verslagen is een keuze gemaakt.",
		"Geen veranderingen in de gemaakte keuzes.") {
		return
	}
	b.WriteString("| Nr | Vraag | Verandering |\n| --- | --- | --- |\n")
	for _, ch := range c.Choices {
		fmt.Fprintf(b, "| %s | %s | %s → %s |\n", ch.Question.Number(), mdtext.Cell(ch.Question.Text), mdtext.Cell(ch.FromLabel), mdtext.Cell(ch.ToLabel))
	}
}

func (c *Changes) writeActions(b *strings.Builder) {
	b.WriteString("\n### Actiepunten van vorig jaar\n\n")
	if len(c.Actions) == 0 {
		b.WriteString("Geen veranderingen: vorig jaar stonden er geen actiepunten open.\n")
		return
	}
	b.WriteString("| Wat | Wie | Wanneer | Bij vraag | Uitkomst |\n| --- | --- | --- | --- | --- |\n")
	for _, a := range c.Actions {
		outcome := a.Outcome.Label()
		if a.Outcome == sessions.OutcomeCarried && a.NewWhen != "" {
			outcome += " naar " + mdtext.Cell(a.NewWhen)
		}
		nr := a.QuestionNumber
		if nr == "" {
			nr = "—"
		}
		fmt.Fprintf(b, "| %s | %s | %s | %s | %s |\n", mdtext.Cell(a.Item.What), mdtext.Cell(a.Item.Who), mdtext.Cell(a.Item.When), nr, outcome)
	}
}

func cmpWriteAnswered(b *strings.Builder, title, column string, qs []AnsweredQuestion, none string) {
	fmt.Fprintf(b, "\n### %s\n\n", title)
	if len(qs) == 0 {
		b.WriteString(none + "\n")
		return
	}
	fmt.Fprintf(b, "| Nr | Vraag of deelpunt | %s |\n| --- | --- | --- |\n", column)
	for _, q := range qs {
		fmt.Fprintf(b, "| %s | %s | %s |\n", q.Number(), mdtext.Cell(cmpPartText(q.Question, q.PartID, q.PartLetter, q.PartText)), mdtext.Cell(q.Summary))
	}
}

func (c *Changes) writeUnknown(b *strings.Builder) {
	b.WriteString("\n### Vragen die niet in deze vragenset staan\n\n")
	if len(c.Unknown) == 0 {
		b.WriteString("Geen veranderingen: alle antwoorden horen bij vragen uit deze vragenset.\n")
		return
	}
	b.WriteString("Deze vragen komen uit een andere versie van de vragenset; ze zijn niet in detail vergeleken.\n\n")
	b.WriteString("| Code | Vraag | Vorig jaar | Dit jaar |\n| --- | --- | --- | --- |\n")
	for _, u := range c.Unknown {
		text := u.Text
		if text == "" {
			text = "(vraagtekst onbekend)"
		}
		fmt.Fprintf(b, "| `%s` | %s | %s | %s |\n", strings.ReplaceAll(u.ID, "`", "'"), mdtext.Cell(text), cmpUnknownState(u.Prior), cmpUnknownState(u.Current))
	}
}

func cmpUnknownState(a *sessions.Answer) string {
	switch {
	case a.Empty():
		return "niet beantwoord"
	case a.Status != sessions.StatusNone:
		return "beantwoord, " + a.Status.Label()
	}
	return "beantwoord"
}

// CompareMarkdown compares each report with the one before it, for a group
// that lays several years side by side.
func CompareMarkdown(set *content.Set, reports ...*sessions.Session) string {
	var b strings.Builder
	b.WriteString("# Vergelijking van gespreksverslagen\n")
	if len(reports) < 2 {
		b.WriteString("\nVergelijken kan pas met twee verslagen of meer.\n")
		return b.String()
	}
	for i := 1; i < len(reports); i++ {
		b.WriteString("\n")
		b.WriteString(Compare(set, reports[i-1], reports[i]).Markdown())
	}
	return b.String()
}

func cmpReportName(date, title string) string {
	name := "een verslag zonder datum"
	if date != "" {
		name = mdtext.Inline(mdtext.Date(date))
	}
	if title != "" {
		name += " (" + mdtext.Inline(title) + ")"
	}
	return name
}

func cmpSetName(id, version string) string {
	name := "(onbekend)"
	if id != "" {
		name = mdtext.Inline(id)
	}
	if version != "" {
		name += " (versie " + mdtext.Inline(version) + ")"
	}
	return name
}

func cmpVersion(v string) string {
	if v == "" {
		return "(onbekend)"
	}
	return mdtext.Inline(v)
}
