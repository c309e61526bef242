package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/tui/component"
	"gespreksmap/tui/forms"
	"gespreksmap/tui/list"
)

// The go-to prompt: from anywhere (ctrl+f, or / where no text is typed)
// a line to type a number ("3.2b") or words, and the questions, sub-points
// and topics that fit; enter opens the one under the cursor.

// stopIndex is the lowercase text of every stop, made once per question
// set, so that filtering on each key compares strings only.
type stopIndex struct {
	set   *content.Set
	texts []string // by stop: number, question text, sub-point or topic text
}

func newStopIndex(set *content.Set, stops []content.Stop) *stopIndex {
	ix := &stopIndex{set: set, texts: make([]string, len(stops))}
	for i, st := range stops {
		t := st.Number() + " " + st.Question.Text
		if st.Part != nil {
			t += " " + st.Part.Text
		}
		ix.texts[i] = strings.ToLower(sessions.CleanLine(t))
	}
	return ix
}

// find lists the stops that fit q: by number (the stop itself first, then
// the stops whose number begins with it), else those whose text holds every
// word of q. An empty q fits every stop.
func (ix *stopIndex) find(conv *sessions.Conversation, stops []content.Stop, q string) []int {
	q = strings.ToLower(strings.TrimSpace(q))
	var out []int
	if q == "" {
		for i := range stops {
			out = append(out, i)
		}
		return out
	}
	if num := strings.Join(strings.Fields(q), ""); num[0] >= '0' && num[0] <= '9' {
		exact := conv.StopByNumber(num)
		if exact >= 0 {
			out = append(out, exact)
		}
		for i, st := range stops {
			if i != exact && strings.HasPrefix(st.Number(), num) {
				out = append(out, i)
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	words := strings.Fields(q)
next:
	for i, t := range ix.texts {
		for _, w := range words {
			if !strings.Contains(t, w) {
				continue next
			}
		}
		out = append(out, i)
	}
	return out
}

// finder is the go-to prompt, drawn over the current screen.
type finder struct {
	c     *base
	ix    *stopIndex
	input textinput.Model
	list  *list.List[int]
	keys  finderKeys
	w, h  int
	// closed: esc or a choice; the root drops the prompt after the key.
	closed bool
}

type finderKeys struct {
	Open, Close key.Binding
}

func newFinder(c *base, ix *stopIndex) *finder {
	in := newFilterInput()
	in.Prompt = "Ga naar: "
	in.Placeholder = "nummer (3.2b) of woorden uit de vraag"
	f := &finder{c: c, ix: ix, input: in, keys: finderKeys{
		Open:  component.Bind("enter", "openen", "enter"),
		Close: component.Bind("esc", "terug", "esc", "ctrl+f"),
	}}
	f.list = list.New("ga-naar", c.St.ListStyles(), f.row).WithEmpty("Geen vraag past; typ minder of een nummer als 3.2b.").Explicit(key.Binding{})
	f.list.Keys.Choose = f.keys.Open
	f.filter()
	return f
}

// filter lists the stops that fit what is typed, the best first.
func (f *finder) filter() {
	f.list.SetItems(f.ix.find(f.c.conv, f.c.stops, f.input.Value()))
	f.list.SetCursor(0)
}

func (f *finder) row(i int, w int) string {
	st := f.c.stops[i]
	text := st.Question.Text
	if st.Part != nil {
		text = st.Part.Text + " — " + st.Question.Text
	}
	status := stopStatus(f.c.conv, st)
	num := st.Number()
	room := max(10, w-ansi.StringWidth(status)-ansi.StringWidth(num)-4)
	text = ansi.Truncate(component.Plain(text), room, "…")
	return num + "  " + text + strings.Repeat(" ", max(0, room-ansi.StringWidth(text))) + "  " + status
}

func (f *finder) Init() tea.Cmd { return nil }

func (f *finder) SetSize(w, h int) {
	f.w, f.h = w, h
	f.input.Width = max(10, w-ansi.StringWidth(f.input.Prompt)-2)
	f.list.SetSize(w, max(1, h-4))
}

// Update types in the prompt; the arrows move over what fits, enter opens
// it, esc closes.
func (f *finder) Update(msg tea.Msg) (component.Component, tea.Cmd) {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return f, nil
	}
	l := f.list
	switch {
	case component.Matches(km, f.keys.Close):
		f.closed = true
		return f, nil
	case component.Matches(km, f.keys.Open):
		if i, _, ok := l.Selected(); ok {
			f.closed = true
			return f, component.OpenStop(i)
		}
		return f, nil
	case component.Matches(km, l.Keys.Up, l.Keys.Down, l.Keys.PageUp, l.Keys.PageDown):
		l.Update(km)
		return f, nil
	}
	if km.Type == tea.KeyRunes {
		km.Runes = []rune(sessions.CleanLine(string(km.Runes)))
	}
	before := f.input.Value()
	f.input, _ = f.input.Update(forms.SafeKey(f.input, km))
	if f.input.Value() != before {
		f.filter()
	}
	return f, nil
}

func (f *finder) View() string {
	st := f.c.St
	head := st.Header.Render("Ga naar een vraag, onderdeel of onderwerp")
	return head + "\n\n" + f.input.View() + "\n\n" + f.list.View()
}

func (f *finder) ShortHelp() []key.Binding {
	_, _, ok := f.list.Selected()
	f.keys.Open.SetEnabled(ok)
	return []key.Binding{f.keys.Open, f.keys.Close, f.list.Keys.Down, f.list.Keys.Up}
}

func (f *finder) FullHelp() [][]key.Binding { return [][]key.Binding{f.ShortHelp()} }

// stopStatus says in a few words how far the conversation got at a stop.
func stopStatus(conv *sessions.Conversation, st content.Stop) string {
	part := ""
	if st.Part != nil {
		part = st.Part.ID
	}
	return sessions.Summary(st.Question, conv.Answers[st.Question.ID], part)
}

// openFinder opens the go-to prompt over the current screen.
func (a *App) openFinder() tea.Cmd {
	if a.c.conv == nil {
		return nil
	}
	if a.c.search == nil || a.c.search.set != a.c.Set {
		a.c.search = newStopIndex(a.c.Set, a.c.stops)
	}
	a.overlay = nil
	a.finder = newFinder(a.c, a.c.search)
	a.finder.SetSize(a.c.Width, a.c.Height-1)
	return nil
}
