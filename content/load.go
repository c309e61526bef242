package content

import (
	_ "embed"
	"errors"
	"fmt"
	"io"
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
	set, _, errs := load(path)
	if errs != nil {
		return nil, errs
	}
	return set, nil
}

func load(path string) (*Set, ErrorList, ErrorList) {
	data, err := readFile(path)
	if err != nil {
		return nil, nil, ErrorList{{File: path, Msg: "kan het bestand niet lezen: " + osErrorText(err)}}
	}
	return parse(data, path)
}

// maxFileSize bounds a set or mapping file; the default set is about 60 KB.
const maxFileSize = 4 << 20

var errNotRegular = errors.New("dit is geen gewoon bestand")

// readFile reads a regular file of at most maxFileSize bytes. A device
// (/dev/zero), a pipe or a socket is refused without reading it, so it can
// neither hang the program nor fill its memory.
func readFile(path string) ([]byte, error) {
	// O_NONBLOCK: opening a pipe without a writer would wait for one.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	switch {
	case err != nil:
		return nil, err
	case info.IsDir():
		return nil, syscall.EISDIR
	case !info.Mode().IsRegular():
		return nil, errNotRegular
	case info.Size() > maxFileSize:
		return nil, errTooLarge
	}
	data, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err == nil && len(data) > maxFileSize {
		err = errTooLarge
	}
	return data, err
}

var errTooLarge = fmt.Errorf("het bestand is groter dan %d MB; zo groot is geen vragenset of convenantindeling", maxFileSize>>20)

// ValidateFiles loads every file and returns the errors of all of them
// together (an ErrorList), or nil when every file is a valid question set.
func ValidateFiles(paths ...string) error {
	_, err := CheckFiles(paths...)
	return err
}

// CheckFiles is ValidateFiles that also returns the warnings of every file,
// valid or not, in file and line order: what does not stop a set from being
// used but is likely a mistake. err is nil when every file is a valid
// question set, whatever the warnings.
func CheckFiles(paths ...string) (warnings ErrorList, err error) {
	var all ErrorList
	for _, p := range paths {
		_, warns, errs := load(p)
		warnings = append(warnings, warns...)
		all = append(all, errs...)
	}
	if len(all) == 0 {
		return warnings, nil
	}
	return warnings, all
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
	case errors.Is(err, errNotRegular), errors.Is(err, errTooLarge):
		return err.Error()
	}
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
