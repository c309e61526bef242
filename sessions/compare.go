package sessions

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"gespreksmap/content"
)

// The yearly comparison: a project group brings last year's report back and
// wants to see, per question, what moved. Everything is matched by id, so
// reports made with different versions of a question set compare without
// errors; answers to questions the set does not know are listed apart.

// The report writer shows the comparison in a report that has a baseline.
func init() {
	ChangesSection = func(set *content.Set, prior, s *Session) string {
		return Compare(set, prior, s).Markdown()
	}
}

// Changes is everything that differs between two reports of the same
// partnership, in the order of the question set.
type Changes struct {
	PriorTitle, CurrentTitle string
	PriorDate, CurrentDate   string // YYYY-MM-DD as in the reports
	// The question sets the reports were made with.
	PriorSetID, PriorSetVersion     string
	CurrentSetID, CurrentSetVersion string

	// Statuses are status changes of questions and of their sub-points or
	// topics, for questions and parts answered in both reports.
	Statuses []StatusChange
	// Counts compares every counts question answered in both reports.
	Counts []CountsComparison
	// Partners are changed partner states on partner checklists answered in
	// both reports, standard partner kinds and named other partners.
	Partners []PartnerChange
	// Choices are changed choices of choice questions answered in both reports.
	Choices []ChoiceChange
	// Actions are last year's open action items with what became of them.
	Actions []ActionOutcome
	// NoLongerAnswered were answered in the prior report and not in the
	// current one: questions, and parts of questions answered in both.
	NoLongerAnswered []AnsweredQuestion
	// NewlyAnswered are answered in the current report and not in the prior
	// one: questions, and parts of questions answered in both.
	NewlyAnswered []AnsweredQuestion
	// Unknown are answers to questions the set does not know (from another
	// version of the set), in either report.
	Unknown []UnknownQuestion
	// OneYearOnly are counts, partner and choice questions filled in in only
	// one of the two reports, so there is nothing to compare them with.
	OneYearOnly []OneYearOnly
	// JoinedOrganisations and LeftOrganisations are the participants'
	// organisations at the table this year and not last year, and the other
	// way round, matched ignoring case; OrganisationsIn tells whether each
	// report names any organisation at all.
	JoinedOrganisations, LeftOrganisations       []string
	OrganisationsInPrior, OrganisationsInCurrent bool
	// Compared is, per kind (counts, partners, choice), the number of
	// questions filled in in both reports, whether or not anything changed.
	Compared map[content.Kind]int
}

// OneYearOnly is a counts, partner or choice question whose numbers,
// partners or choice were filled in in one report only.
type OneYearOnly struct {
	Question  QuestionRef
	Kind      content.Kind
	InCurrent bool // filled in this year and not last year; false: the other way round
}

// QuestionRef places a question of the set: its section and number.
type QuestionRef struct {
	ID           string
	Text         string
	Section      int // 1-based position of the section in the set
	Index        int // 1-based position of the question in its section
	SectionID    string
	SectionTitle string
}

// Number is the question's number as the report shows it, e.g. "2.1".
func (q QuestionRef) Number() string {
	return questionNumber(q.Section-1, q.Index-1)
}

// StatusChange is a changed status of a question (PartID empty) or of one
// of its sub-points or topics.
type StatusChange struct {
	Question   QuestionRef
	PartID     string
	PartLetter string // "a", "b", ... as the report letters parts; "" when the set does not know the part
	PartText   string
	From, To   Status
}

// Number is the question's or part's number as the report shows it, e.g.
// "1.3" or "1.3b"; a part the set does not know gets its id in backticks.
func (c StatusChange) Number() string {
	return cmpPartNumber(c.Question, c.PartID, c.PartLetter)
}

func cmpPartNumber(q QuestionRef, partID, letter string) string {
	switch {
	case partID == "":
		return q.Number()
	case letter != "":
		return q.Number() + letter
	}
	return q.Number() + " `" + strings.ReplaceAll(partID, "`", "'") + "`"
}

// Movement says which way a status went, in the words of the report.
type Movement int

const (
	MovedForward  Movement = iota // towards "geregeld"
	MovedBack                     // away from "geregeld"
	MovedOther                    // to or from "n.v.t."
	StatusGiven                   // answered both years, a status only this year
	StatusRemoved                 // answered both years, a status only last year
)

// Label is the movement as the status table's "Richting" column shows it.
func (m Movement) Label() string {
	switch m {
	case MovedForward:
		return "vooruit"
	case MovedBack:
		return "achteruit"
	case StatusGiven:
		return "status nieuw"
	case StatusRemoved:
		return "status weg"
	}
	return "anders"
}

// Movement tells a change of one set status into another apart from a
// status given or dropped, so "niet besproken" never counts as a change of
// direction.
func (c StatusChange) Movement() Movement {
	switch {
	case c.From == StatusNone:
		return StatusGiven
	case c.To == StatusNone:
		return StatusRemoved
	}
	switch c.Direction() {
	case 1:
		return MovedForward
	case -1:
		return MovedBack
	}
	return MovedOther
}

// Direction is +1 when the status moved towards "geregeld", -1 when it moved
// away from it, 0 when the two cannot be ranked (n.v.t., niet besproken).
func (c StatusChange) Direction() int {
	f, t := cmpStatusRank(c.From), cmpStatusRank(c.To)
	switch {
	case f == 0 || t == 0 || f == t:
		return 0
	case t > f:
		return 1
	}
	return -1
}

func cmpStatusRank(s Status) int {
	switch s {
	case StatusDone:
		return 3
	case StatusPartial:
		return 2
	case StatusNotYet:
		return 1
	}
	return 0
}

// CountsComparison sets one counts question's numbers side by side.
type CountsComparison struct {
	Question QuestionRef
	Rows     []CountRow
}

// CountRow is one category: last year's number and this year's.
type CountRow struct {
	CategoryID string
	Label      string
	Prior      int
	Current    int
	InPrior    bool // filled in in the prior report
	InCurrent  bool // filled in in the current report
}

// Totals sums, for each report, the categories filled in in both reports,
// so the two totals count the same groups; ok is false when no category was
// filled in in both. The totals add up groups, not children: a child can be
// in more than one group.
func (c CountsComparison) Totals() (prior int, priorOK bool, current int, currentOK bool) {
	for _, r := range c.Rows {
		if r.InPrior && r.InCurrent {
			prior += r.Prior
			current += r.Current
			priorOK, currentOK = true, true
		}
	}
	return prior, priorOK, current, currentOK
}

// LeftOut are the categories filled in in one report only, which the
// totals leave out.
func (c CountsComparison) LeftOut() []CountRow {
	var out []CountRow
	for _, r := range c.Rows {
		if r.InPrior != r.InCurrent {
			out = append(out, r)
		}
	}
	return out
}

// PartnerChange is a changed state of one partner on a partner checklist.
type PartnerChange struct {
	Question  QuestionRef
	PartnerID string // partner kind id; "" for a named other partner
	Label     string // the partner kind's label, or the other partner's name
	Other     bool   // a named partner outside the standard list
	From, To  PartnerState
}

// Joined reports whether the partnership started working with this partner.
func (c PartnerChange) Joined() bool {
	return c.To == PartnerTogether && c.From != PartnerTogether
}

// Left reports whether the partnership stopped working with this partner
// (an explicit "nog niet" or "n.v.t." now; a blank is not leaving).
func (c PartnerChange) Left() bool {
	return c.From == PartnerTogether && (c.To == PartnerNotYet || c.To == PartnerNA)
}

// ChoiceChange is a different choice on a choice question.
type ChoiceChange struct {
	Question           QuestionRef
	From, To           string // choice ids; "" = no choice made
	FromLabel, ToLabel string
}

// ActionOutcome is one of last year's open action items and its outcome.
type ActionOutcome struct {
	Item           ActionItem
	QuestionNumber string // number of the question it belongs to; the id in backticks when unknown; "" when general
	Outcome        Outcome
	NewWhen        string // new date of a carried item, when known
}

// AnsweredQuestion is a question, or a sub-point or topic of one (PartID
// set), answered in only one of the two reports.
type AnsweredQuestion struct {
	Question   QuestionRef
	PartID     string
	PartLetter string // "" when the set does not know the part
	PartText   string
	Summary    string // short Dutch description of the answer's state, e.g. "geregeld" or "deels 2 · nog niet 1"
}

// Number is the question's or part's number, e.g. "2.2" or "3.2a".
func (a AnsweredQuestion) Number() string {
	return cmpPartNumber(a.Question, a.PartID, a.PartLetter)
}

// UnknownQuestion is an answer whose question id the set does not know.
type UnknownQuestion struct {
	ID             string
	Text           string // the question text as read from the report
	Prior, Current *Answer
}

// Compare lists what changed between last year's report and this year's,
// using set for the order, numbering and wording of questions.
func Compare(set *content.Set, prior, current *Session) *Changes {
	if set == nil {
		set = &content.Set{}
	}
	if prior == nil {
		prior = &Session{}
	}
	if current == nil {
		current = &Session{}
	}
	c := &Changes{
		PriorTitle: prior.Title, CurrentTitle: current.Title,
		PriorDate: prior.Date, CurrentDate: current.Date,
		PriorSetID: prior.SetID, PriorSetVersion: prior.SetVersion,
		CurrentSetID: current.SetID, CurrentSetVersion: current.SetVersion,
		Compared: map[content.Kind]int{},
	}
	refs := map[string]QuestionRef{}
	for si := range set.Sections {
		sec := &set.Sections[si]
		for qi := range sec.Questions {
			q := &sec.Questions[qi]
			ref := QuestionRef{ID: q.ID, Text: q.Text, Section: si + 1, Index: qi + 1, SectionID: sec.ID, SectionTitle: sec.Title}
			refs[q.ID] = ref
			c.compareQuestion(set, q, ref, prior.Answers[q.ID], current.Answers[q.ID])
		}
	}
	c.Unknown = cmpUnknown(refs, prior, current)
	was, is := cmpOrganisations(prior), cmpOrganisations(current)
	c.OrganisationsInPrior, c.OrganisationsInCurrent = len(was) > 0, len(is) > 0
	c.JoinedOrganisations, c.LeftOrganisations = cmpOnlyIn(is, was), cmpOnlyIn(was, is)
	c.Actions = cmpActions(refs, prior, current)
	return c
}

func (c *Changes) compareQuestion(set *content.Set, q *content.Question, ref QuestionRef, was, is *Answer) {
	c.compareKind(set, q, ref, was, is)
	switch {
	case was.Empty() && is.Empty():
		return
	case is.Empty():
		c.NoLongerAnswered = append(c.NoLongerAnswered, AnsweredQuestion{Question: ref, Summary: cmpSummary(q, was)})
		return
	case was.Empty():
		c.NewlyAnswered = append(c.NewlyAnswered, AnsweredQuestion{Question: ref, Summary: cmpSummary(q, is)})
		return
	}
	if was.Status != is.Status {
		c.Statuses = append(c.Statuses, StatusChange{Question: ref, From: was.Status, To: is.Status})
	}
	// Parts are questions of their own: one answered in a single year is new
	// or gone, not a change of status.
	for _, p := range cmpParts(q, was, is) {
		wp, ip := was.Parts[p.id], is.Parts[p.id]
		switch {
		case cmpPartEmpty(wp) && cmpPartEmpty(ip):
		case cmpPartEmpty(ip):
			c.NoLongerAnswered = append(c.NoLongerAnswered, AnsweredQuestion{Question: ref, PartID: p.id, PartLetter: p.letter, PartText: p.text, Summary: cmpPartSummary(wp)})
		case cmpPartEmpty(wp):
			c.NewlyAnswered = append(c.NewlyAnswered, AnsweredQuestion{Question: ref, PartID: p.id, PartLetter: p.letter, PartText: p.text, Summary: cmpPartSummary(ip)})
		case wp.Status != ip.Status:
			c.Statuses = append(c.Statuses, StatusChange{Question: ref, PartID: p.id, PartLetter: p.letter, PartText: p.text, From: wp.Status, To: ip.Status})
		}
	}
}

// compareKind compares the numbers, partners or choice of a question, but
// only when both reports filled them in: an empty year is not a change.
func (c *Changes) compareKind(set *content.Set, q *content.Question, ref QuestionRef, was, is *Answer) {
	var inWas, inIs bool
	switch q.Kind {
	case content.KindCounts, content.KindPartners, content.KindChoice:
		inWas, inIs = cmpFilled(q.Kind, was), cmpFilled(q.Kind, is)
	default:
		return
	}
	switch {
	case !inWas && !inIs:
		return
	case inWas != inIs:
		c.OneYearOnly = append(c.OneYearOnly, OneYearOnly{Question: ref, Kind: q.Kind, InCurrent: inIs})
		return
	}
	c.Compared[q.Kind]++
	switch q.Kind {
	case content.KindCounts:
		c.Counts = append(c.Counts, cmpCounts(q, ref, was, is))
	case content.KindPartners:
		c.Partners = append(c.Partners, cmpPartners(set, ref, was, is)...)
	case content.KindChoice:
		if was.Choice != is.Choice {
			c.Choices = append(c.Choices, ChoiceChange{
				Question: ref, From: was.Choice, To: is.Choice,
				FromLabel: cmpChoiceLabel(q, was.Choice), ToLabel: cmpChoiceLabel(q, is.Choice),
			})
		}
	}
}

// cmpFilled reports whether the part of an answer that its kind compares
// was filled in.
func cmpFilled(kind content.Kind, a *Answer) bool {
	if a == nil {
		return false
	}
	switch kind {
	case content.KindCounts:
		return len(a.Counts) > 0
	case content.KindChoice:
		return a.Choice != ""
	case content.KindPartners:
		if len(a.OtherPartners) > 0 {
			return true
		}
		for _, st := range a.Partners {
			if st != PartnerUnknown {
				return true
			}
		}
	}
	return false
}

type cmpPart struct{ id, letter, text string }

func cmpPartEmpty(p *Part) bool {
	return p == nil || (p.Status == StatusNone && strings.TrimSpace(p.Text) == "")
}

func cmpPartSummary(p *Part) string {
	if p.Status != StatusNone {
		return p.Status.Label()
	}
	return "beantwoord"
}

// cmpParts lists the parts of a question in the set's order, then parts
// only the reports know, sorted by id.
func cmpParts(q *content.Question, answers ...*Answer) []cmpPart {
	var out []cmpPart
	known := map[string]bool{}
	for i, p := range q.Parts() {
		out = append(out, cmpPart{id: p.ID, letter: content.PartLetter(i), text: p.Text})
		known[p.ID] = true
	}
	var parts []map[string]*Part
	for _, a := range answers {
		parts = append(parts, a.Parts)
	}
	for _, id := range unknownKeys(known, parts...) {
		out = append(out, cmpPart{id: id, text: id})
	}
	return out
}

func cmpCounts(q *content.Question, ref QuestionRef, was, is *Answer) CountsComparison {
	cc := CountsComparison{Question: ref}
	known := map[string]bool{}
	add := func(id, label string) {
		known[id] = true
		p, inP := was.Counts[id]
		n, inN := is.Counts[id]
		if !inP && !inN {
			return // a category nobody filled in says nothing
		}
		cc.Rows = append(cc.Rows, CountRow{CategoryID: id, Label: label, Prior: p, Current: n, InPrior: inP, InCurrent: inN})
	}
	for _, cat := range q.Categories {
		add(cat.ID, cat.Label)
	}
	for _, id := range unknownKeys(known, was.Counts, is.Counts) {
		add(id, id)
	}
	return cc
}

func cmpPartners(set *content.Set, ref QuestionRef, was, is *Answer) []PartnerChange {
	var out []PartnerChange
	known := map[string]bool{}
	check := func(id, label string) {
		known[id] = true
		if f, t := was.Partners[id], is.Partners[id]; f != t {
			out = append(out, PartnerChange{Question: ref, PartnerID: id, Label: label, From: f, To: t})
		}
	}
	for _, pk := range set.PartnerKinds {
		check(pk.ID, pk.Label)
	}
	for _, id := range unknownKeys(known, was.Partners, is.Partners) {
		check(id, id)
	}

	// Named partners are matched by name, ignoring case and outer spaces,
	// since the name is all there is to go by.
	type other struct {
		name     string
		from, to PartnerState
	}
	others := map[string]*other{}
	for _, op := range was.OtherPartners {
		k := strings.ToLower(strings.TrimSpace(op.Name))
		if others[k] == nil {
			others[k] = &other{name: strings.TrimSpace(op.Name)}
		}
		others[k].from = op.State
	}
	for _, op := range is.OtherPartners {
		k := strings.ToLower(strings.TrimSpace(op.Name))
		if others[k] == nil {
			others[k] = &other{}
		}
		others[k].name = strings.TrimSpace(op.Name) // this year's spelling wins
		others[k].to = op.State
	}
	keys := make([]string, 0, len(others))
	for k := range others {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		o := others[k]
		if o.from != o.to {
			out = append(out, PartnerChange{Question: ref, Label: o.name, Other: true, From: o.from, To: o.to})
		}
	}
	return out
}

// cmpOrganisations maps the participants' organisations, lower case with
// spaces tidied, to their first spelling in the report.
func cmpOrganisations(s *Session) map[string]string {
	m := map[string]string{}
	for _, p := range s.Participants {
		name := strings.Join(strings.Fields(p.Organisation), " ")
		if k := strings.ToLower(name); k != "" && m[k] == "" {
			m[k] = name
		}
	}
	return m
}

// cmpOnlyIn lists the organisations of a that b lacks, sorted.
func cmpOnlyIn(a, b map[string]string) []string {
	var keys []string
	for k := range a {
		if _, ok := b[k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = a[k]
	}
	return out
}

func cmpChoiceLabel(q *content.Question, id string) string {
	if id == "" {
		return "geen keuze"
	}
	for _, ch := range q.Choices {
		if ch.ID == id {
			return ch.Label
		}
	}
	return id
}

// cmpSummary describes in a few words how far an answer got.
func cmpSummary(q *content.Question, a *Answer) string {
	var bits []string
	if a.Status != StatusNone {
		bits = append(bits, a.Status.Label())
	}
	if len(a.Parts) > 0 {
		n := map[Status]int{}
		for _, p := range a.Parts {
			n[p.Status]++
		}
		var ps []string
		for _, st := range Statuses {
			if st != StatusNone && n[st] > 0 {
				ps = append(ps, fmt.Sprintf("%s %d", st.Label(), n[st]))
			}
		}
		if len(ps) > 0 {
			bits = append(bits, strings.Join(ps, " · "))
		}
	}
	if a.Choice != "" {
		bits = append(bits, "keuze: "+cmpChoiceLabel(q, a.Choice))
	}
	if len(a.Counts) > 0 {
		total := 0
		for _, v := range a.Counts {
			total += v
		}
		bits = append(bits, fmt.Sprintf("totaal %d", total))
	}
	together := 0
	for _, st := range a.Partners {
		if st == PartnerTogether {
			together++
		}
	}
	for _, op := range a.OtherPartners {
		if op.State == PartnerTogether {
			together++
		}
	}
	if together > 0 {
		bits = append(bits, fmt.Sprintf("samenwerking met %d partners", together))
	}
	if len(bits) == 0 {
		return "beantwoord"
	}
	return strings.Join(bits, "; ")
}

func cmpUnknown(refs map[string]QuestionRef, prior, current *Session) []UnknownQuestion {
	byID := map[string]*UnknownQuestion{}
	note := func(a *Answer, id string, isCurrent bool) {
		if _, ok := refs[id]; ok || a.Empty() {
			return
		}
		u := byID[id]
		if u == nil {
			u = &UnknownQuestion{ID: id}
			byID[id] = u
		}
		if isCurrent {
			u.Current = a
		} else {
			u.Prior = a
		}
		// This year's wording wins; last year's fills the gap.
		if a.QuestionText != "" && (isCurrent || u.Text == "") {
			u.Text = a.QuestionText
		}
	}
	for id, a := range prior.Answers {
		note(a, id, false)
	}
	for id, a := range current.Answers {
		note(a, id, true)
	}
	ids := make([]string, 0, len(byID))
	for id := range byID {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	out := make([]UnknownQuestion, 0, len(ids))
	for _, id := range ids {
		out = append(out, *byID[id])
	}
	return out
}

// cmpActions lists last year's open items. The current report's own record
// of outcomes (PriorActions) comes first and wins; open items of the prior
// report it does not mention are added, carried when this year's list holds
// a carried item with the same description, otherwise still undecided.
func cmpActions(refs map[string]QuestionRef, prior, current *Session) []ActionOutcome {
	key := func(it ActionItem) string { return it.What + "\x00" + it.QuestionID }
	number := func(id string) string {
		if id == "" {
			return ""
		}
		if r, ok := refs[id]; ok {
			return r.Number()
		}
		return "`" + id + "`"
	}
	newWhen := func(it ActionItem) string {
		for _, strict := range []bool{true, false} {
			for _, a := range current.Actions {
				if a.Carried && a.What == it.What && (!strict || a.QuestionID == it.QuestionID) {
					return a.When
				}
			}
		}
		return ""
	}
	var out []ActionOutcome
	seen := map[string]bool{}
	for _, pa := range current.PriorActions {
		seen[key(pa.Item)] = true
		ao := ActionOutcome{Item: pa.Item, QuestionNumber: number(pa.Item.QuestionID), Outcome: pa.Outcome}
		if pa.Outcome == OutcomeCarried {
			ao.NewWhen = newWhen(pa.Item)
		}
		out = append(out, ao)
	}
	for _, it := range prior.Actions {
		if it.Done || seen[key(it)] {
			continue
		}
		seen[key(it)] = true
		ao := ActionOutcome{Item: it, QuestionNumber: number(it.QuestionID)}
		for _, a := range current.Actions {
			if a.Carried && a.What == it.What {
				ao.Outcome = OutcomeCarried
				ao.NewWhen = newWhen(it)
				break
			}
		}
		out = append(out, ao)
	}
	return out
}

// Markdown writes the comparison as a report section.
func (c *Changes) Markdown() string {
	var b strings.Builder
	since := "het vorige gesprek"
	if c.PriorDate != "" {
		since = cmpDate(c.PriorDate)
	}
	fmt.Fprintf(&b, "## Wat is er veranderd sinds %s\n\n", cmpInline(since))
	fmt.Fprintf(&b, "Vergeleken: het verslag van %s met dat van %s.\n", cmpReportName(c.PriorDate, c.PriorTitle), cmpReportName(c.CurrentDate, c.CurrentTitle))
	switch {
	case c.PriorSetID != c.CurrentSetID:
		fmt.Fprintf(&b, "\nVorig jaar is vragenset %s gebruikt, dit jaar %s. De vragen zijn vergeleken op hun vaste code.\n",
			cmpSetName(c.PriorSetID, c.PriorSetVersion), cmpSetName(c.CurrentSetID, c.CurrentSetVersion))
	case c.PriorSetVersion != c.CurrentSetVersion:
		fmt.Fprintf(&b, "\nVorig jaar is versie %s van de vragenset gebruikt, dit jaar versie %s. De vragen zijn vergeleken op hun vaste code.\n",
			cmpVersion(c.PriorSetVersion), cmpVersion(c.CurrentSetVersion))
	}
	c.writeStatuses(&b)
	c.writeCounts(&b)
	c.writePartners(&b)
	c.writeParticipants(&b)
	c.writeChoices(&b)
	c.writeActions(&b)
	cmpWriteAnswered(&b, "Vorig jaar beantwoord, dit jaar niet", "Stand vorig jaar", c.NoLongerAnswered,
		"Geen veranderingen: alle vragen en deelpunten van vorig jaar zijn dit jaar ook beantwoord.")
	cmpWriteAnswered(&b, "Dit jaar voor het eerst beantwoord", "Stand dit jaar", c.NewlyAnswered,
		"Geen veranderingen: er zijn geen vragen of deelpunten die dit jaar voor het eerst zijn beantwoord.")
	c.writeUnknown(&b)
	return b.String()
}

func (c *Changes) writeStatuses(b *strings.Builder) {
	b.WriteString("\n### Status van vragen en deelpunten\n\n")
	if len(c.Statuses) == 0 {
		b.WriteString("Geen veranderingen in de status van vragen en deelpunten.\n")
		return
	}
	n := map[Movement]int{}
	for _, s := range c.Statuses {
		n[s.Movement()]++
	}
	fmt.Fprintf(b, "Vooruit: %d · achteruit: %d · anders: %d", n[MovedForward], n[MovedBack], n[MovedOther])
	// Rare kinds are only named when they occur, to keep the line short.
	if n[StatusGiven] > 0 {
		fmt.Fprintf(b, " · status nieuw: %d", n[StatusGiven])
	}
	if n[StatusRemoved] > 0 {
		fmt.Fprintf(b, " · status weg: %d", n[StatusRemoved])
	}
	b.WriteString("\n")
	section := 0
	for _, s := range c.Statuses {
		if s.Question.Section != section {
			section = s.Question.Section
			fmt.Fprintf(b, "\n#### %d. %s\n\n", section, cmpInline(s.Question.SectionTitle))
			b.WriteString("| Nr | Vraag of deelpunt | Verandering | Richting |\n| --- | --- | --- | --- |\n")
		}
		text := cmpPartText(s.Question, s.PartID, s.PartLetter, s.PartText)
		fmt.Fprintf(b, "| %s | %s | %s → %s | %s |\n", s.Number(), cmpCell(text), s.From.Label(), s.To.Label(), s.Movement().Label())
	}
}

func cmpPartText(q QuestionRef, partID, letter, text string) string {
	switch {
	case partID == "":
		return q.Text
	case letter == "":
		return "deelpunt dat niet in deze vragenset staat"
	}
	return text
}

func (c *Changes) writeCounts(b *strings.Builder) {
	b.WriteString("\n### Aantallen\n\n")
	if c.writeOneYearOnly(b, content.KindCounts, len(c.Counts) > 0,
		"Niet te vergelijken: er zijn in geen van beide verslagen aantallen ingevuld.", "") {
		return
	}
	for i, cc := range c.Counts {
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(b, "#### %s %s\n\n", cc.Question.Number(), cmpInline(cc.Question.Text))
		b.WriteString("| Categorie | Vorig jaar | Dit jaar | Verschil |\n| --- | ---: | ---: | ---: |\n")
		for _, r := range cc.Rows {
			fmt.Fprintf(b, "| %s | %s | %s | %s |\n", cmpCell(r.Label),
				cmpNumber(r.Prior, r.InPrior), cmpNumber(r.Current, r.InCurrent), cmpDiff(r.Prior, r.InPrior, r.Current, r.InCurrent))
		}
		p, pok, n, nok := cc.Totals()
		if pok && nok {
			fmt.Fprintf(b, "| **Totaal** | **%s** | **%s** | **%s** |\n", cmpNumber(p, pok), cmpNumber(n, nok), cmpDiff(p, pok, n, nok))
			b.WriteString("\nHet totaal telt alleen de categorieën die beide jaren zijn ingevuld. Het telt groepen op, geen kinderen: een kind kan in meer dan één groep vallen.\n")
		} else {
			b.WriteString("\nGeen categorie is beide jaren ingevuld, dus er is geen totaal om te vergelijken.\n")
		}
		if left := cc.LeftOut(); len(left) > 0 && pok {
			var names []string
			for _, r := range left {
				year := "alleen vorig jaar"
				if r.InCurrent {
					year = "alleen dit jaar"
				}
				names = append(names, cmpInline(r.Label)+" ("+year+")")
			}
			fmt.Fprintf(b, "\nNiet in het totaal, want in één jaar ingevuld: %s.\n", strings.Join(names, "; "))
		}
	}
}

// writeOneYearOnly writes, above a kind's table, the questions of that kind
// that cannot be compared, and reports whether there is no table to follow.
// "No changes" is only claimed for questions filled in in both years.
func (c *Changes) writeOneYearOnly(b *strings.Builder, kind content.Kind, table bool, nothing, unchanged string) bool {
	var notes []string
	for _, o := range c.OneYearOnly {
		if o.Kind != kind {
			continue
		}
		year := "vorig jaar" // the year it was not filled in
		if !o.InCurrent {
			year = "dit jaar"
		}
		nr := o.Question.Number()
		switch kind {
		case content.KindCounts:
			notes = append(notes, fmt.Sprintf("Niet te vergelijken: bij %s zijn %s geen aantallen ingevuld.", nr, year))
		case content.KindChoice:
			notes = append(notes, fmt.Sprintf("Niet te vergelijken: bij %s is %s geen keuze gemaakt.", nr, year))
		default:
			notes = append(notes, fmt.Sprintf("Niet te vergelijken: %s is %s niet ingevuld.", nr, year))
		}
	}
	for _, n := range notes {
		b.WriteString(n + "\n\n")
	}
	switch {
	case table:
		return false
	case c.Compared[kind] == 0 && len(notes) == 0:
		b.WriteString(nothing + "\n")
	case c.Compared[kind] > 0 && len(notes) == 0:
		b.WriteString(unchanged + "\n")
	case c.Compared[kind] > 0:
		b.WriteString("Geen veranderingen bij de vragen die beide jaren zijn ingevuld.\n")
	}
	if s := b.String(); strings.HasSuffix(s, "\n\n") {
		// Keep exactly one line end before the next heading.
		b.Reset()
		b.WriteString(strings.TrimSuffix(s, "\n"))
	}
	return true
}

func cmpNumber(n int, ok bool) string {
	if !ok {
		return "—"
	}
	return strconv.Itoa(n)
}

func cmpDiff(prior int, priorOK bool, current int, currentOK bool) string {
	switch {
	case !currentOK:
		return "—"
	case !priorOK:
		return "nieuw"
	case current > prior:
		return "+" + strconv.Itoa(current-prior)
	case current < prior:
		return "−" + strconv.Itoa(prior-current) // a real minus sign, as in print
	}
	return "0"
}

func (c *Changes) writePartners(b *strings.Builder) {
	b.WriteString("\n### Samenwerking met partners\n\n")
	if c.writeOneYearOnly(b, content.KindPartners, len(c.Partners) > 0,
		"Niet te vergelijken: in geen van beide verslagen is ingevuld met wie er wordt samengewerkt.",
		"Geen veranderingen in de samenwerking met partners.") {
		return
	}
	q := ""
	for _, p := range c.Partners {
		if p.Question.ID != q {
			if q != "" {
				b.WriteString("\n")
			}
			q = p.Question.ID
			fmt.Fprintf(b, "#### %s %s\n\n", p.Question.Number(), cmpInline(p.Question.Text))
			b.WriteString("| Partner | Vorig jaar | Dit jaar | Verandering |\n| --- | --- | --- | --- |\n")
		}
		label := cmpCell(p.Label)
		if p.Other {
			label = "Anders: " + label
		}
		what := "gewijzigd"
		switch {
		case p.Joined():
			what = "nieuwe samenwerking"
		case p.Left():
			what = "samenwerking gestopt"
		case p.To == PartnerUnknown:
			what = "niet meer ingevuld"
		}
		fmt.Fprintf(b, "| %s | %s | %s | %s |\n", label, p.From.Label(), p.To.Label(), what)
	}
}

func (c *Changes) writeParticipants(b *strings.Builder) {
	b.WriteString("\n### Deelnemers\n\n")
	switch {
	case !c.OrganisationsInPrior && !c.OrganisationsInCurrent:
		b.WriteString("Niet te vergelijken: in geen van beide verslagen staan organisaties bij de deelnemers.\n")
		return
	case !c.OrganisationsInPrior:
		b.WriteString("Niet te vergelijken: in het verslag van vorig jaar staan geen organisaties bij de deelnemers.\n")
		return
	case !c.OrganisationsInCurrent:
		b.WriteString("Niet te vergelijken: in het verslag van dit jaar staan geen organisaties bij de deelnemers.\n")
		return
	case len(c.JoinedOrganisations) == 0 && len(c.LeftOrganisations) == 0:
		b.WriteString("Geen veranderingen in de deelnemende organisaties.\n")
		return
	}
	b.WriteString("| Organisatie | Verandering |\n| --- | --- |\n")
	for _, o := range c.JoinedOrganisations {
		fmt.Fprintf(b, "| %s | dit jaar nieuw aan tafel |\n", cmpCell(o))
	}
	for _, o := range c.LeftOrganisations {
		fmt.Fprintf(b, "| %s | dit jaar niet aan tafel |\n", cmpCell(o))
	}
}

func (c *Changes) writeChoices(b *strings.Builder) {
	b.WriteString("\n### Keuzes\n\n")
	if c.writeOneYearOnly(b, content.KindChoice, len(c.Choices) > 0,
		"Niet te vergelijken: in geen van beide verslagen is een keuze gemaakt.",
		"Geen veranderingen in de gemaakte keuzes.") {
		return
	}
	b.WriteString("| Nr | Vraag | Verandering |\n| --- | --- | --- |\n")
	for _, ch := range c.Choices {
		fmt.Fprintf(b, "| %s | %s | %s → %s |\n", ch.Question.Number(), cmpCell(ch.Question.Text), cmpCell(ch.FromLabel), cmpCell(ch.ToLabel))
	}
}

func (c *Changes) writeActions(b *strings.Builder) {
	b.WriteString("\n### Actiepunten van vorig jaar\n\n")
	if len(c.Actions) == 0 {
		b.WriteString("Geen veranderingen: vorig jaar stonden er geen actiepunten open.\n")
		return
	}
	b.WriteString("| Wat | Wie | Wanneer | Bij vraag | Uitkomst |\n| --- | --- | --- | --- | --- |\n")
	for _, a := range c.Actions {
		outcome := "nog niet besloten"
		switch a.Outcome {
		case OutcomeDone:
			outcome = "gedaan"
		case OutcomeDropped:
			outcome = "vervallen"
		case OutcomeCarried:
			outcome = "doorgeschoven"
			if a.NewWhen != "" {
				outcome += " naar " + cmpCell(a.NewWhen)
			}
		}
		nr := a.QuestionNumber
		if nr == "" {
			nr = "—"
		}
		fmt.Fprintf(b, "| %s | %s | %s | %s | %s |\n", cmpCell(a.Item.What), cmpCell(a.Item.Who), cmpCell(a.Item.When), nr, outcome)
	}
}

func cmpWriteAnswered(b *strings.Builder, title, column string, qs []AnsweredQuestion, none string) {
	fmt.Fprintf(b, "\n### %s\n\n", title)
	if len(qs) == 0 {
		b.WriteString(none + "\n")
		return
	}
	fmt.Fprintf(b, "| Nr | Vraag of deelpunt | %s |\n| --- | --- | --- |\n", column)
	for _, q := range qs {
		fmt.Fprintf(b, "| %s | %s | %s |\n", q.Number(), cmpCell(cmpPartText(q.Question, q.PartID, q.PartLetter, q.PartText)), cmpCell(q.Summary))
	}
}

func (c *Changes) writeUnknown(b *strings.Builder) {
	b.WriteString("\n### Vragen die niet in deze vragenset staan\n\n")
	if len(c.Unknown) == 0 {
		b.WriteString("Geen veranderingen: alle antwoorden horen bij vragen uit deze vragenset.\n")
		return
	}
	b.WriteString("Deze vragen komen uit een andere versie van de vragenset; ze zijn niet in detail vergeleken.\n\n")
	b.WriteString("| Code | Vraag | Vorig jaar | Dit jaar |\n| --- | --- | --- | --- |\n")
	for _, u := range c.Unknown {
		text := u.Text
		if text == "" {
			text = "(vraagtekst onbekend)"
		}
		fmt.Fprintf(b, "| `%s` | %s | %s | %s |\n", strings.ReplaceAll(u.ID, "`", "'"), cmpCell(text), cmpUnknownState(u.Prior), cmpUnknownState(u.Current))
	}
}

func cmpUnknownState(a *Answer) string {
	switch {
	case a.Empty():
		return "niet beantwoord"
	case a.Status != StatusNone:
		return "beantwoord, " + a.Status.Label()
	}
	return "beantwoord"
}

// CompareMarkdown compares each report with the one before it, for a group
// that lays several years side by side.
func CompareMarkdown(set *content.Set, reports ...*Session) string {
	var b strings.Builder
	b.WriteString("# Vergelijking van gespreksverslagen\n")
	if len(reports) < 2 {
		b.WriteString("\nVergelijken kan pas met twee verslagen of meer.\n")
		return b.String()
	}
	for i := 1; i < len(reports); i++ {
		b.WriteString("\n")
		b.WriteString(Compare(set, reports[i-1], reports[i]).Markdown())
	}
	return b.String()
}

var cmpMonths = [...]string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"}

// cmpDate writes a YYYY-MM-DD date the Dutch way ("20 november 2025"); any
// other text is kept as it is, since people edit reports by hand.
func cmpDate(s string) string {
	t, err := time.Parse("2006-01-02", strings.TrimSpace(s))
	if err != nil {
		return s
	}
	return fmt.Sprintf("%d %s %d", t.Day(), cmpMonths[t.Month()-1], t.Year())
}

func cmpReportName(date, title string) string {
	name := "een verslag zonder datum"
	if date != "" {
		name = cmpInline(cmpDate(date))
	}
	if title != "" {
		name += " (" + cmpInline(title) + ")"
	}
	return name
}

func cmpSetName(id, version string) string {
	name := "(onbekend)"
	if id != "" {
		name = cmpInline(id)
	}
	if version != "" {
		name += " (versie " + cmpInline(version) + ")"
	}
	return name
}

func cmpVersion(v string) string {
	if v == "" {
		return "(onbekend)"
	}
	return cmpInline(v)
}

// cmpInline writes a single line of text the way the rest of the report
// does: line breaks become spaces and markdown punctuation is escaped.
func cmpInline(s string) string {
	return inline(strings.Join(strings.Fields(s), " "))
}

// cmpCell is cmpInline for a table cell; an empty cell gets a dash so the
// raw table stays readable.
func cmpCell(s string) string {
	s = cmpInline(s)
	if s == "" {
		return "—"
	}
	return s
}

// unknownKeys lists, sorted and once each, the keys of the maps that known
// does not hold: ids of another version of the question set, compared too.
func unknownKeys[V any](known map[string]bool, maps ...map[string]V) []string {
	var extra []string
	seen := map[string]bool{}
	for _, m := range maps {
		for id := range m {
			if !known[id] && !seen[id] {
				seen[id] = true
				extra = append(extra, id)
			}
		}
	}
	sort.Strings(extra)
	return extra
}
