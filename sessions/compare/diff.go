package compare

import (
	"strings"

	"gespreksmap/sessions/mdtext"
)

// DiffRun is a run of words that both texts share (Op 0), that only last
// year's text has (Op -1) or that only this year's has (Op +1).
type DiffRun struct {
	Op    int
	Words []string
}

// maxDiffCells bounds the work of one word difference: texts whose word
// counts multiply to more are shown one under the other instead.
const maxDiffCells = 1 << 20

// wordDiff is the word-level difference between two texts: the longest run
// of words in common kept, the rest marked as dropped or added. Line breaks
// count as spaces. ok is false when the texts are too long to compare.
func wordDiff(prior, current string) (runs []DiffRun, common int, ok bool) {
	a, b := strings.Fields(prior), strings.Fields(current)
	if len(a)*len(b) > maxDiffCells {
		return nil, 0, false
	}
	// lcs[i][j] is the length of the longest common subsequence of a[i:]
	// and b[j:].
	w := len(b) + 1
	lcs := make([]int32, (len(a)+1)*w)
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			switch {
			case a[i] == b[j]:
				lcs[i*w+j] = lcs[(i+1)*w+j+1] + 1
			case lcs[(i+1)*w+j] >= lcs[i*w+j+1]:
				lcs[i*w+j] = lcs[(i+1)*w+j]
			default:
				lcs[i*w+j] = lcs[i*w+j+1]
			}
		}
	}
	add := func(op int, word string) {
		if n := len(runs); n > 0 && runs[n-1].Op == op {
			runs[n-1].Words = append(runs[n-1].Words, word)
			return
		}
		runs = append(runs, DiffRun{Op: op, Words: []string{word}})
	}
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			add(0, a[i])
			common++
			i, j = i+1, j+1
		case j == len(b) || (i < len(a) && lcs[(i+1)*w+j] >= lcs[i*w+j+1]):
			add(-1, a[i])
			i++
		default:
			add(1, b[j])
			j++
		}
	}
	// Within a change, what was dropped reads before what came instead.
	for k := 0; k+1 < len(runs); k++ {
		if runs[k].Op == 1 && runs[k+1].Op == -1 {
			runs[k], runs[k+1] = runs[k+1], runs[k]
		}
	}
	return runs, common, true
}

// diffMarkdown writes a word difference for a markdown line: dropped words
// ~~struck through~~, added words in **bold**, every word escaped.
func diffMarkdown(runs []DiffRun) string {
	parts := make([]string, 0, len(runs))
	for _, r := range runs {
		text := strings.Join(r.Words, " ")
		switch r.Op {
		case -1:
			parts = append(parts, "~~"+inlineBeforeMark(text)+"~~")
		case 1:
			parts = append(parts, "**"+inlineBeforeMark(text)+"**")
		default:
			parts = append(parts, mdtext.Inline(text))
		}
	}
	return strings.Join(parts, " ")
}

// inlineBeforeMark is mdtext.Inline for text followed directly by an
// emphasis mark: a backslash at its end is escaped too, so that it cannot
// escape the mark.
func inlineBeforeMark(s string) string {
	return strings.TrimSuffix(mdtext.Inline(s+"*"), `\*`)
}
