package question

import (
	"time"

	"github.com/charmbracelet/x/ansi"

	"gespreksmap/tui/component"
)

// Waiting is a contribution a participant sent from their own device that
// waits at the stop for the facilitator, as the side panel shows it. The
// root hands the screen the ones at its stop (SetWaiting); taking them
// over, editing or setting them aside is the root's list (F7).
type Waiting struct {
	Organisation string
	At           time.Time
	Text         string
}

// SetWaiting shows the contributions waiting at the stop in the side panel
// (on wide windows; the root's list shows them at every size). The root
// calls it when they change, never on a key.
func (s *Screen) SetWaiting(ws []Waiting) {
	s.side.arrived = ws
	if s.st.Question != nil {
		s.buildSide()
	}
}

// waitingSection is the side panel's block of contributions waiting at the
// stop: organisation and time, then the text as sent. Empty without any.
func (s *Screen) waitingSection(w int) sideSection {
	sec := sideSection{title: "Van deelnemers bij " + s.st.Number() + " (F7: overnemen)", more: "F7"}
	st := s.c.St
	for _, k := range s.side.arrived {
		head := component.Plain(k.Organisation)
		if !k.At.IsZero() {
			head += " · " + k.At.Format("15:04")
		}
		sec.lines = append(sec.lines, st.Label.Render(ansi.Truncate(head, w, "…")))
		sec.lines = append(sec.lines, wrapText(plainStyle, k.Text, w, "  ")...)
	}
	return sec
}

// Refresh shows what the core holds at the stop after a change made beside
// the screen, such as a participant's contribution taken over as a
// perspective: the lists, the side panel and the text of a perspective
// open in its panel. The root records the editors' text (Flush) before it
// makes such a change, so nothing typed is overwritten.
func (s *Screen) Refresh() {
	if s.conv == nil || s.st.Question == nil {
		return
	}
	if p, ok := s.panel.(*perspectivePanel); ok && p.recorded != "" && !p.pending() {
		p.reload()
	}
	s.refreshLists()
	s.layout()
}
