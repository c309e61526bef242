//go:build unix

package store

import "syscall"

// openNonBlock opens without waiting for a pipe's writer; on a regular
// file it changes nothing. openNoFollow refuses a symbolic link.
const (
	openNonBlock = syscall.O_NONBLOCK
	openNoFollow = syscall.O_NOFOLLOW
)
