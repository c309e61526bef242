package sessions

import (
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"gespreksmap/content"
)

var sentAt = time.Date(2026, 11, 30, 14, 5, 0, 0, time.Local)

// sent is a contribution as the participants' page hands it over, written
// at stop st.
func sent(id, org string, st content.Stop, text string, at time.Time) Contribution {
	return Contribution{ID: id, Organisation: org, QuestionID: questionOf(st), Part: partOf(st), Text: text, At: at}
}

func ids(ks []Contribution) []string {
	var out []string
	for _, k := range ks {
		out = append(out, k.ID)
	}
	return out
}

func TestAContributionWaitsAtTheStopItWasWrittenAt(t *testing.T) {
	c := newConv(t)
	st, other := at(t, c, "3.1b"), at(t, c, "3.1a")
	rev := c.Revision()
	if !c.Receive(sent("k1", "Gemeente Tilburg", st, "Wij willen meebeslissen.", sentAt)) {
		t.Fatal("a contribution was refused")
	}
	if c.Revision() != rev+1 {
		t.Errorf("receiving bumped the revision by %d, want 1", c.Revision()-rev)
	}
	want := Contribution{ID: "k1", Organisation: "Gemeente Tilburg", QuestionID: "organiseren.afspraken", Part: "beoordeling", Text: "Wij willen meebeslissen.", At: sentAt, State: ContributionWaiting}
	if got := c.Contributions(); len(got) != 1 || got[0] != want {
		t.Fatalf("contributions: %+v", got)
	}
	if c.WaitingCount() != 1 || !slices.Equal(c.WaitingAt(st), []int{0}) || len(c.WaitingAt(other)) != 0 {
		t.Errorf("waiting: %d in all, %v at 3.1b, %v at 3.1a", c.WaitingCount(), c.WaitingAt(st), c.WaitingAt(other))
	}
	if k, i, ok := c.ContributionByID("k1"); !ok || i != 0 || k != want {
		t.Errorf("by id: %+v %d %v", k, i, ok)
	}
	if _, _, ok := c.ContributionByID("k2"); ok {
		t.Error("an unknown id is found")
	}
	// Contributions is a copy: changing it changes nothing.
	c.Contributions()[0].Text = "anders"
	if c.Session.Contributions[0].Text != "Wij willen meebeslissen." {
		t.Error("Contributions() hands out the conversation's own list")
	}
}

func TestAnEditReplacesTheTextAndTimeAndKeepsItsPlace(t *testing.T) {
	c := newConv(t)
	st := at(t, c, "1.1")
	c.Receive(sent("k1", "Gemeente Tilburg", st, "Eerst.", sentAt))
	c.Receive(sent("k2", "SWV Hart van Brabant", st, "Tweede.", sentAt))
	later := sentAt.Add(3 * time.Minute)
	// The edit arrives while the facilitator is at another stop: it stays
	// where it was written, under its organisation.
	edit := sent("k1", "SWV Hart van Brabant", at(t, c, "2.1"), "Eerst, en nu beter.", later)
	if !c.Receive(edit) {
		t.Fatal("an edit was refused")
	}
	got := c.Contributions()
	if !slices.Equal(ids(got), []string{"k1", "k2"}) || got[0].Text != "Eerst, en nu beter." || !got[0].At.Equal(later) ||
		got[0].Organisation != "Gemeente Tilburg" || got[0].QuestionID != "bestuur.agenda" {
		t.Errorf("after the edit: %+v", got)
	}
	rev := c.Revision()
	if c.Receive(edit) || c.Revision() != rev {
		t.Error("the same edit again is a change")
	}
}

func TestReceiveRefusesWhatIsNotAContribution(t *testing.T) {
	c := newConv(t)
	st := at(t, c, "1.1")
	long := strings.Repeat("x", MaxContributionID+1)
	for name, k := range map[string]Contribution{
		"empty text":                       sent("k1", "Gemeente Tilburg", st, "", sentAt),
		"only white space":                 sent("k1", "Gemeente Tilburg", st, " \n\t\r\n ", sentAt),
		"only an escape sequence":          sent("k1", "Gemeente Tilburg", st, "\x1b[2J\x1b]0;titel\x07", sentAt),
		"no organisation":                  sent("k1", " \n ", st, "Tekst.", sentAt),
		"an organisation of 201 runes":     sent("k1", strings.Repeat("é", 201), st, "Tekst.", sentAt),
		"no id":                            sent("", "Gemeente Tilburg", st, "Tekst.", sentAt),
		"an id of 65 characters":           sent(long, "Gemeente Tilburg", st, "Tekst.", sentAt),
		"an id with a space":               sent("k 1", "Gemeente Tilburg", st, "Tekst.", sentAt),
		"an id with a slash":               sent("../k1", "Gemeente Tilburg", st, "Tekst.", sentAt),
		"an id with a marker's end":        sent("k1-->", "Gemeente Tilburg", st, "Tekst.", sentAt),
		"an id with a letter not in ASCII": sent("ké", "Gemeente Tilburg", st, "Tekst.", sentAt),
		"an unknown question":              {ID: "k1", Organisation: "Gemeente Tilburg", QuestionID: "oud.vraag", Text: "Tekst."},
		"no question":                      {ID: "k1", Organisation: "Gemeente Tilburg", Text: "Tekst."},
		"an unknown topic":                 {ID: "k1", Organisation: "Gemeente Tilburg", QuestionID: "organiseren.afspraken", Part: "weg", Text: "Tekst."},
		// A question with topics has a stop per topic, none of its own.
		"a question with topics as a whole": {ID: "k1", Organisation: "Gemeente Tilburg", QuestionID: "organiseren.afspraken", Text: "Tekst."},
		"a part of a question without any":  {ID: "k1", Organisation: "Gemeente Tilburg", QuestionID: "bestuur.agenda", Part: "visie", Text: "Tekst."},
	} {
		if c.Receive(k) || len(c.Contributions()) != 0 || c.Revision() != 0 {
			t.Errorf("%s: taken in: %+v", name, c.Contributions())
			c.Session.Contributions = nil
		}
	}
	// A stop of the set is found by id; the longest id is fine.
	if !c.Receive(sent(long[1:], "Gemeente Tilburg", at(t, c, "3.1b"), "Tekst.", sentAt)) {
		t.Error("a contribution at a topic with an id of 64 characters was refused")
	}
}

func TestHostileTextIsCleanedAndALongTextIsCut(t *testing.T) {
	c := newConv(t)
	st := at(t, c, "1.1")
	hostile := "  \x1b[31mRood\x1b[0m en \u202eomgekeerd\u202c\r\nregel twee\rregel drie\x07\x00 <script>alert(1)</script> `code` # kop  \n\n"
	if !c.Receive(sent("k1", "Gemeente\nTilburg\x1b[2J\t", st, hostile, sentAt)) {
		t.Fatal("refused")
	}
	k, _, _ := c.ContributionByID("k1")
	if want := "Rood en omgekeerd\nregel twee\nregel drie <script>alert(1)</script> `code` # kop"; k.Text != want {
		t.Errorf("text %q, want %q", k.Text, want)
	}
	if k.Organisation != "Gemeente Tilburg" {
		t.Errorf("organisation %q", k.Organisation)
	}
	// An id is cleaned before it is judged.
	if !c.Receive(sent("k2\x1b[0m", "Gemeente Tilburg", st, "x", sentAt)) {
		t.Error("an id with an escape sequence around it was refused")
	} else if _, _, ok := c.ContributionByID("k2"); !ok {
		t.Errorf("the cleaned id is not kept: %v", ids(c.Contributions()))
	}

	// 10,001 runes, each of two bytes: cut at 10,000, between runes.
	long := strings.Repeat("é", MaxContribution+1)
	if !c.Receive(sent("k3", "Gemeente Tilburg", st, long, sentAt)) {
		t.Fatal("a long text was refused")
	}
	k, _, _ = c.ContributionByID("k3")
	if n := utf8.RuneCountInString(k.Text); n != MaxContribution || !utf8.ValidString(k.Text) || k.Text != long[:2*MaxContribution] {
		t.Errorf("kept %d runes (valid UTF-8: %v)", n, utf8.ValidString(k.Text))
	}
	// A text of exactly the limit is kept whole, and 1 MB is cut too.
	exact := strings.Repeat("👩", MaxContribution)
	c.Receive(sent("k4", "Gemeente Tilburg", st, exact, sentAt))
	c.Receive(sent("k5", "Gemeente Tilburg", st, strings.Repeat("a", 1<<20), sentAt))
	if k, _, _ := c.ContributionByID("k4"); k.Text != exact {
		t.Error("a text of exactly the limit was cut")
	}
	if k, _, _ := c.ContributionByID("k5"); len(k.Text) != MaxContribution {
		t.Errorf("1 MB kept as %d bytes", len(k.Text))
	}
}

func TestAWithdrawnContributionIsGone(t *testing.T) {
	c := newConv(t)
	st := at(t, c, "1.1")
	c.Receive(sent("k1", "Gemeente Tilburg", st, "Eerst.", sentAt))
	c.Receive(sent("k2", "SWV Hart van Brabant", st, "Tweede.", sentAt))
	rev := c.Revision()
	if !c.Withdraw("k1") || c.Revision() != rev+1 || !slices.Equal(ids(c.Contributions()), []string{"k2"}) {
		t.Fatalf("after withdrawing: %v", ids(c.Contributions()))
	}
	if c.Withdraw("k1") || c.Withdraw("") {
		t.Error("withdrawing what is not there is a change")
	}
}

func TestAContributionSetAsideStaysButCannotBeEditedOrWithdrawn(t *testing.T) {
	c := newConv(t)
	st := at(t, c, "1.1")
	c.Receive(sent("k1", "Gemeente Tilburg", st, "Eerst.", sentAt))
	rev := c.Revision()
	if !c.SetAsideContribution("k1") || c.Revision() != rev+1 {
		t.Fatal("setting aside is no change")
	}
	if k, _, _ := c.ContributionByID("k1"); k.State != ContributionSetAside || c.WaitingCount() != 0 || len(c.WaitingAt(st)) != 0 {
		t.Errorf("set aside: %+v, %d waiting", k, c.WaitingCount())
	}
	if c.SetAsideContribution("k1") {
		t.Error("setting aside twice is a change")
	}
	if c.Receive(sent("k1", "Gemeente Tilburg", st, "Toch anders.", sentAt.Add(time.Minute))) {
		t.Error("a contribution set aside was edited")
	}
	if c.Withdraw("k1") {
		t.Error("a contribution set aside was withdrawn")
	}
	if k, _, _ := c.ContributionByID("k1"); k.Text != "Eerst." {
		t.Errorf("text became %q", k.Text)
	}
	if !c.RestoreContribution("k1") || c.WaitingCount() != 1 || c.RestoreContribution("k1") {
		t.Error("restoring did not make it wait again, once")
	}
}

func TestAcceptingAddsTheContributionToTheOrganisationsPerspective(t *testing.T) {
	c := newConv(t)
	st := at(t, c, "3.1b")
	c.SetPerspective(st, "Gemeente Tilburg", "Wat de gespreksleider al noteerde.")
	c.Receive(sent("k1", "Gemeente Tilburg", st, "Wij willen meebeslissen.\nEn meebetalen.", sentAt))
	c.Receive(sent("k2", "SWV Hart van Brabant", st, "Het SWV beoordeelt.", sentAt))
	rev := c.Revision()
	if !c.AcceptContribution("k1", "") {
		t.Fatal("accepting was refused")
	}
	if c.Revision() != rev+1 {
		t.Errorf("accepting bumped the revision by %d, want 1", c.Revision()-rev)
	}
	// Added after a blank line, under the stop where it was written.
	if text, _ := c.Perspective(st, "Gemeente Tilburg"); text != "Wat de gespreksleider al noteerde.\n\nWij willen meebeslissen.\nEn meebetalen." {
		t.Errorf("perspective %q", text)
	}
	if p := c.Answers["organiseren.afspraken"].Perspectives; len(p) != 1 || p[0].Part != "beoordeling" {
		t.Errorf("perspectives recorded: %+v", p)
	}
	if !slices.Equal(ids(c.Contributions()), []string{"k2"}) {
		t.Errorf("left: %v", ids(c.Contributions()))
	}
	// Edited by the facilitator first: that text is taken over, cleaned.
	if !c.AcceptContribution("k2", "  Het SWV \x1b[1mbeoordeelt\x1b[0m samen.\r\n") {
		t.Fatal("accepting an edited text was refused")
	}
	if text, _ := c.Perspective(st, "SWV Hart van Brabant"); text != "Het SWV beoordeelt samen." {
		t.Errorf("edited perspective %q", text)
	}
	if c.WaitingCount() != 0 || len(c.Contributions()) != 0 {
		t.Errorf("left: %v", ids(c.Contributions()))
	}
	// The participant's late edit or withdrawal changes nothing.
	rev = c.Revision()
	if c.Receive(sent("k1", "Gemeente Tilburg", st, "Toch anders.", sentAt.Add(time.Minute))) || c.Withdraw("k1") || c.AcceptContribution("k1", "") {
		t.Error("a contribution taken over was edited, withdrawn or taken over again")
	}
	if c.Revision() != rev || len(c.Contributions()) != 0 {
		t.Errorf("after a late edit: %v", ids(c.Contributions()))
	}
}

func TestAContributionSetAsideCanStillBeTakenOver(t *testing.T) {
	c := newConv(t)
	st := at(t, c, "1.1")
	c.Receive(sent("k1", "Gemeente Tilburg", st, "Later toch.", sentAt))
	c.SetAsideContribution("k1")
	if !c.AcceptContribution("k1", "") {
		t.Fatal("refused")
	}
	if text, _ := c.Perspective(st, "Gemeente Tilburg"); text != "Later toch." {
		t.Errorf("perspective %q", text)
	}
}

func TestAContributionFromAnotherSetVersionIsTakenOverWhereItIsShown(t *testing.T) {
	c := newConv(t)
	// As read from a report: at a topic the question no longer has, and at
	// a question the set does not have.
	c.Session.Contributions = []Contribution{
		{ID: "k1", Organisation: "Gemeente Tilburg", QuestionID: "organiseren.afspraken", Part: "weg", Text: "Oud punt.", At: sentAt},
		{ID: "k2", Organisation: "Gemeente Tilburg", QuestionID: "oud.vraag", Text: "Oude vraag.", At: sentAt},
		{ID: "k3", QuestionID: "bestuur.agenda", Text: "Zonder organisatie.", At: sentAt},
	}
	first := at(t, c, "3.1a")
	if !slices.Equal(c.WaitingAt(first), []int{0}) || len(c.WaitingAt(at(t, c, "3.1b"))) != 0 {
		t.Errorf("at 3.1a: %v", c.WaitingAt(first))
	}
	if !c.AcceptContribution("k1", "") {
		t.Fatal("refused")
	}
	if text, _ := c.Perspective(first, "Gemeente Tilburg"); text != "Oud punt." {
		t.Errorf("at 3.1a: %q", text)
	}
	if c.AcceptContribution("k2", "") || c.AcceptContribution("k3", "") {
		t.Error("a contribution without a stop or an organisation was taken over")
	}
	if !c.SetAsideContribution("k2") || c.WaitingCount() != 1 {
		t.Error("it cannot be set aside")
	}
}

func TestAReadOnlyReportTakesInNoContribution(t *testing.T) {
	c := newConv(t)
	st := at(t, c, "1.1")
	c.Receive(sent("k1", "Gemeente Tilburg", st, "Eerst.", sentAt))
	c.Receive(sent("k2", "Gemeente Tilburg", st, "Tweede.", sentAt))
	c.SetAsideContribution("k2")
	c.SetReadOnly(true)
	rev := c.Revision()
	if c.Receive(sent("k3", "Gemeente Tilburg", st, "Nieuw.", sentAt)) || c.Receive(sent("k1", "Gemeente Tilburg", st, "Anders.", sentAt)) ||
		c.Withdraw("k1") || c.AcceptContribution("k1", "") || c.SetAsideContribution("k1") || c.RestoreContribution("k2") ||
		c.OpenRound(st, sentAt) {
		t.Error("a read-only report changed")
	}
	if c.Revision() != rev || len(c.Contributions()) != 2 || c.Answers["bestuur.agenda"] != nil {
		t.Errorf("after: %+v", c.Contributions())
	}
}

func TestAWritingRoundCountsTheOrganisationsAtTheTableThatSent(t *testing.T) {
	c := newConv(t) // at the table: Gemeente Tilburg (twice), SWV Hart van Brabant
	c.Participants = append(c.Participants, Participant{Name: "Dana", Organisation: "Ouderraad"})
	st, other := at(t, c, "3.1b"), at(t, c, "3.1a")
	opened := sentAt.Add(10 * time.Minute)
	if _, ok := c.CurrentRound(); ok {
		t.Fatal("a round is open before one was opened")
	}
	if sent, total := c.RoundProgress(); sent != 0 || total != 3 {
		t.Errorf("without a round: %d of %d", sent, total)
	}
	// Sent before the round: not part of it.
	c.Receive(sent("vooraf", "Ouderraad", st, "Al eerder.", sentAt))
	rev := c.Revision()
	if !c.OpenRound(st, opened) || c.OpenRound(st, opened.Add(time.Minute)) {
		t.Fatal("opening the round twice")
	}
	if c.Revision() != rev+1 {
		t.Errorf("opening a round is one change to the report: the revision went up by %d", c.Revision()-rev)
	}
	if r, ok := c.CurrentRound(); !ok || r != (Round{QuestionID: "organiseren.afspraken", Part: "beoordeling", Opened: opened}) {
		t.Errorf("round %+v", r)
	}
	in := opened.Add(time.Minute)
	c.Receive(sent("swv", "SWV Hart van Brabant", st, "Het SWV.", in))
	c.Receive(sent("gem1", "Gemeente Tilburg", st, "De gemeente.", in))
	c.Receive(sent("gem2", "Gemeente Tilburg", st, "Nog iets.", in.Add(time.Minute)))
	c.Receive(sent("elders", "Ouderraad", other, "Bij een ander onderwerp.", in))
	c.Receive(sent("gast", "Jeugdarts", st, "Niet aan tafel.", in))
	if sent, total := c.RoundProgress(); sent != 2 || total != 3 {
		t.Errorf("progress %d of %d, want 2 of 3", sent, total)
	}
	// Set aside still counts; taken over during the round still counts.
	c.SetAsideContribution("swv")
	if !c.AcceptContribution("gem1", "") || !c.AcceptContribution("gem2", "Nog iets, ingekort.") {
		t.Fatal("accepting refused")
	}
	if sent, _ := c.RoundProgress(); sent != 2 {
		t.Errorf("after setting aside and taking over: %d sent", sent)
	}
	// Withdrawn does not count.
	c.Receive(sent("ouders", "Ouderraad", st, "Ouders.", in))
	if sent, _ := c.RoundProgress(); sent != 3 {
		t.Errorf("all three sent: %d", sent)
	}
	c.Withdraw("ouders")
	if sent, _ := c.RoundProgress(); sent != 2 {
		t.Errorf("after a withdrawal: %d", sent)
	}
	// Edited after the round opened, an earlier one counts.
	c.Receive(sent("vooraf", "Ouderraad", st, "Al eerder, nu bijgewerkt.", in))
	c.Receive(sent("gast2", "Ouderraad", st, "Tweede van de ouders.", in))
	if sent, _ := c.RoundProgress(); sent != 3 {
		t.Errorf("after an edit in the round: %d", sent)
	}
	// Side by side: in the order of the table, others last.
	if got := ids(c.RoundContributions()); !slices.Equal(got, []string{"swv", "vooraf", "gast2", "gast"}) {
		t.Errorf("round contributions %v", got)
	}
	acc := c.RoundAccepted()
	if !slices.Equal(ids(acc), []string{"gem1", "gem2"}) || acc[1].Text != "Nog iets, ingekort." {
		t.Errorf("taken over in the round: %+v", acc)
	}
	if !c.RevealRound() || c.RevealRound() {
		t.Error("revealing once")
	}
	if r, _ := c.CurrentRound(); !r.Revealed {
		t.Error("not revealed")
	}
	// A round on another stop replaces this one.
	if !c.OpenRound(other, in.Add(time.Hour)) {
		t.Fatal("a round on another stop was refused")
	}
	if r, _ := c.CurrentRound(); r.Part != "gebruikelijke-zorg" || r.Revealed || len(c.RoundAccepted()) != 0 {
		t.Errorf("the new round: %+v, taken over %v", r, ids(c.RoundAccepted()))
	}
	if sent, _ := c.RoundProgress(); sent != 0 {
		t.Errorf("the new round starts with %d sent", sent)
	}
	if !c.CloseRound() || c.CloseRound() || c.RevealRound() || c.RoundContributions() != nil {
		t.Error("closing the round once")
	}
	if c.OpenRound(content.Stop{}, in) {
		t.Error("a round without a stop was opened")
	}
	if !c.OpenRound(at(t, c, "1.1"), in) {
		t.Error("a round at a question without topics was refused")
	}
}

func TestContributionsAreCopiedWithTheSession(t *testing.T) {
	c := newConv(t)
	c.Receive(sent("k1", "Gemeente Tilburg", at(t, c, "1.1"), "Eerst.", sentAt))
	cp := c.Clone()
	c.Receive(sent("k1", "Gemeente Tilburg", at(t, c, "1.1"), "Anders.", sentAt))
	c.Receive(sent("k2", "Gemeente Tilburg", at(t, c, "1.1"), "Tweede.", sentAt))
	if len(cp.Contributions) != 1 || cp.Contributions[0].Text != "Eerst." {
		t.Errorf("the copy changed with the original: %+v", cp.Contributions)
	}
}

func TestARenamedOrganisationTakesItsContributionsAlong(t *testing.T) {
	c := newConv(t)
	c.Receive(sent("k1", "Gemeente Tillburg", at(t, c, "1.1"), "Eerst.", sentAt))
	c.Receive(sent("k2", "SWV Hart van Brabant", at(t, c, "1.1"), "Tweede.", sentAt))
	c.RenameOrganisation("Gemeente Tillburg", "Gemeente Tilburg")
	if got := c.Contributions(); got[0].Organisation != "Gemeente Tilburg" || got[1].Organisation != "SWV Hart van Brabant" {
		t.Errorf("after renaming: %+v", got)
	}
}
