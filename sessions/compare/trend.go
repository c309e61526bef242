package compare

import (
	"bytes"
	"fmt"
	"html"
	"html/template"
	"strconv"
	"strings"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/sessions/mdtext"
)

// TrendStatuses are the statuses a trend follows, in the order of its rows
// and chart series.
var TrendStatuses = []sessions.Status{sessions.StatusDone, sessions.StatusPartial, sessions.StatusNotYet}

// Trend follows, over three or more reports, how many questions, sub-points
// and topics of each section had each status (sessions.SectionTally).
type Trend struct {
	// Columns name the reports, oldest first: the Dutch date, else the
	// title, else "verslag N".
	Columns  []string
	Sections []TrendSection
}

// TrendSection is one section's counts, one entry per report.
type TrendSection struct {
	Number int // 1-based position in the set
	Title  string
	Units  int                       // questions, sub-points and topics in the section
	Counts map[sessions.Status][]int // per status, one count per report
}

// NewTrend counts the sections of set in each report; nil when there are
// fewer than three reports, too few for a trend.
func NewTrend(set *content.Set, reports ...*sessions.Session) *Trend {
	if set == nil || len(reports) < 3 {
		return nil
	}
	t := &Trend{}
	for i, r := range reports {
		name := "verslag " + strconv.Itoa(i+1)
		switch {
		case r.Date != "":
			name = mdtext.Date(r.Date)
		case r.Title != "":
			name = r.Title
		}
		t.Columns = append(t.Columns, sessions.CleanLine(name))
	}
	for si := range set.Sections {
		sec := &set.Sections[si]
		ts := TrendSection{Number: si + 1, Title: sec.Title, Counts: map[sessions.Status][]int{}}
		for _, r := range reports {
			tally := sessions.SectionTally(sec, r)
			ts.Units = tally.Units
			for _, st := range TrendStatuses {
				ts.Counts[st] = append(ts.Counts[st], tally.Counts[st])
			}
		}
		t.Sections = append(t.Sections, ts)
	}
	return t
}

const trendIntro = "Per onderdeel het aantal vragen, deelpunten en onderwerpen met elke status, per verslag van oud naar nieuw."

// Markdown writes the trend as a table per section.
func (t *Trend) Markdown() string {
	var b strings.Builder
	b.WriteString("## Verloop over de jaren\n\n" + trendIntro + "\n")
	for _, s := range t.Sections {
		fmt.Fprintf(&b, "\n### %d. %s\n\n| Status |", s.Number, mdtext.Inline(s.Title))
		for _, c := range t.Columns {
			b.WriteString(" " + mdtext.Cell(c) + " |")
		}
		b.WriteString("\n| --- |" + strings.Repeat(" ---: |", len(t.Columns)) + "\n")
		for _, st := range TrendStatuses {
			b.WriteString("| " + st.Label() + " |")
			for _, n := range s.Counts[st] {
				b.WriteString(" " + strconv.Itoa(n) + " |")
			}
			b.WriteString("\n")
		}
	}
	return b.String()
}

// trendStyle draws each status's series so that it can be told apart in
// colour and, printed in grey, by its dashes.
var trendStyle = map[sessions.Status]struct{ colour, dash string }{
	sessions.StatusDone:    {"#2e7d32", ""},
	sessions.StatusPartial: {"#b26a00", "8 4"},
	sessions.StatusNotYet:  {"#c62828", "2 4"},
}

// SVG draws one section's trend as a line chart: one series per status,
// the reports along the bottom. It is plain inline SVG, without scripts or
// anything loaded from elsewhere, and prints as it shows.
func (t *Trend) SVG(s TrendSection) string {
	const w, h, left, right, top, bottom = 640, 260, 48, 150, 16, 40
	plotW, plotH := float64(w-left-right), float64(h-top-bottom)
	top_ := max(s.Units, 1)
	x := func(i int) float64 {
		if len(t.Columns) < 2 {
			return float64(left)
		}
		return float64(left) + plotW*float64(i)/float64(len(t.Columns)-1)
	}
	y := func(n int) float64 { return float64(top) + plotH*(1-float64(n)/float64(top_)) }
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" class="trend" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-labelledby="trend-%d">`, w, h, w, h, s.Number)
	fmt.Fprintf(&b, "\n<title id=\"trend-%d\">Verloop van %d. %s</title>\n", s.Number, s.Number, html.EscapeString(s.Title))
	// Axes with the scale: none to every unit of the section.
	fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#555"/>`+"\n", left, top, left, h-bottom)
	fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#555"/>`+"\n", left, h-bottom, w-right, h-bottom)
	for _, n := range []int{0, top_} {
		fmt.Fprintf(&b, `<text x="%d" y="%.1f" text-anchor="end" font-size="12">%d</text>`+"\n", left-6, y(n)+4, n)
	}
	for i, c := range t.Columns {
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" text-anchor="middle" font-size="12">%s</text>`+"\n", x(i), h-bottom+18, html.EscapeString(c))
	}
	for k, st := range TrendStatuses {
		style := trendStyle[st]
		var pts []string
		for i, n := range s.Counts[st] {
			pts = append(pts, fmt.Sprintf("%.1f,%.1f", x(i), y(n)))
		}
		dash := ""
		if style.dash != "" {
			dash = ` stroke-dasharray="` + style.dash + `"`
		}
		fmt.Fprintf(&b, `<polyline class="series" data-status="%s" points="%s" fill="none" stroke="%s" stroke-width="2.5"%s/>`+"\n",
			st.Label(), strings.Join(pts, " "), style.colour, dash)
		for i, n := range s.Counts[st] {
			fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="3.5" fill="%s"><title>%s: %d</title></circle>`+"\n", x(i), y(n), style.colour, html.EscapeString(st.Label()+", "+t.Columns[i]), n)
		}
		ly := top + 10 + 22*k
		fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s" stroke-width="2.5"%s/>`+"\n", w-right+14, ly, w-right+44, ly, style.colour, dash)
		fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="12">%s</text>`+"\n", w-right+50, ly+4, st.Label())
	}
	b.WriteString("</svg>")
	return b.String()
}

// trendPage is the trend in HTML: per section the table and its chart.
var trendPage = template.Must(template.New("trend").Parse(`<section class="trend">
<h2>Verloop over de jaren</h2>
<p>{{.Intro}}</p>
{{range .Sections}}<section class="keep">
<h3>{{.Number}}. {{.Title}}</h3>
<table>
<thead><tr><th>Status</th>{{range $.Columns}}<th style="text-align:right">{{.}}</th>{{end}}</tr></thead>
<tbody>
{{range .Rows}}<tr><td>{{.Label}}</td>{{range .Counts}}<td style="text-align:right">{{.}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
<figure>{{.Chart}}</figure>
</section>
{{end}}</section>
`))

// HTML writes the trend as an HTML fragment: per section its table and
// chart, every text escaped.
func (t *Trend) HTML() string {
	type row struct {
		Label  string
		Counts []int
	}
	type section struct {
		Number int
		Title  string
		Rows   []row
		Chart  template.HTML // built by SVG, which escapes its texts
	}
	data := struct {
		Intro    string
		Columns  []string
		Sections []section
	}{Intro: trendIntro, Columns: t.Columns}
	for _, s := range t.Sections {
		sec := section{Number: s.Number, Title: sessions.CleanLine(s.Title), Chart: template.HTML(t.SVG(s))}
		for _, st := range TrendStatuses {
			sec.Rows = append(sec.Rows, row{Label: st.Label(), Counts: s.Counts[st]})
		}
		data.Sections = append(data.Sections, sec)
	}
	var b bytes.Buffer
	// The template and its data are the program's own: executing cannot fail.
	_ = trendPage.Execute(&b, data)
	return b.String()
}

// YearsMarkdown is the comparison of several reports: the trend over the
// years when there are three or more, then each report compared with the
// one before it (CompareMarkdown).
func YearsMarkdown(set *content.Set, reports ...*sessions.Session) string {
	chain := CompareMarkdown(set, reports...)
	t := NewTrend(set, reports...)
	if t == nil {
		return chain
	}
	head, rest, _ := strings.Cut(chain, "\n")
	return head + "\n\n" + t.Markdown() + rest
}

// HTML is the comparison of several reports as one standalone printable
// page: render turns markdown into such a page (export.HTML), and the
// trend, with a chart per section, is placed under the page's title.
func HTML(set *content.Set, render func(title, markdown string) []byte, reports ...*sessions.Session) []byte {
	const title = "Vergelijking van gespreksverslagen"
	page := render(title, CompareMarkdown(set, reports...))
	t := NewTrend(set, reports...)
	if t == nil {
		return page
	}
	at := bytes.Index(page, []byte("</h1>"))
	if at < 0 {
		at = bytes.Index(page, []byte("</main>"))
	} else {
		at += len("</h1>")
	}
	if at < 0 {
		return append(page, t.HTML()...)
	}
	out := make([]byte, 0, len(page)+4096)
	out = append(out, page[:at]...)
	out = append(out, '\n')
	out = append(out, t.HTML()...)
	return append(out, page[at:]...)
}
