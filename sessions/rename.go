package sessions

// RenameOrganisation gives the name to the perspectives recorded for the
// organisation from, and to the action items whose "who" is exactly from.
// Perspectives are kept by organisation name, so an organisation renamed
// among the participants would otherwise leave its perspectives under a name
// nobody at the table has. Who fields that merely mention the organisation
// are free text and stay as they are. It reports how many perspectives and
// action items it renamed.
func (s *Session) RenameOrganisation(from, to string) (perspectives, actions int) {
	if from == "" || to == "" || from == to {
		return 0, 0
	}
	for _, a := range s.Answers {
		for i := range a.Perspectives {
			if a.Perspectives[i].Organisation == from {
				a.Perspectives[i].Organisation = to
				perspectives++
			}
		}
	}
	for i := range s.Actions {
		if s.Actions[i].Who == from {
			s.Actions[i].Who = to
			actions++
		}
	}
	return perspectives, actions
}
