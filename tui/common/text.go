package common

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// FitBlock pads or cuts s to exactly h lines of at most w cells.
func FitBlock(s string, w, h int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, w, "")
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// WrapLines wraps text to width w, continuation lines indented, each line
// styled.
func WrapLines(style interface{ Render(...string) string }, text string, w int, indent string) []string {
	lines := strings.Split(ansi.Wordwrap(text, w, ""), "\n")
	if indent != "" && len(lines) > 1 {
		rest := strings.Join(lines[1:], " ")
		lines = append(lines[:1], strings.Split(ansi.Wordwrap(rest, max(10, w-len(indent)), ""), "\n")...)
		for i := 1; i < len(lines); i++ {
			lines[i] = indent + lines[i]
		}
	}
	for i, l := range lines {
		lines[i] = style.Render(l)
	}
	return lines
}

// WrapCut wraps text to width and keeps at most n lines.
func WrapCut(style interface{ Render(...string) string }, text string, w, n int) string {
	lines := strings.Split(ansi.Wordwrap(text, w, ""), "\n")
	if len(lines) > n {
		lines = lines[:n]
		lines[n-1] = ansi.Truncate(lines[n-1], w-1, "") + "…"
	}
	for i, l := range lines {
		lines[i] = style.Render(l)
	}
	return strings.Join(lines, "\n")
}
