package question

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/tui/component"
)

// The layout rule at wide sizes: from sideFrom columns on, the body is a
// main column of mainMax columns (text stays at a readable line length)
// and, right of a rule, a side panel with what was said and agreed at the
// stop in full: the perspectives, the action items and, in a yearly
// reflection, last year's status and answer. Below sideFrom there is no
// side panel and the main column is the whole body.
const (
	sideFrom = 160
	mainMax  = 100
	sideGap  = 3 // " │ " between the columns
)

// Columns splits a body w wide into the main column and the side panel
// (0: none). The root's tests read the main column with it.
func Columns(w int) (main, side int) {
	if w < sideFrom {
		return w, 0
	}
	return mainMax, w - mainMax - sideGap
}

// side is the side panel. Its rows are built when the stop, the data shown
// or the size changes (buildSide), never on a key: View only puts them
// beside the main column.
type side struct {
	w    int      // width, 0: no side panel at this size
	rows []string // exactly the body's height, each with the rule before it
	// waiting is the place for contributions waiting from participants:
	// drawn below the rest when it holds lines, nothing while it is empty.
	waiting sideSection
	// arrived are the contributions waiting at the stop (SetWaiting).
	arrived []Waiting
}

// sideSection is one block of the side panel: a title and its lines. When
// the block is cut, its last line says which key shows it all.
type sideSection struct {
	title string
	lines []string
	more  string // the key that shows everything of this block
}

// sideText is the widest the side panel's text runs, however wide the
// panel is: the same readable line length as the main column.
func (s *Screen) sideText() int { return max(10, min(s.side.w, mainMax)) }

// buildSide lays out the side panel for the stop and the size.
func (s *Screen) buildSide() {
	s.side.rows = nil
	if s.side.w <= 0 || s.st.Question == nil || s.conv == nil {
		return
	}
	w := s.sideText()
	secs := []sideSection{s.perspectiveSection(w), s.actionSection(w)}
	if s.lastYear != nil {
		secs = append(secs, s.lastYearSection(w))
	}
	s.side.waiting = s.waitingSection(w)
	if len(s.side.waiting.lines) > 0 {
		secs = append(secs, s.side.waiting)
	}
	lines := fitSections(secs, s.h, s.side.w, s.c.St.Header.Render, s.c.St.Dim.Render)
	rule := s.c.St.Dim.Render("│") + " "
	s.side.rows = make([]string, s.h)
	for i := range s.side.rows {
		s.side.rows[i] = " " + rule
		if i < len(lines) {
			s.side.rows[i] += lines[i]
		}
	}
}

func (s *Screen) perspectiveSection(w int) sideSection {
	st := s.c.St
	sec := sideSection{title: "Perspectieven bij " + s.st.Number(), more: "F2"}
	ps := s.persp.Items()
	if len(ps) == 0 {
		sec.lines = wrapText(st.Dim.Render, "Nog geen. ctrl+o: perspectief toevoegen.", w, "")
	}
	for _, p := range ps {
		sec.lines = append(sec.lines, st.Label.Render(ansi.Truncate(component.Plain(p.Organisation), w, "…")))
		sec.lines = append(sec.lines, wrapText(plainStyle, p.Text, w, "  ")...)
	}
	return sec
}

func (s *Screen) actionSection(w int) sideSection {
	sec := sideSection{title: "Actiepunten bij " + s.st.Number(), more: "F2"}
	items := s.acts.Items()
	if len(items) == 0 {
		sec.lines = wrapText(s.c.St.Dim.Render, "Nog geen. ctrl+r: actiepunt toevoegen.", w, "")
	}
	for _, i := range items {
		row := s.actionRow(i, 0)
		if !strings.HasPrefix(row, "✓ ") {
			row = "• " + row
		}
		sec.lines = append(sec.lines, wrapText(plainStyle, row, w, "  ")...)
	}
	return sec
}

// lastYearSection is last year's status and answer at the stop, whole, and
// last year's action items made here with what became of them.
func (s *Screen) lastYearSection(w int) sideSection {
	st := s.c.St
	prior := s.conv.Prior
	status, _ := prior.Answers[s.st.Question.ID].At(partID(s.st))
	sec := sideSection{title: "Vorig jaar bij " + s.st.Number() + " (" + component.Plain(prior.Date) + ")", more: "ctrl+b"}
	sec.lines = append(sec.lines, st.Label.Render("Status: ")+st.Status[string(status)].Render(status.Label()))
	answer := s.lastYear.StopLines(s.st)
	if len(answer) == 0 {
		sec.lines = append(sec.lines, st.Dim.Render("Geen antwoord."))
	}
	for _, l := range answer {
		sec.lines = append(sec.lines, wrapText(plainStyle, l, w, "  ")...)
	}
	for _, l := range s.priorActionLines() {
		sec.lines = append(sec.lines, wrapText(st.Dim.Render, l, w, "  ")...)
	}
	return sec
}

// partID is the id of the stop's sub-point or topic ("" at a question).
func partID(st content.Stop) string {
	if st.Part == nil {
		return ""
	}
	return st.Part.ID
}

func plainStyle(s ...string) string { return strings.Join(s, "") }

// wrapText wraps text from a file or a person to w cells, made printable
// line by line; the indent of a line is kept and continuation lines get
// indent on top.
func wrapText(style func(...string) string, text string, w int, indent string) []string {
	var out []string
	for _, l := range strings.Split(sessions.CleanText(text), "\n") {
		lead := len(l) - len(strings.TrimLeft(l, " \t"))
		pad := strings.Repeat(" ", min(lead, 8))
		l = component.Plain(l)
		if l == "" {
			out = append(out, "")
			continue
		}
		for j, wl := range strings.Split(ansi.Wordwrap(l, max(1, w-len(pad)), ""), "\n") {
			if j > 0 {
				wl = indent + wl
			}
			out = append(out, style(ansi.Truncate(pad+wl, w, "…")))
		}
	}
	return out
}

// fitSections stacks the sections in h rows, a blank row between them.
// When they do not fit, each gets an equal share of the rows and a section
// that needs less gives the rest to the others; a section cut short ends
// with a line that says which key shows it whole.
func fitSections(secs []sideSection, h, w int, head, dim func(...string) string) []string {
	need := make([]int, len(secs))
	total := len(secs) - 1
	for i, sec := range secs {
		need[i] = 1 + len(sec.lines)
		total += need[i]
	}
	give := need
	if total > h {
		give = shares(need, max(len(secs), h-(len(secs)-1)))
	}
	var out []string
	for i, sec := range secs {
		if i > 0 {
			out = append(out, "")
		}
		n := give[i]
		title := ansi.Truncate(sec.title, w, "…")
		if n >= need[i] {
			out = append(out, head(title))
			out = append(out, sec.lines...)
			continue
		}
		more := "… Niet alles past: " + sec.more + " toont alles."
		if n <= 1 {
			out = append(out, head(ansi.Truncate(title, max(0, w-len(sec.more)-4), "")+" … "+sec.more))
			continue
		}
		out = append(out, head(title))
		out = append(out, sec.lines[:n-2]...)
		out = append(out, dim(ansi.Truncate(more, w, "…")))
	}
	if len(out) > h {
		out = out[:h]
	}
	return out
}

// shares divides rows over blocks that need need[i] rows each: equal
// shares, and what a block does not need goes to the others.
func shares(need []int, rows int) []int {
	give := make([]int, len(need))
	left, open := rows, len(need)
	done := make([]bool, len(need))
	for open > 0 {
		share := left / open
		settled := false
		for i, n := range need {
			if !done[i] && n <= share {
				give[i], done[i], settled = n, true, true
				left -= n
				open--
			}
		}
		if !settled {
			extra := left - share*open
			for i := range need {
				if !done[i] {
					give[i] = share
					if extra > 0 {
						give[i]++
						extra--
					}
				}
			}
			break
		}
	}
	return give
}
