package report

import (
	"sort"
	"strconv"
	"strings"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/sessions/mdtext"
)

// question writes the rest of a question block, after the heading text.
func (w *writer) question(id string, q *content.Question, a *sessions.Answer) {
	w.put("\n")
	w.put(markerLine(mQuestion, id))
	w.put("\n")
	if a.Empty() {
		if q != nil {
			w.pointsNote(q.Parts())
		}
		w.put(notDiscussed)
		w.put("\n\n")
		return
	}
	var kind content.Kind
	var points []content.Point
	if q != nil {
		kind = q.Kind
		points = q.Parts()
	}
	if (len(points) == 0 && len(a.Parts) == 0) || a.Status != sessions.StatusNone {
		w.status(a.Status)
	}
	if kind == content.KindPartners || len(a.Partners) > 0 || len(a.OtherPartners) > 0 {
		w.partners(kind == content.KindPartners, a)
	}
	if kind == content.KindCounts || len(a.Counts) > 0 {
		w.counts(q, a)
	}
	if kind == content.KindChoice || a.Choice != "" {
		w.choices(q, a)
	}
	if a.Text != "" {
		w.textLabel(q, a)
		w.quote(a.Text)
	}
	w.perspectives(a, "")
	w.parts(points, a)
}

// perspectives writes the perspectives made at one stop of the question:
// at the question as a whole (part "") or at one of its parts.
func (w *writer) perspectives(a *sessions.Answer, part string) {
	for _, p := range a.Perspectives {
		if markerArg(p.Part) != part {
			continue
		}
		w.put(perspectivePrefix)
		if org := inline(p.Organisation); org != "" {
			w.put(" ")
			w.put(org)
		}
		w.put(":**")
		w.put(inlineMarker(mPerspective, ""))
		w.put("\n\n")
		w.quote(p.Text)
	}
}

func (w *writer) status(st sessions.Status) {
	w.put(statusPrefix)
	w.put(" ")
	w.put(st.Label())
	w.put("\n\n")
}

// quote writes multi-line text as a blockquote, followed by a blank line so
// that nothing after it is read as a continuation of the quote.
func (w *writer) quote(text string) { w.b = mdtext.AppendQuote(w.b, text) }

// sortedKeys returns the keys of m that the set does not list, sorted, so
// that values under ids of another set version are written too.
func sortedKeys[V any](m map[string]V, listed func(string) bool, keep func(V) bool) []string {
	var ids []string
	for id, v := range m {
		if !listed(id) && keep(v) {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	return ids
}

func (w *writer) partners(listAll bool, a *sessions.Answer) {
	wrote := false
	line := func(label, id string, st sessions.PartnerState) {
		w.put("- ")
		w.put(label)
		w.put(": **")
		w.put(st.Label())
		w.put("**")
		w.put(inlineMarker(mPartner, markerArg(id)))
		w.put("\n")
		wrote = true
	}
	if listAll {
		for _, pk := range w.set.PartnerKinds {
			line(inline(pk.Label), pk.ID, a.Partners[pk.ID])
		}
	}
	listed := func(id string) bool { return listAll && w.set.PartnerKind(id) != nil }
	for _, id := range sortedKeys(a.Partners, listed, func(st sessions.PartnerState) bool { return st != sessions.PartnerUnknown }) {
		label := id
		if pk := w.set.PartnerKind(id); pk != nil {
			label = pk.Label
		}
		line(inline(label), id, a.Partners[id])
	}
	for _, o := range a.OtherPartners {
		w.put("- ")
		w.put(otherPrefix)
		w.put(" ")
		w.put(inline(o.Name))
		w.put(": **")
		w.put(o.State.Label())
		w.put("**")
		w.put(inlineMarker(mOther, ""))
		w.put("\n")
		wrote = true
	}
	if wrote {
		w.put("\n")
	}
}

func (w *writer) counts(q *content.Question, a *sessions.Answer) {
	var cats []content.Category
	if q != nil && q.Kind == content.KindCounts {
		cats = q.Categories
	}
	total, filled := 0, false
	line := func(label, id string) {
		w.put("- ")
		w.put(label)
		w.put(": **")
		if n, ok := a.Counts[id]; ok {
			w.put(strconv.Itoa(n))
			total += n
			filled = true
		} else {
			w.put(countEmpty)
		}
		w.put("**")
		w.put(inlineMarker(mCount, markerArg(id)))
		w.put("\n")
	}
	for _, c := range cats {
		line(inline(c.Label), c.ID)
	}
	listed := func(id string) bool {
		for _, c := range cats {
			if c.ID == id {
				return true
			}
		}
		return false
	}
	for _, id := range sortedKeys(a.Counts, listed, func(int) bool { return true }) {
		line(inline(id), id)
	}
	if filled {
		w.put(totalPrefix)
		w.put(strconv.Itoa(total))
		w.put("**\n")
	}
	if in, ok := sessions.IndicativeFor(q, a.Counts); ok {
		// "- **Indicatief: 46,5 fte** (Breed profiel 46,5; bron: …)"
		w.put("- **")
		w.put(in.Headline(inline))
		w.put("** (")
		w.put(in.Details(inline))
		w.put("; ")
		w.put(in.SourceText(inline))
		w.put(")\n")
	}
	if len(cats) > 0 || len(a.Counts) > 0 {
		w.put("\n")
	}
}

func (w *writer) choices(q *content.Question, a *sessions.Answer) {
	var choices []content.Choice
	if q != nil && q.Kind == content.KindChoice {
		choices = q.Choices
	}
	line := func(label, id string) {
		if id == a.Choice {
			w.put("- [x] ")
		} else {
			w.put("- [ ] ")
		}
		w.put(label)
		w.put(inlineMarker(mChoice, markerArg(id)))
		w.put("\n")
	}
	known := false
	for _, c := range choices {
		line(inline(c.Label), c.ID)
		known = known || c.ID == a.Choice
	}
	if !known && a.Choice != "" {
		line(inline(a.Choice), a.Choice)
	}
	if len(choices) > 0 || a.Choice != "" {
		w.put("\n")
	}
}

// textLabel writes the set's label above the free text of a counts question
// ("Welke vragen hebben zij?") or the follow-up of the chosen choice.
func (w *writer) textLabel(q *content.Question, a *sessions.Answer) {
	if q == nil {
		return
	}
	label := ""
	switch q.Kind {
	case content.KindCounts:
		label = q.CountsText
	case content.KindChoice:
		if f := q.FollowUp(a.Choice); f != nil && a.Choice != "" {
			label = f.Text
		}
	}
	if l := labelLine(label); l != "" {
		w.put(l)
		w.put("\n\n")
	}
}

// labelLine is a label from the set above a text, in bold; "" for none.
func labelLine(label string) string {
	if l := inline(label); l != "" {
		return "**" + l + "**"
	}
	return ""
}

// textLabels are the labels the set may write above the joint answer of q.
func textLabels(q *content.Question) []string {
	var labels []string
	switch q.Kind {
	case content.KindCounts:
		labels = append(labels, labelLine(q.CountsText))
	case content.KindChoice:
		for _, f := range q.FollowUps {
			labels = append(labels, labelLine(f.Text))
		}
	}
	return labels
}

// pointsNote names the sub-points or topics of a question that was not
// discussed at all (derived), so that a question ending in "over:" still
// reads whole.
func (w *writer) pointsNote(points []content.Point) {
	if len(points) == 0 {
		return
	}
	w.put(pointsNoteLine(points))
	w.put("\n\n")
}

func pointsNoteLine(points []content.Point) string {
	ps := make([]string, len(points))
	for k, p := range points {
		ps[k] = content.PartLetter(k) + ". " + inline(p.Text)
	}
	return "*" + strings.Join(ps, " · ") + "*"
}

// bulletsLine is what a sub-point can cover, as the set lists it (derived).
func bulletsLine(bullets []string) string {
	bs := make([]string, len(bullets))
	for i, b := range bullets {
		bs[i] = inline(b)
	}
	return "*" + strings.Join(bs, "; ") + "*"
}

func (w *writer) parts(points []content.Point, a *sessions.Answer) {
	for k, p := range points {
		if w.onlyDiscussed && partEmpty(a.Parts[p.ID]) && !hasPerspectiveAt(a, p.ID) {
			continue
		}
		w.put("#### ")
		w.put(content.PartLetter(k))
		w.put(". ")
		w.put(inline(p.Text))
		w.part(p.ID, a.Parts[p.ID], p.Bullets)
		w.perspectives(a, p.ID)
	}
	listed := func(id string) bool {
		for _, p := range points {
			if p.ID == id {
				return true
			}
		}
		return false
	}
	// Parts the set does not list: answered, or with a perspective made
	// there.
	extra := map[string]*sessions.Part{}
	for id, p := range a.Parts {
		if !partEmpty(p) {
			extra[id] = p
		}
	}
	for _, p := range a.Perspectives {
		if id := markerArg(p.Part); id != "" && extra[id] == nil {
			extra[id] = a.Parts[id]
		}
	}
	for _, id := range sortedKeys(extra, listed, func(*sessions.Part) bool { return true }) {
		w.put("#### `")
		w.put(strings.ReplaceAll(markerArg(id), "`", "'"))
		w.put("`")
		w.part(id, a.Parts[id], nil)
		w.perspectives(a, id)
	}
}

func (w *writer) part(id string, p *sessions.Part, bullets []string) {
	w.put("\n")
	w.put(markerLine(mPart, id))
	w.put("\n")
	if len(bullets) > 0 {
		w.put(bulletsLine(bullets))
		w.put("\n\n")
	}
	if partEmpty(p) {
		w.put(notDiscussed)
		w.put("\n\n")
		return
	}
	w.status(p.Status)
	w.quote(p.Text)
}

// hasPerspectiveAt reports whether a perspective was made at the part.
func hasPerspectiveAt(a *sessions.Answer, part string) bool {
	for _, p := range a.Perspectives {
		if markerArg(p.Part) == part {
			return true
		}
	}
	return false
}

func partEmpty(p *sessions.Part) bool {
	return p == nil || (p.Status == sessions.StatusNone && p.Text == "")
}
