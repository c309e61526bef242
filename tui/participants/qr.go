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

// halfBlockQR draws text as a QR code (error correction M) in half-block
// characters, two modules per character row: the upper half block ▀ is a
// dark module above a light one, the lower half block ▄ a light one above a
// dark one, the full block █ two dark ones and a space two light ones. The
// characters' ink is the dark colour (see Room.QR).
func halfBlockQR(text string) ([]string, error) {
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
	return halfBlocks(q.Size(), q.Module, qrQuiet), nil
}

// halfBlocks draws a size×size matrix with a quiet zone of quiet modules on
// every side; dark(x, y) says whether a module is dark.
func halfBlocks(size int, dark func(x, y int) bool, quiet int) []string {
	n := size + 2*quiet
	return HalfBlocks(n, n, func(y, x int) bool {
		x, y = x-quiet, y-quiet
		return x >= 0 && y >= 0 && x < size && y < size && dark(x, y)
	})
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
