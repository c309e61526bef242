package content

import (
	_ "embed"
	"fmt"
	"sync"
)

// The question sets built in besides the default, in the order they are
// offered.
var (
	//go:embed randvoorwaarden.yaml
	randvoorwaardenYAML []byte
	//go:embed intermezzo.yaml
	intermezzoYAML []byte
)

var embeddedSets = sync.OnceValue(func() []*Set {
	sets := []*Set{Default()}
	for _, f := range []struct {
		name string
		data []byte
	}{
		{"randvoorwaarden.yaml", randvoorwaardenYAML},
		{"intermezzo.yaml", intermezzoYAML},
	} {
		s, err := Parse(f.data, f.name)
		if err != nil {
			// Part of the build; a test guards every embedded set.
			panic(fmt.Sprintf("content: embedded question set %s is invalid:\n%v", f.name, err))
		}
		sets = append(sets, s)
	}
	return sets
})

// Embedded returns the question sets built into the program, the default
// first. They are parsed once; callers share them and must not modify
// them or the slice.
func Embedded() []*Set { return embeddedSets() }

// EmbeddedSet returns the built-in set with the id, or nil.
func EmbeddedSet(id string) *Set {
	for _, s := range Embedded() {
		if s.ID == id {
			return s
		}
	}
	return nil
}

// EmbeddedIDs returns the ids of the built-in sets, in order.
func EmbeddedIDs() []string {
	var ids []string
	for _, s := range Embedded() {
		ids = append(ids, s.ID)
	}
	return ids
}
