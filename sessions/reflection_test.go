package sessions

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// lastYearsReport is a report as it stood a year ago, with open and done
// action items.
func lastYearsReport() *Session {
	set := testSet()
	s := New(set.ID, set.Version)
	s.Title, s.Date = "Oplossingenlab 2025", "2025-11-20"
	a := s.Answer("bestuur.agenda")
	a.Status, a.Text = StatusNotYet, "Nog niet op de agenda.\nWel besproken."
	p := s.Answer("bestuur.partners")
	p.Partners = map[string]PartnerState{"scholen": PartnerTogether, "gemeente": PartnerNotYet}
	p.OtherPartners = []OtherPartner{{Name: "De Kei", State: PartnerTogether}}
	s.Answer("kinderen.aantallen").Counts = map[string]int{"tlv": 4, "wlz": 2}
	s.Answer("kinderen.financiering").Choice = "nee"
	*s.Answer("bestuur.uitwerking").Part("visie") = Part{Status: StatusPartial, Text: "Half op papier."}
	s.Actions = []ActionItem{
		{What: "Visie opschrijven", Who: "SWV", When: "2026-03-01", QuestionID: "bestuur.uitwerking"},
		{What: "Al gedaan", Done: true},
		{What: "Ouderavond", Who: "School", When: "2026-02-01"},
	}
	return s
}

func TestAReflectionTakesOnlyLastYearsOpenActionItemsToSettle(t *testing.T) {
	prior := lastYearsReport()
	s := New("test-set", "3")
	StartReflection(s, prior, "../2025/vorig.md")
	if s.Prior != prior || s.Baseline != "../2025/vorig.md" {
		t.Errorf("baseline = %q, prior set: %v", s.Baseline, s.Prior == prior)
	}
	var whats []string
	for _, pa := range s.PriorActions {
		if pa.Outcome != OutcomeOpen {
			t.Errorf("%q starts settled as %q", pa.Item.What, pa.Outcome)
		}
		whats = append(whats, pa.Item.What)
	}
	if want := []string{"Visie opschrijven", "Ouderavond"}; !reflect.DeepEqual(whats, want) {
		t.Errorf("items to settle = %q, want %q", whats, want)
	}
	if s.OpenPriorActions() != 2 {
		t.Errorf("open = %d, want 2", s.OpenPriorActions())
	}
	// Starting again does not list the items twice.
	StartReflection(s, prior, "vorig.md")
	if len(s.PriorActions) != 2 {
		t.Errorf("after starting twice there are %d items to settle", len(s.PriorActions))
	}
}

func TestACarriedItemJoinsThisYearsActionsWithItsNewDateAndLeavesThemWhenSettledOtherwise(t *testing.T) {
	s := New("test-set", "3")
	StartReflection(s, lastYearsReport(), "vorig.md")
	s.Actions = []ActionItem{{What: "Nieuw dit jaar"}}

	s.Settle(0, OutcomeCarried, "2027-06-30")
	want := []ActionItem{{What: "Nieuw dit jaar"}, {What: "Visie opschrijven", Who: "SWV", When: "2027-06-30", QuestionID: "bestuur.uitwerking", Carried: true}}
	if !reflect.DeepEqual(s.Actions, want) {
		t.Errorf("after carrying: %+v\nwant %+v", s.Actions, want)
	}
	// Carried again with another date: still one item, with the last date.
	s.Settle(0, OutcomeCarried, "voor de zomer")
	if len(s.Actions) != 2 || s.Actions[1].When != "voor de zomer" {
		t.Errorf("after carrying again: %+v", s.Actions)
	}
	s.Settle(0, OutcomeDone, "")
	if !reflect.DeepEqual(s.Actions, want[:1]) {
		t.Errorf("after settling as done the carried item should be gone: %+v", s.Actions)
	}
	s.Settle(1, OutcomeDropped, "")
	if s.PriorActions[0].Outcome != OutcomeDone || s.PriorActions[1].Outcome != OutcomeDropped || s.OpenPriorActions() != 0 {
		t.Errorf("outcomes = %+v", s.PriorActions)
	}
	s.Settle(5, OutcomeDone, "") // no such item: nothing happens
	s.Settle(1, OutcomeOpen, "")
	if s.OpenPriorActions() != 1 {
		t.Errorf("an item set back to open counts as open: %+v", s.PriorActions)
	}
}

func TestTheBaselineIsStoredRelativeToTheNewReportSoBothCanMoveTogether(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct{ report, target, want string }{
		{filepath.Join(dir, "2026", "nieuw.md"), filepath.Join(dir, "2025", "vorig.md"), "../2025/vorig.md"},
		{filepath.Join(dir, "nieuw.md"), filepath.Join(dir, "vorig.md"), "vorig.md"},
		{filepath.Join(dir, "nieuw.md"), filepath.Join(dir, "oud", "vorig.md"), "oud/vorig.md"},
	} {
		if got := RelativePath(c.report, c.target); got != c.want {
			t.Errorf("RelativePath(%s, %s) = %q, want %q", c.report, c.target, got, c.want)
		}
	}
}

func TestTakingOverLastYearsAnswerAddsItsTextAndFillsOnlyWhatIsEmpty(t *testing.T) {
	s := New("test-set", "3")
	StartReflection(s, lastYearsReport(), "vorig.md")

	text, ok := s.TakeOverPrior("bestuur.agenda", "")
	if !ok || text != "Nog niet op de agenda.\nWel besproken." {
		t.Errorf("open question: %q %v", text, ok)
	}
	if got := AppendText("Nu wel.", text); got != "Nu wel.\n\nNog niet op de agenda.\nWel besproken." {
		t.Errorf("the text goes after what was typed, as a paragraph: %q", got)
	}
	if AppendText("", text) != text || AppendText("Nu wel.", "") != "Nu wel." {
		t.Error("appending to or with nothing changes nothing")
	}

	// This year's gemeente answer stays; the scholen answer and De Kei come in.
	s.Answer("bestuur.partners").Partners = map[string]PartnerState{"gemeente": PartnerTogether}
	if _, ok := s.TakeOverPrior("bestuur.partners", ""); !ok {
		t.Fatal("partners: nothing taken over")
	}
	p := s.Answers["bestuur.partners"]
	if want := map[string]PartnerState{"gemeente": PartnerTogether, "scholen": PartnerTogether}; !reflect.DeepEqual(p.Partners, want) {
		t.Errorf("partners = %v, want %v", p.Partners, want)
	}
	if len(p.OtherPartners) != 1 || p.OtherPartners[0].Name != "De Kei" {
		t.Errorf("other partners = %+v", p.OtherPartners)
	}

	s.Answer("kinderen.aantallen").Counts = map[string]int{"tlv": 9}
	s.TakeOverPrior("kinderen.aantallen", "")
	if want := map[string]int{"tlv": 9, "wlz": 2}; !reflect.DeepEqual(s.Answers["kinderen.aantallen"].Counts, want) {
		t.Errorf("counts = %v, want %v", s.Answers["kinderen.aantallen"].Counts, want)
	}
	s.Answer("kinderen.financiering").Choice = "ja"
	s.TakeOverPrior("kinderen.financiering", "")
	if s.Answers["kinderen.financiering"].Choice != "ja" {
		t.Errorf("this year's choice was replaced")
	}

	text, ok = s.TakeOverPrior("bestuur.uitwerking", "visie")
	if !ok || text != "Half op papier." {
		t.Errorf("sub-point: %q %v", text, ok)
	}
	if a := s.Answers["bestuur.uitwerking"]; a != nil {
		t.Errorf("taking over a sub-point's text changes nothing by itself: %+v", a)
	}

	if _, ok := s.TakeOverPrior("kinderen.onderwerpen", ""); ok {
		t.Error("a question last year left empty has nothing to take over")
	}
	if _, ok := s.Answers["kinderen.onderwerpen"]; ok {
		t.Error("nothing to take over should not create an answer")
	}
	if _, ok := New("test-set", "3").TakeOverPrior("bestuur.agenda", ""); ok {
		t.Error("without last year's report there is nothing to take over")
	}
}

func TestTheStatusAndTextOfAnAnswerOrOneOfItsPoints(t *testing.T) {
	prior := lastYearsReport()
	if st, text := prior.Answers["bestuur.agenda"].At(""); st != StatusNotYet || !strings.HasPrefix(text, "Nog niet") {
		t.Errorf("whole answer: %q %q", st, text)
	}
	if st, text := prior.Answers["bestuur.uitwerking"].At("visie"); st != StatusPartial || text != "Half op papier." {
		t.Errorf("sub-point: %q %q", st, text)
	}
	if st, text := prior.Answers["bestuur.uitwerking"].At("toezicht"); st != StatusNone || text != "" {
		t.Errorf("empty sub-point: %q %q", st, text)
	}
	var none *Answer
	if st, text := none.At("visie"); st != StatusNone || text != "" {
		t.Errorf("no answer: %q %q", st, text)
	}
}
