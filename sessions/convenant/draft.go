// Package convenant turns a conversation into a draft samenwerkingsconvenant:
// the agreements the partnership marked as arranged become articles, in the
// words of the conversation; everything else is listed as still to be worked
// out. The draft is markdown, meant to be finished by the parties' lawyers.
package convenant

import (
	"fmt"
	"regexp"
	"strings"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/sessions/mdtext"
)

// Placeholder is the one form every open spot in a draft takes, so a reader
// can search for what is left to fill in.
func Placeholder(what string) string {
	// A bracket from a name would break that one form, so it becomes a
	// parenthesis.
	return "[IN TE VULLEN: " + strings.NewReplacer("[", "(", "]", ")", "\n", " ").Replace(what) + "]"
}

// unit is one status-bearing element of the set with everything a draft
// says about it.
type unit struct {
	ref     content.ConvenantUnit
	section *content.Section
	secNo   int // 1-based
	q       *content.Question
	number  string   // "1.3" or "1.3b"
	text    string   // the question, or the sub-point or topic
	bullets []string // what a sub-point or topic can cover, part of its wording
	status  sessions.Status
	answer  *sessions.Answer // nil when nothing was recorded
	partTxt string           // answer text of the part (parts only)
}

// Draft writes the convenant draft for a conversation as markdown. The
// mapping says where each answer goes; units it does not place (all of them
// when m is nil, or when m was made for another set) are kept in a chapter of
// other agreements.
func Draft(set *content.Set, m *content.ConvenantMap, s *sessions.Session) string {
	if m == nil {
		m = &content.ConvenantMap{}
	}
	d := &drafter{set: set, m: m, s: s, units: collectUnits(set, s)}
	return d.write()
}

type drafter struct {
	set   *content.Set
	m     *content.ConvenantMap
	s     *sessions.Session
	units []*unit
	byRef map[content.ConvenantUnit]*unit
	art   int // last article number
	ch    int // last chapter number

	// perspectivesAt says where the perspectives of a question were quoted
	// first, so later quotes of the same question refer there instead of
	// repeating them.
	perspectivesAt map[string]string
}

func collectUnits(set *content.Set, s *sessions.Session) []*unit {
	var units []*unit
	for si := range set.Sections {
		sec := &set.Sections[si]
		for qi := range sec.Questions {
			q := &sec.Questions[qi]
			num := set.QuestionNumber(q.ID)
			a := s.Answers[q.ID]
			parts := q.Parts()
			if len(parts) == 0 {
				u := &unit{ref: content.ConvenantUnit{Question: q.ID}, section: sec, secNo: si + 1, q: q, number: num, text: q.Text, answer: a}
				if a != nil {
					u.status = a.Status
				}
				units = append(units, u)
				continue
			}
			for pi, pt := range parts {
				u := &unit{ref: content.ConvenantUnit{Question: q.ID, Part: pt.ID}, section: sec, secNo: si + 1, q: q,
					number: num + content.PartLetter(pi), text: pt.Text, bullets: pt.Bullets, answer: a}
				if a != nil {
					if p := a.Parts[pt.ID]; p != nil {
						u.status, u.partTxt = p.Status, p.Text
					}
				}
				units = append(units, u)
			}
		}
	}
	return units
}

func (d *drafter) write() string {
	d.byRef = map[content.ConvenantUnit]*unit{}
	for _, u := range d.units {
		d.byRef[u.ref] = u
	}
	placed := map[content.ConvenantUnit]bool{}
	for _, e := range d.m.Considerations {
		placed[e.Unit] = true
	}
	if !d.m.Disputes.IsZero() {
		placed[d.m.Disputes] = true
	}
	for _, ch := range d.m.Chapters {
		for _, a := range ch.Articles {
			placed[a.Unit] = true
		}
	}

	// The body is written first: the Begripsbepalingen list the glossary
	// terms it uses.
	var body strings.Builder
	d.writeConsiderations(&body)
	defsAt := body.Len()
	for _, ch := range d.m.Chapters {
		var entries []content.ConvenantEntry
		for _, a := range ch.Articles {
			if d.byRef[a.Unit] != nil {
				entries = append(entries, a)
			}
		}
		d.writeChapter(&body, ch.Title, entries, true)
	}
	var rest []content.ConvenantEntry
	for _, u := range d.units {
		if !placed[u.ref] && u.status == sessions.StatusDone {
			rest = append(rest, content.ConvenantEntry{Unit: u.ref, Title: "Afspraak bij vraag " + u.number})
		}
	}
	if len(rest) > 0 {
		d.writeChapter(&body, "Overige afspraken", rest, false)
	}
	d.writePrivacy(&body)
	d.writeDisputes(&body)
	d.writeFinal(&body)
	d.writeSignatures(&body)
	d.writeAnnex(&body)

	text := body.String()
	var b strings.Builder
	d.writeHeader(&b)
	d.writeParties(&b)
	b.WriteString(text[:defsAt])
	d.writeDefinitions(&b, b.String()+text)
	b.WriteString(text[defsAt:])
	// User text is always quoted line by line, so a run of blank lines can
	// only come from the layout; one blank line is enough.
	return extraBlank.ReplaceAllString(b.String(), "\n\n")
}

var extraBlank = regexp.MustCompile(`\n{3,}`)

func (d *drafter) writeHeader(b *strings.Builder) {
	title := d.m.Title
	if title == "" {
		title = "Samenwerkingsconvenant"
	}
	fmt.Fprintf(b, "# %s\n\n", inline(title))
	region := inline(d.s.Region)
	if region == "" {
		region = Placeholder("samenwerkingsverband of regio")
	}
	fmt.Fprintf(b, "**Samenwerkingsverband of regio:** %s\n\n", region)

	var from []string
	if d.s.Title != "" {
		from = append(from, "het gesprek ‘"+inline(d.s.Title)+"’")
	} else {
		from = append(from, "het gesprek")
	}
	if d.s.Date != "" {
		from = append(from, "van "+mdtext.Inline(mdtext.Date(d.s.Date)))
	}
	if d.s.Facilitator != "" {
		from = append(from, "onder leiding van "+inline(d.s.Facilitator))
	}
	fmt.Fprintf(b, "**Concept.** Opgesteld uit %s. ", strings.Join(from, " "))
	b.WriteString("Als artikel staan hierin alleen de afspraken die in het gesprek als geregeld zijn vastgelegd, " +
		"in de woorden van het gesprek. Wat nog niet geregeld is, staat in de bijlage. " +
		"Alles wat partijen nog moeten aanvullen, staat tussen vierkante haken en is zo in elke tekstverwerker terug te vinden.\n\n")
}
