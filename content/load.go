package content

import (
	_ "embed"
	"errors"
	"fmt"
	"os"
	"sync"
	"syscall"
)

//go:embed default.yaml
var defaultYAML []byte

// DefaultFile is the name under which the embedded set reports its errors.
const DefaultFile = "default.yaml"

var defaultSet = sync.OnceValue(func() *Set {
	s, err := Parse(defaultYAML, DefaultFile)
	if err != nil {
		// The embedded file is part of the build; a test guards it, so this
		// only fires for a broken build.
		panic(fmt.Sprintf("content: embedded question set is invalid:\n%v", err))
	}
	return s
})

// Default returns the embedded default question set (the NJI Gespreksmap).
// It is parsed once; callers share the result and must not modify it.
func Default() *Set { return defaultSet() }

// DefaultYAML returns a copy of the embedded default set's YAML, as a
// starting point for a region's own set.
func DefaultYAML() []byte { return append([]byte(nil), defaultYAML...) }

// Load reads and validates the question set in the file at path. Errors
// name the path as given.
func Load(path string) (*Set, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, ErrorList{{File: path, Msg: "kan het bestand niet lezen: " + osErrorText(err)}}
	}
	return Parse(data, path)
}

// ValidateFiles loads every file and returns the errors of all of them
// together (an ErrorList), or nil when every file is a valid question set.
func ValidateFiles(paths ...string) error {
	var all ErrorList
	for _, p := range paths {
		if _, err := Load(p); err != nil {
			var list ErrorList
			if errors.As(err, &list) {
				all = append(all, list...)
			} else {
				all = append(all, &Error{File: p, Msg: err.Error()})
			}
		}
	}
	if len(all) == 0 {
		return nil
	}
	return all
}

// osErrorText gives the Dutch wording for the common file errors.
func osErrorText(err error) string {
	switch {
	case os.IsNotExist(err):
		return "het bestand bestaat niet"
	case os.IsPermission(err):
		return "geen toestemming om het bestand te lezen"
	case errors.Is(err, syscall.EISDIR):
		return "dit is een map, geen bestand"
	}
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
