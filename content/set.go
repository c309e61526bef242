// Package content holds question sets: the schema, the embedded default set
// (the NJI Gespreksmap on Zorg in Onderwijstijd), loading and strict validation.
//
// A question set is data. The program never hard-codes a question: everything a
// partnership is asked comes from a Set, so a region can bring its own.
package content

// Kind says which shape of answer a question takes.
type Kind string

const (
	// KindOpen is an open question answered in free text.
	KindOpen Kind = "open"
	// KindPartners is the partner checklist: per partner kind, whether the
	// partnership works together with it, not yet, or not applicable; plus
	// named other partners.
	KindPartners Kind = "partners"
	// KindCounts asks a whole number per category, shows the computed total,
	// and has a free-text field (for "welke vragen hebben zij?").
	KindCounts Kind = "counts"
	// KindChoice asks to pick one choice; a follow-up question depends on it.
	KindChoice Kind = "choice"
	// KindPoints is a question with sub-points, each answered (and given a
	// status) one by one.
	KindPoints Kind = "points"
	// KindTopics is the list of topics to make agreements on: each topic is
	// answered and given a status one by one, like points, but the answers
	// are agreements (they become articles of a convenant draft).
	KindTopics Kind = "topics"
)

// Kinds lists every kind, in the order the schema documentation uses.
var Kinds = []Kind{KindOpen, KindPartners, KindCounts, KindChoice, KindPoints, KindTopics}

// Set is a whole question set.
type Set struct {
	ID      string `yaml:"id"`      // stable id of the set, e.g. "zio-gespreksmap"
	Title   string `yaml:"title"`   // shown on the start screen and in reports
	Version string `yaml:"version"` // the set's own version, written into reports
	Intro   string `yaml:"intro"`   // what the conversation is for, in our own words

	// PartnerKinds are the kinds of partner of the Gespreksmap's partner list
	// (scholen, oudervertegenwoordiging, ...). Participants are one of these,
	// and partner-checklist questions ask about each of them.
	PartnerKinds []PartnerKind `yaml:"partner_kinds"`
	Sections     []Section     `yaml:"sections"`
	Glossary     []Term        `yaml:"glossary"`

	// Warnings are what Parse and Load noticed that does not stop the set
	// from being used but is likely not what its author meant (a text cut
	// short by " #"). Each has Warning set; validate prints them.
	Warnings ErrorList `yaml:"-"`
}

// PartnerKind is one entry of the partner list.
type PartnerKind struct {
	ID    string `yaml:"id"`
	Label string `yaml:"label"`
}

// Section is one of the sections of the conversation.
type Section struct {
	ID        string     `yaml:"id"`      // stable: reports of different years are compared by it
	Title     string     `yaml:"title"`   // e.g. "Bestuurlijke samenwerking"
	Central   string     `yaml:"central"` // the central question or purpose of the section
	Intro     string     `yaml:"intro"`   // why this section matters, in our own words
	Advice    []string   `yaml:"advice"`  // short advice for making agreements, in our own words
	Tips      []Tip      `yaml:"tips"`    // further reading, with links as the Gespreksmap gives them
	Questions []Question `yaml:"questions"`
}

// Tip is a pointer to further reading.
type Tip struct {
	Title string `yaml:"title"`
	URL   string `yaml:"url"`
	Note  string `yaml:"note,omitempty"` // optional sentence that goes with the link
}

// Question is one question of a section. Which of the optional fields apply
// depends on Kind; validation rejects fields that do not fit the kind.
type Question struct {
	ID   string `yaml:"id"` // "section.slug"; stable across years
	Kind Kind   `yaml:"kind"`
	Text string `yaml:"text"` // the question as the Gespreksmap asks it
	Help string `yaml:"help"` // explanation in plain words (optional)

	// KindCounts
	Categories []Category `yaml:"categories"`
	CountsText string     `yaml:"counts_text"` // label of the free-text field, e.g. "Welke vragen hebben zij?"
	// With a Norm on its categories, a counts question also gives an
	// indicative result computed from the numbers (the inventarisatiekader:
	// fte of care per 100 pupils by profile). NormUnit names what the norms
	// count ("fte"), NormSource where they come from; both are required
	// once a category has a norm.
	NormUnit   string `yaml:"norm_unit"`
	NormSource string `yaml:"norm_source"`

	// KindChoice
	Choices   []Choice   `yaml:"choices"`
	FollowUps []FollowUp `yaml:"followups"`

	// KindPoints (Points) and KindTopics (Topics)
	Points []Point `yaml:"points"`
	Topics []Point `yaml:"topics"`
}

// Category is one count category of a counts question.
type Category struct {
	ID    string `yaml:"id"`
	Label string `yaml:"label"`
	Norm  Norm   `yaml:"norm"` // optional: Amount of the question's NormUnit per Per counted
}

// Norm is what a category's count stands for: Amount (in the question's
// NormUnit) for every Per counted, e.g. 18.61 fte per 100 pupils.
//
// Norms extend the counts kind rather than make a kind of their own: the
// numbers are typed, stored, compared and printed as counts already are,
// and only the result computed from them is added. A kind of its own would
// repeat all of that in every front end, the report and the comparison.
type Norm struct {
	Per    int     `yaml:"per"`
	Amount float64 `yaml:"amount"`
}

// CountsHeading is what a counts question counts, above its categories:
// children per kind of support, or pupils per profile where the categories
// carry norms.
func (q *Question) CountsHeading() string {
	if q.HasNorms() {
		return "Aantal leerlingen per profiel"
	}
	return "Aantal kinderen per groep"
}

// HasNorms reports whether the question gives an indicative result from
// its counts: a counts question whose categories carry norms. Validation
// makes sure that then every category has one.
func (q *Question) HasNorms() bool {
	return q != nil && q.Kind == KindCounts && len(q.Categories) > 0 && q.Categories[0].Norm.Amount > 0
}

// Choice is one option of a choice question.
type Choice struct {
	ID    string `yaml:"id"`
	Label string `yaml:"label"`
}

// FollowUp is the question asked after a given choice.
type FollowUp struct {
	When string `yaml:"when"` // id of the choice it follows
	Text string `yaml:"text"`
}

// Point is a sub-point of a points question or a topic of a topics question.
type Point struct {
	ID      string   `yaml:"id"` // unique within its question
	Text    string   `yaml:"text"`
	Bullets []string `yaml:"bullets"` // what the point can cover (shown, not answered separately)
}

// Term is one glossary entry.
type Term struct {
	Term        string   `yaml:"term"`        // e.g. "TLV"
	Full        string   `yaml:"full"`        // written out, e.g. "toelaatbaarheidsverklaring" (optional)
	Explanation string   `yaml:"explanation"` // plain Dutch a parent understands
	Aliases     []string `yaml:"aliases"`     // other spellings found in texts (optional)
}

// Parts returns the sub-points or topics of a question, whichever its kind
// has; nil for kinds without parts.
func (q *Question) Parts() []Point {
	switch q.Kind {
	case KindPoints:
		return q.Points
	case KindTopics:
		return q.Topics
	}
	return nil
}

// Section returns the section with the given id, or nil.
func (s *Set) Section(id string) *Section {
	for i := range s.Sections {
		if s.Sections[i].ID == id {
			return &s.Sections[i]
		}
	}
	return nil
}

// Question returns the question with the given id and its section, or nils.
func (s *Set) Question(id string) (*Section, *Question) {
	for i := range s.Sections {
		sec := &s.Sections[i]
		for j := range sec.Questions {
			if sec.Questions[j].ID == id {
				return sec, &sec.Questions[j]
			}
		}
	}
	return nil, nil
}

// PartnerKind returns the partner kind with the given id, or nil.
func (s *Set) PartnerKind(id string) *PartnerKind {
	for i := range s.PartnerKinds {
		if s.PartnerKinds[i].ID == id {
			return &s.PartnerKinds[i]
		}
	}
	return nil
}

// FollowUp returns the follow-up question asked after the given choice, or
// nil when that choice has none.
func (q *Question) FollowUp(choiceID string) *FollowUp {
	for i := range q.FollowUps {
		if q.FollowUps[i].When == choiceID {
			return &q.FollowUps[i]
		}
	}
	return nil
}
