//go:build unix

package store

import (
	"errors"
	"os"
	"syscall"
)

// signalAlive reports whether a process with this id exists on this
// computer. A process of another user counts as running.
func signalAlive(pid int) bool {
	if pid <= 0 {
		return false
	}
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// syncDir makes a rename in dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if errors.Is(err, syscall.EINVAL) || errors.Is(err, syscall.ENOTSUP) {
		err = nil // file systems that cannot sync a folder
	}
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	return err
}
