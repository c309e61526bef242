// Package accessible holds a conversation as plain numbered prompts, one per
// line: no alternate screen, no cursor movement, no colour, no escape
// sequences. It serves screen readers, and input or output that is not a
// terminal (a pipe, a file). Every answer is written to the report at once,
// so the report is the whole record at any moment, as in the full-screen
// interface.
//
// The mode only presents: every decision about the conversation is the
// core's (package sessions), and every change goes through a
// sessions.Conversation saved by a sessions.Controller.
package accessible

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/tui/pagelink"
)

// Config says what to run the conversation with.
type Config struct {
	Set *content.Set
	// Sets are the question sets a new conversation or a reflection can be
	// started with: with two or more, the start asks which. A report is
	// opened with the one it names; the first of them reads a report that
	// names none. Empty: Set is the only set.
	Sets []*content.Set
	Dir  string // sessions folder
	Open string // report to continue ("" = ask: new conversation or pick one from the folder)
	// Baseline is last year's report: a yearly reflection on it starts at
	// once, as a new conversation beside it.
	Baseline string
	// ReadOnly prints a report (Open, else Baseline, else one picked from the
	// folder) and stops, without writing anything.
	ReadOnly bool
	Now      func() time.Time
	// Stop, when it closes or delivers (a signal: the window closed,
	// SIGTERM), ends the conversation at the prompt it is at: the lines of
	// an answer typed so far are kept, everything is saved, and Run returns
	// ErrStopped with the report's path.
	Stop <-chan struct{}
	// Participants starts the participants' page (nil: participants.Start);
	// ParticipantsAddr is where it listens ("" : the laptop's address on
	// the local network). With ParticipantsAtOnce (--participants) it
	// starts as soon as the conversation is held; otherwise w starts it.
	Participants       pagelink.Starter
	ParticipantsAddr   string
	ParticipantsAtOnce bool
}

// ErrStopped: the conversation was ended by Config.Stop; what was typed is
// saved.
var ErrStopped = errors.New("gestopt; wat getypt was, is bewaard")

// Commands that end the current question early. They travel up as errors so
// that every prompt can be left with one letter.
var (
	errSkip = errors.New("naar de volgende vraag")
	errMenu = errors.New("terug naar de onderdelen")
)

// Run holds the whole conversation as plain numbered prompts on in/out. It
// returns the path of the report. When the input ends, what was typed is
// saved and Run returns without error.
func Run(cfg Config, in io.Reader, out io.Writer) (path string, err error) {
	r := &runner{}
	defer func() {
		if v := recover(); v != nil {
			path, err = r.crashed(v, debug.Stack())
		}
	}()
	return r.runAll(cfg, in, out)
}

// Crash is a failure of the program itself (a Go panic) during the
// conversation, never of what was typed. What the conversation held was
// rescued first: Path is where it is (in a copy when the report changed
// outside the program), SaveErr why that failed.
type Crash struct {
	Value   any
	Stack   []byte
	Path    string
	SaveErr error
}

func (c *Crash) Error() string { return fmt.Sprintf("het programma is vastgelopen: %v", c.Value) }

// crashed rescues the conversation after a panic and returns the Crash.
func (r *runner) crashed(v any, stack []byte) (string, error) {
	c := &Crash{Value: v, Stack: stack}
	func() {
		p := r.page // stopPage lets go of it before it stops it
		defer func() {
			if v := recover(); v != nil && p != nil {
				p.Room.Close()
			}
		}()
		r.stopPage()
	}()
	if r.ctl != nil {
		func() {
			defer func() {
				if v := recover(); v != nil {
					c.SaveErr = fmt.Errorf("%v", v)
				}
			}()
			c.SaveErr = r.ctl.Close()
		}()
		c.Path = r.ctl.Path()
	}
	return c.Path, c
}

func (r *runner) runAll(cfg Config, in io.Reader, out io.Writer) (path string, err error) {
	if cfg.Set == nil {
		return "", errors.New("er is geen vragenset")
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	*r = runner{cfg: cfg, set: cfg.Set, out: out, lines: newLineReader(bufio.NewReader(in))}
	err = r.run()
	stopped := errors.Is(err, ErrStopped)
	if stopped || errors.Is(err, io.EOF) {
		err = nil
		if r.ctl == nil && r.typed {
			err = errors.New("de invoer stopte voordat het verslag bestond; er is niets opgeslagen")
		}
	}
	// What the participants' page holds goes into the report with the rest.
	r.stopPage()
	if r.ctl != nil {
		if r.ctl.Dirty() {
			if serr := r.saveNow(); serr != nil && err == nil {
				err = fmt.Errorf("het verslag kon niet worden opgeslagen: %w", serr)
			}
		}
		// Close rescues what is left: in a copy when the report changed
		// outside the program since the last answer. The path is read after.
		if cerr := r.ctl.Close(); cerr != nil && err == nil {
			err = cerr
		}
		path = r.ctl.Path()
		if note := pagelink.Leaving(pagelink.Waiting(r.conv)); note != "" {
			r.say(note)
		}
	}
	if stopped && err == nil {
		err = ErrStopped
	}
	return path, err
}

type runner struct {
	cfg   Config
	set   *content.Set
	lines *lineReader // what is typed, line by line
	out   io.Writer
	eof   bool
	typed bool // anything was typed for a new conversation before its report existed

	conv *sessions.Conversation
	ctl  *sessions.Controller
	// page is the participants' page while it runs; pageStop the stop it
	// shows (the zero stop: none).
	page     *pagelink.Link
	pageStop stop

	cur    *stop       // the stop being answered: enables s, t, b, i and p
	shownQ string      // question whose text was printed last
	told   bool        // the multi-line instruction was given in full once
	hinted bool        // the question commands were explained once
	toldUp map[int]int // per section, the planned minutes its time up was told for
}

// stop is one answerable place: a question, or one sub-point or topic of a
// question that has them. Sections are walked stop by stop.
type stop = content.Stop

// hold takes a conversation and its save life cycle over.
func (r *runner) hold(conv *sessions.Conversation, ctl *sessions.Controller) {
	r.conv, r.ctl = conv, ctl
	r.notice()
	if r.cfg.ParticipantsAtOnce {
		r.startPage()
	}
}

// say writes one or more lines. Everything passes CleanText, so that text
// read from a report someone edited can never put an escape sequence on the
// screen.
func (r *runner) say(s string) { fmt.Fprintln(r.out, sessions.CleanText(s)) }

func (r *runner) sayf(format string, args ...any) { r.say(fmt.Sprintf(format, args...)) }

// sayErr says an error of the core as a sentence.
func (r *runner) sayErr(err error) { r.say(sentence(err.Error())) }

// sentence starts a message with a capital and ends it with a full stop.
func sentence(s string) string {
	if s == "" {
		return s
	}
	s = strings.ToUpper(s[:1]) + s[1:]
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}

// ask prints a prompt and reads one answer, cleaned to a single line. While
// a question is being answered, it also handles the commands that work at
// every prompt: s, t, b, i, p and ?.
func (r *runner) ask(prompt string) (string, error) {
	for {
		r.timeUp()
		r.pollPage()
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
	case "i":
		r.sectionTips(r.cur.Section)
		return true, nil
	case "p":
		return true, r.park()
	case "w":
		return true, r.contributions()
	case "?":
		r.say(commandHelp)
		return true, nil
	}
	return false, nil
}

const commandHelp = "Bij elke vraag: Enter houdt wat er staat, - wist het, s gaat naar de volgende vraag, t terug naar de onderdelen, b legt de begrippen uit, i geeft inleiding, tips en advies bij het onderdeel, p parkeert een opmerking, w toont de bijdragen van deelnemers, ? toont deze uitleg."

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

// confirm asks a yes-or-no question: 1 or ja is yes; Enter, 2 or nee is
// no.
func (r *runner) confirm(question string) (bool, error) {
	for {
		v, err := r.ask(question + " 1 ja, 2 nee (Enter = nee):")
		switch {
		case err != nil:
			return false, err
		case v == "1" || yes(v):
			return true, nil
		case v == "" || v == "2" || no(v):
			return false, nil
		}
		r.say("Typ 1 voor ja of 2 voor nee.")
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
// in last year's answer: take adds it after the text there and returns the
// text then recorded; the lines typed next are added after it.
func (r *runner) textTaking(label, cur string, set func(string), take func(typed string) (string, sessions.TakeOver)) error {
	r.timeUp()
	r.pollPage()
	r.say(label)
	r.sayNow(cur)
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
				text, how := take(base)
				r.changed()
				r.say(how.Message())
				if how == sessions.NothingLastYear {
					continue
				}
				base, took = text, true
				r.sayNow(base)
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

// sayNow shows the text that stands, line by line, after "Nu:".
func (r *runner) sayNow(text string) {
	if text == "" {
		return
	}
	r.say("Nu:")
	for _, l := range strings.Split(text, "\n") {
		r.say("  " + l)
	}
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
// goes to disk before the next question. Nothing changed, nothing is
// written.
func (r *runner) changed() {
	if r.ctl == nil {
		return
	}
	if err := r.saveNow(); err != nil {
		r.sayf("Opslaan is mislukt: %v. Bij het volgende antwoord wordt het opnieuw geprobeerd.", err)
	}
	r.notice()
}

// notice says what the storage has to tell about the report
// (Controller.Notice), after opening and after every save.
func (r *runner) notice() {
	if n := r.ctl.Notice(); n != "" {
		r.say(n)
	}
}

// saveNow writes the report. When someone changed it beside the program (in
// a text editor), neither their edit nor the answers typed here may be lost,
// and there is no screen to ask on: the conversation goes on in a copy.
func (r *runner) saveNow() error {
	err := r.ctl.SaveNow()
	if !errors.Is(err, sessions.ErrChangedOnDisk) {
		return err
	}
	old := r.ctl.Path()
	path, err := r.ctl.SaveCopy()
	if err != nil {
		return err
	}
	r.sayf("Het verslag %s is buiten dit programma gewijzigd. Die wijziging blijft staan; dit gesprek gaat verder in %s.", old, path)
	return nil
}
