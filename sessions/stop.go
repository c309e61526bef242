package sessions

import "strings"

// A place in a conversation, such as Session.Current, is written as the
// question's id, or for one of its sub-points or topics as the question's id,
// "#" and the part's id: "kinderen.onderwerpen#beoordeling". Ids of a set
// never hold "#".

// StopRef names a stop: the question's id, with "#part" for a part.
func StopRef(questionID, partID string) string {
	if partID == "" {
		return questionID
	}
	return questionID + "#" + partID
}

// SplitStopRef is the reverse of StopRef.
func SplitStopRef(ref string) (questionID, partID string) {
	q, p, _ := strings.Cut(ref, "#")
	return q, p
}
