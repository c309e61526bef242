package content

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// convenantID is the form of a chapter's or a standard article's id.
var convenantID = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

type convenantParser struct {
	name string
	set  *Set
	errs ErrorList
	seen map[ConvenantUnit]int // unit → line where it was placed
	// articles: standard article id → line; refs: every {artikel:id}, checked
	// once all articles are read.
	articles map[string]int
	refs     []convenantRef
	chapters map[string]int // chapter id → line
}

type convenantRef struct {
	id, field string
	line      int
}

func (p *convenantParser) errf(line int, field, format string, args ...any) {
	p.errs = append(p.errs, &Error{File: p.name, Line: line, Field: field, Msg: fmt.Sprintf(format, args...)})
}

const convenantEmpty = "het bestand is leeg; een convenantindeling heeft een titel (title) en hoofdstukken (chapters)"

func (p *convenantParser) parse(data []byte) *ConvenantMap {
	m := &ConvenantMap{}
	if scanBytes(data, func(line int, format string, args ...any) { p.errf(line, "", format, args...) }) {
		return m
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			p.errf(1, "", convenantEmpty)
		} else {
			line, msg := syntaxError(err, data)
			p.errf(line, "", "%s", msg)
		}
		return m
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		p.errf(extra.Line, "", "het bestand bevat meer dan één YAML-document (---); zet één convenantindeling in een bestand")
	} else if !errors.Is(err, io.EOF) {
		line, msg := syntaxError(err, data)
		p.errf(line, "", "%s", msg)
	}
	if len(doc.Content) == 0 {
		p.errf(1, "", convenantEmpty)
		return m
	}
	root := doc.Content[0]
	f := p.fields(root, "", "title", "standard_note", "definitions", "considerations", "opening", "chapters", "closing")
	if f == nil {
		return m
	}
	m.Title = p.required(root, f, "", "title")
	if n := f["standard_note"]; n != nil {
		var ok bool
		m.StandardNote, ok = p.text(n, "standard_note", false)
		if ok && m.StandardNote == "" {
			p.errf(n.Line, "standard_note", "mag niet leeg zijn; laat het veld weg of zeg hoe een standaardartikel gemarkeerd wordt")
		}
	}
	if n := f["definitions"]; n != nil {
		for i, item := range p.list(n, "definitions") {
			if d, ok := p.definition(item, fmt.Sprintf("definitions[%d]", i)); ok {
				m.Definitions = append(m.Definitions, d)
			}
		}
	}
	if n := f["considerations"]; n != nil {
		for i, item := range p.list(n, "considerations") {
			if c, ok := p.consideration(item, fmt.Sprintf("considerations[%d]", i)); ok {
				m.Considerations = append(m.Considerations, c)
			}
		}
	}
	p.chapters = map[string]int{}
	if n := f["opening"]; n != nil {
		m.Opening = p.standardChapters(n, "opening")
	}
	if chapters := f["chapters"]; chapters == nil {
		p.errf(root.Line, "chapters", "ontbreekt; een convenant heeft minstens één hoofdstuk met afspraken")
	} else {
		m.Chapters = p.agreementChapters(chapters)
	}
	if n := f["closing"]; n != nil {
		m.Closing = p.standardChapters(n, "closing")
	}
	p.checkArticles(m, f["definitions"])
	return m
}

// checkArticles checks what spans the whole file: references to standard
// articles, and the one article that lists the definitions.
func (p *convenantParser) checkArticles(m *ConvenantMap, defs *yaml.Node) {
	for _, r := range p.refs {
		if _, ok := p.articles[r.id]; !ok {
			p.errf(r.line, r.field, "verwijst met {%s%s} naar een standaardartikel dat er niet is (ids: %s)",
				ConvenantFieldArticle, r.id, strings.Join(p.articleIDs(m), ", "))
		}
	}
	with := 0
	for _, a := range m.StandardArticles() {
		if a.WithDefinitions {
			with++
			if with == 2 {
				p.errf(a.Line, "with_definitions", "staat bij meer dan één artikel; de begripsbepalingen staan in één artikel")
			}
		}
	}
	if with == 0 && defs != nil && len(m.Definitions) > 0 {
		p.errf(defs.Line, "definitions", "geen artikel toont de begripsbepalingen; zet with_definitions: true bij het artikel waar ze horen (in opening of closing)")
	}
}

func (p *convenantParser) articleIDs(m *ConvenantMap) []string {
	var ids []string
	for _, a := range m.StandardArticles() {
		if !slices.Contains(ids, a.ID) {
			ids = append(ids, a.ID)
		}
	}
	if len(ids) == 0 {
		return []string{"geen"}
	}
	return ids
}

func (p *convenantParser) definition(item *yaml.Node, path string) (ConvenantDefinition, bool) {
	df := p.fields(item, path, "term", "aliases", "explanation")
	if df == nil {
		return ConvenantDefinition{}, false
	}
	d := ConvenantDefinition{Term: p.required(item, df, path, "term")}
	if n := df["explanation"]; n == nil {
		p.errf(item.Line, path+".explanation", "ontbreekt")
	} else {
		d.Explanation = p.requiredText(n, path+".explanation", false)
		if strings.HasSuffix(d.Explanation, ".") || strings.HasSuffix(d.Explanation, ";") {
			p.errf(n.Line, path+".explanation", "eindigt op een punt of puntkomma; laat die weg, het concept zet ze zelf")
		}
	}
	if n := df["aliases"]; n != nil {
		for i, a := range p.list(n, path+".aliases") {
			if s, ok := p.scalar(a, fmt.Sprintf("%s.aliases[%d]", path, i)); ok && s != "" {
				d.Aliases = append(d.Aliases, s)
			} else if ok {
				p.errf(a.Line, fmt.Sprintf("%s.aliases[%d]", path, i), "mag niet leeg zijn")
			}
		}
	}
	return d, true
}

func (p *convenantParser) consideration(item *yaml.Node, path string) (ConvenantConsideration, bool) {
	cf := p.fields(item, path, "unit", "title", "text")
	if cf == nil {
		return ConvenantConsideration{}, false
	}
	c := ConvenantConsideration{Line: item.Line}
	if un := cf["unit"]; un != nil {
		u, ok := p.unitField(un, path+".unit")
		if !ok {
			return c, false
		}
		c.Unit = u
		c.Title = p.required(item, cf, path, "title")
	} else if t := cf["title"]; t != nil {
		p.errf(t.Line, path+".title", "hoort alleen bij een overweging met een unit (de kop van haar antwoord in de bijlage)")
	}
	if n := cf["text"]; n == nil {
		p.errf(item.Line, path+".text", "ontbreekt; schrijf de overweging zonder \"dat\" ervoor")
	} else {
		c.Text = p.requiredText(n, path+".text", false)
		low := strings.ToLower(c.Text)
		switch {
		case strings.HasPrefix(low, "dat "):
			p.errf(n.Line, path+".text", "begint met \"dat\"; laat dat weg, het concept zet het er zelf voor")
		case strings.HasSuffix(c.Text, ";") || strings.HasSuffix(c.Text, ".") || strings.HasSuffix(c.Text, ","):
			p.errf(n.Line, path+".text", "eindigt op een leesteken; laat dat weg, het concept sluit elke overweging af met een puntkomma")
		}
	}
	return c, true
}

// agreementChapters reads the chapters whose articles are units.
func (p *convenantParser) agreementChapters(n *yaml.Node) []ConvenantChapter {
	items := p.list(n, "chapters")
	if len(items) == 0 && n.Kind != yaml.MappingNode {
		p.errf(n.Line, "chapters", "is leeg; een convenant heeft minstens één hoofdstuk met afspraken")
	}
	var out []ConvenantChapter
	for i, item := range items {
		path := fmt.Sprintf("chapters[%d]", i)
		ch, an, ok := p.chapter(item, path)
		if !ok {
			continue
		}
		if an == nil {
			p.errf(item.Line, path+".articles", "ontbreekt; noem de vragen of onderdelen die in dit hoofdstuk horen")
			out = append(out, ch)
			continue
		}
		arts := p.list(an, path+".articles")
		if len(arts) == 0 && an.Kind != yaml.MappingNode {
			p.errf(an.Line, path+".articles", "is leeg; noem de vragen of onderdelen die in dit hoofdstuk horen")
		}
		for j, a := range arts {
			if e, ok := p.entry(a, fmt.Sprintf("%s.articles[%d]", path, j)); ok {
				ch.Articles = append(ch.Articles, e)
			}
		}
		out = append(out, ch)
	}
	return out
}

// standardChapters reads opening or closing: chapters of standard articles.
func (p *convenantParser) standardChapters(n *yaml.Node, field string) []ConvenantChapter {
	var out []ConvenantChapter
	for i, item := range p.list(n, field) {
		path := fmt.Sprintf("%s[%d]", field, i)
		ch, an, ok := p.chapter(item, path)
		if !ok {
			continue
		}
		if an == nil {
			p.errf(item.Line, path+".articles", "ontbreekt; een hoofdstuk heeft minstens één artikel")
			out = append(out, ch)
			continue
		}
		arts := p.list(an, path+".articles")
		if len(arts) == 0 && an.Kind != yaml.MappingNode {
			p.errf(an.Line, path+".articles", "is leeg; een hoofdstuk heeft minstens één artikel")
		}
		for j, a := range arts {
			if art, ok := p.standardArticle(a, fmt.Sprintf("%s.articles[%d]", path, j)); ok {
				ch.Standard = append(ch.Standard, art)
			}
		}
		out = append(out, ch)
	}
	return out
}

// chapter reads a chapter's id and title, and returns its articles' node.
func (p *convenantParser) chapter(item *yaml.Node, path string) (ConvenantChapter, *yaml.Node, bool) {
	cf := p.fields(item, path, "id", "title", "articles")
	if cf == nil {
		return ConvenantChapter{}, nil, false
	}
	ch := ConvenantChapter{ID: p.required(item, cf, path, "id"), Title: p.required(item, cf, path, "title")}
	if ch.ID != "" {
		line := cf["id"].Line
		if !convenantID.MatchString(ch.ID) {
			p.errf(line, path+".id", "hoofdstuk-id %q mag alleen kleine letters, cijfers en streepjes bevatten", ch.ID)
		} else if prev, dup := p.chapters[ch.ID]; dup {
			p.errf(line, path+".id", "hoofdstuk-id %q komt al voor op regel %d", ch.ID, prev)
		} else {
			p.chapters[ch.ID] = line
		}
	}
	return ch, cf["articles"], true
}

func (p *convenantParser) standardArticle(n *yaml.Node, path string) (ConvenantArticle, bool) {
	f := p.fields(n, path, "id", "heading", "paragraphs", "with_definitions", "party_table")
	if f == nil {
		return ConvenantArticle{}, false
	}
	a := ConvenantArticle{ID: p.required(n, f, path, "id"), Heading: p.required(n, f, path, "heading"), Line: n.Line}
	if a.ID != "" {
		line := f["id"].Line
		if !convenantID.MatchString(a.ID) {
			p.errf(line, path+".id", "artikel-id %q mag alleen kleine letters, cijfers en streepjes bevatten", a.ID)
		} else if prev, dup := p.articles[a.ID]; dup {
			p.errf(line, path+".id", "artikel-id %q komt al voor op regel %d", a.ID, prev)
		} else {
			p.articles[a.ID] = line
		}
	}
	if pn := f["paragraphs"]; pn == nil {
		p.errf(n.Line, path+".paragraphs", "ontbreekt; een artikel heeft minstens één lid")
	} else {
		items := p.list(pn, path+".paragraphs")
		if len(items) == 0 && pn.Kind != yaml.MappingNode {
			p.errf(pn.Line, path+".paragraphs", "is leeg; een artikel heeft minstens één lid")
		}
		for i, item := range items {
			if s := p.requiredText(item, fmt.Sprintf("%s.paragraphs[%d]", path, i), false); s != "" {
				a.Paragraphs = append(a.Paragraphs, s)
			}
		}
	}
	if wn := f["with_definitions"]; wn != nil {
		if wn.Kind != yaml.ScalarNode || wn.Tag != "!!bool" {
			p.errf(wn.Line, path+".with_definitions", "verwacht true of false, maar vond %s", nodeDesc(wn))
		} else {
			a.WithDefinitions = wn.Value == "true"
		}
	}
	if tn := f["party_table"]; tn != nil {
		a.PartyTable = p.partyTable(tn, path+".party_table")
	}
	return a, true
}

func (p *convenantParser) partyTable(n *yaml.Node, path string) *ConvenantTable {
	f := p.fields(n, path, "columns", "row")
	if f == nil {
		return nil
	}
	t := &ConvenantTable{}
	cells := func(field string, party bool) []string {
		cn := f[field]
		if cn == nil {
			p.errf(n.Line, path+"."+field, "ontbreekt")
			return nil
		}
		var out []string
		for i, c := range p.list(cn, path+"."+field) {
			out = append(out, p.requiredText(c, fmt.Sprintf("%s.%s[%d]", path, field, i), party))
		}
		if len(out) == 0 {
			p.errf(cn.Line, path+"."+field, "is leeg; een tabel heeft minstens één kolom")
		}
		return out
	}
	t.Columns = cells("columns", false)
	t.Row = cells("row", true)
	if rn := f["row"]; rn != nil && len(t.Row) > 0 {
		if len(t.Columns) > 0 && len(t.Row) != len(t.Columns) {
			p.errf(rn.Line, path+".row", "heeft %d cellen maar de tabel heeft %d kolommen", len(t.Row), len(t.Columns))
		}
		if !strings.Contains(strings.Join(t.Row, " "), "{"+ConvenantFieldParty+"}") {
			p.errf(rn.Line, path+".row", "noemt {%s} nergens; de rij wordt voor elke partij herhaald", ConvenantFieldParty)
		}
	}
	return t
}
