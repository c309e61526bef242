//go:build windows

package store

import (
	"errors"
	"syscall"
)

const (
	processQueryLimitedInformation = 0x1000
	stillActive                    = 259
)

// processAlive reports whether a process with this id runs on this
// computer. A process this user may not inspect counts as running. The
// start time is not compared here.
func processAlive(pid int, _ uint64) bool {
	if pid <= 0 {
		return false
	}
	h, err := syscall.OpenProcess(processQueryLimitedInformation, false, uint32(pid))
	if err != nil {
		return errors.Is(err, syscall.ERROR_ACCESS_DENIED)
	}
	defer syscall.CloseHandle(h)
	var code uint32
	if err := syscall.GetExitCodeProcess(h, &code); err != nil {
		return true
	}
	return code == stillActive
}

// processStart is not recorded on this system.
func processStart(int) uint64 { return 0 }

// syncDir is not needed on Windows: NTFS journals the rename, and a folder
// cannot be opened for syncing.
func syncDir(string) error { return nil }
