package report

import (
	"strconv"
	"strings"
	"time"

	"gespreksmap/sessions"
)

// Reading the facilitator's blocks: the agenda, the parking lot (the
// closing round is one line in tableRow).

// agendaRow reads a section's planned and spent minutes. The section is
// named by the ref marker the writer puts after its title, or, typed by a
// person, by its number ("3." or "3"). The total row is derived.
func (p *parser) agendaRow(cells []string) error {
	if cells[0] == overviewTotal {
		return nil
	}
	id, err := p.agendaSection(cells[0])
	if err != nil {
		return err
	}
	planned, err := p.minutes(cells[1], agendaColumns[1], sessions.MaxPlanned)
	if err != nil {
		return err
	}
	spent, err := p.minutes(cells[2], agendaColumns[2], maxSpent)
	if err != nil {
		return err
	}
	if first, dup := p.seen["agenda "+id]; dup {
		return p.fail("het onderdeel '" + quoted(cells[0]) + "' staat twee keer in de agenda (eerst op regel " + strconv.Itoa(first) + ")")
	}
	p.seen["agenda "+id] = p.line
	if planned == 0 && spent == 0 {
		return nil
	}
	if p.s.Agenda == nil {
		p.s.Agenda = map[string]sessions.SectionTime{}
	}
	p.s.Agenda[id] = sessions.SectionTime{Planned: planned, Spent: time.Duration(spent) * time.Minute}
	return nil
}

func (p *parser) agendaSection(cell string) (string, error) {
	if i := strings.Index(cell, markerPrefix); i >= 0 {
		name, arg, ok := parseMarker(cell[i:])
		if !ok || name != mRef || arg == "" || strings.ContainsAny(arg, `|\`) || strings.Contains(arg, markerSuffix) {
			return "", p.fail("verwacht het onderdeel met " + markerPrefix + mRef + " id " + markerSuffix + " erachter, niet " + quoted(cell[i:]))
		}
		return arg, nil
	}
	num := strings.TrimSuffix(strings.Fields(cell + " x")[0], ".")
	if n, err := strconv.Atoi(num); err == nil && n >= 1 && n <= len(p.set.Sections) && strings.Trim(num, "0123456789") == "" {
		return p.set.Sections[n-1].ID, nil
	}
	return "", p.fail("onbekend onderdeel '" + quoted(cell) + "' in de agenda; begin de rij met het nummer van het onderdeel, bijvoorbeeld 3.")
}

// minutes reads a cell of whole minutes: empty is none.
func (p *parser) minutes(cell, column string, max int) (int, error) {
	if cell == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(cell)
	if err != nil || strings.Trim(cell, "0123456789") != "" || n > max {
		return 0, p.fail("'" + quoted(cell) + "' in de kolom " + column + ": schrijf een aantal minuten (hoogstens " + strconv.Itoa(max) + "), of laat hem leeg")
	}
	return n, nil
}

// parkedRow reads one remark of the parking lot.
func (p *parser) parkedRow(cells []string) error {
	var r sessions.ParkedRemark
	nr := cells[0]
	if rest, ok := strings.CutSuffix(nr, carriedSuffix); ok {
		r.Carried = true
		nr = strings.TrimSpace(rest)
	}
	if strings.Trim(nr, "0123456789") != "" {
		return p.fail("'" + quoted(cells[0]) + "' in de kolom Nr: laat hem leeg of schrijf een nummer")
	}
	id, part, err := p.stopRef(cells[2])
	if err != nil {
		return err
	}
	r.Text, r.QuestionID, r.Part = lineValue(cells[1]), id, part
	if at := cells[3]; at != "" {
		t, err := time.ParseInLocation(updatedLayout, at, time.Local)
		if err != nil {
			return p.fail("'" + quoted(at) + "' in de kolom Geparkeerd is geen datum en tijd zoals 2026-11-22 15:04")
		}
		r.At = t
	}
	if r.Resolved, err = p.yesNo(cells[4], "Afgehandeld"); err != nil {
		return err
	}
	p.s.Parked = append(p.s.Parked, r)
	return nil
}
