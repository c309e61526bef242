package sessions

import (
	"strings"

	"gespreksmap/content"
)

// Action items: next steps, each made at a stop (or general, at none). An
// action item is shown at the stop where it was made, and all of them in
// the list of the whole conversation. They are addressed by their index in
// Session.Actions.

// ActionsAt lists the indexes (into Session.Actions) of the action items
// made at the stop. The zero Stop gives the general items, made at no
// question.
func (c *Conversation) ActionsAt(st content.Stop) []int {
	var out []int
	qid := questionOf(st)
	for i, ai := range c.Actions {
		if ai.QuestionID == qid && belongsAt(st, ai.Part) {
			out = append(out, i)
		}
	}
	return out
}

// AddAction adds an action item made at the stop (the zero Stop: a
// general one); the stop is recorded in it, whatever item says. An item
// without "what" is not added. It returns the new index, or -1.
func (c *Conversation) AddAction(st content.Stop, item ActionItem) int {
	item.What = strings.TrimSpace(item.What)
	if c.readOnly || item.What == "" {
		return -1
	}
	item.QuestionID, item.Part, item.Carried = questionOf(st), partOf(st), false
	c.Actions = append(c.Actions, item)
	c.changed()
	return len(c.Actions) - 1
}

// UpdateAction changes what, who, when and done of action item i; where it
// was made and whether it was carried over from last year stay. An empty
// "what" is refused (removing is RemoveAction).
func (c *Conversation) UpdateAction(i int, item ActionItem) bool {
	if c.readOnly || i < 0 || i >= len(c.Actions) || strings.TrimSpace(item.What) == "" {
		return false
	}
	old := c.Actions[i]
	item.QuestionID, item.Part, item.Carried = old.QuestionID, old.Part, old.Carried
	if item == old {
		return false
	}
	c.Actions[i] = item
	c.changed()
	return true
}

// RemoveAction deletes action item i.
func (c *Conversation) RemoveAction(i int) bool {
	if c.readOnly || i < 0 || i >= len(c.Actions) {
		return false
	}
	c.Actions = append(c.Actions[:i], c.Actions[i+1:]...)
	c.changed()
	return true
}

// ToggleAction marks action item i done, or open again.
func (c *Conversation) ToggleAction(i int) bool {
	if c.readOnly || i < 0 || i >= len(c.Actions) {
		return false
	}
	c.Actions[i].Done = !c.Actions[i].Done
	c.changed()
	return true
}

// OpenActions counts this year's action items not yet done.
func (c *Conversation) OpenActions() int {
	n := 0
	for _, ai := range c.Actions {
		if !ai.Done {
			n++
		}
	}
	return n
}

// ActionPlace is where an action item was made, as people read it: "bij
// 3.1b", "bij 1.2", "algemeen", or "uit de slotronde". An item of a question the set does not
// know names the question's id.
func (c *Conversation) ActionPlace(ai ActionItem) string {
	switch ai.QuestionID {
	case "":
		return "algemeen"
	case ClosingRef:
		return "uit de slotronde"
	}
	if i := c.StopIndex(ai.QuestionID, ai.Part); i >= 0 && ai.Part != "" {
		return "bij " + c.stops[i].Number()
	}
	if n := QuestionNumber(c.Set, ai.QuestionID); n != "" {
		return "bij " + n
	}
	return "bij " + ai.QuestionID
}
