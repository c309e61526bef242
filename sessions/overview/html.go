package overview

import (
	"bytes"
	"fmt"
	"html"
	"strings"
	"time"

	"gespreksmap/sessions"
	"gespreksmap/sessions/compare"
	"gespreksmap/sessions/export"
)

// HTML is the overview as a standalone, printable HTML page: every text
// from a report is shown as text, never as markup. Each partnership with
// two or more reports has, under its statuses, a chart per section of how
// they went over the years (compare's trend): inline SVG, no scripts.
func (o *Overview) HTML(today time.Time) []byte {
	charts := map[string]string{}
	md := o.markdown(today, func(i int, p *Partnership) string {
		t := trend(p)
		if t == nil {
			return ""
		}
		// A paragraph of its own that no report's text can make: every
		// text of a report is in a line with words of the page around it.
		mark := fmt.Sprintf("⟦verloop %d⟧", i)
		charts["<p>"+mark+"</p>"] = trendHTML(t, i)
		return mark
	})
	page := export.HTML(Title, md)
	for mark, chart := range charts {
		page = bytes.Replace(page, []byte(mark), []byte(chart), 1)
	}
	return page
}

// trend is the partnership's trend over its reports, counted with the
// latest report's set; nil with fewer than two reports.
func trend(p *Partnership) *compare.Trend {
	if len(p.Reports) < 2 {
		return nil
	}
	reports := make([]*sessions.Session, 0, len(p.Reports)+1)
	for _, r := range p.Reports {
		reports = append(reports, r.Session)
	}
	if len(reports) >= 3 {
		return compare.NewTrend(p.Latest().Set, reports...)
	}
	// compare draws a trend from three reports on; two are a line too, so
	// the first is counted twice and its extra column dropped.
	t := compare.NewTrend(p.Latest().Set, append([]*sessions.Session{reports[0]}, reports...)...)
	if t == nil {
		return nil
	}
	t.Columns = t.Columns[1:]
	for i := range t.Sections {
		for st, counts := range t.Sections[i].Counts {
			t.Sections[i].Counts[st] = counts[1:]
		}
	}
	return t
}

// trendHTML is partnership i's trend: a chart per section. The charts'
// ids are made unique on the page.
func trendHTML(t *compare.Trend, i int) string {
	var b strings.Builder
	b.WriteString("<section class=\"trend\">\n<h3>Verloop over de jaren</h3>\n")
	for _, s := range t.Sections {
		svg := t.SVG(s)
		id := fmt.Sprintf("trend-%d", s.Number)
		unique := fmt.Sprintf("trend-%d-%d", i+1, s.Number)
		svg = strings.ReplaceAll(svg, `"`+id+`"`, `"`+unique+`"`)
		fmt.Fprintf(&b, "<figure class=\"keep\">\n%s\n<figcaption>%d. %s</figcaption>\n</figure>\n", svg, s.Number, html.EscapeString(sessions.CleanLine(s.Title)))
	}
	b.WriteString("</section>")
	return b.String()
}
