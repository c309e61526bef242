package content

import (
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// fields checks that n is a mapping with only known keys, each once, and
// returns the values by key; nil when n is not a mapping.
func (p *convenantParser) fields(n *yaml.Node, path string, known ...string) map[string]*yaml.Node {
	if n.Kind != yaml.MappingNode {
		p.errf(n.Line, path, "verwacht velden (%s), maar vond %s", strings.Join(known, ", "), nodeDesc(n))
		return nil
	}
	out := map[string]*yaml.Node{}
	lines := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		fp := fieldPath(path, k.Value)
		if !slices.Contains(known, k.Value) {
			p.errf(k.Line, fp, "onbekend veld %q (toegestaan: %s)", k.Value, strings.Join(known, ", "))
			continue
		}
		if prev, dup := lines[k.Value]; dup {
			p.errf(k.Line, fp, "dit veld staat er twee keer (eerder op regel %d)", prev)
			continue
		}
		lines[k.Value] = k.Line
		out[k.Value] = v
	}
	return out
}

// required returns a field's plain text, reporting it when missing or
// empty. Plain texts (titles, headings, terms) hold no marks.
func (p *convenantParser) required(parent *yaml.Node, f map[string]*yaml.Node, path, field string) string {
	fp := fieldPath(path, field)
	n := f[field]
	if n == nil {
		p.errf(parent.Line, fp, "ontbreekt")
		return ""
	}
	s, ok := p.scalar(n, fp)
	switch {
	case ok && s == "":
		p.errf(n.Line, fp, "mag niet leeg zijn")
	case ok && strings.ContainsAny(s, "[]{}"):
		p.errf(n.Line, fp, "bevat een vierkante haak of accolade; die horen alleen in teksten met open plekken of velden, niet in een titel, kop of begrip")
		return ""
	}
	return s
}

// requiredText is text for a value that may not be empty.
func (p *convenantParser) requiredText(n *yaml.Node, path string, party bool) string {
	s, ok := p.text(n, path, party)
	if ok && s == "" {
		p.errf(n.Line, path, "mag niet leeg zijn")
	}
	return s
}

// text reads a text that may hold placeholders and fields, and checks
// them; {partij} is allowed only where party is set (the row of a party
// table). ok is false when a problem was reported.
func (p *convenantParser) text(n *yaml.Node, path string, party bool) (string, bool) {
	s, ok := p.scalar(n, path)
	if !ok || s == "" {
		return "", ok
	}
	segs, err := ConvenantSegments(s)
	if err != nil {
		p.errf(n.Line, path, "%s", err.Error())
		return "", false
	}
	for _, sg := range segs {
		if sg.Kind != SegmentField {
			continue
		}
		if sg.Text == ConvenantFieldParty && !party {
			p.errf(n.Line, path, "{%s} staat alleen in de rij van een partijtabel (party_table.row)", ConvenantFieldParty)
			return "", false
		}
		if id, ok := strings.CutPrefix(sg.Text, ConvenantFieldArticle); ok {
			p.refs = append(p.refs, convenantRef{id: id, field: path, line: n.Line})
		}
	}
	return s, true
}

// scalar returns the text of a scalar node; null counts as empty.
func (p *convenantParser) scalar(n *yaml.Node, path string) (string, bool) {
	if n.Kind != yaml.ScalarNode {
		if n.Kind == yaml.MappingNode && len(n.Content) > 0 && strings.Contains(n.Content[0].Value, "IN TE VULLEN") {
			// "tot [IN TE VULLEN: datum]" unquoted: YAML reads the ": " as a key.
			p.errf(n.Line, path, "verwacht een tekst, maar YAML las de dubbele punt in [IN TE VULLEN: …] als een veld; zet de tekst tussen aanhalingstekens of schrijf hem na >- op de volgende regels")
			return "", false
		}
		p.errf(n.Line, path, "verwacht een tekst, maar vond %s", nodeDesc(n))
		return "", false
	}
	if n.Tag == "!!null" {
		return "", true
	}
	if msg := unsafeText(n.Value); msg != "" {
		p.errf(n.Line, path, "%s", msg)
		return "", false
	}
	return strings.TrimSpace(n.Value), true
}

func (p *convenantParser) list(n *yaml.Node, path string) []*yaml.Node {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		p.errf(n.Line, path, "verwacht een lijst (regels die beginnen met \"- \"), maar vond %s", nodeDesc(n))
		return nil
	}
	return n.Content
}

// entry reads {unit, title} and places the unit.
func (p *convenantParser) entry(n *yaml.Node, path string) (ConvenantEntry, bool) {
	f := p.fields(n, path, "unit", "title")
	if f == nil {
		return ConvenantEntry{}, false
	}
	title := p.required(n, f, path, "title")
	un := f["unit"]
	if un == nil {
		p.errf(n.Line, path+".unit", "ontbreekt; noem een vraag (\"vraag-id\") of een onderdeel (\"vraag-id/onderdeel-id\")")
		return ConvenantEntry{}, false
	}
	u, ok := p.unitField(un, path+".unit")
	if !ok {
		return ConvenantEntry{}, false
	}
	return ConvenantEntry{Unit: u, Title: title, Line: un.Line}, true
}

// unitField reads a unit and places it.
func (p *convenantParser) unitField(un *yaml.Node, fp string) (ConvenantUnit, bool) {
	s, ok := p.scalar(un, fp)
	if !ok {
		return ConvenantUnit{}, false
	}
	if s == "" {
		p.errf(un.Line, fp, "mag niet leeg zijn; noem een vraag (\"vraag-id\") of een onderdeel (\"vraag-id/onderdeel-id\")")
		return ConvenantUnit{}, false
	}
	return p.unit(un, fp, s)
}

// unit resolves "question" or "question/part" against the set and records
// that it is placed, so that no unit is placed twice.
func (p *convenantParser) unit(n *yaml.Node, path, s string) (ConvenantUnit, bool) {
	qid, part, hasPart := strings.Cut(s, "/")
	u := ConvenantUnit{Question: qid, Part: part}
	_, q := p.set.Question(qid)
	if q == nil {
		p.errf(n.Line, path, "vraag %q staat niet in vragenset %s", qid, p.set.ID)
		return u, false
	}
	parts := q.Parts()
	switch {
	case len(parts) == 0 && hasPart:
		p.errf(n.Line, path, "vraag %q heeft geen onderdelen; schrijf alleen %q", qid, qid)
		return u, false
	case len(parts) > 0 && !hasPart:
		p.errf(n.Line, path, "vraag %q heeft onderdelen; noem er één, zoals %q (onderdelen: %s)", qid, qid+"/"+parts[0].ID, convenantPartIDs(parts))
		return u, false
	case hasPart && !convenantHasPart(parts, part):
		p.errf(n.Line, path, "vraag %q heeft geen onderdeel %q (onderdelen: %s)", qid, part, convenantPartIDs(parts))
		return u, false
	}
	if prev, dup := p.seen[u]; dup {
		p.errf(n.Line, path, "%q is al ingedeeld op regel %d; elk onderdeel hoort op één plek in het convenant", u.String(), prev)
		return u, false
	}
	p.seen[u] = n.Line
	return u, true
}

func convenantHasPart(parts []Point, id string) bool {
	for _, pt := range parts {
		if pt.ID == id {
			return true
		}
	}
	return false
}

func convenantPartIDs(parts []Point) string {
	ids := make([]string, len(parts))
	for i, pt := range parts {
		ids[i] = pt.ID
	}
	return strings.Join(ids, ", ")
}
