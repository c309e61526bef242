package participants

import (
	"time"
)

// limits are the bounds a room keeps. One set is used (defaultLimits); the
// tests of the room's own throughput raise the per-client rate, which no
// person reaches.
type limits struct {
	clientRate, clientBurst float64 // requests a second per client, token bucket
	anonRate, anonBurst     float64 // per address, for requests without a client (joins, the code form)
	maxClients              int     // clients a room admits
	maxStreams              int     // open event streams in all
	maxStreamsPerClient     int     // open event streams per client (tabs)
	maxPerClient            int     // contributions one client can send
	maxContributions        int     // contributions a room holds
	codeTriesPerAddr        int     // wrong join codes per address in codeWindow
	codeTriesGlobal         int     // wrong join codes in all in codeWindow
	codeWindow              time.Duration
}

var defaultLimits = limits{
	clientRate: 5, clientBurst: 20,
	anonRate: 20, anonBurst: 100,
	maxClients:          250,
	maxStreams:          300,
	maxStreamsPerClient: 4,
	maxPerClient:        100,
	maxContributions:    3000,
	codeTriesPerAddr:    5,
	codeTriesGlobal:     30,
	codeWindow:          time.Minute,
}

// maxBody bounds a request body: a text of MaxText runes of four bytes,
// percent-encoded (three characters a byte), and the form's other fields.
// Anything larger is refused before it is read.
const maxBody = MaxText*4*3 + 8<<10

// bucket is a token bucket.
type bucket struct {
	tokens float64
	last   time.Time
}

// allow takes a token if there is one.
func (b *bucket) allow(now time.Time, rate, burst float64) bool {
	if b.last.IsZero() {
		b.tokens = burst
	} else {
		b.tokens += now.Sub(b.last).Seconds() * rate
		if b.tokens > burst {
			b.tokens = burst
		}
	}
	b.last = now
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}

// window counts events in a fixed window that starts at the first one.
type window struct {
	start time.Time
	n     int
}

// full reports whether max events happened in the current window.
func (w *window) full(now time.Time, length time.Duration, max int) bool {
	if now.Sub(w.start) >= length {
		return false
	}
	return w.n >= max
}

// add counts one event.
func (w *window) add(now time.Time, length time.Duration) {
	if now.Sub(w.start) >= length {
		w.start, w.n = now, 0
	}
	w.n++
}

// pruneAt is the size from which the per-address maps drop entries older
// than a minute, so addresses that come and go cannot grow them for ever.
const pruneAt = 1024

func pruneBuckets(m map[string]*bucket, now time.Time) {
	if len(m) < pruneAt {
		return
	}
	for k, b := range m {
		if now.Sub(b.last) > time.Minute {
			delete(m, k)
		}
	}
}

func pruneWindows(m map[string]*window, now time.Time, length time.Duration) {
	if len(m) < pruneAt {
		return
	}
	for k, w := range m {
		if now.Sub(w.start) >= length {
			delete(m, k)
		}
	}
}
