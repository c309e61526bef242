package question

import (
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/tui/component"
)

// input is the part of the screen that fits the question's kind, between
// the status and the text: a choice, the partners, the counts, or the
// sub-points and topics of the question. Each kind is one type; a new kind
// is one new type and one line in newInput. An input changes the
// conversation only through the core.
type input interface {
	help.KeyMap
	// focusable reports whether the input takes keys at all.
	focusable() bool
	// startHere reports whether focus starts here when the stop opens.
	startHere() bool
	focus()
	blur()
	// update handles a key while the input has focus; edge is -1 or +1
	// when the key moves focus to the field above or below.
	update(km tea.KeyMsg) (cmd tea.Cmd, edge int)
	// rows is how many lines the input wants at width w.
	rows(w int) int
	// view draws the input in w by h.
	view(w, h int) string
}

// newInput makes the input for the kind of the question at the stop.
func newInput(s *Screen) input {
	switch s.st.Question.Kind {
	case content.KindChoice:
		return &choiceInput{s: s}
	case content.KindPartners:
		return newPartnersInput(s)
	case content.KindCounts:
		return newCountsInput(s)
	case content.KindPoints, content.KindTopics:
		return &partsInput{s: s}
	}
	return nil
}

// label draws a field's label: the focused one marked, in the focus style
// and reversed, so that it shows also without colour.
func (s *Screen) label(text string, focused bool) string {
	st := s.c.St
	if focused {
		return st.Cursor.Render("▶ ") + st.Focused.Reverse(true).Render(" "+text+" ")
	}
	return "  " + st.Label.Render(text)
}

// choiceInput picks one of the question's choices with ←/→.
type choiceInput struct {
	s       *Screen
	focused bool
	keys    struct{ Left, Right, Down, Up key.Binding }
}

func (c *choiceInput) focusable() bool { return true }
func (c *choiceInput) startHere() bool { return c.s.conv.Choice(c.s.st) == "" }
func (c *choiceInput) focus()          { c.focused = true }
func (c *choiceInput) blur()           { c.focused = false }
func (c *choiceInput) rows(int) int    { return 1 }

func (c *choiceInput) bindings() (left, right, down, up key.Binding) {
	b := component.Bind
	return b("←", "vorige keuze", "left"), b("→", "volgende keuze", "right"), b("↓/enter", "naar de toelichting", "down", "enter"), b("↑", "naar de status", "up")
}

func (c *choiceInput) ShortHelp() []key.Binding {
	l, r, d, _ := c.bindings()
	return []key.Binding{l, r, d}
}

func (c *choiceInput) FullHelp() [][]key.Binding {
	l, r, d, u := c.bindings()
	return [][]key.Binding{{l, r, d, u}}
}

func (c *choiceInput) update(km tea.KeyMsg) (tea.Cmd, int) {
	left, right, down, up := c.bindings()
	choices := c.s.st.Question.Choices
	cur := -1
	for i, ch := range choices {
		if ch.ID == c.s.conv.Choice(c.s.st) {
			cur = i
		}
	}
	next := cur
	switch {
	case component.Matches(km, down):
		return nil, 1
	case component.Matches(km, up):
		return nil, -1
	case component.Matches(km, left):
		next = cur - 1
		if next < -1 {
			next = len(choices) - 1
		}
	case component.Matches(km, right):
		next = cur + 1
		if next >= len(choices) {
			next = -1
		}
	case km.Type == tea.KeyRunes || km.Type == tea.KeySpace:
		return component.Flash("Kies met ←/→; " + typedHint), 0
	default:
		return nil, 0
	}
	if c.s.conv.ReadOnly() {
		return readOnly(), 0
	}
	id := ""
	if next >= 0 {
		id = choices[next].ID
	}
	// The text typed so far goes into the core first: the core decides
	// where it stands after the change.
	c.s.Flush()
	res := c.s.conv.SetChoice(c.s.st, id)
	c.s.hdr = header{}
	c.s.layout()
	if m := res.Message(); m != "" {
		return component.Flash(m), 0
	}
	return nil, 0
}

func (c *choiceInput) view(w, h int) string {
	st := c.s.c.St
	var parts []string
	for _, ch := range c.s.st.Question.Choices {
		label := component.Plain(ch.Label)
		if ch.ID == c.s.conv.Choice(c.s.st) {
			parts = append(parts, st.Selected.Render("(•) "+label))
			continue
		}
		parts = append(parts, "( ) "+label)
	}
	return ansi.Truncate(c.s.label("Keuze:", c.focused)+" "+strings.Join(parts, "   "), w, "…")
}

// partsInput shows the sub-points or topics of the question with their
// status, the one on screen marked. It takes no keys: ctrl+n and ctrl+p
// walk them.
type partsInput struct{ s *Screen }

func (p *partsInput) focusable() bool                  { return false }
func (p *partsInput) startHere() bool                  { return false }
func (p *partsInput) focus()                           {}
func (p *partsInput) blur()                            {}
func (p *partsInput) update(tea.KeyMsg) (tea.Cmd, int) { return nil, 0 }
func (p *partsInput) ShortHelp() []key.Binding         { return nil }
func (p *partsInput) FullHelp() [][]key.Binding        { return nil }
func (p *partsInput) rows(int) int                     { return len(p.s.st.Question.Parts()) }
func (p *partsInput) status(id string) sessions.Status { return p.s.conv.Status(p.stop(id)) }
func (p *partsInput) stop(id string) content.Stop {
	return p.s.conv.Stop(p.s.conv.StopIndex(p.s.st.Question.ID, id))
}

func (p *partsInput) view(w, h int) string {
	st := p.s.c.St
	var rows []string
	cur := p.s.st.PartIndex
	for i, pt := range p.s.st.Question.Parts() {
		s := p.status(pt.ID)
		mark := "  "
		line := ansi.Truncate(component.Plain(content.PartLetter(i)+". "+pt.Text), max(10, w-18), "…")
		if i == cur {
			mark = st.Selected.Render("→ ")
			line = st.Selected.Render(line)
		}
		rows = append(rows, mark+line+"  "+st.Status[string(s)].Render(s.Label()))
	}
	first := 0
	if h > 0 && cur >= h {
		first = cur - h + 1
	}
	return strings.Join(rows[first:min(len(rows), first+h)], "\n")
}
