package report

import (
	"strconv"
	"strings"

	"gespreksmap/sessions"
)

// The facilitator's blocks: the agenda with planned and spent minutes per
// section, the closing round and the parking lot. Each is written only
// when it holds something.

// agendaMinutes are the minutes written for one section's row.
func agendaMinutes(t sessions.SectionTime) (planned, spent int) {
	return t.Planned, sessions.SpentMinutes(t.Spent)
}

// minutesCell is a number of minutes, or "" for none.
func minutesCell(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func (w *writer) agenda() {
	known := map[string]bool{}
	for i := range w.set.Sections {
		known[w.set.Sections[i].ID] = true
	}
	show := func(t sessions.SectionTime) bool { p, s := agendaMinutes(t); return p > 0 || s > 0 }
	// An id is written as its marker reads it back; one that reads as no
	// id or as another row's, or that holds what would end the cell or the
	// marker, cannot be named (set ids cannot hold them; the core never
	// makes one).
	var unknown []string
	for _, id := range sortedKeys(w.s.Agenda, func(id string) bool { return known[id] }, show) {
		if a := markerArg(id); a != "" && !known[a] && !strings.ContainsAny(a, `|\`) && !strings.Contains(a, markerSuffix) {
			known[a] = true
			unknown = append(unknown, id)
		}
	}
	any := len(unknown) > 0
	for i := range w.set.Sections {
		any = any || show(w.s.Agenda[w.set.Sections[i].ID])
	}
	if !any {
		return
	}
	w.put(headAgenda + "\n" + markerLine(mAgenda, "") + "\n")
	w.put(agendaHeader)
	w.put("\n| --- | ---: | ---: |\n")
	var planned, spent int
	row := func(label, id string) {
		p, s := agendaMinutes(w.s.Agenda[id])
		planned, spent = planned+p, spent+s
		w.row(label+inlineMarker(mRef, markerArg(id)), minutesCell(p), minutesCell(s))
	}
	for i := range w.set.Sections {
		sec := &w.set.Sections[i]
		row(strconv.Itoa(i+1)+". "+inline(sec.Title), sec.ID)
	}
	for _, id := range unknown {
		row(unknownQuestion, id)
	}
	w.row(overviewTotal, strconv.Itoa(planned), strconv.Itoa(spent)) // derived
	w.put("\n")
}

func (w *writer) closing() {
	if len(w.s.Closing) == 0 {
		return
	}
	w.put(headClosing + "\n" + markerLine(mClosing, "") + "\n")
	w.put(closingHeader)
	w.put("\n| --- | --- | --- | --- |\n")
	for _, r := range w.s.Closing {
		cells := []string{inline(r.Organisation), inline(r.Use), inline(r.FirstStep), inline(r.Questions)}
		if isDelimiterRow(cells) {
			// Answers of dashes alone would read as the table's delimiter row.
			cells[0] = `\` + cells[0]
		}
		w.row(cells...)
	}
	w.put("\n")
}

func (w *writer) parked() {
	if len(w.s.Parked) == 0 {
		return
	}
	w.put(headParked + "\n" + markerLine(mParked, "") + "\n")
	w.put(parkedHeader)
	w.put("\n| --- | --- | --- | --- | --- |\n")
	for i, r := range w.s.Parked {
		n := strconv.Itoa(i + 1)
		if r.Carried {
			n += " " + carriedSuffix
		}
		at := ""
		if !r.At.IsZero() {
			at = r.At.Local().Format(updatedLayout)
		}
		w.row(n, inline(r.Text), w.stopRef(r.QuestionID, r.Part), at, yesNo(r.Resolved))
	}
	w.put("\n")
}
