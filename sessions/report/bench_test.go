package report

import (
	"fmt"
	"gespreksmap/sessions"
	"strings"
	"testing"
	"time"
)

// benchmarkConversation is the conversation the benchmarks write and read:
// every question and every part of the default set answered in 2,000
// characters, perspectives on a third of the questions, 50 action items.
func benchmarkConversation(tb testing.TB) (*sessions.Session, []byte) {
	tb.Helper()
	s := fullSession(defaultSet, 2000)
	return s, Render(defaultSet, s)
}

func BenchmarkWriteReport(b *testing.B) {
	s, doc := benchmarkConversation(b)
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		Render(defaultSet, s)
	}
}

func BenchmarkParseReport(b *testing.B) {
	_, doc := benchmarkConversation(b)
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(doc, defaultSet); err != nil {
			b.Fatal(err)
		}
	}
}

func TestTheBenchmarkConversationIsAsLargeAsPromised(t *testing.T) {
	s, doc := benchmarkConversation(t)
	units, perspectives := 0, 0
	for _, a := range s.Answers {
		if len(a.Parts) > 0 {
			for _, p := range a.Parts {
				if len(p.Text) != 2000 {
					t.Fatalf("a part has %d characters", len(p.Text))
				}
				units++
			}
		} else {
			if len(a.Text) != 2000 {
				t.Fatalf("an answer has %d characters", len(a.Text))
			}
			units++
		}
		if len(a.Perspectives) > 0 {
			perspectives++
		}
	}
	if tally := sessions.SessionTally(defaultSet, s); units != tally.Units || tally.Answered != tally.Units {
		t.Errorf("%d units answered, the set has %d (%d answered)", units, tally.Units, tally.Answered)
	}
	if q := len(s.Answers); perspectives < q/3 {
		t.Errorf("perspectives on %d of %d questions", perspectives, q)
	}
	if len(s.Actions) != 50 {
		t.Errorf("%d action items", len(s.Actions))
	}
	t.Logf("report of %d bytes, %d units", len(doc), units)
}

// busyRoomReport is the benchmark conversation with 600 contributions of
// about 500 characters still waiting (30 organisations sent 20 each): the
// report written when a busy room's contributions were not taken over.
func busyRoomReport(tb testing.TB) (*sessions.Session, []byte) {
	tb.Helper()
	s, _ := benchmarkConversation(tb)
	text := strings.Repeat("De school en de zorgaanbieder spreken af.\n", 12)
	for o := range 30 {
		for n := range 20 {
			s.Contributions = append(s.Contributions, sessions.Contribution{
				ID: fmt.Sprintf("o%d-%d", o, n), Organisation: fmt.Sprintf("Organisatie %d", o),
				QuestionID: "organiseren.afspraken", Part: "beoordeling", Text: text, At: time.Date(2026, 11, 30, 14, 5, 0, 0, time.Local),
			})
		}
	}
	return s, Render(defaultSet, s)
}

func BenchmarkWriteReportWith600Contributions(b *testing.B) {
	s, doc := busyRoomReport(b)
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		Render(defaultSet, s)
	}
}

func BenchmarkParseReportWith600Contributions(b *testing.B) {
	_, doc := busyRoomReport(b)
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		s, err := Parse(doc, defaultSet)
		if err != nil || len(s.Contributions) != 600 {
			b.Fatal(err)
		}
	}
}
