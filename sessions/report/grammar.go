package report

import (
	"gespreksmap/sessions"
	"regexp"
)

// The fixed words of the report format (FORMAT.md): the marker names, the
// meta labels, the table headers and the other fixed words. The writer
// writes them and the reader depends on them; both take them from here.

// Format lines: the first line of a report names its version.
const (
	headerV1 = "<!-- gespreksmap report v1 -->"
	header   = "<!-- gespreksmap report v2 -->"
)

// Comments matches the report's own comments, its markers and its version
// line: data for the program, which a document made for readers leaves out.
var Comments = regexp.MustCompile(`<!--\s*(?:/?gm:|gespreksmap report )[^>]*?-->`)

// Marker names, as in <!-- gm:NAME --> or <!-- gm:NAME ID -->.
const (
	markerPrefix = "<!-- gm:"
	markerSuffix = "-->"

	mMeta         = "meta"
	metaEnd       = "<!-- /gm:meta -->" // the one closing marker
	mDerived      = "derived"
	mParticipants = "participants"
	mSection      = "section"
	mQuestion     = "question"
	mPart         = "part"
	mUnknown      = "unknown"
	mPriorActions = "prior-actions"
	mActions      = "actions"
	mAgenda       = "agenda"
	mParked       = "parked"
	mClosing      = "closing"
	mEnd          = "end"

	mContributions = "contributions" // the block of participants' contributions
	mContribution  = "contribution"  // one contribution, with its id
	mRound         = "round"         // the writing round open when the report was written

	mPerspective = "perspective"
	mPartner     = "partner"
	mOther       = "other"
	mCount       = "count"
	mChoice      = "choice"
	mRef         = "ref"
)

// Meta labels, in the order they are written.
const (
	labelRegion      = "Samenwerkingsverband of regio"
	labelDate        = "Datum"
	labelFacilitator = "Gespreksleider"
	labelSet         = "Vragenset"
	labelBaseline    = "Vergelijkt met"
	labelCurrent     = "Verder bij vraag"
	labelUpdated     = "Bijgewerkt"
	updatedLayout    = "2006-01-02 15:04"
	setVersionSep    = ", versie "
)

var metaLabels = []string{labelRegion, labelDate, labelFacilitator, labelSet, labelBaseline, labelCurrent, labelUpdated}

// Headings of the blocks.
const (
	headOverview      = "## Stand van zaken"
	headParticipants  = "## Deelnemers"
	headUnknown       = "## Antwoorden bij vragen die niet in deze vragenset staan"
	headPriorActions  = "## Actiepunten van vorig jaar"
	headActions       = "## Actiepunten"
	headAgenda        = "## Agenda en tijd"
	headParked        = "## Parkeerplaats"
	headClosing       = "## Slotronde"
	headContributions = "## Bijdragen van deelnemers (nog niet overgenomen)"
	headRound         = "## Schrijfronde"
	overviewColumn    = "Onderdeel"
	overviewTotal     = "**Totaal**"
)

// The facts of a participant's contribution, one list item each under its
// marker ("- **Organisatie:** …"), in the order they are written.
const (
	labelOrganisation = "Organisatie"
	labelStop         = "Bij vraag"
	labelSent         = "Ingestuurd"
	labelHandling     = "Afhandeling"
)

var contributionLabels = []string{labelOrganisation, labelStop, labelSent, labelHandling}

// The facts of the open writing round, one list item each under its marker,
// in the order they are written; the organisations that sent stand indented
// under "Ingestuurd", one a line (roundItem).
const (
	labelOpened   = "Geopend"
	labelRevealed = "Getoond"
	roundItem     = "  - "
)

var roundLabels = []string{labelStop, labelOpened, labelRevealed, labelSent}

// oldCentralPrefixes are labels earlier reports wrote before a section's
// central field that is not a question: read as the derived line still.
var oldCentralPrefixes = []string{"*Centrale vraag: ", "*Waar het om gaat: "}

// Fixed line shapes and words inside the blocks.
const (
	statusPrefix      = "**Status:**"
	perspectivePrefix = "**Perspectief van"
	standPrefix       = "**Stand:**"
	notDiscussed      = "*Niet besproken.*"
	totalPrefix       = "- **Totaal: "
	indicativePrefix  = "- **" + sessions.IndicativeWord + ": " // the result of a counts question's norms
	otherPrefix       = "Anders:"
	countEmpty        = "niet ingevuld"
	carriedSuffix     = "(van vorig jaar)"
	newDatePrefix     = " (nieuwe datum: "
	onlyDiscussedNote = "*In deze versie staan alleen de vragen en deelpunten die besproken zijn; de tabel hierboven telt ze allemaal.*"
	unknownNote       = "*Deze vragen staan niet (meer) in de vragenset van dit verslag. Hun antwoorden blijven bewaard.*"
	unknownQuestion   = "(niet in deze vragenset)"
	yes               = "ja"
	no                = "nee"

	participantsHeader = "| Naam | Organisatie | Soort partner | Functie | Tekenbevoegd |"
	actionsHeader      = "| Nr | Wat | Wie | Wanneer | Bij vraag | Klaar |"
	priorHeader        = "| Nr | Wat | Wie | Wanneer | Bij vraag | Uitkomst |"
	agendaHeader       = "| Onderdeel | Gepland (min) | Besteed (min) |"
	parkedHeader       = "| Nr | Opmerking | Bij vraag | Geparkeerd | Afgehandeld |"
	closingHeader      = "| Organisatie | " + sessions.ClosingUseQuestion + " | " + sessions.ClosingFirstStepQuestion + " | " + sessions.ClosingQuestionsQuestion + " |"
	closingPlace       = "slotronde" // "Bij vraag" of an action item from the closing round
	maxSpent           = 1000000     // minutes: more is refused on reading
)

// headingNumberLen reports the length of a leading question number such as
// "1.2 " (digits, at least one dot, a space), or 0.
func headingNumberLen(s string) int {
	i := 0
	dots := 0
	for {
		start := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == start {
			return 0
		}
		if i < len(s) && s[i] == '.' && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9' {
			dots++
			i++
			continue
		}
		break
	}
	if dots == 0 || i >= len(s) || s[i] != ' ' {
		return 0
	}
	return i + 1
}
