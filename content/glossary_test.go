package content

import (
	"strings"
	"testing"
)

func termNames(terms []*Term) string {
	names := make([]string, len(terms))
	for i, t := range terms {
		names[i] = t.Term
	}
	return strings.Join(names, ", ")
}

func TestTermsBesideAQuestionAreFoundInTheOrderTheyAppear(t *testing.T) {
	set := Default()
	cases := []struct {
		text, want string
	}{
		// Aliases and the written-out form count; each term once.
		{"Een beschikking wet langdurige zorg (wlz) via het ciz-zorgkantoor", "beschikking, Wlz, CIZ, zorgkantoor"},
		{"Een toelaatbaarheidsverklaring en bekostigingsniveau; de TLV komt van het SWV.", "TLV, bekostigingsniveau, SWV"},
		// Abbreviations match only as written: "opp" in a word or in lower case is not OPP.
		{"Het OPP is klaar, de opp-ervlakte niet, en opp is geen afkorting.", "OPP"},
		{"De tlv en de Tlv zijn geen TLV", "TLV"},
		// Long terms match in any case.
		{"INTEGRAAL ARRANGEREN en Gebruikelijke Zorg", "integraal arrangeren, gebruikelijke zorg"},
		// Whole words only.
		{"Een beschikkingsvrije werkwijze en een inspectiebezoek", ""},
		{"Hoe onderbouwen we ons beleid in gesprekken met de inspectie(s)?", "inspectie"},
		// A term broken over lines is still found.
		{"zorg in\n   natura of een pgb", "zorg in natura, pgb"},
		{"oza’s en onderwijs-zorgarrangementen", "OZA"},
		{"", ""},
	}
	for _, tc := range cases {
		if got := termNames(set.TermsIn(tc.text)); got != tc.want {
			t.Errorf("TermsIn(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestTermsInPointsIntoTheGlossary(t *testing.T) {
	set := Default()
	terms := set.TermsIn("de Wlz")
	if len(terms) != 1 || terms[0] != set.Term("Wlz") || terms[0].Full != "Wet langdurige zorg" {
		t.Fatalf("TermsIn(de Wlz) = %v", terms)
	}
}

func TestTermIsFoundByAnyOfItsNames(t *testing.T) {
	set := Default()
	for _, name := range []string{"SWV", "samenwerkingsverband passend onderwijs", "Samenwerkingsverbanden", "ZiO", "zorg in onderwijstijd"} {
		if set.Term(name) == nil {
			t.Errorf("Term(%q) = nil", name)
		}
	}
	if set.Term("onbekend") != nil {
		t.Error("Term(onbekend) found something")
	}
}

func TestAQuestionSetsOwnGlossaryIsUsed(t *testing.T) {
	set, err := Parse([]byte(`id: proef
title: Proef
sections:
  - id: a
    title: A
    questions:
      - id: a.b
        kind: open
        text: Wat doet de GGD met de jeugdgezondheidszorg?
glossary:
  - term: GGD
    full: Gemeentelijke Gezondheidsdienst
    explanation: De gezondheidsdienst van de gemeenten.
  - term: jeugdgezondheidszorg
    aliases: [JGZ]
    explanation: Zorg die de gezondheid van kinderen volgt.
`), "eigen.yaml")
	if err != nil {
		t.Fatal(err)
	}
	_, q := set.Question("a.b")
	if got := termNames(set.TermsIn(q.Text)); got != "GGD, jeugdgezondheidszorg" {
		t.Errorf("TermsIn = %q", got)
	}
}

func BenchmarkTermsInAQuestion(b *testing.B) {
	set := Default()
	_, q := set.Question("bestuur.agenda")
	text := q.Text + "\n" + q.Help
	for b.Loop() {
		set.TermsIn(text)
	}
}
