package tui

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"gespreksmap/sessions"
	"gespreksmap/tui/common"
	"gespreksmap/tui/component"
	"gespreksmap/tui/presenter"
)

// A writing round (F8 on a question): every organisation at the table is
// asked to write its perspective at the stop on its own device. Until the
// facilitator reveals them, the screens and the projector (F5) show only
// how many organisations have sent; revealed, the contributions stand side
// by side, one column an organisation, to be taken over one by one or all
// at once. Closing the round leaves what was not taken over waiting (F7).

// roundMinColumn is the narrowest a revealed contribution's column gets;
// below it, the columns stand in bands below each other.
const roundMinColumn = 26

// openRound opens a writing round at the stop on screen, or shows the
// round that is open.
func (a *App) openRound() tea.Cmd {
	conv := a.c.conv
	if conv == nil || a.screen == screenStart || a.screen == screenSetup {
		return component.Flash("Een schrijfronde hoort bij een gesprek: open er eerst een.")
	}
	r, open := conv.CurrentRound()
	st := a.stopOnScreen()
	switch {
	case st.Question == nil && open:
		return a.showRound()
	case st.Question == nil:
		return component.Flash("Een schrijfronde open je bij een vraag: ga naar de vraag en druk F8.")
	case open && sessions.StopRef(r.QuestionID, r.Part) == sessions.Ref(st):
		return a.showRound()
	case conv.ReadOnly():
		return readOnlyFlash()
	case a.room.link == nil:
		return component.Flash("Een schrijfronde loopt via de pagina voor deelnemers: start die eerst met F6.")
	}
	a.flush()
	a.drainRoom()
	if !conv.OpenRound(st, a.c.cfg.Now()) {
		return component.FlashError("De schrijfronde kon niet worden geopend.")
	}
	a.feedRoom()
	note := "Schrijfronde bij " + st.Number() + " geopend: elke organisatie stuurt nu haar perspectief in."
	if open {
		note += " De ronde bij " + a.stopNumber(sessions.Contribution{QuestionID: r.QuestionID, Part: r.Part}) + " is gesloten; wat daar niet is overgenomen, wacht nog (F7)."
	}
	return tea.Batch(a.showRound(), component.Flash(note))
}

func (a *App) showRound() tea.Cmd {
	b := component.Bind
	s := &roundSheet{c: a.c, keys: roundKeys{
		Reveal:    b("v", "laten zien: alle bijdragen naast elkaar", "v"),
		Accept:    b("enter", "overnemen als perspectief", "enter"),
		AcceptAll: b("a", "alles overnemen", "a"),
		Edit:      b("e", "eerst bewerken", "e"),
		Aside:     b("t", "terzijde leggen", "t"),
		Move:      b("←/→", "andere organisatie", "left", "right", "tab", "shift+tab"),
		Close:     b("x", "ronde sluiten", "x"),
		Back:      b("esc", "terug (de ronde loopt door)", "esc", "q"),
	}}
	s.refresh(a)
	return a.showSheet(s)
}

// roundSheet shows the writing round: its progress, and once revealed the
// contributions side by side.
type roundSheet struct {
	c      *base
	round  sessions.Round
	open   bool
	number string // the round's stop
	text   string // its question (and sub-point)
	sent   int
	total  int
	cols   []roundColumn
	sel    int
	keys   roundKeys
	w, h   int
}

type roundKeys struct {
	Reveal, Accept, AcceptAll, Edit, Aside, Move, Close, Back key.Binding
}

// roundColumn is what one organisation sent in the round.
type roundColumn struct {
	org      string
	atTable  bool
	waiting  []sessions.Contribution
	aside    []sessions.Contribution
	accepted []sessions.Contribution
}

func (s *roundSheet) Title() string {
	if s.number == "" {
		return "Schrijfronde"
	}
	return "Schrijfronde bij " + s.number
}

func (s *roundSheet) Init() tea.Cmd { return nil }

func (s *roundSheet) Update(tea.Msg) (component.Component, tea.Cmd) { return s, nil }

func (s *roundSheet) SetSize(w, h int) { s.w, s.h = w, h }

// refresh reads the round again from the conversation.
func (s *roundSheet) refresh(a *App) {
	conv := a.c.conv
	s.round, s.open = conv.CurrentRound()
	s.cols = nil
	if !s.open {
		return
	}
	s.sent, s.total = conv.RoundProgress()
	if i := conv.StopIndex(s.round.QuestionID, s.round.Part); i >= 0 {
		st := conv.Stop(i)
		s.number, s.text = st.Number(), st.QuestionNumber()+" "+st.Question.Text
		if st.Part != nil {
			s.text += "\n" + st.Number() + " " + st.Part.Text
		}
	}
	at := map[string]int{}
	col := func(org string, table bool) *roundColumn {
		if i, ok := at[org]; ok {
			return &s.cols[i]
		}
		at[org] = len(s.cols)
		s.cols = append(s.cols, roundColumn{org: org, atTable: table})
		return &s.cols[len(s.cols)-1]
	}
	for _, o := range conv.Organisations() {
		col(o, true)
	}
	for _, k := range conv.RoundContributions() {
		c := col(k.Organisation, false)
		if k.State == sessions.ContributionSetAside {
			c.aside = append(c.aside, k)
		} else {
			c.waiting = append(c.waiting, k)
		}
	}
	for _, k := range conv.RoundAccepted() {
		c := col(k.Organisation, false)
		c.accepted = append(c.accepted, k)
	}
	s.sel = min(max(0, s.sel), max(0, len(s.cols)-1))
	s.enable()
}

// enable offers the keys that apply now.
func (s *roundSheet) enable() {
	k := &s.keys
	revealed := s.open && s.round.Revealed
	var cur roundColumn
	if s.sel < len(s.cols) {
		cur = s.cols[s.sel]
	}
	any := false
	for _, c := range s.cols {
		any = any || len(c.waiting) > 0
	}
	k.Reveal.SetEnabled(s.open && !revealed)
	k.Accept.SetEnabled(revealed && len(cur.waiting) > 0)
	k.Edit.SetEnabled(revealed && len(cur.waiting) > 0)
	k.Aside.SetEnabled(revealed && len(cur.waiting) > 0)
	k.AcceptAll.SetEnabled(revealed && any)
	k.Move.SetEnabled(revealed && len(s.cols) > 1)
	k.Close.SetEnabled(s.open)
}

func (s *roundSheet) key(a *App, km tea.KeyMsg) (tea.Cmd, bool) {
	k := s.keys
	conv := a.c.conv
	if component.Matches(km, k.Back) {
		return nil, true
	}
	if !s.open {
		return nil, true
	}
	var cur roundColumn
	if s.sel < len(s.cols) {
		cur = s.cols[s.sel]
	}
	var cmd tea.Cmd
	switch {
	case k.Reveal.Enabled() && component.Matches(km, k.Reveal):
		a.drainRoom()
		conv.RevealRound()
		a.feedRoom()
	case k.Move.Enabled() && component.Matches(km, k.Move):
		if km.String() == "left" || km.String() == "shift+tab" {
			s.sel = (s.sel + len(s.cols) - 1) % len(s.cols)
		} else {
			s.sel = (s.sel + 1) % len(s.cols)
		}
	case k.Accept.Enabled() && component.Matches(km, k.Accept):
		cmd = s.acceptAll(a, []roundColumn{cur})
	case k.AcceptAll.Enabled() && component.Matches(km, k.AcceptAll):
		cmd = s.acceptAll(a, s.cols)
	case k.Edit.Enabled() && component.Matches(km, k.Edit):
		return a.editContribution(cur.waiting[0].ID, s), false
	case k.Aside.Enabled() && component.Matches(km, k.Aside):
		for _, c := range cur.waiting {
			cmd = a.setAsideContribution(c.ID)
		}
	case k.Close.Enabled() && component.Matches(km, k.Close):
		left := 0
		for _, c := range s.cols {
			left += len(c.waiting)
		}
		conv.CloseRound()
		a.feedRoom()
		a.refreshWaiting()
		msg := "De schrijfronde is gesloten."
		if left > 0 {
			still := "wachten nog " + strconv.Itoa(left) + " bijdragen"
			if left == 1 {
				still = "wacht nog 1 bijdrage"
			}
			msg += " Uit de ronde " + still + "; F7: bekijken en overnemen."
		}
		return component.Flash(msg), true
	}
	s.refresh(a)
	return cmd, false
}

// acceptAll takes over every waiting contribution of the columns, each as
// its organisation's perspective.
func (s *roundSheet) acceptAll(a *App, cols []roundColumn) tea.Cmd {
	n := 0
	var last tea.Cmd
	for _, c := range cols {
		for _, k := range c.waiting {
			before := a.c.conv.Revision()
			last = a.acceptContribution(k.ID, "")
			if a.c.conv.Revision() != before {
				n++
			}
		}
	}
	if n > 1 {
		return component.Flash(strconv.Itoa(n) + " bijdragen overgenomen, elk als het perspectief van de eigen organisatie.")
	}
	return last
}

func (s *roundSheet) View() string {
	st := s.c.St
	w := s.w
	if !s.open {
		return st.Dim.Render("Er loopt geen schrijfronde. F8 bij een vraag opent er een.")
	}
	var out []string
	out = append(out, strings.Split(common.WrapCut(st.Question, component.Plain(s.text), w, 3), "\n")...)
	out = append(out, "", st.Header.Render(presenter.RoundProgress(s.sent, s.total)))
	if !s.round.Revealed {
		out = append(out, "")
		for _, c := range s.cols {
			switch {
			case len(c.waiting)+len(c.aside)+len(c.accepted) > 0:
				out = append(out, st.OK.Render("✓ ")+component.Plain(c.org))
			case c.atTable:
				out = append(out, st.Dim.Render("· "+component.Plain(c.org)+" (nog niet)"))
			}
		}
		out = append(out, "", st.Dim.Render(ansi.Wordwrap("Wat de organisaties schrijven, blijft verborgen tot je het laat zien (v).", w, "")))
		return strings.Join(out, "\n")
	}
	out = append(out, st.Dim.Render(ansi.Truncate("✓ overgenomen als perspectief · ▸ gekozen (←/→)", w, "…")), "")
	cols := make([]common.Column, len(s.cols))
	for i, c := range s.cols {
		head := component.Plain(c.org)
		switch {
		case len(c.waiting) == 0 && len(c.accepted) > 0:
			head += " ✓"
		case len(c.waiting) == 0 && len(c.aside) > 0:
			head += " (terzijde)"
		}
		if i == s.sel {
			head = st.Selected.Render("▸ " + head)
		} else {
			head = st.Label.Render(head)
		}
		cols[i] = common.Column{Head: head, Text: columnText(c)}
	}
	out = append(out, common.SideBySide(cols, w, max(3, s.h-len(out)), roundMinColumn, st.App.Render)...)
	return strings.Join(out, "\n")
}

// columnText is what an organisation sent in the round, in the order it
// arrived; taken over or set aside says so.
func columnText(c roundColumn) string {
	var parts []string
	for _, k := range c.accepted {
		parts = append(parts, k.Text)
	}
	for _, k := range c.waiting {
		parts = append(parts, k.Text)
	}
	for _, k := range c.aside {
		parts = append(parts, "(terzijde) "+k.Text)
	}
	if len(parts) == 0 {
		return "(nog niets ingestuurd)"
	}
	return strings.Join(parts, "\n\n")
}

func (s *roundSheet) ShortHelp() []key.Binding {
	k := s.keys
	return []key.Binding{k.Reveal, k.Accept, k.AcceptAll, k.Edit, k.Aside, k.Move, k.Close, k.Back}
}

func (s *roundSheet) FullHelp() [][]key.Binding { return [][]key.Binding{s.ShortHelp()} }
