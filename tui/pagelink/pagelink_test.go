package pagelink

import (
	"strings"
	"testing"
	"time"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/tui/phonetest"
)

func conversation(t *testing.T) *sessions.Conversation {
	t.Helper()
	set := content.Default()
	conv := sessions.NewConversation(set, sessions.New(set.ID, set.Version))
	if _, err := conv.AddParticipant(sessions.Participant{Name: "Mo", Organisation: "Ouders"}); err != nil {
		t.Fatal(err)
	}
	return conv
}

func TestTheStopViewOfASubPointHasItsNumberTheQuestionThePointAndItsTerms(t *testing.T) {
	conv := conversation(t)
	st := conv.Stop(conv.StopByNumber("3.1b"))
	v := StopView(conv, st)
	if v.Ref != sessions.Ref(st) || v.Number != "3.1b" || !strings.HasPrefix(v.Title, "3. ") {
		t.Errorf("ref, number, title: %q %q %q", v.Ref, v.Number, v.Title)
	}
	if !strings.Contains(v.Text, st.Question.Text) || !strings.Contains(v.Text, "3.1b "+st.Part.Text) {
		t.Errorf("the text lacks the question or the point:\n%s", v.Text)
	}
	for _, b := range st.Part.Bullets {
		if !strings.Contains(v.Text, "– "+b) {
			t.Errorf("the text lacks the bullet %q", b)
		}
	}
	if len(v.Terms) != len(conv.Terms(st)) {
		t.Errorf("%d terms, want %d", len(v.Terms), len(conv.Terms(st)))
	}
	if v := StopView(conv, content.Stop{}); v.Ref != "" || v.Number != "" || v.Text != "" {
		t.Error("no stop shows nothing")
	}
}

func TestContributionsAreOfferedHereFirstThenInTheOrderOfTheSetThenSetAside(t *testing.T) {
	conv := conversation(t)
	at := time.Date(2026, 11, 22, 14, 0, 0, 0, time.UTC)
	for i, n := range []string{"5.2", "1.1", "3.1b", "1.2"} {
		st := conv.Stop(conv.StopByNumber(n))
		k := sessions.Contribution{ID: "k" + strings.ReplaceAll(n, ".", "-"), Organisation: "Ouders", QuestionID: st.Question.ID, Text: "bij " + n, At: at.Add(time.Duration(i) * time.Minute)}
		if st.Part != nil {
			k.Part = st.Part.ID
		}
		if !conv.Receive(k) {
			t.Fatalf("not received at %s", n)
		}
	}
	conv.SetAsideContribution("k1-1")
	var got []string
	for _, k := range Ordered(conv, sessions.Ref(conv.Stop(conv.StopByNumber("3.1b")))) {
		got = append(got, k.Text)
	}
	if want := "bij 3.1b,bij 1.2,bij 5.2,bij 1.1"; strings.Join(got, ",") != want {
		t.Errorf("order %v, want %s", got, want)
	}
	if n, where := Waiting(conv); n != 3 || strings.Join(where, ",") != "1.2,3.1b,5.2" {
		t.Errorf("waiting %d at %v", n, where)
	}
	if s := Leaving(Waiting(conv)); !strings.HasPrefix(s, "3 bijdragen van deelnemers wachten nog (bij vraag 1.2, 3.1b, 5.2).") {
		t.Errorf("leaving: %q", s)
	}
	if Leaving(0, nil) != "" {
		t.Error("nothing waits: nothing to say")
	}
}

func TestWithoutAPageAContributionFromTheReportIsTakenOverSetAsideAndRestored(t *testing.T) {
	conv := conversation(t)
	st := conv.Stop(conv.StopByNumber("1.1"))
	conv.Receive(sessions.Contribution{ID: "a", Organisation: "Ouders", QuestionID: st.Question.ID, Text: "Eerste."})
	conv.Receive(sessions.Contribution{ID: "b", Organisation: "Ouders", QuestionID: st.Question.ID, Text: "Tweede."})
	var none *Link
	if o := none.SetAside(conv, "b"); o != Done {
		t.Fatalf("set aside: %v", o)
	}
	if o := none.SetAside(conv, "b"); o != Refused {
		t.Errorf("set aside twice: %v", o)
	}
	if o := none.Restore(conv, "b"); o != Done {
		t.Errorf("restore: %v", o)
	}
	if k, o := none.Accept(conv, "a", ""); o != Done || k.Text != "Eerste." {
		t.Fatalf("accept: %v %+v", o, k)
	}
	if _, o := none.Accept(conv, "a", ""); o != Gone {
		t.Errorf("accepting again: %v", o)
	}
	if k, o := none.Edit(conv, "b"); o != Done || k.Text != "Tweede." {
		t.Fatalf("edit: %v %+v", o, k)
	}
	none.Release("b")
	if _, o := none.Accept(conv, "b", "Tweede, herschreven."); o != Done {
		t.Fatal(o)
	}
	if p, _ := conv.Perspective(st, "Ouders"); p != "Eerste.\n\nTweede, herschreven." {
		t.Errorf("the perspective: %q", p)
	}
	conv.SetReadOnly(true)
	if _, o := none.Accept(conv, "x", ""); o != ReadOnly {
		t.Errorf("read only: %v", o)
	}
}

func TestWithAPageTheStopTheOrganisationsAndTheRoundReachThePhoneAndOnlyWhenTheyChange(t *testing.T) {
	conv := conversation(t)
	start, rooms := phonetest.Loopback(t)
	link, err := Start(start, "", conv, nil)
	if err != nil {
		t.Fatal(err)
	}
	<-rooms
	link.Feed(conv, conv.Stop(conv.StopByNumber("2.1")))
	p := phonetest.Join(t, link.Room.URL())
	p.Choose("Ouders")
	p.WaitStop("2.1")
	link.Feed(conv, content.Stop{})
	p.WaitStop("")
	link.Feed(conv, conv.Stop(conv.StopByNumber("2.1")))
	p.Send("Vanaf de telefoon.")
	deadline := time.After(5 * time.Second)
	for conv.WaitingCount() == 0 {
		select {
		case <-link.Room.Notify():
			if from := link.Drain(conv); len(from) != 1 || from[0] != "Ouders" {
				t.Fatalf("drained from %v", from)
			}
		case <-deadline:
			t.Fatal("nothing arrived")
		}
	}
	id := conv.Contributions()[0].ID
	if _, o := link.Edit(conv, id); o != Done || p.States()[0] != "overgenomen" {
		t.Fatalf("edit does not lock it on the phone: %v %v", o, p.States())
	}
	link.Release(id)
	if p.States()[0] != "wacht" {
		t.Fatalf("release does not free it: %v", p.States())
	}
	// An edit the phone sends, not yet drained, when the facilitator opens
	// the contribution to edit and gives up: the conversation holds it.
	if code := p.Edit(id, "Vanaf de telefoon, verbeterd."); code != 303 {
		t.Fatalf("editing on the phone: %d", code)
	}
	if k, o := link.Edit(conv, id); o != Done || k.Text != "Vanaf de telefoon, verbeterd." {
		t.Fatalf("the editor gets %q (%v), not the phone's last word", k.Text, o)
	}
	link.Release(id)
	if k, _, _ := conv.ContributionByID(id); k.Text != "Vanaf de telefoon, verbeterd." {
		t.Fatalf("after giving up the edit the conversation holds %q", k.Text)
	}
	if o := link.SetAside(conv, id); o != Done || p.States()[0] != "terzijde gelegd" {
		t.Fatalf("set aside: %v %v", o, p.States())
	}
	link.Stop(conv)
	if p.Answers() {
		t.Error("Stop leaves the page answering")
	}
}
