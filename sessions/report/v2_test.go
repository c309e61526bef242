package report

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gespreksmap/sessions"
)

func TestAPerspectiveAndAnActionMadeAtATopicAreWrittenAtThatTopicAndReadBackThere(t *testing.T) {
	set := testSet()
	s := sessions.New(set.ID, set.Version)
	s.Title = "Lab"
	a := s.Answer("kinderen.onderwerpen")
	a.Part("gebruikelijke-zorg").Text = "Medicijnen geven valt eronder."
	a.Perspectives = []sessions.Perspective{
		{Organisation: "Ouderraad", Text: "Wij willen meebeslissen.", Part: "beoordeling"},
		{Organisation: "Gemeente", Text: "Over het geheel.", Part: ""},
	}
	s.Actions = []sessions.ActionItem{{What: "Beoordeling plannen", Who: "SWV", QuestionID: "kinderen.onderwerpen", Part: "beoordeling"}}
	doc := string(roundTrip(t, set, s))

	topic := doc[strings.Index(doc, "#### b. Hoe komt de beoordeling tot stand?"):]
	topic = topic[:strings.Index(topic, "\n## ")]
	if !strings.Contains(topic, "**Perspectief van Ouderraad:** <!-- gm:perspective -->\n\n> Wij willen meebeslissen.\n") {
		t.Errorf("the perspective made at 2.3b is not under its heading:\n%s", topic)
	}
	if strings.Contains(topic, "Over het geheel.") || !strings.Contains(doc, "> Over het geheel.\n\n#### a.") {
		t.Errorf("the perspective on the whole question is not before its topics:\n%s", doc)
	}
	if !strings.Contains(doc, "| 1 | Beoordeling plannen | SWV |  | 2.3b <!-- gm:ref kinderen.onderwerpen#beoordeling --> | nee |") {
		t.Errorf("the action item does not say it was made at 2.3b:\n%s", doc)
	}
	back := mustParse(t, []byte(doc), set)
	if got := back.Answers["kinderen.onderwerpen"].Perspectives; len(got) != 2 || got[0].Part != "" || got[1].Part != "beoordeling" {
		t.Errorf("perspectives read back: %+v", got)
	}
	if got := back.Actions[0]; got.QuestionID != "kinderen.onderwerpen" || got.Part != "beoordeling" {
		t.Errorf("action item read back: %+v", got)
	}
}

// comment matches an HTML comment: what no viewer shows.
var comment = regexp.MustCompile(`(?s)<!--.*?-->`)

func TestNoQuestionIdOfTheSetIsVisibleInAReport(t *testing.T) {
	set := testSet()
	s := everything()
	doc := Render(set, s)
	visible := comment.ReplaceAllString(string(doc), "")
	for _, sec := range set.Sections {
		for _, q := range sec.Questions {
			if strings.Contains(visible, q.ID) {
				t.Errorf("question id %s shows in the report:\n%s", q.ID, visible)
			}
		}
	}
	if !strings.Contains(string(doc), "- **Verder bij vraag:** 1.3b <!-- gm:ref bestuur.uitwerking#vastgelegd -->\n") {
		t.Errorf("where to go on is not named by its number:\n%s", doc)
	}
}

func TestWhereToGoOnIsAQuestionOrOneOfItsPartsAndMayBeTypedAsANumber(t *testing.T) {
	set := testSet()
	for typed, want := range map[string]string{
		"1.3 <!-- gm:ref bestuur.uitwerking -->":                "bestuur.uitwerking",
		"2.3b <!-- gm:ref kinderen.onderwerpen#beoordeling -->": "kinderen.onderwerpen#beoordeling",
		"9.9 <!-- gm:ref bestuur.agenda -->":                    "bestuur.agenda", // the marker wins over the number
		"2.3b":                                                  "kinderen.onderwerpen#beoordeling",
		"1.1":                                                   "bestuur.agenda",
		"1.2 `bestuur.partners`":                                "bestuur.partners", // as version 1 wrote it
		"(niet in deze vragenset) <!-- gm:ref oud.vraag#deel -->": "oud.vraag#deel",
	} {
		doc := edit(t, baseReport(), "- **Verder bij vraag:** 1.3b <!-- gm:ref bestuur.uitwerking#vastgelegd -->", "- **Verder bij vraag:** "+typed)
		if got := mustParse(t, []byte(doc), set).Current; got != want {
			t.Errorf("Verder bij vraag: %s reads as %q, want %q", typed, got, want)
		}
	}
}

func TestAReportCutOffAtAnyLineIsRefusedAsIncomplete(t *testing.T) {
	set := testSet()
	doc := Render(set, everything())
	metaEnd := bytes.Index(doc, []byte("<!-- /gm:meta -->\n")) + len("<!-- /gm:meta -->\n")
	for i := 0; i < len(doc)-1; i++ {
		if doc[i] != '\n' {
			continue
		}
		cut := doc[:i+1]
		_, err := Parse(cut, set)
		var pe *ParseError
		if !errors.As(err, &pe) {
			t.Fatalf("a report cut off after line %d is read as whole (%v)", bytes.Count(cut, []byte("\n")), err)
		}
		if pe.Line < 1 || pe.Line > bytes.Count(cut, []byte("\n"))+1 {
			t.Errorf("cut after line %d: the error names line %d", bytes.Count(cut, []byte("\n")), pe.Line)
		}
		if i+1 > metaEnd && !strings.Contains(pe.Msg, "niet compleet") && !strings.Contains(pe.Msg, "ontbreekt") {
			t.Errorf("cut after line %d: %q does not say the report is incomplete", bytes.Count(cut, []byte("\n")), pe.Msg)
		}
	}
	if _, err := Parse(doc, set); err != nil {
		t.Fatalf("the whole report: %v", err)
	}
}

func TestAVersion1ReportIsStillReadAndWrittenBackAsVersion2(t *testing.T) {
	set := testSet()
	data, err := os.ReadFile(filepath.Join("testdata", "v1.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte(headerV1+"\n")) || bytes.Contains(data, []byte("gm:end")) {
		t.Fatal("testdata/v1.md is not a version 1 report")
	}
	s := mustParse(t, data, set)
	// Version 1 wrote perspectives after the sub-points, at question level.
	persp := s.Answers["bestuur.uitwerking"].Perspectives
	if len(persp) != 1 || persp[0].Organisation != "Zorgaanbieder" || persp[0].Part != "" {
		t.Errorf("perspectives of a version 1 report: %+v", persp)
	}
	if p := s.Answers["oud.vraag"].Perspectives; len(p) != 1 || p[0].Part != "" {
		t.Errorf("perspective of an unknown question: %+v", p)
	}
	// Its visible ids in the action tables are read.
	if s.Current != "bestuur.uitwerking" || s.Actions[0].QuestionID != "bestuur.partners" || s.Actions[3].QuestionID != "oud.vraag" ||
		s.PriorActions[0].Item.QuestionID != "bestuur.uitwerking" || s.Actions[0].Part != "" {
		t.Errorf("question references: current %q, actions %+v, prior %+v", s.Current, s.Actions, s.PriorActions)
	}
	if got := s.Answers["bestuur.uitwerking"].Parts["visie"].Text; got != "Elk kind gaat naar school.\nOok met zorg." {
		t.Errorf("a sub-point's answer: %q", got)
	}
	out := Render(set, s)
	if !bytes.HasPrefix(out, []byte(header+"\n")) || !bytes.HasSuffix(out, []byte("<!-- gm:end -->\n")) {
		t.Errorf("written back, it is not a version 2 report:\n%s", out)
	}
	back := mustParse(t, out, set)
	if again := Render(set, back); !bytes.Equal(out, again) {
		t.Errorf("written back as version 2, it does not read back exactly:\n%s", firstDifference(out, again))
	}
	if back.Answers["bestuur.uitwerking"].Perspectives[0].Part != "" {
		t.Error("the perspective moved to a sub-point on the way to version 2")
	}
}
