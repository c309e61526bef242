package overview

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"gespreksmap/content"
	"gespreksmap/sessions/report"
	"gespreksmap/sessions/sessionstest"
	"gespreksmap/sessions/store"
)

// benchReports is how many reports the benchmarks read, and benchText the
// length of every answer in them, which makes each about 93 KB: the full
// conversation of sessionstest.
const (
	benchReports = 1000
	benchText    = 1350
	benchBudget  = 3 * time.Second
)

// benchFolder writes benchReports reports into a temporary folder: 100
// partnerships in 10 regions, ten years each, every year comparing to the
// year before. It returns the folder and the report files.
func benchFolder(b *testing.B) (string, []string) {
	b.Helper()
	set := content.Default()
	dir := b.TempDir()
	var paths []string
	size := 0
	for i := range benchReports {
		p, year := i%100, 2016+i/100
		s := sessionstest.Full(set, benchText)
		s.Region = fmt.Sprintf("Regio %d", p%10)
		s.Title = fmt.Sprintf("Samenwerking %d, %d", p, year)
		s.Date = fmt.Sprintf("%d-11-22", year)
		if year > 2016 {
			s.Baseline = fmt.Sprintf("%d.md", year-1)
		}
		folder := filepath.Join(dir, fmt.Sprintf("regio-%d", p%10), fmt.Sprintf("samenwerking-%d", p))
		if err := os.MkdirAll(folder, 0o755); err != nil {
			b.Fatal(err)
		}
		path := filepath.Join(folder, fmt.Sprintf("%d.md", year))
		data := report.Render(set, s)
		size += len(data)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			b.Fatal(err)
		}
		paths = append(paths, path)
	}
	if avg := size / benchReports; avg < 90_000 || avg > 96_000 {
		b.Fatalf("the reports are %d bytes on average, not about 93 KB", avg)
	}
	b.SetBytes(int64(size))
	return dir, paths
}

// readAll reads every file as the overview does, without parsing.
func readAll(b *testing.B, paths []string) {
	for _, p := range paths {
		if _, err := store.ReadReport(p); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOverview is the overview of 1,000 reports of 93 KB: at most
// three seconds, and at most three times what reading the same files takes
// (measured here too, as x-read).
func BenchmarkOverview(b *testing.B) {
	dir, paths := benchFolder(b)
	pick := store.Pick(content.Default())
	readAll(b, paths) // the files in the page cache for both
	start := time.Now()
	readAll(b, paths)
	read := time.Since(start)
	n := 0
	start = time.Now()
	for b.Loop() {
		o, err := Collect([]string{dir}, pick, 0)
		if err != nil {
			b.Fatal(err)
		}
		if len(o.Failures) > 0 || len(o.Partnerships) != 100 {
			b.Fatalf("%d failures, %d partnerships", len(o.Failures), len(o.Partnerships))
		}
		o.Markdown(time.Now())
		n++
	}
	per := time.Since(start) / time.Duration(n)
	// Reported, never failed: a benchmark is a measure, not a timed test
	// (the budgets, 3 s and 3× reading, are kept in BENCHMARKS.md).
	b.ReportMetric(float64(per)/float64(read), "x-read")
	if per > benchBudget || per > 3*read {
		b.Logf("the overview took %v: over its budget of %v or three times reading the files (%v)", per, benchBudget, read)
	}
}

// BenchmarkReadOnly reads the files of BenchmarkOverview without parsing
// them, one after the other.
func BenchmarkReadOnly(b *testing.B) {
	_, paths := benchFolder(b)
	for b.Loop() {
		readAll(b, paths)
	}
}
