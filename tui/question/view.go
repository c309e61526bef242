package question

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/x/ansi"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/tui/common"
	"gespreksmap/tui/component"
)

// layout gives the editor the room left over by everything else.
func (s *Screen) layout() {
	if s.st.Question == nil {
		return
	}
	w, h := s.w, s.h
	if s.panel != nil {
		s.panel.setSize(w, h)
		return
	}
	s.persp.SetSize(w-2, s.listRows(fPersp)-1)
	s.acts.SetSize(w-2, s.listRows(fActions)-1)
	top := s.topRows()
	label := strings.Count(s.textHeading(), "\n") + 1
	// blank line and status, the text's label, perspectives, actions
	fixed := 2 + label + s.listRows(fPersp) + s.listRows(fActions)
	// The editor is where people type: it keeps at least three rows. When
	// the body is short, lists scroll in a smaller window first, then the
	// explanation above the question gives way, saying that it does.
	room := h - fixed - 3
	short := min(top, s.mustRows()+1)
	kind := 0
	listFirst := false
	if s.in != nil {
		kind = s.in.rows(w)
		switch s.st.Question.Kind {
		case content.KindCounts, content.KindPartners:
			// What these questions ask to fill in stays whole (the counts'
			// labels wrapped, when that fits); the explanation gives way.
			listFirst = true
		}
		if c, ok := s.in.(*countsInput); ok {
			c.wrap = false
			kind = c.rows(w)
			if wrapped := c.wrappedRows(w); wrapped > 0 && short+wrapped <= room {
				c.wrap, kind = true, wrapped
			}
		}
		if !listFirst {
			kind = min(kind, max(2, h/3))
		}
	}
	if listFirst && top+kind > room {
		top = max(short, room-kind)
	}
	if top+kind > room {
		kind = max(min(kind, 3), room-top)
	}
	if top+kind > room {
		top = max(2, room-kind)
	}
	s.topLimit, s.kindLimit = top, kind
	// The block may come out shorter than its limit (a part too long to
	// fit is left out whole): the editor gets those rows.
	top = strings.Count(s.topBlock(), "\n") + 1
	s.ed.SetSize(max(10, w-2), max(1, h-fixed-top-kind))
}

// listRows is the height of the perspectives or actions: one summary line
// without focus, the label and a window of rows with it.
func (s *Screen) listRows(f fieldID) int {
	if s.focused() != f {
		return 1
	}
	l := lister(s.persp)
	if f == fActions {
		l = s.acts
	}
	return 1 + min(l.Rows(), 4) + confirmRows(l)
}

func confirmRows(l lister) int {
	if l.Confirming() {
		return 1
	}
	return 0
}

// View draws the body: exactly the size given, no line wider.
func (s *Screen) View() string {
	if s.st.Question == nil {
		return common.FitBlock("", s.w, s.h)
	}
	if s.panel != nil {
		main := common.FitBlock(s.panel.view(s.w, s.h), s.w, s.h)
		if s.sideShown() {
			return s.beside(nil, strings.Split(main, "\n"), "", "")
		}
		return main
	}
	st := s.c.St
	w, h := s.w, s.h
	var head strings.Builder
	head.WriteString(s.statusLine() + "\n")
	if s.in != nil && s.kindLimit > 0 {
		head.WriteString(s.in.view(w, s.kindLimit) + "\n")
	}
	head.WriteString(s.textHeading())
	tail := s.itemsView(fPersp) + "\n" + s.itemsView(fActions)
	bar := st.Dim.Render("│ ")
	if s.focused() == fText {
		bar = st.Cursor.Render("│ ")
	}
	if s.sideShown() {
		return s.beside(s.paddedTop(), strings.Split("\n"+head.String(), "\n"), bar, tail)
	}
	// The editor's rows are exactly as wide as it was sized, so they go in
	// as they are; only the lines around them are measured and cut. (This
	// runs on every key.)
	hs := s.topBlock() + "\n\n" + head.String()
	lines := strings.Split(common.FitBlock(hs, w, strings.Count(hs, "\n")+1), "\n")
	for _, l := range strings.Split(s.ed.View(), "\n") {
		lines = append(lines, bar+l)
	}
	lines = append(lines, strings.Split(common.FitBlock(tail, w, strings.Count(tail, "\n")+1), "\n")...)
	if len(lines) > h {
		return common.FitBlock(strings.Join(lines, "\n"), w, h)
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// sideShown says that the side panel stands beside the main column.
func (s *Screen) sideShown() bool { return len(s.side.rows) == s.h }

// beside draws the body with the side panel: the block above the question
// (top, kept padded to the column's width), the lines of head, the editor
// (when bar is set; its rows are as wide as the column already) and the
// lines of tail, each padded to the main column's width, cut to the body's
// height, and the side panel's row after each. Every line is measured once
// at most: this runs on every key.
func (s *Screen) beside(top, head []string, bar, tail string) string {
	w, h := s.w, s.h
	var b strings.Builder
	b.Grow(h * (s.bodyW + 32))
	row := 0
	put := func(l string, measure bool) {
		if row >= h {
			return
		}
		if row > 0 {
			b.WriteByte('\n')
		}
		if measure {
			l = fitPad(l, w)
		}
		b.WriteString(l)
		b.WriteString(s.side.rows[row])
		row++
	}
	for _, l := range top {
		put(l, false)
	}
	for _, l := range head {
		put(l, true)
	}
	if bar != "" {
		for _, l := range strings.Split(s.ed.View(), "\n") {
			put(bar+l, false)
		}
		for _, l := range strings.Split(tail, "\n") {
			put(l, true)
		}
	}
	for row < h {
		put("", true)
	}
	return b.String()
}

// paddedTop is the block above the question, each line padded to the main
// column's width; kept with the block.
func (s *Screen) paddedTop() []string {
	top := s.topBlock()
	if s.hdr.paddedKey == s.hdr.fitKey && s.hdr.padded != nil {
		return s.hdr.padded
	}
	lines := strings.Split(top, "\n")
	for i, l := range lines {
		lines[i] = fitPad(l, s.w)
	}
	s.hdr.padded, s.hdr.paddedKey = lines, s.hdr.fitKey
	return lines
}

// fitPad cuts l to w cells when it is wider and pads it to w.
func fitPad(l string, w int) string {
	n := ansi.StringWidth(l)
	if n > w {
		l = ansi.Truncate(l, w, "")
		n = ansi.StringWidth(l)
	}
	return l + strings.Repeat(" ", max(0, w-n))
}

func (s *Screen) statusLine() string {
	st := s.c.St
	cur := s.conv.Status(s.st)
	// The line changes only with the status, the focus and the width; it
	// is drawn on every key, so it is kept.
	key := string(cur) + "/" + strconv.FormatBool(s.focused() == fStatus) + "/" + strconv.Itoa(s.w)
	if key == s.statusKey {
		return s.statusText
	}
	defer func() { s.statusKey = key }()
	var parts []string
	for _, x := range sessions.Statuses {
		// Brackets mark the chosen status, so it shows without colour too.
		if x == cur {
			parts = append(parts, st.Status[string(x)].Reverse(true).Render("["+x.Label()+"]"))
		} else {
			parts = append(parts, st.Dim.Render(" "+x.Label()+" "))
		}
	}
	line := strings.Join(parts, " ")
	if s.w >= 100 {
		line += st.Dim.Render("   (alt+1…5)")
	}
	s.statusText = ansi.Truncate(s.label("Status:", s.focused() == fStatus)+" "+line, s.w, "…")
	return s.statusText
}

// movedNote is shown beside the text's label while the text stands under
// another follow-up question than the one it was typed under, until it is
// edited.
func (s *Screen) movedNote() string {
	typedAt, moved := s.conv.MovedText(s.st)
	if !moved || s.ed.Version() != s.edSynced {
		return ""
	}
	at := "zonder keuze"
	if typedAt != "" {
		at = "bij " + component.Plain(typedAt)
	}
	return "(getypt " + at + ": past de tekst hier?)"
}

// textHeading is the label above the editor, wrapped rather than cut: for a
// choice or the counts it is a question in its own right, to be read whole.
func (s *Screen) textHeading() string {
	st := s.c.St
	focused := s.focused() == fText
	w := max(10, s.w-4)
	plain := strings.Split(ansi.Wordwrap(component.Plain(s.conv.TextLabel(s.st)), w, ""), "\n")
	lines := make([]string, len(plain))
	for i, l := range plain {
		lines[i] = s.label(l, focused)
		if i > 0 {
			if !focused {
				lines[i] = "  " + st.Label.Render(l)
			} else {
				lines[i] = "  " + st.Focused.Reverse(true).Render(" "+l+" ")
			}
		}
	}
	if note := s.movedNote(); note != "" {
		styled := st.Status["deels"].Render(note)
		if last := len(plain) - 1; ansi.StringWidth(plain[last])+6+ansi.StringWidth(note) <= s.w {
			lines[last] += "  " + styled
		} else {
			lines = append(lines, "  "+styled)
		}
	}
	return strings.Join(lines, "\n")
}

// itemsView is the perspectives or the action items at the stop: a summary
// line without focus, the list with it.
func (s *Screen) itemsView(f fieldID) string {
	st := s.c.St
	title := "Perspectieven"
	var names []string
	var l lister = s.persp
	if f == fPersp {
		names = perspectiveNames(s.persp.Items())
	} else {
		title, l = "Actiepunten", s.acts
		for _, i := range s.acts.Items() {
			names = append(names, s.actionRow(i, 0))
		}
	}
	head := fmt.Sprintf("%s (%d)", title, len(names))
	if s.focused() != f {
		if len(names) > 0 {
			head += ": " + strings.Join(names, " · ")
		}
		return "  " + st.Dim.Render(ansi.Truncate(component.Plain(head), s.w-2, "…"))
	}
	return s.label(head, true) + "\n" + indent(l.View(), "  ")
}

func indent(text, pad string) string {
	if text == "" {
		return ""
	}
	return pad + strings.ReplaceAll(text, "\n", "\n"+pad)
}

// fieldHelp is the focused field's most important keys.
func (s *Screen) fieldHelp() []key.Binding {
	k := s.keys
	switch s.focused() {
	case fStatus:
		return []key.Binding{k.statusCycle, k.statusDigits, k.fieldDown}
	case fInput:
		return s.in.ShortHelp()
	case fPersp:
		return s.persp.ShortHelp()
	case fActions:
		return append(s.acts.ShortHelp(), k.toggleDoneList)
	}
	return nil
}

// fieldFullHelp is every key of the focused field.
func (s *Screen) fieldFullHelp() [][]key.Binding {
	k := s.keys
	switch s.focused() {
	case fStatus:
		return [][]key.Binding{{k.statusCycle, k.statusDigits, k.fieldDown}}
	case fInput:
		return s.in.FullHelp()
	case fText:
		return s.ed.KeyMap.FullHelp()
	case fPersp:
		return s.persp.FullHelp()
	case fActions:
		return append(s.acts.FullHelp(), []key.Binding{k.toggleDoneList})
	}
	return nil
}
