package accessible

import (
	"strings"
	"testing"
)

func TestInAReflectionEachCountPromptSaysLastYearsNumber(t *testing.T) {
	dir := t.TempDir()
	cfg := config(dir)
	// Last year counted 10 at "ondersteuning" and nothing else at 2.1.
	cfg.Baseline = lastYear(t, cfg.Set, dir)
	path, out := run(t, cfg, script(
		"Reflectie 2026", "", "", "", "", "", // title, partnership, facilitator, participants
		"", "", "", // last year's action items: later
		"2.1",
		"12", // ondersteuning
		"3",  // tlv
		"", "", "", "", "",
		"", "", "", "", // text, status, perspective, action item
		"t",
		"2.1",
		"", "", "", "", "", "", "",
		"", "", "", "",
		"t",
		"q",
	))
	for _, said := range []string{
		"waaronder steun voor het gezin, vorig jaar 10:",
		"\nEen toelaatbaarheidsverklaring en bekostigingsniveau, vorig jaar niet ingevuld:",
		"\nTotaal: 15 (2 van 7 ingevuld), vorig jaar 10.\n",
		// Asked again: last year's number and this year's.
		"waaronder steun voor het gezin, vorig jaar 10, nu 12:",
		"\nEen toelaatbaarheidsverklaring en bekostigingsniveau, vorig jaar niet ingevuld, nu 3:",
	} {
		if !strings.Contains(out, said) {
			t.Errorf("the output never says %q\n%s", said, out)
		}
	}
	s := load(t, cfg, path)
	if got := s.Answers["kinderen.aantallen"].Counts; got["ondersteuning"] != 12 || got["tlv"] != 3 || len(got) != 2 {
		t.Errorf("counts in the report: %v", got)
	}
}

func TestOutsideAReflectionTheCountPromptsSayNothingOfLastYear(t *testing.T) {
	dir := t.TempDir()
	_, out := run(t, config(dir), conversation)
	if !strings.Contains(out, "\nTotaal: ") {
		t.Fatalf("the conversation never reached the counts:\n%s", out)
	}
	if strings.Contains(out, ", vorig jaar") || !strings.Contains(out, "waaronder steun voor het gezin:") {
		t.Errorf("a first conversation speaks of last year:\n%s", out)
	}
}
