package question

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"gespreksmap/tui/common"
	"gespreksmap/tui/component"
)

// header caches the block above the status: the question, the sub-point or
// topic with its bullets, the help, the terms and last year's answer. It
// does not change while typing, so it is built once per stop and size.
type header struct {
	key    string
	segs   []segment
	hidden bool // part of it is left out at this size anyway (the help)
	fitKey string
	top    string
	// padded is top padded to the main column's width, for the side panel
	// beside it (made for paddedKey).
	padded    []string
	paddedKey string
}

// segment is a run of lines shown whole or, when there is no room, not at
// all; only the question itself is ever cut short.
type segment struct {
	lines []string
	must  bool
}

// moreLine says that the block does not show everything.
const moreLine = "… Niet alles past: F2 toont de hele vraag."

func (s *Screen) segments() []segment {
	key := strconv.Itoa(s.idx) + "/" + strconv.Itoa(s.w) + "/" + strconv.Itoa(s.h)
	if key == s.hdr.key {
		return s.hdr.segs
	}
	st := s.c.St
	w := s.w
	q := s.st.Question
	var segs []segment
	add := func(must bool, lines ...string) { segs = append(segs, segment{lines: lines, must: must}) }
	add(true, common.WrapLines(st.Question, component.Plain(s.st.QuestionNumber()+" "+q.Text), w, "")...)
	hidden := false
	if p := s.st.Part; p != nil {
		add(true, common.WrapLines(st.Title, component.Plain(s.st.Number()+" "+p.Text), w, "")...)
		for _, bl := range p.Bullets {
			add(false, common.WrapLines(st.Dim, "  • "+component.Plain(bl), w, "    ")...)
		}
	}
	if q.Help != "" {
		// A small window keeps its rows for typing; F2 shows the help.
		if s.h >= 22 {
			add(false, common.WrapLines(st.Help, component.Plain(q.Help), w, "")...)
		} else {
			hidden = true
		}
	}
	if len(s.terms) > 0 {
		names := make([]string, len(s.terms))
		for i, t := range s.terms {
			names[i] = component.Plain(t.Term)
		}
		add(false, common.WrapLines(st.Dim, "Begrippen: "+strings.Join(names, ", ")+" (ctrl+g uitleg)", w, "  ")...)
	}
	prior := s.prior
	if s.side.w > 0 {
		prior = "" // the side panel shows it whole
	}
	for _, l := range strings.Split(prior, "\n") {
		// ctrl+b shows last year's answer whole.
		if l != "" {
			add(false, st.Dim.Render(ansi.Truncate(l, w, "…")))
		}
	}
	s.hdr = header{key: key, segs: segs, hidden: hidden}
	return segs
}

// mustRows is the height of what the block never leaves out.
func (s *Screen) mustRows() int {
	n := 0
	for _, sg := range s.segments() {
		if sg.must {
			n += len(sg.lines)
		}
	}
	return n
}

// topRows is the height of the whole block.
func (s *Screen) topRows() int {
	n := 0
	for _, sg := range s.segments() {
		n += len(sg.lines)
	}
	if s.hdr.hidden {
		n++ // the line that says F2 shows the rest
	}
	return n
}

// topBlock is the block fitted to topLimit rows. What does not fit is left
// out from the end, never silently: a last line says that F2 shows the
// whole question.
func (s *Screen) topBlock() string {
	segs := s.segments()
	limit := s.topLimit
	key := s.hdr.key + "/" + strconv.Itoa(limit)
	if key == s.hdr.fitKey {
		return s.hdr.top
	}
	st := s.c.St
	w := s.w
	var all []string
	for _, sg := range segs {
		all = append(all, sg.lines...)
	}
	var out []string
	if len(all) <= limit && !s.hdr.hidden {
		out = all
	} else {
		budget := limit
		if limit >= 2 {
			budget = limit - 1 // the line that says there is more
		}
		for _, sg := range segs {
			if len(out)+len(sg.lines) <= budget {
				out = append(out, sg.lines...)
				continue
			}
			if n := budget - len(out); sg.must && n > 0 {
				out = append(out, sg.lines[:n]...)
				out[len(out)-1] = ansi.Truncate(out[len(out)-1], w-1, "") + "…"
			}
			break
		}
		more := st.Dim.Render(moreLine)
		if ansi.StringWidth(moreLine) > w {
			more = st.Dim.Render("… F2: hele vraag")
		}
		if limit >= 2 || len(out) == 0 {
			out = append(out, more)
		} else {
			last := len(out) - 1
			room := max(0, w-ansi.StringWidth("… F2")-1)
			out[last] = ansi.Truncate(out[last], room, "") + " " + st.Dim.Render("… F2")
		}
	}
	s.hdr.top, s.hdr.fitKey = strings.Join(out, "\n"), key
	return s.hdr.top
}
