package common

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"gespreksmap/sessions"
)

// Column is one block of SideBySide: a heading line (styled, cut to the
// column's width) and a text (plain, several lines, wrapped to it).
type Column struct {
	Head string
	Text string
}

// columnGap is the space between two columns.
const columnGap = 3

// SideBySide lays cols out beside each other in w cells and at most h
// lines: as many in a band as fit at least minW cells wide, the others in
// bands below, a blank line between bands. Each band gets an equal share
// of the lines; a text longer than its share is cut, and its last line
// says "…" so nothing is cut silently. text styles the text's lines. The
// text is cleaned (sessions.CleanText) before it is drawn.
func SideBySide(cols []Column, w, h, minW int, text func(...string) string) []string {
	if len(cols) == 0 || w <= 0 || h <= 0 {
		return nil
	}
	perBand := max(1, min(len(cols), (w+columnGap)/(max(1, minW)+columnGap)))
	colW := max(1, (w-columnGap*(perBand-1))/perBand)
	bands := (len(cols) + perBand - 1) / perBand
	share := max(2, (h-(bands-1))/bands)
	var out []string
	for b := 0; b < bands && len(out) < h; b++ {
		if b > 0 {
			out = append(out, "")
		}
		band := cols[b*perBand : min(len(cols), (b+1)*perBand)]
		blocks := make([][]string, len(band))
		height := 0
		for i, c := range band {
			lines := []string{ansi.Truncate(c.Head, colW, "…")}
			lines = append(lines, wrapParagraphs(c.Text, colW, text)...)
			if len(lines) > share {
				lines = append(lines[:share-1:share-1], text("…"))
			}
			blocks[i] = lines
			height = max(height, len(lines))
		}
		for r := 0; r < height; r++ {
			var b strings.Builder
			for i, lines := range blocks {
				l := ""
				if r < len(lines) {
					l = lines[r]
				}
				if i < len(blocks)-1 {
					l = padTo(l, colW) + strings.Repeat(" ", columnGap)
				}
				b.WriteString(l)
			}
			out = append(out, strings.TrimRight(b.String(), " "))
		}
	}
	if len(out) > h {
		out = out[:h]
	}
	return out
}

// WrapParagraphs wraps each line of a text from a person (cleaned first)
// to w cells, breaking a word longer than w; a blank line stays blank.
// Each line is styled.
func WrapParagraphs(text string, w int, style func(...string) string) []string {
	return wrapParagraphs(text, w, style)
}

func wrapParagraphs(text string, w int, style func(...string) string) []string {
	var out []string
	for _, l := range strings.Split(strings.TrimSpace(sessions.CleanText(text)), "\n") {
		l = strings.ReplaceAll(strings.TrimRight(l, " \t"), "\t", "    ")
		if strings.TrimSpace(l) == "" {
			out = append(out, "")
			continue
		}
		for _, wl := range strings.Split(ansi.Wrap(l, w, ""), "\n") {
			out = append(out, style(strings.TrimRight(wl, " ")))
		}
	}
	return out
}

// padTo cuts l to w cells when wider, and pads it to w.
func padTo(l string, w int) string {
	n := ansi.StringWidth(l)
	if n > w {
		l = ansi.Truncate(l, w, "")
		n = ansi.StringWidth(l)
	}
	return l + strings.Repeat(" ", max(0, w-n))
}
