package content

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// TermsIn returns the glossary terms that occur in text, each once, in the
// order of their first occurrence. A term is found by its name, its
// written-out form and its aliases, as whole words. Abbreviations (one word
// of at most four letters, or with a capital after its first letter, like
// TLV, ZiO, pgb) match only as written; other names match in any case. A
// space in a name matches any run of white space, so a term broken over two
// lines is still found.
func (s *Set) TermsIn(text string) []*Term {
	type hit struct {
		pos  int
		term *Term
	}
	starts := wordStarts(text)
	var hits []hit
	for i := range s.Glossary {
		t := &s.Glossary[i]
		if pos := firstOccurrence(text, starts, t); pos >= 0 {
			hits = append(hits, hit{pos, t})
		}
	}
	sort.SliceStable(hits, func(a, b int) bool { return hits[a].pos < hits[b].pos })
	terms := make([]*Term, len(hits))
	for i, h := range hits {
		terms[i] = h.term
	}
	return terms
}

// Term returns the glossary entry found by the given name (term, written-out
// form or alias, in any case), or nil.
func (s *Set) Term(name string) *Term {
	key := strings.ToLower(strings.Join(strings.Fields(name), " "))
	for i := range s.Glossary {
		t := &s.Glossary[i]
		for _, n := range t.names() {
			if strings.ToLower(strings.Join(strings.Fields(n), " ")) == key {
				return t
			}
		}
	}
	return nil
}

// names lists every name a term is found by.
func (t *Term) names() []string {
	names := make([]string, 0, 2+len(t.Aliases))
	for _, n := range append([]string{t.Term, t.Full}, t.Aliases...) {
		if strings.TrimSpace(n) != "" {
			names = append(names, n)
		}
	}
	return names
}

// firstOccurrence is the byte offset of the earliest whole-word match of
// any of the term's names, or -1. starts are the offsets where words begin.
func firstOccurrence(text string, starts []wordStart, t *Term) int {
	best := -1
	for _, name := range t.names() {
		name = strings.Join(strings.Fields(name), " ")
		fold := !isAbbreviation(name)
		first, _ := utf8.DecodeRuneInString(name)
		lowerFirst := unicode.ToLower(first)
		for _, st := range starts {
			if best >= 0 && st.pos >= best {
				break
			}
			// Most starts fail on the first letter; check it before the rest.
			if st.r != first && !(fold && st.lower == lowerFirst) {
				continue
			}
			if end, ok := matchAt(text, st.pos, name, fold); ok && atWordEnd(text, end) {
				best = st.pos
				break
			}
		}
	}
	return best
}

// wordStart is a place where a name may begin, with the rune found there.
type wordStart struct {
	pos      int
	r, lower rune
}

// wordStarts lists the places where a name may begin: the start of the
// text and every rune that follows a rune that is not part of a word.
func wordStarts(text string) []wordStart {
	var starts []wordStart
	prevWord := false
	for i, r := range text {
		if !prevWord {
			starts = append(starts, wordStart{i, r, unicode.ToLower(r)})
		}
		prevWord = isWordRune(r)
	}
	return starts
}

// isAbbreviation says whether a name is matched case-sensitively: a single
// word that is short or has a capital after its first letter.
func isAbbreviation(name string) bool {
	if strings.ContainsFunc(name, unicode.IsSpace) {
		return false
	}
	if utf8.RuneCountInString(name) <= 4 {
		return true
	}
	for i, r := range name {
		if i > 0 && unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func atWordEnd(text string, i int) bool {
	if i >= len(text) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return !isWordRune(r)
}

// matchAt matches name against text at byte offset i and returns the offset
// just past the match. White space in name matches one or more white-space
// runes in text; fold compares letters regardless of case.
func matchAt(text string, i int, name string, fold bool) (int, bool) {
	for _, want := range name {
		if i >= len(text) {
			return 0, false
		}
		got, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(want) {
			if !unicode.IsSpace(got) {
				return 0, false
			}
			for i < len(text) {
				got, size = utf8.DecodeRuneInString(text[i:])
				if !unicode.IsSpace(got) {
					break
				}
				i += size
			}
			continue
		}
		if got != want && !(fold && equalFold(got, want)) {
			return 0, false
		}
		i += size
	}
	return i, true
}

func equalFold(a, b rune) bool {
	return unicode.ToLower(a) == unicode.ToLower(b)
}
