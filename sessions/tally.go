package sessions

import "gespreksmap/content"

// Tally counts the units of a section or a whole conversation by status.
// Every sub-point or topic of a points or topics question is a unit of its
// own; every other question is one unit.
type Tally struct {
	Counts   map[Status]int // units per status; StatusNone counts units without a status
	Units    int            // all units
	Answered int            // units on which anything at all was recorded
}

func newTally() Tally { return Tally{Counts: map[Status]int{}} }

func (t *Tally) add(st Status, answered bool) {
	t.Counts[st]++
	t.Units++
	if answered {
		t.Answered++
	}
}

func (t *Tally) addQuestion(q *content.Question, s *Session) {
	var a *Answer
	if s != nil {
		a = s.Answers[q.ID]
	}
	if parts := q.Parts(); len(parts) > 0 {
		for _, p := range parts {
			var part *Part
			if a != nil {
				part = a.Parts[p.ID]
			}
			if part == nil {
				t.add(StatusNone, false)
				continue
			}
			t.add(part.Status, part.Status != StatusNone || part.Text != "")
		}
		return
	}
	if a == nil {
		t.add(StatusNone, false)
		return
	}
	t.add(a.Status, !a.Empty())
}

// SectionTally counts the units of one section.
func SectionTally(sec *content.Section, s *Session) Tally {
	t := newTally()
	for i := range sec.Questions {
		t.addQuestion(&sec.Questions[i], s)
	}
	return t
}

// SessionTally counts the units of every section of the set. Answers to
// questions the set does not know are not counted.
func SessionTally(set *content.Set, s *Session) Tally {
	t := newTally()
	for i := range set.Sections {
		for j := range set.Sections[i].Questions {
			t.addQuestion(&set.Sections[i].Questions[j], s)
		}
	}
	return t
}

// QuestionNumber is the number a question has in reports and on screen:
// "1.2" is the second question of the first section. It is "" for a question
// the set does not know.
func QuestionNumber(set *content.Set, questionID string) string {
	return set.QuestionNumber(questionID)
}
