package store

import (
	"gespreksmap/content"
	"gespreksmap/sessions"
)

// ReadReport reads the report at path as every read here does: only a
// regular file, and only up to MaxReportSize. It does not parse it.
func ReadReport(path string) ([]byte, error) {
	data, _, err := readReport(path)
	return data, err
}

// ReadNamed reads the report at path (see ReadReport) and parses it with
// the set it names, without loading the report it compares to: for reading
// many reports at once, where each is read once. A parse error is a
// *report.ParseError naming path.
func ReadNamed(path string, pick Picker) (*content.Set, *sessions.Session, error) {
	data, err := ReadReport(path)
	if err != nil {
		return pick(""), nil, err
	}
	return parseNamed(path, data, pick)
}
