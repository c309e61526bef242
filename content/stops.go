package content

import "strconv"

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
	return strconv.Itoa(st.SectionIndex+1) + "." + strconv.Itoa(st.QuestionIndex+1)
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
