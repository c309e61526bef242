package content

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

// A convenant draft is built from the answers of a conversation. Which answer
// goes where (considerations, which chapter, the disputes article) is data, so
// a region that brings its own question set can bring its own mapping too.

//go:embed convenant.yaml
var defaultConvenantYAML []byte

// ConvenantMap says where the answers of a question set go in a convenant
// draft.
type ConvenantMap struct {
	Name  string // file it was read from, for messages
	Title string // title of the draft, e.g. "Samenwerkingsconvenant zorg in onderwijstijd"

	// Definitions open the Begripsbepalingen, before the glossary terms the
	// draft uses.
	Definitions []ConvenantDefinition
	// Considerations are the units whose answers become the Overwegingen.
	Considerations []ConvenantEntry
	// Disputes is the unit whose answer becomes the disputes article (zero
	// when the mapping names none).
	Disputes ConvenantUnit
	// Chapters group the articles; units mapped nowhere end up in a final
	// chapter of other agreements, so no agreement is lost.
	Chapters []ConvenantChapter
}

// ConvenantDefinition is one fixed entry of the Begripsbepalingen.
type ConvenantDefinition struct {
	Term        string
	Explanation string
}

// ConvenantEntry is one unit placed in the draft, with the title its article
// or consideration gets.
type ConvenantEntry struct {
	Unit  ConvenantUnit
	Title string
	Line  int // line in the mapping file
}

// ConvenantChapter is one chapter of articles.
type ConvenantChapter struct {
	ID       string
	Title    string
	Articles []ConvenantEntry
}

// ConvenantUnit is the smallest thing a partnership gives a status: a
// question without parts, or one sub-point or topic of a question.
type ConvenantUnit struct {
	Question string // question id
	Part     string // point or topic id; "" for a question without parts
}

// String is the unit as written in a mapping file: "question" or
// "question/part".
func (u ConvenantUnit) String() string {
	if u.Part == "" {
		return u.Question
	}
	return u.Question + "/" + u.Part
}

// IsZero reports whether the unit names nothing.
func (u ConvenantUnit) IsZero() bool { return u.Question == "" && u.Part == "" }

// ConvenantUnits lists every unit of a set in the order of the set.
func ConvenantUnits(set *Set) []ConvenantUnit {
	var units []ConvenantUnit
	for _, sec := range set.Sections {
		for i := range sec.Questions {
			q := &sec.Questions[i]
			parts := q.Parts()
			if len(parts) == 0 {
				units = append(units, ConvenantUnit{Question: q.ID})
				continue
			}
			for _, p := range parts {
				units = append(units, ConvenantUnit{Question: q.ID, Part: p.ID})
			}
		}
	}
	return units
}

// DefaultConvenantMap returns the embedded mapping for the default question
// set. The embedded file is checked by the tests; a broken one is a
// programming error.
// It is parsed once; callers share the result and must not modify it.
func DefaultConvenantMap() *ConvenantMap { return defaultConvenantMap() }

var defaultConvenantMap = sync.OnceValue(func() *ConvenantMap {
	m, err := ParseConvenantMap(defaultConvenantYAML, "convenant.yaml", Default())
	if err != nil {
		panic("content: embedded convenant.yaml is invalid:\n" + err.Error())
	}
	return m
})

// LoadConvenantMap reads and validates a mapping file against a question set.
func LoadConvenantMap(path string, set *Set) (*ConvenantMap, error) {
	data, err := readFile(path)
	if err != nil {
		return nil, ErrorList{{File: path, Msg: "kan het bestand niet lezen: " + osErrorText(err)}}
	}
	return ParseConvenantMap(data, path, set)
}

// ParseConvenantMap reads and validates a mapping; name is used in messages.
// On failure the error is an ErrorList with every problem found, each naming
// file, line and field, like the errors of a question set.
func ParseConvenantMap(data []byte, name string, set *Set) (*ConvenantMap, error) {
	p := &convenantParser{name: name, set: set, seen: map[ConvenantUnit]int{}}
	m := p.parse(data)
	if len(p.errs) > 0 {
		sort.SliceStable(p.errs, func(i, j int) bool { return p.errs[i].Line < p.errs[j].Line })
		return nil, p.errs
	}
	m.Name = name
	return m, nil
}

var convenantChapterID = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

type convenantParser struct {
	name string
	set  *Set
	errs ErrorList
	seen map[ConvenantUnit]int // unit → line where it was placed
}

func (p *convenantParser) errf(line int, field, format string, args ...any) {
	p.errs = append(p.errs, &Error{File: p.name, Line: line, Field: field, Msg: fmt.Sprintf(format, args...)})
}

func (p *convenantParser) parse(data []byte) *ConvenantMap {
	m := &ConvenantMap{}
	if scanBytes(data, func(line int, format string, args ...any) { p.errf(line, "", format, args...) }) {
		return m
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			p.errf(1, "", "het bestand is leeg; een convenantindeling heeft een titel (title) en hoofdstukken (chapters)")
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
		p.errf(1, "", "het bestand is leeg; een convenantindeling heeft een titel (title) en hoofdstukken (chapters)")
		return m
	}
	root := doc.Content[0]
	f := p.fields(root, "", "title", "definitions", "considerations", "disputes", "chapters")
	if f == nil {
		return m
	}
	m.Title = p.required(root, f, "", "title")
	if n := f["definitions"]; n != nil {
		for i, item := range p.list(n, "definitions") {
			path := fmt.Sprintf("definitions[%d]", i)
			df := p.fields(item, path, "term", "explanation")
			if df == nil {
				continue
			}
			m.Definitions = append(m.Definitions, ConvenantDefinition{
				Term:        p.required(item, df, path, "term"),
				Explanation: p.required(item, df, path, "explanation"),
			})
		}
	}
	if n := f["considerations"]; n != nil {
		for i, item := range p.list(n, "considerations") {
			if e, ok := p.entry(item, fmt.Sprintf("considerations[%d]", i)); ok {
				m.Considerations = append(m.Considerations, e)
			}
		}
	}
	if n := f["disputes"]; n != nil {
		if s, ok := p.scalar(n, "disputes"); ok {
			if s == "" {
				p.errf(n.Line, "disputes", "noem een vraag of onderdeel, of laat het veld weg")
			} else if u, ok := p.unit(n, "disputes", s); ok {
				m.Disputes = u
			}
		}
	}
	chapters := f["chapters"]
	if chapters == nil {
		p.errf(root.Line, "chapters", "ontbreekt; een convenant heeft minstens één hoofdstuk")
		return m
	}
	items := p.list(chapters, "chapters")
	if len(items) == 0 && chapters.Kind != yaml.MappingNode {
		p.errf(chapters.Line, "chapters", "is leeg; een convenant heeft minstens één hoofdstuk")
	}
	ids := map[string]int{}
	for i, item := range items {
		path := fmt.Sprintf("chapters[%d]", i)
		cf := p.fields(item, path, "id", "title", "articles")
		if cf == nil {
			continue
		}
		ch := ConvenantChapter{ID: p.required(item, cf, path, "id"), Title: p.required(item, cf, path, "title")}
		if ch.ID != "" {
			line := cf["id"].Line
			if !convenantChapterID.MatchString(ch.ID) {
				p.errf(line, path+".id", "hoofdstuk-id %q mag alleen kleine letters, cijfers en streepjes bevatten", ch.ID)
			} else if prev, dup := ids[ch.ID]; dup {
				p.errf(line, path+".id", "hoofdstuk-id %q komt al voor op regel %d", ch.ID, prev)
			} else {
				ids[ch.ID] = line
			}
		}
		an := cf["articles"]
		if an == nil {
			p.errf(item.Line, path+".articles", "ontbreekt; noem de vragen of onderdelen die in dit hoofdstuk horen")
			m.Chapters = append(m.Chapters, ch)
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
		m.Chapters = append(m.Chapters, ch)
	}
	return m
}

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

// required returns a field's text, reporting it when missing or empty.
func (p *convenantParser) required(parent *yaml.Node, f map[string]*yaml.Node, path, field string) string {
	fp := fieldPath(path, field)
	n := f[field]
	if n == nil {
		p.errf(parent.Line, fp, "ontbreekt")
		return ""
	}
	s, ok := p.scalar(n, fp)
	if ok && s == "" {
		p.errf(n.Line, fp, "mag niet leeg zijn")
	}
	return s
}

// scalar returns the text of a scalar node; null counts as empty.
func (p *convenantParser) scalar(n *yaml.Node, path string) (string, bool) {
	if n.Kind != yaml.ScalarNode {
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
	fp := path + ".unit"
	un := f["unit"]
	if un == nil {
		p.errf(n.Line, fp, "ontbreekt; noem een vraag (\"vraag-id\") of een onderdeel (\"vraag-id/onderdeel-id\")")
		return ConvenantEntry{}, false
	}
	s, ok := p.scalar(un, fp)
	if !ok {
		return ConvenantEntry{}, false
	}
	if s == "" {
		p.errf(un.Line, fp, "mag niet leeg zijn; noem een vraag (\"vraag-id\") of een onderdeel (\"vraag-id/onderdeel-id\")")
		return ConvenantEntry{}, false
	}
	u, ok := p.unit(un, fp, s)
	if !ok {
		return ConvenantEntry{}, false
	}
	return ConvenantEntry{Unit: u, Title: title, Line: un.Line}, true
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
