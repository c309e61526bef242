// Package pagelink joins the participants' page (tui/participants) to a
// conversation, the same way for both front ends, the full screen and the
// accessible mode: it tells the page what the facilitator has open now,
// takes what participants sent into the conversation through the core,
// and does what the facilitator decides about a contribution in the order
// that loses nothing (the page first, so that no edit or withdrawal slips
// between the page and the conversation).
//
// A nil *Link is no page: every method works without one, so that
// contributions kept in a reopened report are handled the same way.
package pagelink

import (
	"sort"
	"strconv"
	"strings"
	"time"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/tui/participants"
)

// Link is a running participants' page and what it was told last, so that
// it is told only what changed.
type Link struct {
	Room *participants.Room

	stop   string // the StopView.Ref set last
	orgs   string // the organisations set last, one a line
	round  participants.RoundView
	conv   *sessions.Conversation // orgs were read from conv at rev
	rev    uint64
	locked map[string]bool // taken on the page for an edit (Edit), not yet accepted
}

// Starter starts a page; participants.Start, or a test's.
type Starter func(participants.Config) (*participants.Room, error)

// Start starts the page for conv on addr ("" : the laptop's address on the
// local network); now stamps what arrives (nil: time.Now).
func Start(start Starter, addr string, conv *sessions.Conversation, now func() time.Time) (*Link, error) {
	if start == nil {
		start = participants.Start
	}
	room, err := start(participants.Config{Addr: addr, Title: conv.Title, Now: now})
	if err != nil {
		return nil, err
	}
	return &Link{Room: room, locked: map[string]bool{}}, nil
}

// Feed tells the page what changed since it was told last: the stop open
// (the zero stop: none), the organisations at the table (read only when the
// conversation changed) and the writing round. It costs a comparison when
// nothing changed.
func (l *Link) Feed(conv *sessions.Conversation, st content.Stop) {
	if l == nil || conv == nil {
		return
	}
	ref := ""
	if st.Question != nil {
		ref = sessions.Ref(st)
	}
	if ref != l.stop {
		l.stop = ref
		l.Room.SetStop(StopView(conv, st))
	}
	if conv != l.conv || conv.Revision() != l.rev {
		l.conv, l.rev = conv, conv.Revision()
		orgs := conv.Organisations()
		if joined := strings.Join(orgs, "\n"); joined != l.orgs {
			l.orgs = joined
			l.Room.SetOrganisations(orgs)
		}
	}
	if rv := RoundView(conv); rv != l.round {
		l.round = rv
		l.Room.SetRound(rv)
	}
}

// Drain takes what arrived at the page into conv: a text sent or edited is
// received, one withdrawn leaves the list. It returns the organisations
// that sent a new contribution, in order.
func (l *Link) Drain(conv *sessions.Conversation) []string {
	if l == nil || conv == nil {
		return nil
	}
	return Apply(conv, l.Room.Drain())
}

// Apply hands the page's changes to the core and returns the
// organisations that sent a new contribution.
func Apply(conv *sessions.Conversation, changes []participants.Change) []string {
	var from []string
	for _, ch := range changes {
		if ch.Kind == participants.Withdrawn {
			conv.Withdraw(ch.ID)
			continue
		}
		qid, part := sessions.ParseStopRef(ch.Ref)
		ok := conv.Receive(sessions.Contribution{ID: ch.ID, Organisation: ch.Organisation, QuestionID: qid, Part: part, Text: ch.Text, At: ch.At})
		if ok && ch.Kind == participants.Sent {
			from = append(from, ch.Organisation)
		}
	}
	return from
}

// Stop stops the page and takes what it held into conv: after Close
// nothing more arrives, so this drain is the last. It returns the
// organisations that sent a new contribution.
func (l *Link) Stop(conv *sessions.Conversation) []string {
	if l == nil {
		return nil
	}
	l.Room.Close()
	return l.Drain(conv)
}

// Outcome is what became of the facilitator's decision on a contribution.
type Outcome int

const (
	Done     Outcome = iota // done
	Gone                    // the participant withdrew it (or it was taken over already)
	Refused                 // the core refused: a question the set does not have, or no change
	ReadOnly                // the report is open to read only
)

// take locks contribution id on the page and takes in what arrived before
// the lock: the conversation then holds the participant's last word, the
// text they sent last or their withdrawal. It says whether the page knew
// the contribution (one from a reopened report it does not).
func (l *Link) take(conv *sessions.Conversation, id string) bool {
	if l == nil {
		return false
	}
	_, ok := l.Room.Take(id)
	l.Drain(conv)
	return ok
}

// unlock frees a contribution the page knew and the conversation did not
// take over, so that the participant can change it again.
func (l *Link) unlock(id string, known bool) {
	if known {
		l.Room.Release(id)
	}
}

// Accept takes contribution id over as its organisation's perspective at
// its stop: with text when the facilitator edited it, otherwise with the
// latest text the participant sent. It returns the contribution as it was
// taken over.
func (l *Link) Accept(conv *sessions.Conversation, id, text string) (sessions.Contribution, Outcome) {
	if conv.ReadOnly() {
		return sessions.Contribution{}, ReadOnly
	}
	known := l.take(conv, id)
	k, _, ok := conv.ContributionByID(id)
	if !ok {
		l.unlock(id, known)
		return k, Gone
	}
	if !conv.AcceptContribution(id, text) {
		l.unlock(id, known)
		return k, Refused
	}
	if l != nil {
		delete(l.locked, id)
	}
	if t := strings.TrimSpace(sessions.CleanText(text)); t != "" {
		k.Text = t
	}
	return k, Done
}

// Edit locks contribution id on the page, so that the participant does
// not change it while the facilitator edits it, and returns it with the
// latest text. Release unlocks it when the edit is given up.
func (l *Link) Edit(conv *sessions.Conversation, id string) (sessions.Contribution, Outcome) {
	if conv.ReadOnly() {
		return sessions.Contribution{}, ReadOnly
	}
	known := l.take(conv, id)
	k, _, ok := conv.ContributionByID(id)
	if !ok {
		l.unlock(id, known)
		return k, Gone
	}
	if known {
		l.locked[id] = true
	}
	return k, Done
}

// Release lets the participant change or withdraw a contribution locked
// by Edit again.
func (l *Link) Release(id string) {
	if l == nil || !l.locked[id] {
		return
	}
	delete(l.locked, id)
	l.Room.Release(id)
}

// SetAside sets contribution id aside: it stays in the report, not as a
// perspective; the participant's page says so and no longer lets them
// change it.
func (l *Link) SetAside(conv *sessions.Conversation, id string) Outcome {
	if conv.ReadOnly() {
		return ReadOnly
	}
	if l != nil {
		// The page first, so that an edit still on its way is taken in
		// before the conversation sets the contribution aside.
		l.Room.SetAside(id)
		delete(l.locked, id)
	}
	l.Drain(conv)
	if !conv.SetAsideContribution(id) {
		if _, _, ok := conv.ContributionByID(id); !ok {
			return Gone
		}
		return Refused
	}
	return Done
}

// Restore lets a contribution set aside wait again.
func (l *Link) Restore(conv *sessions.Conversation, id string) Outcome {
	if conv.ReadOnly() {
		return ReadOnly
	}
	if !conv.RestoreContribution(id) {
		return Refused
	}
	if l != nil {
		l.Room.Restore(id)
	}
	return Done
}

// StopView is what the page shows of a stop: its number, its section, the
// question (with the sub-point or topic and what it covers), its
// explanation and its glossary terms. The page cleans every text again.
func StopView(conv *sessions.Conversation, st content.Stop) participants.StopView {
	if st.Question == nil {
		return participants.StopView{}
	}
	q := st.Question
	text := q.Text
	if p := st.Part; p != nil {
		text += "\n\n" + st.Number() + " " + p.Text
		for _, b := range p.Bullets {
			text += "\n– " + b
		}
	}
	v := participants.StopView{
		Ref:         sessions.Ref(st),
		Number:      st.Number(),
		Title:       strconv.Itoa(st.SectionIndex+1) + ". " + st.Section.Title,
		Text:        text,
		Explanation: q.Help,
	}
	for _, t := range conv.Terms(st) {
		meaning := t.Explanation
		if t.Full != "" {
			meaning = t.Full + ": " + meaning
		}
		v.Terms = append(v.Terms, participants.Term{Name: t.Term, Meaning: meaning})
	}
	return v
}

// RoundView is the writing round as the page shows it.
func RoundView(conv *sessions.Conversation) participants.RoundView {
	r, ok := conv.CurrentRound()
	if !ok {
		return participants.RoundView{}
	}
	return participants.RoundView{Open: true, Ref: sessions.StopRef(r.QuestionID, r.Part), Revealed: r.Revealed}
}

// Waiting counts the contributions waiting in conv and names their stops
// (numbers, in the order of the set): what is said on leaving.
func Waiting(conv *sessions.Conversation) (int, []string) {
	n := conv.WaitingCount()
	if n == 0 {
		return 0, nil
	}
	var at []string
	for _, st := range conv.Stops() {
		if len(conv.WaitingAt(st)) > 0 {
			at = append(at, st.Number())
		}
	}
	return n, at
}

// Ordered lists conv's contributions as both front ends offer them: those
// waiting at the stop open (here, a sessions.Ref; "" : none) first, then
// those waiting at other stops in the order of the set, then those set
// aside; each group in the order they arrived.
func Ordered(conv *sessions.Conversation, here string) []sessions.Contribution {
	all := conv.Contributions()
	place := make(map[string]int, len(all))
	for _, k := range all {
		ref := sessions.StopRef(k.QuestionID, k.Part)
		switch {
		case k.State == sessions.ContributionSetAside:
			place[k.ID] = 2 << 20
		case ref == here:
			place[k.ID] = -1
		default:
			place[k.ID] = 1 << 20
			if i := conv.StopIndex(k.QuestionID, k.Part); i >= 0 {
				place[k.ID] = i
			}
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return place[all[i].ID] < place[all[j].ID] })
	return all
}

// Leaving is what is said when the program ends with contributions still
// waiting: how many, where, and that they are kept. "" when none waits.
func Leaving(n int, at []string) string {
	switch n {
	case 0:
		return ""
	case 1:
		return "1 bijdrage van een deelnemer wacht nog (bij vraag " + strings.Join(at, ", ") + "). Ze staat in het verslag en wordt weer aangeboden als je het gesprek weer opent."
	}
	return strconv.Itoa(n) + " bijdragen van deelnemers wachten nog (bij vraag " + strings.Join(at, ", ") + "). Ze staan in het verslag en worden weer aangeboden als je het gesprek weer opent."
}

// WaitingWords says how many contributions wait, for both front ends:
// "1 bijdrage wacht", "3 bijdragen wachten".
func WaitingWords(n int) string {
	if n == 1 {
		return "1 bijdrage wacht"
	}
	return strconv.Itoa(n) + " bijdragen wachten"
}

// ArrivedFrom says who just sent: "Nieuwe bijdrage van Ouders",
// "Nieuwe bijdragen van Ouders, Gemeente Tilburg".
func ArrivedFrom(from []string) string {
	if len(from) == 1 {
		return "Nieuwe bijdrage van " + from[0]
	}
	return "Nieuwe bijdragen van " + strings.Join(from, ", ")
}
