// Package exporttest checks printable pages as a reader's browser would:
// well-formed HTML, and rendered by a real Chromium where one is installed
// (.ci/run installs Debian's). For tests only.
package exporttest

import (
	"bytes"
	"io"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// WellFormed fails t unless doc parses as HTML and, tokenised strictly,
// closes every element it opens, in order.
func WellFormed(t testing.TB, doc []byte) {
	t.Helper()
	if _, err := html.Parse(bytes.NewReader(doc)); err != nil {
		t.Fatalf("the page does not parse: %v", err)
	}
	z := html.NewTokenizer(bytes.NewReader(doc))
	var open []string
	void := map[string]bool{"meta": true, "br": true, "hr": true, "col": true, "input": true}
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if z.Err() != io.EOF {
				t.Fatal(z.Err())
			}
			break
		}
		name, _ := z.TagName()
		switch tt {
		case html.StartTagToken:
			if !void[string(name)] {
				open = append(open, string(name))
			}
		case html.EndTagToken:
			if len(open) == 0 || open[len(open)-1] != string(name) {
				t.Fatalf("</%s> closes %v", name, open)
			}
			open = open[:len(open)-1]
		}
	}
	if len(open) != 0 {
		t.Fatalf("elements left open: %v", open)
	}
}

// Chromium is the path of an installed Chromium (or Chrome), or "".
func Chromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// RunChromium runs the browser headless on a page with the given extra
// arguments (--screenshot=…, --print-to-pdf=…), in a fresh profile under
// dir and with nothing that reaches the network, and fails t when it fails
// or takes more than 90 seconds. It skips t when no Chromium is installed.
func RunChromium(t testing.TB, dir, page string, args ...string) {
	t.Helper()
	bin := Chromium()
	if bin == "" {
		t.Skip("chromium not installed: the page's rendering is not checked")
	}
	all := append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + filepath.Join(dir, "profile")}, args...)
	cmd := exec.Command(bin, append(all, "file://"+page)...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("chromium failed: %v\n%s", err, out.String())
		}
	case <-time.After(90 * time.Second):
		_ = cmd.Process.Kill()
		t.Fatalf("chromium did not finish within 90 s\n%s", out.String())
	}
}
