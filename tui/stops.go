package tui

import "gespreksmap/content"

// stop is one answerable place: a question, or one sub-point or topic of a
// question that has them. ctrl+n and ctrl+p walk the stops in the set's
// order, so a facilitator can step through everything with one key.
type stop = content.Stop

func buildStops(set *content.Set) []stop { return set.Stops() }

// firstStopOf returns the index of the first stop of a section.
func firstStopOf(stops []stop, si int) int {
	for i, s := range stops {
		if s.SectionIndex == si {
			return i
		}
	}
	return 0
}
