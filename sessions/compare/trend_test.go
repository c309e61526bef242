package compare

import (
	"strings"
	"testing"

	"gespreksmap/sessions"
)

func threeYears() []*sessions.Session {
	first := sessions.New("zio-test", "1")
	first.Title, first.Date = "Oplossingenlab <2024>", "2024-03-05"
	first.Answer("bestuur.agenda").Status = sessions.StatusNotYet
	first.Answer("kinderen.aantallen").Counts = map[string]int{"tlv": 9}
	return []*sessions.Session{first, lastYear(), thisYear()}
}

func TestThreeYearsShowTheTrendPerSectionAndWhatChangedEachYear(t *testing.T) {
	got := YearsMarkdown(compareSet(), threeYears()...)
	checkGolden(t, "years.md.golden", got)
	for _, block := range []string{
		"# Vergelijking van gespreksverslagen\n\n## Verloop over de jaren\n",
		// 1.1 nog niet, geregeld in 2026; 1.3a-c: deels/geregeld in 2025, geregeld/nog niet/deels in 2026.
		"### 1. Bestuurlijke samenwerking\n\n| Status | 5 maart 2024 | 20 november 2025 | 22 november 2026 |\n| --- | ---: | ---: | ---: |\n| geregeld | 0 | 1 | 2 |\n| deels | 0 | 2 | 2 |\n| nog niet | 1 | 1 | 1 |\n",
		"~~70%~~ **85%**",
		"| Anders: Jeugdzorg Plus | niet ingevuld | nog niet | nieuw |",
		"| Zorgkantoor uitnodigen | SWV De Meierij | 2026-03-01 | 1.2 | doorgeschoven naar 2027-02-01 |",
		"| Met een toelaatbaarheidsverklaring | 9 | 12 | +3 |",
	} {
		if !strings.Contains(got, block) {
			t.Errorf("the comparison over three years lacks\n%s", block)
		}
	}
	if !strings.HasSuffix(got, CompareMarkdown(compareSet(), threeYears()...)[len("# Vergelijking van gespreksverslagen\n"):]) {
		t.Error("the trend is not followed by the comparisons year by year")
	}
	if two := YearsMarkdown(compareSet(), lastYear(), thisYear()); strings.Contains(two, "Verloop") {
		t.Error("two reports get a trend")
	}
}
