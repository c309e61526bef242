// Package participants serves the participants' page: from a QR code on the
// projector, participants open it on their own phone or laptop, choose their
// organisation once, follow the stop the facilitator has open and send their
// organisation's perspective, which they can edit or withdraw until the
// facilitator has taken it over.
//
// A Room holds no conversation. The program feeds it what to show
// (SetOrganisations, SetStop, SetRound), drains what arrived (Drain, after
// Notify) and tells it what the facilitator did (Take, SetAside, Restore).
// Every method is safe for concurrent use. The package imports no Bubble
// Tea: the screens present the room, the conversation core decides.
//
// The program's side, in short:
//
//	room, err := participants.Start(participants.Config{Addr: addr, Title: title})
//	room.SetOrganisations(orgs)
//	room.SetStop(view) // whenever the facilitator opens another stop
//	...
//	<-room.Notify()    // in a tea.Cmd; then, on the program's goroutine:
//	for _, ch := range room.Drain() {
//		// Sent, Edited: conv.Receive(...); Withdrawn: conv.Withdraw(ch.ID)
//	}
//	text, ok := room.Take(id) // when the facilitator accepts it
//	...
//	room.Close()       // with the conversation; Drain once more before the last save
//
// Addresses: the join URL (URL, in the QR code) is /j/<secret>; it sets
// a cookie with the participant's own random id and sends the browser to
// /p/<secret>/, under which every page, form and event stream lives. The
// root page / takes the join code instead. Anything else is a 404.
package participants

import (
	"context"
	"errors"
	"log"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"gespreksmap/sessions"
)

// MaxText is the longest text a participant can send, in runes. It equals
// the conversation core's limit on a contribution (sessions.MaxContribution).
const MaxText = sessions.MaxContribution

// Term is a glossary term shown with the stop.
type Term struct{ Name, Meaning string }

// StopView is what the facilitator has open now.
type StopView struct {
	Ref         string // sessions.StopRef ("qid#part" or "qid"); "" = nothing open (overview)
	Number      string // "3.1b"
	Title       string // section + question title line
	Text        string // question or topic text (plain text, may be multi-line)
	Explanation string // explanation/intro (plain text)
	Terms       []Term
}

// RoundView is the writing round (schrijfronde), if one is open.
type RoundView struct {
	Open     bool
	Ref      string
	Revealed bool
}

// Config says where and how a room serves.
type Config struct {
	Addr   string               // "host:port", "host" (free port), ":port", "" (LAN address, free port)
	Title  string               // conversation title shown on the page
	Now    func() time.Time     // nil = time.Now; stamps contributions (rate limits use the clock)
	Secret string               // "" = 160-bit random; at least 22 base64url characters (128 bits)
	Logf   func(string, ...any) // no content ever logged; nil = silent
}

// ChangeKind says what a participant did.
type ChangeKind int

const (
	Sent      ChangeKind = iota // a new contribution
	Edited                      // a new text for a waiting one (same ID)
	Withdrawn                   // the participant withdrew a waiting one
)

func (k ChangeKind) String() string {
	switch k {
	case Sent:
		return "sent"
	case Edited:
		return "edited"
	case Withdrawn:
		return "withdrawn"
	}
	return "unknown"
}

// Change is one thing a participant did, for the program to apply to the
// conversation: Sent and Edited to Conversation.Receive, Withdrawn to
// Conversation.Withdraw.
type Change struct {
	Kind         ChangeKind
	ID           string // unique, stable over edits
	Organisation string
	Ref          string // the stop it was written at (the StopView.Ref the form was loaded with)
	Text         string // cleaned (sessions.CleanText), at most MaxText runes; "" for Withdrawn
	At           time.Time
}

// state is what the facilitator did with a contribution, as the page shows it.
type state int

const (
	waiting   state = iota // wacht: the participant can still edit or withdraw it
	taken                  // overgenomen: locked
	setAside               // terzijde gelegd: locked until restored
	withdrawn              // gone from the participant's list
)

// contribution is one text a client sent.
type contribution struct {
	id, client, org, ref, text string
	first                      time.Time // when it was first sent (the writing round counts it from then)
	state                      state
}

// client is one participant's browser, known by the cookie it got on joining.
type client struct {
	id      string
	org     string
	seen    time.Time // last request, on the monotonic clock
	bucket  bucket
	streams int
	mine    []*contribution // in the order sent
}

// shown is a stop that was open at some time: a form loaded then may still
// post to it.
type shown struct{ number, title string }

// Room is a running participants' page.
type Room struct {
	cfg    Config
	lim    limits
	now    func() time.Time
	secret string
	code   string
	key    []byte
	url    string
	addr   string
	qr     []string
	qrMods [][]bool
	ln     net.Listener
	srv    *http.Server

	mu           sync.Mutex
	clients      map[string]*client
	byID         map[string]*contribution
	count        int // contributions ever sent
	orgs         []string
	stop         StopView
	round        RoundView
	roundOpened  time.Time
	refs         map[string]shown
	pending      []Change
	subs         map[chan struct{}]*client
	streams      int
	anon         map[string]*bucket
	codeTries    map[string]*window
	codeTriesAll window
	closed       bool

	notify    chan struct{}
	done      chan struct{} // closed by Close: streams end
	served    chan struct{} // closed when the server has stopped
	closeOnce sync.Once
	closeErr  error
}

// Start listens on cfg.Addr and serves the page in a goroutine until Close.
func Start(cfg Config) (*Room, error) { return start(cfg, defaultLimits) }

func start(cfg Config, lim limits) (*Room, error) {
	secret := cfg.Secret
	if secret == "" {
		secret = randomText(secretBytes)
	} else if err := validSecret(secret); err != nil {
		return nil, err
	}
	r := &Room{
		cfg: cfg, lim: lim, now: cfg.Now,
		secret:    secret,
		code:      newCode(),
		key:       []byte(randomText(32)),
		clients:   map[string]*client{},
		byID:      map[string]*contribution{},
		refs:      map[string]shown{},
		subs:      map[chan struct{}]*client{},
		anon:      map[string]*bucket{},
		codeTries: map[string]*window{},
		notify:    make(chan struct{}, 1),
		done:      make(chan struct{}),
		served:    make(chan struct{}),
	}
	if r.now == nil {
		r.now = time.Now
	}
	r.cfg.Title = sessions.Printable(cfg.Title)
	ln, err := net.Listen("tcp", listenAddr(cfg.Addr))
	if err != nil {
		return nil, err
	}
	r.ln = ln
	r.addr = ln.Addr().String()
	r.url = "http://" + urlHost(ln.Addr()) + "/j/" + secret
	if r.qrMods, err = qrModules(r.url); err != nil {
		ln.Close()
		return nil, err
	}
	m := r.qrMods
	r.qr = HalfBlocks(len(m), len(m), func(y, x int) bool { return y < len(m) && m[y][x] })
	r.srv = &http.Server{
		Handler:           r,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      30 * time.Second, // event streams move it on with every write
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    16 << 10,
		// The server's own messages (connections, protocol errors) go to
		// Logf, not to the terminal the program draws on; they hold no
		// form content, which the server never logs.
		ErrorLog: log.New(logWriter{r}, "", 0),
	}
	go func() {
		defer close(r.served)
		if err := r.srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			r.logf("participants: server stopped: %v", err)
		}
	}()
	r.logf("participants: listening on %s", r.addr)
	return r, nil
}

// logWriter hands the server's log lines to logf.
type logWriter struct{ r *Room }

func (w logWriter) Write(p []byte) (int, error) {
	w.r.logf("participants: %s", strings.TrimSpace(string(p)))
	return len(p), nil
}

// logf logs an event; callers pass counts and addresses, never content.
func (r *Room) logf(format string, args ...any) {
	if r.cfg.Logf != nil {
		r.cfg.Logf(format, args...)
	}
}

// URL is the full join URL with the secret, e.g.
// http://192.168.1.20:8080/j/<secret>: what the QR code carries.
func (r *Room) URL() string { return r.url }

// JoinCode is the short code typed by hand on the root page, as shown:
// "K7QF-2M9X". Wrong attempts are limited.
func (r *Room) JoinCode() string { return showCode(r.code) }

// Addr is the host:port the room listens on.
func (r *Room) Addr() string { return r.addr }

// QR is URL as a QR code (error correction M) in half-block lines, two
// modules per line, a quiet zone of two modules included; every line has
// the same number of characters. The characters' ink (▀ ▄ █) is the dark
// modules and spaces are the light ones: draw the lines dark on light
// (black foreground on a white background), the quiet zone included.
// Printed as is on a terminal with light text on a dark background the code
// comes out inverted, which many phones cannot read.
func (r *Room) QR() []string { return append([]string(nil), r.qr...) }

// QRModules is the same code as rows of modules, true for dark, the quiet
// zone included, for a front end that draws it in its own way.
func (r *Room) QRModules() [][]bool {
	out := make([][]bool, len(r.qrMods))
	for i, row := range r.qrMods {
		out[i] = append([]bool(nil), row...)
	}
	return out
}

// connectedWindow is how recently a participant must have been seen to
// count as connected.
const connectedWindow = 30 * time.Second

// Connected is the number of participants seen in the last 30 seconds: an
// open page (event stream) or a recent request.
func (r *Room) Connected() int {
	now := time.Now()
	r.mu.Lock()
	defer r.mu.Unlock()
	n := 0
	for _, c := range r.clients {
		if c.streams > 0 || now.Sub(c.seen) < connectedWindow {
			n++
		}
	}
	return n
}

// SetOrganisations sets the organisations participants choose from (the
// conversation's participants' organisations).
func (r *Room) SetOrganisations(orgs []string) {
	clean := make([]string, 0, len(orgs))
	seen := map[string]bool{}
	for _, o := range orgs {
		o = sessions.Printable(o)
		if o == "" || seen[o] {
			continue
		}
		seen[o] = true
		clean = append(clean, o)
	}
	r.mu.Lock()
	r.orgs = clean
	r.broadcast()
	r.mu.Unlock()
}

// maxRefs bounds the stops remembered as once open; a question set has
// far fewer.
const maxRefs = 4096

// SetStop shows v on every page, at once on those that follow the events;
// Ref "" shows that no question is open. A form loaded at a stop still
// sends to that stop after the facilitator moved on (Change.Ref), so words
// written for one question do not land at the next.
func (r *Room) SetStop(v StopView) {
	v.Number = sessions.Printable(v.Number)
	v.Title = sessions.Printable(v.Title)
	v.Text = sessions.CleanText(v.Text)
	v.Explanation = sessions.CleanText(v.Explanation)
	terms := make([]Term, 0, len(v.Terms))
	for _, t := range v.Terms {
		terms = append(terms, Term{Name: sessions.Printable(t.Name), Meaning: sessions.CleanText(t.Meaning)})
	}
	v.Terms = terms
	r.mu.Lock()
	r.stop = v
	if _, ok := r.refs[v.Ref]; v.Ref != "" && (ok || len(r.refs) < maxRefs) {
		r.refs[v.Ref] = shown{number: v.Number, title: v.Title}
	}
	r.broadcast()
	r.mu.Unlock()
}

// SetRound opens, reveals or closes the writing round (Open false). Pages
// show the round while it is on the stop they show. Until it is revealed,
// no page shows another organisation's contribution; once revealed, the
// page lists the contributions sent at its stop since it opened (not
// withdrawn or set aside), in the order of the organisations.
func (r *Room) SetRound(v RoundView) {
	r.mu.Lock()
	if v.Open && (!r.round.Open || r.round.Ref != v.Ref) {
		r.roundOpened = r.now()
	}
	if !v.Open {
		v = RoundView{}
	}
	r.round = v
	r.broadcast()
	r.mu.Unlock()
}

// Notify is signalled (capacity 1) when Drain has something.
func (r *Room) Notify() <-chan struct{} { return r.notify }

// Drain returns what arrived since the last Drain, in order.
func (r *Room) Drain() []Change {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := r.pending
	r.pending = nil
	return out
}

// push queues a change for Drain; r.mu is held.
func (r *Room) push(c Change) {
	r.pending = append(r.pending, c)
	select {
	case r.notify <- struct{}{}:
	default:
	}
}

// Take marks a contribution as taken over by the facilitator: the
// participant can no longer edit or withdraw it, and the page says
// "overgenomen". It returns the latest text. Edits sent before it that
// Drain has yet to return stay queued: drain after Take, so that the
// conversation holds the participant's last word before it takes the
// contribution over (nothing can follow them once it is taken). ok is
// false for an unknown or withdrawn contribution.
func (r *Room) Take(id string) (text string, ok bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	c := r.byID[id]
	if c == nil || c.state == withdrawn {
		return "", false
	}
	c.state = taken
	r.changedFor(c)
	return c.text, true
}

// Release undoes Take when the facilitator gives up taking a contribution
// over (an edit abandoned): the participant can change or withdraw it
// again, and the page says "wacht" once more.
func (r *Room) Release(id string) bool {
	return r.setState(id, waiting, taken)
}

// SetAside shows "terzijde gelegd" on the participant's page; they can no
// longer edit or withdraw it. Drain first: an edit still waiting for Drain
// would reach a conversation that has set the contribution aside.
func (r *Room) SetAside(id string) bool {
	return r.setState(id, setAside, waiting, taken)
}

// Restore makes a contribution set aside waiting again: the participant can
// edit or withdraw it again.
func (r *Room) Restore(id string) bool {
	return r.setState(id, waiting, setAside)
}

func (r *Room) setState(id string, to state, from ...state) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	c := r.byID[id]
	if c == nil {
		return false
	}
	for _, f := range from {
		if c.state == f {
			c.state = to
			r.changedFor(c)
			return true
		}
	}
	return false
}

// Close stops listening and ends every open page's event stream. It is
// safe to call more than once; it returns when the server has stopped.
func (r *Room) Close() error {
	r.closeOnce.Do(func() {
		r.mu.Lock()
		r.closed = true
		r.mu.Unlock()
		close(r.done)
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		defer cancel()
		if err := r.srv.Shutdown(ctx); err != nil {
			r.closeErr = r.srv.Close()
		}
		<-r.served
		r.logf("participants: stopped")
	})
	return r.closeErr
}
