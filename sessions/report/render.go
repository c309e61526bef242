// Package report writes a conversation as its markdown report and reads the
// report back (FORMAT.md). The report is the conversation's whole record:
// writing what was read gives the same bytes.
package report

import (
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
	return RenderWith(set, s, Options{})
}

// Options change the report for reading on paper. A report written with
// any of them is not the conversation's record: it is never saved as one.
type Options struct {
	// OnlyDiscussed leaves out the questions, sub-points and topics on
	// which nothing was recorded, and sections without any other.
	OnlyDiscussed bool
}

// RenderWith writes the report as Render does, changed by the options.
func RenderWith(set *content.Set, s *sessions.Session, opt Options) []byte {
	if set == nil {
		set = &content.Set{}
	}
	if s == nil {
		s = &sessions.Session{}
	}
	w := &writer{set: set, s: s, onlyDiscussed: opt.OnlyDiscussed}
	w.b = make([]byte, 0, estimateSize(set, s))
	w.header()
	w.overview()
	w.participants()
	w.agenda()
	for i := range set.Sections {
		w.section(i, &set.Sections[i])
	}
	w.unknownAnswers()
	w.closing()
	w.parked()
	w.contributions()
	w.round()
	w.priorActions()
	w.actions()
	w.put("\n")
	w.put(markerLine(mEnd, ""))
	return w.b
}

type writer struct {
	b   []byte
	set *content.Set
	s   *sessions.Session

	onlyDiscussed bool // see Options
}

func (w *writer) put(s string) { w.b = append(w.b, s...) }

// estimateSize guesses the report's length so that it is built without
// growing the buffer more than once or twice.
func estimateSize(set *content.Set, s *sessions.Session) int {
	n := 4096 + 160*len(s.Actions) + 160*len(s.PriorActions) + 120*len(s.Participants) + 80*len(s.Agenda) + 160*len(s.Parked) + 400*len(s.Closing)
	for _, k := range s.Contributions {
		n += 256 + len(k.Organisation) + len(k.Text) + len(k.Text)/32
	}
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

// stopRef is how a stop is named in a table cell or meta line: its number
// (or, for a question the set does not know, a note saying so), and its id
// in an invisible ref marker, so that no id shows in the report.
func (w *writer) stopRef(questionID, partID string) string {
	questionID, partID = markerArg(questionID), markerArg(partID)
	if questionID == "" {
		return ""
	}
	num, _ := w.set.StopNumber(questionID, partID)
	switch {
	case num != "":
	case questionID == sessions.ClosingRef && partID == "":
		num = closingPlace
	default:
		num = unknownQuestion
	}
	// A pipe in a hand-made id would end the table cell.
	ref := strings.ReplaceAll(sessions.StopRef(questionID, partID), "|", `\|`)
	return num + inlineMarker(mRef, ref)
}

// inlineMarker is a marker at the end of a line, with the space before it.
func inlineMarker(name, arg string) string {
	if arg == "" {
		return " " + markerPrefix + name + " " + markerSuffix
	}
	return " " + markerPrefix + name + " " + arg + " " + markerSuffix
}

// markerLine is a block marker on a line of its own.
func markerLine(name, arg string) string {
	if arg == "" {
		return markerPrefix + name + " " + markerSuffix + "\n"
	}
	return markerPrefix + name + " " + markerArg(arg) + " " + markerSuffix + "\n"
}

func (w *writer) header() {
	s := w.s
	w.put(header)
	w.put("\n#")
	if t := inline(s.Title); t != "" {
		w.put(" ")
		w.put(t)
	}
	w.put("\n\n")
	w.put(markerLine(mMeta, ""))
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
	if ref := w.stopRef(sessions.ParseStopRef(s.Current)); ref != "" {
		w.metaLine(labelCurrent, ref)
	}
	if !s.Updated.IsZero() {
		w.metaLine(labelUpdated, s.Updated.Local().Format(updatedLayout))
	}
	w.put(metaEnd + "\n")
	w.put("\n")
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
	w.put(headOverview + "\n" + markerLine(mDerived, "") + "\n| " + overviewColumn + " |")
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
	w.put("| " + overviewTotal + " |")
	for _, st := range sessions.Statuses {
		w.put(" **")
		w.put(strconv.Itoa(total.Counts[st]))
		w.put("** |")
	}
	w.put("\n")
	if w.onlyDiscussed {
		w.put(onlyDiscussedNote + "\n")
	}
	w.put("\n")
	if w.s.Prior != nil {
		if md := strings.TrimRight(compare.Compare(w.set, w.s.Prior, w.s).Markdown(), " \t\n"); strings.TrimSpace(md) != "" {
			w.put(md)
			w.put("\n\n")
		}
	}
}

func (w *writer) participants() {
	w.put(headParticipants + "\n" + markerLine(mParticipants, "") + "\n")
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

// centralLine is the derived line under a section heading: its central
// field in italics, labelled as the set's section says (a question is the
// "Centrale vraag"; a purpose or a heading stands on its own), or "" when
// it has none.
func centralLine(sec *content.Section) string {
	c := inline(sec.Central)
	if c == "" {
		return ""
	}
	if l := sec.CentralLabel(); l != "" {
		return "*" + l + ": " + c + "*"
	}
	return "*" + c + "*"
}

func (w *writer) section(i int, sec *content.Section) {
	if w.onlyDiscussed && !w.discussed(sec.Questions...) {
		return
	}
	w.put("## ")
	w.put(strconv.Itoa(i + 1))
	w.put(". ")
	w.put(inline(sec.Title))
	w.put("\n")
	w.put(markerLine(mSection, sec.ID))
	w.put("\n")
	// A central question that is also the first question is shown once.
	if c := centralLine(sec); c != "" && !sessions.CentralRepeats(sec) {
		w.put(c)
		w.put("\n\n")
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
		if w.onlyDiscussed && !w.discussed(*q) {
			continue
		}
		w.put("### ")
		w.put(content.NumberAt(i, j))
		w.put(" ")
		w.put(inline(q.Text))
		w.question(q.ID, q, w.s.Answers[q.ID])
	}
}

// discussed reports whether anything was recorded on any of the questions.
func (w *writer) discussed(qs ...content.Question) bool {
	for i := range qs {
		if !w.s.Answers[qs[i].ID].Empty() {
			return true
		}
	}
	return false
}

// unknownAnswers writes answers to questions the set does not know, so that
// reading a report with another version of the set loses nothing.
func (w *writer) unknownAnswers() {
	ids := sortedKeys(w.s.Answers, func(id string) bool { _, q := w.set.Question(id); return q != nil }, func(a *sessions.Answer) bool { return !a.Empty() })
	if len(ids) == 0 {
		return
	}
	w.put(headUnknown + "\n" + markerLine(mUnknown, "") + "\n")
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
	w.put(headPriorActions + "\n" + markerLine(mPriorActions, "") + "\n")
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
	w.put(headActions + "\n" + markerLine(mActions, "") + "\n")
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
	w.row(n, inline(a.What), inline(a.Who), inline(a.When), w.stopRef(a.QuestionID, a.Part), last)
}
