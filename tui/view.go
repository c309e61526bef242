package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"gespreksmap/sessions"
	"gespreksmap/tui/common"
	"gespreksmap/tui/component"
)

// Layout and drawing of the root: one body size for every screen, the
// header line, the footer.

// layout gives every screen and the overlay the size they may draw in.
func (a *App) layout() {
	w, h := a.c.Width, a.c.Height
	a.foot.SetSize(w, max(1, h/2))
	bh := a.bodyHeight()
	for _, c := range []component.Component{a.start, a.setupC(), a.overviewC(), a.actionsC(), a.priorC(), a.closingC()} {
		if c != nil {
			c.SetSize(w, bh)
		}
	}
	if a.pane != nil {
		a.pane.SetSize(w, bh)
	}
	if a.overlay != nil {
		a.overlay.SetSize(w, h-1)
	}
	if a.finder != nil {
		a.finder.SetSize(w, h-1)
	}
	if a.prompt != nil {
		a.prompt.SetSize(w, h-1)
	}
	if a.sheet != nil {
		a.sheet.SetSize(w, bh)
	}
}

// bodyHeight is the height below the header and above a one-line footer:
// the same for every screen.
func (a *App) bodyHeight() int { return max(1, a.c.Height-2) }

// Nil-safe component views of the screens (a nil pointer in an interface
// is not nil).
func (a *App) setupC() component.Component {
	if a.setup == nil {
		return nil
	}
	return a.setup
}

func (a *App) overviewC() component.Component {
	if a.overview == nil {
		return nil
	}
	return a.overview
}

func (a *App) actionsC() component.Component {
	if a.actions == nil {
		return nil
	}
	return a.actions
}

func (a *App) closingC() component.Component {
	if a.closing == nil {
		return nil
	}
	return a.closing
}

func (a *App) priorC() component.Component {
	if a.prior == nil {
		return nil
	}
	return a.prior
}

// View draws the header, the current screen (or overlay) and the footer.
// What reaches the terminal is the frame as drawn, with its colours and
// nothing else: no text from a report, a file name, a lock or a question set
// can slip a sequence of its own through (printableFrame).
func (a *App) View() string { return printableFrame(a.view()) }

// printableFrame keeps the frame's own styling (SGR sequences, ESC [ ... m)
// and passes every other part through sessions.CleanText, so that a
// sequence that came with a string (clear screen, window title, clipboard,
// a bidirectional override) is removed right before the frame is drawn.
// It costs a scan of the frame: as large as the window, not the session.
func printableFrame(frame string) string {
	var b strings.Builder
	b.Grow(len(frame))
	for {
		i := strings.IndexByte(frame, 0x1b)
		if i < 0 {
			b.WriteString(sessions.CleanText(frame))
			return b.String()
		}
		n := sgrLen(frame[i:])
		if n == 0 {
			// Not styling: the text up to the next SGR is cleaned whole, so
			// that a string sequence (OSC, DCS) is removed with its body.
			j := i + 1 + nextSGR(frame[i+1:])
			b.WriteString(sessions.CleanText(frame[:j]))
			frame = frame[j:]
			continue
		}
		b.WriteString(sessions.CleanText(frame[:i]))
		b.WriteString(frame[i : i+n])
		frame = frame[i+n:]
	}
}

// sgrLen is the length of the SGR sequence s starts with, or 0.
func sgrLen(s string) int {
	if len(s) < 3 || s[0] != 0x1b || s[1] != '[' {
		return 0
	}
	for i := 2; i < len(s); i++ {
		switch c := s[i]; {
		case c == 'm':
			return i + 1
		case c >= '0' && c <= '9', c == ';', c == ':':
		default:
			return 0
		}
	}
	return 0
}

// nextSGR is the index of the next SGR sequence in s, or len(s).
func nextSGR(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] == 0x1b && sgrLen(s[i:]) > 0 {
			return i
		}
	}
	return len(s)
}

func (a *App) view() string {
	if a.quitting {
		return ""
	}
	w, h := a.c.Width, a.c.Height
	if w < minWidth || h < minHeight {
		msg := fmt.Sprintf("Het venster is te klein (%d×%d).\nMaak het minstens %d×%d.\nctrl+c stopt (alles is opgeslagen).", w, h, minWidth, minHeight)
		return common.FitBlock(msg, w, h)
	}
	if a.conflict != nil {
		return common.FitBlock(ansi.Wordwrap(a.conflict.view(a), w, ""), w, h)
	}
	if a.mirror != nil && a.c.conv != nil {
		stop := -1
		if a.screen == screenQuestion && a.pane != nil {
			stop = a.pane.Stop()
		}
		a.mirror.SetSize(w, h)
		a.mirror.Show(a.c.conv, stop)
		return a.mirror.View()
	}
	a.foot.SetKeyMap(a.footKeys())
	foot := a.foot.View()
	fh := strings.Count(foot, "\n") + 1
	if a.prompt != nil {
		return common.FitBlock(a.prompt.View(), w, h-fh) + "\n" + foot
	}
	if a.finder != nil {
		return common.FitBlock(a.finder.View(), w, h-fh) + "\n" + foot
	}
	if a.overlay != nil {
		return common.FitBlock(a.overlay.View(), w, h-fh) + "\n" + foot
	}
	if a.sheet != nil {
		body := a.sheet.View()
		if _, typing := a.sheet.(sheetEditor); typing {
			// An editor fits its own block (contributionEditor.View): on
			// every key, measuring its lines again costs more than drawing.
			body = common.FitLines(body, h-1-fh)
		} else {
			body = common.FitBlock(body, w, h-1-fh)
		}
		return a.header(a.sheet.Title()) + "\n" + body + "\n" + foot
	}
	sc := a.screenComponent()
	head := ""
	if t, ok := sc.(titled); ok {
		head = a.header(t.Title()) + "\n"
	} else {
		head = "\n"
	}
	if sc == a.pane && a.pane != nil {
		// The question screen, drawn on every key, keeps to its width
		// itself (tui/question's layout tests hold it to that).
		return head + common.FitLines(sc.View(), h-1-fh) + "\n" + foot
	}
	return head + common.FitBlock(sc.View(), w, h-1-fh) + "\n" + foot
}

// header is the top line of the conversation screens: title left, save state right.
func (a *App) header(left string) string {
	st := a.c.St
	right := a.saveState()
	if tb, late := a.timebox(); tb != "" {
		// Over time only changes the colour: nothing pops up.
		style := st.HeaderDim
		if late {
			style = st.Error
		}
		right = style.Render(tb) + "  " + right
	}
	if b := a.roomBadge(); b != "" {
		right = st.Label.Render(b) + "  " + right
	}
	w := a.c.Width
	left = ansi.Truncate(component.Plain(left), max(0, w-ansi.StringWidth(right)-1), "…")
	gap := max(1, w-ansi.StringWidth(left)-ansi.StringWidth(right))
	return st.Header.Render(left) + strings.Repeat(" ", gap) + right
}

// saveState says how the report stands, for the header.
func (a *App) saveState() string {
	st := a.c.St
	ctl := a.c.ctl
	if ctl == nil || ctl.Path() == "" {
		return ""
	}
	switch ctl.State() {
	case sessions.ReadOnly:
		return st.Error.Render("ALLEEN LEZEN")
	case sessions.SaveFailed, sessions.Conflict:
		return st.Error.Render("NIET OPGESLAGEN")
	case sessions.Unsaved:
		return st.Dim.Render("opslaan…")
	}
	if at := ctl.SavedAt(); !at.IsZero() {
		return st.OK.Render("opgeslagen " + at.Format("15:04:05"))
	}
	return st.OK.Render("opgeslagen")
}
