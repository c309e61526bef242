package sessions

import (
	"strings"
	"testing"

	"gespreksmap/content"
)

func TestTheInventarisatiekaderGivesIndicativeFteFromThePupilsPerProfile(t *testing.T) {
	c := newConv(t)
	st := at(t, c, "2.2")
	if st.Question.ID != "kinderen.inventarisatiekader" {
		t.Fatalf("2.2 is %s", st.Question.ID)
	}
	if _, ok := c.Indicative(st); ok {
		t.Error("a result without any number filled in")
	}
	c.SetCount(st, "breed", 250)
	in, ok := c.Indicative(st)
	if !ok {
		t.Fatal("no result for 250 pupils at breed")
	}
	// 250 / 100 × 18,61 = 46,525: one decimal, half away from zero.
	id := func(s string) string { return s }
	if got, want := in.Line(id), "Indicatief: 46,5 fte (Breed profiel 46,5; bron: Inventarisatiekader, Leidraad Zorg in Onderwijstijd (Nederlands Jeugdinstituut), hoofdstuk 4 Hulpmiddelen)"; got != want {
		t.Errorf("line\n got %s\nwant %s", got, want)
	}
	c.SetCount(st, "smal", 40)  // 1,556
	c.SetCount(st, "medium", 0) // filled in: a zero
	in, _ = c.Indicative(st)
	// The total is the rounded sum (48,081), not the sum of rounded parts.
	if got, want := in.Headline(id)+" | "+in.Details(id), "Indicatief: 48,1 fte | Breed profiel 46,5 · Medium profiel 0 · Smal profiel 1,6"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	if len(in.Parts) != 3 || in.Parts[2].Count != 40 || in.Unit != "fte" {
		t.Errorf("parts %+v", in.Parts)
	}
	// Reading the answer back says it too.
	lines := c.StopLines(st)
	if last := lines[len(lines)-1]; !strings.HasPrefix(last, "Indicatief: 48,1 fte (") {
		t.Errorf("answer lines end in %q", last)
	}
	// An answer without norms has no result, however many numbers.
	aantallen := at(t, c, "2.1")
	c.SetCount(aantallen, aantallen.Question.Categories[0].ID, 12)
	if _, ok := c.Indicative(aantallen); ok {
		t.Error("a result at a counts question without norms")
	}
	if NormsLine(aantallen.Question, id) != "" {
		t.Error("norms named at a question without norms")
	}
	if got, want := NormsLine(st.Question, id), "Normen (fte per 100): Breed profiel 18,61 · Medium profiel 10,94 · Smal profiel 3,89; bron: Inventarisatiekader"; !strings.HasPrefix(got, want) {
		t.Errorf("norms\n got %s\nwant %s…", got, want)
	}
}

func same(s string) string { return s }

func TestAnIndicativeAmountIsRoundedToOneDecimalWithADecimalComma(t *testing.T) {
	q := &content.Question{Kind: content.KindCounts, NormUnit: "fte", NormSource: "bron", Categories: []content.Category{
		{ID: "a", Label: "A", Norm: content.Norm{Per: 100, Amount: 18.61}},
		{ID: "b", Label: "B", Norm: content.Norm{Per: 100, Amount: 3.89}},
		{ID: "c", Label: "C", Norm: content.Norm{Per: 8, Amount: 1}},
	}}
	for _, tc := range []struct {
		counts map[string]int
		want   string
	}{
		{map[string]int{"a": 500}, "93,1"},              // 93,05: the decimal half rounds up, whatever binary floats make of it
		{map[string]int{"a": 1}, "0,2"},                 // 0,1861
		{map[string]int{"b": 1}, "0,04"},                // 0,0389 would show as 0,0
		{map[string]int{"a": 0}, "0"},                   // a zero filled in
		{map[string]int{"c": 1}, "0,1"},                 // 0,125
		{map[string]int{"c": 3}, "0,4"},                 // 0,375
		{map[string]int{"a": 9_999_999}, "1.860.999,8"}, // the largest count: points between thousands
		{map[string]int{"a": 100, "b": 100}, "22,5"},
	} {
		in, ok := IndicativeFor(q, tc.counts)
		if !ok || in.Total.String() != tc.want {
			t.Errorf("%v: %q (%v), want %q", tc.counts, in.Total.String(), ok, tc.want)
		}
	}
	if _, ok := IndicativeFor(q, nil); ok {
		t.Error("empty counts gave a result")
	}
	if _, ok := IndicativeFor(q, map[string]int{"elders": 4}); ok {
		t.Error("a count of a category the question does not know gave a result")
	}
	if _, ok := IndicativeFor(nil, map[string]int{"a": 4}); ok {
		t.Error("no question gave a result")
	}
	if got := NormsLine(q, same); got != "Normen: A 18,61 fte per 100 · B 3,89 fte per 100 · C 1 fte per 8; bron: bron" {
		t.Errorf("norms with different bases: %s", got)
	}
	// A difference keeps its sign.
	was, _ := IndicativeFor(q, map[string]int{"a": 250})
	is, _ := IndicativeFor(q, map[string]int{"a": 200})
	if got := is.Total.Sub(was.Total).Signed(); got != "−9,3" {
		t.Errorf("difference %s, want −9,3", got)
	}
	if got := was.Total.Sub(is.Total).Signed(); got != "+9,3" {
		t.Errorf("difference %s, want +9,3", got)
	}
	if got := was.Total.Sub(was.Total).Signed(); got != "0" {
		t.Errorf("no difference %s, want 0", got)
	}
	// The label, unit and source are the medium's to escape.
	up := strings.ToUpper
	if got := was.Line(up); got != "Indicatief: 46,5 FTE (A 46,5; bron: BRON)" {
		t.Errorf("escaped line %s", got)
	}
}
