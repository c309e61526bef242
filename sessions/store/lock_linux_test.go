//go:build linux

package store

import (
	"errors"
	"os"
	"os/exec"
	"testing"
	"time"
)

// sleeper starts a process that waits; it is ended when the test ends.
func sleeper(t *testing.T) *exec.Cmd {
	t.Helper()
	cmd := exec.Command("sleep", "60")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	return cmd
}

func TestALockIsRespectedWhileItsProcessRuns(t *testing.T) {
	path := newReport(t)
	pid := sleeper(t).Process.Pid
	start := processStart(pid)
	if start == 0 {
		t.Fatalf("no start time for running process %d", pid)
	}
	writeLock(t, path, LockInfo{PID: pid, Host: hostname(), Since: time.Now(), Start: start})
	if _, _, err := Open(path, testSet()); !errors.As(err, new(*LockedError)) {
		t.Fatalf("Open with the lock of running process %d: %v, want *LockedError", pid, err)
	}
}

// The process that held the lock ended and its id went to another process.
func TestALockWhoseProcessIdNowBelongsToAnotherProcessIsTakenOver(t *testing.T) {
	path := newReport(t)
	pid := sleeper(t).Process.Pid
	writeLock(t, path, LockInfo{PID: pid, Host: hostname(), Since: time.Now().Add(-time.Hour), Start: processStart(pid) - 100})
	f, _, err := Open(path, testSet())
	if err != nil {
		t.Fatalf("Open with the lock of an earlier process %d: %v", pid, err)
	}
	defer f.Close()
	info, ok := decodeLock([]byte(readFile(t, lockPath(path))))
	if !ok || info.PID != os.Getpid() || info.Start != processStart(os.Getpid()) {
		t.Errorf("the lock now says %+v, want this process with its start", info)
	}
}

// A killed program whose parent has not yet collected it still has its id.
func TestALockOfAKilledButUnreapedProcessIsTakenOver(t *testing.T) {
	path := newReport(t)
	cmd := sleeper(t)
	pid := cmd.Process.Pid
	start := processStart(pid)
	cmd.Process.Kill()
	for deadline := time.Now().Add(5 * time.Second); ; {
		if state, _, _ := procStat(pid); state == 'Z' {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the killed process did not become a zombie")
		}
		time.Sleep(5 * time.Millisecond)
	}
	writeLock(t, path, LockInfo{PID: pid, Host: hostname(), Since: time.Now(), Start: start})
	f, _, err := Open(path, testSet())
	if err != nil {
		t.Fatalf("Open with the lock of zombie %d: %v", pid, err)
	}
	f.Close()
}

func TestProcessStatReadsACommandNameWithSpacesAndParentheses(t *testing.T) {
	state, start, ok := procStat(os.Getpid())
	if !ok || state != 'R' && state != 'S' || start == 0 {
		t.Errorf("procStat(self) = %c %d %v", state, start, ok)
	}
}
