package participants

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"

	"golang.org/x/net/html"
)

// wellFormed fails t unless page parses and closes every element it opens,
// in order.
func wellFormed(t *testing.T, page string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	void := map[string]bool{"meta": true, "link": true, "input": true, "br": true, "hr": true, "img": true}
	z := html.NewTokenizer(strings.NewReader(page))
	var open []string
	for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
		name, _ := z.TagName()
		switch tt {
		case html.StartTagToken:
			if !void[string(name)] {
				open = append(open, string(name))
			}
		case html.EndTagToken:
			if len(open) == 0 || open[len(open)-1] != string(name) {
				t.Fatalf("</%s> closes %v\n%s", name, open, page)
			}
			open = open[:len(open)-1]
		}
	}
	if len(open) != 0 {
		t.Fatalf("left open: %v", open)
	}
	return doc
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func walk(n *html.Node, f func(*html.Node)) {
	f(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

// accessible checks what a screen reader needs of a page: Dutch, one h1,
// headings that do not skip a level, every field with a label and every
// button with text.
func accessible(t *testing.T, page string) {
	t.Helper()
	doc := wellFormed(t, page)
	labels := map[string]bool{}
	walk(doc, func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "label" {
			if f, ok := attr(n, "for"); ok {
				labels[f] = true
			}
		}
	})
	h1, last := 0, 0
	walk(doc, func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		switch n.Data {
		case "html":
			if lang, _ := attr(n, "lang"); lang != "nl" {
				t.Fatalf("lang=%q", lang)
			}
		case "h1", "h2", "h3", "h4":
			level := int(n.Data[1] - '0')
			if level > last+1 {
				t.Fatalf("<%s> after <h%d>", n.Data, last)
			}
			last = level
			if level == 1 {
				h1++
			}
		case "input", "textarea":
			if typ, _ := attr(n, "type"); typ == "hidden" {
				return
			}
			id, _ := attr(n, "id")
			if !labels[id] {
				t.Fatalf("<%s id=%q> has no label", n.Data, id)
			}
		case "button":
			if n.FirstChild == nil || strings.TrimSpace(n.FirstChild.Data) == "" {
				t.Fatal("a button without text")
			}
		}
	})
	if h1 != 1 {
		t.Fatalf("%d h1 headings", h1)
	}
}

func TestEveryPageIsWellFormedDutchAndLabelledForAScreenReader(t *testing.T) {
	r := openRoom(t, defaultLimits)
	r.SetStop(stop31)
	r.SetRound(RoundView{Open: true, Ref: "3.1", Revealed: true})
	p := newParticipant(t, r)
	_, root := p.get("/")
	accessible(t, root)
	_, welcome := p.get(r.base())
	if !strings.Contains(welcome, `href="/j/`+testSecret+`"`) {
		t.Fatalf("without a cookie the page does not offer to join:\n%s", welcome)
	}
	accessible(t, welcome)
	_, org := p.get(r.URL())
	accessible(t, org)
	p.choose("Ouders")
	p.send("3.1", "Een bijdrage.")
	main := p.page()
	accessible(t, main)
	if !strings.Contains(main, `aria-live="polite"`) || !strings.Contains(main, `role="status"`) {
		t.Fatal("the page has no live region for the question")
	}
	_, refused := p.post(r.base()+"send", url.Values{"ref": {"3.1"}, "text": {"x"}})
	accessible(t, refused)
}

func TestAnEditThatIsTooLongOrEmptyIsRefusedWithTheTextKept(t *testing.T) {
	r := openRoom(t, defaultLimits)
	r.SetStop(stop31)
	p, _ := join(t, r)
	p.choose("Ouders")
	p.send("3.1", "Kort.")
	id := drainOne(t, r).ID
	long := strings.Repeat("é", MaxText+1)
	code, page := p.post(r.base()+"edit", url.Values{"t": {p.token()}, "id": {id}, "text": {long}})
	if code != http.StatusRequestEntityTooLarge || !strings.Contains(page, "<details open>") || !strings.Contains(page, ">"+long+"</textarea>") {
		t.Fatalf("a long edit: %d", code)
	}
	code, page = p.post(r.base()+"edit", url.Values{"t": {p.token()}, "id": {id}, "text": {"  \n "}})
	if code != http.StatusBadRequest || !strings.Contains(page, "Intrekken") || !strings.Contains(page, "<details open>") {
		t.Fatalf("an empty edit: %d\n%s", code, page)
	}
	if got := r.Drain(); len(got) != 0 {
		t.Fatalf("a refused edit arrived: %+v", got)
	}
	// Another participant cannot touch it.
	q, _ := join(t, r)
	q.choose("Gemeente Tilburg")
	if code, _ := q.post(r.base()+"edit", url.Values{"t": {q.token()}, "id": {id}, "text": {"Overgenomen door een ander."}}); code != http.StatusNotFound {
		t.Fatalf("someone else's edit: %d", code)
	}
	if code, _ := q.post(r.base()+"withdraw", url.Values{"t": {q.token()}, "id": {id}}); code != http.StatusNotFound {
		t.Fatalf("someone else's withdrawal: %d", code)
	}
	if got := r.Drain(); len(got) != 0 {
		t.Fatalf("another participant changed it: %+v", got)
	}
}

func TestAParticipantCanChangeTheirOrganisationAndIsAskedAgainWhenItLeaves(t *testing.T) {
	r := openRoom(t, defaultLimits)
	r.SetStop(stop31)
	p, _ := join(t, r)
	p.choose("Ouders")
	_, page := p.get(r.base() + "org")
	if !strings.Contains(page, `value="Ouders" checked`) {
		t.Fatalf("the current organisation is not checked:\n%s", page)
	}
	p.choose("SWV Hart van Brabant")
	p.send("3.1", "Namens het samenwerkingsverband.")
	if c := drainOne(t, r); c.Organisation != "SWV Hart van Brabant" {
		t.Fatalf("sent as %q", c.Organisation)
	}
	code, page := p.post(r.base()+"org", url.Values{"t": {p.token()}, "org": {"Bestaat niet"}})
	if code != http.StatusBadRequest || !strings.Contains(page, "Kies een van de organisaties") {
		t.Fatalf("an unknown organisation: %d", code)
	}
	r.SetOrganisations([]string{"Gemeente Tilburg"})
	if page := p.page(); !strings.Contains(page, "Welke organisatie vertegenwoordig je?") {
		t.Fatalf("an organisation no longer at the table is not asked again:\n%s", page)
	}
	if code, _ := p.send("3.1", "Als wie?"); code != http.StatusConflict {
		t.Fatalf("sending without an organisation: %d", code)
	}
	r.SetOrganisations(nil)
	if page := p.page(); !strings.Contains(page, "nog niet ingevuld") {
		t.Fatalf("without organisations:\n%s", page)
	}
}

func TestTheLogHoldsCountsAndEventsButNoContent(t *testing.T) {
	var mu sync.Mutex
	var log strings.Builder
	r, err := start(Config{Addr: "127.0.0.1", Secret: testSecret, Title: "Geheim gesprek",
		Logf: func(f string, a ...any) { mu.Lock(); fmt.Fprintf(&log, f+"\n", a...); mu.Unlock() }}, defaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	r.SetOrganisations(orgs)
	r.SetStop(stop31)
	p, _ := join(t, r)
	p.choose("Ouders")
	p.send("3.1", "Vertrouwelijk over een kind.")
	p.post("/", url.Values{"code": {"ZZZZ-ZZZZ"}})
	r.Close()
	mu.Lock()
	got := log.String()
	mu.Unlock()
	for _, want := range []string{"listening on 127.0.0.1:", "joined (1 in all)", "wrong join code (1 in this minute)", "stopped"} {
		if !strings.Contains(got, want) {
			t.Fatalf("the log lacks %q:\n%s", want, got)
		}
	}
	for _, secret := range []string{"Vertrouwelijk", "Ouders", "Geheim", "Hoe verdelen", testSecret, "ZZZZ", strings.ReplaceAll(r.JoinCode(), "-", "")} {
		if strings.Contains(got, secret) {
			t.Fatalf("the log holds %q:\n%s", secret, got)
		}
	}
}
