// Package contenttest holds what the tests of the packages that read and
// write conversations share: a question set and texts people type.
package contenttest

import (
	"strings"

	"gespreksmap/content"
)

// Set is a small question set with every kind of question, built in Go so
// that tests do not depend on the default set's wording.
func Set() *content.Set {
	return &content.Set{
		ID:      "test-set",
		Title:   "Testset",
		Version: "3",
		PartnerKinds: []content.PartnerKind{
			{ID: "scholen", Label: "Scholen (directie/zorgcoördinatie)"},
			{ID: "gemeente", Label: "Gemeente(n)"},
			{ID: "zorgkantoor", Label: "Zorgkantoren"},
		},
		Sections: []content.Section{
			{
				ID:      "bestuur",
				Title:   "Bestuurlijke samenwerking",
				Central: "Staat de samenwerking op de agenda?",
				Questions: []content.Question{
					{ID: "bestuur.agenda", Kind: content.KindOpen, Text: "Staat het op de agenda?"},
					{ID: "bestuur.partners", Kind: content.KindPartners, Text: "Met wie werken we samen en met wie nog niet?"},
					{ID: "bestuur.uitwerking", Kind: content.KindPoints, Text: "Hoe is de samenwerking uitgewerkt?", Points: []content.Point{
						{ID: "visie", Text: "Wat is onze gezamenlijke visie?"},
						{ID: "vastgelegd", Text: "Is deze visie vastgelegd?"},
						{ID: "toezicht", Text: "Wie ziet toe op de samenwerking?"},
					}},
				},
			},
			{
				ID:      "kinderen",
				Title:   "Kinderen en ondersteuningsvragen in beeld",
				Central: "Om welke kinderen gaat het?",
				Questions: []content.Question{
					{ID: "kinderen.aantallen", Kind: content.KindCounts, Text: "Om hoeveel kinderen gaat het?", CountsText: "Welke vragen hebben zij?", Categories: []content.Category{
						{ID: "tlv", Label: "Een toelaatbaarheidsverklaring"},
						{ID: "wlz", Label: "Een beschikking Wlz"},
					}},
					{ID: "kinderen.financiering", Kind: content.KindChoice, Text: "Zijn er afspraken over collectieve financiering?", Choices: []content.Choice{
						{ID: "ja", Label: "Ja"}, {ID: "nee", Label: "Nee"},
					}, FollowUps: []content.FollowUp{
						{When: "ja", Text: "Wat is de stand van zaken?"},
						{When: "nee", Text: "Wat zouden we willen?"},
					}},
					{ID: "kinderen.onderwerpen", Kind: content.KindTopics, Text: "Maak afspraken over de volgende onderwerpen", Topics: []content.Point{
						{ID: "gebruikelijke-zorg", Text: "Welke zorg valt onder gebruikelijke zorg?"},
						{ID: "beoordeling", Text: "Hoe komt de beoordeling tot stand?"},
					}},
				},
			},
		},
	}
}

// NastyTexts are things people type or paste that mean something in
// markdown or in this format. Each must come back exactly and stay inside
// its quote.
var NastyTexts = []string{
	"# Geen kop\n## ook geen kop",
	"> geen citaat in een citaat\n>> dubbel\n>",
	"- geen lijst\n* ook niet\n+ nee",
	"1. geen genummerde lijst\n2) ook niet",
	"| geen | tabel |\n| --- | --- |\n| a | b |",
	"```\ngeen code die de rest opslokt",
	"~~~go\nfunc main() {}",
	"<!-- geen commentaar dat de rest verbergt",
	"<!-- gm:question bestuur.agenda -->\n<!-- /gm:meta -->\n<!-- gm:actions -->",
	"<script>alert(1)</script>\n<div>",
	"[x]: https://example.com \"geen linkdefinitie\"",
	"---\n***\n___",
	"tekst boven een streep\n---",
	"\tmet een tab\n\t\tin het midden\teen tab",
	"    ingesprongen als code",
	"emoji 👩🏽‍🏫🚸 en 🇳🇱",
	"breed: 中文字符 と 日本語",
	"rechts-naar-links: مرحبا بالعالم و שלום עולם",
	strings.Repeat("lange alinea zonder einde ", 385),
	"\n\nbegint en eindigt met lege regels\n\n",
	"regel met spaties aan het eind   \nen een backslash aan het eind\\",
	"**Status:** geregeld\n<!-- gm:part visie -->\n**Perspectief van X:** <!-- gm:perspective -->",
	"\\<!-- al ge-escaped\n\\\\<b>twee backslashes\n  <marquee>ingesprongen",
	"  > ingesprongen citaatteken\n   - ingesprongen lijst",
	">",
	" ",
	"*Niet besproken.*",
	"- [x] Ja <!-- gm:choice ja -->",
}
