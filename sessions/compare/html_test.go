package compare_test

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"gespreksmap/sessions/compare"
	"gespreksmap/sessions/export"
)

func TestTheHTMLComparisonIsAWellFormedPageWithAChartPerSection(t *testing.T) {
	doc := compare.HTML(compare.CompareSet(), export.HTML, compare.ThreeYears()...)
	if _, err := html.Parse(bytes.NewReader(doc)); err != nil {
		t.Fatalf("the page does not parse: %v", err)
	}
	// Tokenise strictly: every element opened in the body is closed.
	z := html.NewTokenizer(bytes.NewReader(doc))
	var open []string
	void := map[string]bool{"meta": true, "br": true, "hr": true, "col": true, "input": true}
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if z.Err() != io.EOF {
				t.Fatal(z.Err())
			}
			break
		}
		name, _ := z.TagName()
		switch tt {
		case html.StartTagToken:
			if !void[string(name)] {
				open = append(open, string(name))
			}
		case html.EndTagToken:
			if len(open) == 0 || open[len(open)-1] != string(name) {
				t.Fatalf("</%s> closes %v", name, open)
			}
			open = open[:len(open)-1]
		}
	}
	if len(open) != 0 {
		t.Fatalf("elements left open: %v", open)
	}
	page := string(doc)
	for _, bad := range []string{"<script", "<link", "<img", "src=", "href=\"http", "Oplossingenlab <2024>"} {
		if strings.Contains(page, bad) {
			t.Errorf("the page holds %q", bad)
		}
	}
	if !strings.Contains(page, "5 maart 2024") || !strings.Contains(page, "<del>70%</del> <strong>85%</strong>") {
		t.Error("the page lacks the dates or the word difference")
	}
	charts := strings.Count(page, "<svg ")
	if charts != len(compare.CompareSet().Sections) {
		t.Fatalf("want one chart per section, got %d", charts)
	}
	for i := 0; i < charts; i++ {
		_, rest, _ := strings.Cut(page, "<svg ")
		svg, after, _ := strings.Cut(rest, "</svg>")
		page = after
		var chart struct {
			Series []struct {
				Status string `xml:"data-status,attr"`
				Points string `xml:"points,attr"`
			} `xml:"polyline"`
		}
		if err := xml.Unmarshal([]byte("<svg "+svg+"</svg>"), &chart); err != nil {
			t.Fatalf("chart %d is not well-formed XML: %v", i+1, err)
		}
		var got []string
		for _, s := range chart.Series {
			got = append(got, s.Status)
			if n := len(strings.Fields(s.Points)); n != 3 {
				t.Errorf("chart %d series %s has %d points, want one per report", i+1, s.Status, n)
			}
		}
		if strings.Join(got, "|") != "geregeld|deels|nog niet" {
			t.Errorf("chart %d series: %v", i+1, got)
		}
	}
}
