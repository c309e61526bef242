package content

import "testing"

func TestTheCentralFieldIsLabelledByWhatItIs(t *testing.T) {
	set := Default()
	for id, want := range map[string]string{
		"bestuur":      "Centrale vraag: Staat de (boven)regionale organisatie",
		"kinderen":     "Om te kunnen bepalen welke ondersteuning",
		"organiseren":  "Op basis van de inventarisatie",
		"ouders":       "Cruciaal: contact met ouders",
		"financiering": "Centrale vraag: Hoe kan de financiering",
		"reflectie":    "Centrale vraag: Hoe zorgen jullie",
	} {
		sec := set.Section(id)
		if sec == nil {
			t.Fatalf("no section %s", id)
		}
		if got := sec.CentralLine(); len(got) < len(want) || got[:len(want)] != want {
			t.Errorf("%s: CentralLine() = %q, want it to start with %q", id, got, want)
		}
	}
	for central, label := range map[string]string{"Waarom?  ": "Centrale vraag", "Een doel.": "", "Kop: iets": "", "": ""} {
		if got := (&Section{Central: central}).CentralLabel(); got != label {
			t.Errorf("CentralLabel(%q) = %q, want %q", central, got, label)
		}
	}
	if got := (&Section{}).CentralLine(); got != "" {
		t.Errorf("an empty central field is shown as %q", got)
	}
}
