package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"golang.org/x/term"

	"gespreksmap/sessions"
	"gespreksmap/sessions/store"
	"gespreksmap/tui"
	"gespreksmap/tui/pagelink"
)

// Exit codes, as documented in the README.
const (
	exitOK          = 0
	exitError       = 1
	exitBadInput    = 2
	exitInterrupted = 130
)

// version is set by the release build (-ldflags "-X main.version=...").
var version = ""

func versionString() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "ontwikkelversie"
}

// options are the flags shared by the interface and the subcommands; each
// can also be set by an environment variable.
type options struct {
	set        string
	dir        string
	baseline   string
	theme      string
	accessible bool
	readOnly   bool
	mouse      bool
	presenter  bool
	// participants is where the participants' page listens, from the
	// start of the conversation ("" : not at start; F6 starts it).
	participants string
}

func envBool(name string) bool {
	v := strings.ToLower(os.Getenv(name))
	return v == "1" || v == "true" || v == "yes" || v == "ja"
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

const usageText = `gespreksmap: een gesprek met een vragenset, vraag voor vraag, met een verslag in markdown.
%s

Gebruik:
  gespreksmap [opties]                 start het programma (nieuw gesprek of verder met een verslag)
  gespreksmap [opties] VERSLAG.md      ga verder met een gesprek, bij de vraag waar het bleef
  gespreksmap sets                     toon de ingebouwde vragensets (id, titel, versie)
  gespreksmap validate BESTAND...      controleer vragensets (YAML) zonder het programma te starten
  gespreksmap compare VORIG.md NIEUW.md [NIEUWER.md...] [-o BESTAND] [--format markdown|html|docx]
                                       wat is er veranderd (voor een bestuursnotitie)
  gespreksmap convenant VERSLAG.md [-o BESTAND] [--format md|html|docx] [--parties "A;B"]
                                       concept-convenant uit de gemaakte afspraken
  gespreksmap export --format html|docx VERSLAG.md [-o BESTAND] [--only-discussed]
                                       verslag als printbare HTML of Word-document (--only-discussed: alleen wat besproken is)
  gespreksmap overview MAP... [-o BESTAND] [--format md|html] [--today JJJJ-MM-DD]
                                       één overzicht per samenwerking over alle verslagen in de mappen
  gespreksmap version                  toon de versie

Opties:
  --set NAAM         gebruik de ingebouwde vragenset met dit id (zie gespreksmap sets) (GESPREKSMAP_SET)
  --set BESTAND      gebruik een eigen vragenset (YAML); een bestaand bestand gaat voor een id
                     Zonder --set biedt het beginscherm de ingebouwde vragensets aan.
  --dir MAP          map met verslagen (standaard ./gespreksmap-sessies)  (GESPREKSMAP_DIR)
  --baseline VORIG.md  jaarlijkse reflectie: nieuw gesprek naast het verslag van vorig jaar
  --theme THEMA      auto, dark, light of contrast (voor een beamer)       (GESPREKSMAP_THEME)
  --accessible       eenvoudige regel-voor-regel vragen, zonder schermopbouw (ACCESSIBLE=1)
  --read-only        open het verslag alleen om te lezen
  --presenter [VERSLAG.md]
                     voor de beamer, in een tweede terminal: de vraag waar het gesprek nu is,
                     groot en rustig, en wat daar is vastgelegd; volgt het verslag terwijl er
                     gewerkt wordt (zonder verslag: het nieuwste in de map); q of esc stopt
  --participants ADRES
                     pagina voor deelnemers: wie aan tafel zit, stuurt vanaf de eigen telefoon of
                     laptop het perspectief van de eigen organisatie in (F6 toont adres en QR-code).
                     ADRES is host:poort, host (vrije poort) of auto (het adres van deze laptop op
                     het lokale netwerk); de pagina start zodra het gesprek open is
                                                                         (GESPREKSMAP_PARTICIPANTS)
  --mouse            muiswiel scrolt (kost tekst selecteren met de muis)   (GESPREKSMAP_MOUSE=1)
  -h, --help         deze hulp

Kleur: NO_COLOR=1 zet kleur uit.
Afsluitcodes: 0 goed, 1 fout, 2 onjuiste invoer (vragenset of verslag), 130 onderbroken (ctrl+c).
`

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	// Messages quote file names, lines of reports and texts of question
	// sets, and the documents printed are made from them: nothing the
	// command prints may carry a terminal escape sequence.
	rawOut := stdout
	stdout, stderr = printable{stdout}, printable{stderr}
	if len(args) > 0 {
		switch args[0] {
		case "validate":
			return runValidate(args[1:], stdout, stderr)
		case "compare":
			return runCompare(args[1:], stdout, stderr)
		case "convenant":
			return runConvenant(args[1:], stdout, stderr)
		case "export":
			return runExport(args[1:], stdout, stderr)
		case "overview":
			return runOverview(args[1:], stdout, stderr)
		case "version", "--version":
			fmt.Fprintln(stdout, "gespreksmap", versionString())
			return exitOK
		case "sets":
			return runSets(args[1:], stdout, stderr)
		case "help":
			fmt.Fprint(stdout, usage(os.Getenv("GESPREKSMAP_SET")))
			return exitOK
		}
	}
	fs := flag.NewFlagSet("gespreksmap", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {} // printed below: on stdout for --help, on stderr for a mistake
	var o options
	fs.StringVar(&o.set, "set", os.Getenv("GESPREKSMAP_SET"), "")
	fs.StringVar(&o.dir, "dir", store.DefaultDir(), "")
	fs.StringVar(&o.baseline, "baseline", "", "")
	fs.StringVar(&o.theme, "theme", envOr("GESPREKSMAP_THEME", tui.ThemeAuto), "")
	fs.BoolVar(&o.accessible, "accessible", envBool("ACCESSIBLE"), "")
	fs.BoolVar(&o.readOnly, "read-only", false, "")
	fs.BoolVar(&o.mouse, "mouse", envBool("GESPREKSMAP_MOUSE"), "")
	fs.BoolVar(&o.presenter, "presenter", false, "")
	fs.StringVar(&o.participants, "participants", os.Getenv("GESPREKSMAP_PARTICIPANTS"), "")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, usage(o.set))
			return exitOK
		}
		fmt.Fprint(stderr, usage(o.set))
		return exitBadInput
	}
	switch o.theme {
	case tui.ThemeAuto, tui.ThemeDark, tui.ThemeLight, tui.ThemeContrast:
	default:
		fmt.Fprintf(stderr, "gespreksmap: onbekend thema %q (kies auto, dark, light of contrast)\n", o.theme)
		return exitBadInput
	}
	set, code := loadSet(o.set, stderr)
	if set == nil {
		return code
	}
	pick := picker(o.set, set)
	open := ""
	if fs.NArg() > 1 {
		fmt.Fprint(stderr, usage(o.set))
		return exitBadInput
	}
	if fs.NArg() == 1 {
		open = fs.Arg(0)
		if _, err := os.Stat(open); err != nil {
			fmt.Fprintf(stderr, "gespreksmap: verslag niet gevonden: %s\n", open)
			return exitBadInput
		}
		// Check the report before any screen is drawn: a report that does not
		// parse is reported with its line and never touched.
		// It is continued with the set it names.
		var err error
		if set, _, err = store.LoadNamed(open, pick); err != nil {
			fmt.Fprintf(stderr, "gespreksmap: %v\n", err)
			return exitBadInput
		}
	}
	if o.presenter {
		return runPresenter(open, o, pick, stdin, rawOut, stderr)
	}
	if o.baseline != "" {
		if open == "" {
			// A reflection uses the set of last year's report.
			set = store.SetOf(o.baseline, pick)
		}
		if _, err := store.Load(o.baseline, set); err != nil {
			fmt.Fprintf(stderr, "gespreksmap: %v\n", err)
			return exitBadInput
		}
	}
	cfg := tui.Config{
		Set:       set,
		Sets:      choosable(o.set),
		Dir:       o.dir,
		Open:      open,
		ReadOnly:  o.readOnly,
		Baseline:  o.baseline,
		Theme:     o.theme,
		Convenant: writeConvenantBeside,
	}
	if o.participants != "" {
		cfg.ParticipantsAtOnce = true
		if o.participants != "auto" {
			cfg.ParticipantsAddr = o.participants
		}
	}
	if !o.accessible && (!isTerminal(stdin) || !isTerminal(rawOut)) {
		// Without a terminal the full-screen interface cannot run; the
		// line-by-line mode can.
		fmt.Fprintln(stderr, "gespreksmap: geen terminal; verder in de eenvoudige regel-voor-regel modus (--accessible).")
		o.accessible = true
	}
	if o.accessible {
		return runAccessible(cfg, stdin, stdout, stderr)
	}
	cfg.Dark = tui.ResolveDark(o.theme)
	return runInterface(cfg, o, stderr)
}

// sayWhere tells, on leaving, where the conversation's words are: the
// report, or a copy beside it when the report was changed outside the
// program (or could not be written).
func sayWhere(w io.Writer, r sessions.Rescued) {
	switch {
	case r.Copy() && errors.Is(r.Why, sessions.ErrChangedOnDisk):
		fmt.Fprintf(w, "Het verslag %s is buiten dit programma gewijzigd; die wijziging blijft staan. Wat hier getypt is, staat in de kopie %s.\n", r.Report, r.Path)
	case r.Copy():
		fmt.Fprintf(w, "Het verslag %s kon niet worden opgeslagen (%v). Wat hier getypt is, staat in de kopie %s.\n", r.Report, r.Why, r.Path)
	case r.Path != "":
		fmt.Fprintf(w, "Verslag: %s\n", r.Path)
	}
}

// sayWaiting tells, on leaving, how many contributions from participants
// wait to be taken over and where: they are in the report and offered
// again when it is reopened.
func sayWaiting(w io.Writer, n int, at []string) {
	if note := pagelink.Leaving(n, at); note != "" {
		fmt.Fprintln(w, note)
	}
}

// printable writes what passes through it without control characters and
// escape sequences (sessions.CleanText; lines stay lines).
type printable struct{ w io.Writer }

func (p printable) Write(b []byte) (int, error) {
	if _, err := io.WriteString(p.w, sessions.CleanText(string(b))); err != nil {
		return 0, err
	}
	return len(b), nil
}

// isTerminal reports whether the stream is a terminal.
func isTerminal(stream any) bool {
	f, ok := stream.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func runInterface(cfg tui.Config, o options, stderr io.Writer) int {
	app := tui.New(cfg)
	opts := []tea.ProgramOption{tea.WithAltScreen()}
	if o.mouse {
		opts = append(opts, tea.WithMouseCellMotion())
	}
	c, runErr := runGuarded(app, opts...)
	if c.value != nil {
		where, err := closeAfterCrash(app)
		code := reportCrash(stderr, cfg.Dir, *c, where, err)
		func() {
			defer func() { recover() }() // a conversation in a state it cannot count from
			n, at := app.WaitingContributions()
			sayWaiting(stderr, n, at)
		}()
		return code
	}
	saveErr := app.Close()
	if saveErr == nil {
		sayWhere(stderr, app.Rescued())
	} else if path := app.ReportPath(); path != "" {
		fmt.Fprintf(stderr, "Verslag: %s\n", path)
	}
	n, at := app.WaitingContributions()
	sayWaiting(stderr, n, at)
	if saveErr != nil {
		fmt.Fprintf(stderr, "gespreksmap: opslaan mislukt: %v\n", saveErr)
		return exitError
	}
	return exitCode(runErr, app.Interrupted(), stderr)
}

// runGuarded runs m full-screen with its crashes caught (see guarded), and
// ends it when the terminal hangs up. It returns the crash (value nil: none)
// and the program's error.
func runGuarded(m tea.Model, opts ...tea.ProgramOption) (*crash, error) {
	g := &guarded{app: m, crash: &crash{}}
	p := tea.NewProgram(g, opts...)
	g.quit = p.Quit
	stop := quitOnHangup(p)
	_, runErr := p.Run()
	stop()
	if g.crash.value == nil && errors.Is(runErr, tea.ErrProgramPanic) {
		// A command crashed on its own goroutine; Bubble Tea caught it.
		g.crash.value = runErr
	}
	return g.crash, runErr
}

// exitCode is the exit status of a program that ended without a crash:
// interrupted (ctrl+c) or not, or an error of Bubble Tea's own.
func exitCode(runErr error, interrupted bool, stderr io.Writer) int {
	switch {
	case errors.Is(runErr, tea.ErrInterrupted), interrupted:
		return exitInterrupted
	case runErr != nil && !errors.Is(runErr, tea.ErrProgramKilled):
		fmt.Fprintf(stderr, "gespreksmap: %v\n", runErr)
		return exitError
	}
	return exitOK
}

// subFlags parses the flags of a subcommand wherever they stand among its
// arguments (gespreksmap convenant VERSLAG.md -o x.md works too).
func subFlags(name string, args []string, stderr io.Writer, define func(fs *flag.FlagSet)) (*flag.FlagSet, []string, error) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	define(fs)
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return fs, nil, err
		}
		if fs.NArg() == 0 {
			break
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
	return fs, pos, nil
}
