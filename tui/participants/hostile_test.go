package participants

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"
)

func TestWithoutTheSecretEverythingButTheRootPageIsAnEmptyNotFound(t *testing.T) {
	r := openRoom(t, defaultLimits)
	r.SetStop(stop31)
	wrong := strings.Repeat("A", len(testSecret))
	p := newParticipant(t, r)
	for _, path := range []string{"/j/", "/j/" + wrong, "/j/" + testSecret[:len(testSecret)-1], "/j/" + testSecret + "x",
		"/p/", "/p/" + wrong + "/", "/p/" + wrong + "/events", "/p/" + wrong + "/style.css", "/p/" + wrong + "/page.js",
		"/p/" + testSecret, "/p/" + testSecret + "x/", "/favicon.ico", "/robots.txt", "/style.css", "/index.html", "/j", "/p"} {
		for _, method := range []string{http.MethodGet, http.MethodPost, http.MethodHead} {
			req, _ := http.NewRequest(method, "http://"+r.Addr()+path, strings.NewReader("text=x"))
			req.Header.Set("Origin", p.origin)
			resp, err := p.raw.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusNotFound || len(body) != 0 || resp.Header.Get("Set-Cookie") != "" {
				t.Fatalf("%s %s: %d %q %v", method, path, resp.StatusCode, body, resp.Header)
			}
			if resp.Header.Get("Server") != "" || resp.Header.Get("Content-Security-Policy") == "" {
				t.Fatalf("%s %s: headers %v", method, path, resp.Header)
			}
		}
	}
	// The root page holds a form and nothing of the conversation.
	_, body := p.get("/")
	for _, secret := range []string{testSecret, r.JoinCode(), strings.Replace(r.JoinCode(), "-", "", 1), "Tilburg", "Hoe verdelen", "Ouders"} {
		if strings.Contains(body, secret) {
			t.Fatalf("the root page tells %q:\n%s", secret, body)
		}
	}
	if got := r.Drain(); len(got) != 0 {
		t.Fatalf("something arrived: %+v", got)
	}
}

func TestEveryAnswerCarriesTheStrictHeaders(t *testing.T) {
	r := openRoom(t, defaultLimits)
	r.SetStop(stop31)
	p := newParticipant(t, r)
	resp, err := p.raw.Get(r.URL())
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	ck := resp.Header.Get("Set-Cookie")
	if !strings.Contains(ck, "HttpOnly") || !strings.Contains(ck, "SameSite=Strict") || !strings.Contains(ck, "Path=/") {
		t.Fatalf("cookie %q", ck)
	}
	p.get(r.URL())
	p.choose("Ouders")
	paths := []string{"/", "/nergens", r.base(), r.base() + "org", r.base() + "style.css", r.base() + "page.js", r.base() + "?verstuurd"}
	for _, path := range paths {
		resp, err := p.raw.Get("http://" + r.Addr() + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		h := resp.Header
		csp := h.Get("Content-Security-Policy")
		if path != "/" && csp != pageCSP {
			t.Fatalf("%s: CSP %q", path, csp)
		}
		if !strings.Contains(csp, "default-src 'none'") || !strings.Contains(csp, "frame-ancestors 'none'") || strings.Contains(csp, "unsafe") {
			t.Fatalf("%s: CSP %q", path, csp)
		}
		if h.Get("Cache-Control") != "no-store" || h.Get("Referrer-Policy") != "no-referrer" || h.Get("X-Content-Type-Options") != "nosniff" {
			t.Fatalf("%s: headers %v", path, h)
		}
	}
	code, _ := p.send("3.1", "Iets.")
	if code != http.StatusSeeOther {
		t.Fatalf("send: %d", code)
	}
}

func TestAPostFromAnotherOriginIsRefused(t *testing.T) {
	r := openRoom(t, defaultLimits)
	r.SetStop(stop31)
	p, _ := join(t, r)
	p.choose("Ouders")
	form := url.Values{"t": {p.token()}, "ref": {"3.1"}, "text": {"Vervalst."}}
	for _, h := range []map[string]string{
		{"Origin": "http://evil.example"},
		{"Origin": "http://" + r.Addr() + ".evil.example"},
		{"Origin": "null", "Sec-Fetch-Site": "cross-site"},
		{"Origin": p.origin, "Sec-Fetch-Site": "cross-site"},
		{"Origin": "https://" + r.Addr()},
		{},
		{"Sec-Fetch-Site": "cross-site"},
		{"Sec-Fetch-Site": "same-site"},
	} {
		code, body := p.postWith(r.base()+"send", form, h)
		if code != http.StatusForbidden || !strings.Contains(body, "geweigerd") {
			t.Fatalf("%v: %d\n%s", h, code, body)
		}
	}
	if got := r.Drain(); len(got) != 0 {
		t.Fatalf("a forged post arrived: %+v", got)
	}
	// What browsers send for the room's own form: no Origin but
	// Sec-Fetch-Site same-origin; "null" under the room's no-referrer
	// policy, with Sec-Fetch-Site on the loopback and without it over
	// plain http on the local network.
	for i, h := range []map[string]string{
		{"Sec-Fetch-Site": "same-origin"},
		{"Origin": "null", "Sec-Fetch-Site": "same-origin"},
		{"Origin": "null"},
		{"Origin": p.origin, "Sec-Fetch-Site": "same-origin"},
	} {
		form.Set("text", fmt.Sprintf("Eigen formulier %d.", i))
		if code, _ := p.postWith(r.base()+"send", form, h); code != http.StatusSeeOther {
			t.Fatalf("%v: %d", h, code)
		}
		if c := drainOne(t, r); c.Text != fmt.Sprintf("Eigen formulier %d.", i) {
			t.Fatalf("drained %+v", c)
		}
	}
}

func TestAPostWithoutTheRightFormTokenIsRefused(t *testing.T) {
	lim := defaultLimits
	lim.clientBurst = 100 // sixteen refused posts in a row; the rate limit has its own test
	r := openRoom(t, lim)
	r.SetStop(stop31)
	p, _ := join(t, r)
	p.choose("Ouders")
	other, _ := join(t, r)
	other.choose("Gemeente Tilburg")
	own := p.token()
	for name, tok := range map[string][]string{"missing": nil, "empty": {""}, "another client's": {other.token()}, "made up": {strings.Repeat("x", 43)}, "own, cut short": {own[:len(own)-1]}} {
		form := url.Values{"ref": {"3.1"}, "text": {"Zonder token."}}
		if tok != nil {
			form["t"] = tok
		}
		for _, path := range []string{"send", "org", "edit", "withdraw"} {
			if code, _ := p.post(r.base()+path, form); code != http.StatusForbidden {
				t.Fatalf("%s token on %s: %d", name, path, code)
			}
		}
	}
	// Without the cookie, a token is worth nothing either.
	stranger := newParticipant(t, r)
	if code, _ := stranger.post(r.base()+"send", url.Values{"t": {own}, "ref": {"3.1"}, "text": {"x"}}); code != http.StatusForbidden {
		t.Fatalf("without a cookie: %d", code)
	}
	if got := r.Drain(); len(got) != 0 {
		t.Fatalf("a post without the token arrived: %+v", got)
	}
}

func TestAMegabyteOfTextIsRefusedAndNothingArrives(t *testing.T) {
	r := openRoom(t, defaultLimits)
	r.SetStop(stop31)
	p, _ := join(t, r)
	p.choose("Ouders")
	code, body := p.send("3.1", strings.Repeat("a", 1<<20))
	if code != http.StatusRequestEntityTooLarge || !strings.Contains(body, "10.000 tekens") {
		t.Fatalf("1 MB: %d\n%.300s", code, body)
	}
	// Just over the limit: refused, and the text is still in the form.
	over := strings.Repeat("woord ", MaxText/6) + strings.Repeat("x", MaxText%6+1)
	code, body = p.send("3.1", over)
	if code != http.StatusRequestEntityTooLarge || !strings.Contains(body, ">"+over+"</textarea>") || !strings.Contains(body, "te lang") {
		t.Fatalf("%d runes: %d", utf8.RuneCountInString(over), code)
	}
	if got := r.Drain(); len(got) != 0 {
		t.Fatalf("a refused text arrived: %d changes", len(got))
	}
	// At the limit, in characters that take four bytes, it is accepted.
	at := strings.Repeat("🙂", MaxText)
	if code, _ := p.send("3.1", at); code != http.StatusSeeOther {
		t.Fatalf("%d four-byte characters: %d", MaxText, code)
	}
	if c := drainOne(t, r); utf8.RuneCountInString(c.Text) != MaxText {
		t.Fatalf("drained %d runes", utf8.RuneCountInString(c.Text))
	}
}

func TestEscapeSequencesAndHTMLArriveCleanAndAreShownEscaped(t *testing.T) {
	r := openRoom(t, defaultLimits)
	r.SetOrganisations(append([]string{"<b>Vet</b> & co"}, orgs...))
	r.SetStop(StopView{Ref: "1", Number: "1", Title: "<img src=x onerror=alert(1)>", Text: "\x1b]0;titel\x07Vraag <i>schuin</i>"})
	p, _ := join(t, r)
	p.choose("<b>Vet</b> & co")
	hostile := "\x1b[31mRood\x1b[0m <script>alert(1)</script> \u202eomgekeerd\u202c \x1b]8;;http://x\x07link\x1b]8;;\x07 \x9b2J\x00klaar\r\nregel"
	if code, _ := p.send("1", hostile); code != http.StatusSeeOther {
		t.Fatalf("send: %d", code)
	}
	c := drainOne(t, r)
	if want := "Rood <script>alert(1)</script> omgekeerd link klaar\nregel"; c.Text != want {
		t.Fatalf("drained %q, want %q", c.Text, want)
	}
	if c.Organisation != "<b>Vet</b> & co" {
		t.Fatalf("organisation %q", c.Organisation)
	}
	page := p.page()
	for _, bad := range []string{"<script>alert", "<b>Vet", "<img src=x", "<i>schuin", "\x1b", "\u202e", "\x00"} {
		if strings.Contains(page, bad) {
			t.Fatalf("the page holds %q unescaped:\n%s", bad, page)
		}
	}
	for _, good := range []string{"&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;b&gt;Vet&lt;/b&gt; &amp; co", "&lt;img src=x onerror=alert(1)&gt;", "Vraag &lt;i&gt;schuin&lt;/i&gt;"} {
		if !strings.Contains(page, good) {
			t.Fatalf("the page lacks %q:\n%s", good, page)
		}
	}
	// The event stream carries it as JSON text, which the script sets as text.
	ev := p.events()
	s := ev.next()
	if s.Stop.Title != "<img src=x onerror=alert(1)>" || s.Stop.Text != "Vraag <i>schuin</i>" {
		t.Fatalf("event %+v", s.Stop)
	}
}

func TestAThousandRequestsInASecondFromOneClientAreMostlyRefusedAndAnotherClientIsServed(t *testing.T) {
	r := openRoom(t, defaultLimits)
	r.SetStop(stop31)
	flood, _ := join(t, r)
	flood.choose("Ouders")
	calm, _ := join(t, r)
	calm.choose("Gemeente Tilburg")
	flood.follow.Transport.(*http.Transport).MaxIdleConnsPerHost = 16

	var ok, refused, other atomic.Int64
	var wg sync.WaitGroup
	next := make(chan struct{}, 1000)
	for range 1000 {
		next <- struct{}{}
	}
	close(next)
	start := time.Now()
	for range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range next {
				resp, err := flood.raw.Get("http://" + r.Addr() + r.base())
				if err != nil {
					other.Add(1)
					continue
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				switch resp.StatusCode {
				case http.StatusOK:
					ok.Add(1)
				case http.StatusTooManyRequests:
					refused.Add(1)
				default:
					other.Add(1)
				}
			}
		}()
	}
	// Meanwhile another participant reads the page and sends.
	for i := range 5 {
		if code, body := calm.get(r.base()); code != http.StatusOK || !strings.Contains(body, "Hoe verdelen we de taken?") {
			t.Fatalf("the other participant's request %d: %d", i, code)
		}
	}
	if code, _ := calm.send("3.1", "Ik kom er gewoon door."); code != http.StatusSeeOther {
		t.Fatalf("the other participant's send: %d", code)
	}
	wg.Wait()
	t.Logf("1,000 requests in %v: %d served, %d refused (429)", time.Since(start).Round(time.Millisecond), ok.Load(), refused.Load())
	// What the burst left after joining is served, then about five a second.
	if other.Load() != 0 || refused.Load() < 900 || ok.Load() < 1 {
		t.Fatalf("%d served, %d refused, %d other", ok.Load(), refused.Load(), other.Load())
	}
	if c := drainOne(t, r); c.Text != "Ik kom er gewoon door." {
		t.Fatalf("drained %+v", c)
	}
}

// fromAddress is a participant whose connections come from another
// loopback address, as another phone's would come from its own.
func fromAddress(t *testing.T, r *Room, ip string) *participant {
	t.Helper()
	d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(ip)}, Timeout: 2 * time.Second}
	conn, err := d.Dial("tcp", r.Addr())
	if err != nil {
		t.Skipf("cannot connect from %s (the loopback has only 127.0.0.1 here): %v", ip, err)
	}
	conn.Close()
	p := newParticipant(t, r)
	tr := &http.Transport{DialContext: d.DialContext}
	t.Cleanup(tr.CloseIdleConnections)
	p.follow.Transport, p.raw.Transport = tr, tr
	return p
}

func TestWrongJoinCodesAreLimitedPerAddressAndInAll(t *testing.T) {
	r := openRoom(t, defaultLimits)
	p := newParticipant(t, r)
	right := r.JoinCode()
	for i := range 5 {
		code, body := p.post("/", url.Values{"code": {"AAAA-AAAA"}})
		if code != http.StatusBadRequest || !strings.Contains(body, "Deze code klopt niet") {
			t.Fatalf("wrong code %d: %d", i, code)
		}
	}
	code, body := p.post("/", url.Values{"code": {right}})
	if code != http.StatusTooManyRequests || !strings.Contains(body, "Te veel pogingen") {
		t.Fatalf("the right code after five wrong ones: %d\n%s", code, body)
	}
	// A minute later the address may try again.
	r.mu.Lock()
	r.codeTries["127.0.0.1"].start = time.Now().Add(-2 * time.Minute)
	r.codeTriesAll.start = time.Now().Add(-2 * time.Minute)
	r.mu.Unlock()
	if code, body := p.post("/", url.Values{"code": {right}}); code != http.StatusSeeOther || !strings.Contains(body, "Welke organisatie") {
		t.Fatalf("the right code a minute later: %d", code)
	}

	// Thirty wrong codes from six addresses close the door for everyone.
	for i := 2; i <= 7; i++ {
		q := fromAddress(t, r, "127.0.0."+string(rune('0'+i)))
		for range 5 {
			q.post("/", url.Values{"code": {"BBBB-BBBB"}})
		}
	}
	late := fromAddress(t, r, "127.0.0.9")
	if code, _ := late.post("/", url.Values{"code": {right}}); code != http.StatusTooManyRequests {
		t.Fatalf("the right code from a new address after thirty wrong ones: %d", code)
	}
	// The join URL itself still works: the limit is on guessing.
	if code, _ := late.get(r.URL()); code != http.StatusOK {
		t.Fatalf("the join URL: %d", code)
	}
}

func TestTheRoomCapsClientsStreamsAndContributions(t *testing.T) {
	lim := defaultLimits
	lim.maxClients, lim.maxStreamsPerClient, lim.maxPerClient = 2, 2, 2
	r := openRoom(t, lim)
	r.SetStop(stop31)
	p, _ := join(t, r)
	p.choose("Ouders")
	join(t, r)
	third := newParticipant(t, r)
	if code, body := third.get(r.URL()); code != http.StatusServiceUnavailable || !strings.Contains(body, "zoveel deelnemers") {
		t.Fatalf("a third participant: %d", code)
	}
	p.events()
	p.events()
	req, _ := http.NewRequest(http.MethodGet, "http://"+r.Addr()+r.base()+"events", nil)
	resp, err := p.raw.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable {
		t.Fatalf("a third stream: %d", resp.StatusCode)
	}
	p.send("3.1", "een")
	p.send("3.1", "twee")
	code, body := p.send("3.1", "drie")
	if code != http.StatusTooManyRequests || !strings.Contains(body, ">drie</textarea>") {
		t.Fatalf("a third contribution: %d", code)
	}
	if got := waitChanges(t, r, 2); len(got) != 2 {
		t.Fatalf("drained %d", len(got))
	}
}

func TestClosingTheRoomEndsTheStreamsAndTheListenerAndLeavesNoGoroutines(t *testing.T) {
	before := runtime.NumGoroutine()
	r, err := start(Config{Addr: "127.0.0.1", Secret: testSecret}, defaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	r.SetOrganisations(orgs)
	r.SetStop(stop31)
	var streams []*eventStream
	var clients []*participant
	for range 3 {
		p, _ := join(t, r)
		p.choose("Ouders")
		p.send("3.1", "Iets.")
		ev := p.events()
		ev.next()
		streams = append(streams, ev)
		clients = append(clients, p)
	}
	addr := r.Addr()
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	for _, ev := range streams {
		done := make(chan error, 1)
		go func() { _, err := io.ReadAll(ev.lines); done <- err }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatal("an event stream is still open after Close")
		}
		ev.close()
	}
	if conn, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
		conn.Close()
		t.Fatal("still listening after Close")
	}
	if err := r.Close(); err != nil {
		t.Fatalf("a second Close: %v", err)
	}
	for _, p := range clients {
		p.follow.Transport.(*http.Transport).CloseIdleConnections()
	}
	http.DefaultTransport.(*http.Transport).CloseIdleConnections()
	settleGoroutines(t, before)
}

func TestAClosedRoomRefusesNewStreams(t *testing.T) {
	r := openRoom(t, defaultLimits)
	p, _ := join(t, r)
	p.choose("Ouders")
	r.mu.Lock()
	r.closed = true
	r.mu.Unlock()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+r.Addr()+r.base()+"events", nil)
	jar, _ := cookiejar.New(nil)
	jar.SetCookies(&url.URL{Scheme: "http", Host: r.Addr()}, p.follow.Jar.Cookies(&url.URL{Scheme: "http", Host: r.Addr(), Path: "/"}))
	resp, err := (&http.Client{Jar: jar}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable {
		t.Fatalf("%d", resp.StatusCode)
	}
}
