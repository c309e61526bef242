package forms

import (
	"strings"

	"gespreksmap/sessions"
)

// Suggestions of a text field: names the user may pick instead of typing
// them whole, while anything else may still be typed. → at the end of the
// text puts the first name that holds what was typed in the field; → again
// the next one. The names that fit show under the field while it has focus.

// Suggest gives a text field names to pick from (participants,
// organisations). Empty and repeated names are left out.
func (f *Field) Suggest(names ...string) *Field {
	seen := map[string]bool{}
	f.suggest = nil
	for _, n := range names {
		n = sessions.CleanLine(n)
		if k := strings.ToLower(n); n != "" && !seen[k] {
			seen[k] = true
			f.suggest = append(f.suggest, n)
		}
	}
	f.query, f.pick = f.Value(), -1
	return f
}

// Suggestions returns the names that fit what was typed: those that begin
// with it first, then those that hold it; all of them for an empty field.
func (f *Field) Suggestions() []string {
	if len(f.suggest) == 0 {
		return nil
	}
	q := strings.ToLower(strings.TrimSpace(f.query))
	var first, then []string
	for _, n := range f.suggest {
		l := strings.ToLower(n)
		switch {
		case strings.HasPrefix(l, q):
			first = append(first, n)
		case strings.Contains(l, q):
			then = append(then, n)
		}
	}
	return append(first, then...)
}

// acceptNext puts the next fitting name in the field; false when none
// fits.
func (f *Field) acceptNext() bool {
	m := f.Suggestions()
	if len(m) == 0 {
		return false
	}
	f.pick = (f.pick + 1) % len(m)
	f.input.SetValue(m[f.pick])
	f.input.CursorEnd()
	return true
}

// atEnd reports whether the cursor stands after the last character.
func (f *Field) atEnd() bool { return f.input.Position() >= len([]rune(f.input.Value())) }

// typed notes that the user changed the text: the names fit it anew.
func (f *Field) typed() { f.query, f.pick = f.Value(), -1 }
