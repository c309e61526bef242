package accessible

import (
	"strconv"
	"strings"

	"gespreksmap/sessions"
	"gespreksmap/tui/pagelink"
)

// The participants' page in line mode. With --participants the page starts
// as soon as the conversation is held; w at the sections (or at any
// question's prompt) lists the contributions participants sent, to take
// over as their organisation's perspective, to change first, to set aside
// or to let wait again, and starts the page when it is not on. Line mode
// has no event loop: what arrives is taken in at each prompt, before the
// prompt is printed (and so after the person answered the one before),
// and said once in a line. Everything is on disk before the next prompt,
// and what the page holds when the conversation ends is taken in first.

// startPage starts the participants' page for the conversation held.
func (r *runner) startPage() {
	if r.page != nil || r.conv == nil || r.conv.ReadOnly() {
		return
	}
	link, err := pagelink.Start(r.cfg.Participants, r.cfg.ParticipantsAddr, r.conv, r.cfg.Now)
	if err != nil {
		r.sayf("De pagina voor deelnemers kon niet starten: %v.", err)
		return
	}
	r.page = link
	r.page.Feed(r.conv, r.pageStop)
	r.say("De pagina voor deelnemers staat aan. Deelnemers openen " + link.Room.URL() + " op hun telefoon of laptop, of gaan naar " + home(link.Room.URL()) + " en typen de code " + link.Room.JoinCode() + ".")
	r.say("Wat ze insturen, komt binnen bij elke vraag van dit programma; w toont het.")
}

// home is the address where the join code is typed.
func home(url string) string {
	if i := strings.Index(url, "/j/"); i >= 0 {
		return url[:i+1]
	}
	return url
}

// stopPage stops the page and takes in what it held; safe without one.
func (r *runner) stopPage() {
	if r.page == nil {
		return
	}
	p := r.page
	r.page = nil
	if len(p.Stop(r.conv)) > 0 {
		r.changed()
	}
}

// pollPage tells the page where the conversation is and takes in what
// arrived, saying so in one line; it runs before every prompt.
func (r *runner) pollPage() {
	if r.page == nil || r.conv == nil {
		return
	}
	r.page.Feed(r.conv, r.pageStop)
	rev := r.conv.Revision()
	from := r.page.Drain(r.conv)
	if r.conv.Revision() != rev {
		r.changed()
	}
	if len(from) == 0 {
		return
	}
	r.sayf("%s. %s; typ w om ze te bekijken.", pagelink.ArrivedFrom(from), waitingSentence(r.conv.WaitingCount()))
}

// waitingSentence says how many contributions wait.
func waitingSentence(n int) string {
	if n == 1 {
		return "Er wacht 1 bijdrage"
	}
	return "Er wachten " + strconv.Itoa(n) + " bijdragen"
}

// waitingHere names the contributions waiting at a stop, when it is shown.
func (r *runner) waitingHere(st *stop) {
	if n := len(r.conv.WaitingAt(*st)); n > 0 {
		r.sayf("%s van deelnemers bij deze vraag; typ w om ze te bekijken.", waitingSentence(n))
	}
}

const contributionsPrompt = "Typ een nummer om een bijdrage over te nemen als perspectief, w en een nummer om haar eerst te wijzigen (zoals w1), t en een nummer om haar terzijde te leggen, r en een nummer om haar weer te laten wachten. Enter = terug:"

// contributions lists the contributions: those waiting at the question
// being answered first, then those at other questions, then those set
// aside; a number takes one over, w changes it first, t sets it aside, r
// lets it wait again. Without the page, s starts it.
func (r *runner) contributions() error {
	cur := r.cur
	r.cur = nil // what is typed here is no question command
	defer func() { r.cur = cur }()
	for {
		r.pollPage()
		c := r.conv
		here := ""
		if cur != nil {
			here = sessions.Ref(*cur)
		}
		ks := pagelink.Ordered(c, here)
		r.say("")
		if r.page != nil {
			r.sayf("De pagina voor deelnemers staat aan: %s (code %s).", r.page.Room.URL(), r.page.Room.JoinCode())
		}
		if len(ks) == 0 {
			r.say("Er zijn geen bijdragen van deelnemers.")
		} else {
			r.sayf("Bijdragen van deelnemers (%s):", pagelink.WaitingWords(c.WaitingCount()))
			for i, k := range ks {
				r.sayf("%d %s", i+1, r.contributionHead(k))
				for _, l := range strings.Split(k.Text, "\n") {
					r.say("  " + l)
				}
			}
		}
		prompt := contributionsPrompt
		switch {
		case len(ks) == 0 && r.page == nil:
			prompt = "s pagina voor deelnemers starten, Enter = terug:"
		case len(ks) == 0:
			prompt = "Enter = terug:"
		case r.page == nil:
			prompt = "s pagina voor deelnemers starten. " + prompt
		}
		v, err := r.ask(prompt)
		if err != nil || v == "" {
			return err
		}
		if strings.EqualFold(v, "s") && r.page == nil {
			r.startPage()
			continue
		}
		verb, i, ok := contributionOp(v)
		if !ok || i < 0 || i >= len(ks) {
			if len(ks) > 0 {
				r.sayf("Kies een nummer van 1 tot en met %d, of w, t of r met een nummer.", len(ks))
			}
			continue
		}
		if err := r.handleContribution(verb, ks[i]); err != nil {
			return err
		}
	}
}

// contributionOp reads a number, or w, t or r followed by one.
func contributionOp(v string) (verb string, i int, ok bool) {
	for _, l := range []string{"w", "t", "r"} {
		if n, ok := numbered(v, l); ok {
			return l, n - 1, true
		}
	}
	n, err := strconv.Atoi(strings.TrimSpace(v))
	return "", n - 1, err == nil
}

// contributionHead says who sent a contribution, where, when and its state.
func (r *runner) contributionHead(k sessions.Contribution) string {
	s := k.Organisation + ", bij vraag " + r.stopNumber(k)
	if !k.At.IsZero() {
		s += ", " + k.At.Format("15:04")
	}
	if k.State == sessions.ContributionSetAside {
		return s + ", terzijde gelegd:"
	}
	return s + ", wacht:"
}

// stopNumber is the number of the stop a contribution was written at.
func (r *runner) stopNumber(k sessions.Contribution) string {
	if i := r.conv.StopIndex(k.QuestionID, k.Part); i >= 0 {
		return r.conv.Stop(i).Number()
	}
	return k.QuestionID
}

// handleContribution does what was asked with one contribution.
func (r *runner) handleContribution(verb string, k sessions.Contribution) error {
	c := r.conv
	var o pagelink.Outcome
	switch verb {
	case "":
		var got sessions.Contribution
		got, o = r.page.Accept(c, k.ID, "")
		if o == pagelink.Done {
			r.changed()
			r.sayf("Overgenomen als perspectief van %s bij vraag %s.", got.Organisation, r.stopNumber(got))
			return nil
		}
	case "w":
		return r.editContribution(k)
	case "t":
		if o = r.page.SetAside(c, k.ID); o == pagelink.Done {
			r.changed()
			r.say("Terzijde gelegd; de bijdrage blijft in het verslag.")
			return nil
		}
	case "r":
		if o = r.page.Restore(c, k.ID); o == pagelink.Done {
			r.changed()
			r.say("De bijdrage wacht weer.")
			return nil
		}
	}
	refused := notHere
	switch verb {
	case "t":
		refused = "Deze bijdrage is al terzijde gelegd."
	case "r":
		refused = "Deze bijdrage wacht al."
	}
	r.sayOutcome(o, refused)
	return nil
}

// editContribution shows a contribution's latest text and reads the text
// to take over: Enter keeps it, new lines replace it, "-" takes nothing
// over and lets it wait.
func (r *runner) editContribution(k sessions.Contribution) error {
	c := r.conv
	got, o := r.page.Edit(c, k.ID)
	if o != pagelink.Done {
		r.sayOutcome(o, notHere)
		return nil
	}
	text, set := got.Text, false
	err := r.text("Perspectief van "+got.Organisation+" bij vraag "+r.stopNumber(got)+", zoals het wordt overgenomen. - = niet overnemen.", got.Text, func(v string) {
		text, set = v, true
	})
	if err != nil {
		// The input ended or the program is stopped: what was typed is
		// taken over, nothing is lost.
		if set && strings.TrimSpace(text) != "" {
			r.page.Accept(c, got.ID, text)
			r.changed()
		} else {
			r.page.Release(got.ID)
		}
		return err
	}
	if set && strings.TrimSpace(text) == "" {
		r.page.Release(got.ID)
		r.say("Niet overgenomen; de bijdrage wacht nog.")
		return nil
	}
	if _, o := r.page.Accept(c, got.ID, text); o != pagelink.Done {
		r.sayOutcome(o, notHere)
		return nil
	}
	r.changed()
	r.sayf("Overgenomen als perspectief van %s bij vraag %s.", got.Organisation, r.stopNumber(got))
	return nil
}

// sayOutcome says why a decision on a contribution was not done; refused
// is what to say when the core refused it.
func (r *runner) sayOutcome(o pagelink.Outcome, refused string) {
	switch o {
	case pagelink.ReadOnly:
		r.say("Alleen lezen: hier wordt niets gewijzigd.")
	case pagelink.Gone:
		r.say("Deze bijdrage is er niet meer: de deelnemer heeft haar ingetrokken.")
	case pagelink.Refused:
		r.say(refused)
	}
}

// notHere is what is said when a contribution cannot be taken over.
const notHere = "Deze bijdrage hoort bij een vraag die niet in deze vragenset staat. Leg haar terzijde (t en het nummer); dan blijft ze in het verslag."

// contributionsEntry is the sections' line for the contributions.
func (r *runner) contributionsEntry() string {
	n := r.conv.WaitingCount()
	s := "w bijdragen van deelnemers (" + strconv.Itoa(n) + " wachten"
	if n == 1 {
		s = "w bijdragen van deelnemers (1 wacht"
	}
	if r.page != nil {
		return s + "; de pagina voor deelnemers staat aan)"
	}
	return s + ")"
}
