package sessions

// RenameOrganisation gives the name to the perspectives recorded for the
// organisation from, to the action items whose "who" is exactly from, and
// to its answers in the closing round (unless the new name has answers of
// its own there), and to the contributions it sent that wait or were set
// aside, so that taking them over later gives the new name.
// Perspectives are kept by organisation name, so an organisation renamed
// among the participants would otherwise leave its perspectives under a name
// nobody at the table has. Where the new name already has a perspective at
// the same stop, the renamed one is added to it as a new paragraph, so that
// an organisation keeps one perspective per stop and no words are lost. Who
// fields that merely mention the organisation are free text and stay as
// they are. It reports how many perspectives and action items it renamed.
func (s *Session) RenameOrganisation(from, to string) (perspectives, actions int) {
	if from == "" || to == "" || from == to {
		return 0, 0
	}
	for _, a := range s.Answers {
		kept := a.Perspectives[:0]
		for _, p := range a.Perspectives {
			switch p.Organisation {
			case from:
				perspectives++
				p.Organisation = to
			case to:
			default:
				kept = append(kept, p)
				continue
			}
			if j := perspectiveOf(kept, to, p.Part); j >= 0 {
				kept[j].Text = AppendText(kept[j].Text, p.Text)
				continue
			}
			kept = append(kept, p)
		}
		a.Perspectives = kept
	}
	for i := range s.Actions {
		if s.Actions[i].Who == from {
			s.Actions[i].Who = to
			actions++
		}
	}
	for i := range s.Contributions {
		if s.Contributions[i].Organisation == from {
			s.Contributions[i].Organisation = to
		}
	}
	if i := s.closingOf(from); i >= 0 && s.closingOf(to) < 0 {
		s.Closing[i].Organisation = to
	}
	return perspectives, actions
}

// perspectiveOf is the index of the organisation's perspective at part, or
// -1.
func perspectiveOf(ps []Perspective, org, part string) int {
	for i, p := range ps {
		if p.Organisation == org && p.Part == part {
			return i
		}
	}
	return -1
}
