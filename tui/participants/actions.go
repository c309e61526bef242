package participants

import (
	"net/http"
	"strings"
	"unicode/utf8"

	"gespreksmap/sessions"
)

// The page's answers after a POST, by name in the address the browser is
// sent to (post/redirect/get), so a reload does not post again.
var done = map[string]string{
	"verstuurd":   "Verstuurd. De gespreksleider ziet je bijdrage nu.",
	"gewijzigd":   "Je wijziging is verstuurd.",
	"ingetrokken": "Je bijdrage is ingetrokken.",
}

// afterPost sends the browser to the page with what was done.
func (r *Room) afterPost(w http.ResponseWriter, req *http.Request, what string) {
	http.Redirect(w, req, r.base()+"?"+what, http.StatusSeeOther)
}

// The refusals of a text.
const (
	msgTooLong = "Je tekst is te lang: een bijdrage mag hoogstens 10.000 tekens hebben. Hij is niet verstuurd; maak hem korter en verstuur hem opnieuw."
	msgEmpty   = "Je hebt nog niets geschreven."
	msgNoStop  = "De gespreksleider heeft nu geen vraag open. Je tekst is niet verstuurd en staat hieronder nog; verstuur hem als er een vraag open is."
	msgLocked  = "Deze bijdrage kan niet meer worden gewijzigd of ingetrokken: de gespreksleider heeft hem al verwerkt."
	msgFull    = "Je kunt niet meer bijdragen versturen: het maximum is bereikt. Vraag de gespreksleider om hulp."
)

// cleanText is a posted text cleaned like typed input, and the refusal if
// it cannot be sent.
func cleanText(raw string) (text string, status int, msg string) {
	text = sessions.CleanText(raw)
	switch {
	case utf8.RuneCountInString(text) > MaxText:
		return text, http.StatusRequestEntityTooLarge, msgTooLong
	case strings.TrimSpace(text) == "":
		return text, http.StatusBadRequest, msgEmpty
	}
	return text, 0, ""
}

// chooseOrg records the client's organisation; it must be one of the room's.
func (r *Room) chooseOrg(w http.ResponseWriter, req *http.Request, cl *client) {
	org := req.PostForm.Get("org")
	r.mu.Lock()
	ok := r.knownOrg(org)
	if ok {
		cl.org = org
	}
	r.mu.Unlock()
	if !ok {
		r.orgPage(w, cl, http.StatusBadRequest, "Kies een van de organisaties hieronder.")
		return
	}
	http.Redirect(w, req, r.base(), http.StatusSeeOther)
}

// send receives a new contribution at the stop the form was loaded with.
func (r *Room) send(w http.ResponseWriter, req *http.Request, cl *client) {
	ref := req.PostForm.Get("ref")
	text, status, msg := cleanText(req.PostForm.Get("text"))
	if status != 0 {
		r.mainPage(w, cl, status, msg, text, ref, edit{})
		return
	}
	now := r.now()
	r.mu.Lock()
	_, known := r.refs[ref]
	switch {
	case !r.knownOrg(cl.org):
		r.mu.Unlock()
		r.orgPage(w, cl, http.StatusConflict, "Kies eerst je organisatie. Je tekst is nog niet verstuurd.")
		return
	case !known:
		r.mu.Unlock()
		r.mainPage(w, cl, http.StatusConflict, msgNoStop, text, "", edit{})
		return
	case len(cl.mine) >= r.lim.maxPerClient || r.count >= r.lim.maxContributions:
		r.mu.Unlock()
		r.mainPage(w, cl, http.StatusTooManyRequests, msgFull, text, ref, edit{})
		return
	}
	if n := len(cl.mine); n > 0 {
		// A second press on Versturen, or a reload that posts again: the
		// same text at the same stop is the same contribution.
		if last := cl.mine[n-1]; last.state == waiting && last.ref == ref && last.text == text && last.org == cl.org {
			r.mu.Unlock()
			r.afterPost(w, req, "verstuurd")
			return
		}
	}
	c := &contribution{id: randomText(12), client: cl.id, org: cl.org, ref: ref, text: text, first: now}
	r.byID[c.id] = c
	r.count++
	cl.mine = append(cl.mine, c)
	r.push(Change{Kind: Sent, ID: c.id, Organisation: c.org, Ref: c.ref, Text: c.text, At: now})
	r.changedFor(c)
	r.mu.Unlock()
	r.afterPost(w, req, "verstuurd")
}

// own is the client's contribution with the posted id, and whether the
// participant may still change it; r.mu is held.
func (r *Room) own(cl *client, id string) (*contribution, bool) {
	c := r.byID[id]
	if c == nil || c.client != cl.id || c.state == withdrawn {
		return nil, false
	}
	return c, c.state == waiting
}

// edit replaces the text of a waiting contribution.
func (r *Room) edit(w http.ResponseWriter, req *http.Request, cl *client) {
	id := req.PostForm.Get("id")
	text, status, msg := cleanText(req.PostForm.Get("text"))
	r.mu.Lock()
	c, open := r.own(cl, id)
	r.mu.Unlock()
	switch {
	case c == nil:
		r.mainPage(w, cl, http.StatusNotFound, "Deze bijdrage bestaat niet (meer).", "", "", edit{})
		return
	case !open:
		r.mainPage(w, cl, http.StatusConflict, msgLocked, "", "", edit{})
		return
	case status != 0:
		if status == http.StatusBadRequest {
			msg = "Je nieuwe tekst is leeg. Wil je de bijdrage weghalen? Kies dan Intrekken."
		}
		r.mainPage(w, cl, status, msg, "", "", edit{id: id, text: text, err: msg})
		return
	}
	now := r.now()
	r.mu.Lock()
	c, open = r.own(cl, id)
	if c == nil || !open {
		// Taken over between the two looks.
		r.mu.Unlock()
		r.mainPage(w, cl, http.StatusConflict, msgLocked, "", "", edit{})
		return
	}
	if c.text != text {
		c.text = text
		r.push(Change{Kind: Edited, ID: c.id, Organisation: c.org, Ref: c.ref, Text: text, At: now})
		r.changedFor(c)
	}
	r.mu.Unlock()
	r.afterPost(w, req, "gewijzigd")
}

// withdraw removes a waiting contribution.
func (r *Room) withdraw(w http.ResponseWriter, req *http.Request, cl *client) {
	id := req.PostForm.Get("id")
	now := r.now()
	r.mu.Lock()
	c, open := r.own(cl, id)
	if c != nil && open {
		c.state = withdrawn
		r.push(Change{Kind: Withdrawn, ID: c.id, Organisation: c.org, Ref: c.ref, At: now})
		r.changedFor(c)
	}
	r.mu.Unlock()
	switch {
	case c == nil:
		r.mainPage(w, cl, http.StatusNotFound, "Deze bijdrage bestaat niet (meer).", "", "", edit{})
	case !open:
		r.mainPage(w, cl, http.StatusConflict, msgLocked, "", "", edit{})
	default:
		r.afterPost(w, req, "ingetrokken")
	}
}

// message is the page's answer named in the query after a POST.
func message(rawQuery string) string { return done[rawQuery] }
