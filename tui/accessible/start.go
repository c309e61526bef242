package accessible

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"

	"gespreksmap/sessions"
	"gespreksmap/sessions/store"
)

func (r *runner) run() error {
	r.say("Gespreksmap · " + r.set.Title)
	r.say("Toegankelijke weergave: elke vraag staat op een eigen regel. Antwoord met een nummer of met tekst, en Enter.")
	switch {
	case r.cfg.ReadOnly:
		return r.readOnly()
	case r.cfg.Open != "":
		return r.openReport(r.cfg.Open)
	case r.cfg.Baseline != "":
		r.set = store.SetOf(r.cfg.Baseline, r.pick())
		prior, err := store.Load(r.cfg.Baseline, r.set)
		if err != nil {
			return err
		}
		return r.newConversation(prior, r.cfg.Baseline)
	}
	if r.choosing() {
		r.sayf("Er zijn %d vragensets; bij een nieuw gesprek of een reflectie kies je er een.", len(r.cfg.Sets))
	}
	for {
		r.say("")
		r.say("1 nieuw gesprek")
		r.say("2 verder met een verslag")
		r.say("3 jaarlijkse reflectie: nieuw gesprek naast het verslag van vorig jaar")
		r.say("q stoppen")
		i, x, err := r.number("Kies 1, 2, 3 of q:", 3, "q")
		if err != nil {
			return err
		}
		switch {
		case x == "q":
			return nil
		case i == 0:
			if ok, err := r.chooseSet("Nieuw gesprek"); err != nil || !ok {
				if err != nil {
					return err
				}
				continue
			}
			return r.newConversation(nil, "")
		case i == 1:
			path, err := r.pickReport(pickContinue)
			if err != nil {
				return err
			}
			if path != "" {
				return r.openReport(path)
			}
		case i == 2:
			if ok, err := r.chooseSet("Jaarlijkse reflectie"); err != nil || !ok {
				if err != nil {
					return err
				}
				continue
			}
			path, err := r.pickReport(pickBaseline)
			if err != nil {
				return err
			}
			if path == "" {
				continue
			}
			prior, err := store.Load(path, r.set)
			if err != nil {
				r.sayf("%v", err)
				continue
			}
			return r.newConversation(prior, path)
		}
	}
}

// What a report is picked from the folder for.
type pickPurpose int

const (
	pickContinue pickPurpose = iota
	pickBaseline
	pickRead
)

// pickReport lists the reports in the sessions folder; "" means back.
func (r *runner) pickReport(purpose pickPurpose) (string, error) {
	entries, err := store.ListNamed(r.cfg.Dir, r.pick())
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		r.sayf("De map %s kan niet gelezen worden: %v", r.cfg.Dir, err)
		return "", nil
	}
	if purpose == pickBaseline && r.choosing() {
		// Last year's reports of the set chosen; one that cannot be read
		// is listed to say why.
		kept := entries[:0:0]
		for _, e := range entries {
			if e.Err != nil || r.pick()(e.SetID) == r.set {
				kept = append(kept, e)
			}
		}
		entries = kept
	}
	if len(entries) == 0 {
		if purpose == pickBaseline {
			r.sayf("Er is nog geen verslag met de vragenset %s om op terug te kijken in %s.", r.set.Title, r.cfg.Dir)
		} else {
			r.sayf("Nog geen verslagen in %s.", r.cfg.Dir)
		}
		return "", nil
	}
	prompt := "Kies een verslag (Enter = terug):"
	switch purpose {
	case pickBaseline:
		r.sayf("Jaarlijkse reflectie: kies het verslag van vorig jaar, uit %s:", r.cfg.Dir)
		prompt = "Kies het verslag van vorig jaar (Enter = terug):"
	case pickRead:
		r.sayf("Alleen lezen: kies een verslag uit %s:", r.cfg.Dir)
		prompt = "Kies een verslag om te lezen (Enter = stoppen):"
	default:
		r.sayf("Verslagen in %s:", r.cfg.Dir)
	}
	for i, e := range entries {
		if e.Err != nil {
			r.sayf("%d %s: niet te lezen: %s", i+1, filepath.Base(e.Path), store.Why(e))
			continue
		}
		text := e.Date + " " + e.Title
		if e.Region != "" {
			text += ", " + e.Region
		}
		if set := r.pick()(e.SetID); r.choosing() && set != r.cfg.Sets[0] {
			text += " (" + set.Title + ")"
		}
		r.sayf("%d %s (%d van %d ingevuld)", i+1, text, e.Tally.Answered, e.Tally.Units)
	}
	for {
		i, _, err := r.number(prompt, len(entries))
		if err != nil || i < 0 {
			return "", err
		}
		if e := entries[i]; e.Err != nil {
			r.sayf("Dit verslag kan niet gelezen worden: %v", e.Err)
			continue
		}
		return entries[i].Path, nil
	}
}

// openReport continues a conversation from its report, at the stop where
// it was left. A report that is open elsewhere can be looked at only.
func (r *runner) openReport(path string) error {
	r.set = store.SetOf(path, r.pick())
	f, s, err := store.Open(path, r.set)
	if err != nil {
		var le *store.LockedError
		if !errors.As(err, &le) {
			return err
		}
		r.sayf("%v", err)
		r.say("1 alleen lezen")
		r.say("q stoppen")
		i, _, err := r.number("Kies 1 of q:", 1, "q")
		if err != nil || i != 0 {
			return err
		}
		return r.viewReadOnly(path)
	}
	conv := sessions.NewConversation(r.set, s)
	r.hold(conv, sessions.NewController(conv, f, r.cfg.Now))
	r.say("")
	r.sayf("Verder met %s (%s).", orDash(s.Title), s.Date)
	r.say("Verslag: " + f.Path())
	if s.Prior != nil {
		r.sayf("Vergeleken met %s (%s).", orDash(s.Prior.Title), s.Prior.Date)
	}
	if conv.NeedsSettling() {
		if err := r.settlePrior(true); err != nil {
			return err
		}
	}
	if i := conv.Resume(); i >= 0 {
		r.sayf("Laatst bij vraag %s; daar gaan we verder.", conv.Stop(i).Number())
		if err := r.walk(i); err != nil {
			return err
		}
	}
	return r.menu()
}

// choosing reports whether a new conversation chooses its set.
func (r *runner) choosing() bool { return len(r.cfg.Sets) > 1 }

// pick reads a report with the set it names among the sets offered.
func (r *runner) pick() store.Picker {
	if len(r.cfg.Sets) == 0 {
		return store.Pick(r.cfg.Set)
	}
	return store.Pick(r.cfg.Sets[0], r.cfg.Sets...)
}

// chooseSet asks which question set to begin with, when there is a
// choice; false means back.
func (r *runner) chooseSet(purpose string) (bool, error) {
	if !r.choosing() {
		return true, nil
	}
	r.say("")
	r.say(purpose + ": kies de vragenset.")
	for i, set := range r.cfg.Sets {
		r.sayf("%d %s (versie %s): %s", i+1, set.Title, set.Version, firstSentence(set.Intro))
	}
	i, _, err := r.number("Kies een vragenset (Enter = terug):", len(r.cfg.Sets))
	if err != nil || i < 0 {
		return false, err
	}
	r.set = r.cfg.Sets[i]
	r.sayf("Vragenset: %s.", r.set.Title)
	return true, nil
}

// firstSentence is the text up to and including its first full stop.
func firstSentence(text string) string {
	if i := strings.Index(text, ". "); i >= 0 {
		return text[:i+1]
	}
	return text
}

func tallyText(t sessions.Tally) string {
	var parts []string
	for _, st := range sessions.Statuses {
		parts = append(parts, fmt.Sprintf("%s %d", st.Label(), t.Counts[st]))
	}
	return strings.Join(parts, ", ")
}

func orDash(s string) string {
	if s == "" {
		return "(zonder titel)"
	}
	return s
}

// newConversation asks what a new conversation needs, in the core's order:
// the start (NewStart: today, and for a yearly reflection on prior, read
// from priorPath, last year's partnership, facilitator and participants),
// checked (Validate), then the report is made and the conversation begun
// (Begin). The report exists from the moment title and date are known;
// facilitator and participants follow, each saved as it is typed. In a
// reflection last year's open action items are settled before the
// sections.
func (r *runner) newConversation(prior *sessions.Session, priorPath string) error {
	start := sessions.NewStart(prior, priorPath, r.cfg.Now())
	today := start.Date
	r.say("")
	if prior == nil {
		r.say("Nieuw gesprek")
	} else {
		r.sayf("Jaarlijkse reflectie: nieuw gesprek naast %s %s", prior.Date, orDash(prior.Title))
		r.say("De gegevens en deelnemers van vorig jaar staan klaar. Enter houdt wat er staat, - maakt het leeg.")
	}
	for {
		prompt := "Titel (bijvoorbeeld Oplossingenlab ZiO najaar 2026):"
		if start.Title != "" {
			prompt = "Titel (Enter = " + start.Title + "):"
		}
		v, err := r.ask(prompt)
		if err != nil {
			return err
		}
		if v != "" {
			start.Title = v
		}
		if errors.Is(start.Validate(), sessions.ErrTitle) {
			r.sayErr(sessions.ErrTitle)
			continue
		}
		break
	}
	r.typed = true
	v, err := r.keep("Samenwerkingsverband of regio", start.Region)
	if err != nil {
		return err
	}
	start.Region = v
	for {
		v, err := r.ask("Datum, als jaar-maand-dag (Enter = " + today + "):")
		if err != nil {
			return err
		}
		if v == "" {
			v = today
		}
		start.Date = v
		if err := start.Validate(); err != nil {
			r.sayErr(err)
			continue
		}
		break
	}
	path, err := store.Create(r.cfg.Dir, start.Date, strings.TrimSpace(start.Title))
	if err != nil {
		return fmt.Errorf("het verslag kan niet worden aangemaakt: %w", err)
	}
	f, err := store.Adopt(path, r.set)
	if err != nil {
		return fmt.Errorf("het verslag kan niet worden geopend: %w", err)
	}
	conv, err := sessions.Begin(r.set, start, path)
	if err != nil {
		f.Close()
		return err
	}
	r.hold(conv, sessions.NewController(conv, f, r.cfg.Now))
	r.changed()
	r.say("Verslag: " + f.Path())
	if v, err = r.keep("Gespreksleider", conv.Facilitator); err != nil {
		return err
	}
	d := conv.Details()
	d.Facilitator = v
	conv.SetDetails(d)
	r.changed()
	if err := r.keepParticipants(); err != nil {
		return err
	}
	if err := r.addParticipants(); err != nil {
		return err
	}
	if conv.Reflecting() {
		if err := r.settlePrior(true); err != nil {
			return err
		}
	}
	return r.menu()
}

// keep asks for a value that may already be there: Enter keeps it, "-"
// empties it. Without a value it is a plain question. A label that is a
// question gets no colon.
func (r *runner) keep(label, cur string) (string, error) {
	colon := ":"
	if strings.HasSuffix(label, "?") {
		colon = ""
	}
	if cur == "" {
		return r.ask(label + colon)
	}
	v, err := r.ask(label + " (Enter = " + cur + ", - = leeg)" + colon)
	switch {
	case err != nil:
		return "", err
	case v == "":
		return cur, nil
	case v == "-":
		return "", nil
	}
	return v, nil
}
