package report

import (
	"bytes"
	"flag"
	"fmt"
	"gespreksmap/sessions"
	"gespreksmap/sessions/compare"
	stdhtml "html"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/glamour"
	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"

	"gespreksmap/content"
)

var updateReports = flag.Bool("update-reports", false, "rewrite the golden report files in testdata")

// normalized is the form in which a session comes back from a report:
// only answers with something recorded, the set's text as question text
// for known questions, no "not filled in" entries, nil for empty lists,
// single-line values without surrounding space, time to the minute.
func normalized(set *content.Set, in *sessions.Session) *sessions.Session {
	s := in.Clone()
	s.Prior = nil
	s.Updated = s.Updated.Truncate(time.Minute)
	line := func(v string) string { return strings.TrimSpace(sessions.CleanLine(v)) }
	s.Title, s.Region, s.Date, s.Facilitator = line(s.Title), line(s.Region), line(s.Date), line(s.Facilitator)
	s.Baseline = line(s.Baseline)
	for i := range s.Participants {
		p := &s.Participants[i]
		p.Name, p.Organisation, p.PartnerKind, p.Function = line(p.Name), line(p.Organisation), line(p.PartnerKind), line(p.Function)
	}
	item := func(a *sessions.ActionItem) { a.What, a.Who, a.When = line(a.What), line(a.Who), line(a.When) }
	for i := range s.Actions {
		item(&s.Actions[i])
	}
	for i := range s.PriorActions {
		item(&s.PriorActions[i].Item)
	}
	if len(s.Participants) == 0 {
		s.Participants = nil
	}
	if len(s.Actions) == 0 {
		s.Actions = nil
	}
	if len(s.PriorActions) == 0 {
		s.PriorActions = nil
	}
	for id, a := range s.Answers {
		if a.Empty() {
			delete(s.Answers, id)
			continue
		}
		a.QuestionID = id
		if _, q := set.Question(id); q != nil {
			a.QuestionText = q.Text
		} else {
			a.QuestionText = line(a.QuestionText)
		}
		a.Text = sessions.CleanText(a.Text)
		for k, st := range a.Partners {
			if st == sessions.PartnerUnknown {
				delete(a.Partners, k)
			}
		}
		for k, p := range a.Parts {
			p.Text = sessions.CleanText(p.Text)
			if partEmpty(p) {
				delete(a.Parts, k)
			}
		}
		for i := range a.OtherPartners {
			a.OtherPartners[i].Name = line(a.OtherPartners[i].Name)
		}
		for i := range a.Perspectives {
			a.Perspectives[i].Organisation = line(a.Perspectives[i].Organisation)
			a.Perspectives[i].Text = sessions.CleanText(a.Perspectives[i].Text)
			a.Perspectives[i].Part = line(a.Perspectives[i].Part)
		}
		// Perspectives are written at their stop: the question's first, then
		// each part's in the set's order, then parts the set does not list.
		rank := func(part string) string {
			if part == "" {
				return "0"
			}
			if _, q := set.Question(id); q != nil {
				for k, p := range q.Parts() {
					if p.ID == part {
						return fmt.Sprintf("1%06d", k)
					}
				}
			}
			return "2" + part
		}
		sort.SliceStable(a.Perspectives, func(i, j int) bool {
			return rank(a.Perspectives[i].Part) < rank(a.Perspectives[j].Part)
		})
		if len(a.Partners) == 0 {
			a.Partners = nil
		}
		if len(a.Parts) == 0 {
			a.Parts = nil
		}
		if len(a.Counts) == 0 {
			a.Counts = nil
		}
		if len(a.OtherPartners) == 0 {
			a.OtherPartners = nil
		}
		if len(a.Perspectives) == 0 {
			a.Perspectives = nil
		}
	}
	return s
}

// roundTrip renders, reads back and renders again; it fails unless the
// session comes back as written and the second report is byte-identical.
func roundTrip(t *testing.T, set *content.Set, s *sessions.Session) []byte {
	t.Helper()
	first := Render(set, s)
	back := mustParse(t, first, set)
	want, got := normalized(set, s), normalized(set, back)
	if !want.Updated.Equal(got.Updated) {
		t.Errorf("Updated: got %v, want %v", got.Updated, want.Updated)
	}
	want.Updated, got.Updated = time.Time{}, time.Time{}
	if !reflect.DeepEqual(want, got) {
		t.Errorf("the session read back differs from the one written:\n%s", sessionDiff(want, got))
	}
	if second := Render(set, back); !bytes.Equal(first, second) {
		t.Errorf("writing what was read gives another report:\n%s", firstDifference(first, second))
	}
	return first
}

func sessionDiff(want, got *sessions.Session) string {
	var b strings.Builder
	ids := map[string]bool{}
	for id := range want.Answers {
		ids[id] = true
	}
	for id := range got.Answers {
		ids[id] = true
	}
	var sorted []string
	for id := range ids {
		sorted = append(sorted, id)
	}
	sort.Strings(sorted)
	for _, id := range sorted {
		if !reflect.DeepEqual(want.Answers[id], got.Answers[id]) {
			fmt.Fprintf(&b, "answer %s:\n want %s\n got  %s\n", id, dumpAnswer(want.Answers[id]), dumpAnswer(got.Answers[id]))
		}
	}
	w, g := *want, *got
	w.Answers, g.Answers = nil, nil
	if !reflect.DeepEqual(w, g) {
		fmt.Fprintf(&b, "session:\n want %+v\n got  %+v\n", w, g)
	}
	return b.String()
}

func dumpAnswer(a *sessions.Answer) string {
	if a == nil {
		return "<none>"
	}
	parts := map[string]sessions.Part{}
	for k, p := range a.Parts {
		parts[k] = *p
	}
	return fmt.Sprintf("%+v parts=%q", *a, parts)
}

func firstDifference(a, b []byte) string {
	al, bl := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return fmt.Sprintf("line %d:\n first:  %q\n second: %q", i+1, x, y)
		}
	}
	return "(same lines)"
}

// checkReportGolden compares a report with testdata/NAME; -update-reports
// rewrites it.
func checkReportGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *updateReports {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update-reports to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the report differs from %s:\n%s", path, firstDifference(want, got))
	}
}

func TestAConversationWithEveryKindOfAnswerIsWrittenAsTheGoldenReportAndReadBackExactly(t *testing.T) {
	set := testSet()
	out := roundTrip(t, set, everything())
	checkReportGolden(t, "everything.md", out)
}

func TestTheGoldenReportReadsBackIntoTheConversationItWasWrittenFrom(t *testing.T) {
	set := testSet()
	data, err := os.ReadFile(filepath.Join("testdata", "everything.md"))
	if err != nil {
		t.Fatal(err)
	}
	got := normalized(set, mustParse(t, data, set))
	want := normalized(set, everything())
	got.Updated, want.Updated = time.Time{}, time.Time{}
	if !reflect.DeepEqual(want, got) {
		t.Errorf("testdata/everything.md reads back differently:\n%s", sessionDiff(want, got))
	}
}

func TestEveryQuestionOfTheDefaultSetRoundTripsWithEveryPartAnswered(t *testing.T) {
	set := content.Default()
	s := fullSession(set, 2000)
	out := roundTrip(t, set, s)
	for i := range set.Sections {
		for j := range set.Sections[i].Questions {
			q := &set.Sections[i].Questions[j]
			if !bytes.Contains(out, []byte("<!-- gm:question "+q.ID+" -->")) {
				t.Errorf("question %s is missing from the report", q.ID)
			}
			for _, p := range q.Parts() {
				if !bytes.Contains(out, []byte("<!-- gm:part "+p.ID+" -->")) {
					t.Errorf("part %s of %s is missing from the report", p.ID, q.ID)
				}
			}
		}
	}
}

func TestEveryStatusOfEveryKindRoundTrips(t *testing.T) {
	set := testSet()
	for _, st := range sessions.Statuses {
		t.Run(string(st), func(t *testing.T) {
			s := sessions.New(set.ID, set.Version)
			for _, sec := range set.Sections {
				for _, q := range sec.Questions {
					a := s.Answer(q.ID)
					if parts := q.Parts(); len(parts) > 0 {
						for _, p := range parts {
							a.Part(p.ID).Status = st
							a.Part(p.ID).Text = "over " + p.ID
						}
						continue
					}
					a.Status, a.Text = st, "over "+q.ID
				}
			}
			out := roundTrip(t, set, s)
			if !bytes.Contains(out, []byte("**Status:** "+st.Label()+"\n")) {
				t.Errorf("no status line %q in the report", st.Label())
			}
		})
	}
}

func TestEveryPartnerStateAndEveryChoiceRoundTrip(t *testing.T) {
	set := testSet()
	for _, ps := range []sessions.PartnerState{sessions.PartnerTogether, sessions.PartnerNotYet, sessions.PartnerNA, sessions.PartnerUnknown} {
		for _, choice := range []string{"", "ja", "nee", "misschien"} {
			s := sessions.New(set.ID, set.Version)
			a := s.Answer("bestuur.partners")
			a.Partners = map[string]sessions.PartnerState{"gemeente": ps}
			a.OtherPartners = []sessions.OtherPartner{{Name: "Wijkteam", State: ps}}
			c := s.Answer("kinderen.financiering")
			c.Choice = choice
			c.Text = "toelichting"
			roundTrip(t, set, s)
		}
	}
}

func TestAQuestionWithoutAnAnswerStillAppearsAsNotDiscussed(t *testing.T) {
	set := testSet()
	out := string(Render(set, sessions.New(set.ID, set.Version)))
	for _, sec := range set.Sections {
		for _, q := range sec.Questions {
			// Sub-points complete the question: they are named before it.
			var named []string
			for k, p := range q.Parts() {
				named = append(named, content.PartLetter(k)+". "+p.Text)
			}
			note := ""
			if len(named) > 0 {
				note = "*" + strings.Join(named, " · ") + "*\n\n"
			}
			block := "<!-- gm:question " + q.ID + " -->\n\n" + note + "*Niet besproken.*\n"
			if !strings.Contains(out, block) {
				t.Errorf("question %s is not shown as not discussed; want\n%s", q.ID, block)
			}
		}
	}
}

func TestNastyTextInEveryTextFieldComesBackExactly(t *testing.T) {
	set := testSet()
	for i, text := range nastyTexts {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			s := sessions.New(set.ID, set.Version)
			for _, sec := range set.Sections {
				for _, q := range sec.Questions {
					a := s.Answer(q.ID)
					a.Perspectives = []sessions.Perspective{{Organisation: "Gemeente", Text: text}, {Organisation: "Ouders", Text: text}}
					if parts := q.Parts(); len(parts) > 0 {
						for _, p := range parts {
							a.Part(p.ID).Text = text
						}
						continue
					}
					a.Text = text
				}
			}
			u := s.Answer("weg.vraag")
			u.QuestionText, u.Text = "Vraag uit een oude set", text
			roundTrip(t, set, s)
		})
	}
}

// markdownStructure describes the top-level blocks of a markdown document
// as a markdown viewer sees them: kinds, heading levels, table and list
// sizes.
func markdownStructure(t *testing.T, doc []byte) string {
	t.Helper()
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	root := md.Parser().Parse(text.NewReader(doc))
	var b strings.Builder
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		b.WriteString(n.Kind().String())
		switch n := n.(type) {
		case *gast.Heading:
			fmt.Fprintf(&b, "%d", n.Level)
		case *east.Table:
			for r := n.FirstChild(); r != nil; r = r.NextSibling() {
				fmt.Fprintf(&b, " %d", r.ChildCount())
			}
		case *gast.List:
			fmt.Fprintf(&b, " %d", n.ChildCount())
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func htmlOf(t *testing.T, doc []byte) string {
	t.Helper()
	var out bytes.Buffer
	md := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(html.WithUnsafe()))
	if err := md.Convert(doc, &out); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}

func TestTypedTextCannotChangeTheShapeOfTheRenderedReport(t *testing.T) {
	set := testSet()
	plain, nasty := everything(), everything()
	for id, a := range nasty.Answers {
		k := len(id)
		if a.Text != "" {
			a.Text = nastyTexts[k%len(nastyTexts)]
		}
		for pid, p := range a.Parts {
			if p.Text != "" {
				p.Text = nastyTexts[(k+len(pid))%len(nastyTexts)]
			}
		}
		for i := range a.Perspectives {
			if a.Perspectives[i].Text != "" {
				a.Perspectives[i].Text = nastyTexts[(k+i+3)%len(nastyTexts)]
			}
		}
	}
	// Every nasty text also once as the joint answer of an open question.
	for i, text := range nastyTexts {
		plain.Answer(fmt.Sprintf("extra.%02d", i)).Text = "gewone tekst"
		nasty.Answer(fmt.Sprintf("extra.%02d", i)).Text = text
	}
	want := markdownStructure(t, Render(set, plain))
	doc := Render(set, nasty)
	// A blank line after every quote: markdown would glue a following line on.
	lines := strings.Split(string(doc), "\n")
	for i := 0; i+1 < len(lines); i++ {
		if strings.HasPrefix(lines[i], ">") && lines[i+1] != "" && !strings.HasPrefix(lines[i+1], ">") {
			t.Fatalf("line %d follows a quote without a blank line: %q", i+2, lines[i+1])
		}
	}
	if got := markdownStructure(t, doc); got != want {
		t.Errorf("typed text changed the blocks of the report:\n%s", firstDifference([]byte(want), []byte(got)))
	}
	// In a browser an HTML comment left open would hide the rest of the page.
	h := htmlOf(t, doc)
	for rest := h; ; {
		i := strings.Index(rest, "<!--")
		if i < 0 {
			break
		}
		j := strings.Index(rest[i:], "-->")
		if j < 0 {
			t.Fatalf("an HTML comment stays open:\n%s", rest[i:min(len(rest), i+200)])
		}
		if k := strings.Index(rest[i+4:i+j], "<!--"); k >= 0 {
			t.Fatalf("an HTML comment swallows another:\n%s", rest[i:i+j+3])
		}
		rest = rest[i+j+3:]
	}
	for _, bad := range []string{"<script>", "<div>", "<b>", "<marquee>"} {
		if strings.Contains(h, bad) {
			t.Errorf("typed HTML %s reached the rendered page as HTML", bad)
		}
	}
}

func TestSingleLineValuesRenderLiterally(t *testing.T) {
	set := testSet()
	s := everything()
	h := htmlOf(t, Render(set, s))
	wants := []string{
		"<h1>" + htmlEscape(s.Title) + "</h1>",
		"<td>" + htmlEscape(s.Participants[1].Name) + "</td>",
		"<td>" + htmlEscape(s.Participants[1].Organisation) + "</td>",
		"<td>" + htmlEscape(s.Participants[1].Function) + "</td>",
		"<td>" + htmlEscape(s.Participants[2].Name) + "</td>",
		"<td>" + htmlEscape(s.Participants[3].Function) + "</td>",
		"<td>" + htmlEscape(s.Actions[0].What) + "</td>",
		"<td>" + htmlEscape(s.Actions[2].What) + "</td>",
		"Anders: " + htmlEscape(s.Answers["bestuur.partners"].OtherPartners[0].Name) + ":",
		"<strong>Perspectief van " + htmlEscape("Ouders *samen*") + ":</strong>",
		"<h3>" + htmlEscape("1.5 miljoen euro: wat doen we *ermee*?") + "</h3>",
		htmlEscape(s.Region),
		htmlEscape(s.Facilitator),
	}
	for _, w := range wants {
		if !strings.Contains(h, w) {
			t.Errorf("the rendered report does not show %q literally", w)
		}
	}
}

func TestTheReportRendersInTheTerminalViewerWithoutItsMarkers(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "everything.md"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := glamour.NewTermRenderer(glamour.WithStandardStyle("notty"), glamour.WithWordWrap(0))
	if err != nil {
		t.Fatal(err)
	}
	out, err := r.Render(string(data))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Oplossingenlab *ZiO* | najaar #2026", "Staat het op de agenda?", "Perspectief van Gemeente Tilburg:", "Actiepunten van vorig jaar", "Convenant opstellen | eerste versie"} {
		if !strings.Contains(out, want) {
			t.Errorf("the terminal view does not show %q", want)
		}
	}
	if strings.Contains(out, "gm:") {
		t.Errorf("the terminal view shows a marker:\n%s", out)
	}
}

func TestTheChangesSinceLastYearAreInsertedAfterTheStatusTableAndSkippedOnReading(t *testing.T) {
	set := testSet()
	s := everything()
	s.Prior = sessions.New(set.ID, set.Version)
	s.Prior.Answer("bestuur.agenda").Status = sessions.StatusNotYet
	out := Render(set, s)
	section := strings.TrimRight(compare.Compare(set, s.Prior, s).Markdown(), "\n")
	if !bytes.Contains(out, []byte("\n"+section+"\n")) {
		t.Fatalf("the report does not hold the comparison with the prior session:\n%s", out)
	}
	status := bytes.Index(out, []byte("| **Totaal** |"))
	changes := bytes.Index(out, []byte("## Wat is er veranderd"))
	participants := bytes.Index(out, []byte("## Deelnemers"))
	if !(status >= 0 && status < changes && changes < participants) {
		t.Fatalf("the changes are not between the status table and the participants:\n%s", out[:participants+20])
	}
	back := mustParse(t, out, set)
	back.Prior = s.Prior
	if again := Render(set, back); !bytes.Equal(out, again) {
		t.Errorf("the report with changes does not read back:\n%s", firstDifference(out, again))
	}

	s.Prior = nil
	if out := Render(set, s); bytes.Contains(out, []byte("veranderd")) {
		t.Error("without last year's report the report still has changes")
	}
}

func TestTheOverviewCountsEachSubPointAsAUnit(t *testing.T) {
	set := testSet()
	out := string(Render(set, everything()))
	// Section 1: agenda geregeld, partners deels, uitwerking: visie geregeld,
	// vastgelegd nog niet, toezicht not discussed.
	if !strings.Contains(out, "| 1. Bestuurlijke samenwerking | 2 | 1 | 1 | 0 | 1 |\n") {
		t.Errorf("wrong status row for section 1:\n%s", out)
	}
	if !strings.Contains(out, "**Stand:** geregeld 2 · deels 1 · nog niet 1 · niet besproken 1\n") {
		t.Error("wrong status summary for section 1")
	}
}

func TestWhatASubPointCanCoverIsInTheReportAndReadsBack(t *testing.T) {
	s := sessions.New(defaultSet.ID, defaultSet.Version)
	s.Title, s.Date = "Lab", "2026-11-22"
	s.Answer("organiseren.afspraken").Part("beoordeling").Text = "Met het afwegingskader van de regio."
	doc := Render(defaultSet, s)
	if !bytes.Contains(doc, []byte("\n*de wijze waarop of het instrument waarmee zorg in onderwijstijd in kaart wordt gebracht; ")) {
		t.Fatalf("the bullets of 3.1b are missing:\n%s", doc)
	}
	back, err := Parse(doc, defaultSet)
	if err != nil {
		t.Fatal(err)
	}
	if again := Render(defaultSet, back); !bytes.Equal(again, doc) {
		t.Error("the report does not read back exactly")
	}
}

// TestTypedAnswersRenderAsTyped renders a report through goldmark
// (CommonMark with GitHub's extensions) and checks that nothing typed in an
// answer became a heading, rule, code, HTML or a quote of its own, while
// lists stayed lists and every typed line is shown.
func TestTypedAnswersRenderAsTyped(t *testing.T) {
	typed := []string{"# Agenda", "Titel", "---", "Nog een titel", "===", "***", "___", "* * *", "```", "code?", "~~~", "`x`",
		"<b>vet</b> <!-- verborgen", "&nbsp;", "> citaat", "", "    ingesprongen", "", "- eerste", "- # tweede", "", "1. een", "2. twee", "", "*nadruk*"}
	s := sessions.New("test-set", "3")
	s.Answer("bestuur.agenda").Text = strings.Join(typed, "\n")
	doc := Render(testSet(), s)
	root := goldmark.New(goldmark.WithExtensions(extension.GFM)).Parser().Parse(text.NewReader(doc))
	var quotes, lists []gast.Node
	_ = gast.Walk(root, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		if entering && n.Kind() == gast.KindBlockquote {
			quotes = append(quotes, n)
		}
		return gast.WalkContinue, nil
	})
	if len(quotes) != 1 {
		t.Fatalf("%d quotes in the report, want the answer's one", len(quotes))
	}
	_ = gast.Walk(quotes[0], func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		if !entering {
			return gast.WalkContinue, nil
		}
		switch n.Kind() {
		case gast.KindHeading, gast.KindThematicBreak, gast.KindCodeBlock, gast.KindFencedCodeBlock, gast.KindCodeSpan,
			gast.KindHTMLBlock, gast.KindRawHTML, gast.KindAutoLink:
			t.Errorf("typed text became %s", n.Kind())
		case gast.KindBlockquote:
			if n != quotes[0] {
				t.Errorf("typed text became a quote of its own")
			}
		case gast.KindList:
			lists = append(lists, n)
		}
		return gast.WalkContinue, nil
	})
	if len(lists) != 2 || lists[0].(*gast.List).IsOrdered() || !lists[1].(*gast.List).IsOrdered() ||
		lists[0].ChildCount() != 2 || lists[1].ChildCount() != 2 {
		t.Errorf("the typed lists are not a bullet list and a numbered list of two: %d lists", len(lists))
	}
	// What a reader sees: the text of the rendered quote, without tags.
	h := htmlOf(t, doc)
	h = h[strings.Index(h, "<blockquote>"):strings.Index(h, "</blockquote>")]
	shown := stdhtml.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(h, ""))
	for _, line := range typed {
		if l := strings.TrimLeft(strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(line, "- "), "1. "), "2. "), " "); l != "" && l != "*nadruk*" &&
			!strings.Contains(shown, l) {
			t.Errorf("the rendered answer does not show %q:\n%s", l, shown)
		}
	}
}
