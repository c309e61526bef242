package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"gespreksmap/sessions"
	"gespreksmap/tui/common"
	"gespreksmap/tui/component"
	"gespreksmap/tui/list"
	"gespreksmap/tui/pagelink"
)

// inbox is the list of contributions from participants (F7), from every
// screen: those waiting at the stop on screen first, then those waiting
// at other stops in the order of the set, then those set aside. Below the
// list, the one under the cursor in full. The facilitator takes one over,
// edits it first, sets it aside or lets it wait again, or goes to its
// stop.
type inbox struct {
	c    *base
	list *list.List[sessions.Contribution]
	here string // the stop on screen (sessions.Ref), "" on other screens
	page bool   // the participants' page runs
	keys inboxKeys
	w, h int
}

type inboxKeys struct{ Accept, Edit, Aside, Restore, Go, Back key.Binding }

// openInbox shows the contributions.
func (a *App) openInbox() tea.Cmd {
	if a.c.conv == nil || a.screen == screenStart || a.screen == screenSetup {
		return component.Flash("Bijdragen van deelnemers horen bij een gesprek: open er eerst een.")
	}
	b := component.Bind
	in := &inbox{c: a.c, keys: inboxKeys{
		Accept:  b("enter", "overnemen als perspectief", "enter"),
		Edit:    b("e", "eerst bewerken", "e"),
		Aside:   b("t", "terzijde leggen", "t"),
		Restore: b("r", "weer laten wachten", "r"),
		Go:      b("g", "naar de vraag", "g"),
		Back:    b("esc", "terug", "esc", "q"),
	}}
	in.list = list.New[sessions.Contribution]("bijdragen", a.c.St.ListStyles(), in.row).
		WithEmpty("Er wachten geen bijdragen van deelnemers.")
	in.refresh(a)
	return a.showSheet(in)
}

func (in *inbox) Title() string { return "Bijdragen van deelnemers" }

func (in *inbox) Init() tea.Cmd { return nil }

func (in *inbox) Update(tea.Msg) (component.Component, tea.Cmd) { return in, nil }

// refresh lists the contributions as the conversation holds them now; the
// cursor stays on the contribution it was on while that is listed.
func (in *inbox) refresh(a *App) {
	conv := a.c.conv
	if conv == nil {
		return
	}
	in.page = a.room.link != nil
	in.here = ""
	if st := a.stopOnScreen(); st.Question != nil {
		in.here = sessions.Ref(st)
	}
	var was string
	if k, _, ok := in.list.Selected(); ok {
		was = k.ID
	}
	all := pagelink.Ordered(conv, in.here)
	in.list.SetItems(all)
	for i, k := range all {
		if k.ID == was {
			in.list.SetCursor(i)
		}
	}
	in.enable()
}

// enable offers only the keys that apply to the contribution under the
// cursor.
func (in *inbox) enable() {
	k, _, ok := in.list.Selected()
	waiting := ok && k.State == sessions.ContributionWaiting
	in.keys.Accept.SetEnabled(ok)
	in.keys.Edit.SetEnabled(ok)
	in.keys.Aside.SetEnabled(waiting)
	in.keys.Restore.SetEnabled(ok && !waiting)
	in.keys.Go.SetEnabled(ok && sessions.StopRef(k.QuestionID, k.Part) != in.here)
}

// row is one contribution on one line: stop, organisation, time, the start
// of the text.
func (in *inbox) row(k sessions.Contribution, w int) string {
	num := component.Plain(k.QuestionID)
	if conv := in.c.conv; conv != nil {
		if i := conv.StopIndex(k.QuestionID, k.Part); i >= 0 {
			num = conv.Stop(i).Number()
		}
	}
	if sessions.StopRef(k.QuestionID, k.Part) == in.here {
		num += " hier"
	}
	s := padRight(num, 10) + " " + component.Plain(k.Organisation)
	if !k.At.IsZero() {
		s += " · " + k.At.Format("15:04")
	}
	if k.State == sessions.ContributionSetAside {
		s += " · terzijde"
	}
	first, _, _ := strings.Cut(k.Text, "\n")
	return ansi.Truncate(s+" · "+component.Plain(first), w, "…")
}

func padRight(s string, n int) string { return s + strings.Repeat(" ", max(0, n-ansi.StringWidth(s))) }

func (in *inbox) SetSize(w, h int) {
	in.w, in.h = w, h
	in.list.SetSize(w, in.listRows())
}

// listRows is the height of the list: a third of the body, at least three
// rows, the rest for the text under the cursor.
func (in *inbox) listRows() int {
	return max(1, min(len(in.list.Items()), max(3, in.h/3)))
}

func (in *inbox) key(a *App, km tea.KeyMsg) (tea.Cmd, bool) {
	k, _, ok := in.list.Selected()
	keys := in.keys
	switch {
	case component.Matches(km, keys.Back):
		return nil, true
	case !ok:
	case component.Matches(km, keys.Accept):
		return a.acceptContribution(k.ID, ""), false
	case component.Matches(km, keys.Edit):
		return a.editContribution(k.ID, in), false
	case component.Matches(km, keys.Aside):
		return a.setAsideContribution(k.ID), false
	case component.Matches(km, keys.Restore):
		return a.restoreContribution(k.ID), false
	case component.Matches(km, keys.Go):
		i := a.c.conv.StopIndex(k.QuestionID, k.Part)
		if i < 0 {
			return component.FlashError("Deze vraag staat niet in de vragenset van dit gesprek."), false
		}
		cmd := a.openQuestion(i)
		in.refresh(a)
		return cmd, false
	}
	in.list.Update(km)
	in.enable()
	return nil, false
}

func (in *inbox) View() string {
	st := in.c.St
	if len(in.list.Items()) == 0 {
		out := st.Dim.Render("Er wachten geen bijdragen van deelnemers.")
		if !in.page {
			out += "\n\n" + ansi.Wordwrap("F6 start de pagina voor deelnemers: dan kan iedereen aan tafel vanaf de eigen telefoon of laptop het perspectief van de eigen organisatie insturen.", in.w, "")
		}
		return out
	}
	in.list.SetSize(in.w, in.listRows())
	out := in.list.View()
	used := strings.Count(out, "\n") + 2
	if k, _, ok := in.list.Selected(); ok {
		out += "\n\n" + strings.Join(in.detail(k, in.h-used), "\n")
	}
	return out
}

// detail is the contribution under the cursor in full, in at most h lines:
// who, where, when and its state, the question it answers, the text.
func (in *inbox) detail(k sessions.Contribution, h int) []string {
	st := in.c.St
	conv := in.c.conv
	w := in.w
	state := "wacht"
	if k.State == sessions.ContributionSetAside {
		state = "terzijde gelegd"
	}
	head := component.Plain(k.Organisation)
	question := ""
	if i := conv.StopIndex(k.QuestionID, k.Part); i >= 0 {
		s := conv.Stop(i)
		head += " · bij " + s.Number()
		question = s.Question.Text
		if s.Part != nil {
			question = s.Number() + " " + s.Part.Text
		}
	}
	if !k.At.IsZero() {
		head += " · " + k.At.Format("15:04")
	}
	out := []string{st.Label.Render(ansi.Truncate(head+" · "+state, w, "…"))}
	if question != "" {
		out = append(out, strings.Split(common.WrapCut(st.Dim, component.Plain(question), w, 2), "\n")...)
	}
	out = append(out, "")
	text := common.WrapParagraphs(k.Text, w, st.App.Render)
	if room := h - len(out); len(text) > room && room >= 1 {
		text = append(text[:room-1:room-1], st.Dim.Render("… (e toont de hele tekst)"))
	}
	out = append(out, text...)
	if len(out) > h {
		out = out[:max(0, h)]
	}
	return out
}

func (in *inbox) ShortHelp() []key.Binding {
	k := in.keys
	return []key.Binding{k.Accept, k.Go, k.Edit, k.Aside, k.Restore, k.Back, in.list.Keys.Up, in.list.Keys.Down}
}

func (in *inbox) FullHelp() [][]key.Binding {
	k := in.keys
	l := in.list.Keys
	return [][]key.Binding{{k.Accept, k.Edit, k.Aside, k.Restore, k.Go, k.Back}, {l.Up, l.Down, l.Home, l.End, l.PageUp, l.PageDown}}
}
