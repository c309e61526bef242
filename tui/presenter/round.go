package presenter

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"gespreksmap/sessions"
	"gespreksmap/tui/common"
	"gespreksmap/tui/component"
)

// A writing round on the stop shown: until the facilitator reveals the
// contributions, the view says how many organisations have sent and
// nothing of what; revealed, they stand side by side across the width,
// one column an organisation (in bands below each other when the window
// is narrow).

// minColumn is the narrowest a revealed contribution's column gets.
const minColumn = 26

// RoundProgress is how far a writing round is: "4 van 6 organisaties
// hebben ingestuurd".
func RoundProgress(sent, total int) string {
	return strconv.Itoa(sent) + " van " + strconv.Itoa(total) + " organisaties hebben ingestuurd"
}

// roundHere is the writing round, when it is open on the stop shown.
func (v *View) roundHere() (sessions.Round, bool) {
	if v.conv == nil {
		return sessions.Round{}, false
	}
	r, ok := v.conv.CurrentRound()
	st := v.conv.Stop(v.stop)
	if !ok || st.Question == nil || sessions.StopRef(r.QuestionID, r.Part) != sessions.Ref(st) {
		return sessions.Round{}, false
	}
	return r, true
}

// renderRevealed draws the revealed round: the stop, then the
// contributions side by side, each under its organisation.
func (v *View) renderRevealed(top []string) string {
	st := v.c.St
	w, h := v.w, v.h
	margin := max(2, w/20)
	inner := max(10, w-2*margin)
	pad := strings.Repeat(" ", margin)
	s := v.conv.Stop(v.stop)
	text := s.Question.Text
	if s.Part != nil {
		text = s.Part.Text
	}
	lines := append([]string{}, top...)
	lines = append(lines, "", pad+st.Header.Render(component.Plain(s.Number())))
	for _, l := range strings.Split(common.WrapCut(st.Question, component.Plain(text), inner, 2), "\n") {
		lines = append(lines, pad+l)
	}
	lines = append(lines, "")
	// One column an organisation, in the order of the table; what was
	// taken over stays in view.
	texts := map[string][]string{}
	var order []string
	for _, o := range v.conv.Organisations() {
		order = append(order, o)
		texts[o] = nil
	}
	for _, k := range append(v.conv.RoundAccepted(), v.conv.RoundContributions()...) {
		// Set aside is not shown; nor is an organisation counted as sent
		// whose perspective was emptied since (a round read from a report).
		if k.State == sessions.ContributionSetAside || strings.TrimSpace(k.Text) == "" {
			continue
		}
		if _, ok := texts[k.Organisation]; !ok {
			order = append(order, k.Organisation)
		}
		texts[k.Organisation] = append(texts[k.Organisation], k.Text)
	}
	var cols []common.Column
	for _, o := range order {
		if len(texts[o]) > 0 {
			cols = append(cols, common.Column{Head: st.Label.Render(ansi.Truncate(component.Plain(o), inner, "…")), Text: strings.Join(texts[o], "\n\n")})
		}
	}
	if len(cols) == 0 {
		lines = append(lines, pad+st.Dim.Render("Er is niets ingestuurd."))
	}
	for _, l := range common.SideBySide(cols, inner, max(3, h-len(lines)), minColumn, st.App.Render) {
		if l == "" {
			lines = append(lines, "")
		} else {
			lines = append(lines, pad+l)
		}
	}
	return common.FitLines(strings.Join(lines, "\n"), h)
}
