package report

import (
	"strconv"
	"strings"
	"time"

	"gespreksmap/sessions"
)

// The contributions participants sent from their own devices that the
// facilitator has not taken over: a block of its own, written only when
// there are any, so that none is lost when the program quits and each is
// offered again when the report is reopened. Each contribution is its
// marker with its id, its facts as a list and its text as a quote:
//
//	<!-- gm:contribution k7f2 -->
//	- **Organisatie:** Gemeente Tilburg
//	- **Bij vraag:** 3.1b <!-- gm:ref organiseren.afspraken#beoordeling -->
//	- **Ingestuurd:** 2026-11-30 14:05
//	- **Afhandeling:** wacht
//
//	> the text, as typed

func (w *writer) contributions() {
	if len(w.s.Contributions) == 0 {
		return
	}
	w.put(headContributions + "\n" + markerLine(mContributions, "") + "\n")
	ids := contributionIDs(w.s.Contributions)
	for i, k := range w.s.Contributions {
		w.put(markerLine(mContribution, ids[i]))
		w.metaLine(labelOrganisation, inline(k.Organisation))
		w.metaLine(labelStop, w.stopRef(k.QuestionID, k.Part))
		at := ""
		if !k.At.IsZero() {
			at = k.At.Local().Format(updatedLayout)
		}
		w.metaLine(labelSent, at)
		w.metaLine(labelHandling, k.State.Label())
		w.put("\n")
		w.quote(k.Text)
	}
}

// contributionIDs are the ids written for the contributions: their own.
// An id that cannot be read back (not one sessions.ValidContributionID
// allows) or that an earlier contribution has already gets a new one,
// "bijdrage-N", so that the report stays readable and each contribution
// keeps its text. The conversation's Receive never makes such an id.
func contributionIDs(ks []sessions.Contribution) []string {
	ids := make([]string, len(ks))
	used := make(map[string]bool, len(ks))
	for _, k := range ks {
		used[k.ID] = true
	}
	taken := make(map[string]bool, len(ks))
	n := 0
	for i, k := range ks {
		id := k.ID
		if !sessions.ValidContributionID(id) || taken[id] {
			for {
				n++
				id = "bijdrage-" + strconv.Itoa(n)
				if !used[id] {
					break
				}
			}
		}
		taken[id], ids[i] = true, id
	}
	return ids
}

// contributionMarker starts a contribution at its marker. Only in the
// contributions block, with an id the conversation can use, each id once;
// a heading of one's own above it would be lost, so it is refused.
func (p *parser) contributionMarker(arg string, heading *heldLine) error {
	if heading != nil {
		// The block's own heading without its marker, or another block's.
		if err := p.headingFits(heading, mContribution, arg); err != nil {
			return err
		}
		return p.failAt(heading.line, "de kop '"+quoted(heading.text)+"' hoort bij geen vraag en zou bij de volgende keer bewaren verdwijnen; haal hem weg")
	}
	switch {
	case p.region != inContributions:
		return p.fail("<!-- gm:" + mContribution + " " + quoted(arg) + " --> staat niet onder '" + headContributions + "' met " + markerPrefix + mContributions + " " + markerSuffix)
	case !sessions.ValidContributionID(arg):
		return p.fail("'" + quoted(arg) + "' is geen id van een bijdrage: alleen letters, cijfers, - en _, hoogstens " + strconv.Itoa(sessions.MaxContributionID) + " tekens")
	}
	key := mContribution + " " + arg
	if first, dup := p.seen[key]; dup {
		return p.fail("de bijdrage " + quoted(arg) + " staat twee keer in het verslag (eerst op regel " + strconv.Itoa(first) + ")")
	}
	p.seen[key] = p.line
	p.s.Contributions = append(p.s.Contributions, sessions.Contribution{ID: arg})
	p.contrib = len(p.s.Contributions) - 1
	p.contribSeen = map[string]int{}
	return nil
}

// contributionLine reads a line in the contributions block: a fact of the
// contribution above it, or its text as a quote. Anything else is refused
// with its line: there is no answer here to keep it in.
func (p *parser) contributionLine(raw, line string) error {
	if text, ok := quoteContent(raw); ok {
		if p.contrib < 0 {
			return p.fail("deze tekst in een citaat hoort bij geen bijdrage; zet hem onder een " + markerPrefix + mContribution + " id " + markerSuffix)
		}
		p.quoting, p.quoteTarget = true, toContribution
		p.quoteLines = append(p.quoteLines[:0], text)
		p.quoteOpen = strings.TrimSpace(text) != ""
		return nil
	}
	rest, ok := strings.CutPrefix(line, "- **")
	if !ok {
		rest, ok = strings.CutPrefix(line, "* **")
	}
	label, value, found := strings.Cut(rest, ":**")
	if !ok || !found {
		return p.fail("onverwachte regel '" + quoted(line) + "' bij de bijdragen van deelnemers; hier staan per bijdrage '- **Organisatie:** …', '- **" + labelStop + ":** …', '- **" + labelSent + ":** …', '- **" + labelHandling + ":** …' en de tekst als citaat (> )")
	}
	if p.contrib < 0 {
		return p.fail("'" + quoted(line) + "' hoort bij geen bijdrage; zet het onder een " + markerPrefix + mContribution + " id " + markerSuffix)
	}
	if first, dup := p.contribSeen[label]; dup {
		return p.fail("'" + quoted(label) + "' staat twee keer bij dezelfde bijdrage (eerst op regel " + strconv.Itoa(first) + ")")
	}
	p.contribSeen[label] = p.line
	value = strings.TrimSpace(value)
	k := &p.s.Contributions[p.contrib]
	switch label {
	case labelOrganisation:
		k.Organisation = lineValue(value)
	case labelStop:
		id, part, err := p.stopRef(value)
		if err != nil {
			return err
		}
		k.QuestionID, k.Part = id, part
	case labelSent:
		if value == "" {
			return nil
		}
		t, err := time.ParseInLocation(updatedLayout, value, time.Local)
		if err != nil {
			return p.fail("'" + quoted(value) + "' bij " + labelSent + " is geen datum en tijd zoals 2026-11-30 14:05")
		}
		k.At = t
	case labelHandling:
		st, ok := sessions.ParseContributionState(value)
		if !ok {
			return p.fail("'" + quoted(value) + "' bij " + labelHandling + ": schrijf " + orList(sessions.ContributionStateWords()))
		}
		k.State = st
	default:
		return p.fail("onbekend gegeven '" + quoted(label) + "' bij een bijdrage (bekend zijn: " + strings.Join(contributionLabels, ", ") + ")")
	}
	return nil
}
