// Package overview writes one page over the reports in a region's folders:
// per partnership its latest conversation, the statuses per section and how
// they moved since the conversation before, the action items past their
// date, and the topics that stay "nog niet" year after year. It only reads:
// nothing is written into the folders.
package overview

import (
	"errors"
	"io/fs"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/sessions/report"
	"gespreksmap/sessions/store"
)

// Report is one report read: where it is and what it holds.
type Report struct {
	Path    string // as found under the folder given
	Set     *content.Set
	Session *sessions.Session

	abs string // cleaned absolute path, to follow "Vergelijkt met"
}

// Failure is a report that could not be read: its file, the line where
// parsing stopped (0 when the file itself could not be read) and why.
type Failure struct {
	Path string
	Line int
	Msg  string
}

// Partnership is the reports of one partnership, oldest first.
type Partnership struct {
	Reports []*Report
}

// Latest is the partnership's newest report.
func (p *Partnership) Latest() *Report { return p.Reports[len(p.Reports)-1] }

// Overview is everything read from the folders.
type Overview struct {
	Partnerships []*Partnership
	Failures     []Failure
}

// Collect reads every report (*.md) under dirs, recursively, with the set
// each names (pick), in parallel on workers goroutines (0: GOMAXPROCS),
// and groups them by partnership. Only a folder that cannot be walked is
// an error; a report that cannot be read or parsed is a Failure.
func Collect(dirs []string, pick store.Picker, workers int) (*Overview, error) {
	paths, unread, err := reportPaths(dirs)
	if err != nil {
		return nil, err
	}
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	reports := make([]*Report, len(paths))
	failures := make([]*Failure, len(paths))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(workers, max(len(paths), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				reports[i], failures[i] = readOne(paths[i], pick)
			}
		}()
	}
	for i := range paths {
		jobs <- i
	}
	close(jobs)
	wg.Wait()

	o := &Overview{Failures: unread}
	var read []*Report
	for i := range paths {
		if failures[i] != nil {
			o.Failures = append(o.Failures, *failures[i])
		} else if reports[i] != nil {
			read = append(read, reports[i])
		}
	}
	o.Partnerships = group(read)
	return o, nil
}

// reportPaths lists the *.md files under dirs, sorted, each once. Hidden
// files and folders (lock files among them) are left out, and so are the
// convenant drafts the program writes beside reports. A folder below dirs
// that cannot be read is a Failure; one of dirs itself, an error.
func reportPaths(dirs []string) ([]string, []Failure, error) {
	seen := map[string]bool{}
	var paths []string
	var unread []Failure
	for _, dir := range dirs {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				if path == dir {
					return err
				}
				unread = append(unread, Failure{Path: path, Msg: "kan deze map niet lezen: " + err.Error()})
				return nil
			}
			name := d.Name()
			if path != dir && strings.HasPrefix(name, ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() || !strings.EqualFold(filepath.Ext(name), ".md") {
				return nil
			}
			if filepath.Base(filepath.Dir(path)) == "convenant" && strings.HasSuffix(name, "-concept.md") {
				return nil
			}
			abs, err := filepath.Abs(path)
			if err != nil {
				return err
			}
			if !seen[abs] {
				seen[abs] = true
				paths = append(paths, path)
			}
			return nil
		})
		if err != nil {
			return nil, nil, &store.IOError{Msg: "kan de map " + dir + " niet lezen", Err: err}
		}
	}
	sort.Strings(paths)
	return paths, unread, nil
}

// readOne reads and parses one report; a folder named *.md is neither.
func readOne(path string, pick store.Picker) (*Report, *Failure) {
	set, s, err := store.ReadNamed(path, pick)
	if errors.Is(err, store.ErrIsFolder) {
		return nil, nil
	}
	if err != nil {
		f := &Failure{Path: path, Msg: err.Error()}
		var pe *report.ParseError
		if errors.As(err, &pe) {
			f.Line, f.Msg = pe.Line, pe.Msg
		}
		return nil, f
	}
	lighten(s)
	abs, _ := filepath.Abs(path)
	return &Report{Path: path, Set: set, Session: s, abs: filepath.Clean(abs)}, nil
}

// group puts reports into partnerships: a report and the one it compares
// to ("Vergelijkt met", relative to the report's folder) belong together,
// and so do reports with the same region and title. Partnerships come in
// order of region and latest title; reports oldest first.
func group(reports []*Report) []*Partnership {
	parent := make([]int, len(reports))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	union := func(a, b int) { parent[find(a)] = find(b) }

	byPath := map[string]int{}
	byName := map[string]int{}
	for i, r := range reports {
		byPath[r.abs] = i
	}
	for i, r := range reports {
		s := r.Session
		if base := baselinePath(r); base != "" {
			if j, ok := byPath[base]; ok {
				union(i, j)
			}
		}
		key := strings.ToLower(strings.TrimSpace(s.Region)) + "\x00" + strings.ToLower(strings.TrimSpace(s.Title))
		if j, ok := byName[key]; ok {
			union(i, j)
		} else {
			byName[key] = i
		}
	}
	groups := map[int]*Partnership{}
	var list []*Partnership
	for i, r := range reports {
		root := find(i)
		p := groups[root]
		if p == nil {
			p = &Partnership{}
			groups[root] = p
			list = append(list, p)
		}
		p.Reports = append(p.Reports, r)
	}
	for _, p := range list {
		sort.SliceStable(p.Reports, func(i, j int) bool { return before(p.Reports[i], p.Reports[j]) })
	}
	sort.SliceStable(list, func(i, j int) bool {
		a, b := list[i].Latest(), list[j].Latest()
		if ra, rb := strings.ToLower(a.Session.Region), strings.ToLower(b.Session.Region); ra != rb {
			return ra < rb
		}
		if ta, tb := strings.ToLower(a.Session.Title), strings.ToLower(b.Session.Title); ta != tb {
			return ta < tb
		}
		return a.Path < b.Path
	})
	return list
}

// baselinePath is the cleaned absolute path of the report r compares to,
// or "".
func baselinePath(r *Report) string {
	base := r.Session.Baseline
	if base == "" {
		return ""
	}
	if !filepath.IsAbs(base) {
		base = filepath.Join(filepath.Dir(r.abs), base)
	}
	return filepath.Clean(base)
}

// before orders the reports of a partnership: by date, then the report
// compared to before the one comparing, then by file name.
func before(a, b *Report) bool {
	if da, db := a.Session.Date, b.Session.Date; da != db {
		return da < db
	}
	if baselinePath(b) == a.abs {
		return true
	}
	if baselinePath(a) == b.abs {
		return false
	}
	return a.Path < b.Path
}

// lighten drops what the page does not show (the words of the answers,
// perspectives, participants, last year's items, the parking lot and the
// closing round), so that a thousand reports read do not stay in memory
// whole: only statuses, counts, choices and action items are kept.
func lighten(s *sessions.Session) {
	for _, a := range s.Answers {
		a.Text, a.QuestionText, a.Perspectives, a.OtherPartners = "", "", nil, nil
		for _, p := range a.Parts {
			p.Text = ""
		}
	}
	s.Participants, s.PriorActions, s.Parked, s.Closing, s.Prior = nil, nil, nil, nil, nil
}
