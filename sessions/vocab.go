package sessions

import "strings"

// The Dutch words for statuses, partner states, outcomes and what became
// of a participant's contribution: one table each, used to show them on screen, to write them in reports and to read
// them back.

// vocab maps the values of one kind to their Dutch words. The entry of the
// zero value comes last and is the word for any value the table lacks.
type vocab[T ~string] []struct {
	value T
	word  string   // as shown and written
	also  []string // other spellings read back, in lower case
}

func (v vocab[T]) label(x T) string {
	for _, e := range v {
		if e.value == x {
			return e.word
		}
	}
	return v[len(v)-1].word
}

// parse reads a word in any case: the word itself or another spelling.
func (v vocab[T]) parse(word string) (T, bool) {
	w := strings.ToLower(strings.TrimSpace(word))
	for _, e := range v {
		if w == e.word {
			return e.value, true
		}
		for _, a := range e.also {
			if w == a {
				return e.value, true
			}
		}
	}
	var zero T
	return zero, false
}

func (v vocab[T]) words() []string {
	out := make([]string, len(v))
	for i, e := range v {
		out[i] = e.word
	}
	return out
}

var statusVocab = vocab[Status]{
	{StatusDone, "geregeld", nil},
	{StatusPartial, "deels", nil},
	{StatusNotYet, "nog niet", []string{"nog-niet"}},
	{StatusNA, "n.v.t.", []string{"nvt", "n.v.t"}},
	{StatusNone, "niet besproken", []string{""}},
}

var partnerVocab = vocab[PartnerState]{
	{PartnerTogether, "werken samen", []string{"samen"}},
	{PartnerNotYet, "nog niet", []string{"nog-niet"}},
	{PartnerNA, "n.v.t.", []string{"nvt", "n.v.t"}},
	{PartnerUnknown, "niet ingevuld", []string{""}},
}

var outcomeVocab = vocab[Outcome]{
	{OutcomeDone, "gedaan", nil},
	{OutcomeCarried, "doorgeschoven", nil},
	{OutcomeDropped, "vervallen", nil},
	{OutcomeOpen, "nog niet besloten", []string{"nog open", ""}},
}

var contributionVocab = vocab[ContributionState]{
	{ContributionSetAside, "terzijde gelegd", []string{"terzijde"}},
	{ContributionWaiting, "wacht", []string{""}},
}

// Label is the Dutch word for a status, as shown on screen and in reports.
func (s Status) Label() string { return statusVocab.label(s) }

// Label is the Dutch wording of a partner state.
func (p PartnerState) Label() string { return partnerVocab.label(p) }

// Label is the Dutch wording of what became of last year's action item.
func (o Outcome) Label() string { return outcomeVocab.label(o) }

// Label is the Dutch wording of what the facilitator did with a
// contribution not taken over: "wacht" or "terzijde gelegd".
func (k ContributionState) Label() string { return contributionVocab.label(k) }

// ParseStatus reads a status word in any case, also "nog-niet" and "nvt";
// an empty word is not discussed.
func ParseStatus(word string) (Status, bool) { return statusVocab.parse(word) }

// ParsePartnerState reads a partner state in any case, also "samen".
func ParsePartnerState(word string) (PartnerState, bool) { return partnerVocab.parse(word) }

// ParseOutcome reads an outcome in any case, also "nog open".
func ParseOutcome(word string) (Outcome, bool) { return outcomeVocab.parse(word) }

// ParseContributionState reads "wacht" or "terzijde gelegd" in any case,
// also "terzijde"; an empty word is waiting.
func ParseContributionState(word string) (ContributionState, bool) {
	return contributionVocab.parse(word)
}

// StatusWords, PartnerStateWords, OutcomeWords and ContributionStateWords
// list the words in their tables' order, for a message that says which
// words are understood.
func StatusWords() []string            { return statusVocab.words() }
func PartnerStateWords() []string      { return partnerVocab.words() }
func OutcomeWords() []string           { return outcomeVocab.words() }
func ContributionStateWords() []string { return contributionVocab.words() }
