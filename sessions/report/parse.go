package report

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/sessions/mdtext"
)

// Parse reads a report back into a session. Everything the report records
// comes back; derived parts (summaries, headings, labels from the set) are
// skipped. Whatever it does not understand is an error naming the line, so
// that nothing a person wrote is silently lost. The error is a *ParseError.
func Parse(data []byte, set *content.Set) (*sessions.Session, error) {
	if set == nil {
		set = &content.Set{}
	}
	p := &parser{set: set, s: sessions.New("", ""), contrib: -1}
	text := strings.TrimPrefix(string(data), "\uFEFF")
	for len(text) > 0 || p.line == 0 {
		var raw string
		raw, text = nextLine(text)
		p.line++
		if !utf8.ValidString(raw) {
			// Cleaning would turn every such byte into U+FFFD and the
			// next save would write that: refused instead.
			return nil, encodingError(p.line, raw)
		}
		if err := p.feed(raw); err != nil {
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
	inHeader        region = iota // before the format line
	inTitle                       // expecting the "# title" line
	beforeMeta                    // expecting "<!-- gm:meta -->"
	inMeta                        // the metadata list
	inDerived                     // derived text: skipped up to the next structural marker
	inBody                        // sections, questions, unknown answers
	inParticipants                // the participants table
	inPrior                       // last year's action items
	inActions                     // the action items
	inAgenda                      // planned and spent minutes per section
	inParked                      // the parking lot
	inClosing                     // the closing round
	inContributions               // participants' contributions not taken over
	inRound                       // the writing round open when the report was written
)

type targetKind int

const (
	toAnswer targetKind = iota
	toPart
	toPerspective
	toContribution
)

type parser struct {
	set  *content.Set
	s    *sessions.Session
	line int

	version int // of the format, from the first line
	region  region
	seen    map[string]int // markers that may occur once, with their line
	ended   bool           // the end marker was read

	// The question being read.
	a            *sessions.Answer
	target       targetKind
	part         *sessions.Part
	partID       string // id of the part being read ("" = the question itself)
	persp        int
	statusSeen   bool            // for the current target
	partsSeen    map[string]bool // part ids of the current question
	partnerSeen  map[string]bool
	countSeen    map[string]bool
	choiceSeen   map[string]bool
	choiceMarked bool

	q         *content.Question // the set's question being read, or nil
	sectionID string            // of the last section marker

	sameSet bool // the report was written with this set and version: derived lines must match it

	heading    *heldLine // a heading not yet followed by its marker
	label      *heldLine // a bold line that is a label from the set if a quote follows
	lastMarker string    // name of the block marker on the previous non-blank line
	comparing  bool      // in the derived comparison with last year

	quoting     bool     // inside a blockquote
	quoteLines  []string // its lines so far
	quoteOpen   bool     // the last quote line had text, so a plain line continues it
	quoteTarget targetKind

	contrib     int            // index of the contribution being read, or -1
	contribSeen map[string]int // its facts read, with their line

	roundAt   int            // line of the round's marker
	roundSeen map[string]int // the round's facts read, with their line
	roundOrgs map[string]int // the organisations read under "Ingestuurd", with their line
	roundList bool           // the last fact was "Ingestuurd": organisations follow
}

func (p *parser) fail(msg string) error {
	return p.failAt(p.line, msg)
}

func (p *parser) failAt(line int, msg string) error {
	return &ParseError{Line: line, Msg: sessions.Printable(msg)}
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
		switch line {
		case header:
			p.version = 2
		case headerV1:
			p.version = 1
		default:
			if strings.HasPrefix(line, "<!-- gespreksmap report ") {
				return p.fail("deze versie van het verslagformaat kent dit programma niet (verwacht " + header + ")")
			}
			return p.fail("dit is geen gespreksverslag van gespreksmap: de eerste regel moet " + header + " zijn")
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
		if line != markerPrefix+mMeta+" "+markerSuffix {
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
	if p.ended {
		return p.fail("na het einde van het verslag (" + markerPrefix + mEnd + " " + markerSuffix + ") hoort niets meer te staan")
	}
	after := p.lastMarker
	p.lastMarker = ""
	isMarker := strings.HasPrefix(line, "<!--")
	if p.label != nil {
		p.resolveLabel(raw)
	}
	if p.heading != nil && !isMarker {
		if err := p.headingWithoutMarker(); err != nil {
			return err
		}
	}
	if isMarker {
		return p.marker(line)
	}
	if p.region == inDerived {
		return p.derivedLine(line)
	}
	if _, ok := headingText(line); ok {
		p.heading = &heldLine{text: line, line: p.line}
		return nil
	}
	switch p.region {
	case inParticipants, inPrior, inActions, inAgenda, inParked, inClosing:
		return p.tableRow(line)
	case inContributions:
		return p.contributionLine(raw, line)
	case inRound:
		return p.roundLine(raw, line)
	}
	if p.a == nil {
		return p.outsideQuestion(line, after)
	}
	return p.questionLine(raw, line, after)
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
		if mdtext.ThematicBreak(s) {
			return true
		}
		return s[0] != '_' && len(s) > 2 && (s[1] == ' ' || s[1] == '\t') && strings.TrimSpace(s[2:]) != ""
	case '1':
		return len(s) > 3 && (s[1] == '.' || s[1] == ')') && s[2] == ' ' && strings.TrimSpace(s[3:]) != ""
	}
	return false
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

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
	case toContribution:
		dst = &p.s.Contributions[p.contrib].Text
	}
	if *dst != "" {
		// A second quote for the same answer: a person split a paragraph.
		*dst += "\n\n" + text
	} else {
		*dst = text
	}
}

// parseMarker splits "<!-- gm:NAME ARG -->".
func parseMarker(s string) (name, arg string, ok bool) {
	inner, ok := strings.CutPrefix(s, markerPrefix)
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
	mParticipants: true, mSection: true, mQuestion: true, mUnknown: true, mPriorActions: true, mActions: true, mEnd: true,
	mAgenda: true, mParked: true, mClosing: true, mContributions: true, mRound: true,
}

// blockRegions is what the lines after a block marker are.
var blockRegions = map[string]region{
	mDerived: inDerived, mParticipants: inParticipants, mUnknown: inBody,
	mPriorActions: inPrior, mActions: inActions,
	mAgenda: inAgenda, mParked: inParked, mClosing: inClosing, mContributions: inContributions,
	mRound: inRound,
}

var inlineMarkers = map[string]bool{
	mPerspective: true, mPartner: true, mOther: true, mCount: true, mChoice: true, mRef: true,
}

// marker handles a line starting with "<!--".
func (p *parser) marker(line string) error {
	name, arg, ok := parseMarker(line)
	if !ok {
		return p.fail("onbekende opmerking; dit verslag kent alleen markeringen als <!-- gm:question id -->")
	}
	needsArg := name == "section" || name == "question" || name == "part" || name == mContribution
	switch {
	case !structuralMarkers[name] && !inlineMarkers[name] && name != "part" && name != "meta" && name != "derived" && name != mContribution:
		return p.fail("onbekende markering <!-- gm:" + quoted(name) + " -->")
	case inlineMarkers[name]:
		return p.fail("de markering <!-- gm:" + quoted(name) + " --> hoort aan het eind van een regel, niet op een eigen regel")
	case needsArg && arg == "":
		return p.fail("de markering <!-- gm:" + quoted(name) + " --> mist een id")
	case !needsArg && arg != "":
		return p.fail("de markering <!-- gm:" + quoted(name) + " --> heeft geen id")
	}
	once := func(key string) error {
		if first, dup := p.seen[key]; dup {
			return p.fail("dubbele markering " + quoted(line) + " (eerst op regel " + strconv.Itoa(first) + ")")
		}
		p.seen[key] = p.line
		return nil
	}
	heading := p.heading
	p.heading = nil
	p.lastMarker = name
	switch name {
	case "meta":
		return p.fail("dubbele markering " + quoted(line) + " (eerst op regel " + strconv.Itoa(p.seen["meta"]) + ")")
	case mEnd:
		if err := once(name); err != nil {
			return err
		}
		p.endQuestion()
		p.ended = true
	case "derived", "participants", "unknown", "prior-actions", "actions", mAgenda, mParked, mClosing, mContributions, mRound:
		if err := once(name); err != nil {
			return err
		}
		p.endQuestion()
		p.contrib = -1
		p.region = blockRegions[name]
		if name == mRound {
			p.roundMarker()
		}
	case mContribution:
		return p.contributionMarker(arg, heading)
	case "section":
		if err := once("section " + arg); err != nil {
			return err
		}
		p.endQuestion()
		p.region, p.sectionID = inBody, arg
	case "question":
		if err := once("question " + arg); err != nil {
			return err
		}
		p.endQuestion()
		p.region = inBody
		p.startQuestion(arg, heading)
	case "part":
		if p.a == nil {
			return p.fail("<!-- gm:part " + quoted(arg) + " --> staat niet onder een vraag")
		}
		if p.partsSeen[arg] {
			return p.fail("dubbele markering " + quoted(line) + " in dezelfde vraag")
		}
		p.partsSeen[arg] = true
		p.part, p.partID = p.a.Part(arg), arg
		p.target, p.statusSeen = toPart, false
	}
	return p.headingFits(heading, name, arg)
}

func (p *parser) startQuestion(id string, heading *heldLine) {
	p.a = &sessions.Answer{QuestionID: id}
	_, p.q = p.set.Question(id)
	if heading != nil {
		h, _ := headingText(heading.text)
		if n := headingNumberLen(h); n > 0 {
			h = h[n:]
		}
		if h == "`"+id+"`" {
			h = ""
		}
		p.a.QuestionText = lineValue(strings.TrimSpace(h))
	}
	p.target, p.part, p.partID, p.statusSeen, p.choiceMarked = toAnswer, nil, "", false, false
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
	p.a, p.part, p.q = nil, nil, nil
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
	if p.version >= 2 && !p.ended {
		// Without it a file cut off at a block boundary would read as whole.
		return p.fail("het verslag is niet compleet: de laatste regel (" + markerPrefix + mEnd + " " + markerSuffix + ") ontbreekt; misschien is het bestand afgebroken. Zet een eerder bewaarde versie terug, of zet die regel er zelf onder als er niets ontbreekt")
	}
	if p.label != nil {
		p.resolveLabel("")
	}
	if p.heading != nil {
		if err := p.headingWithoutMarker(); err != nil {
			return err
		}
	}
	p.endQuestion()
	if err := p.roundComplete(); err != nil {
		return err
	}
	return p.requiredBlocks()
}
