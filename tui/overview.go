package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"gespreksmap/sessions"
	"gespreksmap/tui/common"
)

// overviewScreen shows the sections with their progress; the facilitator
// enters any section in any order.
type overviewScreen struct {
	c      *base
	cursor int
}

func newOverviewScreen(c *base) *overviewScreen { return &overviewScreen{c: c} }

func (o *overviewScreen) update(a *App, msg tea.Msg) tea.Cmd {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil
	}
	k := a.c.Keys
	n := len(a.c.Set.Sections)
	switch {
	case key.Matches(km, k.Up):
		o.cursor = (o.cursor - 1 + n) % n
	case key.Matches(km, k.Down):
		o.cursor = (o.cursor + 1) % n
	case len(km.Runes) == 1 && km.Runes[0] >= '1' && km.Runes[0] <= '9':
		i := int(km.Runes[0] - '1')
		if i < n {
			o.cursor = i
			return o.enter(a)
		}
	case key.Matches(km, k.Enter):
		return o.enter(a)
	case key.Matches(km, k.HelpLetter):
		a.openHelp()
	case key.Matches(km, k.GlossaryLetter):
		return a.openGlossary()
	case key.Matches(km, k.TipsLetter):
		return a.openTips(&a.c.Set.Sections[o.cursor])
	case key.Matches(km, k.Actions):
		return a.goTo(screenActions)
	case key.Matches(km, k.Participants):
		a.setup = newSetupScreen(a.c, a.sess, nil)
		a.screen = screenSetup
	case key.Matches(km, k.Report):
		return a.openReportView()
	case key.Matches(km, k.Convenant):
		return a.makeConvenant()
	case km.String() == "p" && a.sess.Prior != nil:
		a.prior = newPriorScreen(a.c)
		a.screen = screenPriorActions
	case key.Matches(km, k.QuitLetter):
		return a.quit()
	case key.Matches(km, k.Back):
		// One esc too many must not end a live session.
		a.flash = "Dit is het overzicht. Stoppen: q of ctrl+c (alles is opgeslagen)."
	}
	return nil
}

// enter opens the section at the question where it was left, else its first.
func (o *overviewScreen) enter(a *App) tea.Cmd {
	i := firstStopOf(a.c.stops, o.cursor)
	if a.question != nil && a.question.lastIn[o.cursor] > 0 {
		i = a.question.lastIn[o.cursor]
	}
	return a.openQuestion(i)
}

func (o *overviewScreen) view(a *App) string {
	st := a.c.St
	w := a.c.Width
	s := a.sess
	var b strings.Builder
	title := s.Title
	if s.Region != "" {
		title += " · " + s.Region
	}
	b.WriteString(a.header("Gespreksmap · "+title) + "\n")
	b.WriteString(st.Dim.Render(ansi.Truncate(fmt.Sprintf("%s · gespreksleider %s · %d deelnemers · verslag: %s", s.Date, orDash(s.Facilitator), len(s.Participants), a.saver.path()), w, "…")) + "\n\n")
	total := sessions.SessionTally(a.c.Set, s)
	b.WriteString(st.Title.Render("Onderdelen") + st.Dim.Render(fmt.Sprintf("   %d van %d onderwerpen ingevuld", total.Answered, total.Units)) + "\n\n")
	for i := range a.c.Set.Sections {
		sec := &a.c.Set.Sections[i]
		t := sessions.SectionTally(sec, s)
		marker := "  "
		name := fmt.Sprintf("%d. %s", i+1, sec.Title)
		if i == o.cursor {
			marker = st.Cursor.Render("▸ ")
			name = st.Selected.Render(name)
		}
		b.WriteString(marker + name + "\n")
		b.WriteString("     " + progressBar(t.Answered, t.Units, 12) + " " + fmt.Sprintf("%d/%d", t.Answered, t.Units) + "  " + tallyLine(st, t) + "\n")
	}
	if open := openActions(s); open > 0 || len(s.Actions) > 0 {
		b.WriteString("\n" + fmt.Sprintf("Actiepunten: %d open, %d klaar", open, len(s.Actions)-open) + "\n")
	}
	if s.Prior != nil {
		b.WriteString(st.Dim.Render(fmt.Sprintf("Vergeleken met %s (%s) · p: actiepunten van vorig jaar", s.Prior.Date, s.Prior.Title)) + "\n")
	}
	if a.overview != nil && a.flash == "" && s.Current != "" {
		if sec, q := a.c.Set.Question(s.Current); sec != nil {
			b.WriteString(st.Dim.Render(ansi.Truncate("Laatst bij: "+sessions.QuestionNumber(a.c.Set, q.ID)+" "+q.Text, w, "…")) + "\n")
		}
	}
	k := a.c.Keys
	body := common.FitBlock(b.String(), w, a.c.Height-1)
	return body + "\n" + a.footer(k.Enter, k.HelpLetter, k.QuitLetter, k.Actions, k.Participants, k.TipsLetter, k.GlossaryLetter, k.Report, k.Convenant)
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

func openActions(s *sessions.Session) int {
	n := 0
	for _, ai := range s.Actions {
		if !ai.Done {
			n++
		}
	}
	return n
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
