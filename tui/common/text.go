package common

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// FitLines pads or cuts s to exactly h lines, for a component whose View
// keeps to its width already (the component contract): measuring every
// line again costs more than drawing it, on every key.
func FitLines(s string, h int) string {
	if h <= 0 {
		return ""
	}
	s = strings.TrimRight(s, "\n")
	n := strings.Count(s, "\n") + 1
	if n > h {
		i := 0
		for range h {
			i += strings.IndexByte(s[i:], '\n') + 1
		}
		return s[:i-1]
	}
	return s + strings.Repeat("\n", h-n)
}

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
