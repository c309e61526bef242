package content

import (
	"fmt"
	"strings"
)

// The texts of a convenant mapping (considerations, definitions, the
// paragraphs of standard articles) are plain words with two kinds of
// marks:
//
//   - a placeholder, "[IN TE VULLEN: what the parties fill in]", which the
//     draft keeps in that one searchable form;
//   - a field in braces, which the draft fills in: {regio} (the region of
//     the conversation), {ouders} (the parents' representation at the
//     table), {partij} (a party, only in the row of a party table) and
//     {artikel:id} (the number of the standard article with that id, as
//     "artikel 12").
//
// Square brackets and braces are used for nothing else, so a mark that is
// mistyped is found when the file is read, not in the draft.

// ConvenantPlaceholderOpen starts every placeholder, in the mapping and in
// the draft.
const ConvenantPlaceholderOpen = "[IN TE VULLEN: "

// ConvenantFieldArticle starts the field that refers to a standard article.
const ConvenantFieldArticle = "artikel:"

// The fields the draft fills in.
const (
	ConvenantFieldRegion  = "regio"
	ConvenantFieldParents = "ouders"
	ConvenantFieldParty   = "partij"
)

// ConvenantSegmentKind says what a piece of a mapping text is.
type ConvenantSegmentKind int

// Kinds of segment.
const (
	SegmentWords       ConvenantSegmentKind = iota // plain words
	SegmentPlaceholder                             // what to fill in, without the brackets and "IN TE VULLEN: "
	SegmentField                                   // a field's name: "regio", "artikel:privacy"
)

// ConvenantSegment is one piece of a mapping text.
type ConvenantSegment struct {
	Kind ConvenantSegmentKind
	Text string
}

// ConvenantSegments splits a mapping text into words, placeholders and
// fields. The error (in Dutch, for the author of the file) names the first
// mark that is not well formed.
func ConvenantSegments(text string) ([]ConvenantSegment, error) {
	var out []ConvenantSegment
	words := func(s string) {
		if s != "" {
			out = append(out, ConvenantSegment{Kind: SegmentWords, Text: s})
		}
	}
	rest := text
	for rest != "" {
		i := strings.IndexAny(rest, "[]{}")
		if i < 0 {
			words(rest)
			break
		}
		words(rest[:i])
		rest = rest[i:]
		switch rest[0] {
		case ']':
			return nil, fmt.Errorf("bevat een ] zonder [ ervoor; vierkante haken staan alleen om %s…]", ConvenantPlaceholderOpen)
		case '}':
			return nil, fmt.Errorf("bevat een } zonder { ervoor; accolades staan alleen om een veld zoals {regio}")
		case '[':
			if !strings.HasPrefix(rest, ConvenantPlaceholderOpen) {
				return nil, fmt.Errorf("bevat een [ die geen %s…] begint; schrijf een open plek precies zo, met hoofdletters en een dubbele punt", ConvenantPlaceholderOpen)
			}
			body := rest[len(ConvenantPlaceholderOpen):]
			end := strings.IndexAny(body, "[]{}\n")
			if end < 0 || body[end] != ']' {
				return nil, fmt.Errorf("bevat een %s…] die niet met ] gesloten wordt voordat een andere haak of een nieuwe regel komt", ConvenantPlaceholderOpen)
			}
			what := strings.TrimSpace(body[:end])
			if what == "" {
				return nil, fmt.Errorf("bevat een lege %s]; zeg wat partijen moeten invullen", ConvenantPlaceholderOpen)
			}
			out = append(out, ConvenantSegment{Kind: SegmentPlaceholder, Text: what})
			rest = body[end+1:]
		case '{':
			end := strings.IndexAny(rest[1:], "[]{}\n")
			if end < 0 || rest[1+end] != '}' {
				return nil, fmt.Errorf("bevat een { die niet met } gesloten wordt")
			}
			name := rest[1 : 1+end]
			if !knownField(name) {
				return nil, fmt.Errorf("bevat het onbekende veld {%s} (bekend: {%s}, {%s}, {%s} en {%sid})",
					name, ConvenantFieldRegion, ConvenantFieldParents, ConvenantFieldParty, ConvenantFieldArticle)
			}
			out = append(out, ConvenantSegment{Kind: SegmentField, Text: name})
			rest = rest[2+end:]
		}
	}
	return out, nil
}

func knownField(name string) bool {
	switch name {
	case ConvenantFieldRegion, ConvenantFieldParents, ConvenantFieldParty:
		return true
	}
	id, ok := strings.CutPrefix(name, ConvenantFieldArticle)
	return ok && convenantID.MatchString(id)
}
