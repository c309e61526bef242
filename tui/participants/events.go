package participants

import (
	"encoding/json"
	"net/http"
	"time"
)

// heartbeat is how often an idle event stream sends a comment, so a phone
// that left is noticed and proxies keep the stream open.
const heartbeat = 20 * time.Second

// writeWait is how long one write to an event stream may take.
const writeWait = 10 * time.Second

// broadcast wakes every open event stream; r.mu is held.
func (r *Room) broadcast() {
	for ch := range r.subs {
		wake(ch)
	}
}

// changedFor wakes the streams of the client a contribution belongs to, and
// every stream while a revealed round shows it; r.mu is held.
func (r *Room) changedFor(c *contribution) {
	if r.round.Open && r.round.Revealed && r.round.Ref == c.ref {
		r.broadcast()
		return
	}
	for ch, cl := range r.subs {
		if cl.id == c.client {
			wake(ch)
		}
	}
}

func wake(ch chan struct{}) {
	select {
	case ch <- struct{}{}:
	default:
	}
}

// serveEvents is the page's event stream: one "state" event with the
// snapshot when it opens and whenever it changes, until the page closes or
// the room does.
func (r *Room) serveEvents(w http.ResponseWriter, req *http.Request, cl *client) {
	rc := http.NewResponseController(w)
	ch := make(chan struct{}, 1)
	r.mu.Lock()
	if r.closed || r.streams >= r.lim.maxStreams || cl.streams >= r.lim.maxStreamsPerClient {
		r.mu.Unlock()
		w.Header().Set("Retry-After", "5")
		w.WriteHeader(http.StatusServiceUnavailable)
		return
	}
	r.streams++
	cl.streams++
	r.subs[ch] = cl
	r.mu.Unlock()
	defer func() {
		r.mu.Lock()
		delete(r.subs, ch)
		r.streams--
		cl.streams--
		cl.seen = time.Now()
		r.mu.Unlock()
	}()

	h := w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	h.Set("X-Accel-Buffering", "no")
	send := func(b []byte) bool {
		if err := rc.SetWriteDeadline(time.Now().Add(writeWait)); err != nil {
			return false
		}
		if _, err := w.Write(b); err != nil {
			return false
		}
		return rc.Flush() == nil
	}
	if !send([]byte("retry: 3000\n\n")) {
		return
	}
	wake(ch) // the first state
	tick := time.NewTicker(heartbeat)
	defer tick.Stop()
	for {
		select {
		case <-r.done:
			return
		case <-req.Context().Done():
			return
		case <-tick.C:
			if !send([]byte(": \n\n")) {
				return
			}
		case <-ch:
			r.mu.Lock()
			s := r.snap(cl)
			r.mu.Unlock()
			data, err := json.Marshal(s)
			if err != nil {
				return
			}
			msg := make([]byte, 0, len(data)+32)
			msg = append(msg, "event: state\ndata: "...)
			msg = append(msg, data...)
			msg = append(msg, "\n\n"...)
			if !send(msg) {
				return
			}
		}
	}
}
