package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"gespreksmap/content"
	"gespreksmap/sessions/store"
)

// loadSet loads the question set --set names: without a name the built-in
// default; a path to a file that exists, that file; else the built-in set
// with that id. A set that does not validate, or a name that is neither,
// stops the program before any screen is drawn.
func loadSet(name string, stderr io.Writer) (*content.Set, int) {
	if name == "" {
		return content.Default(), exitOK
	}
	if _, err := os.Stat(name); err != nil {
		if set := content.EmbeddedSet(name); set != nil {
			return set, exitOK
		}
		if os.IsNotExist(err) {
			fmt.Fprintf(stderr, "gespreksmap: vragenset %q niet gevonden: er is geen bestand met die naam en geen ingebouwde vragenset met dat id.\nIngebouwde vragensets (kies er een met --set ID):\n%s", name, setsTable())
			return nil, exitBadInput
		}
	}
	set, err := content.Load(name)
	if err != nil {
		fmt.Fprintf(stderr, "gespreksmap: vragenset %s klopt niet:\n%v\n", name, err)
		return nil, exitBadInput
	}
	for _, w := range set.Warnings {
		fmt.Fprintln(stderr, w)
	}
	return set, exitOK
}

// choosable is the sets the start screen offers for a new conversation:
// the built-in ones, unless --set chose one.
func choosable(name string) []*content.Set {
	if name != "" {
		return nil
	}
	return content.Embedded()
}

// picker reads a report with the built-in set it names, unless --set
// chose the set: then every report is read with that one, as the
// default reads a report that names another set.
func picker(name string, set *content.Set) store.Picker {
	return store.Pick(set, choosable(name)...)
}

// setsTable lists the built-in sets, one a line: id, title, version.
func setsTable() string {
	w := 0
	for _, s := range content.Embedded() {
		w = max(w, len(s.ID))
	}
	var b strings.Builder
	for i, s := range content.Embedded() {
		fmt.Fprintf(&b, "  %-*s  %s (versie %s)", w, s.ID, s.Title, s.Version)
		if i == 0 {
			b.WriteString(", standaard")
		}
		b.WriteString("\n")
	}
	return b.String()
}

func runSets(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		fmt.Fprintln(stderr, "Gebruik: gespreksmap sets\nToont de ingebouwde vragensets met id, titel en versie. Kies er een met --set ID.")
		if args[0] == "-h" || args[0] == "--help" {
			return exitOK
		}
		return exitBadInput
	}
	fmt.Fprint(stdout, "Ingebouwde vragensets (kies er een met --set ID):\n"+setsTable())
	return exitOK
}

// usage is the help, naming the question set that --set (or
// GESPREKSMAP_SET) loads.
func usage(name string) string {
	loaded := "Vragenset: "
	switch set := content.EmbeddedSet(name); {
	case name == "":
		d := content.Default()
		loaded += fmt.Sprintf("%s (%s, versie %s); bij een nieuw gesprek kies je uit %d ingebouwde vragensets.", d.Title, d.ID, d.Version, len(content.Embedded()))
	case fileExists(name):
		if own, err := content.Load(name); err == nil {
			loaded += fmt.Sprintf("%s (%s, versie %s) uit het bestand %s.", own.Title, own.ID, own.Version, name)
		} else {
			loaded += "het bestand " + name + " (gespreksmap validate zegt wat er niet klopt)."
		}
	case set != nil:
		loaded += fmt.Sprintf("%s (%s, versie %s).", set.Title, set.ID, set.Version)
	default:
		loaded += fmt.Sprintf("%q is geen bestand en geen ingebouwde vragenset (zie gespreksmap sets).", name)
	}
	return fmt.Sprintf(usageText, loaded)
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func runValidate(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprintln(stderr, "Gebruik: gespreksmap validate BESTAND.yaml...\nControleert vragensets en meldt elke fout met bestand:regel en het veld.")
		if len(args) == 0 {
			return exitBadInput
		}
		return exitOK
	}
	// Warnings (a text cut off by " #") are printed but never fail the check.
	warnings, err := content.CheckFiles(args...)
	for _, w := range warnings {
		fmt.Fprintln(stderr, w)
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitBadInput
	}
	for _, a := range args {
		fmt.Fprintf(stdout, "%s: in orde\n", a)
	}
	return exitOK
}
