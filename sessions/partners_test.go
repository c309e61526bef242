package sessions

import (
	"errors"
	"testing"
)

func TestPartnerStatesCycleAndNotFilledInLeavesNoTrace(t *testing.T) {
	c := newConv(t)
	st := at(t, c, "1.2")
	s := PartnerUnknown
	var seen []PartnerState
	for range PartnerCycle {
		s = CyclePartner(s, 1)
		seen = append(seen, s)
	}
	if seen[0] != PartnerTogether || seen[1] != PartnerNotYet || seen[2] != PartnerNA || seen[3] != PartnerUnknown {
		t.Errorf("cycle: %v", seen)
	}
	if CyclePartner(PartnerUnknown, -1) != PartnerNA {
		t.Error("cycling back from not filled in does not give n.v.t.")
	}
	if !c.SetPartnerState(st, "gemeente", PartnerTogether) || c.PartnerState(st, "gemeente") != PartnerTogether {
		t.Fatal("state not recorded")
	}
	c.SetPartnerState(st, "gemeente", PartnerUnknown)
	if _, ok := c.Answers["bestuur.partners"].Partners["gemeente"]; ok {
		t.Error("not filled in is kept in the answer")
	}
}

func TestOtherPartnersAreNamedRenamedAndRemoved(t *testing.T) {
	c := newConv(t)
	st := at(t, c, "1.2")
	if c.AddOtherPartner(st, "  ", PartnerTogether) != -1 {
		t.Error("a partner without a name was added")
	}
	i := c.AddOtherPartner(st, "Leerlingenvervoer", PartnerTogether)
	j := c.AddOtherPartner(st, "Revalidatiecentrum", PartnerUnknown)
	if i != 0 || j != 1 {
		t.Fatalf("indexes %d %d", i, j)
	}
	if c.RenameOtherPartner(st, 0, "") || !c.RenameOtherPartner(st, 0, "Vervoer") {
		t.Error("renaming: empty accepted or a real name refused")
	}
	c.SetOtherPartnerState(st, 1, PartnerNotYet)
	if !c.RemoveOtherPartner(st, 0) || c.RemoveOtherPartner(st, 5) {
		t.Error("removing")
	}
	ops := c.OtherPartners(st)
	if len(ops) != 1 || ops[0] != (OtherPartner{Name: "Revalidatiecentrum", State: PartnerNotYet}) {
		t.Errorf("other partners: %+v", ops)
	}
}

func TestCountsRefuseWhatIsNotACount(t *testing.T) {
	for typed, want := range map[string]int{"12": 12, " 0 ": 0, "007": 7, "9999999": MaxCount} {
		if n, err := ParseCount(typed); err != nil || n != want {
			t.Errorf("ParseCount(%q) = %d, %v", typed, n, err)
		}
	}
	for typed, want := range map[string]error{
		"-3": ErrCountNegative, "twaalf": ErrCountNotNumber, "": ErrCountNotNumber, "1,5": ErrCountNotNumber,
		"10000000": ErrCountTooLarge, "99999999999999999999999": ErrCountTooLarge, "+4": ErrCountNotNumber,
	} {
		if _, err := ParseCount(typed); !errors.Is(err, want) {
			t.Errorf("ParseCount(%q): %v, want %v", typed, err, want)
		}
	}
	c := newConv(t)
	st := at(t, c, "2.1")
	cats := st.Question.Categories
	if _, err := c.SetCount(st, cats[0].ID, -1); !errors.Is(err, ErrCountNegative) {
		t.Errorf("negative count: %v", err)
	}
	if _, err := c.SetCount(st, cats[0].ID, MaxCount+1); !errors.Is(err, ErrCountTooLarge) {
		t.Errorf("overflowing count: %v", err)
	}
	if c.Revision() != 0 {
		t.Error("a refused count changed the conversation")
	}
	c.SetCount(st, cats[0].ID, 12)
	c.SetCount(st, cats[1].ID, 0)
	if total, filled := c.CountTotal(st); total != 12 || filled != 2 {
		t.Errorf("total %d of %d filled in", total, filled)
	}
	// Stepping down does not fill in an empty count, and stops at 0.
	if c.StepCount(st, cats[2].ID, -1) {
		t.Error("stepping down filled in an empty count")
	}
	c.StepCount(st, cats[1].ID, -1)
	c.StepCount(st, cats[2].ID, 1)
	c.SetCount(st, cats[3].ID, MaxCount)
	c.StepCount(st, cats[3].ID, 1)
	for i, want := range []int{12, 0, 1, MaxCount} {
		if n, _ := c.Count(st, cats[i].ID); n != want {
			t.Errorf("%s = %d, want %d", cats[i].ID, n, want)
		}
	}
	if !c.ClearCount(st, cats[0].ID) || c.ClearCount(st, cats[0].ID) {
		t.Error("clearing a count")
	}
	if _, ok := c.Count(st, cats[0].ID); ok {
		t.Error("a cleared count is still filled in")
	}
}
