// Package accessible holds a conversation as plain numbered prompts, one per
// line: no alternate screen, no cursor movement, no colour, no escape
// sequences. It serves screen readers, and input or output that is not a
// terminal (a pipe, a file). Every answer is written to the report at once,
// so the report is the whole record at any moment, as in the full-screen
// interface.
package accessible

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/sessions/store"
)

// Config says what to run the conversation with.
type Config struct {
	Set  *content.Set
	Dir  string // sessions folder
	Open string // report to continue ("" = ask: new conversation or pick one from the folder)
	// Baseline is last year's report: a yearly reflection on it starts at
	// once, as a new conversation beside it.
	Baseline string
	// ReadOnly prints a report (Open, else Baseline, else one picked from the
	// folder) and stops, without writing anything.
	ReadOnly bool
	Now      func() time.Time
}

// Commands that end the current question early. They travel up as errors so
// that every prompt can be left with one letter.
var (
	errSkip = errors.New("naar de volgende vraag")
	errMenu = errors.New("terug naar de onderdelen")
)

// Run holds the whole conversation as plain numbered prompts on in/out. It
// returns the path of the report. When the input ends, what was typed is
// saved and Run returns without error.
func Run(cfg Config, in io.Reader, out io.Writer) (string, error) {
	if cfg.Set == nil {
		return "", errors.New("er is geen vragenset")
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	r := &runner{
		cfg:   cfg,
		set:   cfg.Set,
		in:    bufio.NewReader(in),
		out:   out,
		stops: buildStops(cfg.Set),
	}
	err := r.run()
	if errors.Is(err, io.EOF) {
		err = nil
		if r.file == nil && r.typed {
			err = errors.New("de invoer stopte voordat het verslag bestond; er is niets opgeslagen")
		}
	}
	path := ""
	if r.file != nil {
		path = r.file.Path()
		if r.dirty {
			if serr := r.saveNow(); serr != nil && err == nil {
				err = fmt.Errorf("het verslag kon niet worden opgeslagen: %w", serr)
			}
		}
		if cerr := r.file.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}
	return path, err
}

type runner struct {
	cfg   Config
	set   *content.Set
	in    *bufio.Reader
	out   io.Writer
	eof   bool
	typed bool // anything was typed for a new conversation before its report existed

	sess  *sessions.Session
	file  *store.File
	dirty bool // a change is not yet on disk

	stops  []stop
	cur    *stop  // the stop being answered: enables s, t and b
	shownQ string // question whose text was printed last
	told   bool   // the multi-line instruction was given in full once
	hinted bool   // the question commands were explained once
}

// say writes one or more lines. Everything passes CleanText, so that text
// read from a report someone edited can never put an escape sequence on the
// screen.
func (r *runner) say(s string) { fmt.Fprintln(r.out, sessions.CleanText(s)) }

func (r *runner) sayf(format string, args ...any) { r.say(fmt.Sprintf(format, args...)) }

// readLine reads one line without its line ending. A last line without a
// newline still counts; after it comes io.EOF.
func (r *runner) readLine() (string, error) {
	if r.eof {
		return "", io.EOF
	}
	line, err := r.in.ReadString('\n')
	if err != nil {
		r.eof = true
		if line == "" {
			return "", io.EOF
		}
	}
	line = strings.TrimSuffix(line, "\n")
	line = strings.TrimSuffix(line, "\r")
	return line, nil
}

// ask prints a prompt and reads one answer, cleaned to a single line. While
// a question is being answered, it also handles the commands that work at
// every prompt: s, t, b and ?.
func (r *runner) ask(prompt string) (string, error) {
	for {
		r.say(prompt)
		line, err := r.readLine()
		if err != nil {
			return "", err
		}
		v := strings.TrimSpace(sessions.CleanLine(line))
		if r.cur == nil {
			return v, nil
		}
		handled, err := r.command(v)
		if err != nil {
			return "", err
		}
		if !handled {
			return v, nil
		}
	}
}

// command handles a question command; it reports whether v was one.
func (r *runner) command(v string) (bool, error) {
	switch strings.ToLower(v) {
	case "s":
		return true, errSkip
	case "t":
		return true, errMenu
	case "b":
		r.explainTerms()
		return true, nil
	case "?":
		r.say(commandHelp)
		return true, nil
	}
	return false, nil
}

const commandHelp = "Bij elke vraag: Enter houdt wat er staat, - wist het, s gaat naar de volgende vraag, t terug naar de onderdelen, b legt de begrippen uit, ? toont deze uitleg."

const textHelp = "Typ je antwoord; sluit af met een lege regel. Een regel met alleen een punt wordt een lege regel."

// number reads a choice from a numbered list of n items. It returns -1 for
// Enter, and keeps asking until the answer is a number in range or one of
// the extra answers (returned as is, lower case).
func (r *runner) number(prompt string, n int, extra ...string) (int, string, error) {
	for {
		v, err := r.ask(prompt)
		if err != nil {
			return 0, "", err
		}
		if v == "" {
			return -1, "", nil
		}
		for _, x := range extra {
			if strings.EqualFold(v, x) {
				return 0, strings.ToLower(x), nil
			}
		}
		if i, err := strconv.Atoi(v); err == nil && i >= 1 && i <= n {
			return i - 1, "", nil
		}
		if n == 1 {
			r.say("Typ 1, of Enter.")
		} else {
			r.sayf("Kies een nummer van 1 tot en met %d.", n)
		}
	}
}

// text reads a multi-line answer: lines until an empty line; a line with
// only a dot is an empty line inside the text. Enter on the first line keeps
// cur, "-" clears it. set stores the result; on end of input what was typed
// so far is stored before io.EOF is returned.
func (r *runner) text(label, cur string, set func(string)) error {
	return r.textTaking(label, cur, set, nil)
}

// textTaking is text where, when take is set, "v" on the first line brings
// in last year's answer (take returns its text): it is added after what is
// there, and the lines typed next are added after it.
func (r *runner) textTaking(label, cur string, set func(string), take func() (string, bool)) error {
	r.say(label)
	if cur != "" {
		r.say("Nu:")
		for _, l := range strings.Split(cur, "\n") {
			r.say("  " + l)
		}
	}
	help := "Sluit af met een lege regel."
	if !r.told {
		help = textHelp
		r.told = true
	}
	if cur != "" {
		help += " Enter houdt wat er staat, - wist het."
	}
	if take != nil {
		help += " v = antwoord van vorig jaar overnemen."
	}
	r.say(help)
	var lines []string
	// base is the text the typed lines are added to, once last year's answer
	// was taken over; until then typed lines replace cur.
	base, took := cur, false
	result := func() string {
		if !took {
			return joinText(lines)
		}
		if add := joinText(lines); add != "" {
			return base + "\n" + add
		}
		return base
	}
	for {
		line, err := r.readLine()
		if err != nil {
			if len(lines) > 0 {
				r.store(set, result())
			}
			return err
		}
		line = sessions.CleanText(line)
		v := strings.TrimSpace(line)
		if len(lines) == 0 {
			if v == "" {
				return nil
			}
			if v == "-" {
				r.store(set, "")
				return nil
			}
			if take != nil && strings.EqualFold(v, "v") {
				add, ok := take()
				if !ok {
					r.say("Vorig jaar is hier niets ingevuld.")
					continue
				}
				base, took = sessions.AppendText(base, add), true
				r.store(set, base)
				r.say("Antwoord van vorig jaar overgenomen.")
				if base != "" {
					r.say("Nu:")
					for _, l := range strings.Split(base, "\n") {
						r.say("  " + l)
					}
				}
				r.say("Typ verder om regels toe te voegen; sluit af met een lege regel.")
				continue
			}
			handled, err := r.command(v)
			if err != nil {
				return err
			}
			if handled {
				r.say(help)
				continue
			}
		}
		if v == "" {
			break
		}
		if v == "." {
			line = ""
		}
		lines = append(lines, line)
	}
	r.store(set, result())
	return nil
}

// joinText joins answer lines; empty lines at the end carry nothing.
func joinText(lines []string) string {
	return strings.TrimRight(strings.Join(lines, "\n"), "\n")
}

// store applies an answer and saves the report at once.
func (r *runner) store(set func(string), v string) {
	set(v)
	r.changed()
}

// changed saves the report: the report is the only store, so every answer
// goes to disk before the next question.
func (r *runner) changed() {
	r.dirty = true
	if r.file == nil {
		return
	}
	if err := r.saveNow(); err != nil {
		r.sayf("Opslaan is mislukt: %v. Bij het volgende antwoord wordt het opnieuw geprobeerd.", err)
	}
}

// saveNow writes the report. When someone changed it beside the program (in
// a text editor), neither their edit nor the answers typed here may be lost,
// and there is no screen to ask on: the conversation goes on in a copy.
func (r *runner) saveNow() error {
	r.sess.Updated = r.cfg.Now()
	err := r.file.Save(r.sess)
	if errors.Is(err, sessions.ErrChangedOnDisk) {
		old := r.file.Path()
		path, cerr := r.file.SaveCopy(r.sess)
		if cerr != nil {
			return cerr
		}
		r.sayf("Het verslag %s is buiten dit programma gewijzigd. Die wijziging blijft staan; dit gesprek gaat verder in %s.", old, path)
		err = nil
	}
	if err != nil {
		return err
	}
	r.dirty = false
	return nil
}

func (r *runner) run() error {
	r.say("Gespreksmap · " + r.set.Title)
	r.say("Toegankelijke weergave: elke vraag staat op een eigen regel. Antwoord met een nummer of met tekst, en Enter.")
	switch {
	case r.cfg.ReadOnly:
		return r.readOnly()
	case r.cfg.Open != "":
		return r.openReport(r.cfg.Open)
	case r.cfg.Baseline != "":
		prior, err := store.Load(r.cfg.Baseline, r.set)
		if err != nil {
			return err
		}
		return r.newConversation(prior, r.cfg.Baseline)
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
	entries, err := store.List(r.cfg.Dir, r.set)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		r.sayf("De map %s kan niet gelezen worden: %v", r.cfg.Dir, err)
		return "", nil
	}
	if len(entries) == 0 {
		if purpose == pickBaseline {
			r.sayf("Er is nog geen verslag om op terug te kijken in %s.", r.cfg.Dir)
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
			r.sayf("%d %s (kan niet gelezen worden)", i+1, filepath.Base(e.Path))
			continue
		}
		text := e.Date + " " + e.Title
		if e.Region != "" {
			text += ", " + e.Region
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

// openReport continues a conversation from its report, at the section where
// it was left. A report that is open elsewhere can be looked at only.
func (r *runner) openReport(path string) error {
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
	r.sess, r.file = s, f
	r.say("")
	r.sayf("Verder met %s (%s).", orDash(s.Title), s.Date)
	r.say("Verslag: " + f.Path())
	if s.Prior != nil {
		r.sayf("Vergeleken met %s (%s).", orDash(s.Prior.Title), s.Prior.Date)
		if s.OpenPriorActions() > 0 {
			if err := r.settlePrior(true); err != nil {
				return err
			}
		}
	}
	if i := r.stopIndex(s.Current); i >= 0 {
		r.sayf("Laatst bij vraag %s; daar gaan we verder.", r.stops[i].QuestionNumber())
		if err := r.walk(i); err != nil {
			return err
		}
	}
	return r.menu()
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

// newConversation asks what a new conversation needs; the report exists
// from the moment title and date are known. With last year's report (prior,
// read from priorPath) it is a yearly reflection: title, partnership,
// facilitator and participants are taken over, Enter keeps each, and last
// year's open action items are settled before the sections.
func (r *runner) newConversation(prior *sessions.Session, priorPath string) error {
	s := sessions.New(r.set.ID, r.set.Version)
	r.say("")
	if prior == nil {
		r.say("Nieuw gesprek")
	} else {
		r.sayf("Jaarlijkse reflectie: nieuw gesprek naast %s %s", prior.Date, orDash(prior.Title))
		r.say("De gegevens en deelnemers van vorig jaar staan klaar. Enter houdt wat er staat, - maakt het leeg.")
	}
	for s.Title == "" {
		prompt := "Titel (bijvoorbeeld Oplossingenlab ZiO najaar 2026):"
		if prior != nil && prior.Title != "" {
			prompt = "Titel (Enter = " + prior.Title + "):"
		}
		v, err := r.ask(prompt)
		if err != nil {
			return err
		}
		if v == "" && prior != nil {
			v = prior.Title
		}
		if v == "" {
			r.say("Geef het gesprek een titel.")
		}
		s.Title = v
	}
	r.typed = true
	region := ""
	if prior != nil {
		region = prior.Region
	}
	v, err := r.keep("Samenwerkingsverband of regio", region)
	if err != nil {
		return err
	}
	s.Region = v
	today := r.cfg.Now().Format("2006-01-02")
	for s.Date == "" {
		v, err := r.ask("Datum, als jaar-maand-dag (Enter = " + today + "):")
		if err != nil {
			return err
		}
		if v == "" {
			v = today
		}
		if _, perr := time.Parse("2006-01-02", v); perr != nil {
			r.sayf("De datum %q is geen datum als %s (jaar-maand-dag).", v, today)
			continue
		}
		s.Date = v
	}
	path, err := store.Create(r.cfg.Dir, s.Date, s.Title)
	if err != nil {
		return fmt.Errorf("het verslag kan niet worden aangemaakt: %w", err)
	}
	f, err := store.Adopt(path, r.set)
	if err != nil {
		return fmt.Errorf("het verslag kan niet worden geopend: %w", err)
	}
	if prior != nil {
		// Taken over at once, so the report holds them from its first write.
		s.Facilitator = prior.Facilitator
		s.Participants = append([]sessions.Participant(nil), prior.Participants...)
		sessions.StartReflection(s, prior, sessions.RelativePath(path, priorPath))
	}
	r.sess, r.file = s, f
	r.changed()
	r.say("Verslag: " + f.Path())
	if v, err = r.keep("Gespreksleider", s.Facilitator); err != nil {
		return err
	}
	if v != s.Facilitator {
		s.Facilitator = v
		r.changed()
	}
	if err := r.keepParticipants(); err != nil {
		return err
	}
	if err := r.participants(); err != nil {
		return err
	}
	if prior != nil {
		if err := r.settlePrior(true); err != nil {
			return err
		}
	}
	return r.menu()
}

// keep asks for a value that may already be there: Enter keeps it, "-"
// empties it. Without a value it is a plain question.
func (r *runner) keep(label, cur string) (string, error) {
	if cur == "" {
		return r.ask(label + ":")
	}
	v, err := r.ask(label + " (Enter = " + cur + ", - = leeg):")
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

// participants adds people one by one; an empty name ends the list.
func (r *runner) participants() error {
	s := r.sess
	r.say("")
	r.say("Deelnemers: per persoon naam, organisatie, soort partner, functie en of die tekent. Een lege naam sluit de lijst af.")
	for {
		name, err := r.ask(fmt.Sprintf("Deelnemer %d, naam (Enter = klaar):", len(s.Participants)+1))
		if err != nil || name == "" {
			return err
		}
		s.Participants = append(s.Participants, sessions.Participant{Name: name, PartnerKind: "anders"})
		p := &s.Participants[len(s.Participants)-1]
		r.changed()
		if v, err := r.ask("Organisatie:"); err != nil {
			return err
		} else if v != "" {
			p.Organisation = v
			r.changed()
		}
		r.say("Soort partner:")
		for i, pk := range r.set.PartnerKinds {
			r.sayf("%d %s", i+1, pk.Label)
		}
		r.sayf("%d anders", len(r.set.PartnerKinds)+1)
		i, _, err := r.number("Kies een nummer (Enter = anders):", len(r.set.PartnerKinds)+1)
		if err != nil {
			return err
		}
		if i >= 0 && i < len(r.set.PartnerKinds) {
			p.PartnerKind = r.set.PartnerKinds[i].ID
			r.changed()
		}
		if v, err := r.ask("Functie (mag leeg blijven):"); err != nil {
			return err
		} else if v != "" {
			p.Function = v
			r.changed()
		}
		for {
			v, err := r.ask("Tekent namens de organisatie? 1 ja, 2 nee (Enter = nee):")
			if err != nil {
				return err
			}
			switch strings.ToLower(v) {
			case "1", "j", "ja":
				p.Signs = true
				r.changed()
			case "", "2", "n", "nee":
			default:
				r.say("Typ 1 voor ja of 2 voor nee.")
				continue
			}
			break
		}
	}
}

// menu is the list of sections; from here every section can be entered in
// any order.
func (r *runner) menu() error {
	for {
		s := r.sess
		total := sessions.SessionTally(r.set, s)
		r.say("")
		r.sayf("Onderdelen, %d van %d ingevuld:", total.Answered, total.Units)
		for i := range r.set.Sections {
			sec := &r.set.Sections[i]
			t := sessions.SectionTally(sec, s)
			r.sayf("%d %s (%d van %d ingevuld)", i+1, sec.Title, t.Answered, t.Units)
		}
		r.sayf("a actiepunten (%d)", len(s.Actions))
		letters := "a, v of q"
		if reflecting(s) {
			r.sayf("p actiepunten van vorig jaar (%d van %d nog niet besloten)", s.OpenPriorActions(), len(s.PriorActions))
			letters = "a, p, v of q"
		}
		r.say("v verslag-pad tonen")
		r.say("q opslaan en stoppen")
		v, err := r.ask("Kies een onderdeel, " + letters + ". Of typ een vraagnummer, zoals 1.3:")
		if err != nil {
			return err
		}
		switch strings.ToLower(v) {
		case "":
			continue
		case "q":
			return nil
		case "v":
			r.say("Verslag: " + r.file.Path())
			continue
		case "a":
			if err := r.actions(); err != nil {
				return err
			}
			continue
		case "p":
			if reflecting(s) {
				if err := r.settlePrior(false); err != nil {
					return err
				}
				continue
			}
		}
		if i, err := strconv.Atoi(v); err == nil && i >= 1 && i <= len(r.set.Sections) {
			if err := r.walk(r.firstStopOf(i - 1)); err != nil {
				return err
			}
			continue
		}
		if i := r.stopByNumber(v); i >= 0 {
			if err := r.walk(i); err != nil {
				return err
			}
			continue
		}
		r.sayf("Kies een nummer van 1 tot en met %d, %s.", len(r.set.Sections), letters)
	}
}

// actions lists every action item; a number marks it done or open again.
func (r *runner) actions() error {
	for {
		s := r.sess
		r.say("")
		if len(s.Actions) == 0 {
			r.say("Nog geen actiepunten.")
		} else {
			r.say("Actiepunten:")
			for i, a := range s.Actions {
				r.sayf("%d %s", i+1, r.actionText(a))
			}
		}
		prompt := "n nieuw actiepunt, Enter = terug:"
		if len(s.Actions) > 0 {
			prompt = "Typ een nummer om het af te vinken of weer open te zetten. " + prompt
		}
		i, x, err := r.number(prompt, len(s.Actions), "n")
		if err != nil || (i < 0 && x == "") {
			return err
		}
		if x == "n" {
			if _, err := r.newAction("Wat moet er gebeuren? (Enter = terug)", ""); err != nil {
				return err
			}
			continue
		}
		s.Actions[i].Done = !s.Actions[i].Done
		r.changed()
	}
}

func (r *runner) actionText(a sessions.ActionItem) string {
	if a.Done {
		return r.itemText(a) + "; klaar"
	}
	return r.itemText(a) + "; open"
}

// itemText says what, who, when and where of an action item.
func (r *runner) itemText(a sessions.ActionItem) string {
	var b strings.Builder
	b.WriteString(a.What)
	if a.Who != "" {
		b.WriteString("; wie: " + a.Who)
	}
	if a.When != "" {
		b.WriteString("; wanneer: " + a.When)
	}
	where := "algemeen"
	if a.QuestionID != "" {
		where = "bij " + sessions.QuestionNumber(r.set, a.QuestionID)
		if where == "bij " {
			where = "bij " + a.QuestionID
		}
	}
	b.WriteString("; " + where)
	return b.String()
}

// newAction asks what (with the given prompt), who and when; an empty
// "what" adds nothing. It reports whether an item was added.
func (r *runner) newAction(prompt, questionID string) (bool, error) {
	what, err := r.ask(prompt)
	if err == nil && yes(what) {
		// "ja" answers the question in the prompt; ask for the item itself.
		what, err = r.ask("Wat moet er gebeuren?")
	}
	if err != nil || what == "" || what == "-" || no(what) {
		return false, err
	}
	s := r.sess
	s.Actions = append(s.Actions, sessions.ActionItem{What: what, QuestionID: questionID})
	n := len(s.Actions) - 1
	r.changed()
	if v, err := r.ask("Wie?"); err != nil {
		return true, err
	} else if v != "" {
		s.Actions[n].Who = v
		r.changed()
	}
	if v, err := r.ask("Wanneer? (bijvoorbeeld 2027-01-15 of voor de zomer)"); err != nil {
		return true, err
	} else if v != "" {
		s.Actions[n].When = v
		r.changed()
	}
	r.sayf("Actiepunt %d staat in het verslag.", n+1)
	return true, nil
}

// stop is one answerable place: a question, or one sub-point or topic of a
// question that has them. Sections are walked stop by stop.
type stop = content.Stop

func buildStops(set *content.Set) []stop { return set.Stops() }

// lastPart reports whether the stop is the question's last (or only) one;
// perspectives and action items belong to the whole question and are asked
// there.
func lastPart(s *stop) bool { return s.PartIndex < 0 || s.PartIndex == len(s.Question.Parts())-1 }

func (r *runner) stopIndex(questionID string) int {
	if questionID == "" {
		return -1
	}
	for i := range r.stops {
		if r.stops[i].Question.ID == questionID {
			return i
		}
	}
	return -1
}

func (r *runner) firstStopOf(si int) int {
	for i := range r.stops {
		if r.stops[i].SectionIndex == si {
			return i
		}
	}
	return 0
}

// stopByNumber finds "1.3" or "1.3b"; -1 when there is no such stop.
func (r *runner) stopByNumber(v string) int {
	v = strings.ToLower(strings.TrimSpace(v))
	for i := range r.stops {
		if r.stops[i].Number() == v || (r.stops[i].PartIndex <= 0 && r.stops[i].QuestionNumber() == v) {
			return i
		}
	}
	return -1
}

// walk answers the stops of one section, from the given stop to the end of
// the section; t returns to the menu early.
func (r *runner) walk(from int) error {
	defer func() { r.cur = nil }()
	first := &r.stops[from]
	r.say("")
	r.sayf("Onderdeel %d: %s", first.SectionIndex+1, first.Section.Title)
	if from == r.firstStopOf(first.SectionIndex) && first.Section.Central != "" {
		r.say("Centrale vraag: " + oneLine(first.Section.Central))
	}
	if !r.hinted {
		r.say(commandHelp)
		r.hinted = true
	}
	for i := from; i < len(r.stops) && r.stops[i].SectionIndex == first.SectionIndex; i++ {
		err := r.answerStop(&r.stops[i])
		switch {
		case errors.Is(err, errSkip):
			continue
		case errors.Is(err, errMenu):
			return nil
		case err != nil:
			return err
		}
	}
	r.sayf("Einde van onderdeel %d.", first.SectionIndex+1)
	return nil
}

// oneLine folds the line breaks of set text, which YAML may carry.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func (r *runner) peek(id string) *sessions.Answer { return r.sess.Answers[id] }

// answerStop asks everything of one stop in a fixed order: the answer in the
// shape of the question's kind, the status, then (once per question)
// perspectives and action items.
func (r *runner) answerStop(st *stop) error {
	r.cur = st
	if r.sess.Current != st.Question.ID {
		r.sess.Current = st.Question.ID
		r.changed()
	}
	r.showStop(st)
	r.showPrior(st)
	q := st.Question
	id := q.ID
	var err error
	switch {
	case st.Part != nil:
		label := "Antwoord (samen):"
		if q.Kind == content.KindTopics {
			label = "Afspraak:"
		}
		cur := ""
		if a := r.peek(id); a != nil && a.Parts[st.Part.ID] != nil {
			cur = a.Parts[st.Part.ID].Text
		}
		pid := st.Part.ID
		err = r.textAt(st, label, cur, func(v string) { r.sess.Answer(id).Part(pid).Text = v })
	case q.Kind == content.KindChoice:
		err = r.choice(st)
	case q.Kind == content.KindPartners:
		err = r.partners(st)
	case q.Kind == content.KindCounts:
		err = r.counts(st)
	default:
		err = r.textAt(st, "Antwoord (samen):", r.answerText(id), r.setAnswerText(id))
	}
	if err != nil {
		return err
	}
	if err := r.status(st); err != nil {
		return err
	}
	if !lastPart(st) {
		return nil
	}
	if err := r.perspectives(st); err != nil {
		return err
	}
	return r.questionActions(st)
}

func (r *runner) answerText(id string) string {
	if a := r.peek(id); a != nil {
		return a.Text
	}
	return ""
}

func (r *runner) setAnswerText(id string) func(string) {
	return func(v string) { r.sess.Answer(id).Text = v }
}

// showStop prints the question (once for all its parts), its help, the
// sub-point or topic, and the glossary terms found in them.
func (r *runner) showStop(st *stop) {
	q := st.Question
	r.say("")
	if r.shownQ != q.ID || st.PartIndex <= 0 {
		r.sayf("Vraag %s: %s", st.QuestionNumber(), oneLine(q.Text))
		if q.Help != "" {
			r.say("Uitleg: " + oneLine(q.Help))
		}
		r.shownQ = q.ID
	}
	if st.Part != nil {
		what := "Punt"
		if q.Kind == content.KindTopics {
			what = "Onderwerp"
		}
		r.sayf("%s %s: %s", what, st.Number(), oneLine(st.Part.Text))
		for _, b := range st.Part.Bullets {
			r.say("- " + oneLine(b))
		}
	}
	if terms := r.terms(st); len(terms) > 0 {
		names := make([]string, len(terms))
		for i, t := range terms {
			names[i] = t.Term
		}
		r.sayf("Begrippen: %s. Typ b voor uitleg.", strings.Join(names, ", "))
	}
}

// terms are the glossary terms in everything shown at a stop, including
// choice and category labels (wlz, emb, ciz).
func (r *runner) terms(st *stop) []*content.Term {
	parts := []string{st.Question.Text, st.Question.Help}
	for _, c := range st.Question.Categories {
		parts = append(parts, c.Label)
	}
	for _, c := range st.Question.Choices {
		parts = append(parts, c.Label)
	}
	if st.Part != nil {
		parts = append(parts, st.Part.Text)
		parts = append(parts, st.Part.Bullets...)
	}
	return r.set.TermsIn(strings.Join(parts, "\n"))
}

func (r *runner) explainTerms() {
	terms := r.terms(r.cur)
	if len(terms) == 0 {
		r.say("Bij deze vraag staan geen begrippen.")
		return
	}
	for _, t := range terms {
		name := t.Term
		if t.Full != "" {
			name += " (" + t.Full + ")"
		}
		r.say(name + ": " + oneLine(t.Explanation))
	}
}

// choice asks the choice by number, then the follow-up that goes with it.
func (r *runner) choice(st *stop) error {
	q := st.Question
	r.say("Keuze:")
	for i, c := range q.Choices {
		r.sayf("%d %s", i+1, c.Label)
	}
	cur := ""
	if a := r.peek(q.ID); a != nil {
		cur = a.Choice
	}
	prompt := "Kies een nummer (Enter = overslaan):"
	if cur != "" {
		r.say("Nu: " + choiceLabel(q, cur))
		prompt = "Kies een nummer (Enter = zo laten, - = wissen):"
	}
	i, x, err := r.number(prompt, len(q.Choices), "-")
	if err != nil {
		return err
	}
	switch {
	case x == "-":
		r.sess.Answer(q.ID).Choice = ""
		r.changed()
	case i >= 0:
		r.sess.Answer(q.ID).Choice = q.Choices[i].ID
		r.changed()
	}
	label := "Toelichting:"
	if a := r.peek(q.ID); a != nil {
		if f := q.FollowUp(a.Choice); f != nil && a.Choice != "" {
			label = oneLine(f.Text)
		}
	}
	return r.textAt(st, label, r.answerText(q.ID), r.setAnswerText(q.ID))
}

func choiceLabel(q *content.Question, id string) string {
	for _, c := range q.Choices {
		if c.ID == id {
			return c.Label
		}
	}
	return id
}

var partnerStates = []sessions.PartnerState{sessions.PartnerTogether, sessions.PartnerNotYet, sessions.PartnerNA}

// partnerState reads 1, 2 or 3; keep is true for Enter. "-" gives the
// unknown state.
func (r *runner) partnerState(prompt string) (state sessions.PartnerState, keep bool, err error) {
	for {
		v, err := r.ask(prompt)
		if err != nil {
			return "", false, err
		}
		switch v {
		case "":
			return "", true, nil
		case "-":
			return sessions.PartnerUnknown, false, nil
		case "1", "2", "3":
			return partnerStates[v[0]-'1'], false, nil
		}
		r.say("Typ 1, 2 of 3, of Enter.")
	}
}

// partners asks per partner kind whether the partnership works with it, then
// other named partners, then a remark.
func (r *runner) partners(st *stop) error {
	id := st.Question.ID
	r.say("Per partner: 1 werken samen, 2 nog niet, 3 n.v.t. Enter = zo laten, - = niet ingevuld.")
	for _, pk := range r.set.PartnerKinds {
		cur := sessions.PartnerUnknown
		if a := r.peek(id); a != nil {
			cur = a.Partners[pk.ID]
		}
		state, keep, err := r.partnerState(pk.Label + ", nu " + cur.Label() + ":")
		if err != nil {
			return err
		}
		if keep || state == cur {
			continue
		}
		a := r.sess.Answer(id)
		if state == sessions.PartnerUnknown {
			delete(a.Partners, pk.ID)
		} else {
			if a.Partners == nil {
				a.Partners = map[string]sessions.PartnerState{}
			}
			a.Partners[pk.ID] = state
		}
		r.changed()
	}
	// Other partners already named: change their state, or "-" removes one.
	for j := 0; r.peek(id) != nil && j < len(r.peek(id).OtherPartners); j++ {
		a := r.peek(id)
		o := a.OtherPartners[j]
		state, keep, err := r.partnerState("Anders: " + o.Name + ", nu " + o.State.Label() + " (- = verwijderen):")
		if err != nil {
			return err
		}
		switch {
		case keep:
		case state == sessions.PartnerUnknown:
			a.OtherPartners = append(a.OtherPartners[:j], a.OtherPartners[j+1:]...)
			j--
			r.changed()
		default:
			a.OtherPartners[j].State = state
			r.changed()
		}
	}
	for {
		name, err := r.ask("Andere partner? Typ de naam (Enter = geen):")
		if err != nil || name == "" || name == "-" {
			if err != nil {
				return err
			}
			break
		}
		a := r.sess.Answer(id)
		a.OtherPartners = append(a.OtherPartners, sessions.OtherPartner{Name: name})
		n := len(a.OtherPartners) - 1
		r.changed()
		state, keep, err := r.partnerState(name + ": 1 werken samen, 2 nog niet, 3 n.v.t. (Enter = niet ingevuld):")
		if err != nil {
			return err
		}
		if !keep && state != sessions.PartnerUnknown {
			a.OtherPartners[n].State = state
			r.changed()
		}
	}
	return r.textAt(st, "Toelichting (samen):", r.answerText(id), r.setAnswerText(id))
}

// counts asks a whole number per category, shows the total, then the
// free-text question that goes with the counts.
func (r *runner) counts(st *stop) error {
	q := st.Question
	r.say("Per groep een heel getal. Enter = zo laten, - = leeg maken.")
	for _, c := range q.Categories {
		for {
			prompt := oneLine(c.Label) + ":"
			n, has := 0, false
			if a := r.peek(q.ID); a != nil {
				n, has = a.Counts[c.ID]
			}
			if has {
				prompt = oneLine(c.Label) + ", nu " + strconv.Itoa(n) + ":"
			}
			v, err := r.ask(prompt)
			if err != nil {
				return err
			}
			if v == "" {
				break
			}
			a := r.sess.Answer(q.ID)
			if v == "-" {
				if has {
					delete(a.Counts, c.ID)
					r.changed()
				}
				break
			}
			k, perr := strconv.Atoi(v)
			switch {
			case perr != nil:
				r.sayf("%q is geen heel getal. Typ een getal zoals 12, of Enter om het zo te laten.", v)
				continue
			case k < 0:
				r.say("Een aantal kan niet negatief zijn. Typ 0 of meer.")
				continue
			}
			if a.Counts == nil {
				a.Counts = map[string]int{}
			}
			a.Counts[c.ID] = k
			r.changed()
			break
		}
	}
	total, filled := 0, 0
	if a := r.peek(q.ID); a != nil {
		for _, c := range q.Categories {
			if n, ok := a.Counts[c.ID]; ok {
				total += n
				filled++
			}
		}
	}
	r.sayf("Totaal: %d (%d van %d ingevuld).", total, filled, len(q.Categories))
	label := "Toelichting:"
	if q.CountsText != "" {
		label = oneLine(q.CountsText)
	}
	return r.textAt(st, label, r.answerText(q.ID), r.setAnswerText(q.ID))
}

// status asks where the partnership stands on the stop.
func (r *runner) status(st *stop) error {
	cur := sessions.StatusNone
	if a := r.peek(st.Question.ID); a != nil {
		if st.Part != nil {
			if p := a.Parts[st.Part.ID]; p != nil {
				cur = p.Status
			}
		} else {
			cur = a.Status
		}
	}
	var opts []string
	for i, s := range sessions.Statuses {
		opts = append(opts, fmt.Sprintf("%d %s", i+1, s.Label()))
	}
	r.sayf("Status, nu %s.", cur.Label())
	i, x, err := r.number(strings.Join(opts, ", ")+" (Enter = zo laten):", len(sessions.Statuses), "-")
	if err != nil || (i < 0 && x == "") {
		return err
	}
	next := sessions.StatusNone
	if x == "" {
		next = sessions.Statuses[i]
	}
	if next == cur {
		return nil
	}
	a := r.sess.Answer(st.Question.ID)
	if st.Part != nil {
		a.Part(st.Part.ID).Status = next
	} else {
		a.Status = next
	}
	r.changed()
	return nil
}

// organisations lists the participating organisations once each, in the
// order they were entered, then any other organisation that already gave a
// perspective on this question.
func (r *runner) organisations(id string) []string {
	var out []string
	seen := map[string]bool{}
	add := func(o string) {
		if o != "" && !seen[o] {
			seen[o] = true
			out = append(out, o)
		}
	}
	for _, p := range r.sess.Participants {
		add(p.Organisation)
	}
	if a := r.peek(id); a != nil {
		for _, p := range a.Perspectives {
			add(p.Organisation)
		}
	}
	return out
}

// perspectives adds or changes answers from one organisation's point of
// view, as often as wanted.
func (r *runner) perspectives(st *stop) error {
	id := st.Question.ID
	orgs := r.organisations(id)
	if a := r.peek(id); a != nil && len(a.Perspectives) > 0 {
		var names []string
		for _, p := range a.Perspectives {
			names = append(names, p.Organisation)
		}
		r.sayf("Perspectieven bij deze vraag: %s.", strings.Join(names, ", "))
	}
	prompt := "Perspectief toevoegen? (organisatie kiezen met nummer, Enter = nee)"
	if len(orgs) == 0 {
		prompt = "Perspectief toevoegen? Typ de organisatie (Enter = nee):"
	}
	for {
		if len(orgs) > 0 {
			r.say("Organisaties:")
			for i, o := range orgs {
				r.sayf("%d %s", i+1, o)
			}
		}
		v, err := r.ask(prompt)
		if err == nil && yes(v) {
			if len(orgs) > 0 {
				v, err = r.ask("Welke organisatie? (nummer of naam)")
			} else {
				v, err = r.ask("Welke organisatie?")
			}
		}
		if err != nil || v == "" || v == "-" || no(v) {
			return err
		}
		org := v
		if i, nerr := strconv.Atoi(v); nerr == nil {
			if i < 1 || i > len(orgs) {
				r.sayf("Kies een nummer van 1 tot en met %d, of typ de naam van de organisatie.", len(orgs))
				continue
			}
			org = orgs[i-1]
		}
		at, cur := -1, ""
		if a := r.peek(id); a != nil {
			for i, p := range a.Perspectives {
				if p.Organisation == org {
					at, cur = i, p.Text
					break
				}
			}
		}
		err = r.text("Wat zegt "+org+", vanuit haar eigen perspectief?", cur, func(v string) {
			a := r.sess.Answer(id)
			switch {
			case at >= 0 && v == "":
				a.Perspectives = append(a.Perspectives[:at], a.Perspectives[at+1:]...)
				at = -1
			case at >= 0:
				a.Perspectives[at].Text = v
			case v != "":
				a.Perspectives = append(a.Perspectives, sessions.Perspective{Organisation: org, Text: v})
				at = len(a.Perspectives) - 1
			}
		})
		if err != nil {
			return err
		}
		orgs = r.organisations(id)
		prompt = "Nog een perspectief? (organisatie kiezen met nummer, Enter = nee)"
		if len(orgs) == 0 {
			prompt = "Nog een perspectief? Typ de organisatie (Enter = nee):"
		}
	}
}

// questionActions adds action items at the question, as often as wanted.
func (r *runner) questionActions(st *stop) error {
	var here []string
	for _, a := range r.sess.Actions {
		if a.QuestionID == st.Question.ID {
			here = append(here, r.actionText(a))
		}
	}
	if len(here) > 0 {
		r.say("Actiepunten bij deze vraag:")
		for _, h := range here {
			r.say("- " + h)
		}
	}
	prompt := "Actiepunt toevoegen? Wat moet er gebeuren? Daarna volgen wie en wanneer. (Enter = nee)"
	for {
		added, err := r.newAction(prompt, st.Question.ID)
		if err != nil || !added {
			return err
		}
		prompt = "Nog een actiepunt? Wat moet er gebeuren? (Enter = nee)"
	}
}

// yes and no read the short answers people give to a question that asks
// "toevoegen?", so that "j" or "nee" is never taken as a name or an item.
func yes(v string) bool {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "j", "ja", "y", "yes":
		return true
	}
	return false
}

func no(v string) bool {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "n", "nee", "no":
		return true
	}
	return false
}
