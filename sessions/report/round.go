package report

import (
	"strconv"
	"strings"
	"time"

	"gespreksmap/sessions"
)

// The writing round open when the report was written (Session.Round): a
// block of its own, written only while a round is open, so that a second
// terminal following the report (--presenter) shows the round and a
// conversation reopened after a crash goes on with it. It names the stop,
// when the round opened, whether its contributions were shown, and the
// organisations at the table that sent, one a line; the texts themselves
// are in the contributions block and the perspectives:
//
//	## Schrijfronde
//	<!-- gm:round -->
//	- **Bij vraag:** 3.1b <!-- gm:ref organiseren.afspraken#beoordeling -->
//	- **Geopend:** 2026-11-30 14:05
//	- **Getoond:** nee
//	- **Ingestuurd:**
//	  - Gemeente Tilburg
//	  - SWV Hart van Brabant

func (w *writer) round() {
	r := w.s.Round
	if r == nil || markerArg(r.QuestionID) == "" {
		// A round is at a stop; without one it cannot be read back.
		return
	}
	w.put(headRound + "\n" + markerLine(mRound, "") + "\n")
	w.metaLine(labelStop, w.stopRef(r.QuestionID, r.Part))
	opened := ""
	if !r.Opened.IsZero() {
		opened = r.Opened.Local().Format(updatedLayout)
	}
	w.metaLine(labelOpened, opened)
	shown := no
	if r.Revealed {
		shown = yes
	}
	w.metaLine(labelRevealed, shown)
	w.metaLine(labelSent, "")
	seen := map[string]bool{}
	for _, o := range r.Sent {
		// Each once, and none that reads back as nothing.
		if v := inline(o); v != "" && !seen[v] {
			seen[v] = true
			w.put(roundItem + v + "\n")
		}
	}
	w.put("\n")
}

// roundMarker starts the round block; one round a report.
func (p *parser) roundMarker() {
	p.s.Round = &sessions.RoundRecord{}
	p.roundAt, p.roundList = p.line, false
	p.roundSeen = map[string]int{}
	p.roundOrgs = map[string]int{}
}

// roundLine reads a line in the round block: one of its facts, or, after
// "Ingestuurd", an organisation that sent. Anything else is refused with
// its line.
func (p *parser) roundLine(raw, line string) error {
	r := p.s.Round
	if item, ok := roundListItem(raw); ok {
		if !p.roundList {
			return p.fail("'" + quoted(line) + "' hoort bij geen '" + labelSent + "'; de organisaties die instuurden staan ingesprongen onder '- **" + labelSent + ":**'")
		}
		org := lineValue(item)
		if org == "" {
			return p.fail("een lege regel bij '" + labelSent + "' van de schrijfronde; schrijf er de naam van een organisatie")
		}
		if first, dup := p.roundOrgs[org]; dup {
			return p.fail("'" + quoted(org) + "' staat twee keer bij '" + labelSent + "' van de schrijfronde (eerst op regel " + strconv.Itoa(first) + ")")
		}
		p.roundOrgs[org] = p.line
		r.Sent = append(r.Sent, org)
		return nil
	}
	rest, ok := strings.CutPrefix(line, "- **")
	if !ok {
		rest, ok = strings.CutPrefix(line, "* **")
	}
	label, value, found := strings.Cut(rest, ":**")
	if !ok || !found {
		return p.fail("onverwachte regel '" + quoted(line) + "' bij de schrijfronde; hier staan '- **" + labelStop + ":** …', '- **" + labelOpened + ":** …', '- **" + labelRevealed + ":** ja of nee' en '- **" + labelSent + ":**' met eronder ingesprongen de organisaties ('  - …')")
	}
	if first, dup := p.roundSeen[label]; dup {
		return p.fail("'" + quoted(label) + "' staat twee keer bij de schrijfronde (eerst op regel " + strconv.Itoa(first) + ")")
	}
	p.roundSeen[label] = p.line
	p.roundList = false
	value = strings.TrimSpace(value)
	switch label {
	case labelStop:
		id, part, err := p.stopRef(value)
		if err != nil {
			return err
		}
		if id == "" {
			return p.fail("'" + labelStop + "' van de schrijfronde noemt geen vraag; schrijf het nummer van de vraag, zoals 3.1b")
		}
		r.QuestionID, r.Part = id, part
	case labelOpened:
		if value == "" {
			return nil
		}
		t, err := time.ParseInLocation(updatedLayout, value, time.Local)
		if err != nil {
			return p.fail("'" + quoted(value) + "' bij " + labelOpened + " is geen datum en tijd zoals 2026-11-30 14:05")
		}
		r.Opened = t
	case labelRevealed:
		switch strings.ToLower(value) {
		case yes:
			r.Revealed = true
		case no:
			r.Revealed = false
		default:
			return p.fail("'" + quoted(value) + "' bij " + labelRevealed + ": schrijf " + yes + " of " + no)
		}
	case labelSent:
		if value != "" {
			return p.fail("'" + quoted(value) + "' naast " + labelSent + " van de schrijfronde: zet elke organisatie op een eigen regel eronder, ingesprongen ('  - …')")
		}
		p.roundList = true
	default:
		return p.fail("onbekend gegeven '" + quoted(label) + "' bij de schrijfronde (bekend zijn: " + strings.Join(roundLabels, ", ") + ")")
	}
	return nil
}

// roundListItem is the text of an indented list item ("  - Gemeente").
func roundListItem(raw string) (string, bool) {
	trimmed := strings.TrimLeft(raw, " \t")
	if len(trimmed) == len(raw) {
		return "", false
	}
	for _, bullet := range []string{"- ", "* "} {
		if rest, ok := strings.CutPrefix(trimmed, bullet); ok {
			return rest, true
		}
	}
	if t := strings.TrimRight(trimmed, " \t"); t == "-" || t == "*" {
		return "", true
	}
	return "", false
}

// roundComplete refuses a round block that names no stop: a round is at
// one, and without it nothing says where it was.
func (p *parser) roundComplete() error {
	if r := p.s.Round; r != nil && r.QuestionID == "" {
		return p.failAt(p.roundAt, "de schrijfronde ("+markerPrefix+mRound+" "+markerSuffix+") noemt geen vraag; zet eronder '- **"+labelStop+":** …' met het nummer van de vraag, of haal het blok weg")
	}
	return nil
}
