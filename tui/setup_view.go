package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"gespreksmap/sessions"
	"gespreksmap/tui/forms"
)

// participantForm adds or edits one participant, with named fields bound
// to p.
type participantForm struct {
	at   int // index edited, or -1 when adding
	p    sessions.Participant
	form *forms.Form
}

func newParticipantForm(c *base, at int, p sessions.Participant, w int) *participantForm {
	pf := &participantForm{at: at, p: p}
	var kinds []forms.Option
	for _, pk := range c.Set.PartnerKinds {
		kinds = append(kinds, forms.Option{Value: pk.ID, Label: pk.Label})
	}
	kinds = append(kinds, forms.Option{Value: sessions.OtherPartnerKind, Label: "Andere partner"})
	if pf.p.PartnerKind == "" {
		pf.p.PartnerKind = sessions.OtherPartnerKind
	}
	pf.form = forms.New("deelnemer", c.St.FormStyles(),
		forms.Text("name", "Naam", &pf.p.Name).Placeholder("naam van de deelnemer"),
		forms.Text("organisation", "Organisatie", &pf.p.Organisation).Placeholder("bijv. Gemeente Tilburg"),
		forms.Choice("kind", "Soort partner", kinds, &pf.p.PartnerKind).Hint("←/→ kiezen · enter: opslaan"),
		forms.Text("function", "Functie", &pf.p.Function).Placeholder("bijv. wethouder, directeur-bestuurder (optioneel)"),
		forms.Toggle("signs", "Tekent namens de organisatie", &pf.p.Signs).Hint("spatie: ja/nee · enter: opslaan"),
	)
	pf.form.Keys.Submit.SetHelp("enter", "opslaan")
	pf.form.SetSize(min(w-2, 90), 12)
	return pf
}

func (pf *participantForm) editing() bool {
	f := pf.form.Focused()
	return f == "name" || f == "organisation" || f == "function"
}

func (s *setupScreen) View() string {
	st := s.c.St
	w := s.w
	var b strings.Builder
	b.WriteString("\n")
	if s.person != nil {
		title := "Deelnemer toevoegen"
		if s.person.at >= 0 {
			title = "Deelnemer wijzigen"
		}
		b.WriteString(st.Title.Render(title) + "\n\n")
		b.WriteString(s.person.form.View() + "\n")
		b.WriteString("\n" + st.Dim.Render("Wie tekent, komt met naam en functie in het concept-convenant.") + "\n")
		return b.String()
	}
	b.WriteString(s.meta.View() + "\n")
	b.WriteString("\n" + st.Title.Render(fmt.Sprintf("Deelnemers (%d)", len(s.participants()))) + "\n")
	b.WriteString(s.people.View() + "\n\n")
	button := "[ Gesprek beginnen ]"
	if s.existing != nil {
		button = "[ Klaar ]"
	}
	if s.focus == focusButton {
		b.WriteString(st.Cursor.Render("▸ ") + st.Selected.Render(button) + "\n")
	} else {
		b.WriteString("  " + button + "\n")
	}
	if s.err != "" {
		b.WriteString("\n" + st.Error.Render(ansi.Wordwrap(s.err, w-2, "")) + "\n")
	}
	if s.note != "" {
		b.WriteString("\n" + st.OK.Render(ansi.Wordwrap(s.note, w-2, "")) + "\n")
	}
	return b.String()
}
