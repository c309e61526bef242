package overview

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/sessions/mdtext"
)

// Title is the page's title.
const Title = "Overzicht van de samenwerkingsverbanden"

// Markdown writes the overview as one markdown page. Action items with a
// YYYY-MM-DD date before today are past their date.
func (o *Overview) Markdown(today time.Time) string {
	return o.markdown(today, nil)
}

// markdown writes the page; chart, when set, gives the line to put under
// each partnership's statuses ("" for none).
func (o *Overview) markdown(today time.Time, chart func(i int, p *Partnership) string) string {
	day := today.Format("2006-01-02")
	var b strings.Builder
	b.WriteString("# " + Title + "\n\n")
	n := 0
	for _, p := range o.Partnerships {
		n += len(p.Reports)
	}
	fmt.Fprintf(&b, "Stand op %s: %s, %s", mdtext.Date(day), count(len(o.Partnerships), "samenwerking", "samenwerkingen"), count(n, "verslag", "verslagen"))
	if len(o.Failures) > 0 {
		fmt.Fprintf(&b, ", %s niet te lezen", count(len(o.Failures), "verslag", "verslagen"))
	}
	b.WriteString(".\n")
	if len(o.Failures) > 0 {
		b.WriteString("\n## Verslagen die niet te lezen zijn\n\n")
		for _, f := range o.Failures {
			where := mdtext.Inline(f.Path)
			if f.Line > 0 {
				where += ", regel " + strconv.Itoa(f.Line)
			}
			fmt.Fprintf(&b, "- %s: %s\n", where, mdtext.Inline(f.Msg))
		}
	}
	for i, p := range o.Partnerships {
		line := ""
		if chart != nil {
			line = chart(i, p)
		}
		writePartnership(&b, p, day, line)
	}
	return b.String()
}

func count(n int, one, more string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + more
}

// dash stands in for an empty value.
func dash(s string) string {
	if s = mdtext.Inline(s); s == "" {
		return "—"
	}
	return s
}

func writePartnership(b *strings.Builder, p *Partnership, today, chart string) {
	last := p.Latest()
	s := last.Session
	name := dash(s.Title)
	if s.Region != "" {
		name = mdtext.Inline(s.Region) + " — " + name
	}
	fmt.Fprintf(b, "\n## %s\n\n", name)
	fmt.Fprintf(b, "Laatste gesprek: %s, %s, in %s.\n", dash(s.Title), dash(mdtext.Date(s.Date)), mdtext.Inline(last.Path))
	if len(p.Reports) > 1 {
		var dates []string
		for _, r := range p.Reports[:len(p.Reports)-1] {
			dates = append(dates, dash(mdtext.Date(r.Session.Date))+" ("+mdtext.Inline(r.Path)+")")
		}
		fmt.Fprintf(b, "Eerdere gesprekken: %s.\n", strings.Join(dates, "; "))
	}
	writeStatuses(b, p)
	if chart != "" {
		b.WriteString("\n" + chart + "\n")
	}
	writeOverdue(b, s, today)
	writeStuck(b, p)
}

// columns are the statuses the table counts, in its order.
var columns = sessions.Statuses

// writeStatuses writes per section of the latest report's set its units
// per status, and the change since the report before (counted with the
// same set, so that the two are comparable).
func writeStatuses(b *strings.Builder, p *Partnership) {
	last := p.Latest()
	var prev *sessions.Session
	if len(p.Reports) > 1 {
		prev = p.Reports[len(p.Reports)-2].Session
	}
	b.WriteString("\n### Stand per onderdeel\n\n| Onderdeel |")
	for _, st := range columns {
		b.WriteString(" " + st.Label() + " |")
	}
	b.WriteString(" Sinds het vorige gesprek |\n| --- |")
	b.WriteString(strings.Repeat(" ---: |", len(columns)))
	b.WriteString(" --- |\n")
	for i := range last.Set.Sections {
		sec := &last.Set.Sections[i]
		now := sessions.SectionTally(sec, last.Session)
		fmt.Fprintf(b, "| %d. %s |", i+1, mdtext.Cell(sec.Title))
		for _, st := range columns {
			fmt.Fprintf(b, " %d |", now.Counts[st])
		}
		change := "eerste gesprek"
		if prev != nil {
			change = difference(sessions.SectionTally(sec, prev), now)
		}
		b.WriteString(" " + change + " |\n")
	}
}

// difference says how the counts moved, "gelijk" when they did not.
func difference(was, is sessions.Tally) string {
	var parts []string
	for _, st := range columns {
		if d := is.Counts[st] - was.Counts[st]; d != 0 {
			sign := "+"
			if d < 0 {
				sign, d = "−", -d
			}
			parts = append(parts, st.Label()+" "+sign+strconv.Itoa(d))
		}
	}
	if len(parts) == 0 {
		return "gelijk"
	}
	return strings.Join(parts, ", ")
}

// writeOverdue lists the latest report's open action items whose date has
// passed, and those whose date is free text, which cannot be compared.
func writeOverdue(b *strings.Builder, s *sessions.Session, today string) {
	var late, vague []string
	for _, a := range s.Actions {
		when := strings.TrimSpace(a.When)
		if a.Done || when == "" {
			continue
		}
		line := "- " + dash(a.What) + " — " + dash(a.Who) + " — "
		if _, err := time.Parse("2006-01-02", when); err != nil {
			vague = append(vague, line+"“"+mdtext.Inline(when)+"”")
			continue
		}
		if when < today {
			late = append(late, line+"uiterlijk "+mdtext.Date(when))
		}
	}
	b.WriteString("\n### Open acties over hun datum\n\n")
	if len(late) == 0 {
		b.WriteString("Geen.\n")
	} else {
		b.WriteString(strings.Join(late, "\n") + "\n")
	}
	if len(vague) > 0 {
		b.WriteString("\nOpen acties, datum niet te vergelijken:\n\n")
		b.WriteString(strings.Join(vague, "\n") + "\n")
	}
}

// writeStuck lists the questions, sub-points and topics of the latest
// report's set that are "nog niet" in every report of the partnership,
// when there are two or more.
func writeStuck(b *strings.Builder, p *Partnership) {
	if len(p.Reports) < 2 {
		return
	}
	set := p.Latest().Set
	var stuck []string
	for i := range set.Sections {
		for j := range set.Sections[i].Questions {
			q := &set.Sections[i].Questions[j]
			if parts := q.Parts(); len(parts) > 0 {
				for _, pt := range parts {
					if always(p, q.ID, pt.ID) {
						stuck = append(stuck, stuckLine(set, q, pt.ID, pt.Text))
					}
				}
			} else if always(p, q.ID, "") {
				stuck = append(stuck, stuckLine(set, q, "", ""))
			}
		}
	}
	fmt.Fprintf(b, "\n### Nog niet geregeld in alle %d gesprekken\n\n", len(p.Reports))
	if len(stuck) == 0 {
		b.WriteString("Geen.\n")
		return
	}
	b.WriteString(strings.Join(stuck, "\n") + "\n")
}

// always reports whether the question (or its part) is "nog niet" in every
// report of p.
func always(p *Partnership, questionID, partID string) bool {
	for _, r := range p.Reports {
		a := r.Session.Answers[questionID]
		if a == nil {
			return false
		}
		st := a.Status
		if partID != "" {
			part := a.Parts[partID]
			if part == nil {
				return false
			}
			st = part.Status
		}
		if st != sessions.StatusNotYet {
			return false
		}
	}
	return true
}

func stuckLine(set *content.Set, q *content.Question, partID, partText string) string {
	number, _ := set.StopNumber(q.ID, partID)
	line := "- " + number + " " + mdtext.Inline(q.Text)
	if partText != "" {
		line += " — " + mdtext.Inline(partText)
	}
	return line
}
