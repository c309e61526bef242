package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/sessions/convenant"
	"gespreksmap/sessions/store"
)

// chooseParties reads --parties: names separated by semicolons (a name may
// hold a comma), each an organisation at the table of the report. nil
// means the command ends with code.
func chooseParties(set *content.Set, s *sessions.Session, list string, stderr io.Writer) ([]string, int) {
	var names []string
	for _, n := range strings.Split(list, ";") {
		if n = strings.TrimSpace(n); n != "" {
			names = append(names, n)
		}
	}
	orgs := convenant.Organisations(set, s)
	var known []string
	for _, o := range orgs {
		known = append(known, sessions.Printable(o.Name))
	}
	if len(orgs) == 0 {
		known = []string{"(niemand; het verslag noemt geen deelnemers)"}
	}
	if len(names) == 0 {
		fmt.Fprintf(stderr, "gespreksmap: --parties noemt geen organisatie; kies uit: %s\n", strings.Join(known, "; "))
		return nil, exitBadInput
	}
	matched, unknown := convenant.MatchParties(orgs, names)
	if len(unknown) > 0 {
		for i, u := range unknown {
			unknown[i] = strconv.Quote(sessions.Printable(u))
		}
		fmt.Fprintf(stderr, "gespreksmap: onbekende partij %s; aan tafel zaten: %s\n", strings.Join(unknown, ", "), strings.Join(known, "; "))
		return nil, exitBadInput
	}
	return matched, exitOK
}

// writeConvenantBeside writes the convenant draft next to the report, for
// the key in the interface, with the parties chosen there, as markdown and
// as a Word document. It returns what it wrote, for the flash line.
func writeConvenantBeside(reportPath string, set *content.Set, s *sessions.Session, parties []string) (string, error) {
	md := convenant.DraftWith(set, content.DefaultConvenantMap(), s, convenant.Options{Parties: parties})
	// Drafts go in a folder of their own, so the sessions folder lists only
	// conversation reports.
	dir := filepath.Join(filepath.Dir(reportPath), "convenant")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	out := filepath.Join(dir, strings.TrimSuffix(filepath.Base(reportPath), ".md")+"-concept.md")
	if err := store.WriteFile(out, []byte(md)); err != nil {
		return "", err
	}
	// The same draft as a Word document beside it, for the lawyers and
	// boards who edit it with tracked changes.
	doc := strings.TrimSuffix(out, ".md") + ".docx"
	if err := store.WriteFile(doc, wordDocument(convenantTitle(s), md)); err != nil {
		return "", err
	}
	return out + " en " + filepath.Base(doc), nil
}
