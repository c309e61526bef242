package accessible

import (
	"strings"
	"testing"
)

func TestTheInventarisatiekaderSaysItsNormsAndAfterTheCountsTheIndicativeFte(t *testing.T) {
	dir := t.TempDir()
	cfg := config(dir)
	path, _ := run(t, cfg, conversation)
	cfg.Open = path
	_, out := run(t, cfg, script(
		"t",   // resumed at 5.3: back to the sections
		"2.2", // the inventarisatiekader
		"250", // breed
		"",    // medium stays empty
		"40",  // smal
		"Vooral brede profielen.",
		"",
		"2", // deels
		"",  // geen perspectief
		"",  // geen actiepunt
		"q",
	))
	for _, said := range []string{
		"\nNormen (fte per 100): Breed profiel 18,61 · Medium profiel 10,94 · Smal profiel 3,89; bron: Inventarisatiekader, Leidraad Zorg in Onderwijstijd (Nederlands Jeugdinstituut), hoofdstuk 4 Hulpmiddelen.\nBreed profiel:\n",
		// 250 × 18,61 / 100 = 46,525 and 40 × 3,89 / 100 = 1,556.
		"\nTotaal: 290 (2 van 3 ingevuld).\nIndicatief: 48,1 fte (Breed profiel 46,5 · Smal profiel 1,6; bron: Inventarisatiekader, Leidraad Zorg in Onderwijstijd (Nederlands Jeugdinstituut), hoofdstuk 4 Hulpmiddelen).\n",
	} {
		if !strings.Contains(out, said) {
			t.Errorf("the output never says %q\n%s", said, out)
		}
	}
	s := load(t, cfg, path)
	if got := s.Answers["kinderen.inventarisatiekader"].Counts; got["breed"] != 250 || got["smal"] != 40 || len(got) != 2 {
		t.Errorf("counts in the report: %v", got)
	}
}
