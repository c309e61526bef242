package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"time"

	"gespreksmap/sessions/overview"
)

const overviewUsage = "Gebruik: gespreksmap overview MAP... [-o BESTAND] [--format md|html] [--today JJJJ-MM-DD] [--set NAAM|BESTAND]\n" +
	"Eén overzicht over alle verslagen in de mappen (ook in submappen), per samenwerking: het laatste gesprek,\n" +
	"de stand per onderdeel sinds het vorige gesprek, open acties over hun datum en wat elk jaar nog niet geregeld is.\n" +
	"Er wordt niets in de mappen geschreven."

func runOverview(args []string, stdout, stderr io.Writer) int {
	var setPath, out, format, today string
	_, dirs, err := subFlags("overview", args, stderr, func(fs *flag.FlagSet) {
		fs.StringVar(&out, "o", "", "schrijf naar dit bestand in plaats van naar de uitvoer")
		fs.StringVar(&format, "format", "md", "md of html")
		fs.StringVar(&today, "today", "", "datum JJJJ-MM-DD waartegen acties vergeleken worden (standaard vandaag)")
		fs.StringVar(&setPath, "set", os.Getenv("GESPREKSMAP_SET"), "ingebouwde vragenset (gespreksmap sets) of YAML-bestand")
		fs.Usage = func() { fmt.Fprintln(stderr, overviewUsage) }
	})
	switch {
	case errors.Is(err, flag.ErrHelp):
		return exitOK
	case err != nil:
		return exitBadInput
	case !slices.Contains([]string{"md", "html"}, format):
		fmt.Fprintf(stderr, "gespreksmap: onbekend formaat %q voor overview (kies md of html)\n", format)
		return exitBadInput
	case len(dirs) == 0:
		fmt.Fprintln(stderr, overviewUsage)
		return exitBadInput
	}
	day := time.Now()
	if today != "" {
		if day, err = time.Parse("2006-01-02", today); err != nil {
			fmt.Fprintf(stderr, "gespreksmap: --today %q is geen datum als 2027-12-01\n", today)
			return exitBadInput
		}
	}
	for _, d := range dirs {
		if info, err := os.Stat(d); err != nil || !info.IsDir() {
			fmt.Fprintf(stderr, "gespreksmap: %s is geen map\n", d)
			return exitBadInput
		}
	}
	set, code := loadSet(setPath, stderr)
	if set == nil {
		return code
	}
	o, err := overview.Collect(dirs, picker(setPath, set), 0)
	if err != nil {
		fmt.Fprintf(stderr, "gespreksmap: %v\n", err)
		return exitError
	}
	for _, f := range o.Failures {
		fmt.Fprintf(stderr, "gespreksmap: niet te lezen: %s\n", failureText(f))
	}
	data := []byte(o.Markdown(day))
	if format == "html" {
		data = o.HTML(day)
	}
	return writeOut(out, data, stdout, stderr)
}

func failureText(f overview.Failure) string {
	if f.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", f.Path, f.Line, f.Msg)
	}
	return f.Path + ": " + f.Msg
}
