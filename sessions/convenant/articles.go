package convenant

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"gespreksmap/content"
	"gespreksmap/sessions"
)

func (d *drafter) writeConsiderations(b *strings.Builder) {
	b.WriteString("## Overwegingen\n\n")
	n := 0
	for _, e := range d.m.Considerations {
		u := d.byRef[e.Unit]
		if u == nil || u.status == sessions.StatusNA || !u.hasContent() {
			continue
		}
		if n == 0 {
			b.WriteString("Partijen nemen het volgende in overweging.\n\n")
		}
		fmt.Fprintf(b, "### %s. %s\n\n", considerationLetter(n), inline(e.Title))
		// A consideration may rest on an answer that is not (yet) agreed:
		// the reader must see that it states where the talk stood, not a
		// promise.
		stand := ""
		if u.status != sessions.StatusDone {
			stand = " (stand in het gesprek: " + u.status.Label() + ")"
		}
		fmt.Fprintf(b, "Bij vraag %s%s: %s", u.number, stand, asked(u))
		d.writeAnswer(b, u, "overweging "+considerationLetter(n))
		n++
	}
	if n == 0 {
		b.WriteString(Placeholder("overwegingen: waarom partijen samenwerken en welke gezamenlijke visie zij hebben") + "\n\n")
	}
}

func considerationLetter(i int) string {
	if i < 26 {
		return string(rune('A' + i))
	}
	return strconv.Itoa(i + 1)
}

func (d *drafter) writeDefinitions(b *strings.Builder, text string) {
	b.WriteString("## Begripsbepalingen\n\nIn dit convenant wordt verstaan onder:\n\n")
	skip := map[*content.Term]bool{}
	var own []string // written for the convenant, not taken from the glossary
	for _, def := range d.m.Definitions {
		fmt.Fprintf(b, "- **%s**: %s\n", inline(def.Term), inline(def.Explanation))
		own = append(own, inline(def.Term))
		if t := d.set.Term(def.Term); t != nil {
			skip[t] = true
		}
	}
	terms := d.set.TermsIn(text)
	sort.SliceStable(terms, func(i, j int) bool { return strings.ToLower(terms[i].Term) < strings.ToLower(terms[j].Term) })
	fromGlossary := false
	for _, t := range terms {
		if skip[t] {
			continue
		}
		name := "**" + inline(t.Term) + "**"
		if t.Full != "" && !strings.EqualFold(t.Full, t.Term) {
			name += " (" + inline(t.Full) + ")"
		}
		fmt.Fprintf(b, "- %s: %s\n", name, inline(t.Explanation))
		fromGlossary = true
	}
	if len(d.m.Definitions) == 0 && len(terms) == 0 {
		b.WriteString("- " + Placeholder("begrippen die in dit convenant een vaste betekenis hebben") + "\n")
	}
	b.WriteString("\n")
	if fromGlossary {
		// The glossary explains in plain words for parents, sometimes with
		// a claim; that is a start, not a legal definition.
		which := "de omschrijvingen hierboven"
		if len(own) > 0 {
			which += ", behalve die van " + andList(own)
		}
		b.WriteString(Placeholder("juridische formulering van "+which+": partijen stellen die vast, "+
			"want deze komen uit de begrippenlijst van de Gespreksmap, in gewone taal geschreven") + "\n\n")
	}
}

func (d *drafter) writeChapter(b *strings.Builder, title string, entries []content.ConvenantEntry, always bool) {
	var agreed []content.ConvenantEntry
	for _, e := range entries {
		if d.byRef[e.Unit].status == sessions.StatusDone {
			agreed = append(agreed, e)
		}
	}
	if len(agreed) == 0 && !always {
		return
	}
	d.ch++
	fmt.Fprintf(b, "## Hoofdstuk %d. %s\n\n", d.ch, inline(title))
	if len(agreed) == 0 {
		// Agreed answers of this domain may have gone to the considerations
		// or elsewhere, so only say what is true of this chapter itself.
		fmt.Fprintf(b, "%s Geen afspraak uit het gesprek is in dit hoofdstuk als artikel opgenomen. Zie ook de overwegingen en de bijlage.\n\n",
			Placeholder("afspraken over "+strings.ToLower(inline(title))))
		return
	}
	for _, e := range agreed {
		u := d.byRef[e.Unit]
		d.art++
		fmt.Fprintf(b, "### Artikel %d. %s\n\n", d.art, inline(e.Title))
		fmt.Fprintf(b, "Partijen spreken het volgende af, zoals vastgelegd bij vraag %s: %s", u.number, asked(u))
		where := fmt.Sprintf("artikel %d", d.art)
		if !u.hasContent() {
			b.WriteString(Placeholder("de tekst van deze afspraak; in het gesprek is alleen vastgelegd dat dit geregeld is") + "\n\n")
			d.writePerspectives(b, u, where)
			continue
		}
		d.writeAnswer(b, u, where)
	}
}

func (d *drafter) writeDisputes(b *strings.Builder) {
	// The Gespreksmap asks how a disagreement about a child's care is
	// settled; a convenant also needs how the parties settle theirs.
	defer func() {
		d.art++
		fmt.Fprintf(b, "### Artikel %d. Geschillen tussen partijen\n\n%s\n\n", d.art,
			Placeholder("hoe partijen een geschil over de uitleg of uitvoering van dit convenant oplossen, bijvoorbeeld eerst in overleg tussen de bestuurders en daarna met bemiddeling"))
	}()
	d.ch++
	fmt.Fprintf(b, "## Hoofdstuk %d. Geschillen\n\n", d.ch)
	d.art++
	fmt.Fprintf(b, "### Artikel %d. Verschil van mening over zorg en ondersteuning\n\n", d.art)
	u := d.byRef[d.m.Disputes]
	if u != nil && u.status == sessions.StatusDone && u.hasContent() {
		fmt.Fprintf(b, "Partijen spreken het volgende af, zoals vastgelegd bij vraag %s: %s", u.number, asked(u))
		d.writeAnswer(b, u, fmt.Sprintf("artikel %d", d.art))
		return
	}
	b.WriteString(Placeholder("hoe partijen omgaan met een verschil van mening en wie beslist") + "\n\n")
	if u != nil && u.status == sessions.StatusDone {
		fmt.Fprintf(b, "In het gesprek is bij vraag %s alleen vastgelegd dat dit geregeld is, zonder de afspraak zelf.\n\n", u.number)
	} else if u != nil && u.status == sessions.StatusNA {
		fmt.Fprintf(b, "In het gesprek is dit bij vraag %s als niet van toepassing gemarkeerd.\n\n", u.number)
	} else if u != nil {
		fmt.Fprintf(b, "Dit is in het gesprek nog niet geregeld (vraag %s, stand: %s); zie de bijlage.\n\n", u.number, u.status.Label())
	}
}

// writePrivacy: the agreements concern children and their families, so
// sharing their data needs an article of its own, for the parties' privacy
// officers to fill in.
func (d *drafter) writePrivacy(b *strings.Builder) {
	d.ch++
	fmt.Fprintf(b, "## Hoofdstuk %d. Gegevens en privacy\n\n", d.ch)
	d.art++
	fmt.Fprintf(b, "### Artikel %d. Delen van gegevens\n\n%s\n\n", d.art,
		Placeholder("welke gegevens over kinderen en ouders partijen met elkaar delen, met welk doel en op welke grondslag (AVG), met toestemming van ouders waar dat nodig is, en hoe partijen die gegevens beschermen"))
}

func (d *drafter) writeFinal(b *strings.Builder) {
	d.ch++
	fmt.Fprintf(b, "## Hoofdstuk %d. Looptijd, wijziging, opzegging en toetreding\n\n", d.ch)
	articles := []struct{ title, text string }{
		{"Looptijd", "Dit convenant gaat in op " + Placeholder("datum van ingang") + " en loopt tot " +
			Placeholder("einddatum of looptijd") + ". " + Placeholder("of en hoe het convenant daarna wordt verlengd")},
		{"Wijziging", Placeholder("hoe partijen dit convenant kunnen wijzigen, bijvoorbeeld schriftelijk en met instemming van alle partijen")},
		{"Opzegging", Placeholder("of en hoe een partij dit convenant kan opzeggen, met welke termijn")},
		{"Toetreding", Placeholder("hoe een nieuwe partij tot dit convenant kan toetreden")},
	}
	for _, a := range articles {
		d.art++
		fmt.Fprintf(b, "### Artikel %d. %s\n\n%s\n\n", d.art, a.title, a.text)
	}
}

func (d *drafter) writeSignatures(b *strings.Builder) {
	b.WriteString("## Ondertekening\n\nAldus overeengekomen en ondertekend.\n\n")
	parties := d.parties()
	if len(parties) == 0 {
		parties = []*party{{name: Placeholder("naam van de partij"), ref: "deze partij"}}
	}
	for _, p := range parties {
		fmt.Fprintf(b, "### Voor %s\n\n", p.name)
		signers := p.signers
		if len(signers) == 0 {
			signers = []sessions.Participant{{}}
		}
		for i, s := range signers {
			if len(signers) > 1 {
				fmt.Fprintf(b, "Ondertekenaar %d:\n\n", i+1)
			}
			name, fn := inline(s.Name), function(s)
			if name == "" {
				name = Placeholder("naam van wie voor " + p.ref + " tekent")
				fn = Placeholder("functie")
			}
			fmt.Fprintf(b, "- Naam: %s\n- Functie: %s\n- Plaats: %s\n- Datum: %s\n- Handtekening: ______________________________\n\n",
				name, fn, Placeholder("plaats"), Placeholder("datum"))
		}
	}
}
