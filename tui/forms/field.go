package forms

import (
	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"gespreksmap/sessions"
)

type kind int

const (
	kindText kind = iota
	kindChoice
	kindToggle
)

// Option is one answer of a choice field: the value bound, the label shown.
type Option struct{ Value, Label string }

// Field is one named field of a form, bound to a value. Make one with Text,
// Choice or Toggle and set its details with the chained methods.
type Field struct {
	name, label, hint string
	kind              kind

	input textinput.Model // text
	text  *string         // text and choice: bound value

	options []Option // choice
	choice  int

	on     bool  // toggle
	onBind *bool // toggle: bound value

	suggest []string // names to pick from (Suggest)
	query   string   // what was typed, which the names must fit
	pick    int      // the name put in last, -1 for none

	validate func(string) error
	err      string // the validation message shown under the field
}

// Text is a single-line text field bound to *bound: what is typed is cleaned
// of control characters and written to *bound on every change.
func Text(name, label string, bound *string) *Field {
	if bound == nil {
		bound = new(string)
	}
	in := textinput.New()
	// A steady cursor: focus already shows by marker and style, and a
	// blinking one would redraw the screen twice a second for nothing.
	in.Cursor.SetMode(cursor.CursorStatic)
	in.Prompt = ""
	in.CharLimit = 500
	*bound = sessions.CleanLine(*bound)
	in.SetValue(*bound)
	in.CursorEnd()
	return &Field{name: name, label: label, kind: kindText, input: in, text: bound}
}

// Choice is a field whose value is one of options, cycled with ←/→. *bound
// holds the chosen option's Value; a value that is none of the options
// shows the first option, and is written back only when the user changes
// it.
func Choice(name, label string, options []Option, bound *string) *Field {
	if bound == nil {
		bound = new(string)
	}
	f := &Field{name: name, label: label, kind: kindChoice, options: options, text: bound}
	for i, o := range options {
		if o.Value == *bound {
			f.choice = i
		}
	}
	return f
}

// Toggle is a yes/no field bound to *bound, switched with space or ←/→.
func Toggle(name, label string, bound *bool) *Field {
	f := &Field{name: name, label: label, kind: kindToggle, onBind: bound}
	if bound != nil {
		f.on = *bound
	}
	return f
}

// Placeholder sets the grey text of an empty text field.
func (f *Field) Placeholder(s string) *Field { f.input.Placeholder = s; return f }

// Hint sets a short note shown beside the field while it has focus, e.g.
// "jaar-maand-dag".
func (f *Field) Hint(s string) *Field { f.hint = s; return f }

// Limit sets the most characters a text field takes (500 by default).
func (f *Field) Limit(n int) *Field { f.input.CharLimit = n; return f }

// Validate sets the check of a text or choice value: a non-nil error's text
// (Dutch, for the user) is shown under the field when focus leaves it and
// when the form is submitted.
func (f *Field) Validate(check func(value string) error) *Field { f.validate = check; return f }

// Name returns the field's name.
func (f *Field) Name() string { return f.name }

// Value returns the field's value: the text, the chosen option's Value, or
// "ja"/"nee" for a toggle.
func (f *Field) Value() string {
	switch f.kind {
	case kindChoice:
		if f.choice >= 0 && f.choice < len(f.options) {
			return f.options[f.choice].Value
		}
		return ""
	case kindToggle:
		if f.on {
			return "ja"
		}
		return "nee"
	}
	return sessions.CleanLine(f.input.Value())
}

// Error returns the validation message shown, or "".
func (f *Field) Error() string { return f.err }

// check runs the validation and keeps its message.
func (f *Field) check() bool {
	f.err = ""
	if f.validate != nil {
		if err := f.validate(f.Value()); err != nil {
			f.err = err.Error()
		}
	}
	return f.err == ""
}

// store writes the value to the bound variable.
func (f *Field) store() {
	switch f.kind {
	case kindToggle:
		if f.onBind != nil {
			*f.onBind = f.on
		}
	default:
		*f.text = f.Value()
	}
}

// shown is the value as the user reads it.
func (f *Field) shown() string {
	switch f.kind {
	case kindChoice:
		if f.choice >= 0 && f.choice < len(f.options) {
			return f.options[f.choice].Label
		}
		return ""
	case kindToggle:
		if f.on {
			return "[x] ja"
		}
		return "[ ] nee"
	}
	return f.input.Value()
}

// SafeKey works around bubbles' textinput (v1.0.0), whose delete word
// forward (alt+d, alt+delete) reads past the text when the cursor stands on
// its last character and panics: there the key becomes delete, which
// removes that one character, as deleting the word would. Every text input
// of the interface passes its keys through it.
func SafeKey(in textinput.Model, km tea.KeyMsg) tea.KeyMsg {
	if in.KeyMap.DeleteWordForward.Enabled() && key.Matches(km, in.KeyMap.DeleteWordForward) &&
		in.Position() == len([]rune(in.Value()))-1 {
		return tea.KeyMsg{Type: tea.KeyDelete}
	}
	return km
}
