package common

import "testing"

func TestFitLinesPadsAndCutsToTheHeightAndLeavesWidthsAlone(t *testing.T) {
	for _, tc := range []struct {
		in   string
		h    int
		want string
	}{
		{"a\nb", 4, "a\nb\n\n"},
		{"a\nb\nc\n", 2, "a\nb"},
		{"a\nb", 2, "a\nb"},
		{"één lange regel", 1, "één lange regel"},
		{"a\nb", 0, ""},
	} {
		if got := FitLines(tc.in, tc.h); got != tc.want {
			t.Errorf("FitLines(%q, %d) = %q, want %q", tc.in, tc.h, got, tc.want)
		}
	}
}
