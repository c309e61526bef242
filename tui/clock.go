package tui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"gespreksmap/sessions"
	"gespreksmap/tui/component"
	"gespreksmap/tui/forms"
)

// The agenda's clock. The root tells the core which section is on screen:
// a section's clock runs while one of its stops is shown on the question
// screen (also under the glossary, help or a prompt), and stops on every
// other screen and on quitting. While it runs, one tick a second adds the
// time (the core moves the revision only once a minute, which saves as
// usual) and redraws the header's "nog 12 min". Nothing pops up.

// clockMsg is the agenda clock's tick.
type clockMsg struct{}

// syncClock starts, moves or stops the section clock for what is on
// screen, and keeps one tick a second coming while it runs.
func (a *App) syncClock() tea.Cmd {
	conv := a.c.conv
	if conv == nil || conv.ReadOnly() {
		return nil
	}
	want := a.timedSection()
	if want != conv.TimingSection() {
		if want < 0 {
			conv.LeaveSection(a.c.cfg.Now())
		} else {
			conv.EnterSection(want, a.c.cfg.Now())
		}
	}
	if want < 0 || a.clockPending {
		return nil
	}
	a.clockPending = true
	return tea.Tick(time.Second, func(time.Time) tea.Msg { return clockMsg{} })
}

// timedSection is the section whose stop is on screen, or -1.
func (a *App) timedSection() int {
	if a.screen != screenQuestion || a.pane == nil || a.quitting {
		return -1
	}
	if i := a.pane.Stop(); i >= 0 && i < len(a.c.stops) {
		return a.c.stops[i].SectionIndex
	}
	return -1
}

// tick adds the time of the clock's last second.
func (a *App) tick() {
	a.clockPending = false
	if conv := a.c.conv; conv != nil && conv.TimingSection() >= 0 {
		conv.Tick(a.c.cfg.Now())
	}
}

// stopClock stops the section clock (quitting, closing).
func (a *App) stopClock() {
	if conv := a.c.conv; conv != nil && !conv.ReadOnly() {
		conv.LeaveSection(a.c.cfg.Now())
	}
}

// timebox is the header's word on the time of the section on screen:
// "nog 12 min", or "3 min over" with late set once the planned time is
// up. "" when the section has no plan.
func (a *App) timebox() (text string, late bool) {
	conv := a.c.conv
	si := a.timedSection()
	if conv == nil || si < 0 {
		return "", false
	}
	left, planned := conv.TimeLeft(si, a.c.cfg.Now())
	if !planned {
		return "", false
	}
	if left > 0 {
		return fmt.Sprintf("nog %d min", int((left+time.Minute-1)/time.Minute)), false
	}
	if over := int(-left / time.Minute); over > 0 {
		return fmt.Sprintf("%d min over", over), true
	}
	return "tijd om", true
}

// timeLine is a section's planned and spent minutes, for the overview;
// "" when neither.
func timeLine(conv *sessions.Conversation, si int, now time.Time) string {
	p, spent := conv.Planned(si), sessions.SpentMinutes(conv.Spent(si, now))
	switch {
	case p > 0:
		return fmt.Sprintf("⏱ %d/%d min", spent, p)
	case spent > 0:
		return fmt.Sprintf("⏱ %d min", spent)
	}
	return ""
}

// openPlan asks the minutes planned for section si.
func (a *App) openPlan(si int) tea.Cmd {
	conv := a.c.conv
	if conv == nil || si < 0 || si >= len(a.c.Set.Sections) {
		return nil
	}
	if conv.ReadOnly() {
		return readOnlyFlash()
	}
	minutes := ""
	if p := conv.Planned(si); p > 0 {
		minutes = strconv.Itoa(p)
	}
	f := forms.New("agenda", a.c.St.FormStyles(),
		forms.Text("minutes", "Minuten", &minutes).Placeholder("bijvoorbeeld 20; leeg: geen tijd gepland").Limit(4).Validate(checkMinutes))
	sec := a.c.Set.Sections[si]
	p := newPrompt(a.c, fmt.Sprintf("Tijd voor %d. %s", si+1, sec.Title), "opslaan", f, func(a *App) tea.Cmd {
		n, _ := strconv.Atoi(strings.TrimSpace(minutes))
		a.c.conv.SetPlanned(si, n)
		a.refreshOverview()
		if total := a.c.conv.PlannedTotal(); total > 0 {
			return component.Flash(fmt.Sprintf("Gepland: %d min voor dit onderdeel, %d min in totaal.", n, total))
		}
		return nil
	})
	p.escSaves = true
	p.note = "De kop toont tijdens de vragen van dit onderdeel hoeveel tijd er nog is. Het verslag noemt geplande en bestede minuten."
	return a.showPrompt(p)
}

// checkMinutes accepts empty or a whole number of minutes up to a day.
func checkMinutes(v string) error {
	v = strings.TrimSpace(v)
	if v == "" {
		return nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 || n > sessions.MaxPlanned {
		return fmt.Errorf("geef een aantal minuten tussen 0 en %d", sessions.MaxPlanned)
	}
	return nil
}
