// Package store keeps reports on disk: the folder and file names, atomic
// saving, locks against a second program, and the File a program holds a
// report open with.
package store

import (
	"crypto/sha256"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"
	"unicode"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/sessions/report"
)

// DefaultDir is the folder reports are kept in: $GESPREKSMAP_DIR, or
// gespreksmap-sessies in the current folder.
func DefaultDir() string {
	if d := os.Getenv("GESPREKSMAP_DIR"); d != "" {
		return d
	}
	return "." + string(filepath.Separator) + "gespreksmap-sessies"
}

const maxSlug = 60

// FileName is the file name for a new report, e.g.
// "2026-11-22-oplossingenlab-zio.md": lower-case ASCII letters, digits and
// hyphens only, so it is safe on every system and in every folder.
func FileName(date, title string) string {
	d := slug(date, 20)
	t := slug(title, maxSlug)
	if t == "" {
		t = "gesprek"
	}
	name := t
	if d != "" {
		name = d + "-" + t
	}
	if reservedName(name) {
		name += "-gesprek"
	}
	return name + ".md"
}

// slug turns text into lower-case ASCII words joined by hyphens, with
// accents dropped ("Coördinatie" -> "coordinatie").
func slug(s string, max int) string {
	var b strings.Builder
	hyphen := false
	for _, r := range strings.ToLower(s) {
		repl, ok := fold[r]
		if !ok {
			if r < unicode.MaxASCII && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
				repl = string(r)
			}
		}
		if repl == "" {
			hyphen = b.Len() > 0
			continue
		}
		if hyphen {
			b.WriteByte('-')
			hyphen = false
		}
		b.WriteString(repl)
	}
	out := b.String()
	if len(out) > max {
		out = strings.TrimRight(out[:max], "-")
	}
	return out
}

// fold spells accented Latin letters without their accents.
var fold = func() map[rune]string {
	m := map[rune]string{'æ': "ae", 'œ': "oe", 'ß': "ss", 'ĳ': "ij", 'ø': "o", 'ł': "l", 'đ': "d", 'ð': "d", 'þ': "th", 'ı': "i"}
	for base, letters := range map[string]string{
		"a": "àáâãäåāăą", "c": "çćĉċč", "e": "èéêëēĕėęě", "g": "ĝğġģ", "h": "ĥħ",
		"i": "ìíîïĩīĭįİ", "j": "ĵ", "k": "ķ", "l": "ĺļľŀ", "n": "ñńņňŉ", "o": "òóôõöōŏő",
		"r": "ŕŗř", "s": "śŝşš", "t": "ţťŧ", "u": "ùúûüũūŭůűų", "w": "ŵ", "y": "ýÿŷ", "z": "źżž",
	} {
		for _, r := range letters {
			m[r] = base
		}
	}
	return m
}()

// reservedName reports whether Windows reserves the name for a device.
func reservedName(name string) bool {
	switch name {
	case "con", "prn", "aux", "nul":
		return true
	}
	if len(name) == 4 && (strings.HasPrefix(name, "com") || strings.HasPrefix(name, "lpt")) {
		return name[3] >= '0' && name[3] <= '9'
	}
	return false
}

// Create makes a new, empty report file in dir (creating dir, readable only
// by its owner) and returns its path. It never overwrites a file: when the
// name is taken it tries name-2.md, name-3.md, ...
func Create(dir, date, title string) (string, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", &IOError{Msg: "kan de map " + dir + " niet maken", Err: err}
	}
	return createNew(dir, strings.TrimSuffix(FileName(date, title), ".md"))
}

// createNew creates dir/base.md, or base-2.md, base-3.md, ... whichever
// does not exist yet, exclusively.
func createNew(dir, base string) (string, error) {
	for n := 1; n <= 10000; n++ {
		name := base
		if n > 1 {
			name += "-" + strconv.Itoa(n)
		}
		path := filepath.Join(dir, name+".md")
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if err == nil {
			if err := f.Close(); err != nil {
				return "", &IOError{Msg: "kan " + path + " niet maken", Err: err}
			}
			return path, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return "", &IOError{Msg: "kan " + path + " niet maken", Err: err}
		}
	}
	return "", &IOError{Msg: "kan geen nieuwe bestandsnaam vinden in " + dir, Err: fs.ErrExist}
}

// WriteFile writes data to path atomically: into a temporary file in the same
// folder, synced to disk, then renamed over path. Whenever the program is
// stopped, path holds either the old or the new report, never part of one.
func WriteFile(path string, data []byte) error {
	if info, err := os.Stat(path); err == nil && !info.Mode().IsRegular() {
		// A device or a pipe (-o /dev/stdout, /dev/null): write into it.
		// Renaming a file over it would replace the device itself.
		return writeInto(path, data)
	}
	if real, err := filepath.EvalSymlinks(path); err == nil {
		// Replace the file a link points to, not the link.
		path = real
	}
	tmp, err := writeTemp(path, data)
	if err != nil {
		return err
	}
	return commit(tmp, path)
}

// writeTemp writes data to a new temporary file beside path, synced to
// disk and readable only by its owner, and returns its name.
func writeTemp(path string, data []byte) (string, error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return "", &IOError{Msg: "kan " + path + " niet bewaren", Err: err}
	}
	tmp := f.Name()
	fail := func(err error) (string, error) {
		f.Close()
		os.Remove(tmp)
		return "", &IOError{Msg: "kan " + path + " niet bewaren", Err: err}
	}
	if _, err := f.Write(data); err != nil {
		return fail(err)
	}
	if err := f.Sync(); err != nil {
		return fail(err)
	}
	if err := f.Chmod(0o600); err != nil {
		return fail(err)
	}
	if err := f.Close(); err != nil {
		return fail(err)
	}
	return tmp, nil
}

// commit renames the temporary file tmp over path, durably.
func commit(tmp, path string) error {
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return &IOError{Msg: "kan " + path + " niet bewaren", Err: err}
	}
	if err := syncDir(filepath.Dir(path)); err != nil {
		return &IOError{Msg: "kan de map van " + path + " niet bijwerken op schijf", Err: err}
	}
	return nil
}

// writeInto writes data into an existing file that is not a regular file.
func writeInto(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return &IOError{Msg: "kan niet schrijven naar " + path, Err: err}
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return &IOError{Msg: "kan niet schrijven naar " + path, Err: err}
	}
	return nil
}

// Load reads the report at path. When it compares to a baseline report,
// that one is loaded too (as s.Prior), from the path relative to this
// report's folder; a baseline that is not there is no error.
func Load(path string, set *content.Set) (*sessions.Session, error) {
	data, _, err := readReport(path)
	if err != nil {
		return nil, err
	}
	return load(path, data, set)
}

func load(path string, data []byte, set *content.Set) (*sessions.Session, error) {
	s, err := parseFile(path, data, set)
	if err != nil {
		return nil, err
	}
	if s.Baseline == "" {
		return s, nil
	}
	base := s.Baseline
	if !filepath.IsAbs(base) {
		base = filepath.Join(filepath.Dir(path), base)
	}
	prior, _, err := readRegular(base, 0, MaxReportSize, "kan het verslag van vorig jaar ("+base+") niet lezen")
	if errors.Is(err, fs.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return nil, err
	}
	if s.Prior, err = parseFile(base, prior, set); err != nil {
		return nil, err
	}
	return s, nil
}

func parseFile(path string, data []byte, set *content.Set) (*sessions.Session, error) {
	s, err := report.Parse(data, set)
	var pe *report.ParseError
	if errors.As(err, &pe) {
		pe.Path = path
	}
	return s, err
}

// Entry is one report in a folder listing.
type Entry struct {
	Path, Title, Date, Region, Current string
	SetID                              string // the question set the report names
	Tally                              sessions.Tally
	ModTime                            time.Time
	Err                                error // the report could not be read; shown, not hidden
}

// List reads every report (*.md) in dir, most recently changed first. A
// report that cannot be read is listed with Err set: a pipe, a device or a
// file too large is never read, so one bad entry neither blocks the list
// nor hides the others. Folders are left out. A folder that does not exist
// yet holds no reports.
func List(dir string, set *content.Set) ([]Entry, error) {
	return ListNamed(dir, Pick(set))
}

// ListNamed is List that reads every report with the set it names (see
// SetOf), so its tally counts that set's questions.
func ListNamed(dir string, pick Picker) ([]Entry, error) {
	des, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, &IOError{Msg: "kan de map " + dir + " niet lezen", Err: err}
	}
	var list []Entry
	for _, de := range des {
		name := de.Name()
		if strings.HasPrefix(name, ".") || !strings.EqualFold(filepath.Ext(name), ".md") {
			continue
		}
		e := Entry{Path: filepath.Join(dir, name)}
		data, info, err := readReport(e.Path)
		if errors.Is(err, ErrIsFolder) {
			continue
		}
		if err != nil {
			if info, serr := os.Lstat(e.Path); serr == nil {
				e.ModTime = info.ModTime()
			}
			e.Err = err
			list = append(list, e)
			continue
		}
		e.ModTime = info.ModTime()
		set, s, err := parseNamed(e.Path, data, pick)
		if err != nil {
			e.Err = err
		} else {
			e.Title, e.Date, e.Region, e.Current, e.SetID = s.Title, s.Date, s.Region, s.Current, s.SetID
			e.Tally = sessions.SessionTally(set, s)
		}
		list = append(list, e)
	}
	sort.SliceStable(list, func(i, j int) bool {
		if !list[i].ModTime.Equal(list[j].ModTime) {
			return list[i].ModTime.After(list[j].ModTime)
		}
		return list[i].Path < list[j].Path
	})
	return list, nil
}

// IOError is a failed file operation, told in Dutch.
type IOError struct {
	Msg string // what could not be done, e.g. "kan x.md niet bewaren"
	Err error
}

func (e *IOError) Error() string { return e.Msg + ": " + reason(e.Err) }
func (e *IOError) Unwrap() error { return e.Err }

// reason says in Dutch why a file operation failed, for the common causes.
func reason(err error) string {
	switch {
	case errors.Is(err, fs.ErrPermission):
		return "geen toestemming"
	case errors.Is(err, fs.ErrNotExist):
		return "bestaat niet"
	case errors.Is(err, fs.ErrExist):
		return "bestaat al"
	case errors.Is(err, syscall.ENOSPC):
		return "de schijf is vol"
	case errors.Is(err, syscall.EROFS):
		return "de schijf is alleen-lezen"
	case errors.Is(err, syscall.ENOTDIR):
		return "een deel van het pad is geen map"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

func hash(data []byte) [sha256.Size]byte { return sha256.Sum256(data) }

// Why says in a few words why a listed report cannot be read, without
// its path (the list names the file): "dit is geen gewoon bestand …",
// "regel 40: onbekende …".
func Why(e Entry) string {
	var pe *report.ParseError
	var ioe *IOError
	switch {
	case e.Err == nil:
		return ""
	case errors.As(e.Err, &pe):
		return "regel " + strconv.Itoa(pe.Line) + ": " + sessions.Printable(pe.Msg)
	case errors.As(e.Err, &ioe):
		return reason(ioe.Err)
	}
	return sessions.Printable(e.Err.Error())
}
