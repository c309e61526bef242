package participants

import (
	"image"
	"image/color"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	goqr "github.com/piglig/go-qr"
)

// modulesOf reads half-block lines back into modules: true is dark.
func modulesOf(t *testing.T, lines []string) [][]bool {
	t.Helper()
	var rows [][]bool
	for _, line := range lines {
		top, bottom := []bool{}, []bool{}
		for _, c := range line {
			switch c {
			case '█':
				top, bottom = append(top, true), append(bottom, true)
			case '▀':
				top, bottom = append(top, true), append(bottom, false)
			case '▄':
				top, bottom = append(top, false), append(bottom, true)
			case ' ':
				top, bottom = append(top, false), append(bottom, false)
			default:
				t.Fatalf("character %q in the QR code", c)
			}
		}
		rows = append(rows, top, bottom)
	}
	return rows
}

// imageOf paints modules black on white, scale pixels each.
func imageOf(rows [][]bool, scale int) image.Image {
	img := image.NewGray(image.Rect(0, 0, len(rows[0])*scale, len(rows)*scale))
	for y, row := range rows {
		for x, dark := range row {
			c := color.Gray{Y: 255}
			if dark {
				c = color.Gray{Y: 0}
			}
			for dy := range scale {
				for dx := range scale {
					img.SetGray(x*scale+dx, y*scale+dy, c)
				}
			}
		}
	}
	return img
}

func TestTheQRCodeInHalfBlocksReadsBackAsTheJoinURL(t *testing.T) {
	r := openRoom(t, defaultLimits)
	lines := r.QR()
	width := utf8.RuneCountInString(lines[0])
	for i, l := range lines {
		if utf8.RuneCountInString(l) != width {
			t.Fatalf("line %d is %d wide, line 0 %d", i, utf8.RuneCountInString(l), width)
		}
	}
	rows := modulesOf(t, lines)
	// The lines hold a light half row under an odd number of rows.
	if mods := r.QRModules(); !slices.EqualFunc(mods, rows[:len(rows[0])], slices.Equal[[]bool]) {
		t.Fatalf("QRModules is not the code the lines draw")
	}
	// Drawn dark on light, as the doc comment says, a phone reads it.
	res, err := goqr.DecodeDetailed(imageOf(rows, 8))
	if err != nil {
		t.Fatalf("the QR code does not read back: %v\n%s", err, joinLines(lines))
	}
	if res.Text != r.URL() || res.Ecc != goqr.Medium {
		t.Fatalf("read %q at level %v, want %q at M", res.Text, res.Ecc, r.URL())
	}
	// Module for module the library's matrix, inside a quiet zone of two.
	segs, _ := goqr.MakeSegments(r.URL())
	q, err := goqr.EncodeSegments(segs, goqr.Medium, goqr.MinVersion, goqr.MaxVersion, -1, false)
	if err != nil {
		t.Fatal(err)
	}
	n := q.Size() + 2*qrQuiet
	if width != n || len(lines) != (n+1)/2 {
		t.Fatalf("%d×%d characters for a %d-module code", width, len(lines), q.Size())
	}
	for y := range n {
		for x := range n {
			want := x >= qrQuiet && y >= qrQuiet && x < n-qrQuiet && y < n-qrQuiet && q.Module(x-qrQuiet, y-qrQuiet)
			if rows[y][x] != want {
				t.Fatalf("module %d,%d is %v, want %v", x, y, rows[y][x], want)
			}
		}
	}
}

func TestHalfBlocksPairTwoModuleRowsPerLine(t *testing.T) {
	// A 3×3 matrix: the diagonal and the top-right corner dark.
	dark := map[[2]int]bool{{0, 0}: true, {1, 1}: true, {2, 2}: true, {2, 0}: true}
	lines := HalfBlocks(5, 5, func(y, x int) bool { return dark[[2]int{x - 1, y - 1}] })
	// With the quiet zone, rows 0–4: row 0 quiet, rows 1–3 the matrix,
	// row 4 quiet. Line 0 holds rows 0 and 1 (the matrix's top row in the
	// lower halves), line 1 rows 2 and 3, line 2 row 4 above a light row.
	got := []string{" ▄ ▄ ", "  ▀▄ ", "     "}
	if len(lines) != len(got) {
		t.Fatalf("%d lines: %q", len(lines), lines)
	}
	for i := range got {
		if lines[i] != got[i] {
			t.Fatalf("line %d = %q, want %q (all: %q)", i, lines[i], got[i], lines)
		}
	}
}

func joinLines(lines []string) string {
	s := ""
	for _, l := range lines {
		s += "|" + l + "|\n"
	}
	return s
}

func TestTheJoinCodeAlphabetHasThirtyTwoUnambiguousCharacters(t *testing.T) {
	if len(codeAlphabet) != 32 {
		t.Fatalf("%d characters: %q", len(codeAlphabet), codeAlphabet)
	}
	for _, c := range "01IO" {
		if strings.ContainsRune(codeAlphabet, c) {
			t.Fatalf("%q holds %q", codeAlphabet, c)
		}
	}
}
