package sessions

import (
	"errors"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"gespreksmap/content"
)

// lastYearOnDefault is last year's conversation on the default set.
func lastYearOnDefault() *Session {
	set := content.Default()
	s := New(set.ID, set.Version)
	s.Title, s.Region, s.Date, s.Facilitator = "Oplossingenlab 2025", "Hart van Brabant", "2025-11-20", "Fien"
	s.Participants = []Participant{{Name: "Anna", Organisation: "Gemeente Tilburg", PartnerKind: "gemeente"}}
	a := s.Answer("bestuur.agenda")
	a.Status, a.Text = StatusNotYet, "Nog niet op de agenda."
	s.Answer("financiering.collectief").Choice = "nee"
	*s.Answer("organiseren.afspraken").Part("beoordeling") = Part{Status: StatusPartial, Text: "Het CIZ beoordeelt."}
	s.Actions = []ActionItem{
		{What: "Agenderen", Who: "Anna", When: "2026-03-01", QuestionID: "bestuur.agenda"},
		{What: "Beoordeling beschrijven", QuestionID: "organiseren.afspraken", Part: "beoordeling"},
		{What: "Klaar", Done: true},
	}
	return s
}

var day = time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)

func TestANewConversationBegins(t *testing.T) {
	st := NewStart(nil, "", day)
	if st.Date != "2026-11-22" || st.Title != "" {
		t.Errorf("start %+v", st)
	}
	if _, err := Begin(content.Default(), st, "x.md"); !errors.Is(err, ErrTitle) {
		t.Errorf("without a title: %v", err)
	}
	st.Title, st.Date = "Lab", "22-11-2026"
	var de *DateError
	if _, err := Begin(content.Default(), st, "x.md"); !errors.As(err, &de) {
		t.Errorf("with a wrong date: %v", err)
	}
	st.Date = "2026-11-22"
	st.Participants = []Participant{{Name: "Anna", Organisation: "Gemeente"}, {}}
	c, err := Begin(content.Default(), st, "x.md")
	if err != nil {
		t.Fatal(err)
	}
	if c.Title != "Lab" || c.SetID != content.Default().ID || len(c.Participants) != 1 || c.Participants[0].PartnerKind != OtherPartnerKind {
		t.Errorf("begun: %+v", c.Session)
	}
	if c.Revision() == 0 || c.Reflecting() || c.NeedsSettling() {
		t.Errorf("a new conversation: revision %d, reflecting %v", c.Revision(), c.Reflecting())
	}
}

func TestAYearlyReflectionBeginsBesideLastYearsReport(t *testing.T) {
	prior := lastYearOnDefault()
	dir := t.TempDir()
	priorPath := filepath.Join(dir, "2025", "vorig.md")
	st := NewStart(prior, priorPath, day)
	if st.Title != "Jaarlijkse reflectie 2026 Hart van Brabant" || st.Region != "Hart van Brabant" || st.Facilitator != "Fien" || len(st.Participants) != 1 {
		t.Errorf("start %+v", st)
	}
	st.Participants[0].Name = "Anna B."
	if prior.Participants[0].Name != "Anna" {
		t.Error("editing the start changed last year's participants")
	}
	c, err := Begin(content.Default(), st, filepath.Join(dir, "2026", "nu.md"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Baseline != "../2025/vorig.md" || c.Prior != prior || !c.Reflecting() || !c.NeedsSettling() {
		t.Errorf("baseline %q, reflecting %v, settling %v", c.Baseline, c.Reflecting(), c.NeedsSettling())
	}
	if len(c.PriorActions) != 2 {
		t.Fatalf("%d items to settle, want the 2 open ones", len(c.PriorActions))
	}
	// Last year's items are shown at the stop where they were made.
	if got := c.PriorActionsAt(c.Stop(c.StopByNumber("3.1b"))); !slices.Equal(got, []int{1}) {
		t.Errorf("at 3.1b: %v", got)
	}
	if got := c.PriorActionsAt(c.Stop(c.StopByNumber("3.1a"))); len(got) != 0 {
		t.Errorf("at 3.1a: %v", got)
	}
	if got := c.PriorSummary(c.Stop(c.StopByNumber("1.1"))); got != "Vorig jaar (2025-11-20): nog niet — Nog niet op de agenda." {
		t.Errorf("prior summary at 1.1: %q", got)
	}
	if got := c.PriorSummary(c.Stop(c.StopByNumber("3.1b"))); got != "Vorig jaar (2025-11-20): deels — Het CIZ beoordeelt." {
		t.Errorf("prior summary at 3.1b: %q", got)
	}

	// Settling: carried over needs a new date, and joins this year's items.
	rev := c.Revision()
	if _, err := c.Settle(0, OutcomeCarried, " "); !errors.Is(err, ErrNoNewDate) || c.Revision() != rev {
		t.Errorf("carried without a date: %v", err)
	}
	if ok, err := c.Settle(0, OutcomeCarried, "2027-03-01"); !ok || err != nil {
		t.Fatalf("carrying over: %v %v", ok, err)
	}
	if len(c.Actions) != 1 || !c.Actions[0].Carried || c.Actions[0].When != "2027-03-01" || c.CarriedTo(0) != "2027-03-01" {
		t.Errorf("carried: %+v", c.Actions)
	}
	if ok, _ := c.Settle(0, OutcomeCarried, "2027-03-01"); ok {
		t.Error("settling the same again is a change")
	}
	c.Settle(0, OutcomeDone, "")
	c.Settle(1, OutcomeDropped, "")
	if len(c.Actions) != 0 || c.NeedsSettling() {
		t.Errorf("after settling: %d actions, open %d", len(c.Actions), c.OpenPriorActions())
	}
}

func TestTakingOverLastYearsAnswer(t *testing.T) {
	c := NewConversation(content.Default(), New("x", "1"))
	c.Prior = lastYearOnDefault()
	open, choice, topic, none := at(t, c, "1.1"), at(t, c, "5.2"), at(t, c, "3.1b"), at(t, c, "6.4")

	text, r := c.TakeOverPrior(open, "Dit jaar wel.")
	if r != TookOver || text != "Dit jaar wel.\n\nNog niet op de agenda." || c.Text(open) != text {
		t.Errorf("open: %v %q / %q", r, text, c.Text(open))
	}
	if _, r := c.TakeOverPrior(open, c.Text(open)); r != AlreadyHere || c.Text(open) != text {
		t.Errorf("a second time: %v", r)
	}
	if _, r := c.TakeOverPrior(choice, ""); r != TookOver || c.Choice(choice) != "nee" {
		t.Errorf("choice: %v %q", r, c.Choice(choice))
	}
	if text, r := c.TakeOverPrior(topic, ""); r != TookOver || c.Text(topic) != "Het CIZ beoordeelt." || text != c.Text(topic) {
		t.Errorf("topic: %v %q", r, c.Text(topic))
	}
	if c.Status(topic) != StatusNone {
		t.Error("the status was taken over; it is this year's to decide")
	}
	rev := c.Revision()
	if _, r := c.TakeOverPrior(none, "x"); r != NothingLastYear || c.Revision() != rev {
		t.Errorf("nothing last year: %v", r)
	}
	if r.Message() == "" || AlreadyHere.Message() == TookOver.Message() {
		t.Error("messages")
	}
}

func TestACarriedOverItemGetsItsNewOwnerInOneChange(t *testing.T) {
	dir := t.TempDir()
	c, err := Begin(content.Default(), NewStart(lastYearOnDefault(), filepath.Join(dir, "vorig.md"), day), filepath.Join(dir, "nu.md"))
	if err != nil {
		t.Fatal(err)
	}
	was := c.CarriedOwner(0)
	rev := c.Revision()
	if changed, err := c.SettleCarried(0, "2027-06-01", "Piet"); err != nil || !changed {
		t.Fatalf("SettleCarried: %v %v", changed, err)
	}
	if c.Revision() != rev+1 {
		t.Errorf("the date and the owner took %d changes, want 1", c.Revision()-rev)
	}
	if got := c.CarriedOwner(0); got != "Piet" || c.CarriedTo(0) != "2027-06-01" {
		t.Errorf("owner %q (was %q), date %q", got, was, c.CarriedTo(0))
	}
	if _, err := c.SettleCarried(0, "", "Piet"); err != ErrNoNewDate {
		t.Errorf("without a date: %v, want ErrNoNewDate", err)
	}
	c.SettleCarried(0, "2027-06-01", "")
	if c.CarriedOwner(0) != "Piet" {
		t.Error("an empty owner changed the owner")
	}
}
