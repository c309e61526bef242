package content

import (
	"errors"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// loadHostile loads a file of testdata/hostile the way validate and --set
// do, and fails the test when that takes more than a few seconds or more
// than 64 MB: a file must be refused, not run the program out of memory.
func loadHostile(t *testing.T, file string) ErrorList {
	t.Helper()
	path := filepath.Join("testdata", "hostile", file)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	done := make(chan error, 1)
	go func() {
		set, err := Load(path)
		if set != nil {
			err = errors.New("a set was returned")
		}
		done <- err
	}()
	var err error
	select {
	case err = <-done:
	case <-time.After(5 * time.Second):
		t.Fatalf("Load(%s) still runs after 5 s", path)
	}
	runtime.ReadMemStats(&after)
	if used := after.TotalAlloc - before.TotalAlloc; used > 64<<20 {
		t.Errorf("Load(%s) allocated %d MB", path, used>>20)
	}
	var list ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("Load(%s): want an ErrorList, got %v", path, err)
	}
	return list
}

// hostileSets are files made to harm whoever reads them; each is refused
// with its line and the exact message below.
var hostileSets = []struct {
	file string
	want []string
}{
	{"alias-bomb.yaml", []string{
		`:6: door verwijzingen (& en *) wordt de vragenset groter dan 100000 onderdelen; schrijf de teksten uit in plaats van ze te herhalen met *`,
	}},
	{"alias-cycle.yaml", []string{
		`:4: sections[0]: verwijzing *s verwijst naar de waarde waar ze zelf in staat; zo wordt de vragenset oneindig groot`,
	}},
}

func TestAHostileSetIsRefusedWithItsLineQuicklyAndInLittleMemory(t *testing.T) {
	for _, tc := range hostileSets {
		t.Run(strings.TrimSuffix(tc.file, ".yaml"), func(t *testing.T) {
			list := loadHostile(t, tc.file)
			path := filepath.Join("testdata", "hostile", tc.file)
			want := make([]string, len(tc.want))
			for i, w := range tc.want {
				want[i] = path + w
			}
			if got := list.Error(); got != strings.Join(want, "\n") {
				t.Errorf("errors differ\n got:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
			}
		})
	}
}

func TestEveryHostileFileIsCoveredByAStatedExpectation(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "hostile", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	stated := map[string]bool{}
	for _, tc := range hostileSets {
		stated[tc.file] = true
	}
	for _, f := range files {
		if !stated[filepath.Base(f)] {
			t.Errorf("%s has no expected errors in hostileSets", f)
		}
	}
	if len(files) < len(hostileSets) {
		t.Errorf("%d hostile files for %d expectations", len(files), len(hostileSets))
	}
}
