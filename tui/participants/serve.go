package participants

import (
	"errors"
	"html/template"
	"net"
	"net/http"
	"strings"
	"time"
)

// pageCSP is the Content-Security-Policy of every response but the root
// page's (rootCSP): only the room's own script, stylesheet and event stream.
const pageCSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

// cookieName is the cookie that carries a client's id.
const cookieName = "gm_client"

// cookieAge keeps a participant known for a long day, also when the phone's
// browser is closed in between.
const cookieAge = 12 * time.Hour

// ServeHTTP checks every request against the secret, then hands it on.
// Without the secret in the path, everything but the root page (the join
// code form) is a 404 with an empty body.
func (r *Room) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", pageCSP)
	h.Set("Cache-Control", "no-store")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Content-Type-Options", "nosniff")
	path := req.URL.Path
	switch {
	case path == "/":
		r.serveRoot(w, req)
	case strings.HasPrefix(path, "/j/") && equal(path[len("/j/"):], r.secret):
		r.serveJoin(w, req)
	case strings.HasPrefix(path, "/p/"):
		secret, sub, ok := strings.Cut(path[len("/p/"):], "/")
		if !ok || !equal(secret, r.secret) {
			notFound(w)
			return
		}
		r.servePage(w, req, sub)
	default:
		notFound(w)
	}
}

// notFound says nothing about what is here.
func notFound(w http.ResponseWriter) { w.WriteHeader(http.StatusNotFound) }

// remoteHost is the address a request came from, without its port.
func remoteHost(req *http.Request) string {
	host, _, err := net.SplitHostPort(req.RemoteAddr)
	if err != nil {
		return req.RemoteAddr
	}
	return host
}

// sameOrigin reports whether a POST comes from a page of this room. A
// browser names the page's origin in the Origin header; it must be the
// request's own scheme://host. Under the room's Referrer-Policy
// (no-referrer) browsers send "null" instead, and over plain http on the
// local network they send no Sec-Fetch-Site: "null" passes unless
// Sec-Fetch-Site says another site sent it. Without any Origin, only
// Sec-Fetch-Site same-origin or none (typed by the user) passes. Every
// POST also needs the form token, which no other page can read, and the
// client's cookie, which a browser sends to this room only from its own
// pages (SameSite=Strict).
func sameOrigin(req *http.Request) bool {
	origin := req.Header.Get("Origin")
	site := req.Header.Get("Sec-Fetch-Site")
	switch origin {
	case "":
		return site == "same-origin" || site == "none"
	case "null":
		return site == "" || site == "same-origin"
	}
	scheme := "http"
	if req.TLS != nil {
		scheme = "https"
	}
	return strings.EqualFold(origin, scheme+"://"+req.Host) && (site == "" || site == "same-origin" || site == "none")
}

// clientOf is the client whose cookie the request carries, or nil; it
// counts the request as a sign of life.
func (r *Room) clientOf(req *http.Request) *client {
	ck, err := req.Cookie(cookieName)
	if err != nil {
		return nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	cl := r.clients[ck.Value]
	if cl != nil {
		cl.seen = time.Now()
	}
	return cl
}

// allow takes a token from the client's bucket, or, for a request without
// a client, from its address's.
func (r *Room) allow(req *http.Request, cl *client) bool {
	now := time.Now()
	r.mu.Lock()
	defer r.mu.Unlock()
	if cl != nil {
		return cl.bucket.allow(now, r.lim.clientRate, r.lim.clientBurst)
	}
	host := remoteHost(req)
	b := r.anon[host]
	if b == nil {
		pruneBuckets(r.anon, now)
		b = &bucket{}
		r.anon[host] = b
	}
	return b.allow(now, r.lim.anonRate, r.lim.anonBurst)
}

// refuse answers with a short page that says why, in Dutch; base links
// back to the question when the requester holds the secret.
func (r *Room) refuse(w http.ResponseWriter, status int, base, heading, msg string) {
	d := pageData{PageTitle: r.pageTitle(), Base: base, Heading: heading, Error: msg}
	if base == "" {
		w.Header().Set("Content-Security-Policy", rootCSP)
		d.InlineCSS = cssInline()
	}
	if status == http.StatusTooManyRequests || status == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", "2")
	}
	render(w, status, "message", d)
}

func (r *Room) tooMany(w http.ResponseWriter, base string) {
	r.refuse(w, http.StatusTooManyRequests, base, "Even geduld",
		"Er komen te veel verzoeken tegelijk binnen. Wacht een paar seconden en probeer het dan opnieuw.")
}

func (r *Room) forbidden(w http.ResponseWriter, base string) {
	r.refuse(w, http.StatusForbidden, base, "Niet gelukt",
		"Dit verzoek is geweigerd: het komt niet van deze pagina. Open de pagina opnieuw via de QR-code of de code op het scherm.")
}

// serveRoot is the join code form: the one page without the secret.
func (r *Room) serveRoot(w http.ResponseWriter, req *http.Request) {
	if req.Method != http.MethodGet && req.Method != http.MethodPost {
		notFound(w)
		return
	}
	if !r.allow(req, nil) {
		r.tooMany(w, "")
		return
	}
	if req.Method == http.MethodGet {
		r.rootPage(w, http.StatusOK, "")
		return
	}
	if !sameOrigin(req) {
		r.forbidden(w, "")
		return
	}
	req.Body = http.MaxBytesReader(w, req.Body, 4<<10)
	if err := req.ParseForm(); err != nil {
		r.rootPage(w, http.StatusBadRequest, "Deze code klopt niet. Kijk nog eens op het scherm.")
		return
	}
	now := time.Now()
	host := remoteHost(req)
	r.mu.Lock()
	tries := r.codeTries[host]
	if tries == nil {
		pruneWindows(r.codeTries, now, r.lim.codeWindow)
		tries = &window{}
		r.codeTries[host] = tries
	}
	if tries.full(now, r.lim.codeWindow, r.lim.codeTriesPerAddr) || r.codeTriesAll.full(now, r.lim.codeWindow, r.lim.codeTriesGlobal) {
		r.mu.Unlock()
		w.Header().Set("Retry-After", "60")
		r.rootPage(w, http.StatusTooManyRequests, "Te veel pogingen met een verkeerde code. Wacht een minuut en probeer het dan opnieuw.")
		return
	}
	if !equal(normaliseCode(req.PostForm.Get("code")), r.code) {
		tries.add(now, r.lim.codeWindow)
		r.codeTriesAll.add(now, r.lim.codeWindow)
		n := r.codeTriesAll.n
		r.mu.Unlock()
		r.logf("participants: wrong join code (%d in this minute)", n)
		r.rootPage(w, http.StatusBadRequest, "Deze code klopt niet. Kijk nog eens op het scherm.")
		return
	}
	r.mu.Unlock()
	http.Redirect(w, req, "/j/"+r.secret, http.StatusSeeOther)
}

func (r *Room) rootPage(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Security-Policy", rootCSP)
	render(w, status, "root", pageData{PageTitle: "Meedoen aan het gesprek", InlineCSS: cssInline(), Error: msg})
}

// serveJoin gives a new participant a client id in a cookie and sends them
// to the page; a participant who already has one keeps it.
func (r *Room) serveJoin(w http.ResponseWriter, req *http.Request) {
	if req.Method != http.MethodGet {
		notFound(w)
		return
	}
	cl := r.clientOf(req)
	if !r.allow(req, cl) {
		r.tooMany(w, "")
		return
	}
	if cl != nil {
		http.Redirect(w, req, r.base(), http.StatusSeeOther)
		return
	}
	r.mu.Lock()
	if len(r.clients) >= r.lim.maxClients {
		r.mu.Unlock()
		r.refuse(w, http.StatusServiceUnavailable, "", "Vol", "Er doen al zoveel deelnemers mee dat de pagina niemand meer toelaat. Vraag de gespreksleider om hulp.")
		return
	}
	cl = &client{id: randomText(16), seen: time.Now()}
	r.clients[cl.id] = cl
	n := len(r.clients)
	r.mu.Unlock()
	r.logf("participants: a participant joined (%d in all)", n)
	http.SetCookie(w, &http.Cookie{
		Name: cookieName, Value: cl.id, Path: "/", MaxAge: int(cookieAge / time.Second),
		HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: req.TLS != nil,
	})
	http.Redirect(w, req, r.base(), http.StatusSeeOther)
}

// servePage serves what lies under /p/<secret>/.
func (r *Room) servePage(w http.ResponseWriter, req *http.Request, sub string) {
	cl := r.clientOf(req)
	if !r.allow(req, cl) {
		r.tooMany(w, r.base())
		return
	}
	get, post := req.Method == http.MethodGet, req.Method == http.MethodPost
	switch {
	case sub == "style.css" && get:
		asset(w, "text/css; charset=utf-8", css)
	case sub == "page.js" && get:
		asset(w, "text/javascript; charset=utf-8", script)
	case cl == nil && (get || post):
		if post {
			r.forbidden(w, "")
			return
		}
		render(w, http.StatusOK, "welcome", pageData{PageTitle: r.pageTitle(), Base: r.base(), JoinPath: "/j/" + r.secret})
	case sub == "" && get:
		r.mainPage(w, cl, http.StatusOK, message(req.URL.RawQuery), "", "", edit{})
	case sub == "org" && get:
		r.orgPage(w, cl, http.StatusOK, "")
	case sub == "events" && get:
		r.serveEvents(w, req, cl)
	case post && (sub == "org" || sub == "send" || sub == "edit" || sub == "withdraw"):
		if !r.checkPost(w, req, cl) {
			return
		}
		switch sub {
		case "org":
			r.chooseOrg(w, req, cl)
		case "send":
			r.send(w, req, cl)
		case "edit":
			r.edit(w, req, cl)
		case "withdraw":
			r.withdraw(w, req, cl)
		}
	default:
		notFound(w)
	}
}

func asset(w http.ResponseWriter, ctype string, b []byte) {
	w.Header().Set("Content-Type", ctype)
	w.Write(b)
}

// checkPost refuses a POST from elsewhere (Origin), without the form token,
// or with a body over maxBody; it parses the form.
func (r *Room) checkPost(w http.ResponseWriter, req *http.Request, cl *client) bool {
	if !sameOrigin(req) {
		r.forbidden(w, r.base())
		return false
	}
	req.Body = http.MaxBytesReader(w, req.Body, maxBody)
	if err := req.ParseForm(); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			r.refuse(w, http.StatusRequestEntityTooLarge, r.base(), "Te lang",
				"Je tekst is veel te lang en is niet verstuurd. Een bijdrage mag hoogstens 10.000 tekens hebben.")
			return false
		}
		r.refuse(w, http.StatusBadRequest, r.base(), "Niet gelukt", "Dit formulier kon niet worden gelezen. Probeer het opnieuw.")
		return false
	}
	if !validToken(r.key, cl.id, req.PostForm.Get("t")) {
		r.forbidden(w, r.base())
		return false
	}
	return true
}

// mainPage renders the question, the form and the client's contributions;
// without an organisation it asks for one first.
func (r *Room) mainPage(w http.ResponseWriter, cl *client, status int, msg, formText, formRef string, ed edit) {
	r.mu.Lock()
	if !r.knownOrg(cl.org) {
		r.mu.Unlock()
		r.orgPage(w, cl, http.StatusOK, "")
		return
	}
	d := r.mainData(cl, formText, formRef, ed)
	r.mu.Unlock()
	if status < 300 {
		d.Message = msg
	} else if ed.id == "" {
		d.Error = msg
	}
	render(w, status, "main", d)
}

// knownOrg reports whether org is one of the room's organisations; r.mu is held.
func (r *Room) knownOrg(org string) bool {
	for _, o := range r.orgs {
		if o == org {
			return true
		}
	}
	return false
}

func (r *Room) orgPage(w http.ResponseWriter, cl *client, status int, msg string) {
	r.mu.Lock()
	d := pageData{PageTitle: r.pageTitle(), Base: r.base(), Title: r.title(), Token: formToken(r.key, cl.id),
		Org: cl.org, Orgs: append([]string(nil), r.orgs...), Error: msg}
	r.mu.Unlock()
	render(w, status, "org", d)
}

// cssInline is the stylesheet for the root page's <style> element, which
// rootCSP allows by its hash.
func cssInline() template.CSS { return template.CSS(css) }
