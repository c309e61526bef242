package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/help"
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
	for _, c := range []component.Component{a.start, a.setupC(), a.overviewC(), a.actionsC(), a.priorC()} {
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

func (a *App) priorC() component.Component {
	if a.prior == nil {
		return nil
	}
	return a.prior
}

// View draws the header, the current screen (or overlay) and the footer.
func (a *App) View() string {
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
	var km help.KeyMap = a.current()
	a.foot.SetKeyMap(km)
	foot := a.foot.View()
	fh := strings.Count(foot, "\n") + 1
	if a.overlay != nil {
		return common.FitBlock(a.overlay.View(), w, h-fh) + "\n" + foot
	}
	sc := a.screenComponent()
	head := ""
	if t, ok := sc.(titled); ok {
		head = a.header(t.Title()) + "\n"
	} else {
		head = "\n"
	}
	return head + common.FitBlock(sc.View(), w, h-1-fh) + "\n" + foot
}

// header is the top line of the conversation screens: title left, save state right.
func (a *App) header(left string) string {
	st := a.c.St
	right := a.saveState()
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
