package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/sessions/report"
	"gespreksmap/tui/common"
	"gespreksmap/tui/component"
)

// overlay is the one overlay component: a full-window panel over the
// current screen with key help, the glossary, a section's tips and advice,
// the report as it reads, or any text a screen asks for. esc closes it and
// returns exactly where one was.
type overlay struct {
	c     *base
	title string
	// layout, when set, lays plain text out for a width (instead of
	// markdown rendered by glamour).
	layout func(width int) string
	name   string // cache name of the markdown page ("" for plain text)
	text   string // markdown source, or plain text when name == ""
	vp     viewport.Model
	ready  bool
	closed bool
	keys   overlayKeys
	// filter, when set, is a line to type in above the text (the
	// glossary): letters are text there, only arrows and pages scroll, and
	// the text is laid out again for what is typed.
	filter *textinput.Model
	// back is the overlay shown again when this one closes (help opened
	// from the glossary).
	back *overlay
}

type overlayKeys struct {
	Up, Down, PageUp, PageDown, Back key.Binding
	// Toggles: the key that opened a panel closes it again.
	Toggles key.Binding
}

func newOverlayKeys() overlayKeys {
	b := component.Bind
	return overlayKeys{
		Up:       b("↑", "omhoog", "up", "k"),
		Down:     b("↓", "omlaag", "down", "j"),
		PageUp:   b("pgup", "bladzijde terug", "pgup", "b"),
		PageDown: b("pgdn", "bladzijde verder", "pgdown", " ", "f"),
		Back:     b("esc", "terug", "esc", "q"),
		Toggles:  b("F1", "sluiten", "f1", "ctrl+g", "ctrl+t", "f2", "ctrl+b", "?"),
	}
}

func newOverlay(c *base, title, name, text string) *overlay {
	o := &overlay{c: c, title: title, name: name, text: text, keys: newOverlayKeys()}
	o.keys.Toggles.SetEnabled(false)
	o.vp = viewport.New(c.Width, max(1, c.Height-2))
	o.vp.MouseWheelEnabled = true
	o.refresh(c)
	return o
}

// refresh fills the viewport from the cache (or the plain text).
func (o *overlay) refresh(c *base) {
	switch {
	case o.layout != nil:
		o.vp.SetContent(o.layout(o.vp.Width))
		o.ready = true
	case o.name == "":
		o.vp.SetContent(o.text)
		o.ready = true
	default:
		if out, ok := c.MD.Get(o.name, o.vp.Width); ok {
			o.vp.SetContent(out)
			o.ready = true
			return
		}
		o.vp.SetContent("  Bezig met opmaken…")
		o.ready = false
	}
}

// Init asks for the rendering this overlay needs at the current width.
func (o *overlay) Init() tea.Cmd {
	if o.name == "" {
		return nil
	}
	return o.c.MD.Request(o.name, o.text, o.vp.Width)
}

// SetSize implements component.Component: a title line and the text.
func (o *overlay) SetSize(w, h int) {
	o.vp.Width, o.vp.Height = w, max(1, h-1)
	if o.filter != nil {
		o.vp.Height = max(1, h-3)
		o.filter.Width = max(10, w-ansi.StringWidth(o.filter.Prompt)-2)
	}
	o.refresh(o.c)
}

// Update scrolls; esc (or the key that opened it) closes.
func (o *overlay) Update(msg tea.Msg) (component.Component, tea.Cmd) {
	if km, ok := msg.(tea.KeyMsg); ok && o.filter != nil {
		return o, o.filterKey(km)
	}
	if km, ok := msg.(tea.KeyMsg); ok && component.Matches(km, o.keys.Back, o.keys.Toggles) {
		o.closed = true
		return o, component.CloseOverlay()
	}
	var cmd tea.Cmd
	o.vp, cmd = o.vp.Update(msg)
	return o, cmd
}

// View implements component.Component.
func (o *overlay) View() string {
	head := o.c.St.Header.Render(ansi.Truncate(o.title, o.vp.Width, "…"))
	if o.vp.TotalLineCount() > o.vp.Height {
		head += o.c.St.Dim.Render(fmt.Sprintf("  %d%%", int(o.vp.ScrollPercent()*100)))
	}
	if o.filter != nil {
		head += "\n\n" + o.filter.View()
	}
	return head + "\n" + o.vp.View()
}

// ShortHelp implements help.KeyMap.
func (o *overlay) ShortHelp() []key.Binding {
	if o.filter != nil {
		return o.filterHelp()
	}
	scroll := o.vp.TotalLineCount() > o.vp.Height
	o.keys.Up.SetEnabled(scroll)
	o.keys.Down.SetEnabled(scroll)
	o.keys.PageUp.SetEnabled(scroll)
	o.keys.PageDown.SetEnabled(scroll)
	return []key.Binding{o.keys.Back, o.keys.Down, o.keys.Up, o.keys.PageDown, o.keys.PageUp}
}

// FullHelp implements help.KeyMap.
func (o *overlay) FullHelp() [][]key.Binding { return [][]key.Binding{o.ShortHelp()} }

// showOverlay opens o over the current screen.
func (a *App) showOverlay(o *overlay) tea.Cmd {
	a.overlay = o
	o.SetSize(a.c.Width, a.c.Height-1)
	return o.Init()
}

// openHelp shows every key of the current screen that works now, and the
// keys that work everywhere.
func (a *App) openHelp() {
	var km help.KeyMap = a.screenComponent()
	if a.sheet != nil {
		km = a.sheet
	}
	var back *overlay
	if a.overlay != nil && a.overlay.filter != nil {
		// F1 in the glossary: its keys, and esc goes back to it.
		km, back = a.overlay, a.overlay
	}
	st := a.c.St
	text := func(width int) string {
		line := func(b key.Binding) string {
			h := b.Help()
			pad := strings.Repeat(" ", max(1, 16-ansi.StringWidth(h.Key)))
			return "  " + st.Key.Render(h.Key) + pad + h.Desc
		}
		var b strings.Builder
		section := func(title string, bs ...key.Binding) {
			b.WriteString("\n" + st.Title.Render(title) + "\n")
			for _, x := range bs {
				if x.Enabled() && x.Help().Key != "" {
					b.WriteString(line(x) + "\n")
				}
			}
		}
		seen := map[string]bool{}
		var here []key.Binding
		for _, col := range km.FullHelp() {
			for _, x := range col {
				if k := x.Help().Key + x.Help().Desc; !seen[k] {
					seen[k] = true
					here = append(here, x)
				}
			}
		}
		section("Op dit scherm", here...)
		section("Overal", a.keys.More, a.keys.Find, a.keys.Park, a.keys.Present, a.keys.Glossary, a.keys.Quit, a.c.Keys.Back)
		section("Deelnemers", a.keys.Page, a.keys.Waiting, a.keys.Round)
		b.WriteString("\n" + st.Dim.Render("Het verslag wordt bij elke wijziging vanzelf opgeslagen (binnen een seconde).") + "\n")
		if p := a.c.path(); p != "" {
			b.WriteString(st.Dim.Render("Verslag: "+component.Plain(p)) + "\n")
		}
		return b.String()
	}
	o := newOverlay(a.c, "Hulp bij toetsen", "", "")
	o.layout = text
	o.back = back
	a.showOverlay(o)
}

// openGlossary shows the glossary; terms of the current question first.
// It is laid out here, not rendered as markdown: plain headings and names,
// no markers, whatever the terminal's colours.
func (a *App) openGlossary(terms []*content.Term) tea.Cmd {
	st := a.c.St
	all := sortedTerms(a.c.Set)
	o := newOverlay(a.c, "Begrippen", "", "")
	in := newFilterInput()
	o.filter = &in
	o.layout = func(width int) string { return glossaryText(st, all, terms, o.filter.Value(), width) }
	return a.showOverlay(o)
}

// glossaryText lays out the glossary for a width: each term with its full
// name, its explanation indented below it; with q, only the terms that hold
// it (glossaryMatch).
func glossaryText(st common.Styles, all, first []*content.Term, q string, width int) string {
	w := max(20, width-4)
	wrap := func(text, indent string) string {
		lines := strings.Split(ansi.Wordwrap(text, w-len(indent), ""), "\n")
		return indent + strings.Join(lines, "\n"+indent)
	}
	var b strings.Builder
	heading := func(title string) {
		// The rule marks a heading also where bold does not show.
		b.WriteString(st.Title.Render("  "+title) + "\n" + st.Dim.Render("  "+strings.Repeat("─", ansi.StringWidth(title))) + "\n\n")
	}
	write := func(t *content.Term) {
		name := t.Term
		if t.Full != "" {
			name += " (" + t.Full + ")"
		}
		b.WriteString(st.Label.Render(wrap(name, "  ")) + "\n")
		b.WriteString(wrap(t.Explanation, "    ") + "\n\n")
	}
	b.WriteString("\n")
	if q = strings.ToLower(strings.TrimSpace(q)); q != "" {
		n := 0
		for _, t := range all {
			if glossaryMatch(t, q) {
				write(t)
				n++
			}
		}
		if n == 0 {
			b.WriteString(st.Dim.Render(wrap("Geen begrip bevat \""+component.Plain(q)+"\". backspace maakt het zoeken korter.", "  ")) + "\n")
		}
		return b.String()
	}
	if len(first) > 0 {
		heading("Bij deze vraag")
		for _, t := range first {
			write(t)
		}
		heading("Alle begrippen")
	}
	for _, t := range all {
		write(t)
	}
	return b.String()
}

// openTips shows a section's central question or purpose, advice and tips. It is laid
// out here rather than by glamour, which breaks long links at hyphens: a
// link must stay whole on its line to be clicked or copied.
func (a *App) openTips(sec *content.Section) tea.Cmd {
	st := a.c.St
	o := newOverlay(a.c, "Tips en advies: "+sec.Title, "", "")
	o.layout = func(width int) string {
		w := max(20, width-4)
		wrap := func(text, indent string) string {
			lines := strings.Split(ansi.Wordwrap(text, w-len(indent), ""), "\n")
			return indent + strings.Join(lines, "\n"+indent)
		}
		var b strings.Builder
		b.WriteString("\n" + st.Title.Render(wrap(sec.Title, "  ")) + "\n\n")
		if line := sec.CentralLine(); line != "" {
			if sessions.CentralRepeats(sec) {
				// The first question asks it: named once, with its number.
				line += " (vraag " + a.c.Set.QuestionNumber(sec.Questions[0].ID) + ")"
			}
			b.WriteString(st.Label.Render(wrap(line, "  ")) + "\n\n")
		}
		if sec.Intro != "" {
			b.WriteString(wrap(sec.Intro, "  ") + "\n\n")
		}
		if len(sec.Advice) > 0 {
			b.WriteString(st.Title.Render("  Advies") + "\n\n")
			for _, ad := range sec.Advice {
				b.WriteString("  • " + strings.TrimLeft(wrap(ad, "    "), " ") + "\n")
			}
			b.WriteString("\n")
		}
		if len(sec.Tips) > 0 {
			b.WriteString(st.Title.Render("  Tips") + "\n\n")
			for _, t := range sec.Tips {
				text := t.Title
				if t.Note != "" {
					text = t.Note + " " + t.Title
				}
				b.WriteString("  • " + strings.TrimLeft(wrap(text, "    "), " ") + "\n")
				b.WriteString("    " + st.Key.Render(t.URL) + "\n")
			}
		}
		return b.String()
	}
	return a.showOverlay(o)
}

// openReportView shows the report as it reads now, rendered off the
// keystroke path.
func (a *App) openReportView() tea.Cmd {
	if a.c.conv == nil {
		return nil
	}
	a.flush()
	// What is not in the file yet is written now, so the view is the file
	// as it reads after this save: with its time, not the time the report
	// was opened.
	snap := a.c.conv.Clone()
	save := a.saveCmd()
	switch at := a.c.ctl.SavedAt(); {
	case save != nil:
		snap.Updated = a.c.cfg.Now()
	case !at.IsZero():
		snap.Updated = at
	}
	md := string(report.Render(a.c.Set, snap))
	// A rendering of an earlier text still under way must not stand for
	// this one: each text has a name of its own.
	a.c.MD.Forget(a.reportName)
	a.reportName = fmt.Sprintf("report-%d-%d", a.c.conv.Revision(), snap.Updated.Unix())
	return tea.Batch(save, a.showOverlay(newOverlay(a.c, "Verslag: "+a.c.path(), a.reportName, md)))
}

// openText shows a markdown text a screen asked for (ShowTextMsg).
func (a *App) openText(title, name, text string) tea.Cmd {
	return a.showOverlay(newOverlay(a.c, title, name, text))
}
