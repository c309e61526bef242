package question

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"gespreksmap/sessions"
	"gespreksmap/tui/component"
)

// countsInput is the number of children per group: digits type the
// number, backspace takes one off, ←/→ and +/- step it.
type countsInput struct {
	s       *Screen
	cursor  int
	focused bool
	// wrap: the labels are wrapped, as they all fit (decided by layout).
	wrap bool
	// last is last year's numbers in a yearly reflection, read once when
	// the stop is loaded; nil outside a reflection.
	last *lastYearCounts
	keys struct {
		Up, Down, Digits, Back, Clear, Plus, Minus key.Binding
	}
}

func newCountsInput(s *Screen) *countsInput {
	c := &countsInput{s: s, last: readLastYear(s)}
	b := component.Bind
	c.keys.Up = b("↑", "vorige groep", "up")
	c.keys.Down = b("↓/enter", "volgende groep", "down", "enter")
	c.keys.Digits = b("0-9", "aantal typen", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9")
	c.keys.Back = b("backspace", "cijfer wissen", "backspace")
	c.keys.Clear = b("delete", "leegmaken", "delete")
	c.keys.Plus = b("→/+", "één meer", "right", "+")
	c.keys.Minus = b("←/-", "één minder", "left", "-")
	return c
}

func (c *countsInput) focusable() bool { return true }
func (c *countsInput) startHere() bool { return true }
func (c *countsInput) focus()          { c.focused = true }
func (c *countsInput) blur()           { c.focused = false }

func (c *countsInput) ShortHelp() []key.Binding {
	return []key.Binding{c.keys.Digits, c.keys.Plus, c.keys.Minus, c.keys.Down, c.keys.Back}
}

func (c *countsInput) FullHelp() [][]key.Binding {
	k := c.keys
	return [][]key.Binding{{k.Up, k.Down}, {k.Digits, k.Back, k.Clear, k.Plus, k.Minus}}
}

func (c *countsInput) update(km tea.KeyMsg) (tea.Cmd, int) {
	cats := c.s.st.Question.Categories
	if len(cats) == 0 {
		return nil, 0
	}
	k := c.keys
	switch {
	case component.Matches(km, k.Up):
		if c.cursor == 0 {
			return nil, -1
		}
		c.cursor--
		return nil, 0
	case component.Matches(km, k.Down):
		if c.cursor >= len(cats)-1 {
			return nil, 1
		}
		c.cursor++
		return nil, 0
	}
	conv, st, id := c.s.conv, c.s.st, cats[c.cursor].ID
	cur, has := conv.Count(st, id)
	isDigits := km.Type == tea.KeyRunes && len(km.Runes) > 0 && strings.Trim(string(km.Runes), "0123456789") == ""
	if !isDigits && !component.Matches(km, k.Back, k.Clear, k.Plus, k.Minus) {
		if km.Type == tea.KeyRunes || km.Type == tea.KeySpace {
			return component.Flash("Typ hier alleen cijfers; " + typedHint), 0
		}
		return nil, 0
	}
	if conv.ReadOnly() {
		return readOnly(), 0
	}
	switch {
	case isDigits:
		// Fast typing can bring several digits in one message.
		text := string(km.Runes)
		if has {
			text = strconv.Itoa(cur) + text
		}
		n, err := sessions.ParseCount(text)
		if err != nil {
			return component.FlashError(err.Error()), 0
		}
		if _, err := conv.SetCount(st, id, n); err != nil {
			return component.FlashError(err.Error()), 0
		}
	case component.Matches(km, k.Back):
		if has && cur >= 10 {
			conv.SetCount(st, id, cur/10)
		} else if has {
			conv.ClearCount(st, id)
		}
	case component.Matches(km, k.Clear):
		conv.ClearCount(st, id)
	case component.Matches(km, k.Plus):
		conv.StepCount(st, id, 1)
	case component.Matches(km, k.Minus):
		conv.StepCount(st, id, -1)
	}
	return nil, 0
}

// numberWidth is the width of the column of numbers: four, or as wide as
// the total, so that large numbers keep one column.
func (c *countsInput) numberWidth() int {
	total, _ := c.s.conv.CountTotal(c.s.st)
	return max(4, len(strconv.Itoa(total)))
}

// labelWidth is the room for a label beside the marker and the number.
func (c *countsInput) labelWidth(w int) int {
	return max(10, w-4-c.numberWidth()-2-c.lastWidth(w))
}

// rows is the height with one line per group, or with wrapped labels
// when c.wrap; a label line and the total come with it, and the
// indicative result when the question has norms.
func (c *countsInput) rows(w int) int {
	n := 2 + c.normRows()
	for _, cat := range c.s.st.Question.Categories {
		n += c.labelRows(cat.Label, w)
	}
	return n
}

// normRows is 1 for the line of the indicative result, 0 without norms.
func (c *countsInput) normRows() int {
	if c.s.st.Question.HasNorms() {
		return 1
	}
	return 0
}

// normLine is the indicative result of the numbers typed so far, or the
// norms while none is; the core computes and words both.
func (c *countsInput) normLine() string {
	if in, ok := c.s.conv.Indicative(c.s.st); ok {
		return "  " + in.Line(sessions.Printable)
	}
	return "  " + sessions.NormsLine(c.s.st.Question, sessions.Printable)
}

func (c *countsInput) labelRows(label string, w int) int {
	if !c.wrap {
		return 1
	}
	return strings.Count(ansi.Wordwrap(component.Plain(label), c.labelWidth(w), ""), "\n") + 1
}

// wrappedRows is the height with every label wrapped; 0 when every label
// fits on its line anyway.
func (c *countsInput) wrappedRows(w int) int {
	was := c.wrap
	c.wrap = false
	flat := c.rows(w)
	c.wrap = true
	wrapped := c.rows(w)
	c.wrap = was
	if wrapped == flat {
		return 0
	}
	return wrapped
}

func (c *countsInput) view(w, h int) string {
	st := c.s.c.St
	cats := c.s.st.Question.Categories
	nw, lw := c.numberWidth(), c.labelWidth(w)
	var blocks [][]string
	cut := false
	for i, cat := range cats {
		v := fmt.Sprintf("%*s", nw, "–")
		n, ok := c.s.conv.Count(c.s.st, cat.ID)
		if ok {
			v = fmt.Sprintf("%*d", nw, n)
		}
		label := component.Plain(cat.Label)
		var lines []string
		if c.wrap {
			lines = strings.Split(ansi.Wordwrap(label, lw, ""), "\n")
		} else {
			if ansi.StringWidth(label) > lw {
				cut = true
			}
			lines = []string{ansi.Truncate(label, lw, "…")}
		}
		mark := "  "
		if c.focused && i == c.cursor {
			mark = st.Cursor.Render("▸ ")
			v = st.Selected.Render(v)
		}
		block := []string{mark + v + "  " + c.lastCell(w, i, n, ok) + lines[0]}
		for _, l := range lines[1:] {
			block = append(block, strings.Repeat(" ", 2+nw+2+c.lastWidth(w))+l)
		}
		blocks = append(blocks, block)
	}
	total, filled := c.s.conv.CountTotal(c.s.st)
	sum := fmt.Sprintf("  %*d  %stotaal (%d van %d ingevuld)", nw, total, c.lastCell(w, -1, total, filled > 0), filled, len(cats))
	if cut {
		sum += " · F2: hele tekst"
	}
	// The window of groups keeps the cursor in view.
	room := max(1, h-2-c.normRows())
	first, used := 0, 0
	for i := c.cursor; i >= 0; i-- {
		if used+len(blocks[i]) > room && i != c.cursor {
			first = i + 1
			break
		}
		used += len(blocks[i])
	}
	out := []string{c.s.label(c.s.st.Question.CountsHeading()+":", c.focused)}
	for i := first; i < len(blocks) && len(out)-1+len(blocks[i]) <= room; i++ {
		out = append(out, blocks[i]...)
	}
	out = append(out, st.Label.Render(sum))
	if c.normRows() > 0 {
		out = append(out, st.Label.Render(c.normLine()))
	}
	for i, l := range out {
		out[i] = ansi.Truncate(l, w, "…")
	}
	if len(out) > h {
		out = out[:max(0, h)]
	}
	return strings.Join(out, "\n")
}
