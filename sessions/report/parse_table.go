package report

import (
	"strconv"
	"strings"
	"time"

	"gespreksmap/sessions"
	"gespreksmap/sessions/mdtext"
)

func (p *parser) metaLine(line string) error {
	if line == "" {
		return nil
	}
	if line == metaEnd {
		p.region = inBody
		// Derived lines can only be checked against the set they were
		// written from.
		p.sameSet = p.set.ID != "" && p.s.SetID == p.set.ID && p.s.SetVersion == p.set.Version
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
		return p.fail("'" + quoted(label) + "' staat twee keer in de gegevens (eerst op regel " + strconv.Itoa(first) + ")")
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
		id, part, err := p.stopRef(value)
		if err != nil {
			return err
		}
		s.Current = sessions.StopRef(id, part)
	case labelUpdated:
		if value == "" {
			return nil
		}
		t, err := time.ParseInLocation(updatedLayout, value, time.Local)
		if err != nil {
			return p.fail("'" + quoted(value) + "' is geen datum en tijd zoals 2026-11-22 15:04")
		}
		s.Updated = t
	default:
		return p.fail("onbekend gegeven '" + quoted(label) + "' (bekend zijn: " + strings.Join(metaLabels, ", ") + ")")
	}
	return nil
}

// lineValue reads a single-line value as the writer wrote it: escaped,
// cleaned, without surrounding space. Cleaning here keeps what a file may
// hold (control characters) out of the session, as input cleaning does.
func lineValue(raw string) string {
	return strings.TrimSpace(sessions.CleanLine(mdtext.Unescape(raw)))
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
	agendaColumns      = splitRow(agendaHeader)
	parkedColumns      = splitRow(parkedHeader)
	closingColumns     = splitRow(closingHeader)
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
	case inAgenda:
		columns = agendaColumns
	case inParked:
		columns = parkedColumns
	case inClosing:
		columns = closingColumns
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
	case inAgenda:
		return p.agendaRow(cells)
	case inParked:
		return p.parkedRow(cells)
	case inClosing:
		p.s.Closing = append(p.s.Closing, sessions.ClosingRound{Organisation: lineValue(cells[0]), ClosingAnswers: sessions.ClosingAnswers{
			Use: lineValue(cells[1]), FirstStep: lineValue(cells[2]), Questions: lineValue(cells[3]),
		}})
	case inActions:
		item, err := p.actionItem(cells)
		if err != nil {
			return err
		}
		if item.Done, err = p.yesNo(cells[5], "Klaar"); err != nil {
			return err
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
			return p.fail("'" + quoted(cells[5]) + "' in de kolom Uitkomst: schrijf " + orList(sessions.OutcomeWords()))
		}
		p.s.PriorActions = append(p.s.PriorActions, sessions.PriorAction{Item: item, Outcome: o})
	}
	return nil
}

// yesNo reads a cell of ja or nee (empty is nee), in the named column.
func (p *parser) yesNo(cell, column string) (bool, error) {
	switch strings.ToLower(cell) {
	case yes:
		return true, nil
	case no, "":
		return false, nil
	}
	return false, p.fail("'" + quoted(cell) + "' in de kolom " + column + ": schrijf ja of nee")
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
		return p.fail("'" + quoted(cells[4]) + "' in de kolom Tekenbevoegd: schrijf ja of nee")
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
		return item, p.fail("'" + quoted(cells[0]) + "' in de kolom Nr: laat hem leeg of schrijf een nummer")
	}
	id, part, err := p.stopRef(cells[4])
	if err != nil {
		return item, err
	}
	item.Part = part
	item.What = lineValue(cells[1])
	item.Who = lineValue(cells[2])
	item.When = lineValue(cells[3])
	item.QuestionID = id
	return item, nil
}

// stopRef reads where an action item was made, or where the conversation
// goes on: the id in a ref marker, as written ("3.1b <!-- gm:ref
// kinderen.onderwerpen#beoordeling -->"; the number before it is derived);
// "1.2 `id`" as version 1 wrote it; or, typed by a person, a bare number
// ("1.2", "3.1b") or question id the set knows.
func (p *parser) stopRef(cell string) (questionID, partID string, err error) {
	cell = strings.TrimSpace(cell)
	if cell == "" {
		return "", "", nil
	}
	if i := strings.Index(cell, markerPrefix); i >= 0 {
		name, arg, ok := parseMarker(cell[i:])
		if !ok || name != mRef || arg == "" {
			return "", "", p.fail("verwacht het nummer van de vraag met " + markerPrefix + mRef + " id " + markerSuffix + " erachter, niet " + quoted(cell[i:]))
		}
		q, part := sessions.ParseStopRef(strings.ReplaceAll(arg, `\|`, "|"))
		return markerArg(q), markerArg(part), nil
	}
	if i, j := strings.IndexByte(cell, '`'), strings.LastIndexByte(cell, '`'); i >= 0 && j > i {
		return markerArg(strings.ReplaceAll(cell[i+1:j], `\|`, "|")), "", nil
	}
	ref := mdtext.Unescape(cell)
	if strings.EqualFold(ref, closingPlace) {
		return sessions.ClosingRef, "", nil
	}
	if _, q := p.set.Question(ref); q != nil {
		return ref, "", nil
	}
	if q, part, ok := p.set.StopAt(ref); ok {
		return q, part, nil
	}
	return "", "", p.fail("onbekende vraag '" + quoted(cell) + "'; schrijf het nummer van de vraag zoals in dit verslag, bijvoorbeeld 1.2 of 3.1b")
}

// orList joins words the Dutch way for a choice: "a, b of c".
func orList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " of " + words[len(words)-1]
}
