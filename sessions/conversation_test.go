package sessions

import (
	"testing"

	"gespreksmap/content"
)

// newConv is an empty conversation on the embedded default set, with two
// organisations at the table.
func newConv(t *testing.T) *Conversation {
	t.Helper()
	set := content.Default()
	s := New(set.ID, set.Version)
	s.Title, s.Date = "Oplossingenlab", "2026-11-22"
	s.Participants = []Participant{
		{Name: "Anna", Organisation: "Gemeente Tilburg", PartnerKind: "gemeente"},
		{Name: "Bram", Organisation: "SWV Hart van Brabant", PartnerKind: "swv"},
		{Name: "Cor", Organisation: "Gemeente Tilburg", PartnerKind: "gemeente"},
	}
	return NewConversation(set, s)
}

// at is the stop with the given number ("3.1b"); the test fails without it.
func at(t *testing.T, c *Conversation, number string) content.Stop {
	t.Helper()
	i := c.StopByNumber(number)
	if i < 0 {
		t.Fatalf("no stop %s", number)
	}
	return c.Stop(i)
}

func TestStopsAreFoundByNumberAsPeopleTypeIt(t *testing.T) {
	c := newConv(t)
	for typed, want := range map[string]string{
		"3.1b": "3.1b", " 3.1 B ": "3.1b", "3.1": "3.1a", "1.1": "1.1", "5.2": "5.2", "6.4": "6.4",
	} {
		if got := c.Stop(c.StopByNumber(typed)).Number(); got != want {
			t.Errorf("StopByNumber(%q) is at %s, want %s", typed, got, want)
		}
	}
	for _, typed := range []string{"", "9.9", "3.1z", "abc"} {
		if i := c.StopByNumber(typed); i != -1 {
			t.Errorf("StopByNumber(%q) = %d, want -1", typed, i)
		}
	}
	if got := c.Stop(c.FirstStopOf(2)).Number(); got != "3.1a" {
		t.Errorf("section 3 starts at %s, want 3.1a", got)
	}
	if c.FirstStopOf(99) != -1 {
		t.Error("a section the set does not have has a first stop")
	}
	if i := c.StopIndex("organiseren.afspraken", "beoordeling"); c.Stop(i).Number() != "3.1b" {
		t.Errorf("StopIndex of the topic beoordeling is at %s", c.Stop(i).Number())
	}
	if i := c.StopIndex("organiseren.afspraken", ""); c.Stop(i).Number() != "3.1a" {
		t.Errorf("a question with topics starts at %s, want 3.1a", c.Stop(i).Number())
	}
	if c.StopIndex("organiseren.afspraken", "weg") != -1 || c.StopIndex("onbekend", "") != -1 {
		t.Error("unknown stops were found")
	}
	if len(c.Stops()) != len(c.Set.Stops()) {
		t.Errorf("%d stops, the set has %d", len(c.Stops()), len(c.Set.Stops()))
	}
}

func TestAConversationResumesAtTheTopicWhereItWasLeft(t *testing.T) {
	c := newConv(t)
	if c.Resume() != -1 {
		t.Fatal("a new conversation resumes at a stop, not the overview")
	}
	if !c.SetCurrent(c.StopByNumber("3.1b")) || c.Revision() != 1 {
		t.Fatalf("moving to 3.1b is no change (revision %d)", c.Revision())
	}
	if c.Current != "organiseren.afspraken#beoordeling" {
		t.Errorf("Current = %q", c.Current)
	}
	if c.SetCurrent(c.StopByNumber("3.1b")) {
		t.Error("moving to where we are is a change")
	}
	// Read back from a report: the same string finds the same topic.
	again := NewConversation(c.Set, &Session{Current: c.Current})
	if got := again.Stop(again.Resume()).Number(); got != "3.1b" {
		t.Errorf("resumed at %s, want 3.1b", got)
	}
	// An older report names the question only; a removed topic falls back.
	for cur, want := range map[string]string{"organiseren.afspraken": "3.1a", "organiseren.afspraken#weg": "3.1a", "bestuur.agenda": "1.1"} {
		c := NewConversation(c.Set, &Session{Current: cur})
		if got := c.Stop(c.Resume()).Number(); got != want {
			t.Errorf("Current %q resumes at %s, want %s", cur, got, want)
		}
	}
	if NewConversation(c.Set, &Session{Current: "weg.vraag"}).Resume() != -1 {
		t.Error("a question the set lost resumes somewhere")
	}
	c.SetCurrent(-1)
	if c.Current != "" || c.Resume() != -1 {
		t.Errorf("back to the overview: Current %q", c.Current)
	}
}

func TestStopRefRoundTrips(t *testing.T) {
	for _, tc := range []struct{ q, p, ref string }{
		{"bestuur.agenda", "", "bestuur.agenda"},
		{"organiseren.afspraken", "beoordeling", "organiseren.afspraken#beoordeling"},
		{"", "", ""},
	} {
		if got := StopRef(tc.q, tc.p); got != tc.ref {
			t.Errorf("StopRef(%q, %q) = %q", tc.q, tc.p, got)
		}
		if q, p := ParseStopRef(tc.ref); q != tc.q || p != tc.p {
			t.Errorf("ParseStopRef(%q) = %q, %q", tc.ref, q, p)
		}
	}
}

func TestAReadOnlyConversationChangesNothing(t *testing.T) {
	c := newConv(t)
	c.SetReadOnly(true)
	st := at(t, c, "1.1")
	changed := []bool{
		c.SetStatus(st, StatusDone), c.SetText(st, "x"), c.SetChoice(at(t, c, "5.2"), "ja").Changed,
		c.SetCurrent(0), c.SetPerspective(st, "Gemeente Tilburg", "x"), c.AddAction(st, ActionItem{What: "x"}) >= 0,
		c.SetPartnerState(at(t, c, "1.2"), "gemeente", PartnerTogether), c.RemoveParticipant(0),
	}
	for i, ch := range changed {
		if ch {
			t.Errorf("change %d went through on a read-only conversation", i)
		}
	}
	if c.Revision() != 0 || len(c.Answers) != 0 || len(c.Actions) != 0 || len(c.Participants) != 3 {
		t.Errorf("read-only conversation changed: revision %d, %d answers", c.Revision(), len(c.Answers))
	}
}
