package participants

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"html/template"
	"net/http"
	"sort"
	"strconv"
)

//go:embed assets/page.html assets/style.css assets/page.js
var assets embed.FS

var (
	pages  = template.Must(template.ParseFS(assets, "assets/page.html"))
	css    = mustRead("assets/style.css")
	script = mustRead("assets/page.js")
	// rootCSP lets the root page, which has no secret to load the
	// stylesheet with, carry the same stylesheet inline: by its hash only.
	rootCSP = "default-src 'none'; style-src 'sha256-" + hash(css) + "'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)

func mustRead(name string) []byte {
	b, err := assets.ReadFile(name)
	if err != nil {
		panic(err)
	}
	return b
}

func hash(b []byte) string {
	s := sha256.Sum256(b)
	return base64.StdEncoding.EncodeToString(s[:])
}

// The words the page uses for a contribution's state.
var stateWords = map[state]string{waiting: "wacht", taken: "overgenomen", setAside: "terzijde gelegd"}

// roundLine is what the page says during a writing round on the stop it shows.
const (
	roundLine    = "Schrijfronde: schrijf nu het perspectief van jouw organisatie."
	revealedLine = "De schrijfronde is rond: hieronder staat wat de organisaties hebben ingestuurd."
)

// snapshot is what a page shows that changes while it is open: the server
// renders it into the page and sends it as the event stream's data.
type snapshot struct {
	Stop          stopData     `json:"stop"`
	Round         string       `json:"round"`
	Mine          []mineState  `json:"mine"`
	Revealed      bool         `json:"revealed"`
	Contributions []revealItem `json:"contributions"`
}

type stopData struct {
	Open        bool       `json:"open"`
	Ref         string     `json:"ref"`
	Number      string     `json:"number"`
	Title       string     `json:"title"`
	Text        string     `json:"text"`
	Explanation string     `json:"explanation"`
	Terms       []termData `json:"terms"`
}

type termData struct {
	Name    string `json:"name"`
	Meaning string `json:"meaning"`
}

type mineState struct {
	ID       string `json:"id"`
	State    string `json:"state"`
	Editable bool   `json:"editable"`
}

type revealItem struct {
	Org  string `json:"org"`
	Text string `json:"text"`
}

// pageData is what the templates get.
type pageData struct {
	PageTitle string
	InlineCSS template.CSS
	Events    bool
	Base      string // "/p/<secret>/"
	JoinPath  string
	Title     string
	Heading   string
	Token     string
	Org       string
	Orgs      []string
	Snap      snapshot
	Form      formData
	Mine      []mineItem
	Message   string
	Error     string
}

type formData struct {
	Ref, Label, Text string
	Hidden           bool
}

type mineItem struct {
	ID, Number, Title, Text, State string
	Editable                       bool
	EditText, EditError            string
	EditOpen                       bool
}

// snap is the snapshot for a client; r.mu is held.
func (r *Room) snap(cl *client) snapshot {
	s := snapshot{Stop: stopData{
		Open: r.stop.Ref != "", Ref: r.stop.Ref, Number: r.stop.Number, Title: r.stop.Title,
		Text: r.stop.Text, Explanation: r.stop.Explanation, Terms: []termData{},
	}}
	for _, t := range r.stop.Terms {
		s.Stop.Terms = append(s.Stop.Terms, termData{Name: t.Name, Meaning: t.Meaning})
	}
	if r.round.Open && r.round.Ref == r.stop.Ref && r.stop.Ref != "" {
		s.Round = roundLine
		if r.round.Revealed {
			s.Round = revealedLine
			s.Revealed = true
			s.Contributions = r.revealed()
		}
	}
	s.Mine = []mineState{}
	if cl != nil {
		for _, c := range cl.mine {
			if c.state != withdrawn {
				s.Mine = append(s.Mine, mineState{ID: c.id, State: stateWords[c.state], Editable: c.state == waiting})
			}
		}
	}
	if s.Contributions == nil {
		s.Contributions = []revealItem{}
	}
	return s
}

// revealed lists the revealed round's contributions: those written at its
// stop since it opened, not withdrawn or set aside, in the order of the
// organisations; r.mu is held.
func (r *Room) revealed() []revealItem {
	rank := map[string]int{}
	for i, o := range r.orgs {
		rank[o] = i
	}
	var cs []*contribution
	for _, c := range r.byID {
		if c.ref == r.round.Ref && !c.first.Before(r.roundOpened) && (c.state == waiting || c.state == taken) {
			cs = append(cs, c)
		}
	}
	sort.Slice(cs, func(i, j int) bool {
		ri, iok := rank[cs[i].org]
		rj, jok := rank[cs[j].org]
		if iok != jok {
			return iok
		}
		if ri != rj {
			return ri < rj
		}
		if cs[i].org != cs[j].org {
			return cs[i].org < cs[j].org
		}
		return cs[i].first.Before(cs[j].first)
	})
	out := make([]revealItem, 0, len(cs))
	for _, c := range cs {
		out = append(out, revealItem{Org: c.org, Text: c.text})
	}
	return out
}

// base is the path every page of the room starts with.
func (r *Room) base() string { return "/p/" + r.secret + "/" }

// pageTitle is the browser's title of every page.
func (r *Room) pageTitle() string {
	if r.cfg.Title == "" {
		return "Meedoen aan het gesprek"
	}
	return r.cfg.Title + " – meedoen"
}

// title is the page's heading: the conversation's title.
func (r *Room) title() string {
	if r.cfg.Title == "" {
		return "Gesprek"
	}
	return r.cfg.Title
}

// edit is an edit form to show open again, with what was typed.
type edit struct {
	id, text, err string
}

// mainData is the data of the main page for a client; r.mu is held.
func (r *Room) mainData(cl *client, formText, formRef string, ed edit) pageData {
	d := pageData{
		PageTitle: r.pageTitle(), Events: true, Base: r.base(), Title: r.title(),
		Token: formToken(r.key, cl.id), Org: cl.org, Snap: r.snap(cl),
	}
	if formRef == "" {
		formRef = r.stop.Ref
	}
	d.Form = formData{Ref: formRef, Text: formText, Hidden: formRef == "" && formText == ""}
	if s, ok := r.refs[formRef]; ok {
		d.Form.Label = s.number + " " + s.title
	}
	for _, c := range cl.mine {
		if c.state == withdrawn {
			continue
		}
		s := r.refs[c.ref]
		it := mineItem{ID: c.id, Number: s.number, Title: s.title, Text: c.text,
			State: stateWords[c.state], Editable: c.state == waiting, EditText: c.text}
		if ed.id == c.id {
			it.EditText, it.EditError, it.EditOpen = ed.text, ed.err, true
		}
		d.Mine = append(d.Mine, it)
	}
	return d
}

// render writes a page with a status code; a page that fails to render
// (never, with these templates) is a plain 500.
func render(w http.ResponseWriter, status int, name string, d pageData) {
	var b bytes.Buffer
	if err := pages.ExecuteTemplate(&b, name, d); err != nil {
		http.Error(w, "", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(b.Len()))
	w.WriteHeader(status)
	w.Write(b.Bytes())
}
