//go:build unix

package store

import (
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// Writing to a pipe or a device (gespreksmap convenant -o /dev/stdout) must
// write into it, never replace it with a file.
func TestSavingToAPipeWritesIntoItAndLeavesItAPipe(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pijp")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	got := make(chan string, 1)
	go func() {
		f, err := os.Open(fifo)
		if err != nil {
			got <- err.Error()
			return
		}
		b, _ := io.ReadAll(f)
		f.Close()
		got <- string(b)
	}()
	if err := WriteFile(fifo, []byte("concept")); err != nil {
		t.Fatal(err)
	}
	if s := <-got; s != "concept" {
		t.Errorf("read from the pipe: %q", s)
	}
	info, err := os.Lstat(fifo)
	if err != nil || info.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the pipe was replaced: %v %v", info.Mode(), err)
	}
}

func TestSavingThroughALinkReplacesTheFileItPointsTo(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "echt.md")
	link := filepath.Join(dir, "link.md")
	os.WriteFile(target, []byte("oud"), 0o600)
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	if err := WriteFile(link, []byte("nieuw")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(target); string(b) != "nieuw" {
		t.Errorf("target holds %q", b)
	}
	if info, _ := os.Lstat(link); info.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
}
