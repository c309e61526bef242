package convenant

import (
	"regexp"
	"strings"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/sessions/mdtext"
)

// Everything the draft writes is one of a few plain markdown blocks
// (headings, paragraphs, flat lists, pipe tables, bold and italic), so that
// it reads the same in any viewer and converts paragraph for paragraph to
// a word processor's document. Words typed in the conversation become
// paragraphs, one per typed line, with their markdown escaped.

// inline makes a single-line value safe in running markdown text.
func inline(s string) string { return mdtext.Inline(s) }

// emptyItem matches a line that markdown would read as a list marker with
// nothing after it, and thematicBreak one it would draw as a rule.
var (
	emptyItem     = regexp.MustCompile(`^([-+]|[0-9]{1,9}[.)])$`)
	setextOrBreak = regexp.MustCompile(`^(=+|-+|(- *){3,}|(_ *){3,})$`)
)

// paragraph makes one line of text a paragraph that markdown shows as
// written. Inline already escapes what starts emphasis, code, links,
// headings and quotes; what is left is a line that would be an empty list
// item, a rule or a heading underline.
func paragraph(line string) string {
	s := inline(line)
	if emptyItem.MatchString(s) || setextOrBreak.MatchString(s) {
		return `\` + s
	}
	return s
}

// writeText writes text typed in the conversation as paragraphs, one per
// typed line; lines that start with "- " or "1. " stay list items. Empty
// text writes nothing.
func writeText(b *strings.Builder, text string) {
	for _, line := range strings.Split(sessions.CleanText(text), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		b.WriteString(paragraph(line) + "\n\n")
	}
}

// spaced collapses white space to single spaces and escapes the words for
// running text, keeping one space at either end where there was one, so
// that a piece joins its neighbours.
func spaced(s string) string {
	s = sessions.CleanLine(s)
	if s == "" {
		return ""
	}
	lead := s[0] == ' '
	trail := s[len(s)-1] == ' '
	out := mdtext.Escape(strings.Join(strings.Fields(s), " "))
	if out == "" {
		return " "
	}
	if lead {
		out = " " + out
	}
	if trail {
		out += " "
	}
	return out
}

// render writes a text of the convenant mapping as markdown: its words
// escaped, each placeholder in the one form of Placeholder, each field
// filled in. party fills {partij}; it is nil outside a party table.
func (d *drafter) render(text string, party *org) string {
	segs, err := content.ConvenantSegments(text)
	if err != nil {
		// A mapping made in code, not read from a file: its words as they are.
		return inline(text)
	}
	var b strings.Builder
	for _, sg := range segs {
		switch sg.Kind {
		case content.SegmentWords:
			b.WriteString(spaced(sg.Text))
		case content.SegmentPlaceholder:
			b.WriteString(Placeholder(strings.Join(strings.Fields(sg.Text), " ")))
		case content.SegmentField:
			b.WriteString(d.field(sg.Text, party))
		}
	}
	return strings.TrimSpace(b.String())
}

// field fills in one field of a mapping text.
func (d *drafter) field(name string, party *org) string {
	switch name {
	case content.ConvenantFieldRegion:
		return d.region()
	case content.ConvenantFieldParents:
		return d.parentsNames()
	case content.ConvenantFieldParty:
		if party != nil {
			return party.display()
		}
		return Placeholder("partij")
	}
	if id, ok := strings.CutPrefix(name, content.ConvenantFieldArticle); ok {
		if n := d.numbers[id]; n > 0 {
			return "artikel " + itoa(n)
		}
		return Placeholder("verwijzing naar het artikel over " + id)
	}
	return Placeholder(name)
}

// region is the region of the conversation, or a placeholder.
func (d *drafter) region() string {
	if r := inline(d.s.Region); r != "" {
		return r
	}
	return Placeholder("samenwerkingsverband of regio")
}

// andList joins names the Dutch way: "A, B en C".
func andList(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " en " + names[len(names)-1]
}
