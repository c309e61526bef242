package sessions

import "testing"

func TestRenamingAnOrganisationToNothingOrToItselfChangesNothing(t *testing.T) {
	s := New("x", "1")
	s.Answer("q").Perspectives = []Perspective{{Organisation: "School", Text: "Ja."}}
	s.Actions = []ActionItem{{What: "Bellen", Who: "School"}}
	for _, to := range []string{"", "School"} {
		if p, n := s.RenameOrganisation("School", to); p != 0 || n != 0 {
			t.Errorf("to %q: renamed %d and %d", to, p, n)
		}
	}
	if s.Answers["q"].Perspectives[0].Organisation != "School" || s.Actions[0].Who != "School" {
		t.Errorf("changed: %+v %+v", s.Answers["q"].Perspectives, s.Actions)
	}
}
