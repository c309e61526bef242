package tui

import (
	"slices"
	"strconv"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/tui/component"
	"gespreksmap/tui/pagelink"
	"gespreksmap/tui/participants"
	"gespreksmap/tui/presenter"
	"gespreksmap/tui/question"
)

// The participants' page: while a conversation is open, the facilitator
// can serve a page on the room's network (F6, or --participants at start)
// where participants follow the stop on screen and send their
// organisation's perspective from their own phone or laptop. The page is a
// participants.Room; the root tells it what to show when that changes
// (feedRoom, after every update, cheaply) and takes in what arrived
// (a command waits for the room's signal, the root drains the room into
// the conversation through the core and waits again). The page stops with
// the conversation: when another one is opened, on quitting, and in Close,
// which every way out of the program passes (a key, a signal, a crash);
// what arrived is drained into the conversation first, so the report holds
// it.

// roomUI is the participants' page, while it runs, and what the screens
// were told of the contributions, so that they are told only what changed.
type roomUI struct {
	link *roomLink
	// seen is what the question screen was last asked about, shown what
	// it was told of the contributions at its stop.
	seen  waitingSig
	shown struct {
		pane questionPane
		stop int
		list []question.Waiting
	}
	// counted is the number of contributions waiting, at a revision.
	counted struct {
		conv *sessions.Conversation
		rev  uint64
		n    int
	}
	// badge is the header's word on the participants.
	badge struct {
		key  badgeKey
		made bool
		text string
	}
}

// roomLink is the participants' page while it runs.
type roomLink struct {
	*pagelink.Link
	// done is closed when the page stops: the command waiting for its
	// signal ends.
	done    chan struct{}
	waiting bool // a command waits for the room's signal
}

type (
	// arrivalMsg: the room has something to drain.
	arrivalMsg struct{ room *participants.Room }
	// roomTickMsg: time to look again how many participants are connected
	// (while the page's sheet is open).
	roomTickMsg struct{ sheet *roomSheet }
)

// startRoom starts the participants' page for the conversation open now,
// and shows its address and QR code.
func (a *App) startRoom() tea.Cmd {
	conv := a.c.conv
	switch {
	case a.room.link != nil:
		return a.showSheet(newRoomSheet(a))
	case conv == nil || a.screen == screenStart || a.screen == screenSetup:
		return component.Flash("De pagina voor deelnemers start zodra het gesprek loopt.")
	case conv.ReadOnly():
		return component.FlashError("Alleen lezen: bij dit verslag kunnen deelnemers niets insturen.")
	}
	link, err := pagelink.Start(a.c.cfg.Participants, a.c.cfg.ParticipantsAddr, conv, a.c.cfg.Now)
	if err != nil {
		return component.FlashError("De pagina voor deelnemers kon niet starten: " + err.Error())
	}
	a.room.link = &roomLink{Link: link, done: make(chan struct{})}
	a.feedRoom()
	return tea.Batch(a.awaitArrival(), a.showSheet(newRoomSheet(a)))
}

// autoStartRoom starts the page when the command line asked for it
// (--participants) and a conversation was just opened or begun.
func (a *App) autoStartRoom() tea.Cmd {
	if !a.c.cfg.ParticipantsAtOnce || a.room.link != nil || a.c.conv == nil || a.c.conv.ReadOnly() {
		return nil
	}
	return a.startRoom()
}

// stopRoom stops the page: it stops listening, and what participants sent
// until then is taken into the conversation. Safe without a page.
func (a *App) stopRoom() {
	l := a.room.link
	if l == nil {
		return
	}
	a.room.link = nil
	close(l.done)
	l.Stop(a.c.conv)
	if _, ok := a.sheet.(*roomSheet); ok {
		a.sheet = nil
	}
	a.refreshWaiting()
}

// awaitArrival is the command that waits for the room's signal; one at a
// time, armed again after each arrival.
func (a *App) awaitArrival() tea.Cmd {
	l := a.room.link
	if l == nil || l.waiting {
		return nil
	}
	l.waiting = true
	room, done := l.Room, l.done
	return func() tea.Msg {
		select {
		case <-room.Notify():
			return arrivalMsg{room}
		case <-done:
			return nil
		}
	}
}

// arrived drains the room after its signal and waits for the next.
func (a *App) arrived(m arrivalMsg) tea.Cmd {
	l := a.room.link
	if l == nil || m.room != l.Room {
		return nil // from a page stopped since
	}
	l.waiting = false
	sent := a.drainRoom()
	cmd := a.awaitArrival()
	if sent == "" {
		return cmd
	}
	return tea.Batch(cmd, component.Flash(sent))
}

// drainRoom takes what arrived at the page into the conversation. It says
// what was sent, for the footer ("" : nothing new, or a writing round is
// under way, whose progress the header shows).
func (a *App) drainRoom() string {
	conv := a.c.conv
	if a.room.link == nil || conv == nil {
		return ""
	}
	from := a.room.link.Drain(conv)
	if len(from) == 0 {
		return ""
	}
	a.refreshWaiting()
	if _, inRound := conv.CurrentRound(); inRound {
		return ""
	}
	for i, o := range from {
		from[i] = component.Plain(o)
	}
	return pagelink.ArrivedFrom(from) + ". " + pagelink.WaitingWords(conv.WaitingCount()) + "; F7: bekijken en overnemen."
}

// feedRoom tells the page what changed since it was told last: the stop
// on screen (none on the other screens), the organisations at the table and
// the writing round. It runs after every update and costs a comparison
// when nothing changed.
func (a *App) feedRoom() {
	if a.room.link != nil {
		a.room.link.Feed(a.c.conv, a.stopOnScreen())
	}
}

// stopOnScreen is the stop the question screen shows, or the zero stop on
// every other screen.
func (a *App) stopOnScreen() content.Stop {
	if a.screen != screenQuestion || a.pane == nil || a.c.conv == nil {
		return content.Stop{}
	}
	return a.c.conv.Stop(a.pane.Stop())
}

// refreshWaiting shows the contributions as the conversation holds them
// now: in the question screen's side panel and in an open sheet.
func (a *App) refreshWaiting() {
	a.syncWaiting(true)
	a.refreshSheet()
}

// waitingSig says which contributions wait at a stop, to tell the question
// screen only when that changed.
type waitingSig struct {
	conv *sessions.Conversation
	rev  uint64
	stop int
}

// syncWaiting hands the question screen the contributions waiting at its
// stop, when the conversation or the stop changed since (or always, with
// force).
func (a *App) syncWaiting(force bool) {
	conv := a.c.conv
	if conv == nil || a.pane == nil || a.screen != screenQuestion {
		return
	}
	sig := waitingSig{conv: conv, rev: conv.Revision(), stop: a.pane.Stop()}
	if sig == a.room.seen && !force {
		return
	}
	a.room.seen = sig
	all := conv.Contributions()
	var ws []question.Waiting
	for _, i := range conv.WaitingAt(conv.Stop(sig.stop)) {
		k := all[i]
		ws = append(ws, question.Waiting{Organisation: k.Organisation, At: k.At, Text: k.Text})
	}
	if a.room.shown.pane == a.pane && a.room.shown.stop == sig.stop && slices.Equal(a.room.shown.list, ws) {
		return // the side panel shows these already
	}
	a.room.shown.pane, a.room.shown.stop, a.room.shown.list = a.pane, sig.stop, ws
	a.pane.SetWaiting(ws)
}

// WaitingContributions says how many contributions from participants wait
// to be taken over, and at which stops (their numbers, in the set's order):
// for the message on leaving.
func (a *App) WaitingContributions() (n int, at []string) {
	if a.c.conv == nil {
		return 0, nil
	}
	return pagelink.Waiting(a.c.conv)
}

// badgeKey is what the header's word on the participants is made of.
type badgeKey struct {
	conv  *sessions.Conversation
	rev   uint64
	stop  int
	page  bool
	round sessions.Round
	open  bool
	wide  bool
}

// roomBadge is the header's word on the participants: the writing round's
// progress, how many contributions wait (and how many at the stop on
// screen). Empty when there is nothing to say. It is made again only when
// what it says changed: the header is drawn on every key.
func (a *App) roomBadge() string {
	conv := a.c.conv
	if conv == nil {
		return ""
	}
	k := badgeKey{conv: conv, rev: conv.Revision(), stop: -1, page: a.room.link != nil, wide: a.c.Width >= 120}
	if a.screen == screenQuestion && a.pane != nil {
		k.stop = a.pane.Stop()
	}
	k.round, k.open = conv.CurrentRound()
	if k == a.room.badge.key && a.room.badge.made {
		return a.room.badge.text
	}
	var parts []string
	if k.open {
		sent, total := conv.RoundProgress()
		where := ""
		if i := conv.StopIndex(k.round.QuestionID, k.round.Part); i >= 0 && i != k.stop {
			where = " bij " + conv.Stop(i).Number()
		}
		if k.wide {
			parts = append(parts, "schrijfronde"+where+": "+presenter.RoundProgress(sent, total))
		} else {
			parts = append(parts, "ronde"+where+" "+strconv.Itoa(sent)+"/"+strconv.Itoa(total))
		}
	}
	if n := a.waitingCount(); n > 0 || k.page {
		s := "✉ " + strconv.Itoa(n) + " " + map[bool]string{true: "wacht", false: "wachten"}[n == 1]
		if k.stop >= 0 && n > 0 {
			if here := len(conv.WaitingAt(conv.Stop(k.stop))); here > 0 && here < n {
				s += " (" + strconv.Itoa(here) + " hier)"
			}
		}
		parts = append(parts, s)
	}
	a.room.badge.key, a.room.badge.made, a.room.badge.text = k, true, strings.Join(parts, " · ")
	return a.room.badge.text
}

// waitingCount is how many contributions wait in the whole conversation,
// counted again only when the conversation changed: the header and the
// footer ask on every key.
func (a *App) waitingCount() int {
	conv := a.c.conv
	if conv == nil {
		return 0
	}
	c := &a.room.counted
	if c.conv != conv || c.rev != conv.Revision() {
		c.conv, c.rev, c.n = conv, conv.Revision(), conv.WaitingCount()
	}
	return c.n
}
