// Package convenant turns a conversation into a draft samenwerkingsconvenant
// a lawyer can start from: the parties the drafter chose, considerations
// stated as "overwegende dat …", standard articles with placeholders where
// the parties choose, the agreements the partnership marked as arranged in
// the words of the conversation, a signature table per party, and annexes
// with the answers behind the considerations and what is still open. The
// draft is markdown of a few plain blocks, so that it converts paragraph for
// paragraph to a word processor's document.
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
	return content.ConvenantPlaceholderOpen + strings.NewReplacer("[", "(", "]", ")", "\n", " ").Replace(what) + "]"
}

// Options are the drafter's choices.
type Options struct {
	// Parties are the organisations that sign, by their name at the table
	// (in any case; see Organisations). nil: DefaultParties. Names that are
	// no organisation at the table are ignored.
	Parties []string
}

// Draft writes the convenant draft for a conversation with the default
// parties. The mapping says where each answer goes and holds the standard
// articles; units it does not place (all of them when m is nil, or when m
// was made for another set) are kept in a chapter of other agreements.
func Draft(set *content.Set, m *content.ConvenantMap, s *sessions.Session) string {
	return DraftWith(set, m, s, Options{})
}

// DraftWith writes the convenant draft with the drafter's choices.
func DraftWith(set *content.Set, m *content.ConvenantMap, s *sessions.Session, opt Options) string {
	if m == nil {
		m = &content.ConvenantMap{}
	}
	d := &drafter{set: set, m: m, s: s, opt: opt, units: collectUnits(set, s)}
	return d.write()
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

type drafter struct {
	set   *content.Set
	m     *content.ConvenantMap
	s     *sessions.Session
	opt   Options
	units []*unit
	byRef map[content.ConvenantUnit]*unit

	orgs    []*org // every organisation at the table
	parties []*org // those that sign

	chapters []chapter
	numbers  map[string]int // standard article id → its number

	// considered: the units whose answers stand behind a consideration,
	// with the number of that consideration.
	considered map[content.ConvenantUnit]int
	// perspectivesAt says where the perspectives of a question were quoted
	// first, so later quotes of the same question refer there instead of
	// repeating them.
	perspectivesAt map[string]string
}

// chapter is a chapter of the draft as planned: its articles numbered
// before anything is written, so that an article can refer to another.
type chapter struct {
	title    string
	articles []article
}

// article is a standard article, an agreement, or, in a chapter of
// agreements without any, a placeholder for them.
type article struct {
	num   int
	std   *content.ConvenantArticle
	entry content.ConvenantEntry // an agreement when std is nil and empty is ""
	empty string                 // the chapter's title, for the placeholder
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

// plan lays out the chapters and numbers the articles: the opening
// chapters, the chapters of agreements, other agreements the mapping does
// not place, and the closing chapters.
func (d *drafter) plan() {
	d.byRef = map[content.ConvenantUnit]*unit{}
	for _, u := range d.units {
		d.byRef[u.ref] = u
	}
	placed := map[content.ConvenantUnit]bool{}
	for _, c := range d.m.Considerations {
		placed[c.Unit] = true
	}
	for _, ch := range d.m.Chapters {
		for _, a := range ch.Articles {
			placed[a.Unit] = true
		}
	}
	n := 0
	d.numbers = map[string]int{}
	standard := func(chs []content.ConvenantChapter) {
		for i := range chs {
			c := chapter{title: chs[i].Title}
			for j := range chs[i].Standard {
				a := &chs[i].Standard[j]
				n++
				d.numbers[a.ID] = n
				c.articles = append(c.articles, article{num: n, std: a})
			}
			d.chapters = append(d.chapters, c)
		}
	}
	standard(d.m.Opening)
	for _, ch := range d.m.Chapters {
		c := chapter{title: ch.Title}
		for _, e := range ch.Articles {
			if u := d.byRef[e.Unit]; u != nil && u.status == sessions.StatusDone {
				n++
				c.articles = append(c.articles, article{num: n, entry: e})
			}
		}
		if len(c.articles) == 0 {
			n++
			c.articles = append(c.articles, article{num: n, empty: ch.Title})
		}
		d.chapters = append(d.chapters, c)
	}
	rest := chapter{title: "Overige afspraken"}
	for _, u := range d.units {
		if !placed[u.ref] && u.status == sessions.StatusDone {
			n++
			rest.articles = append(rest.articles, article{num: n, entry: content.ConvenantEntry{Unit: u.ref, Title: "Afspraak bij vraag " + u.number}})
		}
	}
	if len(rest.articles) > 0 {
		d.chapters = append(d.chapters, rest)
	}
	standard(d.m.Closing)
}

// defsMark stands where the definitions go until the text they define is
// written.
const defsMark = "\x00definitions\x00"

func (d *drafter) write() string {
	d.choose()
	d.plan()
	var b strings.Builder
	d.writeHeader(&b)
	legalStart := b.Len()
	d.writeParties(&b)
	d.writeConsiderations(&b)
	for i, ch := range d.chapters {
		fmt.Fprintf(&b, "## Hoofdstuk %d. %s\n\n", i+1, inline(ch.title))
		for _, a := range ch.articles {
			d.writeArticle(&b, a)
		}
	}
	legalEnd := b.Len()
	d.writeSignatures(&b)
	d.writeAnnexConsiderations(&b)
	d.writeAnnexOpen(&b)

	text := b.String()
	// The definitions list the terms the convenant itself uses: its parties,
	// considerations and articles, not its annexes, and not what is there
	// only until the parties have settled it (placeholders, the views of
	// single organisations).
	legal := notTerms.ReplaceAllString(text[legalStart:legalEnd], " ")
	text = strings.Replace(text, defsMark, d.definitions(legal), 1)
	text = strings.NewReplacer(viewStart, "", viewEnd, "").Replace(text)
	// User text is written line by line, so a run of blank lines can only
	// come from the layout; one blank line is enough.
	return extraBlank.ReplaceAllString(text, "\n\n")
}

// viewStart and viewEnd mark the perspectives of single organisations while
// the draft is written; cleaned text never holds these characters.
const (
	viewStart = "\x01"
	viewEnd   = "\x02"
)

var (
	extraBlank = regexp.MustCompile(`\n{3,}`)
	notTerms   = regexp.MustCompile(`\x01[^\x02]*\x02|\[IN TE VULLEN: [^\]]*\]`)
)

func (d *drafter) writeHeader(b *strings.Builder) {
	title := d.m.Title
	if title == "" {
		title = "Samenwerkingsconvenant"
	}
	fmt.Fprintf(b, "# %s\n\n", inline(title))
	fmt.Fprintf(b, "**Samenwerkingsverband of regio:** %s\n\n", d.region())

	from := "het gesprek"
	if d.s.Title != "" {
		from += " ‘" + inline(d.s.Title) + "’"
	}
	if d.s.Date != "" {
		from += " van " + mdtext.Inline(mdtext.Date(d.s.Date))
	}
	if d.s.Facilitator != "" {
		from += " onder leiding van " + inline(d.s.Facilitator)
	}
	note := "Concept, opgesteld uit " + from + ". " +
		"De artikelen met afspraken geven weer wat in het gesprek als geregeld is vastgelegd, in de woorden van het gesprek; "
	if d.m.StandardNote != "" {
		note += "artikelen met de aantekening ‘" + strings.TrimSuffix(d.render(d.m.StandardNote, nil), ".") + "’ zijn voorbeeldtekst om aan te passen. "
	} else {
		note += "de overige artikelen zijn voorbeeldtekst om aan te passen. "
	}
	note += "Wat partijen nog moeten invullen of kiezen, staat tussen vierkante haken en is zo in elke tekstverwerker terug te vinden. " +
		"Bijlage 2 noemt wat in het gesprek nog niet geregeld is. Deze aantekening vervalt in de definitieve tekst."
	fmt.Fprintf(b, "*%s*\n\n", note)
}
