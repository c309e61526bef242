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

// actionsScreen lists every action item of the conversation: what, who, by
// when, and at which question it was made.
type actionsScreen struct {
	c       *base
	cursor  int
	confirm bool
	edit    *actionModal
	editQ   *questionScreen // gives the modal its question context
}

func newActionsScreen(c *base) *actionsScreen {
	return &actionsScreen{c: c}
}

func (s *actionsScreen) update(a *App, msg tea.Msg) tea.Cmd {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil
	}
	k := a.c.Keys
	acts := a.sess.Actions
	if s.edit != nil {
		closed, cmd := s.edit.update(s.editQ, km)
		if closed {
			s.edit.sync(s.editQ)
			s.edit = nil
			return tea.Batch(cmd, a.changed(), a.saveCmd())
		}
		return cmd
	}
	if a.saver.readOnly() && (key.Matches(km, k.New, k.Toggle, k.Delete, k.Enter)) {
		a.flash = "Alleen lezen: dit verslag wordt hier niet gewijzigd."
		return nil
	}
	switch {
	case key.Matches(km, k.Back), key.Matches(km, k.QuitLetter):
		return a.goTo(screenOverview)
	case key.Matches(km, k.Up):
		s.cursor = max(0, s.cursor-1)
	case key.Matches(km, k.Down):
		s.cursor = min(len(acts), s.cursor+1)
	case key.Matches(km, k.HelpLetter):
		a.openHelp()
	case key.Matches(km, k.New), key.Matches(km, k.Enter):
		at := -1
		if km.Type == tea.KeyEnter && s.cursor < len(acts) {
			at = s.cursor
		}
		s.openEdit(a, at)
	case key.Matches(km, k.Toggle) && s.cursor < len(acts):
		acts[s.cursor].Done = !acts[s.cursor].Done
		return a.changed()
	case key.Matches(km, k.Delete) && s.cursor < len(acts):
		if !s.confirm {
			s.confirm = true
			a.flash = "Nogmaals x om dit actiepunt te verwijderen."
			return nil
		}
		a.sess.Actions = append(acts[:s.cursor], acts[s.cursor+1:]...)
		s.confirm = false
		return a.changed()
	}
	s.confirm = false
	return nil
}

// openEdit edits an action item in the same form as on the question screen;
// a new item here belongs to no question ("algemeen").
func (s *actionsScreen) openEdit(a *App, at int) {
	q := newQuestionScreen(a.c, a)
	st := stop{PartIndex: -1}
	if at >= 0 {
		if i := a.stopIndex(a.sess.Actions[at].QuestionID); i >= 0 {
			st = a.c.stops[i]
		}
	}
	if st.Question == nil {
		st.Question = &generalQuestion
		st.Section = &generalSection
	}
	q.cur = st
	s.editQ = q
	s.edit = newActionModal(q, at)
}

func (s *actionsScreen) view(a *App) string {
	if s.edit != nil {
		return common.FitBlock(s.edit.view(s.editQ, a.c.Width, a.c.Height-1), a.c.Width, a.c.Height-1) + "\n" + a.footer(a.c.Keys.Tab, key.NewBinding(key.WithHelp("enter/esc", "opslaan en terug")))
	}
	st := a.c.St
	w := a.c.Width
	var b strings.Builder
	b.WriteString(a.header("Actiepunten") + "\n\n")
	acts := a.sess.Actions
	room := max(3, a.c.Height-6)
	first := 0
	if s.cursor >= room {
		first = s.cursor - room + 1
	}
	for i := first; i <= len(acts) && i < first+room; i++ {
		var text string
		if i == len(acts) {
			text = "+ nieuw actiepunt"
		} else {
			ai := acts[i]
			box := "[ ]"
			if ai.Done {
				box = "[x]"
			}
			where := "algemeen"
			if ai.QuestionID != "" {
				where = sessions.QuestionNumber(a.c.Set, ai.QuestionID)
				if where == "" {
					where = ai.QuestionID
				}
			}
			text = fmt.Sprintf("%s %s — %s, %s (bij %s)", box, ai.What, orDash(ai.Who), orDash(ai.When), where)
		}
		text = ansi.Truncate(text, w-2, "…")
		if i == s.cursor {
			b.WriteString(st.Cursor.Render("▸ ") + st.Selected.Render(text) + "\n")
		} else {
			b.WriteString("  " + text + "\n")
		}
	}
	k := a.c.Keys
	return common.FitBlock(b.String(), w, a.c.Height-1) + "\n" + a.footer(k.Enter, k.New, k.Toggle, k.Delete, k.Back)
}
