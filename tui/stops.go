package tui

import (
	"strconv"

	"gespreksmap/content"
)

// stop is one answerable place in the conversation: a question, or one
// sub-point or topic of a question that has them. ctrl+n and ctrl+p walk the
// stops in the set's order, so a facilitator can step through everything
// with one key.
type stop struct {
	si, qi int // section and question index in the set
	sec    *content.Section
	q      *content.Question
	part   int // index into q.Parts(), or -1
	pt     *content.Point
}

func buildStops(set *content.Set) []stop {
	var out []stop
	for si := range set.Sections {
		sec := &set.Sections[si]
		for qi := range sec.Questions {
			q := &sec.Questions[qi]
			parts := q.Parts()
			if len(parts) == 0 {
				out = append(out, stop{si: si, qi: qi, sec: sec, q: q, part: -1})
				continue
			}
			for pi := range parts {
				out = append(out, stop{si: si, qi: qi, sec: sec, q: q, part: pi, pt: &parts[pi]})
			}
		}
	}
	return out
}

// number is the stop's number as the report writes it: "1.3" or "1.3b".
func (s stop) number() string {
	n := strconv.Itoa(s.si+1) + "." + strconv.Itoa(s.qi+1)
	if s.part >= 0 {
		n += partLetter(s.part)
	}
	return n
}

// partLetter gives a, b, … z, aa, ab … for sub-points.
func partLetter(i int) string {
	if i < 26 {
		return string(rune('a' + i))
	}
	return partLetter(i/26-1) + partLetter(i%26)
}

// firstStopOf returns the index of the first stop of a section.
func firstStopOf(stops []stop, si int) int {
	for i, s := range stops {
		if s.si == si {
			return i
		}
	}
	return 0
}
