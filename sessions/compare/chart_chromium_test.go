package compare_test

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"gespreksmap/sessions/compare"
	"gespreksmap/sessions/export"
	"gespreksmap/sessions/export/exporttest"
)

// The trend charts are drawn by a real browser, not only well-formed:
// Chromium renders the page (as .ci/run installs it) and the screenshot
// holds the coloured lines of the series.
func TestTheTrendChartsRenderInHeadlessChromium(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "vergelijking.html")
	if err := os.WriteFile(page, compare.HTML(compare.CompareSet(), export.HTML, compare.ThreeYears()...), 0o644); err != nil {
		t.Fatal(err)
	}
	shot := filepath.Join(dir, "shot.png")
	exporttest.RunChromium(t, dir, page, "--hide-scrollbars", "--window-size=1000,4000", "--screenshot="+shot)
	f, err := os.Open(shot)
	if err != nil {
		t.Fatalf("no screenshot: %v", err)
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
