package accessible

import "strconv"

// listOp reads what was typed at a numbered list: a number (verb ""), or w
// (change) or x (remove) followed by a number, as "w2". i is the item's
// index (not checked against the list); shaped is false for anything else.
func listOp(v string) (verb string, i int, shaped bool) {
	k, ok := 0, false
	for _, l := range []string{"w", "x"} {
		if k, ok = numbered(v, l); ok {
			verb = l
			break
		}
	}
	if !ok {
		var err error
		k, err = strconv.Atoi(v)
		ok = err == nil
	}
	if !ok {
		return "", -1, false
	}
	return verb, k - 1, true
}

// listHint says what a numbered list of n items takes, after an answer it
// did not: empty is said for an empty list. shaped tells that the answer
// was a number, or w or x with one.
func (r *runner) listHint(n int, shaped bool, empty string) {
	switch {
	case n == 0:
		r.say(empty)
	case shaped:
		r.sayf("Kies een nummer van 1 tot en met %d.", n)
	default:
		r.say("Typ een nummer, w of x met een nummer, n, of Enter.")
	}
}

// removeItem removes item i of a numbered list once it is confirmed: word
// names the kind of item ("Actiepunt"), what the item itself.
func (r *runner) removeItem(word string, i int, what string, remove func(int) bool) error {
	ok, err := r.confirm(word + " " + strconv.Itoa(i+1) + " verwijderen: " + what + "?")
	if err != nil || !ok {
		if err == nil {
			r.say("Niets verwijderd.")
		}
		return err
	}
	if remove(i) {
		r.changed()
		r.sayf("%s %d is verwijderd.", word, i+1)
	}
	return nil
}
