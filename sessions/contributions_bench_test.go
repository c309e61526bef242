package sessions

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"gespreksmap/content"
)

// busyRoom is a conversation at which 30 organisations sat and each sent 20
// contributions of about 500 characters at topic 3.1b during a round: the
// load the participants' page is built for.
func busyRoom(tb testing.TB) *Conversation {
	set := content.Default()
	c := NewConversation(set, New(set.ID, set.Version))
	for o := range 30 {
		c.Participants = append(c.Participants, Participant{Name: "P" + strconv.Itoa(o), Organisation: "Organisatie " + strconv.Itoa(o)})
	}
	st := c.Stop(c.StopByNumber("3.1b"))
	c.OpenRound(st, sentAt)
	text := strings.Repeat("De school en de zorgaanbieder spreken af. ", 12)
	for o := range 30 {
		for n := range 20 {
			if !c.Receive(sent("o"+strconv.Itoa(o)+"-"+strconv.Itoa(n), "Organisatie "+strconv.Itoa(o), st, text, sentAt.Add(time.Minute))) {
				tb.Fatal("refused")
			}
		}
	}
	return c
}

// BenchmarkReceive600 takes in 30 × 20 contributions: the cost of draining a
// busy room into the conversation.
func BenchmarkReceive600(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		busyRoom(b)
	}
}

// BenchmarkWaitingFacts is what a screen asks of the conversation on every
// frame while 600 contributions wait: the count, those at the stop on show
// and the round's progress.
func BenchmarkWaitingFacts(b *testing.B) {
	c := busyRoom(b)
	st := c.Stop(c.StopByNumber("3.1b"))
	b.ReportAllocs()
	for b.Loop() {
		if c.WaitingCount() != 600 || len(c.WaitingAt(st)) != 600 {
			b.Fatal("not all waiting")
		}
		if sent, total := c.RoundProgress(); sent != 30 || total != 30 {
			b.Fatal(sent, total)
		}
	}
}
