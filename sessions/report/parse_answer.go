package report

import (
	"errors"
	"strings"

	"gespreksmap/sessions"
	"gespreksmap/sessions/mdtext"
)

// outsideQuestion handles a line in a section before its first question, or
// between the metadata and the first section. Only derived lines stand
// there; anything else has no place to be kept and is refused.
func (p *parser) outsideQuestion(line, after string) error {
	switch {
	case strings.HasPrefix(line, standPrefix), line == unknownNote:
		return nil // derived summary of the section, or the note on unknown questions
	case italic(line) && p.centralNote(line, after):
		return nil // the section's central question
	case line[0] == '>':
		return p.fail("deze tekst in een citaat hoort bij geen enkele vraag; zet hem onder een <!-- gm:question id -->")
	}
	return p.fail("onverwachte regel '" + quoted(line) + "'; hier verwacht het verslag een vraag (<!-- gm:question id -->). Zet tekst als citaat (> ) bij een vraag, of haal hem weg")
}

func italic(line string) bool {
	return len(line) > 2 && line[0] == '*' && line[1] != '*' && strings.HasSuffix(line, "*")
}

func bold(line string) bool {
	return len(line) > 4 && strings.HasPrefix(line, "**") && strings.HasSuffix(line, "**")
}

// centralNote reports whether an italic line is the derived central
// field of the section: exactly as the set has it (also with a label that
// earlier reports wrote), or, for a report of another set version, the
// italic line directly under the section marker.
func (p *parser) centralNote(line, after string) bool {
	sec := p.set.Section(p.sectionID)
	if !p.sameSet || sec == nil {
		return after == mSection
	}
	if line == centralLine(sec) {
		return true
	}
	c, ok := strings.CutSuffix(line, "*")
	if !ok {
		return false
	}
	for _, prefix := range oldCentralPrefixes {
		if rest, ok := strings.CutPrefix(c, prefix); ok && rest == inline(sec.Central) {
			return true
		}
	}
	return false
}

// derivedNote reports whether an italic line in a question is derived: the
// list of a question's sub-points under its marker, or what a sub-point can
// cover under its marker. With the report's own set it must be exactly
// that; with another version of the set, or for a question the set does
// not know, any italic line there is taken for it.
func (p *parser) derivedNote(line, after string) bool {
	if after != mQuestion && after != mPart {
		return false
	}
	if !p.sameSet || p.q == nil {
		return true
	}
	points := p.q.Parts()
	if after == mQuestion {
		return len(points) > 0 && line == pointsNoteLine(points)
	}
	for _, pt := range points {
		if pt.ID == p.partID {
			return len(pt.Bullets) > 0 && line == bulletsLine(pt.Bullets)
		}
	}
	return false
}

// setLabel reports whether a bold line is the set's label above the joint
// answer: exactly as the set has it. For a report of another set version,
// or a question the set does not know, held is true instead: the line is
// the label if the answer's quote follows it (resolveLabel).
func (p *parser) setLabel(line string) (derived, held bool) {
	if p.target != toAnswer {
		return false, false
	}
	if !p.sameSet || p.q == nil {
		return false, p.a.Text == ""
	}
	for _, l := range textLabels(p.q) {
		if l == line {
			return true, false
		}
	}
	return false, false
}

// questionLine handles a line inside a question block. What a person typed
// outside a quote is kept as text of the answer being read; a line of a
// shape the format gives meaning to, but without its marker, is refused,
// since keeping it as text would change what it records.
func (p *parser) questionLine(raw, line, after string) error {
	if content, ok := quoteContent(raw); ok {
		p.quoting, p.quoteTarget = true, p.target
		p.quoteLines = append(p.quoteLines[:0], content)
		p.quoteOpen = strings.TrimSpace(content) != ""
		return nil
	}
	if strings.HasSuffix(line, "-->") {
		if i := strings.LastIndex(line, "<!-- gm:"); i > 0 {
			return p.inlineMarker(strings.TrimRight(line[:i], " \t"), line[i:])
		}
	}
	switch {
	case line == notDiscussed:
		return nil
	case strings.HasPrefix(line, statusPrefix):
		return p.statusLine(strings.TrimSpace(line[len(statusPrefix):]))
	case strings.HasPrefix(line, totalPrefix):
		return nil // derived total of a counts question
	case strings.HasPrefix(line, indicativePrefix):
		return nil // derived result of a counts question's norms
	case strings.HasPrefix(line, perspectivePrefix):
		return p.fail("'" + quoted(line) + "' mist " + markerPrefix + mPerspective + " " + markerSuffix + " aan het eind; zonder die markering komt het perspectief bij het antwoord erboven terecht. Zet de markering terug")
	case bold(line):
		switch derived, held := p.setLabel(line); {
		case derived:
			return nil
		case held:
			p.label = &heldLine{text: raw, line: p.line}
			return nil
		}
	case italic(line) && p.derivedNote(line, after):
		return nil
	case strings.HasPrefix(line, "- [x]") || strings.HasPrefix(line, "- [X]") || strings.HasPrefix(line, "- [ ]"):
		return p.fail("'" + quoted(line) + "' mist " + markerPrefix + mChoice + " id " + markerSuffix + " aan het eind; zet de markering terug, of zet tekst als citaat (> )")
	}
	if _, _, ok := boldValue(line); ok {
		return p.fail("'" + quoted(line) + "' mist een markering aan het eind (" + markerPrefix + mPartner + " id " + markerSuffix + " of " + markerPrefix + mCount + " id " + markerSuffix + "); zet de markering terug, of zet tekst als citaat (> )")
	}
	p.keepText(raw, true)
	return nil
}

func (p *parser) statusLine(word string) error {
	st, ok := sessions.ParseStatus(mdtext.Unescape(word))
	if !ok {
		return p.fail("onbekende status '" + quoted(word) + "' (kies uit: " + strings.Join(sessions.StatusWords(), ", ") + ")")
	}
	if p.target == toPerspective {
		return p.fail("een perspectief heeft geen eigen status; zet de status boven het gezamenlijke antwoord")
	}
	if p.statusSeen {
		return p.fail("een tweede status voor hetzelfde antwoord")
	}
	p.statusSeen = true
	if p.target == toPart {
		p.part.Status = st
	} else {
		p.a.Status = st
	}
	return nil
}

// boldValue splits "- LABEL: **VALUE**" into its label and value.
func boldValue(body string) (label, value string, ok bool) {
	rest, ok := strings.CutPrefix(body, "- ")
	if !ok {
		rest, ok = strings.CutPrefix(body, "* ")
	}
	if !ok || !strings.HasSuffix(rest, "**") || len(rest) < 4 {
		return "", "", false
	}
	rest = rest[:len(rest)-2]
	i := strings.LastIndex(rest, "**")
	if i < 0 {
		return "", "", false
	}
	label, ok = strings.CutSuffix(strings.TrimRight(rest[:i], " "), ":")
	return strings.TrimSpace(label), strings.TrimSpace(rest[i+2:]), ok
}

func (p *parser) inlineMarker(body, marker string) error {
	name, arg, ok := parseMarker(marker)
	if !ok {
		return p.fail("onleesbare markering " + quoted(marker))
	}
	needsArg := name == mPartner || name == mCount || name == mChoice || name == mRef
	switch {
	case !inlineMarkers[name]:
		if structuralMarkers[name] || name == "part" || name == "meta" || name == "derived" {
			return p.fail("de markering <!-- gm:" + quoted(name) + " --> hoort op een eigen regel")
		}
		return p.fail("onbekende markering <!-- gm:" + quoted(name) + " -->")
	case needsArg && arg == "":
		return p.fail("de markering <!-- gm:" + quoted(name) + " --> mist een id")
	case !needsArg && arg != "":
		return p.fail("de markering <!-- gm:" + quoted(name) + " --> heeft geen id")
	}
	a := p.a
	switch name {
	case mRef:
		return p.fail("de markering <!-- gm:" + quoted(name) + " --> hoort in de kolom Bij vraag van een actiepunt, of bij 'Verder bij vraag'")
	case "perspective":
		org, ok := strings.CutPrefix(body, perspectivePrefix)
		if ok {
			org, ok = strings.CutSuffix(org, ":**")
		}
		if !ok {
			return p.fail("verwacht '**Perspectief van Organisatie:**' voor <!-- gm:perspective -->")
		}
		// In version 1 every perspective belonged to the question as a whole.
		persp := sessions.Perspective{Organisation: lineValue(strings.TrimSpace(org))}
		if p.version >= 2 {
			persp.Part = p.partID
		}
		a.Perspectives = append(a.Perspectives, persp)
		p.target, p.persp = toPerspective, len(a.Perspectives)-1
	case "partner", "other":
		label, word, ok := boldValue(body)
		if !ok {
			return p.fail("verwacht '- Partner: **werken samen**' voor de markering")
		}
		st, ok := sessions.ParsePartnerState(mdtext.Unescape(word))
		if !ok {
			return p.fail("onbekende stand '" + quoted(word) + "' (kies uit: " + strings.Join(sessions.PartnerStateWords(), ", ") + ")")
		}
		if name == "other" {
			n, ok := strings.CutPrefix(label, otherPrefix)
			if !ok {
				return p.fail("een andere partner staat als '- Anders: Naam: **werken samen**'")
			}
			a.OtherPartners = append(a.OtherPartners, sessions.OtherPartner{Name: lineValue(strings.TrimSpace(n)), State: st})
			return nil
		}
		if p.partnerSeen[arg] {
			return p.fail("partner " + quoted(arg) + " staat twee keer bij deze vraag")
		}
		p.partnerSeen[arg] = true
		if st != sessions.PartnerUnknown {
			if a.Partners == nil {
				a.Partners = map[string]sessions.PartnerState{}
			}
			a.Partners[arg] = st
		}
	case "count":
		_, word, ok := boldValue(body)
		if !ok {
			return p.fail("verwacht '- Categorie: **12**' voor de markering")
		}
		if p.countSeen[arg] {
			return p.fail("aantal " + quoted(arg) + " staat twee keer bij deze vraag")
		}
		p.countSeen[arg] = true
		if word == "" || strings.EqualFold(word, countEmpty) {
			return nil
		}
		// The core's own rule for a typed count: digits only (no sign),
		// at most MaxCount, so that no total can overflow.
		n, err := sessions.ParseCount(word)
		switch {
		case errors.Is(err, sessions.ErrCountNegative):
			return p.fail("'" + quoted(word) + "' is geen aantal; een aantal is 0 of meer")
		case errors.Is(err, sessions.ErrCountTooLarge):
			return p.fail("'" + quoted(word) + "' is geen aantal; " + err.Error())
		case err != nil:
			return p.fail("'" + quoted(word) + "' is geen aantal; schrijf een heel getal zonder teken, of 'niet ingevuld'")
		}
		if a.Counts == nil {
			a.Counts = map[string]int{}
		}
		a.Counts[arg] = n
	case "choice":
		marked := false
		switch {
		case strings.HasPrefix(body, "- [x]") || strings.HasPrefix(body, "- [X]"):
			marked = true
		case strings.HasPrefix(body, "- [ ]"):
		default:
			return p.fail("een keuze staat als '- [x] Ja' (gekozen) of '- [ ] Nee'")
		}
		if p.choiceSeen[arg] {
			return p.fail("keuze " + quoted(arg) + " staat twee keer bij deze vraag")
		}
		p.choiceSeen[arg] = true
		if marked {
			if p.choiceMarked {
				return p.fail("meer dan één keuze aangekruist; kruis er één aan met [x]")
			}
			p.choiceMarked = true
			a.Choice = arg
		}
	}
	return nil
}
