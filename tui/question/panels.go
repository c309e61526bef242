package question

import (
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"gespreksmap/sessions"
	"gespreksmap/tui/common"
	"gespreksmap/tui/component"
	"gespreksmap/tui/forms"
)

// panel is an item opened from the screen over its body: a perspective, an
// action item, or the name of another partner. What is typed in it goes
// into the core at flush (every save) and when it closes.
type panel interface {
	help.KeyMap
	// update handles a key or a message of the panel's form; done says
	// the panel closes.
	update(msg tea.Msg) (done bool, cmd tea.Cmd)
	view(w, h int) string
	setSize(w, h int)
	flush() bool
	pending() bool
	editing() bool
}

var closeKey = component.Bind("esc", "opslaan en terug", "esc")

// closePanelIf closes the panel when done, recording what it holds.
func (s *Screen) closePanelIf(done bool) tea.Cmd {
	if !done || s.panel == nil {
		return nil
	}
	s.panel.flush()
	s.panel = nil
	s.refreshLists()
	if p, ok := s.in.(*partnersInput); ok {
		p.refresh()
	}
	s.layout()
	return nil
}

func (s *Screen) openPanel(p panel) tea.Cmd {
	s.panel = p
	s.layout()
	return nil
}

// panelTop is the title and question over a panel.
func (s *Screen) panelTop(title string, w int) string {
	st := s.c.St
	top := st.Header.Render(component.Plain(title)) + "\n" + common.WrapCut(st.Question, component.Plain(s.st.Question.Text), w, 3)
	if s.st.Part != nil {
		// The sub-point or topic the panel belongs to, so nobody writes
		// at 3.1b thinking of the question as a whole.
		top += "\n" + common.WrapCut(st.Question, component.Plain(s.st.Number()+" "+s.st.Part.Text), w, 2)
	}
	return top + "\n\n"
}

// actionPanel edits one action item with the form every screen uses.
type actionPanel struct {
	s    *Screen
	at   int // index in the conversation's action items; -1 until recorded
	item sessions.ActionItem
	form *forms.Form
}

func (s *Screen) openAction(at int) tea.Cmd {
	if s.conv.ReadOnly() {
		return readOnly()
	}
	p := &actionPanel{s: s, at: at}
	if at >= 0 && at < len(s.conv.Actions) {
		p.item = s.conv.Actions[at]
	} else {
		p.at = -1
	}
	p.form = common.ActionFormFor(s.c.St, &p.item, s.conv)
	p.form.Keys.Submit.SetHelp("enter", "opslaan")
	return s.openPanel(p)
}

func (p *actionPanel) ShortHelp() []key.Binding {
	return append(p.form.ShortHelp(), closeKey)
}
func (p *actionPanel) FullHelp() [][]key.Binding {
	return append(p.form.FullHelp(), []key.Binding{closeKey})
}
func (p *actionPanel) editing() bool { return true }

func (p *actionPanel) update(msg tea.Msg) (bool, tea.Cmd) {
	switch m := msg.(type) {
	case tea.KeyMsg:
		// A date that does not exist is never saved: esc, like enter, waits
		// until it is mended (the form says what is wrong).
		if component.Matches(m, closeKey) && p.form.Validate() || p.form.Submits(m) {
			return true, nil
		}
		_, cmd := p.form.Update(m)
		return false, cmd
	}
	return false, nil
}

// changed reports whether the form differs from what the core holds.
func (p *actionPanel) pending() bool {
	if p.at < 0 {
		return strings.TrimSpace(p.item.What) != ""
	}
	cur := p.s.conv.Actions[p.at]
	return cur.What != p.item.What || cur.Who != p.item.Who || cur.When != p.item.When
}

func (p *actionPanel) flush() bool {
	if !p.pending() || !p.form.Validate() {
		return false // nothing new, or a date that does not exist: not saved
	}
	if p.at < 0 {
		p.at = p.s.conv.AddAction(p.s.st, p.item)
		return p.at >= 0
	}
	it := p.item
	it.Done = p.s.conv.Actions[p.at].Done
	return p.s.conv.UpdateAction(p.at, it)
}

func (p *actionPanel) setSize(w, h int) { p.form.SetSize(w, max(1, h-6)) }

func (p *actionPanel) view(w, h int) string {
	title := "Nieuw actiepunt bij " + p.s.st.Number()
	if p.at >= 0 {
		title = "Actiepunt bij " + p.s.st.Number()
	}
	return p.s.panelTop(title, w) + p.form.View() + "\n\n" +
		common.WrapCut(p.s.c.St.Dim, "Alle actiepunten staan onderaan het verslag, met de vraag waarbij ze zijn gemaakt.", w, 2)
}

// otherPanel names a partner outside the set's list.
type otherPanel struct {
	s    *Screen
	at   int // index among the other partners; -1 until recorded
	name string
	form *forms.Form
}

func (s *Screen) openOther(at int) tea.Cmd {
	if s.conv.ReadOnly() {
		return readOnly()
	}
	p := &otherPanel{s: s, at: at}
	if others := s.conv.OtherPartners(s.st); at >= 0 && at < len(others) {
		p.name = others[at].Name
	} else {
		p.at = -1
	}
	p.form = forms.New("anderepartner", s.c.St.FormStyles(),
		forms.Text("name", "Andere partner", &p.name).Placeholder("bijv. revalidatiecentrum, leerlingenvervoer"))
	p.form.Keys.Submit.SetHelp("enter", "opslaan")
	return s.openPanel(p)
}

func (p *otherPanel) ShortHelp() []key.Binding { return append(p.form.ShortHelp(), closeKey) }
func (p *otherPanel) FullHelp() [][]key.Binding {
	return append(p.form.FullHelp(), []key.Binding{closeKey})
}
func (p *otherPanel) editing() bool { return true }

func (p *otherPanel) update(msg tea.Msg) (bool, tea.Cmd) {
	switch m := msg.(type) {
	case tea.KeyMsg:
		if component.Matches(m, closeKey) || p.form.Submits(m) {
			return true, nil
		}
		_, cmd := p.form.Update(m)
		return false, cmd
	}
	return false, nil
}

func (p *otherPanel) pending() bool {
	if p.at < 0 {
		return p.name != ""
	}
	others := p.s.conv.OtherPartners(p.s.st)
	return p.at < len(others) && p.name != "" && others[p.at].Name != p.name
}

func (p *otherPanel) flush() bool {
	if !p.pending() {
		return false
	}
	if p.at < 0 {
		p.at = p.s.conv.AddOtherPartner(p.s.st, p.name, sessions.PartnerTogether)
		return p.at >= 0
	}
	return p.s.conv.RenameOtherPartner(p.s.st, p.at, p.name)
}

func (p *otherPanel) setSize(w, h int) { p.form.SetSize(w, max(1, h-6)) }

func (p *otherPanel) view(w, h int) string {
	return p.s.panelTop("Andere partner bij "+p.s.st.Number(), w) + p.form.View() + "\n\n" +
		common.WrapCut(p.s.c.St.Dim, "enter: opslaan · daarna met ←/→ kiezen: werken samen / nog niet / n.v.t.", w, 2)
}
