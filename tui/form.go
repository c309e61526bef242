package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"gespreksmap/sessions"
	"gespreksmap/tui/common"
)

// form is a small stack of labelled fields: single-line text, a choice cycled
// with ←/→, or a yes/no toggle. We keep our own instead of huh because the
// forms here sit inside screens that add rows (participants, action items)
// and must share the keymap and the save-on-every-change rule of the rest of
// the interface; huh forms own their submit flow and key handling.
type form struct {
	fields []*formField
	focus  int
	width  int
	// blurred: focus is elsewhere on the screen; no field shows as focused.
	blurred bool
}

type fieldKind int

const (
	fieldText fieldKind = iota
	fieldChoice
	fieldToggle
)

type formField struct {
	kind    fieldKind
	label   string
	hint    string
	input   textinput.Model
	options []string // fieldChoice: labels
	choice  int
	on      bool
}

func newTextField(label, value, placeholder string) *formField {
	in := textinput.New()
	in.Prompt = ""
	in.Placeholder = placeholder
	in.CharLimit = 500
	in.SetValue(value)
	in.CursorEnd()
	return &formField{kind: fieldText, label: label, input: in}
}

func newChoiceField(label string, options []string, choice int) *formField {
	return &formField{kind: fieldChoice, label: label, options: options, choice: choice}
}

func newToggleField(label string, on bool) *formField {
	return &formField{kind: fieldToggle, label: label, on: on}
}

func (f *formField) value() string {
	switch f.kind {
	case fieldChoice:
		if f.choice >= 0 && f.choice < len(f.options) {
			return f.options[f.choice]
		}
		return ""
	case fieldToggle:
		if f.on {
			return "ja"
		}
		return "nee"
	}
	return sessions.CleanLine(f.input.Value())
}

func newForm(fields ...*formField) *form {
	fm := &form{fields: fields}
	fm.setFocus(0)
	return fm
}

func (fm *form) setFocus(i int) {
	if len(fm.fields) == 0 {
		return
	}
	i = (i + len(fm.fields)) % len(fm.fields)
	for _, f := range fm.fields {
		if f.kind == fieldText {
			f.input.Blur()
		}
	}
	fm.focus = i
	fm.blurred = false
	if f := fm.fields[i]; f.kind == fieldText {
		f.input.Focus()
	}
}

// blur takes focus away from the whole form.
func (fm *form) blur() {
	fm.blurred = true
	for _, f := range fm.fields {
		if f.kind == fieldText {
			f.input.Blur()
		}
	}
}

func (fm *form) setWidth(w int) {
	fm.width = w
	lw := fm.labelWidth()
	for _, f := range fm.fields {
		f.input.Width = max(10, w-lw-4)
	}
}

func (fm *form) labelWidth() int {
	lw := 0
	for _, f := range fm.fields {
		lw = max(lw, ansi.StringWidth(f.label))
	}
	return lw + 2
}

// last reports whether focus is on the last field (enter there submits).
func (fm *form) last() bool { return fm.focus == len(fm.fields)-1 }

// update handles a key; it returns true when the key was used.
func (fm *form) update(msg tea.KeyMsg, km common.KeyMap) (bool, tea.Cmd) {
	switch {
	case key.Matches(msg, km.Tab), msg.Type == tea.KeyDown:
		fm.setFocus(fm.focus + 1)
		return true, nil
	case key.Matches(msg, km.ShiftTab), msg.Type == tea.KeyUp:
		fm.setFocus(fm.focus - 1)
		return true, nil
	}
	f := fm.fields[fm.focus]
	switch f.kind {
	case fieldChoice:
		switch msg.String() {
		case "left", "h":
			f.choice = (f.choice - 1 + len(f.options)) % len(f.options)
			return true, nil
		case "right", "l", " ":
			f.choice = (f.choice + 1) % len(f.options)
			return true, nil
		}
		return false, nil
	case fieldToggle:
		switch msg.String() {
		case " ", "left", "right", "j", "n", "y":
			switch msg.String() {
			case "j", "y":
				f.on = true
			case "n":
				f.on = false
			default:
				f.on = !f.on
			}
			return true, nil
		}
		return false, nil
	}
	if msg.Type == tea.KeyEnter || msg.Type == tea.KeyEsc {
		return false, nil
	}
	if msg.Type == tea.KeyRunes {
		msg.Runes = []rune(sessions.CleanLine(string(msg.Runes)))
	}
	var cmd tea.Cmd
	f.input, cmd = f.input.Update(msg)
	return true, cmd
}

func (fm *form) view(st common.Styles) string {
	var b strings.Builder
	lw := fm.labelWidth()
	for i, f := range fm.fields {
		label := f.label + ":"
		pad := strings.Repeat(" ", max(0, lw-ansi.StringWidth(label)))
		marker := "  "
		ls := st.Label
		focused := i == fm.focus && !fm.blurred
		if focused {
			marker = st.Cursor.Render("▸ ")
			ls = st.Focused
		}
		b.WriteString(marker + ls.Render(label) + pad)
		switch f.kind {
		case fieldText:
			b.WriteString(f.input.View())
		case fieldChoice:
			v := f.value()
			if focused {
				b.WriteString("◂ " + st.Selected.Render(v) + " ▸")
			} else {
				b.WriteString(v)
			}
		case fieldToggle:
			box := "[ ] nee"
			if f.on {
				box = "[x] ja"
			}
			if focused {
				box = st.Selected.Render(box)
			}
			b.WriteString(box)
		}
		if f.hint != "" && focused {
			b.WriteString("  " + st.Dim.Render(f.hint))
		}
		b.WriteString("\n")
	}
	return b.String()
}
