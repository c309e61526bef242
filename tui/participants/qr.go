package participants

import (
	"strings"

	// go-qr: zero dependencies beyond the standard library, releases in
	// 2026 (v1.0.0 in April, v1.1.0 in May), and it hands out the module
	// matrix (Size, Module) for us to draw; its own decoder checks our
	// drawing in the tests. yeqown/go-qrcode/v2 reaches the matrix only
	// through its image writers and brings a dependency of its own;
	// skip2/go-qrcode has not been released since 2020.
	goqr "github.com/piglig/go-qr"
)

// qrQuiet is the light margin around the code, in modules. The standard
// asks for four; phones read two well, and two keep the code small enough
// to leave room on a projected terminal for the address beside it.
const qrQuiet = 2

// qrModules encodes text as a QR code (error correction M): rows of
// modules, true for dark, with a quiet zone of qrQuiet light modules on
// every side.
func qrModules(text string) ([][]bool, error) {
	segs, err := goqr.MakeSegments(text)
	if err != nil {
		return nil, err
	}
	// No boost of the error correction: M, as on the projector it keeps the
	// modules large.
	q, err := goqr.EncodeSegments(segs, goqr.Medium, goqr.MinVersion, goqr.MaxVersion, -1, false)
	if err != nil {
		return nil, err
	}
	n := q.Size() + 2*qrQuiet
	rows := make([][]bool, n)
	for y := range rows {
		rows[y] = make([]bool, n)
		for x := range rows[y] {
			mx, my := x-qrQuiet, y-qrQuiet
			rows[y][x] = mx >= 0 && my >= 0 && mx < q.Size() && my < q.Size() && q.Module(mx, my)
		}
	}
	return rows, nil
}

// HalfBlocks draws rows×cols modules two rows to a line of characters:
// the upper half block ▀ is ink above no ink, the lower half block ▄ the
// other way round, the full block █ ink in both and a space ink in
// neither. ink(y, x) says whether the module in row y, column x takes the
// characters' colour; with an odd number of rows it is also asked for row
// rows, the half line under the last one.
func HalfBlocks(rows, cols int, ink func(y, x int) bool) []string {
	lines := make([]string, 0, (rows+1)/2)
	var b strings.Builder
	for y := 0; y < rows; y += 2 {
		b.Reset()
		for x := 0; x < cols; x++ {
			top, bottom := ink(y, x), ink(y+1, x)
			switch {
			case top && bottom:
				b.WriteRune('█')
			case top:
				b.WriteRune('▀')
			case bottom:
				b.WriteRune('▄')
			default:
				b.WriteByte(' ')
			}
		}
		lines = append(lines, b.String())
	}
	return lines
}
