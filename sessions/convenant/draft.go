// Package convenant turns a conversation into a draft samenwerkingsconvenant:
// the agreements the partnership marked as arranged become articles, in the
// words of the conversation; everything else is listed as still to be worked
// out. The draft is markdown, meant to be finished by the parties' lawyers.
package convenant

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
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

// party is one organisation at the table and who signs for it.
type party struct {
	name    string // organisation, or a placeholder
	ref     string // how a placeholder refers to it (placeholders never nest)
	signers []sessions.Participant
}

func (d *drafter) parties() []*party {
	var list []*party
	byKey := map[string]*party{}
	for _, p := range d.s.Participants {
		key := strings.ToLower(strings.TrimSpace(p.Organisation))
		name, ref := inline(p.Organisation), inline(p.Organisation)
		if key == "" {
			// Someone without an organisation is a party of their own until
			// the parties say otherwise.
			key = "\x00" + p.Name
			ref = "de organisatie van " + inline(p.Name)
			name = Placeholder(ref)
		}
		pt := byKey[key]
		if pt == nil {
			pt = &party{name: name, ref: ref}
			byKey[key] = pt
			list = append(list, pt)
		}
		if p.Signs {
			pt.signers = append(pt.signers, p)
		}
	}
	return list
}

func (d *drafter) writeParties(b *strings.Builder) {
	b.WriteString("## Partijen\n\n")
	// Whether a signer may bind the organisation (by statute, mandate or
	// power of attorney) is not something a conversation records.
	authority := Placeholder("per partij nagaan of wie tekent daartoe bevoegd is, zo nodig met mandaat of volmacht") + "\n\n"
	parties := d.parties()
	if len(parties) == 0 {
		b.WriteString(Placeholder("de partijen die dit convenant sluiten, waar zij gevestigd zijn, en wie voor elk van hen tekent en in welke functie") + "\n\n")
		b.WriteString(authority)
		return
	}
	for i, p := range parties {
		fmt.Fprintf(b, "%d. **%s**, gevestigd te %s, hierbij vertegenwoordigd door %s%s\n",
			i+1, p.name, Placeholder("plaats en adres"), signersPhrase(p), sep(i, len(parties)))
	}
	b.WriteString("\nhierna samen te noemen: partijen.\n\n")
	b.WriteString(authority)
}

func sep(i, n int) string {
	switch {
	case i == n-1:
		return ","
	case i == n-2:
		return "; en"
	}
	return ";"
}

func signersPhrase(p *party) string {
	if len(p.signers) == 0 {
		return Placeholder("naam en functie van wie voor " + p.ref + " tekent")
	}
	var names []string
	for _, s := range p.signers {
		names = append(names, inline(s.Name)+", "+function(s))
	}
	if len(names) == 1 {
		return names[0]
	}
	// The comma before "en" keeps each name with its own function.
	return strings.Join(names[:len(names)-1], ", ") + ", en " + names[len(names)-1]
}

func function(p sessions.Participant) string {
	if f := inline(p.Function); f != "" {
		return f
	}
	return Placeholder("functie van " + inline(p.Name))
}

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

func (d *drafter) writeAnnex(b *strings.Builder) {
	b.WriteString("## Bijlage: nog uit te werken\n\n")
	b.WriteString("Deze onderdelen zijn in het gesprek nog niet (helemaal) geregeld. " +
		"Ze staan daarom niet als artikel in het convenant; partijen werken ze verder uit.\n\n")
	open := 0
	lastSec := 0
	for _, u := range d.units {
		switch u.status {
		case sessions.StatusDone, sessions.StatusNA:
			continue
		}
		if u.secNo != lastSec {
			if open > 0 {
				b.WriteString("\n")
			}
			fmt.Fprintf(b, "### %d. %s\n\n", u.secNo, inline(u.section.Title))
			lastSec = u.secNo
		}
		fmt.Fprintf(b, "- **%s** %s — *%s*\n", u.number, inline(u.text), u.status.Label())
		for _, bl := range u.bullets {
			fmt.Fprintf(b, "  - *%s*\n", inline(bl))
		}
		if u.hasContent() || len(u.perspectives())+len(u.questionPerspectives()) > 0 {
			// What was said so far, indented so it stays inside the item.
			var ans strings.Builder
			d.writeAnswer(&ans, u, "de bijlage bij "+u.number)
			b.WriteString("\n")
			for _, line := range strings.Split(strings.TrimRight(ans.String(), "\n"), "\n") {
				if line == "" {
					b.WriteString("\n")
				} else {
					b.WriteString("  " + line + "\n")
				}
			}
			b.WriteString("\n")
		}
		d.writeUnitActions(b, u)
		open++
	}
	if open == 0 {
		b.WriteString("Alle onderdelen zijn geregeld of niet van toepassing.\n")
	}
	b.WriteString("\n")

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
		rows = append(rows, fmt.Sprintf("| %s | %s | %s | %s |", inline(a.What), who, when, d.stopRef(a)))
	}
	if len(rows) == 0 {
		b.WriteString("Er zijn geen openstaande actiepunten.\n")
		return
	}
	b.WriteString("| Wat | Wie | Wanneer | Bij vraag |\n| --- | --- | --- | --- |\n")
	b.WriteString(strings.Join(rows, "\n") + "\n")
}

// writeUnitActions lists, inside an annex item, the open action items made
// at that sub-point, topic or question.
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
		fmt.Fprintf(b, "  - Actiepunt: %s (%s, %s)\n", inline(a.What), who, when)
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
	return inline(a.QuestionID)
}

// asked is the question as quoted before an answer: its text and, for a
// lead-in like "… kan gaan over:", the bullets that complete it.
func asked(u *unit) string {
	var b strings.Builder
	fmt.Fprintf(&b, "*%s*\n\n", inline(u.text))
	for _, bl := range u.bullets {
		fmt.Fprintf(&b, "- *%s*\n", inline(bl))
	}
	if len(u.bullets) > 0 {
		b.WriteString("\n")
	}
	return b.String()
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

// writeAnswer states what was recorded, quoting the text as typed, followed
// by the perspectives recorded at its stop and its question; where names the place in the
// draft, for later references to those perspectives.
func (d *drafter) writeAnswer(b *strings.Builder, u *unit, where string) {
	defer d.writePerspectives(b, u, where)
	if u.ref.Part != "" {
		quote(b, u.partTxt)
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
			fmt.Fprintf(b, "Antwoord: **%s**\n\n", inline(label))
			for _, f := range u.q.FollowUps {
				if f.When == a.Choice && strings.TrimSpace(a.Text) != "" {
					fmt.Fprintf(b, "*%s*\n\n", inline(f.Text))
				}
			}
		}
	case content.KindPartners:
		d.writePartners(b, a)
	case content.KindCounts:
		writeCounts(b, u.q, a)
	}
	quote(b, a.Text)
}

// perspectives returns the perspectives with text recorded at the unit's
// own stop: at its sub-point or topic, or for a question without parts at
// the question.
func (u *unit) perspectives() []sessions.Perspective {
	return u.perspectivesWhere(func(part string) bool { return part == u.ref.Part || u.ref.Part == "" })
}

// questionPerspectives returns, for a unit that is a sub-point or topic, the
// perspectives recorded at its question as a whole (or at a part the set no
// longer has): they belong to every part of the question.
func (u *unit) questionPerspectives() []sessions.Perspective {
	if u.ref.Part == "" {
		return nil
	}
	return u.perspectivesWhere(func(part string) bool { return part == "" || !hasPart(u.q, part) })
}

func hasPart(q *content.Question, id string) bool {
	for _, p := range q.Parts() {
		if p.ID == id {
			return true
		}
	}
	return false
}

func (u *unit) perspectivesWhere(at func(part string) bool) []sessions.Perspective {
	if u.answer == nil {
		return nil
	}
	var out []sessions.Perspective
	for _, p := range u.answer.Perspectives {
		if strings.TrimSpace(p.Text) != "" && at(p.Part) {
			out = append(out, p)
		}
	}
	return out
}

// writePerspectives quotes each organisation's own view beside the joint
// answer, so a dissent is not lost behind text that reads as shared: first
// those made at the unit's own stop, then those made at its question as a
// whole. Perspectives are quoted once; later places refer back.
func (d *drafter) writePerspectives(b *strings.Builder, u *unit, where string) {
	d.quotePerspectives(b, sessions.StopRef(u.q.ID, u.ref.Part), u.number, u.perspectives(), where)
	d.quotePerspectives(b, u.q.ID, d.set.QuestionNumber(u.q.ID), u.questionPerspectives(), where)
}

func (d *drafter) quotePerspectives(b *strings.Builder, stop, num string, ps []sessions.Perspective, where string) {
	if len(ps) == 0 {
		return
	}
	var orgs []string
	for _, p := range ps {
		orgs = append(orgs, perspectiveOrg(p))
	}
	if first, ok := d.perspectivesAt[stop]; ok {
		noun := "het perspectief"
		if len(ps) > 1 {
			noun = "de perspectieven"
		}
		fmt.Fprintf(b, "*Bij vraag %s is ook %s van %s vastgelegd; zie %s.*\n\n", num, noun, andList(orgs), first)
		return
	}
	if d.perspectivesAt == nil {
		d.perspectivesAt = map[string]string{}
	}
	d.perspectivesAt[stop] = where
	for i, p := range ps {
		fmt.Fprintf(b, "**Perspectief van %s** bij vraag %s (standpunt van deze partij, niet van partijen samen):\n\n", orgs[i], num)
		quote(b, p.Text)
	}
}

func perspectiveOrg(p sessions.Perspective) string {
	if org := inline(p.Organisation); org != "" {
		return org
	}
	return Placeholder("welke partij")
}

// andList joins names the Dutch way: "A, B en C".
func andList(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " en " + names[len(names)-1]
}

func (d *drafter) writePartners(b *strings.Builder, a *sessions.Answer) {
	byState := map[sessions.PartnerState][]string{}
	for _, pk := range d.set.PartnerKinds {
		if st := a.Partners[pk.ID]; st != sessions.PartnerUnknown {
			byState[st] = append(byState[st], inline(pk.Label))
		}
	}
	for _, o := range a.OtherPartners {
		if o.State != sessions.PartnerUnknown {
			byState[o.State] = append(byState[o.State], inline(o.Name))
		}
	}
	lines := []struct {
		state sessions.PartnerState
		lead  string
	}{
		{sessions.PartnerTogether, "Partijen werken samen met"},
		{sessions.PartnerNotYet, "Nog niet samengewerkt wordt met"},
		{sessions.PartnerNA, "Niet van toepassing"},
	}
	for _, l := range lines {
		if names := byState[l.state]; len(names) > 0 {
			fmt.Fprintf(b, "%s:\n\n", l.lead)
			for _, n := range names {
				fmt.Fprintf(b, "- %s\n", n)
			}
			b.WriteString("\n")
		}
	}
}

func writeCounts(b *strings.Builder, q *content.Question, a *sessions.Answer) {
	if len(q.Categories) > 0 {
		total, filled := 0, 0
		var lines strings.Builder
		for _, c := range q.Categories {
			if n, ok := a.Counts[c.ID]; ok {
				fmt.Fprintf(&lines, "- %s: %d\n", inline(c.Label), n)
				total += n
				filled++
			} else {
				// Said, not dropped: an empty category is not a zero.
				fmt.Fprintf(&lines, "- %s: niet ingevuld\n", inline(c.Label))
			}
		}
		if filled > 0 {
			b.WriteString(lines.String())
			// A child may fall in more than one category.
			fmt.Fprintf(b, "- Totaal: %d (optelling; een kind kan in meer dan één groep vallen, dus dit is niet het aantal kinderen)\n\n", total)
		} else if len(a.Counts) > 0 || strings.TrimSpace(a.Text) != "" {
			b.WriteString("Aantallen per groep: niet ingevuld.\n\n")
		}
	}
	if strings.TrimSpace(a.Text) != "" && q.CountsText != "" {
		fmt.Fprintf(b, "*%s*\n\n", inline(q.CountsText))
	}
}

// quote writes text as a blockquote, line for line, so the words of the
// conversation stay as they were typed and cannot break the structure of
// the draft.
func quote(b *strings.Builder, text string) {
	if strings.TrimSpace(text) == "" {
		return
	}
	b.WriteString(mdtext.Quote(strings.TrimRight(text, "\n ")))
}

// inline makes a single-line value safe in running markdown text.
func inline(s string) string { return mdtext.Inline(s) }
