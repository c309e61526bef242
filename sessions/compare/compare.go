// Package compare is the yearly comparison: a project group brings last
// year's report back and wants to see, per question, what moved. Everything
// is matched by id, so reports made with different versions of a question
// set compare without errors; answers to questions the set does not know
// are listed apart.
package compare

import (
	"sort"
	"strings"

	"gespreksmap/content"
	"gespreksmap/sessions"
)

// Compare lists what changed between last year's report and this year's,
// using set for the order, numbering and wording of questions.
func Compare(set *content.Set, prior, current *sessions.Session) *Changes {
	if set == nil {
		set = &content.Set{}
	}
	if prior == nil {
		prior = &sessions.Session{}
	}
	if current == nil {
		current = &sessions.Session{}
	}
	c := &Changes{
		PriorTitle: prior.Title, CurrentTitle: current.Title,
		PriorDate: prior.Date, CurrentDate: current.Date,
		PriorSetID: prior.SetID, PriorSetVersion: prior.SetVersion,
		CurrentSetID: current.SetID, CurrentSetVersion: current.SetVersion,
		Compared: map[content.Kind]int{},
	}
	refs := map[string]QuestionRef{}
	for si := range set.Sections {
		sec := &set.Sections[si]
		for qi := range sec.Questions {
			q := &sec.Questions[qi]
			ref := QuestionRef{ID: q.ID, Text: q.Text, Section: si + 1, Index: qi + 1, SectionID: sec.ID, SectionTitle: sec.Title}
			refs[q.ID] = ref
			c.compareQuestion(set, q, ref, prior.Answers[q.ID], current.Answers[q.ID])
			c.compareTexts(q, ref, prior.Answers[q.ID], current.Answers[q.ID])
		}
	}
	c.Unknown = cmpUnknown(refs, prior, current)
	was, is := cmpOrganisations(prior), cmpOrganisations(current)
	c.OrganisationsInPrior, c.OrganisationsInCurrent = len(was) > 0, len(is) > 0
	c.JoinedOrganisations, c.LeftOrganisations = cmpOnlyIn(is, was), cmpOnlyIn(was, is)
	c.Actions = cmpActions(set, prior, current)
	c.Parked = cmpParked(set, prior, current)
	return c
}

func (c *Changes) compareQuestion(set *content.Set, q *content.Question, ref QuestionRef, was, is *sessions.Answer) {
	c.compareKind(set, q, ref, was, is)
	switch {
	case was.Empty() && is.Empty():
		return
	case is.Empty():
		c.NoLongerAnswered = append(c.NoLongerAnswered, AnsweredQuestion{Question: ref, Summary: sessions.Summary(q, was, "")})
		return
	case was.Empty():
		c.NewlyAnswered = append(c.NewlyAnswered, AnsweredQuestion{Question: ref, Summary: sessions.Summary(q, is, "")})
		return
	}
	if was.Status != is.Status {
		c.Statuses = append(c.Statuses, StatusChange{Question: ref, From: was.Status, To: is.Status})
	}
	// Parts are questions of their own: one answered in a single year is new
	// or gone, not a change of status.
	for _, p := range cmpParts(q, was, is) {
		wp, ip := was.Parts[p.id], is.Parts[p.id]
		switch {
		case cmpPartEmpty(wp) && cmpPartEmpty(ip):
		case cmpPartEmpty(ip):
			c.NoLongerAnswered = append(c.NoLongerAnswered, AnsweredQuestion{Question: ref, PartID: p.id, PartLetter: p.letter, PartText: p.text, Summary: cmpPartSummary(wp)})
		case cmpPartEmpty(wp):
			c.NewlyAnswered = append(c.NewlyAnswered, AnsweredQuestion{Question: ref, PartID: p.id, PartLetter: p.letter, PartText: p.text, Summary: cmpPartSummary(ip)})
		case wp.Status != ip.Status:
			c.Statuses = append(c.Statuses, StatusChange{Question: ref, PartID: p.id, PartLetter: p.letter, PartText: p.text, From: wp.Status, To: ip.Status})
		}
	}
}

// compareKind compares the numbers, partners or choice of a question, but
// only when both reports filled them in: an empty year is not a change.
func (c *Changes) compareKind(set *content.Set, q *content.Question, ref QuestionRef, was, is *sessions.Answer) {
	var inWas, inIs bool
	switch q.Kind {
	case content.KindCounts, content.KindPartners, content.KindChoice:
		inWas, inIs = cmpFilled(q.Kind, was), cmpFilled(q.Kind, is)
	default:
		return
	}
	switch {
	case !inWas && !inIs:
		return
	case inWas != inIs:
		c.OneYearOnly = append(c.OneYearOnly, OneYearOnly{Question: ref, Kind: q.Kind, InCurrent: inIs})
		return
	}
	c.Compared[q.Kind]++
	switch q.Kind {
	case content.KindCounts:
		c.Counts = append(c.Counts, cmpCounts(q, ref, was, is))
	case content.KindPartners:
		c.Partners = append(c.Partners, cmpPartners(set, ref, was, is)...)
	case content.KindChoice:
		if was.Choice != is.Choice {
			c.Choices = append(c.Choices, ChoiceChange{
				Question: ref, From: was.Choice, To: is.Choice,
				FromLabel: cmpChoiceLabel(q, was.Choice), ToLabel: cmpChoiceLabel(q, is.Choice),
			})
		}
	}
}

// cmpFilled reports whether the part of an answer that its kind compares
// was filled in.
func cmpFilled(kind content.Kind, a *sessions.Answer) bool {
	if a == nil {
		return false
	}
	switch kind {
	case content.KindCounts:
		return len(a.Counts) > 0
	case content.KindChoice:
		return a.Choice != ""
	case content.KindPartners:
		if len(a.OtherPartners) > 0 {
			return true
		}
		for _, st := range a.Partners {
			if st != sessions.PartnerUnknown {
				return true
			}
		}
	}
	return false
}

type cmpPart struct{ id, letter, text string }

func cmpPartEmpty(p *sessions.Part) bool {
	return p == nil || (p.Status == sessions.StatusNone && strings.TrimSpace(p.Text) == "")
}

func cmpPartSummary(p *sessions.Part) string {
	if p.Status != sessions.StatusNone {
		return p.Status.Label()
	}
	return "beantwoord"
}

// cmpParts lists the parts of a question in the set's order, then parts
// only the reports know, sorted by id.
func cmpParts(q *content.Question, answers ...*sessions.Answer) []cmpPart {
	var out []cmpPart
	known := map[string]bool{}
	for i, p := range q.Parts() {
		out = append(out, cmpPart{id: p.ID, letter: content.PartLetter(i), text: p.Text})
		known[p.ID] = true
	}
	var parts []map[string]*sessions.Part
	for _, a := range answers {
		if a == nil {
			continue
		}
		parts = append(parts, a.Parts)
	}
	for _, id := range unknownKeys(known, parts...) {
		out = append(out, cmpPart{id: id, text: id})
	}
	return out
}

func cmpCounts(q *content.Question, ref QuestionRef, was, is *sessions.Answer) CountsComparison {
	cc := CountsComparison{Question: ref}
	known := map[string]bool{}
	add := func(id, label string) {
		known[id] = true
		p, inP := was.Counts[id]
		n, inN := is.Counts[id]
		if !inP && !inN {
			return // a category nobody filled in says nothing
		}
		cc.Rows = append(cc.Rows, CountRow{CategoryID: id, Label: label, Prior: p, Current: n, InPrior: inP, InCurrent: inN})
	}
	for _, cat := range q.Categories {
		add(cat.ID, cat.Label)
	}
	for _, id := range unknownKeys(known, was.Counts, is.Counts) {
		add(id, id)
	}
	prior, current := map[string]int{}, map[string]int{}
	for _, r := range cc.Rows {
		if r.InPrior && r.InCurrent {
			prior[r.CategoryID], current[r.CategoryID] = r.Prior, r.Current
		}
	}
	if p, ok := sessions.IndicativeFor(q, prior); ok {
		c, _ := sessions.IndicativeFor(q, current)
		cc.Indicative = &IndicativeComparison{Prior: p, Current: c}
	}
	return cc
}

func cmpPartners(set *content.Set, ref QuestionRef, was, is *sessions.Answer) []PartnerChange {
	var out []PartnerChange
	known := map[string]bool{}
	check := func(id, label string) {
		known[id] = true
		if f, t := was.Partners[id], is.Partners[id]; f != t {
			out = append(out, PartnerChange{Question: ref, PartnerID: id, Label: label, From: f, To: t})
		}
	}
	for _, pk := range set.PartnerKinds {
		check(pk.ID, pk.Label)
	}
	for _, id := range unknownKeys(known, was.Partners, is.Partners) {
		check(id, id)
	}

	// Named partners are matched by name, ignoring case and outer spaces,
	// since the name is all there is to go by.
	type other struct {
		name       string
		from, to   sessions.PartnerState
		was, isNow bool
	}
	others := map[string]*other{}
	for _, op := range was.OtherPartners {
		k := strings.ToLower(strings.TrimSpace(op.Name))
		if others[k] == nil {
			others[k] = &other{name: strings.TrimSpace(op.Name)}
		}
		others[k].from, others[k].was = op.State, true
	}
	for _, op := range is.OtherPartners {
		k := strings.ToLower(strings.TrimSpace(op.Name))
		if others[k] == nil {
			others[k] = &other{}
		}
		others[k].name = strings.TrimSpace(op.Name) // this year's spelling wins
		others[k].to, others[k].isNow = op.State, true
	}
	keys := make([]string, 0, len(others))
	for k := range others {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		o := others[k]
		if o.from != o.to || o.was != o.isNow {
			out = append(out, PartnerChange{Question: ref, Label: o.name, Other: true, From: o.from, To: o.to, Named: !o.was, Unnamed: !o.isNow})
		}
	}
	return out
}

// cmpOrganisations maps the participants' organisations, lower case with
// spaces tidied, to their first spelling in the report.
func cmpOrganisations(s *sessions.Session) map[string]string {
	m := map[string]string{}
	for _, p := range s.Participants {
		name := strings.Join(strings.Fields(p.Organisation), " ")
		if k := strings.ToLower(name); k != "" && m[k] == "" {
			m[k] = name
		}
	}
	return m
}

// cmpOnlyIn lists the organisations of a that b lacks, sorted.
func cmpOnlyIn(a, b map[string]string) []string {
	var keys []string
	for k := range a {
		if _, ok := b[k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = a[k]
	}
	return out
}

// cmpChoiceLabel names a choice; the comparison also says when none was made.
func cmpChoiceLabel(q *content.Question, id string) string {
	if id == "" {
		return "geen keuze"
	}
	return sessions.ChoiceLabel(q, id)
}

func cmpUnknown(refs map[string]QuestionRef, prior, current *sessions.Session) []UnknownQuestion {
	byID := map[string]*UnknownQuestion{}
	note := func(a *sessions.Answer, id string, isCurrent bool) {
		if _, ok := refs[id]; ok || a.Empty() {
			return
		}
		u := byID[id]
		if u == nil {
			u = &UnknownQuestion{ID: id}
			byID[id] = u
		}
		if isCurrent {
			u.Current = a
		} else {
			u.Prior = a
		}
		// This year's wording wins; last year's fills the gap.
		if a.QuestionText != "" && (isCurrent || u.Text == "") {
			u.Text = a.QuestionText
		}
	}
	for id, a := range prior.Answers {
		note(a, id, false)
	}
	for id, a := range current.Answers {
		note(a, id, true)
	}
	ids := make([]string, 0, len(byID))
	for id := range byID {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	out := make([]UnknownQuestion, 0, len(ids))
	for _, id := range ids {
		out = append(out, *byID[id])
	}
	return out
}

// cmpActions lists last year's open items. The current report's own record
// of outcomes (PriorActions) comes first and wins; open items of the prior
// report it does not mention are added, carried when this year's list holds
// a carried item with the same description, otherwise still undecided.
func cmpActions(set *content.Set, prior, current *sessions.Session) []ActionOutcome {
	key := func(it sessions.ActionItem) string { return it.What + "\x00" + it.QuestionID }
	// The stop where the item was made: "1.3" or "1.3b".
	number := func(it sessions.ActionItem) string {
		if it.QuestionID == "" {
			return ""
		}
		if n, _ := set.StopNumber(it.QuestionID, it.Part); n != "" {
			return n
		}
		return "`" + it.QuestionID + "`"
	}
	newWhen := func(it sessions.ActionItem) string {
		for _, strict := range []bool{true, false} {
			for _, a := range current.Actions {
				if a.Carried && a.What == it.What && (!strict || a.QuestionID == it.QuestionID) {
					return a.When
				}
			}
		}
		return ""
	}
	var out []ActionOutcome
	seen := map[string]bool{}
	for _, pa := range current.PriorActions {
		seen[key(pa.Item)] = true
		ao := ActionOutcome{Item: pa.Item, QuestionNumber: number(pa.Item), Outcome: pa.Outcome}
		if pa.Outcome == sessions.OutcomeCarried {
			ao.NewWhen = newWhen(pa.Item)
		}
		out = append(out, ao)
	}
	for _, it := range prior.Actions {
		if it.Done || seen[key(it)] {
			continue
		}
		seen[key(it)] = true
		ao := ActionOutcome{Item: it, QuestionNumber: number(it)}
		for _, a := range current.Actions {
			if a.Carried && a.What == it.What {
				ao.Outcome = sessions.OutcomeCarried
				ao.NewWhen = newWhen(it)
				break
			}
		}
		out = append(out, ao)
	}
	return out
}

// unknownKeys lists, sorted and once each, the keys of the maps that known
// does not hold: ids of another version of the question set, compared too.
func unknownKeys[V any](known map[string]bool, maps ...map[string]V) []string {
	var extra []string
	seen := map[string]bool{}
	for _, m := range maps {
		for id := range m {
			if !known[id] && !seen[id] {
				seen[id] = true
				extra = append(extra, id)
			}
		}
	}
	sort.Strings(extra)
	return extra
}
