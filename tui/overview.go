package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"gespreksmap/sessions"
	"gespreksmap/tui/common"
	"gespreksmap/tui/component"
)

// overviewScreen shows the sections with their progress; the facilitator
// enters any section in any order, or opens a section (→) into its
// questions, sub-points and topics with their status and opens any of them.
type overviewScreen struct {
	c        *base
	rows     []ovRow
	cursor   int          // index in rows
	offset   int          // first row shown
	expanded map[int]bool // sections opened into their questions
	lastIn   map[int]int  // the stop last shown in each section
	// prior is, in a yearly reflection, last year's tally of each section,
	// counted once per refresh; nil without last year's report.
	prior []sessions.Tally
	keys  overviewKeys
	w, h  int
}

type overviewKeys struct {
	Up, Down, Enter, Section, Expand, Fold   key.Binding
	Actions, Participants, Report, Convenant key.Binding
	Prior, Tips, Glossary, Quit, Back        key.Binding
	Resolve, Minutes, Closing, Print         key.Binding
}

func newOverviewScreen(c *base) *overviewScreen {
	b := component.Bind
	o := &overviewScreen{c: c, keys: overviewKeys{
		Up:           b("↑/k", "omhoog", "up", "k"),
		Down:         b("↓/j", "omlaag", "down", "j"),
		Enter:        b("enter", "openen", "enter"),
		Expand:       b("→", "vragen tonen", "right"),
		Fold:         b("←", "vragen verbergen", "left"),
		Section:      b("1-9", "naar onderdeel", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
		Actions:      b("a", "actiepunten", "a"),
		Participants: b("d", "gegevens en deelnemers", "d"),
		Report:       b("v", "verslag bekijken", "v"),
		Convenant:    b("c", "convenant-concept maken", "c"),
		Prior:        b("p", "actiepunten van vorig jaar", "p"),
		Tips:         b("t", "tips en advies", "t"),
		Glossary:     b("g", "begrippen", "g"),
		Quit:         b("q", "opslaan en stoppen", "q"),
		Back:         b("esc", "overzicht", "esc"),
		Resolve:      b("ctrl+d", "afgehandeld aan/uit", "ctrl+d"),
		Minutes:      b("m", "minuten plannen", "m"),
		Closing:      b("s", "slotronde", "s"),
		Print:        b("e", "afdrukbaar verslag of Word-document", "e"),
	}}
	o.countPrior()
	o.build()
	return o
}

// refresh takes where each section was left.
func (o *overviewScreen) refresh(lastIn map[int]int) {
	o.lastIn = lastIn
	o.countPrior()
	o.build()
}

// countPrior counts last year's statuses per section, with this year's
// set so that the two stand side by side.
func (o *overviewScreen) countPrior() {
	o.prior = nil
	prior := o.c.conv.Prior
	if prior == nil {
		return
	}
	for i := range o.c.Set.Sections {
		o.prior = append(o.prior, sessions.SectionTally(&o.c.Set.Sections[i], prior))
	}
}

// priorLine is last year's counts of section si: "vorig jaar: geregeld 1 ·
// deels 2 · nog niet 4"; "" without last year's report.
func (o *overviewScreen) priorLine(si int) string {
	if si >= len(o.prior) {
		return ""
	}
	var parts []string
	for _, s := range sessions.Statuses {
		if s != sessions.StatusNone {
			parts = append(parts, fmt.Sprintf("%s %d", s.Label(), o.prior[si].Counts[s]))
		}
	}
	return "vorig jaar: " + strings.Join(parts, " · ")
}

func (o *overviewScreen) Init() tea.Cmd { return nil }

func (o *overviewScreen) SetSize(w, h int) { o.w, o.h = w, h }

// Title implements titled.
func (o *overviewScreen) Title() string {
	conv := o.c.conv
	title := conv.Title
	if conv.Region != "" {
		title += " · " + conv.Region
	}
	return "Gespreksmap · " + title
}

func (o *overviewScreen) Update(msg tea.Msg) (component.Component, tea.Cmd) {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return o, nil
	}
	k := o.keys
	n := len(o.rows)
	if n == 0 {
		o.build()
		n = len(o.rows)
	}
	if i := o.parkedHere(); i >= 0 {
		switch {
		case component.Matches(km, k.Enter):
			return o, component.Send(editParkedMsg{i})
		case component.Matches(km, k.Resolve):
			if o.c.readOnly() {
				return o, readOnlyFlash()
			}
			o.c.conv.ResolveParked(i, !o.c.conv.Parked[i].Resolved)
			return o, nil
		case component.Matches(km, k.Expand, k.Fold):
			return o, nil
		}
	}
	switch {
	case component.Matches(km, k.Minutes):
		if o.c.readOnly() {
			return o, readOnlyFlash()
		}
		return o, component.Send(planMsg{o.section()})
	case component.Matches(km, k.Closing):
		return o, component.Navigate(screenClosing)
	case component.Matches(km, k.Print):
		return o, component.Send(printMsg{})
	case component.Matches(km, k.Up):
		o.cursor = (o.cursor - 1 + n) % n
	case component.Matches(km, k.Down):
		o.cursor = (o.cursor + 1) % n
	case component.Matches(km, k.Expand):
		o.expand(true)
	case component.Matches(km, k.Fold):
		o.expand(false)
	case component.Matches(km, k.Section):
		if i := int(km.Runes[0] - '1'); i < len(o.c.Set.Sections) {
			o.toSection(i)
			return o, o.enter()
		}
	case component.Matches(km, k.Enter):
		return o, o.enter()
	case component.Matches(km, k.Glossary):
		return o, component.Send(component.ShowGlossaryMsg{})
	case component.Matches(km, k.Tips):
		return o, component.Send(component.ShowTipsMsg{Section: o.section()})
	case component.Matches(km, k.Actions):
		return o, component.Navigate(screenActions)
	case component.Matches(km, k.Participants):
		return o, component.Navigate(screenSetup)
	case component.Matches(km, k.Report):
		return o, component.Send(showReportMsg{})
	case component.Matches(km, k.Convenant) && o.c.cfg.Convenant != nil:
		return o, component.Send(convenantMsg{})
	case component.Matches(km, k.Prior) && o.c.conv.Reflecting():
		return o, component.Navigate(screenPriorActions)
	case component.Matches(km, k.Quit):
		return o, component.Quit()
	case component.Matches(km, k.Back):
		// One esc too many must not end a live session.
		return o, component.Flash("Dit is het overzicht. Stoppen: q of ctrl+c (alles is opgeslagen).")
	}
	return o, nil
}

// parkedHere is the remark under the cursor, or -1.
func (o *overviewScreen) parkedHere() int {
	if o.cursor < len(o.rows) {
		return o.rows[o.cursor].parked()
	}
	return -1
}

// enter opens the stop of a question row; on a section, the section at
// the stop where it was left, else its first.
func (o *overviewScreen) enter() tea.Cmd {
	if o.cursor < len(o.rows) && o.rows[o.cursor].stop >= 0 {
		return component.OpenStop(o.rows[o.cursor].stop)
	}
	sec := o.section()
	i := o.c.conv.FirstStopOf(sec)
	if j, ok := o.lastIn[sec]; ok && j > 0 {
		i = j
	}
	if i < 0 {
		return nil
	}
	return component.OpenStop(i)
}

func (o *overviewScreen) ShortHelp() []key.Binding {
	k := &o.keys
	k.Convenant.SetEnabled(o.c.cfg.Convenant != nil)
	k.Prior.SetEnabled(o.c.conv != nil && o.c.conv.Reflecting())
	onParked := o.parkedHere() >= 0
	onSection := o.cursor < len(o.rows) && o.rows[o.cursor].stop < 0 && !onParked
	k.Expand.SetEnabled(onSection && !o.expanded[o.section()])
	k.Fold.SetEnabled(!onParked && o.expanded[o.section()])
	k.Resolve.SetEnabled(onParked)
	k.Enter.SetHelp("enter", "openen")
	if onParked {
		k.Enter.SetHelp("enter", "opmerking wijzigen")
	}
	return []key.Binding{k.Enter, k.Resolve, k.Expand, k.Fold, k.Quit, k.Actions, k.Participants, k.Prior, k.Minutes, k.Closing, k.Print, k.Tips, k.Glossary, k.Report, k.Convenant, k.Section}
}

func (o *overviewScreen) FullHelp() [][]key.Binding {
	o.ShortHelp()
	k := o.keys
	return [][]key.Binding{{k.Up, k.Down, k.Enter, k.Resolve, k.Expand, k.Fold, k.Section}, {k.Actions, k.Participants, k.Prior, k.Report, k.Convenant}, {k.Minutes, k.Closing, k.Print, k.Tips, k.Glossary, k.Quit}}
}

func (o *overviewScreen) View() string {
	st := o.c.St
	w := o.w
	s := o.c.conv
	var b strings.Builder
	b.WriteString(st.Dim.Render(ansi.Truncate(component.Plain(fmt.Sprintf("%s · gespreksleider %s · %d deelnemers · verslag: %s", s.Date, orDash(s.Facilitator), len(s.Participants), o.c.path())), w, "…")) + "\n\n")
	total := sessions.SessionTally(o.c.Set, s.Session)
	b.WriteString(st.Title.Render("Onderdelen") + st.Dim.Render(fmt.Sprintf("   %d van %d onderwerpen ingevuld", total.Answered, total.Units)) + "\n\n")
	var tail strings.Builder
	if open := s.OpenActions(); open > 0 || len(s.Actions) > 0 {
		tail.WriteString("\n" + fmt.Sprintf("Actiepunten: %d open, %d klaar", open, len(s.Actions)-open) + "\n")
	}
	if s.Prior != nil {
		tail.WriteString(st.Dim.Render(ansi.Truncate(component.Plain(fmt.Sprintf("Vergeleken met %s (%s) · p: actiepunten van vorig jaar", s.Prior.Date, s.Prior.Title)), w, "…")) + "\n")
	}
	room := o.h - strings.Count(b.String(), "\n") - strings.Count(tail.String(), "\n")
	b.WriteString(o.tree(max(2, room)))
	return b.String() + tail.String()
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

func progressBar(done, total, width int) string {
	if total <= 0 {
		return strings.Repeat("░", width)
	}
	full := done * width / total
	return strings.Repeat("█", full) + strings.Repeat("░", width-full)
}

// tallyLine: how many units stand at each status.
func tallyLine(st common.Styles, t sessions.Tally) string {
	var parts []string
	for _, s := range sessions.Statuses {
		if s == sessions.StatusNone {
			continue
		}
		parts = append(parts, st.Status[string(s)].Render(fmt.Sprintf("%s %d", s.Label(), t.Counts[s])))
	}
	return strings.Join(parts, " · ")
}
