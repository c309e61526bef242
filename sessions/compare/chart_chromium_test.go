package compare_test

import (
	"bytes"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"gespreksmap/sessions/compare"
	"gespreksmap/sessions/export"
)

// The trend charts are drawn by a real browser, not only well-formed:
// Chromium renders the page (as .ci/run installs it) and the screenshot
// holds the coloured lines of the series.
func TestTheTrendChartsRenderInHeadlessChromium(t *testing.T) {
	bin := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			bin = p
			break
		}
	}
	if bin == "" {
		t.Skip("chromium not installed: the charts' rendering is not checked")
	}
	dir := t.TempDir()
	page := filepath.Join(dir, "vergelijking.html")
	if err := os.WriteFile(page, compare.HTML(compare.CompareSet(), export.HTML, compare.ThreeYears()...), 0o644); err != nil {
		t.Fatal(err)
	}
	shot := filepath.Join(dir, "shot.png")
	cmd := exec.Command(bin, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+filepath.Join(dir, "profile"), "--hide-scrollbars",
		"--window-size=1000,4000", "--screenshot="+shot, "file://"+page)
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
	f, err := os.Open(shot)
	if err != nil {
		t.Fatalf("no screenshot: %v\n%s", err, out.String())
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	// Text is black or grey; the series are drawn in colour.
	coloured := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			hi, lo := max(r, g, bl)>>8, min(r, g, bl)>>8
			if hi-lo > 60 {
				coloured++
			}
		}
	}
	t.Logf("%d coloured pixels", coloured)
	if coloured < 500 {
		t.Errorf("the screenshot holds %d coloured pixels: the charts are blank", coloured)
	}
}
