package tui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/tui/common"
	"gespreksmap/tui/textedit"
)

// field is one focusable part of the question screen.
type field int

const (
	fStatus field = iota
	fChoice
	fList // partner checklist or counts
	fText
	fPersp
	fActions
)

// questionScreen shows one stop (a question, or one sub-point or topic) with
// an input that fits its kind, its status, perspectives and action items.
type questionScreen struct {
	c   *base
	app *App

	idx    int
	cur    stop
	fields []field
	focus  int

	ed       textedit.Model
	edSynced uint64 // editor version last copied into the session

	// movedText is set when the choice changed after text was typed: the
	// one text now stands under another follow-up question. typedAt is the
	// choice (id, "" for none) it was typed under.
	movedText bool
	typedAt   string

	listCursor  int
	itemCursor  int  // in the perspectives or actions list
	confirmDrop bool // x pressed once on a perspective or action

	modal modal

	terms  []*content.Term
	prior  string // last year's answer summary, when a baseline is loaded
	lastIn map[int]int

	// segs is the cached header block for (idx, width, height), top the
	// same fitted to topLimit rows: the question text, help and terms do
	// not change while typing.
	segs   []topSegment
	segKey string
	top    string
	fitKey string
	// hidden: part of the header is left out at this window size anyway.
	hidden bool
	// wrapCounts: the counts' labels are wrapped, as they all fit.
	wrapCounts bool
	// topLimit and kindLimit are the rows the header block and the
	// kind-specific block get at the current window size (see resize).
	topLimit, kindLimit int
}

// modal is a panel over the question screen: a perspective, an action item
// or the name of another partner.
type modal interface {
	update(q *questionScreen, msg tea.KeyMsg) (closed bool, cmd tea.Cmd)
	view(q *questionScreen, width, height int) string
	sync(q *questionScreen) bool
}

func newQuestionScreen(c *base, a *App) *questionScreen {
	q := &questionScreen{c: c, app: a, lastIn: map[int]int{}}
	q.ed = textedit.New()
	q.ed.SetPlaceholder("Typ hier wat er gezegd en afgesproken wordt…")
	return q
}

func (q *questionScreen) sess() *sessions.Session { return q.app.c.conv.Session }

func (q *questionScreen) answer() *sessions.Answer { return q.sess().Answer(q.cur.Question.ID) }

// peek returns the answer without creating it.
func (q *questionScreen) peek() *sessions.Answer { return q.sess().Answers[q.cur.Question.ID] }

func (q *questionScreen) show(i int) {
	q.sync()
	q.idx = i
	q.cur = q.c.stops[i]
	q.lastIn[q.cur.SectionIndex] = i
	q.modal = nil
	q.confirmDrop = false
	q.movedText, q.typedAt = false, ""
	q.listCursor, q.itemCursor = 0, 0
	q.fields = q.fields[:0]
	q.fields = append(q.fields, fStatus)
	switch q.cur.Question.Kind {
	case content.KindChoice:
		q.fields = append(q.fields, fChoice)
	case content.KindPartners, content.KindCounts:
		q.fields = append(q.fields, fList)
	}
	q.fields = append(q.fields, fText, fPersp, fActions)
	q.setFocus(q.indexOf(fText))
	switch q.cur.Question.Kind {
	case content.KindCounts, content.KindPartners:
		// The list is what these questions are about; the remark comes after.
		q.setFocus(q.indexOf(fList))
	case content.KindChoice:
		if a := q.peek(); a == nil || a.Choice == "" {
			q.setFocus(q.indexOf(fChoice))
		}
	}
	q.ed.SetValue(q.textValue())
	q.edSynced = q.ed.Version()
	text := q.cur.Question.Text + " " + q.cur.Question.Help + " " + q.cur.Question.CountsText
	for _, c := range q.cur.Question.Categories {
		text += " " + c.Label
	}
	if q.cur.Part != nil {
		text += " " + q.cur.Part.Text + " " + strings.Join(q.cur.Part.Bullets, " ")
	}
	q.terms = q.c.Set.TermsIn(text)
	q.prior = q.priorSummary()
	q.segKey = ""
	q.resize()
}

func (q *questionScreen) indexOf(f field) int {
	for i, x := range q.fields {
		if x == f {
			return i
		}
	}
	return 0
}

func (q *questionScreen) focused() field { return q.fields[q.focus] }

func (q *questionScreen) setFocus(i int) {
	q.focus = (i + len(q.fields)) % len(q.fields)
	q.confirmDrop = false
	if q.focused() == fText && !q.app.c.readOnly() {
		q.ed.Focus()
	} else {
		q.ed.Blur()
	}
	q.itemCursor = 0
}

// textValue is the text the editor edits at this stop.
func (q *questionScreen) textValue() string {
	a := q.peek()
	if a == nil {
		return ""
	}
	if q.cur.Part != nil {
		if p := a.Parts[q.cur.Part.ID]; p != nil {
			return p.Text
		}
		return ""
	}
	return a.Text
}

// sync copies the editor's text into the session when it changed; it
// reports whether it did.
func (q *questionScreen) sync() bool {
	changed := false
	if q.modal != nil && q.modal.sync(q) {
		changed = true
	}
	if q.cur.Question == nil || q.ed.Version() == q.edSynced {
		return changed
	}
	q.edSynced = q.ed.Version()
	v := q.ed.Value()
	if v == q.textValue() {
		return changed
	}
	a := q.answer()
	if q.cur.Part != nil {
		a.Part(q.cur.Part.ID).Text = v
	} else {
		a.Text = v
	}
	return true
}

func (q *questionScreen) status() sessions.Status {
	a := q.peek()
	if a == nil {
		return sessions.StatusNone
	}
	if q.cur.Part != nil {
		if p := a.Parts[q.cur.Part.ID]; p != nil {
			return p.Status
		}
		return sessions.StatusNone
	}
	return a.Status
}

func (q *questionScreen) setStatus(s sessions.Status) {
	if q.cur.Part != nil {
		q.answer().Part(q.cur.Part.ID).Status = s
		return
	}
	q.answer().Status = s
}

func (q *questionScreen) update(a *App, msg tea.Msg) tea.Cmd {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		if mm, ok := msg.(tea.MouseMsg); ok && q.modal == nil && mm.Action == tea.MouseActionPress {
			switch mm.Button {
			case tea.MouseButtonWheelUp:
				q.ed, _ = q.ed.Update(tea.KeyMsg{Type: tea.KeyUp})
			case tea.MouseButtonWheelDown:
				q.ed, _ = q.ed.Update(tea.KeyMsg{Type: tea.KeyDown})
			}
		}
		return nil
	}
	k := a.c.Keys
	if q.modal != nil {
		closed, cmd := q.modal.update(q, km)
		if closed {
			q.modal.sync(q)
			q.modal = nil
			q.resize()
			return tea.Batch(cmd, a.changed(), a.saveCmd())
		}
		return cmd
	}
	ro := a.c.readOnly()
	switch {
	case key.Matches(km, k.Back):
		q.sync()
		return a.goTo(screenOverview)
	case key.Matches(km, k.NextItem), km.Type == tea.KeyPgDown && q.focused() != fText:
		if q.idx < len(a.c.stops)-1 {
			return a.openQuestion(q.idx + 1)
		}
		a.flash = "Dit was de laatste vraag. esc: terug naar het overzicht."
		return nil
	case key.Matches(km, k.PrevItem), km.Type == tea.KeyPgUp && q.focused() != fText:
		if q.idx > 0 {
			return a.openQuestion(q.idx - 1)
		}
		return nil
	case key.Matches(km, k.Tab):
		q.setFocus(q.focus + 1)
		q.resize()
		return nil
	case key.Matches(km, k.ShiftTab):
		q.setFocus(q.focus - 1)
		q.resize()
		return nil
	case key.Matches(km, k.Tips):
		return a.openTips(q.cur.Section)
	case key.Matches(km, k.WholeQuestion):
		q.openWhole(a)
		return nil
	case key.Matches(km, k.ShowPrior) && q.prior != "":
		a.overlay = newOverlay(a.c, "Vorig jaar bij "+q.cur.Number(), "", "")
		a.overlay.layout = q.priorPanel
		a.overlay.refresh(a.c)
		return nil
	}
	for i, b := range k.Status {
		if key.Matches(km, b) {
			if ro {
				return q.readOnly(a)
			}
			q.setStatus(sessions.Statuses[i])
			return a.changed()
		}
	}
	if ro && (km.Type == tea.KeyRunes || km.Type == tea.KeySpace || km.Type == tea.KeyEnter || key.Matches(km, k.Perspective, k.Action, k.CopyPrior)) {
		if key.Matches(km, k.HelpLetter) && q.focused() != fText {
			a.openHelp()
			return nil
		}
		if km.Type == tea.KeyRunes && (km.String() == "j" || km.String() == "k") {
			return q.updateFocused(a, km)
		}
		return q.readOnly(a)
	}
	switch {
	case key.Matches(km, k.Perspective):
		q.modal = newPerspModal(q, -1)
		return nil
	case key.Matches(km, k.Action):
		q.modal = newActionModal(q, -1)
		return nil
	case key.Matches(km, k.CopyPrior):
		return q.copyPrior(a)
	}
	if q.focused() != fText && key.Matches(km, k.HelpLetter) {
		a.openHelp()
		return nil
	}
	return q.updateFocused(a, km)
}

func (q *questionScreen) readOnly(a *App) tea.Cmd {
	a.flash = "Alleen lezen: dit verslag wordt hier niet gewijzigd."
	return nil
}

func (q *questionScreen) updateFocused(a *App, km tea.KeyMsg) tea.Cmd {
	k := a.c.Keys
	switch q.focused() {
	case fText:
		v := q.ed.Version()
		var cmd tea.Cmd
		q.ed, cmd = q.ed.Update(km)
		if q.ed.Version() != v {
			if q.movedText {
				// Editing the text is checking it: the note on where it
				// was typed has done its work.
				q.movedText = false
				q.resize()
			}
			return tea.Batch(cmd, a.changed())
		}
		return cmd
	case fStatus:
		cur := statusIndex(q.status())
		switch {
		case km.Type == tea.KeyLeft || km.String() == "h":
			q.setStatus(sessions.Statuses[(cur+len(sessions.Statuses)-1)%len(sessions.Statuses)])
		case km.Type == tea.KeyRight || km.String() == "l" || km.Type == tea.KeySpace:
			q.setStatus(sessions.Statuses[(cur+1)%len(sessions.Statuses)])
		case len(km.Runes) == 1 && km.Runes[0] >= '1' && km.Runes[0] <= '5':
			q.setStatus(sessions.Statuses[km.Runes[0]-'1'])
		case km.Type == tea.KeyEnter || key.Matches(km, k.Down):
			q.setFocus(q.focus + 1)
			return nil
		default:
			return nil
		}
		return a.changed()
	case fChoice:
		return q.updateChoice(a, km)
	case fList:
		if q.cur.Question.Kind == content.KindPartners {
			return q.updatePartners(a, km)
		}
		return q.updateCounts(a, km)
	case fPersp:
		return q.updateItems(a, km, len(q.perspectives()), func(i int) { q.modal = newPerspModal(q, i) }, func(i int) {
			ans := q.answer()
			ans.Perspectives = append(ans.Perspectives[:i], ans.Perspectives[i+1:]...)
		}, nil)
	case fActions:
		idx := q.actionIndexes()
		return q.updateItems(a, km, len(idx), func(i int) {
			// -1 is the "add" row: a new item, not one of this stop's.
			at := -1
			if i >= 0 {
				at = idx[i]
			}
			q.modal = newActionModal(q, at)
		}, func(i int) {
			s := q.sess()
			s.Actions = append(s.Actions[:idx[i]], s.Actions[idx[i]+1:]...)
		}, func(i int) {
			s := q.sess()
			s.Actions[idx[i]].Done = !s.Actions[idx[i]].Done
		})
	}
	return nil
}

// updateItems drives a vertical list of items with an "add" row at its end;
// open(-1) opens a new item.
func (q *questionScreen) updateItems(a *App, km tea.KeyMsg, n int, open func(int), drop func(int), toggle func(int)) tea.Cmd {
	k := a.c.Keys
	switch {
	case key.Matches(km, k.Up):
		if q.itemCursor == 0 {
			q.setFocus(q.focus - 1)
			q.resize()
			return nil
		}
		q.itemCursor--
	case key.Matches(km, k.Down):
		if q.itemCursor < n {
			q.itemCursor++
		}
	case km.Type == tea.KeyEnter:
		if q.itemCursor >= n {
			open(-1)
		} else {
			open(q.itemCursor)
		}
		q.resize()
	case key.Matches(km, k.Toggle) && toggle != nil && q.itemCursor < n:
		toggle(q.itemCursor)
		return a.changed()
	case key.Matches(km, k.Delete) && q.itemCursor < n:
		if !q.confirmDrop {
			q.confirmDrop = true
			a.flash = "Nogmaals x om te verwijderen."
			return nil
		}
		q.confirmDrop = false
		drop(q.itemCursor)
		q.itemCursor = min(q.itemCursor, max(0, n-1))
		q.resize()
		return a.changed()
	}
	q.confirmDrop = false
	return nil
}

func statusIndex(s sessions.Status) int {
	for i, x := range sessions.Statuses {
		if x == s {
			return i
		}
	}
	return len(sessions.Statuses) - 1
}

func (q *questionScreen) updateChoice(a *App, km tea.KeyMsg) tea.Cmd {
	choices := q.cur.Question.Choices
	cur := -1
	if ans := q.peek(); ans != nil {
		for i, c := range choices {
			if c.ID == ans.Choice {
				cur = i
			}
		}
	}
	next := cur
	switch {
	case km.Type == tea.KeyLeft || km.String() == "h":
		next = cur - 1
		if next < -1 {
			next = len(choices) - 1
		}
	case km.Type == tea.KeyRight || km.String() == "l" || km.Type == tea.KeySpace:
		next = cur + 1
		if next >= len(choices) {
			next = -1
		}
	case km.Type == tea.KeyEnter || km.Type == tea.KeyDown:
		q.setFocus(q.focus + 1)
		return nil
	case km.Type == tea.KeyUp:
		q.setFocus(q.focus - 1)
		return nil
	case len(km.Runes) == 1:
		// The first letter of a choice picks it: j for Ja, n for Nee.
		for i, c := range choices {
			if strings.HasPrefix(strings.ToLower(c.Label), strings.ToLower(string(km.Runes))) {
				next = i
			}
		}
	}
	if next == cur {
		return nil
	}
	was := q.answer().Choice
	if next < 0 {
		q.answer().Choice = ""
	} else {
		q.answer().Choice = choices[next].ID
	}
	if strings.TrimSpace(q.ed.Value()) != "" {
		q.noteMovedText(a, was)
	}
	q.segKey = ""
	q.resize()
	return a.changed()
}

// noteMovedText says where typed text went when the choice changed. A choice
// question keeps one text, asked by the follow-up of the choice made; the
// text stays as typed, never dropped, and the screen says plainly that it
// now stands under another question, so people check that it still fits.
func (q *questionScreen) noteMovedText(a *App, was string) {
	if !q.movedText {
		q.movedText, q.typedAt = true, was
	}
	if q.answer().Choice == q.typedAt {
		q.movedText = false
		a.flash = "Je tekst staat weer onder de vraag waarbij hij getypt is."
		return
	}
	label := q.textLabel()
	for _, msg := range []string{
		"Je tekst is gebleven en staat nu onder de vraag „" + label + "”: kijk of hij daar past.",
		"Je tekst staat nu onder „" + label + "”: kijk of hij daar past.",
		"Je tekst staat nu onder de andere vervolgvraag: kijk of hij daar past.",
	} {
		a.flash = msg
		if ansi.StringWidth(msg) <= q.c.Width {
			return
		}
	}
	a.flash = "Je tekst staat nu onder een andere vraag: kijk of hij past."
}

// movedNote is shown beside the text's label while typed text stands under
// another follow-up question than the one it was typed under.
func (q *questionScreen) movedNote() string {
	if !q.movedText {
		return ""
	}
	at := "zonder keuze"
	for _, c := range q.cur.Question.Choices {
		if c.ID == q.typedAt {
			at = "bij " + c.Label
		}
	}
	return "(getypt " + at + ": past de tekst hier?)"
}

// textHeading is the label above the editor, wrapped rather than cut: for a
// choice or the counts it is a question in its own right, to be read whole.
func (q *questionScreen) textHeading() string {
	st := q.c.St
	style, mark := st.Label, "  "
	if q.focused() == fText {
		style, mark = st.Focused, st.Cursor.Render("▸ ")
	}
	w := max(10, q.c.Width-2)
	plain := strings.Split(ansi.Wordwrap(q.textLabel(), w, ""), "\n")
	lines := make([]string, len(plain))
	for i, l := range plain {
		lines[i] = style.Render(l)
	}
	if note := q.movedNote(); note != "" {
		styled := st.Status["deels"].Render(note)
		if last := len(plain) - 1; ansi.StringWidth(plain[last])+2+ansi.StringWidth(note) <= w {
			lines[last] += "  " + styled
		} else {
			lines = append(lines, styled)
		}
	}
	return mark + strings.Join(lines, "\n  ")
}

var partnerCycle = []sessions.PartnerState{sessions.PartnerTogether, sessions.PartnerNotYet, sessions.PartnerNA, sessions.PartnerUnknown}

func cyclePartner(s sessions.PartnerState, d int) sessions.PartnerState {
	i := len(partnerCycle) - 1
	for j, x := range partnerCycle {
		if x == s {
			i = j
		}
	}
	return partnerCycle[(i+d+len(partnerCycle))%len(partnerCycle)]
}

func (q *questionScreen) updatePartners(a *App, km tea.KeyMsg) tea.Cmd {
	if !key.Matches(km, a.c.Keys.Delete) {
		q.confirmDrop = false
	}
	kinds := q.c.Set.PartnerKinds
	var others []sessions.OtherPartner
	if ans := q.peek(); ans != nil {
		others = ans.OtherPartners
	}
	rows := len(kinds) + len(others) + 1
	k := a.c.Keys
	d := 0
	switch {
	case key.Matches(km, k.Up):
		if q.listCursor == 0 {
			q.setFocus(q.focus - 1)
			return nil
		}
		q.listCursor--
		return nil
	case key.Matches(km, k.Down):
		if q.listCursor >= rows-1 {
			q.setFocus(q.focus + 1)
			return nil
		}
		q.listCursor++
		return nil
	case km.Type == tea.KeyLeft || km.String() == "h":
		d = -1
	case km.Type == tea.KeyRight || km.String() == "l" || km.Type == tea.KeySpace:
		d = 1
	case km.Type == tea.KeyEnter:
		if q.listCursor == rows-1 {
			q.modal = newOtherModal(q, -1)
		} else if q.listCursor >= len(kinds) {
			q.modal = newOtherModal(q, q.listCursor-len(kinds))
		} else {
			d = 1
		}
	case key.Matches(km, k.Delete) && q.listCursor >= len(kinds) && q.listCursor < rows-1:
		if !q.confirmDrop {
			q.confirmDrop = true
			a.flash = "Nogmaals x om deze partner te verwijderen."
			return nil
		}
		q.confirmDrop = false
		ans := q.answer()
		i := q.listCursor - len(kinds)
		ans.OtherPartners = append(ans.OtherPartners[:i], ans.OtherPartners[i+1:]...)
		q.resize()
		return a.changed()
	}
	if d == 0 || q.listCursor == rows-1 {
		return nil
	}
	ans := q.answer()
	if q.listCursor < len(kinds) {
		if ans.Partners == nil {
			ans.Partners = map[string]sessions.PartnerState{}
		}
		id := kinds[q.listCursor].ID
		ans.Partners[id] = cyclePartner(ans.Partners[id], d)
		if ans.Partners[id] == sessions.PartnerUnknown {
			delete(ans.Partners, id)
		}
	} else {
		o := &ans.OtherPartners[q.listCursor-len(kinds)]
		o.State = cyclePartner(o.State, d)
	}
	return a.changed()
}

func (q *questionScreen) updateCounts(a *App, km tea.KeyMsg) tea.Cmd {
	cats := q.cur.Question.Categories
	k := a.c.Keys
	switch {
	case key.Matches(km, k.Up):
		if q.listCursor == 0 {
			q.setFocus(q.focus - 1)
		} else {
			q.listCursor--
		}
		return nil
	case key.Matches(km, k.Down), km.Type == tea.KeyEnter:
		if q.listCursor >= len(cats)-1 {
			q.setFocus(q.focus + 1)
		} else {
			q.listCursor++
		}
		return nil
	}
	id := cats[q.listCursor].ID
	var cur int
	var has bool
	if ans := q.peek(); ans != nil {
		cur, has = ans.Counts[id]
	}
	switch {
	case km.Type == tea.KeyRunes && allDigits(km.Runes):
		// Fast typing can bring several digits in one message.
		for _, r := range km.Runes {
			n := int(r - '0')
			if has {
				if cur >= 1_000_000 {
					a.flash = "Een aantal heeft hoogstens zeven cijfers."
					break
				}
				n = cur*10 + n
			}
			cur, has = n, true
		}
		q.setCount(id, cur, true)
	case km.Type == tea.KeyBackspace:
		if !has {
			return nil
		}
		if cur < 10 {
			q.setCount(id, 0, false)
		} else {
			q.setCount(id, cur/10, true)
		}
	case key.Matches(km, k.Delete):
		q.setCount(id, 0, false)
	case km.String() == "+" || km.Type == tea.KeyRight:
		q.setCount(id, cur+1, true)
	case km.String() == "-" || km.Type == tea.KeyLeft:
		if has && cur > 0 {
			q.setCount(id, cur-1, true)
		}
	default:
		return nil
	}
	return a.changed()
}

func allDigits(rs []rune) bool {
	for _, r := range rs {
		if r < '0' || r > '9' {
			return false
		}
	}
	return len(rs) > 0
}

func (q *questionScreen) setCount(id string, n int, present bool) {
	ans := q.answer()
	if !present {
		delete(ans.Counts, id)
		return
	}
	if ans.Counts == nil {
		ans.Counts = map[string]int{}
	}
	ans.Counts[id] = n
}

func (q *questionScreen) perspectives() []sessions.Perspective {
	if ans := q.peek(); ans != nil {
		return ans.Perspectives
	}
	return nil
}

// actionIndexes are the indexes in the session's action list of the items
// made at this question.
func (q *questionScreen) actionIndexes() []int {
	var out []int
	for i, ai := range q.sess().Actions {
		if ai.QuestionID == q.cur.Question.ID {
			out = append(out, i)
		}
	}
	return out
}

// resize gives the editor the room left over by everything else.
func (q *questionScreen) resize() {
	if q.cur.Question == nil {
		return
	}
	w, h := q.c.Width, q.c.Height
	top := q.topRows()
	kind := q.kindRows(h)
	// blank line and status, the text field's label, perspectives, actions, footer
	label := strings.Count(q.textHeading(), "\n") + 1
	fixed := 2 + label + q.itemRows(fPersp) + q.itemRows(fActions) + 1
	// The editor is where people type: it keeps at least three rows. When
	// the window is short, lists scroll in a smaller window first, then the
	// explanation above the question gives way, saying that it does.
	room := h - fixed - 3
	// The counts and the partners are what these questions ask to fill in:
	// their list stays whole (the counts' labels wrapped, when that fits) and
	// the explanation above gives way first, down to the question itself.
	listFirst := q.cur.Question.Kind == content.KindCounts || q.cur.Question.Kind == content.KindPartners
	short := min(top, q.mustRows()+1)
	q.wrapCounts = false
	if wrapped := q.countRowsWrapped(); wrapped > 0 && short+wrapped <= room {
		q.wrapCounts, kind = true, wrapped
	}
	if listFirst && top+kind > room {
		top = max(short, room-kind)
	}
	if top+kind > room {
		kind = max(min(kind, 3), room-top)
	}
	if top+kind > room {
		top = max(2, room-kind)
	}
	q.topLimit, q.kindLimit = top, kind
	// The block may come out shorter than its limit (a part too long to
	// fit is left out whole): the editor gets those rows.
	top = strings.Count(q.topBlock(), "\n") + 1
	q.ed.SetSize(max(10, w-2), max(1, h-fixed-top-kind))
}

// countLabelWidth is the room for a count's label beside the cursor and
// the number.
func (q *questionScreen) countLabelWidth() int {
	return max(10, q.c.Width-8-(q.countNumberWidth()-4))
}

// countNumberWidth is the width of the column of numbers: four, or as wide
// as the total, so that large numbers keep one column.
func (q *questionScreen) countNumberWidth() int {
	total := 0
	if ans := q.peek(); ans != nil {
		for _, c := range q.cur.Question.Categories {
			total += ans.Counts[c.ID]
		}
	}
	return max(4, len(strconv.Itoa(total)))
}

// countRowsWrapped is the height of the counts with their labels wrapped, or
// 0 when there are no counts or every label fits on its line.
func (q *questionScreen) countRowsWrapped() int {
	if q.cur.Question.Kind != content.KindCounts {
		return 0
	}
	n, long := 1, false
	for _, c := range q.cur.Question.Categories {
		rows := strings.Count(ansi.Wordwrap(c.Label, q.countLabelWidth(), ""), "\n") + 1
		long = long || rows > 1
		n += rows
	}
	if !long {
		return 0
	}
	return n
}

// kindRows is the height of the kind-specific block at window height h.
func (q *questionScreen) kindRows(h int) int {
	want := 0
	switch q.cur.Question.Kind {
	case content.KindChoice:
		want = 1
	case content.KindPartners:
		want = len(q.c.Set.PartnerKinds) + 1
		if ans := q.peek(); ans != nil {
			want += len(ans.OtherPartners)
		}
	case content.KindCounts:
		want = len(q.cur.Question.Categories) + 1
	case content.KindPoints, content.KindTopics:
		want = len(q.cur.Question.Parts())
	}
	// Leave the editor at least a few lines: lists scroll instead.
	return min(want, max(2, h/3))
}

func (q *questionScreen) itemRows(f field) int {
	if q.focused() != f {
		return 1
	}
	n := len(q.perspectives())
	if f == fActions {
		n = len(q.actionIndexes())
	}
	return 1 + min(n+1, 4)
}

// topSegment is a run of lines of the header block shown whole or, when
// there is no room, not at all; only the question itself is ever cut short.
type topSegment struct {
	lines []string
	must  bool
}

// moreLine says that the header block does not show everything.
const moreLine = "… Niet alles past: F2 toont de hele vraag."

// topSegments is the header, in order of importance: where we are, the
// question, the sub-point or topic with its bullets, the help, the terms
// and last year's answer. It is built once per stop and window size.
func (q *questionScreen) topSegments() []topSegment {
	key := strconv.Itoa(q.idx) + "/" + strconv.Itoa(q.c.Width) + "/" + strconv.Itoa(q.c.Height) + "/" + q.app.saveState()
	if key == q.segKey {
		return q.segs
	}
	st := q.c.St
	w := q.c.Width
	sec := q.cur.Section
	var segs []topSegment
	add := func(must bool, lines ...string) { segs = append(segs, topSegment{lines: lines, must: must}) }
	// Where we are comes first, so a narrow window cuts the section title,
	// not the number.
	add(true, q.app.header(fmt.Sprintf("%s (%d/%d) · %d. %s", q.cur.Number(), q.idx+1, len(q.c.stops), q.cur.SectionIndex+1, sec.Title)))
	add(true, common.WrapLines(st.Question, sessions.QuestionNumber(q.c.Set, q.cur.Question.ID)+" "+q.cur.Question.Text, w, "")...)
	q.hidden = false
	if q.cur.Part != nil {
		add(true, common.WrapLines(st.Title, q.cur.Number()+" "+q.cur.Part.Text, w, "")...)
		for _, bl := range q.cur.Part.Bullets {
			add(false, common.WrapLines(st.Dim, "  • "+bl, w, "    ")...)
		}
	}
	if q.cur.Question.Help != "" {
		// A small window keeps its rows for typing; F2 shows the help.
		if q.c.Height >= 24 {
			add(false, common.WrapLines(st.Help, q.cur.Question.Help, w, "")...)
		} else {
			q.hidden = true
		}
	}
	if len(q.terms) > 0 {
		var names []string
		for _, t := range q.terms {
			names = append(names, t.Term)
		}
		add(false, common.WrapLines(st.Dim, "Begrippen: "+strings.Join(names, ", ")+" (ctrl+g uitleg)", w, "  ")...)
	}
	for _, l := range strings.Split(q.prior, "\n") {
		// ctrl+b shows last year's answer whole.
		if l != "" {
			add(false, st.Dim.Render(ansi.Truncate(l, w, "…")))
		}
	}
	q.segs, q.segKey = segs, key
	q.fitKey = ""
	return segs
}

// mustRows is the height of what the header block never leaves out: where
// we are, the question, and the sub-point or topic.
func (q *questionScreen) mustRows() int {
	n := 0
	for _, s := range q.topSegments() {
		if s.must {
			n += len(s.lines)
		}
	}
	return n
}

// topRows is the height of the whole header block.
func (q *questionScreen) topRows() int {
	n := 0
	for _, s := range q.topSegments() {
		n += len(s.lines)
	}
	if q.hidden {
		n++ // the line that says F2 shows the rest
	}
	return n
}

// topBlock is the header block fitted to topLimit rows. What does not fit
// is left out from the end, never silently: a last line says that F2 shows
// the whole question.
func (q *questionScreen) topBlock() string {
	segs := q.topSegments()
	limit := q.topLimit
	key := q.segKey + "/" + strconv.Itoa(limit)
	if key == q.fitKey {
		return q.top
	}
	st := q.c.St
	w := q.c.Width
	var all []string
	for _, s := range segs {
		all = append(all, s.lines...)
	}
	var out []string
	if len(all) <= limit && !q.hidden {
		out = all
	} else {
		budget := limit
		if limit >= 3 {
			budget = limit - 1 // the line that says there is more
		}
		for _, s := range segs {
			if len(out)+len(s.lines) <= budget {
				out = append(out, s.lines...)
				continue
			}
			if n := budget - len(out); s.must && n > 0 {
				out = append(out, s.lines[:n]...)
				out[len(out)-1] = ansi.Truncate(out[len(out)-1], w-1, "") + "…"
			}
			break
		}
		more := st.Dim.Render(moreLine)
		if ansi.StringWidth(moreLine) > w {
			more = st.Dim.Render("… F2: hele vraag")
		}
		if limit >= 3 || len(out) == 0 {
			out = append(out, more)
		} else {
			last := len(out) - 1
			room := max(0, w-ansi.StringWidth("… F2")-1)
			out[last] = ansi.Truncate(out[last], room, "") + " " + st.Dim.Render("… F2")
		}
	}
	q.top, q.fitKey = strings.Join(out, "\n"), key
	return q.top
}

func (q *questionScreen) view(a *App) string {
	if q.modal != nil {
		body := q.modal.view(q, a.c.Width, a.c.Height-1)
		return common.FitBlock(body, a.c.Width, a.c.Height-1) + "\n" + a.footer(a.c.Keys.Tab, key.NewBinding(key.WithHelp("esc", "opslaan en terug")))
	}
	st := a.c.St
	w, h := a.c.Width, a.c.Height-1
	var head strings.Builder
	head.WriteString(q.topBlock() + "\n\n")
	head.WriteString(q.statusLine() + "\n")
	if kb := q.kindBlock(); kb != "" {
		head.WriteString(kb + "\n")
	}
	head.WriteString(q.textHeading())
	tail := q.itemsView(fPersp) + "\n" + q.itemsView(fActions)
	bar := st.Dim.Render("│ ")
	if q.focused() == fText {
		bar = st.Cursor.Render("│ ")
	}
	// The editor's rows are exactly as wide as it was sized, so they go in
	// as they are; only the lines around them are measured and cut. (This
	// runs on every key.)
	lines := strings.Split(common.FitBlock(head.String(), w, strings.Count(head.String(), "\n")+1), "\n")
	for _, l := range strings.Split(q.ed.View(), "\n") {
		lines = append(lines, bar+l)
	}
	lines = append(lines, strings.Split(common.FitBlock(tail, w, strings.Count(tail, "\n")+1), "\n")...)
	var body string
	if len(lines) > h {
		body = common.FitBlock(strings.Join(lines, "\n"), w, h)
	} else {
		for len(lines) < h {
			lines = append(lines, "")
		}
		body = strings.Join(lines, "\n")
	}
	// The footer keeps to what a facilitator needs most; F1 lists the rest.
	hints := []key.Binding{
		key.NewBinding(key.WithHelp("F1", "hulp")),
		key.NewBinding(key.WithHelp("F2", "hele vraag")),
		key.NewBinding(key.WithHelp("tab", "veld")),
		key.NewBinding(key.WithHelp("ctrl+n/p", "volgende/vorige")),
		key.NewBinding(key.WithHelp("alt+1-5", "status")),
		key.NewBinding(key.WithHelp("esc", "overzicht")),
		key.NewBinding(key.WithHelp("ctrl+o", "perspectief")),
		key.NewBinding(key.WithHelp("ctrl+r", "actiepunt")),
		key.NewBinding(key.WithHelp("ctrl+g", "begrippen")),
		key.NewBinding(key.WithHelp("ctrl+t", "tips")),
	}
	if q.prior != "" {
		hints = append(hints, key.NewBinding(key.WithHelp("ctrl+b/y", "vorig jaar lezen/overnemen")))
	}
	return body + "\n" + a.footer(hints...)
}

func (q *questionScreen) label(text string, f field) string {
	if q.focused() == f {
		return q.c.St.Cursor.Render("▸ ") + q.c.St.Focused.Render(text)
	}
	return "  " + q.c.St.Label.Render(text)
}

func (q *questionScreen) textLabel() string {
	switch q.cur.Question.Kind {
	case content.KindCounts:
		if q.cur.Question.CountsText != "" {
			return q.cur.Question.CountsText
		}
	case content.KindChoice:
		if ans := q.peek(); ans != nil && ans.Choice != "" {
			for _, f := range q.cur.Question.FollowUps {
				if f.When == ans.Choice {
					return f.Text
				}
			}
		}
		return "Toelichting"
	case content.KindPartners:
		return "Toelichting (samen)"
	case content.KindTopics:
		return "Afspraak"
	}
	return "Antwoord (samen)"
}

func (q *questionScreen) statusLine() string {
	st := q.c.St
	cur := q.status()
	var parts []string
	for _, s := range sessions.Statuses {
		// Brackets mark the chosen status, so it shows without colour too.
		if s == cur {
			parts = append(parts, st.Status[string(s)].Reverse(true).Render("["+s.Label()+"]"))
		} else {
			parts = append(parts, st.Dim.Render(" "+s.Label()+" "))
		}
	}
	line := strings.Join(parts, " ")
	if q.c.Width >= 100 {
		line += st.Dim.Render("   (alt+1…5)")
	}
	return q.label("Status:", fStatus) + " " + ansi.Truncate(line, q.c.Width-11, "…")
}

func (q *questionScreen) kindBlock() string {
	st := q.c.St
	w := q.c.Width
	h := q.kindLimit
	ans := q.peek()
	switch q.cur.Question.Kind {
	case content.KindChoice:
		var parts []string
		for _, c := range q.cur.Question.Choices {
			mark := "( )"
			if ans != nil && ans.Choice == c.ID {
				mark = "(•)"
				parts = append(parts, st.Selected.Render(mark+" "+c.Label))
				continue
			}
			parts = append(parts, mark+" "+c.Label)
		}
		return q.label("Keuze:", fChoice) + " " + strings.Join(parts, "   ")
	case content.KindPartners:
		var rows []string
		lw := 0
		for _, pk := range q.c.Set.PartnerKinds {
			lw = max(lw, ansi.StringWidth(pk.Label))
		}
		lw = min(lw+2, w-16)
		for _, pk := range q.c.Set.PartnerKinds {
			state := sessions.PartnerUnknown
			if ans != nil {
				state = ans.Partners[pk.ID]
			}
			rows = append(rows, q.partnerRow(pk.Label, state, lw))
		}
		if ans != nil {
			for _, o := range ans.OtherPartners {
				rows = append(rows, q.partnerRow("Anders: "+o.Name, o.State, lw))
			}
		}
		rows = append(rows, "+ andere partner toevoegen")
		return q.listWindow(rows, h)
	case content.KindCounts:
		var rows []string
		total, filled, cut := 0, 0, false
		nw, lw := q.countNumberWidth(), q.countLabelWidth()
		for _, c := range q.cur.Question.Categories {
			v := fmt.Sprintf("%*s", nw, "–")
			if ans != nil {
				if n, ok := ans.Counts[c.ID]; ok {
					v = fmt.Sprintf("%*d", nw, n)
					total += n
					filled++
				}
			}
			lbl := c.Label
			if q.wrapCounts {
				lbl = strings.ReplaceAll(ansi.Wordwrap(lbl, lw, ""), "\n", "\n"+strings.Repeat(" ", nw+2))
			} else if ansi.StringWidth(lbl) > lw {
				lbl = ansi.Truncate(lbl, lw, "…")
				cut = true
			}
			rows = append(rows, v+"  "+lbl)
		}
		sum := fmt.Sprintf("%*d  totaal (%d van %d ingevuld)", nw, total, filled, len(q.cur.Question.Categories))
		if cut {
			sum += " · F2: hele tekst"
		}
		rows = append(rows, st.Label.Render(sum))
		return q.listWindow(rows, h)
	case content.KindPoints, content.KindTopics:
		var rows []string
		for i, p := range q.cur.Question.Parts() {
			s := sessions.StatusNone
			if ans != nil && ans.Parts[p.ID] != nil {
				s = ans.Parts[p.ID].Status
			}
			mark := "  "
			text := content.PartLetter(i) + ". " + p.Text
			line := ansi.Truncate(text, w-18, "…")
			if i == q.cur.PartIndex {
				mark = st.Selected.Render("→ ")
				line = st.Selected.Render(line)
			}
			rows = append(rows, mark+line+"  "+st.Status[string(s)].Render(s.Label()))
		}
		// Keep the current part visible.
		first := 0
		if q.cur.PartIndex >= h {
			first = q.cur.PartIndex - h + 1
		}
		return strings.Join(rows[first:min(len(rows), first+h)], "\n")
	}
	return ""
}

func (q *questionScreen) partnerRow(label string, state sessions.PartnerState, lw int) string {
	st := q.c.St
	label = ansi.Truncate(label, lw, "…")
	pad := strings.Repeat(" ", max(1, lw-ansi.StringWidth(label)))
	var s string
	switch state {
	case sessions.PartnerTogether:
		s = st.Status["geregeld"].Render(state.Label())
	case sessions.PartnerNotYet:
		s = st.Status["nog-niet"].Render(state.Label())
	default:
		s = st.Dim.Render(state.Label())
	}
	return label + pad + s
}

// listWindow shows rows with the list cursor, scrolled to keep it in view.
func (q *questionScreen) listWindow(rows []string, h int) string {
	st := q.c.St
	focused := q.focused() == fList
	first := 0
	if focused && q.listCursor >= h {
		first = q.listCursor - h + 1
	}
	var out []string
	for i := first; i < len(rows) && i < first+h; i++ {
		mark := "  "
		if focused && i == q.listCursor {
			mark = st.Cursor.Render("▸ ")
		}
		// A wrapped row goes on under its own text.
		out = append(out, mark+strings.ReplaceAll(rows[i], "\n", "\n  "))
	}
	return strings.Join(out, "\n")
}

func (q *questionScreen) itemsView(f field) string {
	st := q.c.St
	w := q.c.Width
	var names []string
	title := "Perspectieven"
	if f == fPersp {
		for _, p := range q.perspectives() {
			names = append(names, p.Organisation)
		}
	} else {
		title = "Actiepunten"
		for _, i := range q.actionIndexes() {
			ai := q.sess().Actions[i]
			n := ai.What
			if ai.Who != "" || ai.When != "" {
				n += " (" + strings.Trim(ai.Who+", "+ai.When, ", ") + ")"
			}
			if ai.Done {
				n = "✓ " + n
			}
			names = append(names, n)
		}
	}
	if q.focused() != f {
		line := fmt.Sprintf("%s (%d)", title, len(names))
		if len(names) > 0 {
			line += ": " + strings.Join(names, " · ")
		}
		return "  " + st.Dim.Render(ansi.Truncate(line, w-2, "…"))
	}
	var b strings.Builder
	b.WriteString(q.label(fmt.Sprintf("%s (%d)", title, len(names)), f))
	rows := append(names, "+ toevoegen")
	first := 0
	if q.itemCursor >= 4 {
		first = q.itemCursor - 3
	}
	for i := first; i < len(rows) && i < first+4; i++ {
		mark := "    "
		text := ansi.Truncate(rows[i], w-6, "…")
		if i == q.itemCursor {
			mark = "  " + st.Cursor.Render("▸ ")
			text = st.Selected.Render(text)
		}
		b.WriteString("\n" + mark + text)
	}
	return b.String()
}
