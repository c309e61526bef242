package list

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// View renders the rows in the window, one line each, and while a delete
// waits, the question under them. It never returns more lines than the
// height or wider lines than the width.
func (l *List[T]) View() string {
	if l.height <= 0 || l.width <= 0 {
		return ""
	}
	rows := l.Rows()
	var lines []string
	if rows == 0 {
		if l.empty != "" {
			lines = append(lines, l.st.Dim.Render(ansi.Truncate(l.empty, l.width, "…")))
		}
		return strings.Join(lines, "\n")
	}
	textW := max(0, l.width-2)
	h := l.rowsHigh()
	if l.confirming && l.height == 1 {
		// No room for both: the question names the item itself.
		h = 0
	}
	for i := l.offset; i < rows && i < l.offset+h; i++ {
		var text string
		if i < len(l.items) {
			text = l.row(l.items[i], textW)
		} else {
			text = l.st.Dim.Render(l.add)
		}
		text = ansi.Truncate(firstLine(text), textW, "…")
		mark := "  "
		if i == l.cursor && !l.blurred {
			mark = l.st.Cursor.Render("▸ ")
			text = l.st.Selected.Render(ansi.Strip(text))
		}
		lines = append(lines, ansi.Truncate(mark+text, l.width, ""))
	}
	if l.confirming {
		for _, c := range l.confirmLines() {
			if len(lines) == l.height {
				break
			}
			lines = append(lines, l.st.Confirm.Render(ansi.Truncate(c, l.width, "…")))
		}
	}
	return strings.Join(lines, "\n")
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
