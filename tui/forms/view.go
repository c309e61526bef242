package forms

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"gespreksmap/tui/component"
)

// Below this many cells for the value beside the labels, labels go on a
// line of their own above their value.
const minValueWidth = 16

const (
	markFocused = "▶ "
	markNone    = "  "
)

// labelWidth is the width of the label column: the longest label, its
// colon and a space.
func (fm *Form) labelWidth() int {
	lw := 0
	for _, f := range fm.fields {
		lw = max(lw, ansi.StringWidth(f.label))
	}
	return lw + 2
}

// stacked reports whether labels stand above their values.
func (fm *Form) stacked() bool {
	return fm.width-len(markNone)-fm.labelWidth() < minValueWidth
}

// valueColumn is where values start.
func (fm *Form) valueColumn() int {
	if fm.stacked() {
		return len(markNone) + 2
	}
	return len(markNone) + fm.labelWidth()
}

// showHint reports whether the focused field's hint fits beside its value.
func (fm *Form) showHint(f *Field, focused bool) bool {
	if !focused || f.hint == "" {
		return false
	}
	room := fm.width - fm.valueColumn()
	if f.kind == kindText {
		return room-ansi.StringWidth(f.hint)-2 >= minValueWidth
	}
	return true
}

// layout sizes and styles the text inputs for the width and the focus.
func (fm *Form) layout() {
	for i, f := range fm.fields {
		if f.kind != kindText {
			continue
		}
		focused := i == fm.focus && !fm.blurred
		w := fm.width - fm.valueColumn() - 1 // the cursor's cell
		if fm.showHint(f, focused) {
			w -= ansi.StringWidth(f.hint) + 2
		}
		f.input.Width = max(1, w)
		f.input.TextStyle = fm.st.Value
		if focused {
			f.input.TextStyle = fm.st.FocusedValue
		}
		f.input.PlaceholderStyle = fm.st.Hint
	}
}

// View renders the fields, the focused one marked and styled, each field's
// validation message under it; when the form is taller than its height it
// shows the part around the focused field.
func (fm *Form) View() string {
	if fm.width <= 0 || fm.height <= 0 {
		return ""
	}
	var lines []string
	focusLine := 0
	col := fm.valueColumn()
	for i, f := range fm.fields {
		focused := i == fm.focus && !fm.blurred
		mark, ls := markNone, fm.st.Label
		if focused {
			mark, ls = fm.st.Marker.Render(markFocused), fm.st.FocusedLabel
			focusLine = len(lines)
		}
		label := ls.Render(f.label + ":")
		value := fm.value(f, focused)
		if fm.showHint(f, focused) {
			value += "  " + fm.st.Hint.Render(f.hint)
		}
		if fm.stacked() {
			lines = append(lines, mark+label, strings.Repeat(" ", col)+value)
		} else {
			pad := strings.Repeat(" ", max(1, col-len(markNone)-ansi.StringWidth(f.label+":")))
			lines = append(lines, mark+label+pad+value)
		}
		if focused && len(f.suggest) > 0 {
			lines = append(lines, strings.Repeat(" ", col)+fm.st.Hint.Render(ansi.Truncate(suggestLine(f), max(1, fm.width-col), "…")))
		}
		if f.err != "" {
			for _, l := range strings.Split(ansi.Wordwrap(f.err, max(1, fm.width-col), ""), "\n") {
				lines = append(lines, strings.Repeat(" ", col)+fm.st.Error.Render(l))
			}
		}
	}
	first := 0
	if len(lines) > fm.height {
		first = max(0, min(focusLine-fm.height/2, len(lines)-fm.height))
	}
	lines = lines[first:min(len(lines), first+fm.height)]
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, fm.width, "")
	}
	return strings.Join(lines, "\n")
}

// value renders a field's value; a focused choice shows its arrows.
func (fm *Form) value(f *Field, focused bool) string {
	if f.kind == kindText {
		return f.input.View()
	}
	v := component.Plain(f.shown())
	if !focused {
		return fm.st.Value.Render(v)
	}
	if f.kind == kindChoice {
		return "◂ " + fm.st.FocusedValue.Render(v) + " ▸"
	}
	return fm.st.FocusedValue.Render(v)
}

// suggestLine names the names that fit what was typed, for → to pick.
func suggestLine(f *Field) string {
	m := f.Suggestions()
	if len(m) == 0 {
		return "geen naam past; typ gewoon verder"
	}
	for i, n := range m {
		m[i] = component.Plain(n)
	}
	return "→ kiest: " + strings.Join(m, " · ")
}
