package content

import "strings"

// CentralQuestion introduces a section's central field when it is a
// question.
const CentralQuestion = "Centrale vraag"

// CentralLabel is the label to show before the section's central field,
// or "" when it stands on its own. The field holds a question in some
// sections ("Hoe kan de financiering … verbeterd worden?"), a statement of
// purpose in others ("Om te kunnen bepalen …, moet … in beeld worden
// gebracht.") and a heading in one ("Cruciaal: contact met ouders"). Only a
// question, one that ends in "?", is called the central question; a
// purpose or a heading reads well without a label, and a label would put a
// statement forward as a question. Everything that shows the field (the
// report, the full screen, accessible mode) labels it through here.
func (s *Section) CentralLabel() string {
	if strings.HasSuffix(strings.TrimSpace(s.Central), "?") {
		return CentralQuestion
	}
	return ""
}

// CentralLine is the central field with its label, as one line of plain
// text ("Centrale vraag: …", or the field alone); "" when there is none.
func (s *Section) CentralLine() string {
	c := strings.TrimSpace(s.Central)
	if c == "" {
		return ""
	}
	if l := s.CentralLabel(); l != "" {
		return l + ": " + c
	}
	return c
}
