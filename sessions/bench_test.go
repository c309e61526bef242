package sessions

import (
	"testing"
	"time"
)

// benchmarkConversation is the conversation the benchmarks write and read:
// every question and every part of the default set answered in 2,000
// characters, perspectives on a third of the questions, 50 action items.
func benchmarkConversation(tb testing.TB) (*Session, []byte) {
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
	if tally := SessionTally(defaultSet, s); units != tally.Units || tally.Answered != tally.Units {
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

// The report is written on every save and read on every open: both must
// stay far below what a person notices, even for a full conversation.
func TestWritingAndReadingAFullReportStayWithinTwoMilliseconds(t *testing.T) {
	budget := 2 * time.Millisecond
	if raceDetector {
		budget *= 20
	}
	s, doc := benchmarkConversation(t)
	fastest := func(f func()) time.Duration {
		best := time.Hour
		for range 15 {
			start := time.Now()
			f()
			best = min(best, time.Since(start))
		}
		return best
	}
	if d := fastest(func() { Render(defaultSet, s) }); d > budget {
		t.Errorf("writing the report takes %v, budget %v", d, budget)
	}
	if d := fastest(func() { Parse(doc, defaultSet) }); d > budget {
		t.Errorf("reading the report takes %v, budget %v", d, budget)
	}
}
