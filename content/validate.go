package content

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"gopkg.in/yaml.v3"
)

// Error is one problem found in a question-set file. Msg is Dutch: content
// authors read it.
type Error struct {
	File  string // file name as given to Parse or Load
	Line  int    // 1-based; 0 when the problem has no line (an unreadable file)
	Field string // path of the field, e.g. "sections[0].questions[2].kind"
	Msg   string
	// Warning marks a problem that does not stop the set from being used;
	// Error() then puts "waarschuwing: " before Msg.
	Warning bool
}

// Error formats as "file:line: field: message", leaving out what is unknown.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		b.WriteString(":")
		b.WriteString(strconv.Itoa(e.Line))
	}
	b.WriteString(": ")
	if e.Field != "" {
		b.WriteString(e.Field)
		b.WriteString(": ")
	}
	if e.Warning {
		b.WriteString("waarschuwing: ")
	}
	b.WriteString(e.Msg)
	return visible(b.String())
}

// ErrorList is every problem found, in file and line order.
type ErrorList []*Error

// Error lists the problems one per line.
func (l ErrorList) Error() string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Parse decodes and validates a question set. name is used in error
// messages (usually the file name). On failure the error is an ErrorList
// holding every problem found, not only the first. The set's Warnings hold
// what is allowed but likely a mistake.
func Parse(data []byte, name string) (*Set, error) {
	set, _, errs := parse(data, name)
	if errs != nil {
		return nil, errs
	}
	return set, nil
}

// parse is Parse that also returns the warnings of a set that does not
// validate, so validate can print them beside its errors.
func parse(data []byte, name string) (*Set, ErrorList, ErrorList) {
	c := &checker{file: name, lines: map[string]int{}, reported: map[string]bool{}, open: map[*yaml.Node]bool{}, texts: map[*yaml.Node]bool{}}
	set, errs := c.parse(data)
	sortByLine(c.warns)
	if errs != nil {
		return nil, c.warns, errs
	}
	set.Warnings = c.warns
	return set, c.warns, nil
}

func (c *checker) parse(data []byte) (*Set, ErrorList) {
	if scanBytes(data, func(line int, format string, args ...any) { c.add(line, "", format, args...) }) {
		return nil, c.errs
	}

	var root yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	err := dec.Decode(&root)
	switch {
	case errors.Is(err, io.EOF):
		c.add(1, "sections", "het bestand is leeg; een vragenset heeft minstens één onderdeel (sections)")
		return nil, c.errs
	case err != nil:
		line, msg := syntaxError(err, data)
		c.add(line, "", "%s", msg)
		return nil, c.errs
	}
	var extra yaml.Node
	switch err := dec.Decode(&extra); {
	case err == nil:
		c.add(extra.Line, "", "het bestand bevat meer dan één YAML-document (---); zet één vragenset in een bestand")
	case !errors.Is(err, io.EOF):
		line, msg := syntaxError(err, data)
		c.add(line, "", "%s", msg)
	}

	doc := &root
	if doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
		doc = doc.Content[0]
	}
	c.walk(doc, reflect.TypeFor[Set](), "", doc.Line)
	structural := len(c.errs) > 0
	if c.reported[""] || c.stopped {
		return nil, c.sorted() // not a question set at all: nothing more to say
	}

	var set Set
	strict := yaml.NewDecoder(bytes.NewReader(data))
	strict.KnownFields(true)
	if err := strict.Decode(&set); err != nil {
		if !structural {
			// The walk above should have caught whatever the decoder
			// rejects; keep the decoder's own words rather than lose it.
			c.addDecodeError(err)
		}
		// The walk removed what it reported, so the rest of the file can
		// still be checked and every problem reported at once.
		set = Set{}
		if err := doc.Decode(&set); err != nil {
			return nil, c.sorted()
		}
	}
	c.validate(&set)

	if len(c.errs) > 0 {
		return nil, c.sorted()
	}
	return &set, nil
}

func (c *checker) sorted() ErrorList {
	sortByLine(c.errs)
	return c.errs
}

func sortByLine(l ErrorList) {
	sort.SliceStable(l, func(i, j int) bool { return l[i].Line < l[j].Line })
}

// checker collects the problems of one file. lines maps a field path to the
// line where it is written, so checks on the decoded set can name the line.
type checker struct {
	file     string
	lines    map[string]int
	errs     ErrorList
	reported map[string]bool // fields whose shape was wrong: not judged again

	visited int                 // YAML nodes walked, through aliases too
	open    map[*yaml.Node]bool // alias targets being walked: a cycle if met again
	stopped bool                // the walk refused the file (too large, a cycle)
	texts   map[*yaml.Node]bool // texts checked by checkText
	warns   ErrorList
}

func (c *checker) add(line int, field, format string, args ...any) {
	msg := format
	if len(args) > 0 {
		msg = fmt.Sprintf(format, args...)
	}
	c.errs = append(c.errs, &Error{File: c.file, Line: line, Field: field, Msg: msg})
}

// at reports a problem on a field of the decoded set, at the line where the
// field is written or, when it is missing, where its nearest parent is.
func (c *checker) at(field, format string, args ...any) {
	if c.reported[field] {
		return
	}
	c.add(c.lineOf(field), field, format, args...)
}

func (c *checker) lineOf(path string) int {
	for {
		if l, ok := c.lines[path]; ok {
			return l
		}
		if path == "" {
			return 0
		}
		path = parentPath(path)
	}
}

// has reports whether the field is written in the file.
func (c *checker) has(path string) bool {
	_, ok := c.lines[path]
	return ok
}

func parentPath(path string) string {
	i := strings.LastIndexAny(path, ".[")
	if i < 0 {
		return ""
	}
	return path[:i]
}

// idRe is the shape of every id: it is written into report markers and
// compared across years, so no spaces, no capitals.
var idRe = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

const idRule = "gebruik kleine letters, cijfers en streepjes (zoals \"gebruikelijke-zorg\")"

// kindFields says which optional question fields each kind takes.
var kindFields = map[Kind][]string{
	KindOpen:     nil,
	KindPartners: nil,
	KindCounts:   {"categories", "counts_text", "norm_unit", "norm_source"},
	KindChoice:   {"choices", "followups"},
	KindPoints:   {"points"},
	KindTopics:   {"topics"},
}

// kindOnlyFields lists the question fields that only some kinds take, in
// the order of the schema.
var kindOnlyFields = []string{"categories", "counts_text", "norm_unit", "norm_source", "choices", "followups", "points", "topics"}

func kindList() string {
	names := make([]string, len(Kinds))
	for i, k := range Kinds {
		names[i] = string(k)
	}
	return strings.Join(names, ", ")
}

// idScope checks that ids within one list are present, well formed and unique.
type idScope struct {
	c    *checker
	seen map[string]string // id -> field path where first seen
}

func newIDScope(c *checker) *idScope { return &idScope{c: c, seen: map[string]string{}} }

// check reports a missing, malformed or repeated id; it returns whether the
// id is usable as a reference.
func (d *idScope) check(field, id string) bool {
	switch {
	case strings.TrimSpace(id) == "":
		d.c.at(field, "ontbreekt of is leeg")
		return false
	case !idRe.MatchString(id):
		d.c.at(field, "ongeldige id %q: %s", id, idRule)
		return false
	}
	return d.unique(field, id)
}

func (d *idScope) unique(field, id string) bool {
	if first, dup := d.seen[id]; dup {
		d.c.at(field, "dubbele id %q (ook op regel %d)", id, d.c.lineOf(first))
		return false
	}
	d.seen[id] = field
	return true
}

func (c *checker) required(field, value string) {
	if strings.TrimSpace(value) == "" {
		c.at(field, "ontbreekt of is leeg")
	}
}

// validate checks the rules that go beyond shape, on the decoded set.
func (c *checker) validate(s *Set) {
	if strings.TrimSpace(s.ID) == "" {
		c.at("id", "ontbreekt of is leeg")
	} else if !idRe.MatchString(s.ID) {
		c.at("id", "ongeldige id %q: %s", s.ID, idRule)
	}
	c.required("title", s.Title)
	if strings.ContainsFunc(s.Version, unicode.IsSpace) {
		c.at("version", "de versie mag geen spaties bevatten")
	}

	pk := newIDScope(c)
	for i, p := range s.PartnerKinds {
		f := fmt.Sprintf("partner_kinds[%d]", i)
		pk.check(f+".id", p.ID)
		c.required(f+".label", p.Label)
	}

	if len(s.Sections) == 0 {
		c.at("sections", "de vragenset heeft geen onderdelen; voeg er minstens één toe")
	}
	sections := newIDScope(c)
	questions := newIDScope(c)
	for i := range s.Sections {
		c.validateSection(s, i, sections, questions)
	}

	c.validateGlossary(s)
}

func (c *checker) validateSection(s *Set, i int, sections, questions *idScope) {
	sec := &s.Sections[i]
	f := fmt.Sprintf("sections[%d]", i)
	secOK := sections.check(f+".id", sec.ID) || (sec.ID != "" && idRe.MatchString(sec.ID))
	c.required(f+".title", sec.Title)
	for j, a := range sec.Advice {
		c.required(fmt.Sprintf("%s.advice[%d]", f, j), a)
	}
	for j, t := range sec.Tips {
		tf := fmt.Sprintf("%s.tips[%d]", f, j)
		c.required(tf+".title", t.Title)
		switch {
		case strings.TrimSpace(t.URL) == "":
			c.at(tf+".url", "ontbreekt of is leeg")
		case !strings.HasPrefix(t.URL, "https://") && !strings.HasPrefix(t.URL, "http://"):
			c.at(tf+".url", "de link %q moet beginnen met https:// of http://", t.URL)
		}
	}
	if len(sec.Questions) == 0 {
		c.at(f+".questions", "dit onderdeel heeft geen vragen; voeg er minstens één toe")
	}
	for j := range sec.Questions {
		c.validateQuestion(s, sec, secOK, fmt.Sprintf("%s.questions[%d]", f, j), &sec.Questions[j], questions)
	}
}

func (c *checker) validateQuestion(s *Set, sec *Section, secOK bool, f string, q *Question, questions *idScope) {
	switch slug, found := strings.CutPrefix(q.ID, sec.ID+"."); {
	case strings.TrimSpace(q.ID) == "":
		c.at(f+".id", "ontbreekt of is leeg")
	case secOK && (!found || !idRe.MatchString(slug)):
		c.at(f+".id", "vraag-id %q moet de vorm \"%s.<naam>\" hebben, met een naam van kleine letters, cijfers en streepjes", q.ID, sec.ID)
	default:
		questions.unique(f+".id", q.ID)
	}
	c.required(f+".text", q.Text)

	allowed, known := kindFields[q.Kind]
	switch {
	case q.Kind == "":
		c.at(f+".kind", "ontbreekt of is leeg (kies uit: %s)", kindList())
	case !known:
		c.at(f+".kind", "onbekende soort %q (kies uit: %s)", string(q.Kind), kindList())
	}
	if known {
		for _, name := range kindOnlyFields {
			if c.has(f+"."+name) && !slices.Contains(allowed, name) {
				c.at(f+"."+name, "past niet bij een vraag van soort %q; %q hoort bij soort %s", string(q.Kind), name, kindOfField(name))
			}
		}
	}

	switch q.Kind {
	case KindPartners:
		if len(s.PartnerKinds) == 0 {
			c.at(f+".kind", "een vraag van soort partners heeft de lijst partner_kinds van de vragenset nodig, maar die is leeg")
		}
	case KindCounts:
		if len(q.Categories) == 0 {
			c.at(f+".categories", "een vraag van soort counts heeft minstens één categorie nodig")
		}
		cats := newIDScope(c)
		for i, cat := range q.Categories {
			cf := fmt.Sprintf("%s.categories[%d]", f, i)
			cats.check(cf+".id", cat.ID)
			c.required(cf+".label", cat.Label)
		}
		c.validateNorms(f, q)
	case KindChoice:
		c.validateChoice(f, q)
	case KindPoints, KindTopics:
		name := "points"
		if q.Kind == KindTopics {
			name = "topics"
		}
		parts := q.Parts()
		if len(parts) == 0 {
			c.at(f+"."+name, "een vraag van soort %s heeft minstens één %s nodig", q.Kind, map[string]string{"points": "deelvraag", "topics": "onderwerp"}[name])
		}
		pids := newIDScope(c)
		for i, p := range parts {
			pf := fmt.Sprintf("%s.%s[%d]", f, name, i)
			pids.check(pf+".id", p.ID)
			c.required(pf+".text", p.Text)
			for j, b := range p.Bullets {
				c.required(fmt.Sprintf("%s.bullets[%d]", pf, j), b)
			}
		}
	}
}

func (c *checker) validateChoice(f string, q *Question) {
	if len(q.Choices) < 2 {
		c.at(f+".choices", "een vraag van soort choice heeft minstens twee keuzes nodig")
	}
	choices := newIDScope(c)
	var names []string
	for i, ch := range q.Choices {
		cf := fmt.Sprintf("%s.choices[%d]", f, i)
		choices.check(cf+".id", ch.ID)
		c.required(cf+".label", ch.Label)
		names = append(names, ch.ID)
	}
	follow := map[string]string{}
	for i, fu := range q.FollowUps {
		ff := fmt.Sprintf("%s.followups[%d]", f, i)
		switch {
		case strings.TrimSpace(fu.When) == "":
			c.at(ff+".when", "ontbreekt of is leeg; noem de id van de keuze waar deze vervolgvraag bij hoort")
		case !slices.Contains(names, fu.When):
			c.at(ff+".when", "%q is geen keuze van deze vraag (keuzes: %s)", fu.When, strings.Join(names, ", "))
		default:
			if first, dup := follow[fu.When]; dup {
				c.at(ff+".when", "keuze %q heeft al een vervolgvraag (op regel %d)", fu.When, c.lineOf(first))
			} else {
				follow[fu.When] = ff + ".when"
			}
		}
		c.required(ff+".text", fu.Text)
	}
}

func (c *checker) validateGlossary(s *Set) {
	// Every name a term is found by (term, written-out form, aliases) must
	// point at one entry only, or TermsIn could not say which one is meant.
	names := map[string]string{}
	for i, t := range s.Glossary {
		f := fmt.Sprintf("glossary[%d]", i)
		c.required(f+".term", t.Term)
		c.required(f+".explanation", t.Explanation)
		own := map[string]bool{}
		check := func(field, name string) {
			key := strings.ToLower(strings.Join(strings.Fields(name), " "))
			if key == "" || own[key] {
				return
			}
			own[key] = true
			if first, dup := names[key]; dup {
				c.at(field, "dubbele term %q (ook op regel %d)", name, c.lineOf(first))
				return
			}
			names[key] = field
		}
		check(f+".term", t.Term)
		check(f+".full", t.Full)
		for j, a := range t.Aliases {
			af := fmt.Sprintf("%s.aliases[%d]", f, j)
			if strings.TrimSpace(a) == "" {
				c.at(af, "ontbreekt of is leeg")
				continue
			}
			check(af, a)
		}
	}
}

// kindOf names the kind a kind-only field belongs to.
func kindOfField(field string) string {
	for _, k := range Kinds {
		if slices.Contains(kindFields[k], field) {
			return string(k)
		}
	}
	return ""
}
