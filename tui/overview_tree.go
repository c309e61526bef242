package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"gespreksmap/sessions"
	"gespreksmap/tui/component"
)

// The overview as a tree: each section, opened with →, shows its
// questions and under a question its sub-points or topics, each with its
// number, its text as far as the width allows and its status on the right.

// ovRow is a row of the overview: a section, or a stop in an opened
// section. A question with parts has a row of its own (opening its first
// part) above the rows of its parts.
type ovRow struct {
	sec   int
	stop  int  // -1 for the section's row
	head  bool // the row of a question with parts
	depth int  // 0 section, 1 question, 2 part
	// park is 1 + the index of a remark on the parking lot (0: not one);
	// the first of them carries the heading of the parking lot.
	park  int
	first bool
	// central: an opened section's row shows its central question or
	// purpose, unless its first question asks the same (CentralRepeats).
	central bool
	// prior: a section's row shows last year's counts on a line of its own.
	prior bool
}

// parked is the index of the parking lot's remark on the row, or -1.
func (r ovRow) parked() int { return r.park - 1 }

// build makes the rows, keeping the cursor on the row it was on.
func (o *overviewScreen) build() {
	var at ovRow
	if o.cursor < len(o.rows) {
		at = o.rows[o.cursor]
	}
	o.rows = o.rows[:0]
	stops := o.c.stops
	for si := range o.c.Set.Sections {
		sec := &o.c.Set.Sections[si]
		o.rows = append(o.rows, ovRow{sec: si, stop: -1, central: o.expanded[si] && sec.Central != "" && !sessions.CentralRepeats(sec), prior: si < len(o.prior)})
		if !o.expanded[si] {
			continue
		}
		for i, st := range stops {
			if st.SectionIndex != si {
				continue
			}
			switch {
			case st.Part == nil:
				o.rows = append(o.rows, ovRow{sec: si, stop: i, depth: 1})
			default:
				if st.PartIndex == 0 {
					o.rows = append(o.rows, ovRow{sec: si, stop: i, head: true, depth: 1})
				}
				o.rows = append(o.rows, ovRow{sec: si, stop: i, depth: 2})
			}
		}
	}
	for i := range o.c.conv.Parked {
		o.rows = append(o.rows, ovRow{sec: len(o.c.Set.Sections) - 1, stop: -1, park: i + 1, first: i == 0})
	}
	o.cursor = 0
	for i, r := range o.rows {
		if r == at {
			o.cursor = i
			return
		}
		if r.sec == at.sec && r.stop < 0 && r.park == 0 && at.park == 0 {
			o.cursor = i // the section, when the row is folded away
		}
		if at.park > 0 && r.park > 0 && r.park <= at.park {
			o.cursor = i // the remark before, when this one is gone
		}
	}
}

// section is the section of the row under the cursor.
func (o *overviewScreen) section() int {
	if o.cursor < len(o.rows) {
		return o.rows[o.cursor].sec
	}
	return 0
}

// toSection puts the cursor on section si's row.
func (o *overviewScreen) toSection(si int) {
	for i, r := range o.rows {
		if r.sec == si && r.stop < 0 && r.park == 0 {
			o.cursor = i
		}
	}
}

// expand opens (or folds) the section under the cursor; folding puts the
// cursor on the section.
func (o *overviewScreen) expand(open bool) {
	if o.expanded == nil {
		o.expanded = map[int]bool{}
	}
	sec := o.section()
	o.expanded[sec] = open
	o.build()
	if !open {
		o.toSection(sec)
	}
}

// rowLines is how many lines a row takes: a section has its progress
// under its name.
func (r ovRow) lines() int {
	switch {
	case r.first:
		return 3
	case r.park > 0:
		return 1
	}
	n := 1
	if r.stop < 0 {
		n = 2
		if r.central {
			n++
		}
		if r.prior {
			n++
		}
	}
	return n
}

// tree draws the rows that fit in room lines, the cursor's in view.
func (o *overviewScreen) tree(room int) string {
	if len(o.rows) == 0 {
		o.build()
	}
	o.cursor = min(max(0, o.cursor), len(o.rows)-1)
	o.offset = min(o.offset, o.cursor)
	used := func(from, to int) int {
		n := 0
		for i := from; i <= to && i < len(o.rows); i++ {
			n += o.rows[i].lines()
		}
		return n
	}
	for o.offset < o.cursor && used(o.offset, o.cursor) > room {
		o.offset++
	}
	var b strings.Builder
	n := 0
	for i := o.offset; i < len(o.rows); i++ {
		r := o.rows[i]
		if n+r.lines() > room {
			break
		}
		n += r.lines()
		b.WriteString(o.rowView(r, i == o.cursor) + "\n")
	}
	return b.String()
}

// rowView draws one row.
func (o *overviewScreen) rowView(r ovRow, here bool) string {
	st := o.c.St
	w := o.w
	marker := "  "
	if here {
		marker = st.Cursor.Render("▸ ")
	}
	if r.park > 0 {
		return o.parkedView(r, marker, here)
	}
	if r.stop < 0 {
		sec := &o.c.Set.Sections[r.sec]
		t := sessions.SectionTally(sec, o.c.conv.Session)
		fold := "▸"
		if o.expanded[r.sec] {
			fold = "▾"
		}
		name := ansi.Truncate(component.Plain(fmt.Sprintf("%d. %s", r.sec+1, sec.Title)), max(10, w-6), "…")
		if here {
			name = st.Selected.Render(name)
		}
		progress := "       " + progressBar(t.Answered, t.Units, 12) + " " + fmt.Sprintf("%d/%d", t.Answered, t.Units)
		if tl := timeLine(o.c.conv, r.sec, o.c.Now()); tl != "" {
			progress += "  " + tl
		}
		out := marker + st.Dim.Render(fold) + " " + name + "\n" +
			ansi.Truncate(progress+"  "+tallyLine(st, t), w, "…")
		if r.prior {
			out += "\n" + st.Dim.Render(ansi.Truncate("       "+o.priorLine(r.sec), w, "…"))
		}
		if r.central {
			out += "\n" + st.Dim.Render(ansi.Truncate("       "+component.Plain(sec.CentralLine()), w, "…"))
		}
		return out
	}
	stop := o.c.stops[r.stop]
	num, text := stop.Number(), stop.Question.Text
	status := stopStatus(o.c.conv, stop)
	style := st.Dim
	if stop.Part != nil && !r.head {
		text = stop.Part.Text
		if s := o.c.conv.Status(stop); s != sessions.StatusNone {
			style = st.Status[string(s)]
		}
	}
	if r.head {
		num = stop.QuestionNumber()
	} else if stop.Part == nil {
		if s := o.c.conv.Status(stop); s != sessions.StatusNone {
			style = st.Status[string(s)]
		}
	}
	indent := strings.Repeat("  ", r.depth+1)
	status = ansi.Truncate(component.Plain(status), max(8, w/3), "…")
	room := max(10, w-len(marker)-len(indent)-ansi.StringWidth(num)-ansi.StringWidth(status)-3)
	text = ansi.Truncate(component.Plain(text), room, "…")
	line := num + " " + text
	if here {
		line = st.Selected.Render(line)
	}
	gap := strings.Repeat(" ", max(1, room-ansi.StringWidth(text)+1))
	return ansi.Truncate(marker+indent+line+gap+style.Render(status), w, "")
}

// parkedView draws a remark of the parking lot; the first has the
// heading above it.
func (o *overviewScreen) parkedView(r ovRow, marker string, here bool) string {
	st := o.c.St
	conv := o.c.conv
	i := r.parked()
	if i < 0 || i >= len(conv.Parked) {
		return ""
	}
	line := ansi.Truncate(parkedRow(conv, conv.Parked[i]), max(10, o.w-4), "…")
	switch {
	case here:
		line = st.Selected.Render(line)
	case conv.Parked[i].Resolved:
		line = st.Dim.Render(line)
	}
	out := marker + "  " + line
	if r.first {
		out = "\n" + st.Title.Render("Parkeerplaats") + st.Dim.Render(fmt.Sprintf("   %d open · enter wijzigen · ctrl+d afgehandeld", conv.OpenParked())) + "\n" + out
	}
	return out
}
