package report

import (
	"gespreksmap/sessions"
	"testing"
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
