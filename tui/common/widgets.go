package common

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"gespreksmap/sessions"
	"gespreksmap/tui/footer"
	"gespreksmap/tui/forms"
	"gespreksmap/tui/list"
)

// ListStyles are the interface's styles for a list.
func (s Styles) ListStyles() list.Styles {
	return list.Styles{Cursor: s.Cursor, Selected: s.Selected, Dim: s.Dim, Confirm: s.Error}
}

// FormStyles are the interface's styles for a form.
func (s Styles) FormStyles() forms.Styles {
	return forms.Styles{Label: s.Label, FocusedLabel: s.Focused, Marker: s.Cursor, Value: s.App, FocusedValue: s.Selected, Hint: s.Dim, Error: s.Error}
}

// FooterStyles are the interface's styles for the footer.
func (s Styles) FooterStyles() footer.Styles {
	return footer.Styles{Key: s.Key, Desc: s.Footer, Sep: s.Footer, Info: s.OK, Error: s.Error}
}

// ActionForm is the one form that edits an action item (what, who, by
// when), wherever an item is made or changed: on a question and on the
// list of all action items. The fields write into item. "Wanneer" takes a
// date, checked (WhenCheck), or words such as "voor de zomer".
func ActionForm(st Styles, item *sessions.ActionItem) *forms.Form {
	return forms.New("actiepunt", st.FormStyles(),
		forms.Text("what", "Wat", &item.What).Placeholder("wat gaat er gebeuren"),
		forms.Text("who", "Wie", &item.Who).Placeholder("persoon of organisatie"),
		forms.Text("when", "Wanneer", &item.When).Placeholder("datum of bijvoorbeeld: voor de zomer").Validate(WhenCheck),
	)
}

// ActionFormFor is ActionForm in a conversation: "wie" offers its
// participants' names and organisations to pick (→), or takes any name
// typed.
func ActionFormFor(st Styles, item *sessions.ActionItem, conv *sessions.Conversation) *forms.Form {
	f := ActionForm(st, item)
	if conv != nil {
		var names []string
		for _, p := range conv.Participants {
			names = append(names, p.Name)
		}
		for _, p := range conv.Participants {
			names = append(names, p.Organisation)
		}
		f.Field("who").Suggest(names...)
	}
	return f
}

// looksLikeDate: three groups of digits, as a date is written.
var looksLikeDate = regexp.MustCompile(`^\d{1,4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,4}$`)

// WhenCheck checks the "wanneer" of an action item: words pass as they are
// ("voor de kerstvakantie"); what is written as a date must be a real date,
// as 2027-06-30 or 30-6-2027.
func WhenCheck(v string) error {
	v = strings.TrimSpace(v)
	if !looksLikeDate.MatchString(v) {
		return nil
	}
	norm := strings.NewReplacer(" ", "", "/", "-", ".", "-").Replace(v)
	for _, layout := range []string{"2006-1-2", "2-1-2006"} {
		if _, err := time.Parse(layout, norm); err == nil {
			return nil
		}
	}
	return fmt.Errorf("%q is geen bestaande datum; schrijf bijv. 2027-06-30 of 30-6-2027, of in woorden (voor de zomer)", v)
}
