// Package forms is the form of the full-screen interface: named fields
// bound to values (single-line text, a choice cycled with ←/→, a yes/no
// toggle), tab and shift+tab between them, a focused field that shows
// clearly (a marker, and its label and value in the focus style), and a
// validation message per field.
//
//	var p sessions.Participant
//	f := forms.New("deelnemer", st,
//		forms.Text("naam", "Naam", &p.Name).Placeholder("naam van de deelnemer"),
//		forms.Choice("soort", "Soort partner", kinds, &p.PartnerKind),
//		forms.Toggle("tekent", "Tekent namens de organisatie", &p.Signs),
//	)
//
// Every change is written to the bound variable at once and reported with
// ChangedMsg; enter on the last field validates and sends SubmitMsg.
//
// Why not huh: huh (github.com/charmbracelet/huh, v1.0.0, maintained) runs a
// form as its own program part: its fields move focus with unexported
// messages (huh#634 asks to export them), several forms in one program
// answer each other's navigation (huh#278), its key map is its own, and its
// Field interface can no longer be implemented outside huh. Our forms sit
// inside screens next to lists, share the screen's keys and help, and save
// on every change; a hundred lines on bubbles/textinput fit that better.
package forms

import (
	"fmt"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"gespreksmap/sessions"
	"gespreksmap/tui/component"
)

// Styles is what a form draws with; the owner builds it from the interface's
// styles (tui.Styles: Label, Focused, Cursor, Selected, Dim, Error).
type Styles struct {
	Label        lipgloss.Style
	FocusedLabel lipgloss.Style
	Marker       lipgloss.Style // the ▶ before the focused field
	Value        lipgloss.Style
	FocusedValue lipgloss.Style
	Hint         lipgloss.Style
	Error        lipgloss.Style
}

// Messages a form sends; Form is the ID given to New.
type (
	// ChangedMsg: the value of Field changed (and is in its bound variable).
	ChangedMsg struct{ Form, Field string }
	// SubmitMsg: enter on the last field, and every field is valid.
	SubmitMsg struct{ Form string }
)

// Form is a stack of named fields.
type Form struct {
	id      string
	st      Styles
	Keys    KeyMap
	fields  []*Field
	focus   int
	blurred bool
	width   int
	height  int
	// Wrap: tab on the last field goes to the first. A form that shares its
	// screen with other parts leaves it off and asks Edge instead.
	Wrap bool
}

// New makes a form of fields, focus on the first. Field names must differ.
func New(id string, st Styles, fields ...*Field) *Form {
	fm := &Form{id: id, st: st, Keys: DefaultKeyMap(), fields: fields, width: 80, height: 20, Wrap: true}
	seen := map[string]bool{}
	for _, f := range fields {
		if seen[f.name] {
			panic(fmt.Sprintf("forms: two fields named %q", f.name))
		}
		seen[f.name] = true
	}
	fm.setFocus(0)
	return fm
}

// Field returns the field called name. A name that is not in the form is a
// mistake in the program, and panics.
func (fm *Form) Field(name string) *Field {
	for _, f := range fm.fields {
		if f.name == name {
			return f
		}
	}
	panic(fmt.Sprintf("forms: no field named %q in form %q", name, fm.id))
}

// Value returns a field's value by name (see Field.Value).
func (fm *Form) Value(name string) string { return fm.Field(name).Value() }

// On returns a toggle's value by name.
func (fm *Form) On(name string) bool { return fm.Field(name).on }

// Focused returns the name of the focused field, or "" when the form is
// blurred.
func (fm *Form) Focused() string {
	if fm.blurred || len(fm.fields) == 0 {
		return ""
	}
	return fm.fields[fm.focus].name
}

// Focus puts focus on the field called name.
func (fm *Form) Focus(name string) {
	for i, f := range fm.fields {
		if f.name == name {
			fm.setFocus(i)
			return
		}
	}
	fm.Field(name) // panics with the name
}

// FocusFirst and FocusLast put focus on the first or last field, as when
// the user tabs into the form from the part above or below.
func (fm *Form) FocusFirst() { fm.setFocus(0) }

// FocusLast puts focus on the last field.
func (fm *Form) FocusLast() { fm.setFocus(len(fm.fields) - 1) }

// Blur takes focus away from the whole form.
func (fm *Form) Blur() {
	fm.blurred = true
	for _, f := range fm.fields {
		f.input.Blur()
	}
	fm.sync()
}

// SetError shows msg under the field called name ("" clears it), for
// checks that need more than the field's own value.
func (fm *Form) SetError(name, msg string) { fm.Field(name).err = msg }

// Validate checks every field, shows the messages, puts focus on the first
// field in error and reports whether all are valid.
func (fm *Form) Validate() bool {
	first := -1
	for i, f := range fm.fields {
		if !f.check() && first < 0 {
			first = i
		}
	}
	if first >= 0 {
		fm.setFocus(first)
		return false
	}
	return true
}

// Edge tells the owner that km would move focus out of the form: -1 for
// shift+tab (or ↑) on the first field, +1 for tab (or ↓) on the last; 0
// otherwise, and always 0 when the form wraps.
func (fm *Form) Edge(km tea.KeyMsg) int {
	if fm.Wrap || fm.blurred {
		return 0
	}
	switch {
	case component.Matches(km, fm.Keys.Prev) && fm.focus == 0:
		return -1
	case component.Matches(km, fm.Keys.Next) && fm.focus == len(fm.fields)-1:
		return 1
	}
	return 0
}

func (fm *Form) setFocus(i int) {
	if len(fm.fields) == 0 {
		return
	}
	i = (i%len(fm.fields) + len(fm.fields)) % len(fm.fields)
	if !fm.blurred && i != fm.focus {
		fm.fields[fm.focus].check() // leaving a field says what is wrong with it
	}
	for _, f := range fm.fields {
		f.input.Blur()
	}
	fm.focus, fm.blurred = i, false
	if f := fm.fields[i]; f.kind == kindText {
		f.input.Focus()
	}
	fm.sync()
}

// Init implements component.Component.
func (fm *Form) Init() tea.Cmd { return nil }

// Update moves focus and edits the focused field.
func (fm *Form) Update(msg tea.Msg) (component.Component, tea.Cmd) {
	km, ok := msg.(tea.KeyMsg)
	if !ok || fm.blurred || len(fm.fields) == 0 {
		return fm, nil
	}
	k := fm.Keys
	last := fm.focus == len(fm.fields)-1
	switch {
	case component.Matches(km, k.Next):
		if !last || fm.Wrap {
			fm.setFocus(fm.focus + 1)
		}
		return fm, nil
	case component.Matches(km, k.Prev):
		if fm.focus > 0 || fm.Wrap {
			fm.setFocus(fm.focus - 1)
		}
		return fm, nil
	case component.Matches(km, k.Submit):
		if !last {
			fm.setFocus(fm.focus + 1)
			return fm, nil
		}
		if !fm.Validate() {
			return fm, nil
		}
		return fm, component.Send(SubmitMsg{Form: fm.id})
	}
	f := fm.fields[fm.focus]
	before := f.Value()
	var cmd tea.Cmd
	switch f.kind {
	case kindChoice:
		n := len(f.options)
		switch {
		case n == 0:
		case component.Matches(km, k.Left):
			f.choice = (f.choice - 1 + n) % n
		case component.Matches(km, k.Right), component.Matches(km, k.Toggle):
			f.choice = (f.choice + 1) % n
		}
	case kindToggle:
		switch {
		case component.Matches(km, k.Left), component.Matches(km, k.Right), component.Matches(km, k.Toggle):
			f.on = !f.on
		case component.Matches(km, k.Yes):
			f.on = true
		case component.Matches(km, k.No):
			f.on = false
		}
	case kindText:
		if component.Matches(km, k.Right) && len(f.suggest) > 0 && f.atEnd() {
			f.acceptNext()
			break
		}
		if km.Type == tea.KeyRunes {
			km.Runes = []rune(sessions.CleanLine(string(km.Runes)))
		}
		f.input, cmd = f.input.Update(SafeKey(f.input, km))
		if f.Value() != before {
			f.typed()
		}
	}
	if f.Value() == before {
		return fm, cmd
	}
	f.store()
	if f.err != "" {
		f.check() // a message goes as soon as the value is right
	}
	return fm, tea.Batch(cmd, component.Send(ChangedMsg{Form: fm.id, Field: f.name}))
}

// sync enables the bindings that apply to the focused field.
func (fm *Form) sync() {
	k := &fm.Keys
	active := !fm.blurred && len(fm.fields) > 0
	var f *Field
	if active {
		f = fm.fields[fm.focus]
	}
	last := active && fm.focus == len(fm.fields)-1
	k.Next.SetEnabled(active && len(fm.fields) > 1 && (fm.Wrap || !last))
	k.Prev.SetEnabled(active && len(fm.fields) > 1 && (fm.Wrap || fm.focus > 0))
	k.Enter.SetEnabled(active && !last)
	k.Submit.SetEnabled(last)
	choice := f != nil && f.kind == kindChoice
	toggle := f != nil && f.kind == kindToggle
	k.Left.SetEnabled(choice)
	k.Right.SetEnabled(choice)
	k.Pick.SetEnabled(f != nil && f.kind == kindText && len(f.suggest) > 0)
	k.Toggle.SetEnabled(toggle)
	k.Yes.SetEnabled(toggle)
	k.No.SetEnabled(toggle)
	fm.layout()
}

// ShortHelp implements help.KeyMap.
func (fm *Form) ShortHelp() []key.Binding { return fm.Keys.ShortHelp() }

// FullHelp implements help.KeyMap.
func (fm *Form) FullHelp() [][]key.Binding { return fm.Keys.FullHelp() }

// SetSize sets the width and the most lines the form may take.
func (fm *Form) SetSize(width, height int) {
	fm.width, fm.height = max(0, width), max(0, height)
	fm.layout()
}

// Submits reports whether km submits the form now: the submit key on the
// last field, every field valid. An owner that closes the form on submit
// asks this before Update, so the form is gone before the next key arrives;
// SubmitMsg comes back through the program loop, after keys already typed.
func (fm *Form) Submits(km tea.KeyMsg) bool {
	return len(fm.fields) > 0 && fm.focus == len(fm.fields)-1 && component.Matches(km, fm.Keys.Submit) && fm.Validate()
}
