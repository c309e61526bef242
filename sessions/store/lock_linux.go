//go:build linux

package store

import (
	"bytes"
	"os"
	"strconv"
)

// processAlive reports whether the process that wrote a lock still runs:
// a process with this id that started when it did (start 0: not known,
// any process with the id counts) and has not ended. A process that was
// killed but not yet reaped by its parent (a zombie) has ended.
func processAlive(pid int, start uint64) bool {
	state, started, ok := procStat(pid)
	if !ok {
		return signalAlive(pid)
	}
	if state == 'Z' || state == 'X' {
		return false
	}
	return start == 0 || started == start
}

// processStart is when a process started, in clock ticks since boot; 0
// when it cannot be read.
func processStart(pid int) uint64 {
	_, started, _ := procStat(pid)
	return started
}

// procStat reads a process's state (field 3) and start time (field 22)
// from /proc/PID/stat.
func procStat(pid int) (state byte, start uint64, ok bool) {
	if pid <= 0 {
		return 0, 0, false
	}
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0, 0, false
	}
	// The command name (field 2) is in parentheses and may hold spaces
	// and parentheses itself: the fields go on after the last ')'.
	i := bytes.LastIndexByte(data, ')')
	if i < 0 {
		return 0, 0, false
	}
	fields := bytes.Fields(data[i+1:])
	if len(fields) < 20 || len(fields[0]) != 1 {
		return 0, 0, false
	}
	start, err = strconv.ParseUint(string(fields[19]), 10, 64)
	if err != nil {
		return 0, 0, false
	}
	return fields[0][0], start, true
}
