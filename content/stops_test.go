package content

import "testing"

func TestEveryStopIsNumberedOnceAndItsNumberLeadsBackToIt(t *testing.T) {
	set := Default()
	seen := map[string]bool{}
	for _, st := range set.Stops() {
		partID := ""
		if st.Part != nil {
			partID = st.Part.ID
		}
		num, known := set.StopNumber(st.Question.ID, partID)
		if num != st.Number() || !known {
			t.Errorf("StopNumber(%s, %s) = %q, %v; the stop says %q", st.Question.ID, partID, num, known, st.Number())
		}
		if seen[num] {
			t.Errorf("number %s is given twice", num)
		}
		seen[num] = true
		if q, p, ok := set.StopAt(num); !ok || q != st.Question.ID || p != partID {
			t.Errorf("StopAt(%q) = %s, %s, %v; want %s, %s", num, q, p, ok, st.Question.ID, partID)
		}
		if got := set.QuestionNumber(st.Question.ID); got != st.QuestionNumber() {
			t.Errorf("QuestionNumber(%s) = %q, want %q", st.Question.ID, got, st.QuestionNumber())
		}
	}
}

func TestAStopTheSetDoesNotHaveHasNoNumber(t *testing.T) {
	set := Default()
	q := set.Sections[0].Questions[0].ID
	if num, known := set.StopNumber(q, "geen-deelpunt"); num != "1.1" || known {
		t.Errorf("an unknown part of 1.1: %q, %v; want the question's number and not known", num, known)
	}
	if num, _ := set.StopNumber("geen.vraag", ""); num != "" {
		t.Errorf("an unknown question has number %q", num)
	}
	for _, n := range []string{"", "9.9", "1.1zz", "1", "x"} {
		if _, _, ok := set.StopAt(n); ok {
			t.Errorf("StopAt(%q) found a stop", n)
		}
	}
	var none *Set
	if none.QuestionNumber(q) != "" {
		t.Error("a nil set numbers a question")
	}
}
