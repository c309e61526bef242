// Package sessions is the conversation core: the model of one conversation
// and every decision about changing it, for any front end.
//
// A Conversation wraps a question set and a Session. Front ends (the full
// screen, the accessible line mode, a participants' page) read and change a
// conversation only through its methods: what is recorded at a stop (a
// question, or one of its sub-points or topics), perspectives and action
// items made there, participants and organisations, the glossary terms and
// the one-line summary of an answer, starting a new conversation or a
// yearly reflection, settling last year's action items, and the
// contributions participants send from their own devices (received,
// taken over as perspectives or set aside, and writing rounds). Every change
// bumps the conversation's revision; a Controller saves a revision through a
// Storage, and holds the save, conflict and read-only life cycle.
//
// The package imports no interface library. The report format, storage on
// disk, the yearly comparison, the convenant draft and the HTML export live
// in its subpackages and build on this model.
package sessions
