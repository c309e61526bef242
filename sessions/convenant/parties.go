package convenant

import (
	"fmt"
	"strings"
	"unicode"

	"gespreksmap/content"
	"gespreksmap/sessions"
)

// Organisation is one organisation at the table of a conversation, as the
// drafter chooses the parties from them.
type Organisation struct {
	// Name is the organisation as first written at the table; for someone
	// who came without one, that person's own name (Person is set).
	Name   string
	Person bool
	// Parents: it represents parents (an oudervertegenwoordiging, a
	// parents' council). It is named among those involved and is by default
	// not a party: it cannot bind parents, and often is no legal person.
	Parents bool
	// School: its party is the school's competent authority (bevoegd
	// gezag), which the draft asks for; the school is where it acts.
	School bool
	// Default: a party unless the drafter chooses otherwise.
	Default bool
}

// org is an organisation at the table with who signs for it.
type org struct {
	Organisation
	key     string
	signers []sessions.Participant
	party   bool // signs this convenant
}

// Organisations lists the organisations at the table in the order they
// were first named.
func Organisations(set *content.Set, s *sessions.Session) []Organisation {
	orgs := organisations(set, s)
	out := make([]Organisation, len(orgs))
	for i, o := range orgs {
		out[i] = o.Organisation
	}
	return out
}

// DefaultParties names the organisations that sign unless the drafter
// chooses otherwise: everyone at the table but the parents' representation.
func DefaultParties(set *content.Set, s *sessions.Session) []string {
	var names []string
	for _, o := range Organisations(set, s) {
		if o.Default {
			names = append(names, o.Name)
		}
	}
	return names
}

// MatchParties finds each name among the organisations, in any case and
// with its spaces as they come: matched holds the organisations' own
// names, unknown the names that are none of them.
func MatchParties(orgs []Organisation, names []string) (matched, unknown []string) {
	for _, n := range names {
		found := false
		for _, o := range orgs {
			if sameName(o.Name, n) {
				matched = append(matched, o.Name)
				found = true
				break
			}
		}
		if !found {
			unknown = append(unknown, n)
		}
	}
	return matched, unknown
}

func sameName(a, b string) bool { return nameKey(a) == nameKey(b) }

func nameKey(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

func organisations(set *content.Set, s *sessions.Session) []*org {
	var list []*org
	byKey := map[string]*org{}
	for _, p := range s.Participants {
		key := nameKey(p.Organisation)
		o := &org{key: key}
		o.Name = strings.TrimSpace(p.Organisation)
		if key == "" {
			// Someone without an organisation is a party of their own until
			// the drafter says otherwise.
			o.key, o.Name, o.Person = "\x00"+nameKey(p.Name), strings.TrimSpace(p.Name), true
		}
		if prev := byKey[o.key]; prev != nil {
			o = prev
		} else {
			byKey[o.key] = o
			list = append(list, o)
			if !o.Person {
				o.Parents = representsParents(set, p.PartnerKind, o.Name)
				o.School = !o.Parents && isSchool(set, p.PartnerKind, o.Name)
			}
			o.Default = !o.Parents
		}
		if p.Signs {
			o.signers = append(o.signers, p)
		}
	}
	return list
}

// representsParents says whether an organisation speaks for parents: by
// its partner kind when the set knows it, else by the words of the kind
// typed and of its name (a parents' council, the parents' section of a
// participation council).
func representsParents(set *content.Set, kind, name string) bool {
	if pk := set.PartnerKind(kind); pk != nil {
		return parentsWords(pk.ID) || parentsWords(pk.Label)
	}
	return parentsWords(kind) || parentsWords(name)
}

func parentsWords(s string) bool {
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		low := strings.ToLower(w)
		switch {
		case w == "MR", strings.HasPrefix(low, "ouder"), strings.HasPrefix(low, "medezeggenschap"):
			return true
		}
	}
	return false
}

// isSchool says whether an organisation is a school, by its partner kind
// when the set knows it (its id or the first word of its label: "Zorgverleners
// op school" are no school), else by the words of the kind and the name.
func isSchool(set *content.Set, kind, name string) bool {
	if pk := set.PartnerKind(kind); pk != nil {
		first, _, _ := strings.Cut(strings.TrimSpace(pk.Label), " ")
		return schoolWords(pk.ID) || schoolWords(first)
	}
	return schoolWords(kind) || schoolWords(name)
}

func schoolWords(s string) bool {
	low := strings.ToLower(s)
	return strings.Contains(low, "school") || strings.Contains(low, "scholen")
}

// isAuthority says whether a school's name is that of its competent
// authority already: a foundation, an association or a board.
func isAuthority(name string) bool {
	low := strings.ToLower(name)
	for _, w := range []string{"stichting", "vereniging", "bestuur", "scholengroep"} {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// display is the party as the draft names it: a school by its competent
// authority, asked for as a placeholder.
func (o *org) display() string {
	switch {
	case o.Person:
		return Placeholder("de organisatie van " + nameIn(o.Name))
	case o.School && !isAuthority(o.Name):
		return Placeholder("bevoegd gezag van " + nameIn(o.Name))
	}
	return inline(o.Name)
}

// ref is how a placeholder refers to the party (placeholders never nest),
// as markdown: the name escaped, so that a | or * in it stays text.
func (o *org) ref() string {
	switch {
	case o.Person:
		return "de organisatie van " + nameIn(o.Name)
	case o.School && !isAuthority(o.Name):
		return "het bevoegd gezag van " + nameIn(o.Name)
	}
	return nameIn(o.Name)
}

// nameIn is a name as markdown inside a placeholder: its brackets become
// parentheses (a placeholder has one form, see Placeholder) and the rest
// is escaped, so that a | or * in it stays text.
func nameIn(name string) string {
	return inline(strings.NewReplacer("[", "(", "]", ")").Replace(name))
}

// choose marks the parties: the names given, or by default.
func (d *drafter) choose() {
	d.orgs = organisations(d.set, d.s)
	for _, o := range d.orgs {
		if d.opt.Parties == nil {
			o.party = o.Default
			continue
		}
		for _, n := range d.opt.Parties {
			if sameName(n, o.Name) {
				o.party = true
			}
		}
	}
	for _, o := range d.orgs {
		if o.party {
			d.parties = append(d.parties, o)
		}
	}
}

// parentsNames names the parents' representation at the table for the
// field {ouders}, or asks for it.
func (d *drafter) parentsNames() string {
	var names []string
	for _, o := range d.orgs {
		if o.Parents {
			names = append(names, inline(o.Name))
		}
	}
	if len(names) == 0 {
		return Placeholder("naam van de vertegenwoordiging van ouders, zoals de oudergeleding van de medezeggenschapsraad")
	}
	return andList(names)
}

func (d *drafter) writeParties(b *strings.Builder) {
	b.WriteString("## Partijen\n\n")
	if len(d.parties) == 0 {
		b.WriteString(Placeholder("de partijen die dit convenant sluiten, waar zij gevestigd zijn, en wie voor elk van hen tekent en in welke functie") + "\n\n")
	} else {
		b.WriteString("De ondergetekenden:\n\n")
		for i, p := range d.parties {
			acting := ""
			if p.School && !isAuthority(p.Name) {
				acting = ", handelend voor " + inline(p.Name)
			}
			fmt.Fprintf(b, "%d. **%s**, gevestigd te %s%s, te dezen vertegenwoordigd door %s%s\n",
				i+1, p.display(), Placeholder("plaats en adres"), acting, signersPhrase(p), sep(i, len(d.parties)))
		}
		b.WriteString("\nhierna samen te noemen: partijen.\n\n")
	}
	var parents, others []string
	for _, o := range d.orgs {
		switch {
		case o.party:
		case o.Parents:
			parents = append(parents, inline(o.Name))
		case o.Person:
			others = append(others, inline(o.Name)+" (zonder organisatie)")
		default:
			others = append(others, inline(o.Name))
		}
	}
	if len(parents) > 0 {
		fmt.Fprintf(b, "Als vertegenwoordiging van ouders is bij dit convenant betrokken, zonder partij te zijn: %s.\n\n", andList(parents))
	}
	if len(others) > 0 {
		lead := "Betrokken bij dit convenant"
		if len(parents) > 0 {
			lead = "Verder betrokken"
		}
		fmt.Fprintf(b, "%s, zonder partij te zijn: %s.\n\n", lead, andList(others))
	}
	// Whether a signer may bind the organisation (by statute, mandate or
	// power of attorney) is not something a conversation records.
	b.WriteString(Placeholder("per partij nagaan of wie tekent daartoe bevoegd is, zo nodig met mandaat of volmacht") + "\n\n")
}

func sep(i, n int) string {
	switch {
	case i == n-1:
		return ","
	case i == n-2:
		return "; en"
	}
	return ";"
}

func signersPhrase(p *org) string {
	if len(p.signers) == 0 {
		return Placeholder("naam en functie van wie voor " + p.ref() + " tekent")
	}
	var names []string
	for _, s := range p.signers {
		names = append(names, inline(s.Name)+", "+function(s))
	}
	if len(names) == 1 {
		return names[0]
	}
	// The comma before "en" keeps each name with its own function.
	return strings.Join(names[:len(names)-1], ", ") + ", en " + names[len(names)-1]
}

func function(p sessions.Participant) string {
	if f := inline(p.Function); f != "" {
		return f
	}
	return Placeholder("functie van " + inline(p.Name))
}

// writeSignatures writes a table per party: who signs, in what function,
// where and when, and room for the signature.
func (d *drafter) writeSignatures(b *strings.Builder) {
	b.WriteString("## Ondertekening\n\nAldus overeengekomen en ondertekend.\n\n")
	parties := d.parties
	if len(parties) == 0 {
		parties = []*org{{Organisation: Organisation{Name: "deze partij"}}}
	}
	for _, p := range parties {
		name := p.display()
		if len(d.parties) == 0 {
			name = Placeholder("naam van de partij")
		}
		fmt.Fprintf(b, "### Voor %s\n\n", name)
		signers := p.signers
		if len(signers) == 0 {
			signers = []sessions.Participant{{}}
		}
		head, rule := "|  |", "| --- |"
		for i := range signers {
			if len(signers) == 1 {
				head += " Ondertekenaar |"
			} else {
				head += fmt.Sprintf(" Ondertekenaar %d |", i+1)
			}
			rule += " --- |"
		}
		b.WriteString(head + "\n" + rule + "\n")
		row := func(label string, cell func(s sessions.Participant) string) {
			b.WriteString("| " + label + " |")
			for _, s := range signers {
				b.WriteString(" " + cell(s) + " |")
			}
			b.WriteString("\n")
		}
		row("Naam", func(s sessions.Participant) string {
			if n := inline(s.Name); n != "" {
				return n
			}
			return Placeholder("naam van wie voor " + p.ref() + " tekent")
		})
		row("Functie", func(s sessions.Participant) string {
			if inline(s.Name) == "" {
				return Placeholder("functie")
			}
			return function(s)
		})
		row("Plaats", func(sessions.Participant) string { return Placeholder("plaats") })
		row("Datum", func(sessions.Participant) string { return Placeholder("datum") })
		row("Handtekening", func(sessions.Participant) string { return "" })
		b.WriteString("\n")
	}
}
