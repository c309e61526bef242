package content

import (
	"strconv"
	"strings"
)

// Stop is one answerable place in a set: a question, or one sub-point or
// topic of a question that has them. Interfaces walk a conversation stop by
// stop, in the set's order.
type Stop struct {
	SectionIndex  int
	QuestionIndex int
	Section       *Section
	Question      *Question
	PartIndex     int    // index into Question.Parts(), or -1
	Part          *Point // nil for a question without parts
}

// Stops lists every stop of the set in order.
func (s *Set) Stops() []Stop {
	var out []Stop
	for si := range s.Sections {
		sec := &s.Sections[si]
		for qi := range sec.Questions {
			q := &sec.Questions[qi]
			parts := q.Parts()
			if len(parts) == 0 {
				out = append(out, Stop{SectionIndex: si, QuestionIndex: qi, Section: sec, Question: q, PartIndex: -1})
				continue
			}
			for pi := range parts {
				out = append(out, Stop{SectionIndex: si, QuestionIndex: qi, Section: sec, Question: q, PartIndex: pi, Part: &parts[pi]})
			}
		}
	}
	return out
}

// QuestionNumber is the question's number as reports write it: "1.3".
func (st Stop) QuestionNumber() string {
	return NumberAt(st.SectionIndex, st.QuestionIndex)
}

// Number adds the letter of a sub-point or topic: "1.3b".
func (st Stop) Number() string {
	if st.PartIndex < 0 {
		return st.QuestionNumber()
	}
	return st.QuestionNumber() + PartLetter(st.PartIndex)
}

// PartLetter gives a, b, … z, aa, ab … for the sub-points of a question.
func PartLetter(i int) string {
	if i < 26 {
		return string(rune('a' + i))
	}
	return PartLetter(i/26-1) + PartLetter(i%26)
}

// NumberAt is the number of the question at 0-based positions: the third
// question of the first section is "1.3". Every question number on screen
// and in every report is made here.
func NumberAt(section, question int) string {
	return strconv.Itoa(section+1) + "." + strconv.Itoa(question+1)
}

// QuestionNumber is the number of the question with the given id, "1.3",
// or "" when the set does not have it.
func (s *Set) QuestionNumber(questionID string) string {
	n, _ := s.StopNumber(questionID, "")
	return n
}

// StopNumber is the number of a stop: "1.3" for a question, "1.3b" for its
// sub-point or topic partID. A part the question does not have gives the
// question's number and partKnown false; a question the set does not have
// gives "".
func (s *Set) StopNumber(questionID, partID string) (number string, partKnown bool) {
	if s == nil || questionID == "" {
		return "", false
	}
	for si := range s.Sections {
		for qi := range s.Sections[si].Questions {
			q := &s.Sections[si].Questions[qi]
			if q.ID != questionID {
				continue
			}
			num := NumberAt(si, qi)
			if partID == "" {
				return num, true
			}
			for pi, p := range q.Parts() {
				if p.ID == partID {
					return num + PartLetter(pi), true
				}
			}
			return num, false
		}
	}
	return "", false
}

// StopAt finds the stop a number names, as StopNumber writes it ("1.3" or
// "1.3b"): the question's id and the part's id ("" for the question).
func (s *Set) StopAt(number string) (questionID, partID string, ok bool) {
	if s == nil || number == "" {
		return "", "", false
	}
	for si := range s.Sections {
		for qi := range s.Sections[si].Questions {
			q := &s.Sections[si].Questions[qi]
			num := NumberAt(si, qi)
			rest, found := strings.CutPrefix(number, num)
			switch {
			case !found:
				continue
			case rest == "":
				return q.ID, "", true
			}
			for pi, p := range q.Parts() {
				if PartLetter(pi) == rest {
					return q.ID, p.ID, true
				}
			}
		}
	}
	return "", "", false
}
