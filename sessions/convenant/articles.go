package convenant

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"gespreksmap/content"
	"gespreksmap/sessions"
)

func itoa(n int) string { return strconv.Itoa(n) }

// writeConsiderations states the considerations as one sentence: "Partijen,
// overwegende: dat …; dat …; komen het volgende overeen:". A consideration
// drawn from a unit is stated when that unit was answered; the answer
// itself is quoted in bijlage 1, not here.
func (d *drafter) writeConsiderations(b *strings.Builder) {
	b.WriteString("## Overwegingen\n\n")
	d.considered = map[content.ConvenantUnit]int{}
	var clauses []string
	for _, c := range d.m.Considerations {
		text := d.render(c.Text, nil)
		if !c.Unit.IsZero() {
			u := d.byRef[c.Unit]
			if u == nil || u.status == sessions.StatusNA || !u.hasContent() {
				continue
			}
			d.considered[c.Unit] = len(clauses) + 1
			text += " (zie bijlage 1)"
		}
		clauses = append(clauses, text)
	}
	if len(clauses) == 0 {
		clauses = append(clauses, Placeholder("overwegingen: waarom partijen samenwerken en welke gezamenlijke visie zij hebben"))
	}
	b.WriteString("Partijen,\n\noverwegende:\n\n")
	for i, c := range clauses {
		fmt.Fprintf(b, "%d. dat %s;\n", i+1, c)
	}
	b.WriteString("\nkomen het volgende overeen:\n\n")
}

func (d *drafter) writeArticle(b *strings.Builder, a article) {
	switch {
	case a.std != nil:
		d.writeStandard(b, a)
	case a.empty != "":
		fmt.Fprintf(b, "### Artikel %d. %s\n\n", a.num, inline(a.empty))
		// Agreed answers of this domain may have gone to the considerations
		// or elsewhere, so only say what is true of this chapter itself.
		fmt.Fprintf(b, "%s Geen afspraak uit het gesprek is in dit hoofdstuk als artikel opgenomen; zie ook de overwegingen en bijlage 2.\n\n",
			Placeholder("afspraken over "+strings.ToLower(a.empty)))
	default:
		d.writeAgreement(b, a)
	}
}

// writeStandard writes a standard article: the mark that it is standard
// wording, its leden (numbered when there are two or more), the
// definitions where they belong, and a table per party where it has one.
func (d *drafter) writeStandard(b *strings.Builder, a article) {
	art := a.std
	fmt.Fprintf(b, "### Artikel %d. %s\n\n", a.num, inline(art.Heading))
	if d.m.StandardNote != "" {
		fmt.Fprintf(b, "*%s*\n\n", d.render(d.m.StandardNote, nil))
	}
	if len(art.Paragraphs) == 1 {
		b.WriteString(leadSafe(d.render(art.Paragraphs[0], nil)) + "\n\n")
	} else {
		for i, p := range art.Paragraphs {
			fmt.Fprintf(b, "%d. %s\n", i+1, d.render(p, nil))
		}
		b.WriteString("\n")
	}
	if art.WithDefinitions {
		b.WriteString(defsMark)
	}
	if t := art.PartyTable; t != nil {
		var cols []string
		for _, c := range t.Columns {
			cols = append(cols, d.render(c, nil))
		}
		b.WriteString("| " + strings.Join(cols, " | ") + " |\n|" + strings.Repeat(" --- |", len(cols)) + "\n")
		parties := d.parties
		if len(parties) == 0 {
			parties = []*org{{Organisation: Organisation{Name: "partij", Person: true}}}
		}
		for _, p := range parties {
			var cells []string
			for _, c := range t.Row {
				cells = append(cells, d.render(c, p))
			}
			b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
		}
		b.WriteString("\n")
	}
}

// leadSafe keeps a paragraph that starts like a list item or a rule a
// paragraph.
func leadSafe(s string) string {
	if i := strings.IndexAny(s, " "); i > 0 && (emptyItem.MatchString(s[:i]) || setextOrBreak.MatchString(s[:i])) {
		return `\` + s
	}
	if emptyItem.MatchString(s) || setextOrBreak.MatchString(s) {
		return `\` + s
	}
	return s
}

// writeAgreement writes an agreement in the words of the conversation,
// with where it comes from and the perspectives recorded beside it.
func (d *drafter) writeAgreement(b *strings.Builder, a article) {
	u := d.byRef[a.entry.Unit]
	fmt.Fprintf(b, "### Artikel %d. %s\n\n", a.num, inline(a.entry.Title))
	where := fmt.Sprintf("artikel %d", a.num)
	if !u.hasContent() {
		b.WriteString(Placeholder("de tekst van deze afspraak; in het gesprek is alleen vastgelegd dat dit geregeld is") + "\n\n")
	} else if text := agreedText(u); text != "" {
		// An article states the agreement, not the question it answered:
		// for a choice with words of its own, the words are the agreement
		// (the question stays in the line below and in the annex).
		writeText(b, text)
	} else {
		d.writeAnswerOnly(b, u)
	}
	fmt.Fprintf(b, "*Afspraak uit het gesprek, bij vraag %s.*\n\n", u.number)
	d.writePerspectives(b, u, where, nil)
}

// agreedText is the words typed with a choice, when the unit is a whole
// choice question answered with a choice and words; "" otherwise.
func agreedText(u *unit) string {
	if u.ref.Part != "" || u.answer == nil || u.q.Kind != content.KindChoice || u.answer.Choice == "" {
		return ""
	}
	return strings.TrimSpace(u.answer.Text)
}

// definition is one entry of the Begripsbepalingen.
type definition struct {
	term, full, explanation string
	plain                   bool // from the glossary, in plain words
}

// definitions writes the Begripsbepalingen: the mapping's own definitions
// and the glossary's terms, each only when text uses it, in alphabetical
// order, as one sentence that ends in a full stop.
func (d *drafter) definitions(text string) string {
	var defs []definition
	skip := map[*content.Term]bool{}
	for _, def := range d.m.Definitions {
		names := append([]string{def.Term}, def.Aliases...)
		for _, n := range names {
			if t := d.set.Term(n); t != nil {
				skip[t] = true
			}
		}
		probe := content.Set{Glossary: []content.Term{{Term: def.Term, Aliases: def.Aliases}}}
		if len(probe.TermsIn(text)) > 0 {
			defs = append(defs, definition{term: def.Term, explanation: d.render(def.Explanation, nil)})
		}
	}
	for _, t := range d.set.TermsIn(text) {
		if skip[t] {
			continue
		}
		def := definition{term: t.Term, explanation: inline(t.Explanation), plain: true}
		if t.Full != "" && !strings.EqualFold(t.Full, t.Term) {
			def.full = t.Full
		}
		defs = append(defs, def)
	}
	sort.SliceStable(defs, func(i, j int) bool { return strings.ToLower(defs[i].term) < strings.ToLower(defs[j].term) })
	var b strings.Builder
	if len(defs) == 0 {
		b.WriteString("- " + Placeholder("begrippen die in dit convenant een vaste betekenis hebben") + "\n\n")
		return b.String()
	}
	var plain []string
	for i, def := range defs {
		name := "**" + inline(def.term) + "**"
		if def.full != "" {
			name += " (" + inline(def.full) + ")"
		}
		text := strings.TrimRight(def.explanation, ".;")
		end := ";"
		switch {
		case strings.HasSuffix(text, "?"):
			// A plain-language explanation may end in a question.
			end = ""
		case i == len(defs)-1:
			end = "."
		}
		fmt.Fprintf(&b, "- %s: %s%s\n", name, lowerFirst(text), end)
		if def.plain {
			plain = append(plain, inline(def.term))
		}
	}
	b.WriteString("\n")
	if len(plain) > 0 {
		// The glossary explains in plain words for everyone at the table,
		// sometimes with a claim; that is a start, not a legal definition.
		b.WriteString(Placeholder("juridische omschrijving vaststellen van "+andList(plain)+
			"; deze omschrijvingen zijn in gewone taal geschreven, voor iedereen aan tafel") + "\n\n")
	}
	return b.String()
}

// lowerFirst starts a definition in lower case, as it continues the
// sentence "In dit convenant wordt verstaan onder:"; a word in capitals (an
// abbreviation such as CIZ) keeps them.
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || !unicode.IsUpper(r) {
		return s
	}
	if next, _ := utf8.DecodeRuneInString(s[n:]); !unicode.IsLower(next) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}
