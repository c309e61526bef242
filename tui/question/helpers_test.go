package question

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/tui/common"
	"gespreksmap/tui/component"
)

// fixture is the question screen on an in-memory conversation of the
// built-in set, with two organisations at the table.
type fixture struct {
	t    testing.TB
	conv *sessions.Conversation
	s    *Screen
	// out is every message the screen sent to the root.
	out []tea.Msg
}

func newFixture(t testing.TB, w, h int) *fixture {
	t.Helper()
	set := content.Default()
	sess := sessions.New(set.ID, set.Version)
	conv := sessions.NewConversation(set, sess)
	conv.AddParticipant(sessions.Participant{Name: "Anna", Organisation: "Basisschool De Linde"})
	conv.AddParticipant(sessions.Participant{Name: "Bram", Organisation: "Zorgaanbieder Zon"})
	c := &common.Common{Set: set, St: common.DefaultStyles(common.ThemeDark, true), Keys: common.DefaultKeyMap(), Width: w, Height: h, MD: common.NewMDCache(true), Dark: true,
		Now: func() time.Time { return time.Date(2026, 11, 22, 14, 0, 0, 0, time.UTC) }}
	s := New(c)
	s.SetConversation(conv)
	s.SetSize(w, h)
	return &fixture{t: t, conv: conv, s: s}
}

// at shows the stop numbered n.
func (f *fixture) at(n string) *fixture {
	f.t.Helper()
	i := f.conv.StopByNumber(n)
	if i < 0 {
		f.t.Fatalf("no stop %s", n)
	}
	f.s.Show(i)
	return f
}

// send delivers msg and every message the screen's commands produce for
// the screen itself; messages for the root are kept in f.out.
func (f *fixture) send(msg tea.Msg) {
	_, cmd := f.s.Update(msg)
	f.run(cmd)
}

func (f *fixture) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	switch m := cmd().(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range m {
			f.run(c)
		}
	case component.FlashMsg, component.NavigateMsg, component.ShowHelpMsg, component.ShowGlossaryMsg, component.ShowTipsMsg, component.ShowTextMsg:
		f.out = append(f.out, m)
	default:
		f.send(m)
	}
}

func (f *fixture) keys(ks ...tea.KeyMsg) {
	for _, k := range ks {
		f.send(k)
	}
}

// typeText types text one key at a time, as a person does.
func (f *fixture) typeText(text string) {
	for _, r := range text {
		if r == ' ' {
			f.send(tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}})
			continue
		}
		f.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
}

func (f *fixture) view() string { return ansi.Strip(f.s.View()) }

// flashes is every flash message sent so far.
func (f *fixture) flashes() string {
	var b strings.Builder
	for _, m := range f.out {
		if fm, ok := m.(component.FlashMsg); ok {
			b.WriteString(fm.Text + "\n")
		}
	}
	return b.String()
}

var (
	tab      = tea.KeyMsg{Type: tea.KeyTab}
	shiftTab = tea.KeyMsg{Type: tea.KeyShiftTab}
	enter    = tea.KeyMsg{Type: tea.KeyEnter}
	esc      = tea.KeyMsg{Type: tea.KeyEsc}
	right    = tea.KeyMsg{Type: tea.KeyRight}
	down     = tea.KeyMsg{Type: tea.KeyDown}
	ctrlO    = tea.KeyMsg{Type: tea.KeyCtrlO}
	ctrlR    = tea.KeyMsg{Type: tea.KeyCtrlR}
)

func runes(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }
