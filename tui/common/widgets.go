package common

import (
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
// list of all action items. The fields write into item.
func ActionForm(st Styles, item *sessions.ActionItem) *forms.Form {
	return forms.New("actiepunt", st.FormStyles(),
		forms.Text("what", "Wat", &item.What).Placeholder("wat gaat er gebeuren"),
		forms.Text("who", "Wie", &item.Who).Placeholder("persoon of organisatie"),
		forms.Text("when", "Wanneer", &item.When).Placeholder("datum of bijvoorbeeld: voor de zomer"),
	)
}
