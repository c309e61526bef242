package report

import (
	"strconv"
	"strings"
	"time"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/sessions/mdtext"
)

// ParseError says which line of a report could not be read, and why.
type ParseError struct {
	Path string // file name; empty when the report did not come from a file
	Line int    // 1-based
	Msg  string // Dutch, for the user
}

func (e *ParseError) Error() string {
	if e.Path == "" {
		return "regel " + strconv.Itoa(e.Line) + ": " + e.Msg
	}
	return e.Path + ":" + strconv.Itoa(e.Line) + ": " + e.Msg
}

// Parse reads a report back into a session. Everything the report records
// comes back; derived parts (summaries, headings, labels from the set) are
// skipped. Whatever it does not understand is an error naming the line, so
// that nothing a person wrote is silently lost. The error is a *ParseError.
func Parse(data []byte, set *content.Set) (*sessions.Session, error) {
	if set == nil {
		set = &content.Set{}
	}
	p := &parser{set: set, s: sessions.New("", "")}
	text := strings.TrimPrefix(string(data), "\uFEFF")
	for len(text) > 0 || p.line == 0 {
		var raw string
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			raw, text = text[:i], text[i+1:]
		} else {
			raw, text = text, ""
		}
		p.line++
		if err := p.feed(strings.TrimSuffix(raw, "\r")); err != nil {
			return nil, err
		}
	}
	if err := p.finish(); err != nil {
		return nil, err
	}
	return p.s, nil
}

type region int

const (
	inHeader       region = iota // before the format line
	inTitle                      // expecting the "# title" line
	beforeMeta                   // expecting "<!-- gm:meta -->"
	inMeta                       // the metadata list
	inDerived                    // derived text: skipped up to the next structural marker
	inBody                       // sections, questions, unknown answers
	inParticipants               // the participants table
	inPrior                      // last year's action items
	inActions                    // the action items
)

type targetKind int

const (
	toAnswer targetKind = iota
	toPart
	toPerspective
)

type parser struct {
	set  *content.Set
	s    *sessions.Session
	line int

	region region
	seen   map[string]int // markers that may occur once, with their line

	// The question being read.
	a            *sessions.Answer
	target       targetKind
	part         *sessions.Part
	persp        int
	statusSeen   bool            // for the current target
	partsSeen    map[string]bool // part ids of the current question
	partnerSeen  map[string]bool
	countSeen    map[string]bool
	choiceSeen   map[string]bool
	choiceMarked bool

	heading      string // text of the heading on the previous non-blank line
	headingValid bool

	quoting     bool     // inside a blockquote
	quoteLines  []string // its lines so far
	quoteOpen   bool     // the last quote line had text, so a plain line continues it
	quoteTarget targetKind
}

func (p *parser) fail(msg string) error {
	return &ParseError{Line: p.line, Msg: msg}
}

func (p *parser) failAt(line int, msg string) error {
	return &ParseError{Line: line, Msg: msg}
}

// feed handles one line (without its line ending).
func (p *parser) feed(raw string) error {
	if p.quoting {
		if content, ok := quoteContent(raw); ok {
			p.quoteLines = append(p.quoteLines, content)
			p.quoteOpen = strings.TrimSpace(content) != ""
			return nil
		}
		if p.quoteOpen && strings.TrimSpace(raw) != "" && !structuralLine(raw) {
			// A lazy continuation line belongs to the quote, as markdown
			// viewers show it.
			p.quoteLines = append(p.quoteLines, raw)
			return nil
		}
		p.flushQuote()
	}
	line := strings.TrimRight(raw, " \t")
	switch p.region {
	case inHeader:
		if line == "" {
			return nil
		}
		if line != headerV1 {
			if strings.HasPrefix(line, "<!-- gespreksmap report ") {
				return p.fail("deze versie van het verslagformaat kent dit programma niet (verwacht " + headerV1 + ")")
			}
			return p.fail("dit is geen gespreksverslag van gespreksmap: de eerste regel moet " + headerV1 + " zijn")
		}
		p.region = inTitle
		return nil
	case inTitle:
		if line == "" {
			return nil
		}
		if line != "#" && !strings.HasPrefix(line, "# ") {
			return p.fail("verwacht de titel van het verslag, een regel die begint met '# '")
		}
		p.s.Title = lineValue(line[1:])
		p.region = beforeMeta
		return nil
	case beforeMeta:
		if line == "" {
			return nil
		}
		if line != "<!-- gm:meta -->" {
			return p.fail("verwacht <!-- gm:meta --> met de gegevens van het gesprek na de titel")
		}
		p.seen = map[string]int{"meta": p.line}
		p.region = inMeta
		return nil
	case inMeta:
		return p.metaLine(line)
	}
	if line == "" {
		return nil
	}
	if strings.HasPrefix(line, "<!--") {
		return p.marker(line)
	}
	if p.region == inDerived {
		return nil
	}
	if h, ok := headingText(line); ok {
		p.heading, p.headingValid = h, true
		return nil
	}
	p.headingValid = false
	switch p.region {
	case inParticipants, inPrior, inActions:
		return p.tableRow(line)
	}
	if p.a == nil {
		return p.outsideQuestion(line)
	}
	return p.questionLine(raw, line)
}

// quoteContent returns the text of a blockquote line: after at most three
// spaces, ">" and one optional space.
func quoteContent(raw string) (string, bool) {
	i := 0
	for i < 3 && i < len(raw) && raw[i] == ' ' {
		i++
	}
	if i >= len(raw) || raw[i] != '>' {
		return "", false
	}
	return strings.TrimPrefix(raw[i+1:], " "), true
}

// structuralLine reports whether a line directly under a quote starts
// something of its own instead of continuing the quote: what would start a
// new block in markdown (heading, list item, fence, rule, HTML), and this
// format's status and marker lines.
func structuralLine(raw string) bool {
	s := strings.TrimRight(raw, " \t")
	if strings.HasPrefix(s, statusPrefix) || (strings.HasSuffix(s, "-->") && strings.Contains(s, "<!-- gm:")) {
		return true
	}
	i := 0
	for i < 3 && i < len(s) && s[i] == ' ' {
		i++
	}
	s = s[i:]
	if s == "" || s[0] == ' ' {
		return false
	}
	if _, ok := headingText(s); ok {
		return true
	}
	switch s[0] {
	case '+':
		return len(s) > 2 && (s[1] == ' ' || s[1] == '\t') && strings.TrimSpace(s[2:]) != ""
	case '<':
		return len(s) > 1 && (s[1] == '!' || s[1] == '?' || s[1] == '/' || isLetter(s[1]))
	case '`', '~':
		return strings.HasPrefix(s, "```") || strings.HasPrefix(s, "~~~")
	case '-', '*', '_':
		if thematicBreak(s) {
			return true
		}
		return s[0] != '_' && len(s) > 2 && (s[1] == ' ' || s[1] == '\t') && strings.TrimSpace(s[2:]) != ""
	case '1':
		return len(s) > 3 && (s[1] == '.' || s[1] == ')') && s[2] == ' ' && strings.TrimSpace(s[3:]) != ""
	}
	return false
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func thematicBreak(s string) bool {
	n := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case s[0]:
			n++
		case ' ', '\t':
		default:
			return false
		}
	}
	return n >= 3
}

// headingText returns the text of an ATX heading line.
func headingText(line string) (string, bool) {
	n := 0
	for n < len(line) && line[n] == '#' {
		n++
	}
	if n == 0 || n > 6 || (n < len(line) && line[n] != ' ' && line[n] != '\t') {
		return "", false
	}
	return strings.TrimSpace(line[n:]), true
}

func (p *parser) flushQuote() {
	p.quoting = false
	text := mdtext.UnquoteLines(p.quoteLines)
	p.quoteLines = p.quoteLines[:0]
	text = sessions.CleanText(text)
	if text == "" {
		return
	}
	var dst *string
	switch p.quoteTarget {
	case toAnswer:
		dst = &p.a.Text
	case toPart:
		dst = &p.part.Text
	case toPerspective:
		dst = &p.a.Perspectives[p.persp].Text
	}
	if *dst != "" {
		// A second quote for the same answer: a person split a paragraph.
		*dst += "\n\n" + text
	} else {
		*dst = text
	}
}

func (p *parser) metaLine(line string) error {
	if line == "" {
		return nil
	}
	if line == "<!-- /gm:meta -->" {
		p.region = inBody
		return nil
	}
	rest, ok := strings.CutPrefix(line, "- **")
	if !ok {
		rest, ok = strings.CutPrefix(line, "* **")
	}
	label, value, found := strings.Cut(rest, ":**")
	if !ok || !found {
		return p.fail("verwacht een gegeven van het gesprek als '- **Naam:** waarde', of <!-- /gm:meta -->")
	}
	value = strings.TrimSpace(value)
	key := "meta:" + label
	if first, dup := p.seen[key]; dup {
		return p.fail("'" + label + "' staat twee keer in de gegevens (eerst op regel " + strconv.Itoa(first) + ")")
	}
	p.seen[key] = p.line
	s := p.s
	switch label {
	case labelRegion:
		s.Region = lineValue(value)
	case labelDate:
		s.Date = lineValue(value)
	case labelFacilitator:
		s.Facilitator = lineValue(value)
	case labelSet:
		id, version := value, ""
		for i := 0; i < len(value); i++ {
			if value[i] == '\\' {
				i++ // an escaped character, such as a comma in the id
				continue
			}
			if strings.HasPrefix(value[i:], setVersionSep) {
				id, version = value[:i], value[i+len(setVersionSep):]
				break
			}
		}
		s.SetID, s.SetVersion = lineValue(id), lineValue(version)
	case labelBaseline:
		s.Baseline = lineValue(value)
	case labelCurrent:
		id, err := p.questionRef(value)
		if err != nil {
			return err
		}
		s.Current = id
	case labelUpdated:
		if value == "" {
			return nil
		}
		t, err := time.ParseInLocation(updatedLayout, value, time.Local)
		if err != nil {
			return p.fail("'" + value + "' is geen datum en tijd zoals 2026-11-22 15:04")
		}
		s.Updated = t
	default:
		return p.fail("onbekend gegeven '" + label + "' (bekend zijn: " + strings.Join(metaLabels, ", ") + ")")
	}
	return nil
}

// lineValue reads a single-line value as the writer wrote it: escaped,
// cleaned, without surrounding space. Cleaning here keeps what a file may
// hold (control characters) out of the session, as input cleaning does.
func lineValue(raw string) string {
	return strings.TrimSpace(sessions.CleanLine(mdtext.Unescape(raw)))
}

// parseMarker splits "<!-- gm:NAME ARG -->".
func parseMarker(s string) (name, arg string, ok bool) {
	inner, ok := strings.CutPrefix(s, "<!-- gm:")
	if !ok {
		return "", "", false
	}
	inner, ok = strings.CutSuffix(inner, "-->")
	if !ok {
		return "", "", false
	}
	name, arg, _ = strings.Cut(strings.TrimSpace(inner), " ")
	return name, markerArg(arg), name != ""
}

// structuralMarkers end a derived part of the report.
var structuralMarkers = map[string]bool{
	"participants": true, "section": true, "question": true, "unknown": true, "prior-actions": true, "actions": true,
}

var inlineMarkers = map[string]bool{
	"perspective": true, "partner": true, "other": true, "count": true, "choice": true,
}

// marker handles a line starting with "<!--".
func (p *parser) marker(line string) error {
	name, arg, ok := parseMarker(line)
	if p.region == inDerived && !(ok && structuralMarkers[name]) {
		return nil
	}
	if !ok {
		return p.fail("onbekende opmerking; dit verslag kent alleen markeringen als <!-- gm:question id -->")
	}
	needsArg := name == "section" || name == "question" || name == "part"
	switch {
	case !structuralMarkers[name] && !inlineMarkers[name] && name != "part" && name != "meta" && name != "derived":
		return p.fail("onbekende markering <!-- gm:" + name + " -->")
	case inlineMarkers[name]:
		return p.fail("de markering <!-- gm:" + name + " --> hoort aan het eind van een regel, niet op een eigen regel")
	case needsArg && arg == "":
		return p.fail("de markering <!-- gm:" + name + " --> mist een id")
	case !needsArg && arg != "":
		return p.fail("de markering <!-- gm:" + name + " --> heeft geen id")
	}
	once := func(key string) error {
		if first, dup := p.seen[key]; dup {
			return p.fail("dubbele markering " + line + " (eerst op regel " + strconv.Itoa(first) + ")")
		}
		p.seen[key] = p.line
		return nil
	}
	heading, headingValid := p.heading, p.headingValid
	p.headingValid = false
	switch name {
	case "meta":
		return p.fail("dubbele markering " + line + " (eerst op regel " + strconv.Itoa(p.seen["meta"]) + ")")
	case "derived", "participants", "unknown", "prior-actions", "actions":
		if err := once(name); err != nil {
			return err
		}
		p.endQuestion()
		p.region = map[string]region{
			"derived": inDerived, "participants": inParticipants, "unknown": inBody,
			"prior-actions": inPrior, "actions": inActions,
		}[name]
	case "section":
		if err := once("section " + arg); err != nil {
			return err
		}
		p.endQuestion()
		p.region = inBody
	case "question":
		if err := once("question " + arg); err != nil {
			return err
		}
		p.endQuestion()
		p.region = inBody
		p.startQuestion(arg, heading, headingValid)
	case "part":
		if p.a == nil {
			return p.fail("<!-- gm:part " + arg + " --> staat niet onder een vraag")
		}
		if p.partsSeen[arg] {
			return p.fail("dubbele markering " + line + " in dezelfde vraag")
		}
		p.partsSeen[arg] = true
		p.part = p.a.Part(arg)
		p.target, p.statusSeen = toPart, false
	}
	return nil
}

func (p *parser) startQuestion(id, heading string, headingValid bool) {
	p.a = &sessions.Answer{QuestionID: id}
	if headingValid {
		h := heading
		if n := headingNumberLen(h); n > 0 {
			h = h[n:]
		}
		if h == "`"+id+"`" {
			h = ""
		}
		p.a.QuestionText = lineValue(strings.TrimSpace(h))
	}
	p.target, p.part, p.statusSeen, p.choiceMarked = toAnswer, nil, false, false
	p.partsSeen = map[string]bool{}
	p.partnerSeen = map[string]bool{}
	p.countSeen = map[string]bool{}
	p.choiceSeen = map[string]bool{}
}

// endQuestion stores the question being read, when anything was recorded.
func (p *parser) endQuestion() {
	a := p.a
	if a == nil {
		return
	}
	p.a, p.part = nil, nil
	for id, part := range a.Parts {
		if partEmpty(part) {
			delete(a.Parts, id)
		}
	}
	if len(a.Parts) == 0 {
		a.Parts = nil
	}
	if !a.Empty() {
		p.s.Answers[a.QuestionID] = a
	}
}

func (p *parser) finish() error {
	if p.quoting {
		p.flushQuote()
	}
	switch p.region {
	case inHeader:
		return p.failAt(1, "dit is geen gespreksverslag van gespreksmap: het bestand is leeg")
	case inTitle:
		return p.fail("de titel van het verslag ontbreekt")
	case beforeMeta:
		return p.fail("de gegevens van het gesprek (<!-- gm:meta -->) ontbreken")
	case inMeta:
		return p.fail("het einde van de gegevens (<!-- /gm:meta -->) ontbreekt")
	}
	p.endQuestion()
	return nil
}

// outsideQuestion handles a line in a section before its first question, or
// between the metadata and the first section.
func (p *parser) outsideQuestion(line string) error {
	switch {
	case strings.HasPrefix(line, standPrefix):
		return nil // derived summary of the section
	case len(line) > 2 && line[0] == '*' && line[1] != '*' && strings.HasSuffix(line, "*"):
		return nil // derived note, such as the central question
	case line[0] == '>':
		return p.fail("deze tekst in een citaat hoort bij geen enkele vraag; zet hem onder een <!-- gm:question id -->")
	}
	return p.fail("onverwachte regel; hier verwacht het verslag een vraag (<!-- gm:question id -->)")
}

// questionLine handles a line inside a question block.
func (p *parser) questionLine(raw, line string) error {
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
	case len(line) > 4 && strings.HasPrefix(line, "**") && strings.HasSuffix(line, "**"):
		return nil // a label from the set above a text
	case len(line) > 2 && line[0] == '*' && line[1] != '*' && strings.HasSuffix(line, "*"):
		return nil // a derived note, such as what a sub-point can cover
	}
	return p.fail("onverwachte regel in het antwoord op " + p.a.QuestionID + "; tekst hoort in een citaat (begin elke regel met '> ')")
}

func (p *parser) statusLine(word string) error {
	st, ok := sessions.ParseStatus(mdtext.Unescape(word))
	if !ok {
		return p.fail("onbekende status '" + word + "' (kies uit: " + strings.Join(sessions.StatusWords(), ", ") + ")")
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
		return p.fail("onleesbare markering " + marker)
	}
	needsArg := name == "partner" || name == "count" || name == "choice"
	switch {
	case !inlineMarkers[name]:
		if structuralMarkers[name] || name == "part" || name == "meta" || name == "derived" {
			return p.fail("de markering <!-- gm:" + name + " --> hoort op een eigen regel")
		}
		return p.fail("onbekende markering <!-- gm:" + name + " -->")
	case needsArg && arg == "":
		return p.fail("de markering <!-- gm:" + name + " --> mist een id")
	case !needsArg && arg != "":
		return p.fail("de markering <!-- gm:" + name + " --> heeft geen id")
	}
	a := p.a
	switch name {
	case "perspective":
		org, ok := strings.CutPrefix(body, perspectivePrefix)
		if ok {
			org, ok = strings.CutSuffix(org, ":**")
		}
		if !ok {
			return p.fail("verwacht '**Perspectief van Organisatie:**' voor <!-- gm:perspective -->")
		}
		a.Perspectives = append(a.Perspectives, sessions.Perspective{Organisation: lineValue(strings.TrimSpace(org))})
		p.target, p.persp = toPerspective, len(a.Perspectives)-1
	case "partner", "other":
		label, word, ok := boldValue(body)
		if !ok {
			return p.fail("verwacht '- Partner: **werken samen**' voor de markering")
		}
		st, ok := sessions.ParsePartnerState(mdtext.Unescape(word))
		if !ok {
			return p.fail("onbekende stand '" + word + "' (kies uit: " + strings.Join(sessions.PartnerStateWords(), ", ") + ")")
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
			return p.fail("partner " + arg + " staat twee keer bij deze vraag")
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
			return p.fail("aantal " + arg + " staat twee keer bij deze vraag")
		}
		p.countSeen[arg] = true
		if word == "" || strings.EqualFold(word, countEmpty) {
			return nil
		}
		n, err := strconv.Atoi(word)
		if err != nil {
			return p.fail("'" + word + "' is geen aantal; schrijf een heel getal, of 'niet ingevuld'")
		}
		if n < 0 {
			return p.fail("'" + word + "' is geen aantal; een aantal is 0 of meer")
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
			return p.fail("keuze " + arg + " staat twee keer bij deze vraag")
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

// splitRow splits a table row on the pipes that are not escaped.
func splitRow(line string) []string {
	s := strings.TrimSpace(line)
	var cells []string
	start := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '|':
			cells = append(cells, strings.TrimSpace(s[start:i]))
			start = i + 1
		}
	}
	last := strings.TrimSpace(s[start:])
	if start < len(s) || len(cells) == 0 {
		cells = append(cells, last)
	}
	if strings.HasPrefix(s, "|") {
		cells = cells[1:]
	}
	return cells
}

func isDelimiterRow(cells []string) bool {
	for _, c := range cells {
		c = strings.TrimSuffix(strings.TrimPrefix(c, ":"), ":")
		if c == "" || strings.Trim(c, "-") != "" {
			return false
		}
	}
	return true
}

var (
	participantColumns = splitRow(participantsHeader)
	actionColumns      = splitRow(actionsHeader)
	priorColumns       = splitRow(priorHeader)
)

func (p *parser) tableRow(line string) error {
	if !strings.Contains(line, "|") {
		return p.fail("onverwachte regel; hier staat een tabel, met een rij als '| a | b |'")
	}
	cells := splitRow(line)
	columns := participantColumns
	switch p.region {
	case inActions:
		columns = actionColumns
	case inPrior:
		columns = priorColumns
	}
	if equalCells(cells, columns) || isDelimiterRow(cells) {
		return nil
	}
	if len(cells) > len(columns) {
		return p.fail("deze rij heeft " + strconv.Itoa(len(cells)) + " kolommen, de tabel " + strconv.Itoa(len(columns)) + " (" + strings.Join(columns, ", ") + ")")
	}
	for len(cells) < len(columns) {
		cells = append(cells, "")
	}
	switch p.region {
	case inParticipants:
		return p.participantRow(cells)
	case inActions:
		item, err := p.actionItem(cells)
		if err != nil {
			return err
		}
		switch strings.ToLower(cells[5]) {
		case yes:
			item.Done = true
		case no, "":
		default:
			return p.fail("'" + cells[5] + "' in de kolom Klaar: schrijf ja of nee")
		}
		p.s.Actions = append(p.s.Actions, item)
	case inPrior:
		item, err := p.actionItem(cells)
		if err != nil {
			return err
		}
		word := strings.ToLower(cells[5])
		if strings.HasPrefix(word, sessions.OutcomeCarried.Label()) {
			// The new date is this year's action item's; shown here only.
			word = sessions.OutcomeCarried.Label()
		}
		o, ok := sessions.ParseOutcome(word)
		if !ok {
			return p.fail("'" + cells[5] + "' in de kolom Uitkomst: schrijf " + orList(sessions.OutcomeWords()))
		}
		p.s.PriorActions = append(p.s.PriorActions, sessions.PriorAction{Item: item, Outcome: o})
	}
	return nil
}

func equalCells(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func (p *parser) participantRow(cells []string) error {
	kind := lineValue(cells[2])
	for _, pk := range p.set.PartnerKinds {
		if pk.Label == kind {
			kind = pk.ID
			break
		}
	}
	var signs bool
	switch strings.ToLower(cells[4]) {
	case yes:
		signs = true
	case no, "":
	default:
		return p.fail("'" + cells[4] + "' in de kolom Tekenbevoegd: schrijf ja of nee")
	}
	p.s.Participants = append(p.s.Participants, sessions.Participant{
		Name:         lineValue(cells[0]),
		Organisation: lineValue(cells[1]),
		PartnerKind:  kind,
		Function:     lineValue(cells[3]),
		Signs:        signs,
	})
	return nil
}

// actionItem reads the columns an action row and a prior action row share.
func (p *parser) actionItem(cells []string) (sessions.ActionItem, error) {
	var item sessions.ActionItem
	nr := cells[0]
	if rest, ok := strings.CutSuffix(nr, carriedSuffix); ok {
		item.Carried = true
		nr = strings.TrimSpace(rest)
	}
	if strings.Trim(nr, "0123456789") != "" {
		return item, p.fail("'" + cells[0] + "' in de kolom Nr: laat hem leeg of schrijf een nummer")
	}
	id, err := p.questionRef(cells[4])
	if err != nil {
		return item, err
	}
	item.What = lineValue(cells[1])
	item.Who = lineValue(cells[2])
	item.When = lineValue(cells[3])
	item.QuestionID = id
	return item, nil
}

// questionRef reads "1.2 `id`" (as written), or, typed by a person, a bare
// id or number the set knows.
func (p *parser) questionRef(cell string) (string, error) {
	cell = strings.TrimSpace(cell)
	if cell == "" {
		return "", nil
	}
	if i, j := strings.IndexByte(cell, '`'), strings.LastIndexByte(cell, '`'); i >= 0 && j > i {
		return markerArg(strings.ReplaceAll(cell[i+1:j], `\|`, "|")), nil
	}
	ref := mdtext.Unescape(cell)
	if _, q := p.set.Question(ref); q != nil {
		return ref, nil
	}
	if id, _, ok := p.set.StopAt(ref); ok {
		return id, nil
	}
	return "", p.fail("onbekende vraag '" + cell + "'; schrijf het nummer en de id zoals 1.2 `bestuur.partners`")
}

// orList joins words the Dutch way for a choice: "a, b of c".
func orList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " of " + words[len(words)-1]
}
