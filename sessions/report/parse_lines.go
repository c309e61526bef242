package report

import (
	"strconv"
	"strings"
)

// Lines a person may add or break in a text editor: headings that lost
// their marker, notes among derived lines, text outside a quote. Each is
// kept where it has a natural place or refused with its line, so that no
// word is dropped or moved to another question on the next save.

// heldLine is a line whose meaning the next line decides.
type heldLine struct {
	text string
	line int
}

// blockHeading names the marker that must follow a heading of the shape the
// writer gives a block ("" for another heading): a fixed block heading, a
// section ("## 1. "), a question ("### 1.2 ") or a sub-point ("#### b. ").
func blockHeading(line string) string {
	switch line {
	case headOverview:
		return mDerived
	case headParticipants:
		return mParticipants
	case headUnknown:
		return mUnknown
	case headPriorActions:
		return mPriorActions
	case headActions:
		return mActions
	case headAgenda:
		return mAgenda
	case headParked:
		return mParked
	case headClosing:
		return mClosing
	case headContributions:
		return mContributions
	case headRound:
		return mRound
	}
	text, _ := headingText(line)
	switch {
	case strings.HasPrefix(line, "## ") && numberedItem(text, "0123456789"):
		return mSection
	case strings.HasPrefix(line, "### ") && headingNumberLen(text) > 0:
		return mQuestion
	case strings.HasPrefix(line, "#### ") && numberedItem(text, "abcdefghijklmnopqrstuvwxyz"):
		return mPart
	}
	return ""
}

// numberedItem reports whether s starts with a run of chars, ". " and text.
func numberedItem(s, chars string) bool {
	n := len(s) - len(strings.TrimLeft(s, chars))
	return n > 0 && strings.HasPrefix(s[n:], ". ")
}

// headingWithoutMarker handles a heading that no marker line follows: a
// heading of a block lost its marker (what follows would land in the block
// above), so it is refused; a heading of a person's own inside a question is
// kept as text of that answer; anywhere else it is refused.
func (p *parser) headingWithoutMarker() error {
	h := p.heading
	p.heading = nil
	if name := blockHeading(h.text); name != "" {
		return p.failAt(h.line, "onder de kop '"+quoted(h.text)+"' ontbreekt de regel "+p.markerHint(name, h.text)+
			"; zonder die regel komt wat eronder staat bij het blok erboven terecht. Zet de regel direct onder de kop terug, of haal de kop weg")
	}
	if p.a != nil && p.region == inBody {
		p.keepText(h.text, false)
		p.flushQuote()
		return nil
	}
	return p.failAt(h.line, "de kop '"+quoted(h.text)+"' hoort bij geen vraag en zou bij de volgende keer bewaren verdwijnen; zet hem met de tekst eronder als citaat (> ) bij een vraag, of haal hem weg")
}

// markerHint is the marker line a block heading needs, with the id when the
// set knows the number in the heading.
func (p *parser) markerHint(name, heading string) string {
	id := "id"
	text, _ := headingText(heading)
	switch name {
	case mQuestion:
		if q, part, ok := p.set.StopAt(text[:headingNumberLen(text)-1]); ok && part == "" {
			id = q
		}
	case mDerived, mParticipants, mUnknown, mPriorActions, mActions, mAgenda, mParked, mClosing, mContributions, mRound:
		return markerPrefix + name + " " + markerSuffix
	}
	return markerPrefix + name + " " + id + " " + markerSuffix
}

// headingFits checks the heading above a block marker: a block heading must
// have its own marker, and the number in a question's or sub-point's heading
// must be the one the set gives the marker's id. Otherwise the words under
// the heading a person reads would be stored at another question.
func (p *parser) headingFits(h *heldLine, name, arg string) error {
	if h == nil {
		return nil
	}
	want := blockHeading(h.text)
	if want == "" {
		return nil
	}
	if want != name {
		return p.failAt(h.line, "onder de kop '"+quoted(h.text)+"' hoort de regel "+p.markerHint(want, h.text)+", niet "+quoted(markerPrefix+name+" "+arg+" "+markerSuffix))
	}
	if !p.sameSet {
		return nil // another version of the set may number otherwise
	}
	text, _ := headingText(h.text)
	var number, shown string
	switch name {
	case mQuestion:
		number, _ = p.set.StopNumber(arg, "")
		shown = text[:headingNumberLen(text)-1]
	case mPart:
		if p.a == nil {
			return nil
		}
		full, known := p.set.StopNumber(p.a.QuestionID, arg)
		if !known {
			return nil
		}
		q, _ := p.set.StopNumber(p.a.QuestionID, "")
		number, shown = full, q+text[:strings.IndexByte(text, '.')]
	}
	if number == "" || number == shown {
		return nil
	}
	return p.fail("de kop '" + quoted(h.text) + "' (regel " + strconv.Itoa(h.line) + ") noemt " + quoted(shown) + ", maar deze markering hoort bij " + number +
		"; zo zou wat eronder staat bij een andere vraag terechtkomen. Zet de kop en de markering die bij elkaar horen weer samen")
}

// derivedLine handles a line of the derived overview. The overview table is
// written anew on every save, so a note among it would be lost: refused.
// A level-2 heading of its own starts the derived comparison with last
// year, which is skipped up to the next block marker.
func (p *parser) derivedLine(line string) error {
	if strings.HasPrefix(line, "## ") {
		if blockHeading(line) != "" {
			p.heading = &heldLine{text: line, line: p.line}
		} else {
			p.comparing = true
		}
		return nil
	}
	if p.comparing || strings.HasPrefix(line, "|") {
		return nil
	}
	return p.fail("'" + quoted(line) + "' staat in de Stand van zaken, die het programma bij elke keer bewaren opnieuw schrijft: de regel zou verdwijnen. Zet hem als citaat (> ) bij een vraag, of haal hem weg")
}

// keepText takes a line a person typed in a question outside a quote into
// the answer being read, as if it were quoted: the next save writes it as
// a quote. An open line is continued by the lines under it.
func (p *parser) keepText(line string, open bool) {
	p.quoting, p.quoteTarget = true, p.target
	p.quoteLines = append(p.quoteLines[:0], line)
	p.quoteOpen = open
}

// resolveLabel decides a held bold line by the line after it (raw): a quote
// of the joint answer makes it the label from the set above that answer
// (derived); otherwise it is a person's and kept as text.
func (p *parser) resolveLabel(raw string) {
	h := p.label
	p.label = nil
	if _, ok := quoteContent(raw); ok && p.target == toAnswer {
		return
	}
	p.keepText(h.text, false)
	p.flushQuote()
}

// requiredBlocks checks that a version 2 report has the blocks every save
// writes: without their markers their content would be read as something
// else, or not at all, and the next save would write them empty.
func (p *parser) requiredBlocks() error {
	if p.version < 2 {
		return nil
	}
	for _, b := range []struct{ name, heading string }{{mParticipants, headParticipants}, {mActions, headActions}} {
		if _, ok := p.seen[b.name]; !ok {
			return p.fail("het blok '" + b.heading + "' met de regel " + markerPrefix + b.name + " " + markerSuffix +
				" eronder ontbreekt; zet het terug uit een eerder bewaarde versie (een lege tabel mag)")
		}
	}
	return nil
}
