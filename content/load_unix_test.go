//go:build unix

package content

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestADeviceAPipeOrAHugeFileIsRefusedWithoutReadingIt(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pijp.yaml")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	huge := filepath.Join(dir, "groot.yaml")
	if err := os.WriteFile(huge, bytes.Repeat([]byte("# opmerking\n"), 400_000), 0o644); err != nil {
		t.Fatal(err)
	}
	done := make(chan string, 1)
	go func() {
		var got []string
		for _, p := range []string{"/dev/zero", fifo, huge} {
			_, err := Load(p)
			got = append(got, fmt.Sprint(err))
			_, err = LoadConvenantMap(p, convenantTestSet())
			got = append(got, fmt.Sprint(err))
		}
		done <- strings.Join(got, "\n")
	}()
	var got string
	select {
	case got = <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Load still reads after 5 s")
	}
	notRegular, tooLarge := ": kan het bestand niet lezen: dit is geen gewoon bestand", ": kan het bestand niet lezen: het bestand is groter dan 4 MB; zo groot is geen vragenset of convenantindeling"
	want := strings.Join([]string{
		"/dev/zero" + notRegular, "/dev/zero" + notRegular,
		fifo + notRegular, fifo + notRegular,
		huge + tooLarge, huge + tooLarge,
	}, "\n")
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}
