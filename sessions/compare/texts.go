package compare

import (
	"fmt"
	"sort"
	"strings"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/sessions/mdtext"
)

// TextChange is a changed text at one stop (a question, sub-point or
// topic): the joint answer (Organisation empty) or one organisation's
// perspective. A text that appeared has an empty Prior, one that
// disappeared an empty Current.
type TextChange struct {
	Question     QuestionRef
	PartID       string
	PartLetter   string // "" when the set does not know the part
	PartText     string
	Organisation string // "" for the joint answer
	Prior        string
	Current      string
	// Runs is the word-level difference; nil when the texts are shown one
	// under the other (Rewritten).
	Runs []DiffRun
}

// Number is the stop's number, e.g. "3.2a".
func (t TextChange) Number() string {
	return cmpPartNumber(t.Question, t.PartID, t.PartLetter)
}

// Rewritten reports whether the two texts are best read one under the
// other: most words changed, or the texts are too long to compare word by
// word. A text that appeared or disappeared is neither.
func (t TextChange) Rewritten() bool {
	return t.Prior != "" && t.Current != "" && t.Runs == nil
}

// cmpText compares two texts; ok is false when they are the same but for
// white space. Most words changed (fewer than half of the longer text's
// words kept) makes the change Rewritten.
func cmpText(prior, current string) (runs []DiffRun, ok bool) {
	a, b := strings.Fields(prior), strings.Fields(current)
	if strings.Join(a, " ") == strings.Join(b, " ") {
		return nil, false
	}
	if len(a) == 0 || len(b) == 0 {
		return nil, true
	}
	runs, common, fits := wordDiff(prior, current)
	if !fits || 2*common < max(len(a), len(b)) {
		return nil, true
	}
	return runs, true
}

// compareTexts adds the changed joint answers and perspectives of one
// question, stop by stop: the question itself, then its parts.
func (c *Changes) compareTexts(q *content.Question, ref QuestionRef, was, is *sessions.Answer) {
	add := func(p cmpPart, org, prior, current string) {
		runs, changed := cmpText(prior, current)
		if !changed {
			return
		}
		c.Texts = append(c.Texts, TextChange{
			Question: ref, PartID: p.id, PartLetter: p.letter, PartText: p.text, Organisation: org,
			Prior: strings.Join(strings.Fields(prior), " "), Current: strings.Join(strings.Fields(current), " "), Runs: runs,
		})
	}
	// A joint answer is compared where the stop was answered in both years;
	// one answered in a single year is listed as new or gone already.
	if !was.Empty() && !is.Empty() {
		add(cmpPart{}, "", was.Text, is.Text)
	}
	c.comparePerspectives(cmpPart{}, was, is, add)
	if was.Empty() || is.Empty() {
		for _, p := range cmpParts(q, was, is) {
			c.comparePerspectives(p, was, is, add)
		}
		return
	}
	for _, p := range cmpParts(q, was, is) {
		if wp, ip := was.Parts[p.id], is.Parts[p.id]; !cmpPartEmpty(wp) && !cmpPartEmpty(ip) {
			add(p, "", wp.Text, ip.Text)
		}
		c.comparePerspectives(p, was, is, add)
	}
}

// comparePerspectives compares the perspectives given at one stop per
// organisation, matched ignoring case and spacing; the organisations in
// alphabetical order.
func (c *Changes) comparePerspectives(p cmpPart, was, is *sessions.Answer, add func(p cmpPart, org, prior, current string)) {
	type texts struct{ name, prior, current string }
	byOrg := map[string]*texts{}
	collect := func(a *sessions.Answer, current bool) {
		if a == nil {
			return
		}
		for _, pe := range a.Perspectives {
			if pe.Part != p.id || strings.TrimSpace(pe.Text) == "" {
				continue
			}
			name := strings.Join(strings.Fields(pe.Organisation), " ")
			if name == "" {
				name = "Onbekende organisatie"
			}
			k := strings.ToLower(name)
			t := byOrg[k]
			if t == nil {
				t = &texts{name: name}
				byOrg[k] = t
			}
			if current {
				t.name = name // this year's spelling wins
				t.current = strings.TrimSpace(t.current + "\n" + pe.Text)
			} else {
				t.prior = strings.TrimSpace(t.prior + "\n" + pe.Text)
			}
		}
	}
	collect(was, false)
	collect(is, true)
	keys := make([]string, 0, len(byOrg))
	for k := range byOrg {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		t := byOrg[k]
		add(p, t.name, t.prior, t.current)
	}
}

// writeTexts writes the changed answers and perspectives per stop, when
// there are any.
func (c *Changes) writeTexts(b *strings.Builder) {
	if len(c.Texts) == 0 {
		return
	}
	b.WriteString("\n### Veranderde antwoorden en perspectieven\n\n")
	b.WriteString("Geschrapte woorden staan ~~doorgestreept~~, nieuwe woorden **vet**. Waar de meeste woorden anders zijn, staan de tekst van vorig jaar en die van dit jaar onder elkaar.\n")
	stop := ""
	for _, t := range c.Texts {
		if n := t.Number(); n != stop {
			stop = n
			fmt.Fprintf(b, "\n#### %s %s\n\n", n, mdtext.Inline(cmpPartText(t.Question, t.PartID, t.PartLetter, t.PartText)))
		}
		who := "**Gezamenlijk antwoord**"
		if t.Organisation != "" {
			who = "**Perspectief " + inlineBeforeMark(t.Organisation) + "**"
		}
		switch {
		case t.Prior == "":
			fmt.Fprintf(b, "- %s (nieuw): %s\n", who, mdtext.Inline(t.Current))
		case t.Current == "":
			fmt.Fprintf(b, "- %s (vervallen): %s\n", who, mdtext.Inline(t.Prior))
		case t.Rewritten():
			fmt.Fprintf(b, "- %s (herschreven):\n  - Vorig jaar: %s\n  - Dit jaar: %s\n", who, mdtext.Inline(t.Prior), mdtext.Inline(t.Current))
		default:
			fmt.Fprintf(b, "- %s: %s\n", who, diffMarkdown(t.Runs))
		}
	}
}
