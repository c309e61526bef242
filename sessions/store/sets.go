package store

import (
	"gespreksmap/content"
	"gespreksmap/sessions"
)

// A Picker gives the question set to read a report with, from the id of
// the set the report names ("" when it names none).
type Picker func(setID string) *content.Set

// Pick returns the Picker that reads a report naming one of sets with that
// set, and every other report with fallback.
func Pick(fallback *content.Set, sets ...*content.Set) Picker {
	return func(id string) *content.Set {
		for _, s := range sets {
			if s.ID == id && id != "" {
				return s
			}
		}
		return fallback
	}
}

// parseNamed parses a report with the set it names: first with the set
// pick gives for no name, which reads the report's details, then, when the
// report names another set, again with that one.
func parseNamed(path string, data []byte, pick Picker) (*content.Set, *sessions.Session, error) {
	set := pick("")
	s, err := parseFile(path, data, set)
	if err == nil {
		if named := pick(s.SetID); named != set {
			set = named
			s, err = parseFile(path, data, set)
		}
	}
	return set, s, err
}

// SetOf returns the set to read the report at path with: the one pick gives
// for the set the report names. A report that cannot be read or parsed
// gets the set pick gives for no name; opening it says what is wrong.
func SetOf(path string, pick Picker) *content.Set {
	data, _, err := readReport(path)
	if err != nil {
		return pick("")
	}
	set, _, _ := parseNamed(path, data, pick)
	return set
}

// LoadNamed is Load with the set the report names (see SetOf); it returns
// that set too.
func LoadNamed(path string, pick Picker) (*content.Set, *sessions.Session, error) {
	data, _, err := readReport(path)
	if err != nil {
		return pick(""), nil, err
	}
	set, _, _ := parseNamed(path, data, pick)
	s, err := load(path, data, set)
	return set, s, err
}
