package convenant

import (
	"fmt"
	"strings"

	"gespreksmap/sessions"
)

// party is one organisation at the table and who signs for it.
type party struct {
	name    string // organisation, or a placeholder
	ref     string // how a placeholder refers to it (placeholders never nest)
	signers []sessions.Participant
}

func (d *drafter) parties() []*party {
	var list []*party
	byKey := map[string]*party{}
	for _, p := range d.s.Participants {
		key := strings.ToLower(strings.TrimSpace(p.Organisation))
		name, ref := inline(p.Organisation), inline(p.Organisation)
		if key == "" {
			// Someone without an organisation is a party of their own until
			// the parties say otherwise.
			key = "\x00" + p.Name
			ref = "de organisatie van " + inline(p.Name)
			name = Placeholder(ref)
		}
		pt := byKey[key]
		if pt == nil {
			pt = &party{name: name, ref: ref}
			byKey[key] = pt
			list = append(list, pt)
		}
		if p.Signs {
			pt.signers = append(pt.signers, p)
		}
	}
	return list
}

func (d *drafter) writeParties(b *strings.Builder) {
	b.WriteString("## Partijen\n\n")
	// Whether a signer may bind the organisation (by statute, mandate or
	// power of attorney) is not something a conversation records.
	authority := Placeholder("per partij nagaan of wie tekent daartoe bevoegd is, zo nodig met mandaat of volmacht") + "\n\n"
	parties := d.parties()
	if len(parties) == 0 {
		b.WriteString(Placeholder("de partijen die dit convenant sluiten, waar zij gevestigd zijn, en wie voor elk van hen tekent en in welke functie") + "\n\n")
		b.WriteString(authority)
		return
	}
	for i, p := range parties {
		fmt.Fprintf(b, "%d. **%s**, gevestigd te %s, hierbij vertegenwoordigd door %s%s\n",
			i+1, p.name, Placeholder("plaats en adres"), signersPhrase(p), sep(i, len(parties)))
	}
	b.WriteString("\nhierna samen te noemen: partijen.\n\n")
	b.WriteString(authority)
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

func signersPhrase(p *party) string {
	if len(p.signers) == 0 {
		return Placeholder("naam en functie van wie voor " + p.ref + " tekent")
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
