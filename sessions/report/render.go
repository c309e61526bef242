// Package report writes a conversation as its markdown report and reads the
// report back (FORMAT.md). The report is the conversation's whole record:
// writing what was read gives the same bytes.
package report

import (
	"sort"
	"strconv"
	"strings"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/sessions/compare"
	"gespreksmap/sessions/mdtext"
)

// Render writes the whole report of a conversation. The output depends only
// on the set and the session (and the local time zone for the "Bijgewerkt"
// line), so writing what was read gives the same bytes.
func Render(set *content.Set, s *sessions.Session) []byte {
	if set == nil {
		set = &content.Set{}
	}
	if s == nil {
		s = &sessions.Session{}
	}
	w := &writer{set: set, s: s}
	w.b = make([]byte, 0, estimateSize(set, s))
	w.header()
	w.overview()
	w.participants()
	for i := range set.Sections {
		w.section(i, &set.Sections[i])
	}
	w.unknownAnswers()
	w.priorActions()
	w.actions()
	return w.b
}

type writer struct {
	b   []byte
	set *content.Set
	s   *sessions.Session
}

func (w *writer) put(s string) { w.b = append(w.b, s...) }

// estimateSize guesses the report's length so that it is built without
// growing the buffer more than once or twice.
func estimateSize(set *content.Set, s *sessions.Session) int {
	n := 4096 + 160*len(s.Actions) + 160*len(s.PriorActions) + 120*len(s.Participants)
	for i := range set.Sections {
		sec := &set.Sections[i]
		n += 256 + len(sec.Title) + len(sec.Central)
		for j := range sec.Questions {
			q := &sec.Questions[j]
			n += 128 + len(q.Text)
			for _, p := range q.Parts() {
				n += 96 + len(p.Text)
			}
			n += 96 * (len(q.Categories) + len(q.Choices))
		}
	}
	for _, a := range s.Answers {
		n += 256 + len(a.Text) + len(a.QuestionText) + len(a.Text)/32
		for _, p := range a.Parts {
			n += 64 + len(p.Text) + len(p.Text)/32
		}
		for _, p := range a.Perspectives {
			n += 96 + len(p.Organisation) + len(p.Text) + len(p.Text)/32
		}
		n += 80 * (len(a.Partners) + len(a.OtherPartners) + len(a.Counts))
	}
	return n
}

// inline prepares a single-line value: cleaned, without surrounding white
// space, markdown-escaped.
func inline(s string) string {
	return mdtext.Escape(strings.TrimSpace(sessions.CleanLine(s)))
}

// markerArg keeps an id on one line inside its marker.
func markerArg(id string) string { return strings.TrimSpace(sessions.CleanLine(id)) }

// questionRef is how a question is named in a table cell or meta line:
// its number (when the set knows it) and its id in backticks.
func (w *writer) questionRef(id string) string {
	id = markerArg(id)
	if id == "" {
		return ""
	}
	code := "`" + strings.ReplaceAll(id, "|", `\|`) + "`"
	if num := w.set.QuestionNumber(id); num != "" {
		return num + " " + code
	}
	return code
}

func (w *writer) header() {
	s := w.s
	w.put(headerV1)
	w.put("\n#")
	if t := inline(s.Title); t != "" {
		w.put(" ")
		w.put(t)
	}
	w.put("\n\n<!-- gm:meta -->\n")
	w.metaLine(labelRegion, inline(s.Region))
	w.metaLine(labelDate, inline(s.Date))
	w.metaLine(labelFacilitator, inline(s.Facilitator))
	// A comma in the set id is escaped, so that ", versie " only separates.
	set := strings.ReplaceAll(inline(s.SetID), ",", `\,`)
	if v := inline(s.SetVersion); v != "" {
		set += setVersionSep + v
	}
	w.metaLine(labelSet, set)
	if b := inline(s.Baseline); b != "" {
		w.metaLine(labelBaseline, b)
	}
	if ref := w.questionRef(s.Current); ref != "" {
		w.metaLine(labelCurrent, ref)
	}
	if !s.Updated.IsZero() {
		w.metaLine(labelUpdated, s.Updated.Local().Format(updatedLayout))
	}
	w.put("<!-- /gm:meta -->\n\n")
}

func (w *writer) metaLine(label, value string) {
	w.put("- **")
	w.put(label)
	w.put(":**")
	if value != "" {
		w.put(" ")
		w.put(value)
	}
	w.put("\n")
}

// overview writes the derived part: the status table and, with a baseline,
// what changed since.
func (w *writer) overview() {
	w.put("## Stand van zaken\n<!-- gm:derived -->\n\n| Onderdeel |")
	for _, st := range sessions.Statuses {
		w.put(" ")
		w.put(st.Label())
		w.put(" |")
	}
	w.put("\n| --- |")
	for range sessions.Statuses {
		w.put(" ---: |")
	}
	w.put("\n")
	total := sessions.Tally{Counts: map[sessions.Status]int{}}
	for i := range w.set.Sections {
		sec := &w.set.Sections[i]
		t := sessions.SectionTally(sec, w.s)
		w.put("| ")
		w.put(strconv.Itoa(i + 1))
		w.put(". ")
		w.put(inline(sec.Title))
		w.put(" |")
		for _, st := range sessions.Statuses {
			w.put(" ")
			w.put(strconv.Itoa(t.Counts[st]))
			w.put(" |")
			total.Counts[st] += t.Counts[st]
		}
		w.put("\n")
	}
	w.put("| **Totaal** |")
	for _, st := range sessions.Statuses {
		w.put(" **")
		w.put(strconv.Itoa(total.Counts[st]))
		w.put("** |")
	}
	w.put("\n\n")
	if w.s.Prior != nil {
		if md := strings.TrimRight(compare.Compare(w.set, w.s.Prior, w.s).Markdown(), " \t\n"); strings.TrimSpace(md) != "" {
			w.put(md)
			w.put("\n\n")
		}
	}
}

func (w *writer) participants() {
	w.put("## Deelnemers\n<!-- gm:participants -->\n\n")
	w.put(participantsHeader)
	w.put("\n| --- | --- | --- | --- | --- |\n")
	for _, p := range w.s.Participants {
		kind := p.PartnerKind
		if pk := w.set.PartnerKind(kind); pk != nil {
			kind = pk.Label
		}
		w.row(inline(p.Name), inline(p.Organisation), inline(kind), inline(p.Function), yesNo(p.Signs))
	}
	w.put("\n")
}

func yesNo(b bool) string {
	if b {
		return yes
	}
	return no
}

func (w *writer) row(cells ...string) {
	w.put("|")
	for _, c := range cells {
		w.put(" ")
		w.put(c)
		w.put(" |")
	}
	w.put("\n")
}

func (w *writer) section(i int, sec *content.Section) {
	w.put("## ")
	w.put(strconv.Itoa(i + 1))
	w.put(". ")
	w.put(inline(sec.Title))
	w.put("\n<!-- gm:section ")
	w.put(markerArg(sec.ID))
	w.put(" -->\n\n")
	if c := inline(sec.Central); c != "" {
		// Some sections lead with a purpose rather than a question: that
		// stands on its own, in italics.
		if strings.HasSuffix(strings.TrimSpace(sec.Central), "?") {
			w.put(centralPrefix)
		} else {
			w.put("*")
		}
		w.put(c)
		w.put("*\n\n")
	}
	t := sessions.SectionTally(sec, w.s)
	w.put(standPrefix)
	first := true
	for _, st := range sessions.Statuses {
		if n := t.Counts[st]; n > 0 {
			if !first {
				w.put(" ·")
			}
			first = false
			w.put(" ")
			w.put(st.Label())
			w.put(" ")
			w.put(strconv.Itoa(n))
		}
	}
	w.put("\n\n")
	for j := range sec.Questions {
		q := &sec.Questions[j]
		w.put("### ")
		w.put(content.NumberAt(i, j))
		w.put(" ")
		w.put(inline(q.Text))
		w.question(q.ID, q, w.s.Answers[q.ID])
	}
}

// question writes the rest of a question block, after the heading text.
func (w *writer) question(id string, q *content.Question, a *sessions.Answer) {
	w.put("\n<!-- gm:question ")
	w.put(markerArg(id))
	w.put(" -->\n\n")
	if a.Empty() {
		if q != nil {
			w.pointsNote(q.Parts())
		}
		w.put(notDiscussed)
		w.put("\n\n")
		return
	}
	var kind content.Kind
	var points []content.Point
	if q != nil {
		kind = q.Kind
		points = q.Parts()
	}
	if (len(points) == 0 && len(a.Parts) == 0) || a.Status != sessions.StatusNone {
		w.status(a.Status)
	}
	if kind == content.KindPartners || len(a.Partners) > 0 || len(a.OtherPartners) > 0 {
		w.partners(kind == content.KindPartners, a)
	}
	if kind == content.KindCounts || len(a.Counts) > 0 {
		w.counts(q, a)
	}
	if kind == content.KindChoice || a.Choice != "" {
		w.choices(q, a)
	}
	if a.Text != "" {
		w.textLabel(q, a)
		w.quote(a.Text)
	}
	w.parts(points, a)
	for _, p := range a.Perspectives {
		w.put(perspectivePrefix)
		if org := inline(p.Organisation); org != "" {
			w.put(" ")
			w.put(org)
		}
		w.put(":** <!-- gm:perspective -->\n\n")
		w.quote(p.Text)
	}
}

func (w *writer) status(st sessions.Status) {
	w.put(statusPrefix)
	w.put(" ")
	w.put(st.Label())
	w.put("\n\n")
}

// quote writes multi-line text as a blockquote, followed by a blank line so
// that nothing after it is read as a continuation of the quote.
func (w *writer) quote(text string) { w.b = mdtext.AppendQuote(w.b, text) }

// sortedKeys returns the keys of m that the set does not list, sorted, so
// that values under ids of another set version are written too.
func sortedKeys[V any](m map[string]V, listed func(string) bool, keep func(V) bool) []string {
	var ids []string
	for id, v := range m {
		if !listed(id) && keep(v) {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	return ids
}

func (w *writer) partners(listAll bool, a *sessions.Answer) {
	wrote := false
	line := func(label, id string, st sessions.PartnerState) {
		w.put("- ")
		w.put(label)
		w.put(": **")
		w.put(st.Label())
		w.put("** <!-- gm:partner ")
		w.put(markerArg(id))
		w.put(" -->\n")
		wrote = true
	}
	if listAll {
		for _, pk := range w.set.PartnerKinds {
			line(inline(pk.Label), pk.ID, a.Partners[pk.ID])
		}
	}
	listed := func(id string) bool { return listAll && w.set.PartnerKind(id) != nil }
	for _, id := range sortedKeys(a.Partners, listed, func(st sessions.PartnerState) bool { return st != sessions.PartnerUnknown }) {
		label := id
		if pk := w.set.PartnerKind(id); pk != nil {
			label = pk.Label
		}
		line(inline(label), id, a.Partners[id])
	}
	for _, o := range a.OtherPartners {
		w.put("- ")
		w.put(otherPrefix)
		w.put(" ")
		w.put(inline(o.Name))
		w.put(": **")
		w.put(o.State.Label())
		w.put("** <!-- gm:other -->\n")
		wrote = true
	}
	if wrote {
		w.put("\n")
	}
}

func (w *writer) counts(q *content.Question, a *sessions.Answer) {
	var cats []content.Category
	if q != nil && q.Kind == content.KindCounts {
		cats = q.Categories
	}
	total, filled := 0, false
	line := func(label, id string) {
		w.put("- ")
		w.put(label)
		w.put(": **")
		if n, ok := a.Counts[id]; ok {
			w.put(strconv.Itoa(n))
			total += n
			filled = true
		} else {
			w.put(countEmpty)
		}
		w.put("** <!-- gm:count ")
		w.put(markerArg(id))
		w.put(" -->\n")
	}
	for _, c := range cats {
		line(inline(c.Label), c.ID)
	}
	listed := func(id string) bool {
		for _, c := range cats {
			if c.ID == id {
				return true
			}
		}
		return false
	}
	for _, id := range sortedKeys(a.Counts, listed, func(int) bool { return true }) {
		line(inline(id), id)
	}
	if filled {
		w.put(totalPrefix)
		w.put(strconv.Itoa(total))
		w.put("**\n")
	}
	if len(cats) > 0 || len(a.Counts) > 0 {
		w.put("\n")
	}
}

func (w *writer) choices(q *content.Question, a *sessions.Answer) {
	var choices []content.Choice
	if q != nil && q.Kind == content.KindChoice {
		choices = q.Choices
	}
	line := func(label, id string) {
		if id == a.Choice {
			w.put("- [x] ")
		} else {
			w.put("- [ ] ")
		}
		w.put(label)
		w.put(" <!-- gm:choice ")
		w.put(markerArg(id))
		w.put(" -->\n")
	}
	known := false
	for _, c := range choices {
		line(inline(c.Label), c.ID)
		known = known || c.ID == a.Choice
	}
	if !known && a.Choice != "" {
		line(inline(a.Choice), a.Choice)
	}
	if len(choices) > 0 || a.Choice != "" {
		w.put("\n")
	}
}

// textLabel writes the set's label above the free text of a counts question
// ("Welke vragen hebben zij?") or the follow-up of the chosen choice.
func (w *writer) textLabel(q *content.Question, a *sessions.Answer) {
	if q == nil {
		return
	}
	label := ""
	switch q.Kind {
	case content.KindCounts:
		label = q.CountsText
	case content.KindChoice:
		if f := q.FollowUp(a.Choice); f != nil && a.Choice != "" {
			label = f.Text
		}
	}
	if l := inline(label); l != "" {
		w.put("**")
		w.put(l)
		w.put("**\n\n")
	}
}

// pointsNote names the sub-points or topics of a question that was not
// discussed at all (derived), so that a question ending in "over:" still
// reads whole.
func (w *writer) pointsNote(points []content.Point) {
	if len(points) == 0 {
		return
	}
	ps := make([]string, len(points))
	for k, p := range points {
		ps[k] = content.PartLetter(k) + ". " + inline(p.Text)
	}
	w.put("*")
	w.put(strings.Join(ps, " · "))
	w.put("*\n\n")
}

func (w *writer) parts(points []content.Point, a *sessions.Answer) {
	for k, p := range points {
		w.put("#### ")
		w.put(content.PartLetter(k))
		w.put(". ")
		w.put(inline(p.Text))
		w.part(p.ID, a.Parts[p.ID], p.Bullets)
	}
	listed := func(id string) bool {
		for _, p := range points {
			if p.ID == id {
				return true
			}
		}
		return false
	}
	for _, id := range sortedKeys(a.Parts, listed, func(p *sessions.Part) bool { return !partEmpty(p) }) {
		w.put("#### `")
		w.put(strings.ReplaceAll(markerArg(id), "`", "'"))
		w.put("`")
		w.part(id, a.Parts[id], nil)
	}
}

func (w *writer) part(id string, p *sessions.Part, bullets []string) {
	w.put("\n<!-- gm:part ")
	w.put(markerArg(id))
	w.put(" -->\n\n")
	if len(bullets) > 0 {
		// What the sub-point can cover, as the set lists it (derived).
		bs := make([]string, len(bullets))
		for i, b := range bullets {
			bs[i] = inline(b)
		}
		w.put("*")
		w.put(strings.Join(bs, "; "))
		w.put("*\n\n")
	}
	if partEmpty(p) {
		w.put(notDiscussed)
		w.put("\n\n")
		return
	}
	w.status(p.Status)
	w.quote(p.Text)
}

func partEmpty(p *sessions.Part) bool {
	return p == nil || (p.Status == sessions.StatusNone && p.Text == "")
}

// unknownAnswers writes answers to questions the set does not know, so that
// reading a report with another version of the set loses nothing.
func (w *writer) unknownAnswers() {
	ids := sortedKeys(w.s.Answers, func(id string) bool { _, q := w.set.Question(id); return q != nil }, func(a *sessions.Answer) bool { return !a.Empty() })
	if len(ids) == 0 {
		return
	}
	w.put("## Antwoorden bij vragen die niet in deze vragenset staan\n<!-- gm:unknown -->\n\n")
	w.put(unknownNote)
	w.put("\n\n")
	for _, id := range ids {
		a := w.s.Answers[id]
		w.put("### ")
		w.put(unknownHeading(a.QuestionText, id))
		w.question(id, nil, a)
	}
}

// unknownHeading is the heading of a question the set does not know: its
// text as read from the file it came from. A leading "1.5 " is escaped so
// that reading does not take it for a question number; a question without
// text is named by its id in backticks, which no escaped text can equal.
func unknownHeading(text, id string) string {
	h := inline(text)
	if h == "" {
		return "`" + strings.ReplaceAll(markerArg(id), "`", "'") + "`"
	}
	if n := headingNumberLen(h); n > 0 {
		dot := strings.IndexByte(h, '.')
		h = h[:dot] + `\` + h[dot:]
	}
	return h
}

func (w *writer) priorActions() {
	if len(w.s.PriorActions) == 0 {
		return
	}
	w.put("## Actiepunten van vorig jaar\n<!-- gm:prior-actions -->\n\n")
	w.put(priorHeader)
	w.put("\n| --- | --- | --- | --- | --- | --- |\n")
	for i, p := range w.s.PriorActions {
		label := p.Outcome.Label()
		if when := w.s.CarriedTo(i); when != "" {
			label += newDatePrefix + inline(when) + ")" // derived from this year's item
		}
		w.actionRow(i+1, p.Item, label)
	}
	w.put("\n")
}

func (w *writer) actions() {
	w.put("## Actiepunten\n<!-- gm:actions -->\n\n")
	w.put(actionsHeader)
	w.put("\n| --- | --- | --- | --- | --- | --- |\n")
	for i, a := range w.s.Actions {
		w.actionRow(i+1, a, yesNo(a.Done))
	}
}

func (w *writer) actionRow(nr int, a sessions.ActionItem, last string) {
	n := strconv.Itoa(nr)
	if a.Carried {
		n += " " + carriedSuffix
	}
	w.row(n, inline(a.What), inline(a.Who), inline(a.When), w.questionRef(a.QuestionID), last)
}
