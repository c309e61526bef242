package overview

import (
	"strings"
	"testing"

	"gespreksmap/content/contenttest"
	"gespreksmap/sessions/export/exporttest"
)

func TestOverviewHTMLHasTheTrendOfEachPartnershipWithTwoOrMoreReports(t *testing.T) {
	o := collect(t, region(t))
	doc := o.HTML(today)
	exporttest.WellFormed(t, doc)
	page := string(doc)
	for _, bad := range []string{"<script", "<link", "<img", "src=", "⟦verloop"} {
		if strings.Contains(page, bad) {
			t.Errorf("the page holds %q", bad)
		}
	}
	sections := len(contenttest.Set().Sections)
	// Per partnership (each under its own <h2>): a chart per section when
	// it has two or more reports, none when it has one.
	want := map[string]int{"Regio West": 3, "Noord": 2, "Oost": 1}
	parts := strings.Split(page, "<h2>")[1:]
	found := 0
	for _, part := range parts {
		for name, reports := range want {
			if !strings.Contains(strings.SplitN(part, "</h2>", 2)[0], name) {
				continue
			}
			found++
			charts := strings.Count(part, "<svg ")
			switch {
			case reports >= 2 && charts != sections:
				t.Errorf("%s (%d reports): %d charts, want one per section (%d)", name, reports, charts, sections)
			case reports < 2 && charts != 0:
				t.Errorf("%s (one report): %d charts, want none", name, charts)
			}
			if reports >= 2 && strings.Count(part, "<circle ") != sections*3*reports {
				t.Errorf("%s: %d points, want %d (a point per status per report per section)", name, strings.Count(part, "<circle "), sections*3*reports)
			}
		}
	}
	if found != len(want) {
		t.Fatalf("found %d of the %d partnerships in:\n%s", found, len(want), page)
	}
	// The ids of the charts are unique on the page.
	ids := map[string]bool{}
	for _, f := range strings.Split(page, ` id="`)[1:] {
		id := f[:strings.Index(f, `"`)]
		if ids[id] {
			t.Errorf("id %q twice on the page", id)
		}
		ids[id] = true
	}
	if !strings.Contains(o.Markdown(today), "Stand per onderdeel") || strings.Contains(o.Markdown(today), "<svg") {
		t.Error("the markdown overview holds no chart")
	}
}
