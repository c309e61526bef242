// Package presenter is the calm view of a conversation for the projector:
// the stop the conversation is at, its number and text large in a centred
// block with wide margins, and below it what was recorded there (the status
// in words, the joint answer, the perspectives given at that stop). It shows
// no key hints, no ids and no header chrome: only a quiet line with the
// conversation's title.
//
// Two ways to use it:
//
//   - View is a component (component.Component) that draws one stop of a
//     conversation. The full interface can show it in its own terminal,
//     in place of its screens, when the facilitator's terminal is mirrored:
//
//     v := presenter.New(c)         // c: the interface's *common.Common
//     v.SetSize(width, height)      // the whole window: the view has no footer
//     v.Show(conv, conv.Resume())   // again whenever the stop changes
//     ... v.View()
//
//     Show keeps the conversation by pointer: what changes in it through its
//     methods shows at the next View (a rendering is kept until the
//     conversation's revision, the stop or the size changes). View has no
//     keys of its own: Update ignores every message and the help is empty,
//     so the owner decides which key brings the full interface back.
//
//   - Follower is a whole program (a tea.Model) for a second terminal
//     (gespreksmap --presenter): it shows the stop recorded in a report's
//     "Verder bij vraag" and follows the report on disk. Once a second it
//     looks at the file's size and modification time; when they change, it
//     reads and parses the report off the keystroke path, without taking the
//     report's lock. A report that does not parse for a moment (someone is
//     editing it) leaves the last good view on screen. q, esc or ctrl+c end
//     it.
//
// Everything from the report or the question set passes sessions.Printable
// (one line) or sessions.CleanText (lines) before it is drawn.
package presenter

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/tui/common"
	"gespreksmap/tui/component"
)

// readable is the widest the block of text gets, in cells: lines a room
// can read from the back.
const readable = 72

// View draws one stop of a conversation, calm and large. It implements
// component.Component.
type View struct {
	c    *common.Common
	conv *sessions.Conversation
	stop int
	w, h int

	// cache is the last rendering and what it was made from.
	cache    string
	cacheKey viewKey
}

type viewKey struct {
	conv *sessions.Conversation
	rev  uint64
	stop int
	w, h int
	// The writing round shown (its changes are revisions too, but the
	// key says plainly what the view depends on).
	round sessions.Round
	open  bool
}

// New is an empty view (it shows nothing until Show) of the interface's
// styles.
func New(c *common.Common) *View {
	return &View{c: c, stop: -1, w: c.Width, h: c.Height}
}

// Show draws stop (an index of conv.Stops(); -1 or out of range: no
// question open) of conv from now on.
func (v *View) Show(conv *sessions.Conversation, stop int) {
	v.conv, v.stop = conv, stop
}

// Stop is the index of the stop shown (-1: none).
func (v *View) Stop() int { return v.stop }

// Init does nothing: the view has no work of its own.
func (v *View) Init() tea.Cmd { return nil }

// Update ignores every message: the view has no keys.
func (v *View) Update(tea.Msg) (component.Component, tea.Cmd) { return v, nil }

// SetSize sets the size the view fills: the whole window.
func (v *View) SetSize(w, h int) { v.w, v.h = w, h }

// ShortHelp is empty: the room sees no key hints.
func (v *View) ShortHelp() []key.Binding { return nil }

// FullHelp is empty: the room sees no key hints.
func (v *View) FullHelp() [][]key.Binding { return nil }

// View is exactly the view's height in lines, none wider than its width.
func (v *View) View() string {
	k := viewKey{conv: v.conv, stop: v.stop, w: v.w, h: v.h}
	if v.conv != nil {
		k.rev = v.conv.Revision()
		k.round, k.open = v.conv.CurrentRound()
	}
	if k != v.cacheKey || v.cache == "" {
		v.cache, v.cacheKey = v.render(), k
	}
	return v.cache
}

func (v *View) render() string {
	w, h := v.w, v.h
	if w <= 0 || h <= 0 {
		return ""
	}
	st := v.c.St
	// Margins: a tenth of the width each side, at least two cells; the
	// block no wider than a readable line.
	bw := min(readable, w-2*max(2, w/10))
	if bw < 10 {
		bw = max(1, w)
	}
	pad := strings.Repeat(" ", max(0, (w-bw)/2))

	title := "Gesprek"
	if v.conv != nil && component.Plain(v.conv.Title) != "" {
		title = component.Plain(v.conv.Title)
	}
	top := []string{centre(st.Dim.Render(ansi.Truncate(title, w, "…")), w)}

	if r, ok := v.roundHere(); ok && r.Revealed {
		return v.renderRevealed(top)
	}
	var b blocks
	if v.conv == nil || v.conv.Stop(v.stop).Question == nil {
		b.core = wrap(st.Question, title, bw)
		b.record = []string{"", st.Dim.Render("Er is nu geen vraag open.")}
	} else {
		v.stopBlocks(&b, v.conv.Stop(v.stop), bw)
	}
	body := b.fit(h-len(top)-1, st.Dim.Render("…"))
	// The block sits a little above the middle of what is left.
	free := h - len(top) - len(body)
	lines := append([]string{}, top...)
	for range max(1, free/3) {
		lines = append(lines, "")
	}
	for _, l := range body {
		if l == "" {
			lines = append(lines, "")
		} else {
			lines = append(lines, pad+l)
		}
	}
	return common.FitLines(strings.Join(lines, "\n"), h)
}

// blocks are the parts of a stop's view, from the one that must show to
// the ones that give way first on a small window.
type blocks struct {
	context []string // the question above a sub-point or topic
	core    []string // the number and the text of the stop
	bullets []string // what a sub-point can cover
	record  []string // status, answer, perspectives
}

// fit joins the blocks into at most h lines: first the question above a
// sub-point goes, then the bullets, then the record is cut, marked with
// more.
func (b blocks) fit(h int, more string) []string {
	join := func() []string {
		var out []string
		if len(b.context) > 0 {
			out = append(append(out, b.context...), "")
		}
		out = append(out, b.core...)
		if len(b.bullets) > 0 {
			out = append(out, b.bullets...)
		}
		return append(out, b.record...)
	}
	out := join()
	if len(out) > h {
		b.context = nil
		out = join()
	}
	if len(out) > h {
		b.bullets = nil
		out = join()
	}
	if len(out) > h {
		keep := max(0, h-len(b.core)-1)
		if keep < len(b.record) {
			b.record = append(b.record[:keep:keep], more)
		}
		out = join()
	}
	if len(out) > h {
		out = out[:max(0, h)]
	}
	return out
}

func (v *View) stopBlocks(b *blocks, s content.Stop, bw int) {
	st, conv := v.c.St, v.conv
	q := s.Question
	text := q.Text
	if s.Part != nil {
		text = s.Part.Text
		b.context = common.WrapLines(st.Dim, s.QuestionNumber()+"  "+component.Plain(q.Text), bw, "")
		if len(b.context) > 3 {
			b.context = append(b.context[:2:2], st.Dim.Render(ansi.Truncate(ansi.Strip(b.context[2]), bw-1, "")+"…"))
		}
		for _, bullet := range s.Part.Bullets {
			b.bullets = append(b.bullets, common.WrapLines(st.Dim, "– "+component.Plain(bullet), bw, "  ")...)
		}
	}
	b.core = append([]string{st.Header.Render(component.Plain(s.Number()))}, wrap(st.Question, component.Plain(text), bw)...)
	hidden := map[string]bool{}
	if _, ok := v.roundHere(); ok {
		// A writing round: how many have sent, never what. What was taken
		// over in it is a perspective already; it stays out of sight too
		// until the round is revealed (a revealed round is drawn apart).
		sent, total := conv.RoundProgress()
		b.core = append(b.core, "", st.Title.Render("Schrijfronde"), st.Header.Render(RoundProgress(sent, total)))
		for _, k := range conv.RoundAccepted() {
			hidden[k.Organisation] = true
		}
	}

	status := conv.Status(s)
	rec := []string{"", st.Dim.Render("Status: ") + st.Status[string(status)].Render(status.Label())}
	var facts []string
	if s.Part == nil {
		facts = kindFacts(conv, s)
	}
	answer := strings.TrimSpace(sessions.CleanText(conv.Text(s)))
	if len(facts) > 0 || answer != "" {
		rec = append(rec, "", st.Dim.Render(ansi.Truncate(component.Plain(conv.TextLabel(s)), bw, "…")))
	}
	for _, f := range facts {
		rec = append(rec, wrap(st.App, component.Plain(f), bw)...)
	}
	if answer != "" {
		rec = append(rec, paragraphs(st.App, answer, bw)...)
	}
	shown := 0
	for _, p := range conv.Perspectives(s) {
		if hidden[p.Organisation] {
			continue
		}
		shown++
		rec = append(rec, "", st.Label.Render(ansi.Truncate("Vanuit "+component.Plain(p.Organisation), bw, "…")))
		rec = append(rec, paragraphs(st.App, strings.TrimSpace(sessions.CleanText(p.Text)), bw)...)
	}
	if len(facts) == 0 && answer == "" && shown == 0 {
		rec = append(rec, "", st.Dim.Render("Hier is nog niets vastgelegd."))
	}
	b.record = rec
}

// kindFacts are what a question records beside its text: the choice, the
// partners by state, the counts and their total.
func kindFacts(conv *sessions.Conversation, s content.Stop) []string {
	a, ok := conv.Answers[s.Question.ID]
	if !ok || a == nil {
		return nil
	}
	only := *a
	only.Text, only.Perspectives = "", nil
	return sessions.AnswerLines(conv.Set, s.Question, &only, "")
}

// wrap wraps one line of text to w cells, breaking a word longer than w.
func wrap(style interface{ Render(...string) string }, text string, w int) []string {
	lines := strings.Split(ansi.Wrap(text, w, ""), "\n")
	for i, l := range lines {
		lines[i] = style.Render(strings.TrimRight(l, " "))
	}
	return lines
}

// paragraphs wraps text of several lines, each line on its own.
func paragraphs(style interface{ Render(...string) string }, text string, w int) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if strings.TrimSpace(l) == "" {
			out = append(out, "")
			continue
		}
		// A tab has no width of its own on a terminal: four spaces.
		out = append(out, wrap(style, strings.ReplaceAll(strings.TrimRight(l, " \t"), "\t", "    "), w)...)
	}
	return out
}

// centre puts a line of at most w cells in the middle of w.
func centre(s string, w int) string {
	return strings.Repeat(" ", max(0, (w-ansi.StringWidth(s))/2)) + s
}
