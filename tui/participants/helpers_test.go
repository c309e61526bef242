package participants

import (
	"bufio"
	"context"
	"encoding/json"
	"html"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"
)

// testSecret is a fixed secret, so a failing test's addresses can be read.
const testSecret = "dGVzdC1zZWNyZXQtb2YtMjAtYnl0ZXM"

// orgs are the organisations at the table in these tests.
var orgs = []string{"Gemeente Tilburg", "SWV Hart van Brabant", "Ouders", "Basisschool De Vlinder"}

// stop31 and stop32 are two stops the facilitator opens.
var (
	stop31 = StopView{Ref: "3.1", Number: "3.1", Title: "Samenwerking – Wie doet wat?",
		Text: "Hoe verdelen we de taken?", Explanation: "Denk aan school en zorg.",
		Terms: []Term{{Name: "OOGO", Meaning: "Op overeenstemming gericht overleg"}}}
	stop32 = StopView{Ref: "3.2#b", Number: "3.2b", Title: "Samenwerking – Middelen", Text: "Welke middelen zijn er?"}
)

// openRoom starts a room on the loopback with the given limits, closed when
// the test ends.
func openRoom(t testing.TB, lim limits) *Room {
	t.Helper()
	r, err := start(Config{Addr: "127.0.0.1", Title: "Gesprek Tilburg 2026", Secret: testSecret}, lim)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	r.SetOrganisations(orgs)
	return r
}

// participant is one phone: a browser-like client with a cookie jar.
type participant struct {
	t      testing.TB
	room   *Room
	follow *http.Client // follows redirects, as a browser does
	raw    *http.Client // stops at the first answer, to see a POST's status
	origin string
}

func newParticipant(t testing.TB, r *Room) *participant {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	tr := &http.Transport{MaxIdleConnsPerHost: 4}
	t.Cleanup(tr.CloseIdleConnections)
	p := &participant{t: t, room: r, origin: "http://" + r.Addr(),
		follow: &http.Client{Jar: jar, Transport: tr, Timeout: 10 * time.Second},
		raw: &http.Client{Jar: jar, Transport: tr, Timeout: 10 * time.Second,
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }},
	}
	return p
}

// join opens the join URL, as the QR code does, and returns the page.
func join(t testing.TB, r *Room) (*participant, string) {
	t.Helper()
	p := newParticipant(t, r)
	code, body := p.get(r.URL())
	if code != http.StatusOK {
		t.Fatalf("joining: %d\n%s", code, body)
	}
	return p, body
}

// get fetches a path (or full URL), following redirects.
func (p *participant) get(path string) (int, string) {
	p.t.Helper()
	if strings.HasPrefix(path, "/") {
		path = "http://" + p.room.Addr() + path
	}
	resp, err := p.follow.Get(path)
	if err != nil {
		p.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// page is the participant's main page.
func (p *participant) page() string {
	p.t.Helper()
	code, body := p.get(p.room.base())
	if code != http.StatusOK {
		p.t.Fatalf("page: %d\n%s", code, body)
	}
	return body
}

var tokenRE = regexp.MustCompile(`name="t" value="([^"]+)"`)

// token is the form token on the participant's page.
func (p *participant) token() string {
	p.t.Helper()
	m := tokenRE.FindStringSubmatch(p.page())
	if m == nil {
		p.t.Fatal("no form token on the page")
	}
	return html.UnescapeString(m[1])
}

// post sends a form as the page's own form does (Origin of the room), and
// returns the first answer's status and, following a redirect, the page.
func (p *participant) post(path string, form url.Values) (int, string) {
	p.t.Helper()
	return p.postWith(path, form, map[string]string{"Origin": p.origin})
}

func (p *participant) postWith(path string, form url.Values, header map[string]string) (int, string) {
	p.t.Helper()
	req, err := http.NewRequest(http.MethodPost, "http://"+p.room.Addr()+path, strings.NewReader(form.Encode()))
	if err != nil {
		p.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := p.raw.Do(req)
	if err != nil {
		p.t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode == http.StatusSeeOther {
		_, page := p.get(resp.Header.Get("Location"))
		return resp.StatusCode, page
	}
	return resp.StatusCode, string(b)
}

// choose picks the participant's organisation.
func (p *participant) choose(org string) {
	p.t.Helper()
	code, body := p.post(p.room.base()+"org", url.Values{"t": {p.token()}, "org": {org}})
	if code != http.StatusSeeOther {
		p.t.Fatalf("choosing %q: %d\n%s", org, code, body)
	}
}

// send posts a text at a stop and returns the status and the page after.
func (p *participant) send(ref, text string) (int, string) {
	p.t.Helper()
	return p.post(p.room.base()+"send", url.Values{"t": {p.token()}, "ref": {ref}, "text": {text}})
}

// drainOne waits for exactly one change and returns it.
func drainOne(t testing.TB, r *Room) Change {
	t.Helper()
	ch := waitChanges(t, r, 1)
	if len(ch) != 1 {
		t.Fatalf("want one change, got %d: %+v", len(ch), ch)
	}
	return ch[0]
}

// waitChanges drains until n changes arrived or five seconds passed.
func waitChanges(t testing.TB, r *Room, n int) []Change {
	t.Helper()
	var got []Change
	deadline := time.After(5 * time.Second)
	for len(got) < n {
		got = append(got, r.Drain()...)
		if len(got) >= n {
			break
		}
		select {
		case <-r.Notify():
		case <-deadline:
			t.Fatalf("waited for %d changes, got %d: %+v", n, len(got), got)
		}
	}
	return got
}

// eventStream is an open event stream of a participant's page.
type eventStream struct {
	t      testing.TB
	body   io.ReadCloser
	lines  *bufio.Reader
	cancel context.CancelFunc
}

// events opens the page's event stream.
func (p *participant) events() *eventStream {
	p.t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+p.room.Addr()+p.room.base()+"events", nil)
	resp, err := (&http.Client{Jar: p.follow.Jar, Transport: p.follow.Transport}).Do(req)
	if err != nil {
		cancel()
		p.t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
		cancel()
		p.t.Fatalf("events: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	s := &eventStream{t: p.t, body: resp.Body, lines: bufio.NewReader(resp.Body), cancel: cancel}
	p.t.Cleanup(s.close)
	return s
}

func (s *eventStream) close() { s.cancel(); s.body.Close() }

// next reads the next state event, failing after five seconds.
func (s *eventStream) next() snapshot {
	s.t.Helper()
	type result struct {
		snap snapshot
		err  error
	}
	got := make(chan result, 1)
	go func() {
		var event, data string
		for {
			line, err := s.lines.ReadString('\n')
			if err != nil {
				got <- result{err: err}
				return
			}
			line = strings.TrimRight(line, "\n")
			switch {
			case strings.HasPrefix(line, "event: "):
				event = line[len("event: "):]
			case strings.HasPrefix(line, "data: "):
				data = line[len("data: "):]
			case line == "" && event == "state":
				var snap snapshot
				err := json.Unmarshal([]byte(data), &snap)
				got <- result{snap, err}
				return
			}
		}
	}()
	select {
	case r := <-got:
		if r.err != nil {
			s.t.Fatal(r.err)
		}
		return r.snap
	case <-time.After(5 * time.Second):
		s.cancel()
		s.t.Fatal("no event within five seconds")
	}
	return snapshot{}
}

// until reads events until one satisfies ok.
func (s *eventStream) until(what string, ok func(snapshot) bool) snapshot {
	s.t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if snap := s.next(); ok(snap) {
			return snap
		}
	}
	s.t.Fatalf("no event with %s", what)
	return snapshot{}
}

// settleGoroutines waits until at most n goroutines run, and fails with
// their stacks after five seconds.
func settleGoroutines(t testing.TB, n int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > n {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<20)
			t.Fatalf("%d goroutines, want at most %d:\n%s", runtime.NumGoroutine(), n, buf[:runtime.Stack(buf, true)])
		}
		runtime.Gosched()
		time.Sleep(5 * time.Millisecond)
	}
}
