//go:build !unix

package store

// This system has no pipes in the file system to wait on, and no flag to
// refuse a link when opening; the file is checked once opened.
const (
	openNonBlock = 0
	openNoFollow = 0
)
