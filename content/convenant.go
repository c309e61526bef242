package content

import (
	_ "embed"
	"sort"
	"sync"
)

// A convenant draft is built from the answers of a conversation and from
// standard articles. Which answer goes where (a consideration, which
// chapter) and what the standard articles say is data, so a region that
// brings its own question set or its own model convenant can bring its own
// mapping too.

//go:embed convenant.yaml
var defaultConvenantYAML []byte

// ConvenantMap says where the answers of a question set go in a convenant
// draft, and holds the draft's standard articles.
type ConvenantMap struct {
	Name  string // file it was read from, for messages
	Title string // title of the draft, e.g. "Samenwerkingsconvenant zorg in onderwijstijd"
	// StandardNote marks a standard article as wording to adapt, e.g.
	// "Standaardtekst; pas aan waar nodig."
	StandardNote string

	// Definitions are the fixed entries of the Begripsbepalingen; each is
	// listed only when the draft's text uses it, with the glossary terms the
	// text uses.
	Definitions []ConvenantDefinition
	// Considerations become the "overwegende dat …" clauses: fixed ones,
	// and ones drawn from a unit, stated when that unit has an answer.
	Considerations []ConvenantConsideration
	// Opening are the chapters of standard articles before the agreements
	// (definitions, purpose).
	Opening []ConvenantChapter
	// Chapters group the agreements; units mapped nowhere end up in a
	// chapter of other agreements after them, so no agreement is lost.
	Chapters []ConvenantChapter
	// Closing are the chapters of standard articles after the agreements.
	Closing []ConvenantChapter
}

// ConvenantDefinition is one fixed entry of the Begripsbepalingen.
type ConvenantDefinition struct {
	Term        string
	Aliases     []string // other forms of the term that count as using it ("zorgaanbieders")
	Explanation string   // may hold placeholders and fields (ConvenantSegments)
}

// ConvenantConsideration is one "overwegende dat …" clause, written without
// the "dat" and the closing semicolon, which the draft adds.
type ConvenantConsideration struct {
	Unit  ConvenantUnit // zero for a consideration that is always stated
	Title string        // with a unit: the heading of its answer in the annex
	Text  string        // may hold placeholders and fields (ConvenantSegments)
	Line  int
}

// ConvenantEntry is one unit placed in the draft, with the title its article
// gets.
type ConvenantEntry struct {
	Unit  ConvenantUnit
	Title string
	Line  int // line in the mapping file
}

// ConvenantChapter is one chapter of articles: agreements (Articles) in
// the chapters of a map, standard articles (Standard) in its opening and
// closing chapters.
type ConvenantChapter struct {
	ID       string
	Title    string
	Articles []ConvenantEntry
	Standard []ConvenantArticle
}

// ConvenantArticle is a standard article: wording that every convenant
// needs, with placeholders where the parties choose.
type ConvenantArticle struct {
	ID      string
	Heading string
	// Paragraphs are the article's leden, numbered in the draft when there
	// are two or more; each may hold placeholders and fields.
	Paragraphs []string
	// WithDefinitions: the Begripsbepalingen list follows the paragraphs.
	WithDefinitions bool
	// PartyTable, when set, is a table with one row per party after the
	// paragraphs (such as each party's role under the AVG).
	PartyTable *ConvenantTable
	Line       int
}

// ConvenantTable is a table with a row per party: Row is the model row, in
// which the field {partij} stands for the party.
type ConvenantTable struct {
	Columns []string
	Row     []string
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

// StandardArticles lists the standard articles of the opening and closing
// chapters, in the order of the draft.
func (m *ConvenantMap) StandardArticles() []*ConvenantArticle {
	var out []*ConvenantArticle
	for _, chs := range [][]ConvenantChapter{m.Opening, m.Closing} {
		for i := range chs {
			for j := range chs[i].Standard {
				out = append(out, &chs[i].Standard[j])
			}
		}
	}
	return out
}

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
	p := &convenantParser{name: name, set: set, seen: map[ConvenantUnit]int{}, articles: map[string]int{}}
	m := p.parse(data)
	if len(p.errs) > 0 {
		sort.SliceStable(p.errs, func(i, j int) bool { return p.errs[i].Line < p.errs[j].Line })
		return nil, p.errs
	}
	m.Name = name
	return m, nil
}
