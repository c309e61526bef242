package accessible

import (
	"os"
	"strings"
	"testing"

	"gespreksmap/content"
	"gespreksmap/sessions/report"
)

// With several sets, a new conversation asks which; the conversation asks
// that set's questions and its report names it.
func TestANewConversationAsksForTheSetAndUsesIt(t *testing.T) {
	dir := t.TempDir()
	cfg := config(dir)
	cfg.Sets = content.Embedded()
	path, out := run(t, cfg, script(
		"1", // nieuw gesprek
		"",  // no: back to the menu
		"1", // nieuw gesprek
		"3", // Intermezzo
		"Intermezzo na de presentatie",
		"Hart van Brabant",
		"",              // datum: vandaag
		"Anna de Vries", // gespreksleider
		"",              // geen deelnemers
		"1",             // onderdeel 1
		"We willen ook vaste gezichten in de klas.",
		"",
		"1", // geregeld
	))
	for _, want := range []string{
		"Er zijn 3 vragensets; bij een nieuw gesprek of een reflectie kies je er een.",
		"Nieuw gesprek: kies de vragenset.",
		"2 Randvoorwaarden en werkzame factoren (versie 1): In regio Hart van Brabant krijgen kinderen",
		"3 Intermezzo Zorg in Onderwijstijd (versie 1): Een kort gesprek tussendoor",
		"Vragenset: Intermezzo Zorg in Onderwijstijd.",
		"Wat kun jij hiermee voor je eigen situatie (school, gemeente, regio)?",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the transcript lacks %q", want)
		}
	}
	if strings.Count(out, "kies de vragenset.") != 2 {
		t.Errorf("Enter at the choice goes back to the menu and asks again:\n%s", out)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s, err := report.Parse(data, content.EmbeddedSet("intermezzo"))
	if err != nil {
		t.Fatal(err)
	}
	if s.SetID != "intermezzo" || s.Answers["intermezzo.eigen-situatie"] == nil || s.Answers["intermezzo.eigen-situatie"].Text != "We willen ook vaste gezichten in de klas." {
		t.Errorf("report: set %q, answers %v\n%s", s.SetID, s.Answers, data)
	}

	// Continued from the folder: with the set it names, which the list says.
	cfg.Sets = content.Embedded()
	_, out = run(t, cfg, script("2", "1"))
	if !strings.Contains(out, "Intermezzo na de presentatie, Hart van Brabant (Intermezzo Zorg in Onderwijstijd) (1 van 4 ingevuld)") {
		t.Errorf("the list does not name the report's set:\n%s", out)
	}
	if !strings.Contains(out, "Intermezzo") || strings.Contains(out, "Bestuurlijke samenwerking") {
		t.Errorf("the report is not continued with its own set:\n%s", out)
	}
}
