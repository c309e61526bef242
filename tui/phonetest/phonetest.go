// Package phonetest is a participant's phone for tests: a browser-like
// client with a cookie jar that joins the participants' page with the URL
// the QR code carries and uses the page's own forms, and a starter that
// puts the page on the loopback and hands each room to the test.
package phonetest

import (
	"html"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"gespreksmap/tui/participants"
)

// Phone is a participant's phone.
type Phone struct {
	t      testing.TB
	follow *http.Client
	raw    *http.Client
	origin string // http://host:port
	base   string // /p/<secret>/
}

var (
	basePath    = regexp.MustCompile(`/p/[^/]+/`)
	formToken   = regexp.MustCompile(`name="t" value="([^"]+)"`)
	formRef     = regexp.MustCompile(`name="ref" id="ref" value="([^"]*)"`)
	stopNumber  = regexp.MustCompile(`<span id="vraag-nummer">([^<]*)</span>`)
	mineID      = regexp.MustCompile(`<li id="b-([A-Za-z0-9_-]+)">`)
	stateOfMine = regexp.MustCompile(`<span class="staat">([^<]*)</span>`)
)

// Join opens the join URL, as scanning the QR code does.
func Join(t testing.TB, joinURL string) *Phone {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	tr := &http.Transport{}
	t.Cleanup(tr.CloseIdleConnections)
	u, err := url.Parse(joinURL)
	if err != nil {
		t.Fatal(err)
	}
	p := &Phone{t: t, origin: u.Scheme + "://" + u.Host,
		follow: &http.Client{Jar: jar, Transport: tr, Timeout: 10 * time.Second},
		raw: &http.Client{Jar: jar, Transport: tr, Timeout: 10 * time.Second,
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }},
	}
	resp, err := p.follow.Get(joinURL)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("joining: %d", resp.StatusCode)
	}
	p.base = basePath.FindString(resp.Request.URL.Path)
	if p.base == "" {
		t.Fatalf("joining ended at %s", resp.Request.URL)
	}
	return p
}

// Page is the participant's page as it reads now.
func (p *Phone) Page() string {
	p.t.Helper()
	resp, err := p.follow.Get(p.origin + p.base)
	if err != nil {
		p.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		p.t.Fatalf("page: %d\n%s", resp.StatusCode, b)
	}
	return string(b)
}

func (p *Phone) post(path string, form url.Values) int {
	p.t.Helper()
	req, err := http.NewRequest(http.MethodPost, p.origin+p.base+path, strings.NewReader(form.Encode()))
	if err != nil {
		p.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", p.origin)
	resp, err := p.raw.Do(req)
	if err != nil {
		p.t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode
}

// Choose picks the participant's organisation on the page.
func (p *Phone) Choose(org string) {
	p.t.Helper()
	m := formToken.FindStringSubmatch(p.Page())
	if m == nil {
		p.t.Fatal("no form token on the page")
	}
	if code := p.post("org", url.Values{"t": {html.UnescapeString(m[1])}, "org": {org}}); code != http.StatusSeeOther {
		p.t.Fatalf("choosing %q: %d", org, code)
	}
}

// Stop is the number of the stop the page shows ("" : none).
func (p *Phone) Stop() string {
	page := p.Page()
	if strings.Contains(page, `id="vraag" class="vraag" hidden`) {
		return ""
	}
	if m := stopNumber.FindStringSubmatch(page); m != nil {
		return html.UnescapeString(m[1])
	}
	return ""
}

// WaitStop waits until the page shows stop number.
func (p *Phone) WaitStop(number string) {
	p.t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		got := p.Stop()
		if got == number {
			return
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("the page shows stop %q, want %q", got, number)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// Send sends text at the stop the page shows, with the page's own form.
func (p *Phone) Send(text string) {
	p.t.Helper()
	page := p.Page()
	tok, ref := formToken.FindStringSubmatch(page), formRef.FindStringSubmatch(page)
	if tok == nil || ref == nil {
		p.t.Fatal("no form on the page")
	}
	if code := p.post("send", url.Values{"t": {html.UnescapeString(tok[1])}, "ref": {html.UnescapeString(ref[1])}, "text": {text}}); code != http.StatusSeeOther {
		p.t.Fatalf("sending: %d", code)
	}
}

// Mine lists the ids of what the participant sent, as the page lists them.
func (p *Phone) Mine() []string {
	var ids []string
	for _, m := range mineID.FindAllStringSubmatch(p.Page(), -1) {
		ids = append(ids, m[1])
	}
	return ids
}

// Edit changes the text of a contribution not yet taken over.
func (p *Phone) Edit(id, text string) int {
	p.t.Helper()
	tok := formToken.FindStringSubmatch(p.Page())
	return p.post("edit", url.Values{"t": {html.UnescapeString(tok[1])}, "id": {id}, "text": {text}})
}

// States are the states the page shows of what the participant sent.
func (p *Phone) States() []string {
	var out []string
	for _, m := range stateOfMine.FindAllStringSubmatch(p.Page(), -1) {
		out = append(out, m[1])
	}
	return out
}

// Loopback is a starter (tui.Config.Participants) that starts the page on the
// loopback and hands each room started to the test.
func Loopback(t testing.TB) (func(participants.Config) (*participants.Room, error), <-chan *participants.Room) {
	rooms := make(chan *participants.Room, 8)
	return func(cfg participants.Config) (*participants.Room, error) {
		cfg.Addr = "127.0.0.1"
		r, err := participants.Start(cfg)
		if err == nil {
			t.Cleanup(func() { r.Close() })
			rooms <- r
		}
		return r, err
	}, rooms
}

// Room waits for the room the program started.
func Room(t testing.TB, rooms <-chan *participants.Room) *participants.Room {
	t.Helper()
	select {
	case r := <-rooms:
		return r
	case <-time.After(5 * time.Second):
		t.Fatal("the participants' page did not start")
	}
	return nil
}

// Withdraw takes a contribution back, as its button on the page does.
func (p *Phone) Withdraw(id string) int {
	p.t.Helper()
	tok := formToken.FindStringSubmatch(p.Page())
	return p.post("withdraw", url.Values{"t": {html.UnescapeString(tok[1])}, "id": {id}})
}

// Answers reports whether anything answers at the page's address.
func (p *Phone) Answers() bool {
	resp, err := p.follow.Get(p.origin + "/")
	if err != nil {
		return false
	}
	resp.Body.Close()
	return true
}

// Token is the page's form token: the same on every page for this phone.
func (p *Phone) Token() string {
	p.t.Helper()
	m := formToken.FindStringSubmatch(p.Page())
	if m == nil {
		p.t.Fatal("no form token on the page")
	}
	return html.UnescapeString(m[1])
}

// TryEdit changes a contribution's text with a token from Token, for a
// goroutine of its own: it fails no test, it returns the status or the
// error.
func (p *Phone) TryEdit(token, id, text string) (int, error) {
	form := url.Values{"t": {token}, "id": {id}, "text": {text}}
	req, err := http.NewRequest(http.MethodPost, p.origin+p.base+"edit", strings.NewReader(form.Encode()))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", p.origin)
	resp, err := p.raw.Do(req)
	if err != nil {
		return 0, err
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode, nil
}
