package participants

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

const (
	loadParticipants = 30
	loadEach         = 20
)

// loadLimits let one participant send twenty contributions at once, which
// no person does; everything else is as in a real room.
func loadLimits() limits {
	lim := defaultLimits
	lim.clientRate, lim.clientBurst = 1000, 1000
	lim.maxPerClient, lim.maxContributions = 1<<30, 1<<30
	return lim
}

// loadRoom is a room at stop 3.1 with thirty participants, each of another
// organisation, and their form tokens.
func loadRoom(tb testing.TB) (*Room, []*participant, []string) {
	tb.Helper()
	r := openRoom(tb, loadLimits())
	var names []string
	for i := range loadParticipants {
		names = append(names, fmt.Sprintf("Organisatie %02d", i))
	}
	r.SetOrganisations(names)
	r.SetStop(stop31)
	ps := make([]*participant, loadParticipants)
	tokens := make([]string, loadParticipants)
	for i := range ps {
		ps[i], _ = join(tb, r)
		ps[i].choose(names[i])
		tokens[i] = ps[i].token()
	}
	return r, ps, tokens
}

// sendAll has the thirty participants send at once, loadEach
// contributions each, and returns how long each took to be accepted. A
// phone sends one after another (the next when the previous is accepted);
// with burst, all six hundred leave at the same moment.
func sendAll(tb testing.TB, r *Room, ps []*participant, tokens []string, round int, burst bool) []time.Duration {
	var mu sync.Mutex
	var took []time.Duration
	var failed []string
	var wg sync.WaitGroup
	for i, p := range ps {
		sends := func(js ...int) {
			defer wg.Done()
			for _, j := range js {
				form := url.Values{"t": {tokens[i]}, "ref": {"3.1"}, "text": {fmt.Sprintf("ronde %d, deelnemer %d, bijdrage %d", round, i, j)}}
				req, _ := http.NewRequest(http.MethodPost, "http://"+r.Addr()+r.base()+"send", strings.NewReader(form.Encode()))
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				req.Header.Set("Origin", p.origin)
				start := time.Now()
				resp, err := p.raw.Do(req)
				d := time.Since(start)
				if err == nil {
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
				}
				mu.Lock()
				switch {
				case err != nil:
					failed = append(failed, err.Error())
				case resp.StatusCode != http.StatusSeeOther:
					failed = append(failed, resp.Status)
				default:
					took = append(took, d)
				}
				mu.Unlock()
			}
		}
		if !burst {
			wg.Add(1)
			go sends(slices.Collect(func(yield func(int) bool) {
				for j := range loadEach {
					if !yield(j) {
						return
					}
				}
			})...)
			continue
		}
		for j := range loadEach {
			wg.Add(1)
			go sends(j)
		}
	}
	wg.Wait()
	if len(failed) > 0 {
		tb.Fatalf("%d sends failed, e.g. %s", len(failed), failed[0])
	}
	return took
}

// percentile is the p-th percentile of durations, in milliseconds.
func percentile(ds []time.Duration, p float64) float64 {
	s := slices.Clone(ds)
	slices.Sort(s)
	i := int(float64(len(s))*p/100+0.5) - 1
	i = max(0, min(i, len(s)-1))
	return float64(s[i]) / float64(time.Millisecond)
}

func TestThirtyParticipantsSendingTwentyContributionsEachAtOnceLoseAndDuplicateNothing(t *testing.T) {
	r, ps, tokens := loadRoom(t)
	took := sendAll(t, r, ps, tokens, 0, true)
	got := waitChanges(t, r, loadParticipants*loadEach)
	if len(got) != loadParticipants*loadEach {
		t.Fatalf("drained %d", len(got))
	}
	if more := r.Drain(); len(more) != 0 {
		t.Fatalf("%d more than sent", len(more))
	}
	ids := map[string]bool{}
	texts := map[string]bool{}
	for _, c := range got {
		if c.Kind != Sent || c.Ref != "3.1" || ids[c.ID] || texts[c.Text] {
			t.Fatalf("change %+v (id seen %v, text seen %v)", c, ids[c.ID], texts[c.Text])
		}
		var round, i, j int
		if _, err := fmt.Sscanf(c.Text, "ronde %d, deelnemer %d, bijdrage %d", &round, &i, &j); err != nil || c.Organisation != fmt.Sprintf("Organisatie %02d", i) {
			t.Fatalf("change %+v", c)
		}
		ids[c.ID], texts[c.Text] = true, true
	}
	// Every participant's page lists exactly its own twenty.
	for i, p := range ps[:3] {
		page := p.page()
		if n := strings.Count(page, `<span class="staat">wacht</span>`); n != loadEach {
			t.Fatalf("participant %d's page lists %d", i, n)
		}
	}
	t.Logf("%d submissions accepted: p50 %.2f ms, p99 %.2f ms, slowest %.2f ms",
		len(took), percentile(took, 50), percentile(took, 99), percentile(took, 100))
}

// BenchmarkSubmission: thirty participants send at once over the
// loopback, twenty contributions each; one op is all six hundred. It
// reports the 50th and 99th percentile of the time from sending a
// contribution to its acceptance (the floor: p99 ≤ 50 ms).
// "phones": each phone sends its twenty one after another, as people do;
// "burst": all six hundred leave at the same moment, so the last ones wait
// behind the others on the machine's two cores, shared with the senders.
func BenchmarkSubmission(b *testing.B) {
	for _, burst := range []bool{false, true} {
		name := "phones"
		if burst {
			name = "burst"
		}
		b.Run(name, func(b *testing.B) {
			r, ps, tokens := loadRoom(b)
			var took []time.Duration
			b.ResetTimer()
			for i := range b.N {
				took = append(took, sendAll(b, r, ps, tokens, i, burst)...)
				b.StopTimer()
				if n := len(waitChanges(b, r, loadParticipants*loadEach)); n != loadParticipants*loadEach {
					b.Fatalf("drained %d", n)
				}
				b.StartTimer()
			}
			b.StopTimer()
			b.ReportMetric(percentile(took, 50), "ms-p50")
			b.ReportMetric(percentile(took, 99), "ms-p99")
		})
	}
}
