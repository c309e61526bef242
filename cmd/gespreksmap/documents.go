package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/sessions/compare"
	"gespreksmap/sessions/convenant"
	"gespreksmap/sessions/export"
	"gespreksmap/sessions/store"
)

// The subcommands that read reports and write documents from them: the
// comparison, the convenant draft and the printable export.

func runCompare(args []string, stdout, stderr io.Writer) int {
	var setPath, format, out string
	_, files, err := subFlags("compare", args, stderr, func(fs *flag.FlagSet) {
		fs.StringVar(&setPath, "set", os.Getenv("GESPREKSMAP_SET"), "ingebouwde vragenset (gespreksmap sets) of YAML-bestand")
		fs.StringVar(&format, "format", "markdown", "markdown, html of docx")
		fs.StringVar(&out, "o", "", "schrijf naar dit bestand in plaats van naar de uitvoer")
		fs.Usage = func() {
			fmt.Fprintln(stderr, "Gebruik: gespreksmap compare VORIG.md NIEUW.md [NIEUWER.md...] [-o BESTAND] [--set NAAM|BESTAND] [--format markdown|html|docx]\nPrint wat er tussen de verslagen is veranderd, per jaar vergeleken met het jaar ervoor; bij drie verslagen of meer ook het verloop over de jaren.\nEen Word-document (docx) gaat naar een bestand: -o BESTAND.docx.")
		}
	})
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil || len(files) < 2 {
		if err == nil {
			fmt.Fprintln(stderr, "Gebruik: gespreksmap compare VORIG.md NIEUW.md [NIEUWER.md...]")
		}
		return exitBadInput
	}
	if format != "markdown" && format != "html" && format != "docx" {
		fmt.Fprintf(stderr, "gespreksmap: onbekend formaat %q (kies markdown, html of docx)\n", format)
		return exitBadInput
	}
	if needsFile(format, out, stderr) {
		return exitBadInput
	}
	set, code := loadSet(setPath, stderr)
	if set == nil {
		return code
	}
	// Compared by the set of the newest report.
	set = store.SetOf(files[len(files)-1], picker(setPath, set))
	var reports []*sessions.Session
	for _, f := range files {
		s, err := store.Load(f, set)
		if err != nil {
			fmt.Fprintf(stderr, "gespreksmap: %v\n", err)
			return exitBadInput
		}
		reports = append(reports, s)
	}
	for i := 1; i < len(reports); i++ {
		if a, b := reports[i-1].Date, reports[i].Date; a != "" && b != "" && b < a {
			fmt.Fprintf(stderr, "gespreksmap: let op: %s (%s) is ouder dan %s (%s); noem de verslagen van oud naar nieuw\n", files[i], b, files[i-1], a)
		}
	}
	switch format {
	case "html":
		return writeOut(out, compare.HTML(set, export.HTML, reports...), stdout, stderr)
	case "docx":
		return writeOut(out, wordDocument("Vergelijking van gespreksverslagen", compare.YearsMarkdown(set, reports...)), stdout, stderr)
	}
	return writeOut(out, []byte(compare.YearsMarkdown(set, reports...)), stdout, stderr)
}

// reportCommand parses what convenant and export share: one report, -o,
// --format (one of formats, the first the default) and --set; then loads the
// report. ok is false when the command ends here with code.
func reportCommand(name, usage string, formats []string, args []string, stderr io.Writer, more ...func(fs *flag.FlagSet)) (set *content.Set, s *sessions.Session, out, format string, code int, ok bool) {
	var setPath string
	_, files, err := subFlags(name, args, stderr, func(fs *flag.FlagSet) {
		for _, f := range more {
			f(fs)
		}
		fs.StringVar(&out, "o", "", "schrijf naar dit bestand in plaats van naar de uitvoer")
		fs.StringVar(&format, "format", formats[0], strings.Join(formats, " of "))
		fs.StringVar(&setPath, "set", os.Getenv("GESPREKSMAP_SET"), "ingebouwde vragenset (gespreksmap sets) of YAML-bestand")
		fs.Usage = func() { fmt.Fprintln(stderr, usage) }
	})
	switch {
	case errors.Is(err, flag.ErrHelp):
		return nil, nil, "", "", exitOK, false
	case !slices.Contains(formats, format):
		fmt.Fprintf(stderr, "gespreksmap: onbekend formaat %q voor %s (kies %s)\n", format, name, strings.Join(formats, " of "))
		return nil, nil, "", "", exitBadInput, false
	case err != nil:
		return nil, nil, "", "", exitBadInput, false
	case len(files) != 1:
		fmt.Fprintln(stderr, strings.SplitN(usage, "\n", 2)[0])
		return nil, nil, "", "", exitBadInput, false
	case needsFile(format, out, stderr):
		return nil, nil, "", "", exitBadInput, false
	}
	set, s, code = loadReport(files[0], setPath, stderr)
	return set, s, out, format, code, s != nil
}

func runConvenant(args []string, stdout, stderr io.Writer) int {
	var parties string
	partiesSet := false
	set, s, out, format, code, ok := reportCommand("convenant",
		"Gebruik: gespreksmap convenant VERSLAG.md [-o BESTAND] [--format md|html|docx] [--parties \"A;B\"] [--set NAAM|BESTAND]\n"+
			"Maakt een concept-convenant uit de afspraken in het verslag. Wat nog ingevuld moet worden staat als [IN TE VULLEN: ...].\n"+
			"Met --parties de organisaties die tekenen, gescheiden door puntkomma's (zoals in het verslag, hoofdletters maken niet uit);\n"+
			"zonder --parties tekent elke organisatie aan tafel behalve de vertegenwoordiging van ouders.\n"+
			"Een Word-document (docx) gaat naar een bestand: -o BESTAND.docx.",
		[]string{"md", "html", "docx"}, args, stderr, func(fs *flag.FlagSet) {
			fs.Func("parties", "organisaties die tekenen, gescheiden door puntkomma's", func(v string) error {
				parties, partiesSet = v, true
				return nil
			})
		})
	if !ok {
		return code
	}
	var opt convenant.Options
	if partiesSet {
		chosen, code := chooseParties(set, s, parties, stderr)
		if chosen == nil {
			return code
		}
		opt.Parties = chosen
	}
	md := convenant.DraftWith(set, content.DefaultConvenantMap(), s, opt)
	data := []byte(md)
	switch format {
	case "html":
		data = export.HTML(convenantTitle(s), md)
	case "docx":
		data = wordDocument(convenantTitle(s), md)
	}
	return writeOut(out, data, stdout, stderr)
}

func runExport(args []string, stdout, stderr io.Writer) int {
	var opt export.Options
	set, s, out, format, code, ok := reportCommand("export",
		"Gebruik: gespreksmap export --format html|docx VERSLAG.md [-o BESTAND] [--only-discussed] [--set NAAM|BESTAND]\nMaakt een printbare HTML-versie van het verslag (A4, zonder externe bestanden), of een Word-document (docx, naar een bestand: -o BESTAND.docx).\nMet --only-discussed alleen de vragen en deelpunten die besproken zijn.",
		[]string{"html", "docx"}, args, stderr, func(fs *flag.FlagSet) {
			fs.BoolVar(&opt.OnlyDiscussed, "only-discussed", false, "alleen wat besproken is")
		})
	if !ok {
		return code
	}
	if format == "docx" {
		return writeOut(out, wordDocument(reportTitle(s), export.ReportMarkdown(set, s, opt)), stdout, stderr)
	}
	return writeOut(out, export.ReportHTMLWith(set, s, opt), stdout, stderr)
}

// loadReport reads a report with the question set a subcommand was given,
// or without one, with the built-in set the report names.
func loadReport(path, setName string, stderr io.Writer) (*content.Set, *sessions.Session, int) {
	set, code := loadSet(setName, stderr)
	if set == nil {
		return nil, nil, code
	}
	set, s, err := store.LoadNamed(path, picker(setName, set))
	if err != nil {
		fmt.Fprintf(stderr, "gespreksmap: %v\n", err)
		return nil, nil, exitBadInput
	}
	return set, s, exitOK
}

func writeOut(path string, data []byte, stdout, stderr io.Writer) int {
	if path == "" {
		stdout.Write(data)
		return exitOK
	}
	if err := store.WriteFile(path, data); err != nil {
		fmt.Fprintf(stderr, "gespreksmap: %v\n", err)
		return exitError
	}
	fmt.Fprintf(stdout, "Geschreven: %s\n", path)
	return exitOK
}
