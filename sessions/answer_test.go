package sessions

import (
	"testing"
)

func TestStatusAndTextBelongToTheTopicWhereTheyAreRecorded(t *testing.T) {
	c := newConv(t)
	a, b := at(t, c, "3.1a"), at(t, c, "3.1b")
	if !c.SetStatus(b, StatusPartial) || !c.SetText(b, "De beoordeling doet het CIZ.") {
		t.Fatal("recording at 3.1b is no change")
	}
	if c.Status(b) != StatusPartial || c.Text(b) != "De beoordeling doet het CIZ." {
		t.Errorf("3.1b reads %q %q", c.Status(b), c.Text(b))
	}
	if c.Status(a) != StatusNone || c.Text(a) != "" {
		t.Errorf("3.1a shows what was said at 3.1b: %q %q", c.Status(a), c.Text(a))
	}
	ans := c.Answers["organiseren.afspraken"]
	if ans.Status != StatusNone || ans.Text != "" || ans.Parts["beoordeling"].Status != StatusPartial {
		t.Errorf("recorded in the wrong place: %+v", ans)
	}
	if c.SetStatus(b, StatusPartial) || c.SetText(b, "De beoordeling doet het CIZ.") {
		t.Error("recording the same again is a change")
	}
	if c.Revision() != 2 {
		t.Errorf("revision %d after two changes", c.Revision())
	}
	one := at(t, c, "1.1")
	c.SetStatus(one, StatusDone)
	if c.Answers["bestuur.agenda"].Status != StatusDone {
		t.Error("the status of a question without parts is not on the question")
	}
}

func TestStatusesCycleBothWays(t *testing.T) {
	if CycleStatus(StatusNone, 1) != StatusDone || CycleStatus(StatusDone, -1) != StatusNone || CycleStatus(StatusDone, 1) != StatusPartial {
		t.Error("statuses do not cycle in the order of Statuses")
	}
}

func TestTheTextLabelIsTheQuestionTheTextAnswers(t *testing.T) {
	c := newConv(t)
	choice := at(t, c, "5.2")
	want := map[string]string{
		"1.1": "Antwoord (samen)", "1.2": "Toelichting (samen)", "1.3b": "Antwoord (samen)",
		"3.1b": "Afspraak", "5.2": "Toelichting", "2.1": oneLine(at(t, c, "2.1").Question.CountsText),
	}
	for number, label := range want {
		if got := c.TextLabel(at(t, c, number)); got != label {
			t.Errorf("label at %s = %q, want %q", number, got, label)
		}
	}
	first := choice.Question.Choices[0]
	c.SetChoice(choice, first.ID)
	if got := c.TextLabel(choice); got != oneLine(choice.Question.FollowUp(first.ID).Text) {
		t.Errorf("after choosing %s the label is %q", first.Label, got)
	}
}

func TestChangingTheChoiceKeepsTheTextAndSaysWhereItNowStands(t *testing.T) {
	c := newConv(t)
	st := at(t, c, "5.2")
	ja, nee := st.Question.Choices[0], st.Question.Choices[1]

	// Choosing before anything is typed says nothing.
	r := c.SetChoice(st, ja.ID)
	if !r.Changed || r.Moved || r.Message() != "" {
		t.Fatalf("first choice: %+v", r)
	}
	c.SetText(st, "We betalen samen een onderwijszorgconsulent.")

	r = c.SetChoice(st, nee.ID)
	if !r.Moved || r.TypedAt != ja.Label || r.FollowUp != c.TextLabel(st) {
		t.Fatalf("changing the choice after typing: %+v", r)
	}
	if c.Text(st) != "We betalen samen een onderwijszorgconsulent." {
		t.Errorf("the text was not kept: %q", c.Text(st))
	}
	if typedAt, moved := c.MovedText(st); !moved || typedAt != ja.Label {
		t.Errorf("MovedText = %q, %v", typedAt, moved)
	}
	// Through "no choice" and back: it remembers where it was typed.
	if r := c.SetChoice(st, ""); !r.Moved || r.TypedAt != ja.Label {
		t.Errorf("to no choice: %+v", r)
	}
	r = c.SetChoice(st, ja.ID)
	if !r.Back || r.Moved || r.Message() != "Je tekst staat weer onder de vraag waarbij hij getypt is." {
		t.Errorf("back to the choice it was typed at: %+v", r)
	}
	if _, moved := c.MovedText(st); moved {
		t.Error("still moved after coming back")
	}
	// Editing the text is checking it: the note ends.
	c.SetChoice(st, nee.ID)
	c.SetText(st, "We willen samen betalen.")
	if _, moved := c.MovedText(st); moved {
		t.Error("still moved after the text was edited")
	}
	if r := c.SetChoice(st, nee.ID); r.Changed {
		t.Error("the same choice again is a change")
	}
	// Leaving the stop ends the note too.
	c.SetChoice(st, ja.ID)
	c.SetCurrent(c.StopByNumber("5.3"))
	if _, moved := c.MovedText(st); moved {
		t.Error("still moved after going to another stop")
	}
}
