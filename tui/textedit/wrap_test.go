package textedit

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

var pieces = []string{"a", "b", "woord", "onderwijszorg", " ", " ", "  ", "\t", "日本", "👍🏽", "e\u0301", "\u200b"}

func randomText(rng *rand.Rand, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(pieces[rng.IntN(len(pieces))])
	}
	return b.String()
}

// TestEditingALineLaysOutTheSameRowsAsLayingItOutAfresh checks the
// incremental re-wrap after each edit against a layout from scratch.
func TestEditingALineLaysOutTheSameRowsAsLayingItOutAfresh(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 300 {
		w := 1 + rng.IntN(14)
		ln := newLine(segment(nil, randomText(rng, rng.IntN(40))))
		ln.wrap(w)
		for step := range 40 {
			n := len(ln.cells)
			from := rng.IntN(n + 1)
			to := from + rng.IntN(n-from+1)
			if rng.IntN(2) == 0 {
				to = min(to, from+2)
			}
			repl := segment(nil, randomText(rng, rng.IntN(3)))
			before := slices.Clone(ln.cells)
			ln.cells = slices.Replace(ln.cells, from, to, repl...)
			ln.rewrap(from, to-from, len(repl))

			fresh := newLine(slices.Clone(ln.cells))
			fresh.wrap(w)
			if !slices.Equal(ln.starts, fresh.starts) || !slices.Equal(ln.reads, fresh.reads) {
				t.Fatalf("round %d step %d width %d: replacing [%d,%d) of %q with %q\nrows %v reads %v\nwant %v reads %v",
					round, step, w, from, to, text(before), text(repl), ln.starts, ln.reads, fresh.starts, fresh.reads)
			}
			if !slices.IsSorted(ln.reads) {
				t.Fatalf("reads %v are not in order", ln.reads)
			}
		}
	}
}

func text(cells []cell) string {
	var b strings.Builder
	for _, c := range cells {
		b.WriteString(c.s)
	}
	return b.String()
}

// TestNoRowIsWiderThanTheEditorExceptForHangingBlanks checks the layout
// rule directly on random text: the visible part of every row fits, and
// only a cluster wider than the whole row is ever cut off.
func TestNoRowIsWiderThanTheEditorExceptForHangingBlanks(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for range 500 {
		w := 1 + rng.IntN(14)
		ln := newLine(segment(nil, randomText(rng, rng.IntN(60))))
		ln.wrap(w)
		for r := range ln.starts {
			x := 0
			for i := ln.starts[r]; i < ln.rowEnd(r); i++ {
				c := ln.cells[i]
				x += int(c.w)
				if x > w && !c.blank() && !(i == ln.starts[r] && int(c.w) > w) {
					t.Fatalf("width %d row %d of %q is %d cells wide", w, r, text(ln.cells), x)
				}
			}
			end := ln.rowEnd(r)
			if r+1 == len(ln.starts) || end == ln.starts[r] {
				continue
			}
			if end == len(ln.cells) {
				// Followed by an empty row only when the cursor had no room.
				if x < w {
					t.Fatalf("width %d: %q got an empty last row although its end had room", w, text(ln.cells))
				}
				continue
			}
			if ln.cells[end-1].blank() {
				// Broken after a blank: the next word did not fit.
				next := 0
				for i := end; i < len(ln.cells) && !ln.cells[i].blank(); i++ {
					next += int(ln.cells[i].w)
				}
				if x+next <= w {
					t.Fatalf("width %d: row %d of %q broke although the next word fits", w, r, text(ln.cells))
				}
			} else if hasBlank(ln.cells[ln.starts[r]:end]) || x+int(ln.cells[end].w) <= w {
				// Cut inside a word: only when it was wider than the row.
				t.Fatalf("width %d: row %d of %q cut a word that did not need cutting", w, r, text(ln.cells))
			}
		}
	}
}

func hasBlank(cells []cell) bool {
	for _, c := range cells {
		if c.blank() {
			return true
		}
	}
	return false
}
