package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"gespreksmap/content"
	"gespreksmap/sessions/report"
	"gespreksmap/tui/common"
)

// overlay is a full-window panel over the current screen: key help, the
// glossary, a section's tips and advice, or the report as it reads. esc
// closes it and returns exactly where one was.
type overlay struct {
	title string
	// layout, when set, lays plain text out for a width (instead of
	// markdown rendered by glamour).
	layout func(width int) string
	name   string // cache name of the markdown page ("" for plain text)
	text   string // markdown source, or plain text when name == ""
	vp     viewport.Model
	ready  bool
}

func newOverlay(c *base, title, name, text string) *overlay {
	o := &overlay{title: title, name: name, text: text}
	o.vp = viewport.New(c.Width, max(1, c.Height-2))
	o.vp.MouseWheelEnabled = true
	o.refresh(c)
	return o
}

// refresh fills the viewport from the cache (or the plain text).
func (o *overlay) refresh(c *base) {
	if o.layout != nil {
		o.vp.SetContent(o.layout(c.Width))
		o.ready = true
		return
	}
	if o.name == "" {
		o.vp.SetContent(o.text)
		o.ready = true
		return
	}
	if out, ok := c.MD.Get(o.name, c.Width); ok {
		o.vp.SetContent(out)
		o.ready = true
		return
	}
	o.vp.SetContent("  Bezig met opmaken…")
	o.ready = false
}

// cmd asks for the rendering this overlay needs at the current width.
func (o *overlay) cmd(c *base) tea.Cmd {
	if o.name == "" {
		return nil
	}
	return c.MD.Request(o.name, o.text, c.Width)
}

func (o *overlay) resize(c *base) {
	o.vp.Width, o.vp.Height = c.Width, max(1, c.Height-2)
	o.refresh(c)
}

// update handles a key; it returns true when the overlay closes.
func (o *overlay) update(msg tea.KeyMsg, c *base) bool {
	switch {
	case key.Matches(msg, c.Keys.Back), msg.String() == "q",
		key.Matches(msg, c.Keys.Help), key.Matches(msg, c.Keys.Glossary), key.Matches(msg, c.Keys.Tips),
		key.Matches(msg, c.Keys.WholeQuestion):
		return true
	}
	o.vp, _ = o.vp.Update(msg)
	return false
}

func (o *overlay) mouse(msg tea.MouseMsg) { o.vp, _ = o.vp.Update(msg) }

func (o *overlay) view(c *base) string {
	st := c.St
	head := st.Header.Render(o.title)
	pct := ""
	if o.vp.TotalLineCount() > o.vp.Height {
		pct = fmt.Sprintf("  %d%%", int(o.vp.ScrollPercent()*100))
	}
	foot := st.Footer.Render("↑/↓ pgup/pgdn scrollen · esc terug" + pct)
	return common.FitBlock(head+"\n"+o.vp.View()+"\n"+foot, c.Width, c.Height)
}

// openHelp shows every key of the current screen.
func (a *App) openHelp() {
	a.overlay = newOverlay(a.c, "Hulp bij toetsen", "", a.helpText())
}

func (a *App) helpText() string {
	k := a.c.Keys
	st := a.c.St
	line := func(b key.Binding) string {
		h := b.Help()
		pad := strings.Repeat(" ", max(1, 16-ansi.StringWidth(h.Key)))
		return "  " + st.Key.Render(h.Key) + pad + h.Desc
	}
	var b strings.Builder
	section := func(title string, bs ...key.Binding) {
		b.WriteString("\n" + st.Title.Render(title) + "\n")
		for _, x := range bs {
			b.WriteString(line(x) + "\n")
		}
	}
	section("Overal", k.Help, k.Glossary, k.Quit, k.Back)
	switch a.screen {
	case screenQuestion:
		keys := []key.Binding{k.Tab, k.ShiftTab, k.NextItem, k.PrevItem,
			k.Status[0], k.Status[1], k.Status[2], k.Status[3], k.Status[4],
			k.WholeQuestion, k.Perspective, k.Action, k.Tips}
		// Last year's answer is there only in a yearly reflection.
		if a.sess != nil && a.sess.Prior != nil {
			keys = append(keys, k.ShowPrior, k.CopyPrior)
		}
		section("Bij een vraag (werkt ook tijdens het typen)", keys...)
		section("In een lijst (status, keuze, partners, aantallen)",
			key.NewBinding(key.WithHelp("←/→ spatie", "waarde kiezen")),
			key.NewBinding(key.WithHelp("↑/↓", "regel kiezen")),
			key.NewBinding(key.WithHelp("0-9 backspace", "aantal typen")),
			key.NewBinding(key.WithHelp("enter", "openen / toevoegen")),
			k.Delete)
		section("In een antwoordveld",
			key.NewBinding(key.WithHelp("enter", "nieuwe regel")),
			key.NewBinding(key.WithHelp("ctrl+←/→", "woord terug/verder")),
			key.NewBinding(key.WithHelp("home/end", "begin/eind van de regel")),
			key.NewBinding(key.WithHelp("ctrl+w", "woord wissen")),
			key.NewBinding(key.WithHelp("ctrl+k", "wissen tot eind van de regel")))
	case screenOverview:
		section("Overzicht", k.Up, k.Down, k.Enter,
			key.NewBinding(key.WithHelp("1-6", "naar onderdeel")),
			k.Actions, k.Participants, k.TipsLetter, k.GlossaryLetter, k.Report, k.Convenant, k.QuitLetter)
	case screenStart:
		section("Start", k.Up, k.Down, k.Enter, k.New, k.Reflection, k.QuitLetter)
	case screenActions:
		section("Actiepunten", k.Up, k.Down, k.Enter, k.New, k.Toggle, k.Delete)
	default:
		section("Formulier", k.Tab, k.ShiftTab, k.Enter,
			key.NewBinding(key.WithHelp("←/→", "keuze wijzigen")))
	}
	b.WriteString("\n" + st.Dim.Render("Het verslag wordt bij elke wijziging vanzelf opgeslagen (binnen een seconde).") + "\n")
	if p := a.saver.path(); p != "" {
		b.WriteString(st.Dim.Render("Verslag: "+p) + "\n")
	}
	return b.String()
}

// openGlossary shows the glossary; terms of the current question first.
// It is laid out here, not rendered as markdown: plain headings and names,
// no markers, whatever the terminal's colours.
func (a *App) openGlossary() tea.Cmd {
	var terms []*content.Term
	if a.screen == screenQuestion && a.question != nil {
		terms = a.question.terms
	}
	set, st := a.c.Set, a.c.St
	a.overlay = newOverlay(a.c, "Begrippen", "", "")
	a.overlay.layout = func(width int) string { return glossaryText(st, set, terms, width) }
	a.overlay.refresh(a.c)
	return nil
}

// glossaryText lays out the glossary for a width: each term with its full
// name, its explanation indented below it.
func glossaryText(st common.Styles, set *content.Set, first []*content.Term, width int) string {
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
	if len(first) > 0 {
		heading("Bij deze vraag")
		for _, t := range first {
			write(t)
		}
		heading("Alle begrippen")
	}
	for i := range set.Glossary {
		write(&set.Glossary[i])
	}
	return b.String()
}

// openTips shows a section's central question, advice and tips. It is laid
// out here rather than by glamour, which breaks long links at hyphens: a
// link must stay whole on its line to be clicked or copied.
func (a *App) openTips(sec *content.Section) tea.Cmd {
	st := a.c.St
	a.overlay = newOverlay(a.c, "Tips en advies: "+sec.Title, "", "")
	a.overlay.layout = func(width int) string {
		w := max(20, width-4)
		wrap := func(text, indent string) string {
			lines := strings.Split(ansi.Wordwrap(text, w-len(indent), ""), "\n")
			return indent + strings.Join(lines, "\n"+indent)
		}
		var b strings.Builder
		b.WriteString("\n" + st.Title.Render(wrap(sec.Title, "  ")) + "\n\n")
		if sec.Central != "" {
			b.WriteString(st.Label.Render(wrap(sec.Central, "  ")) + "\n\n")
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
	a.overlay.refresh(a.c)
	return nil
}

// openReport shows the report as it reads now, rendered.
func (a *App) openReportView() tea.Cmd {
	a.syncEditors()
	md := string(report.Render(a.c.Set, a.sess))
	a.c.MD.Forget("report")
	a.overlay = newOverlay(a.c, "Verslag: "+a.saver.path(), "report", md)
	return a.overlay.cmd(a.c)
}
