package main

import (
	"archive/zip"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/sessions/report"
	"gespreksmap/sessions/store"
)

func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func TestHelpIsThereForTheProgramAndEverySubcommand(t *testing.T) {
	code, out, _ := runCLI(t, "--help")
	if code != exitOK || !strings.Contains(out, "gespreksmap validate") || !strings.Contains(out, "GESPREKSMAP_DIR") || !strings.Contains(out, "130") {
		t.Errorf("--help: %d\n%s", code, out)
	}
	for _, sub := range []string{"validate", "compare", "convenant", "export", "overview"} {
		code, out, errOut := runCLI(t, sub, "--help")
		if code != exitOK || !strings.Contains(out+errOut, "Gebruik: gespreksmap "+sub) {
			t.Errorf("%s --help: %d\n%s%s", sub, code, out, errOut)
		}
	}
}

func TestVersionIsPrinted(t *testing.T) {
	code, out, _ := runCLI(t, "version")
	if code != exitOK || !strings.HasPrefix(out, "gespreksmap ") {
		t.Errorf("version: %d %q", code, out)
	}
}

func TestABrokenQuestionSetStopsTheProgramWithStatus2BeforeAnyScreen(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "set.yaml")
	os.WriteFile(bad, []byte("id: x\ntitle: X\nversion: \"1\"\nsections:\n  - id: a\n    title: A\n    questions:\n      - id: a.b\n        kind: opne\n        text: Vraag?\n"), 0o600)
	code, out, errOut := runCLI(t, "--set", bad)
	if code != exitBadInput {
		t.Errorf("exit %d, want %d", code, exitBadInput)
	}
	if !strings.Contains(errOut, "set.yaml:9") || !strings.Contains(errOut, "opne") {
		t.Errorf("the error names file:line and the bad kind:\n%s", errOut)
	}
	if strings.Contains(out, "\x1b") || strings.Contains(errOut, "\x1b[?1049h") {
		t.Error("no screen may be drawn for a bad set")
	}
	code, _, errOut = runCLI(t, "validate", bad)
	if code != exitBadInput || !strings.Contains(errOut, "set.yaml:9") {
		t.Errorf("validate: %d %s", code, errOut)
	}
}

func TestValidateAcceptsTheDefaultSet(t *testing.T) {
	path := filepath.Join(t.TempDir(), "default.yaml")
	os.WriteFile(path, content.DefaultYAML(), 0o600)
	code, out, errOut := runCLI(t, "validate", path)
	if code != exitOK || !strings.Contains(out, "in orde") {
		t.Errorf("validate default: %d %s %s", code, out, errOut)
	}
}

func TestABrokenReportIsRefusedWithItsLineAndLeftAsItWas(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "kapot.md")
	data := []byte("<!-- gespreksmap report v1 -->\n# Titel\n\n<!-- gm:meta -->\n- **Onzin:** x\n<!-- /gm:meta -->\n")
	os.WriteFile(path, data, 0o600)
	code, _, errOut := runCLI(t, path)
	if code != exitBadInput || !strings.Contains(errOut, "kapot.md:5") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(after, data) {
		t.Error("a report that does not parse must never be modified")
	}
}

// writeReport writes a small conversation with one agreement and one open topic.
func writeReport(t *testing.T, dir string) string {
	t.Helper()
	set := content.Default()
	s := sessions.New(set.ID, set.Version)
	s.Title, s.Region, s.Date = "Lab", "Noord", "2026-11-22"
	s.Participants = []sessions.Participant{{Name: "Piet", Organisation: "Gemeente Noord", PartnerKind: "gemeente", Signs: true, Function: "wethouder"}}
	a := s.Answer("organiseren.afspraken")
	a.Part("verschil-van-mening").Status = sessions.StatusDone
	a.Part("verschil-van-mening").Text = "Bij verschil van mening beslist de stuurgroep."
	s.Answer("financiering.vervoer").Status = sessions.StatusNotYet
	path := filepath.Join(dir, "lab.md")
	if err := store.WriteFile(path, report.Render(set, s)); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestConvenantAndExportCommandsWriteTheirFiles(t *testing.T) {
	dir := t.TempDir()
	report := writeReport(t, dir)
	code, out, errOut := runCLI(t, "convenant", report)
	if code != exitOK || !strings.Contains(out, "Bij verschil van mening beslist de stuurgroep.") || !strings.Contains(out, "[IN TE VULLEN:") {
		t.Errorf("convenant: %d %s\n%s", code, errOut, out)
	}
	htmlPath := filepath.Join(dir, "convenant.html")
	code, _, errOut = runCLI(t, "convenant", report, "--format", "html", "-o", htmlPath)
	html, _ := os.ReadFile(htmlPath)
	if code != exitOK || !bytes.Contains(html, []byte("<html")) || !bytes.Contains(html, []byte("stuurgroep")) {
		t.Errorf("convenant html: %d %s", code, errOut)
	}
	exportPath := filepath.Join(dir, "verslag.html")
	code, _, errOut = runCLI(t, "export", "--format", "html", report, "-o", exportPath)
	html, _ = os.ReadFile(exportPath)
	if code != exitOK || !bytes.Contains(html, []byte("stuurgroep")) || bytes.Contains(html, []byte("gm:")) {
		t.Errorf("export html: %d %s", code, errOut)
	}
	// --only-discussed leaves out what was not discussed.
	if !bytes.Contains(html, []byte("Niet besproken.")) {
		t.Fatal("the full export shows nothing undiscussed; the next check proves nothing")
	}
	shortPath := filepath.Join(dir, "besproken.html")
	code, _, errOut = runCLI(t, "export", "--format", "html", "--only-discussed", report, "-o", shortPath)
	short, _ := os.ReadFile(shortPath)
	if code != exitOK || !bytes.Contains(short, []byte("stuurgroep")) || bytes.Contains(short, []byte("Niet besproken.")) {
		t.Errorf("export --only-discussed: %d %s", code, errOut)
	}
}

func TestCompareCommandPrintsWhatChanged(t *testing.T) {
	dir := t.TempDir()
	set := content.Default()
	mk := func(name, date string, st sessions.Status) string {
		s := sessions.New(set.ID, set.Version)
		s.Title, s.Date = name, date
		s.Answer("bestuur.agenda").Status = st
		p := filepath.Join(dir, name+".md")
		if err := store.WriteFile(p, report.Render(set, s)); err != nil {
			t.Fatal(err)
		}
		return p
	}
	a := mk("a", "2025-11-20", sessions.StatusNotYet)
	b := mk("b", "2026-11-22", sessions.StatusDone)
	code, out, errOut := runCLI(t, "compare", a, b)
	if code != exitOK || !strings.Contains(out, "nog niet → geregeld") {
		t.Errorf("compare: %d %s\n%s", code, errOut, out)
	}
	if strings.Contains(out, "\x1b") {
		t.Error("compare prints plain markdown, no escape sequences")
	}
	if _, _, errOut := runCLI(t, "compare", b, a); !strings.Contains(errOut, "let op") {
		t.Errorf("reports named newest first should be pointed out: %q", errOut)
	}
}

func TestTheInterfacesConvenantDraftGoesInItsOwnFolderBesideTheReports(t *testing.T) {
	dir := t.TempDir()
	report := writeReport(t, dir)
	set := content.Default()
	s, err := store.Load(report, set)
	if err != nil {
		t.Fatal(err)
	}
	out, err := writeConvenantBeside(report, set, s, nil)
	if err != nil {
		t.Fatal(err)
	}
	md := filepath.Join(dir, "convenant", "lab-concept.md")
	if out != md+" en lab-concept.docx" {
		t.Errorf("draft written to %s", out)
	}
	if doc, err := zip.OpenReader(strings.TrimSuffix(md, ".md") + ".docx"); err != nil {
		t.Errorf("no Word document beside the draft: %v", err)
	} else {
		doc.Close()
	}
	data, _ := os.ReadFile(md)
	if !bytes.Contains(data, []byte("Bij verschil van mening beslist de stuurgroep.")) {
		t.Errorf("the draft lacks the agreement:\n%s", data)
	}
	entries, _ := store.List(dir, set)
	if len(entries) != 1 {
		t.Errorf("the sessions folder lists only reports, got %d entries", len(entries))
	}
}

func TestAccessibleReadOnlyPrintsTheAnswersAndLeavesTheReportAlone(t *testing.T) {
	dir := t.TempDir()
	report := writeReport(t, dir)
	before, _ := os.ReadFile(report)
	var out, errb bytes.Buffer
	code := run([]string{"--accessible", "--read-only", "--dir", dir, report}, strings.NewReader(""), &out, &errb)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.Contains(out.String(), "Bij verschil van mening beslist de stuurgroep.") {
		t.Errorf("the answers are printed:\n%s", out.String())
	}
	after, _ := os.ReadFile(report)
	if !bytes.Equal(before, after) {
		t.Error("read-only must not change the report")
	}
}

func TestWithoutATerminalTheProgramTurnsToAccessibleMode(t *testing.T) {
	dir := t.TempDir()
	var out, errb bytes.Buffer
	code := run([]string{"--dir", dir}, strings.NewReader("q\n"), &out, &errb)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.Contains(errb.String(), "geen terminal") || !strings.Contains(out.String(), "nieuw gesprek") {
		t.Errorf("stderr %q\nstdout %q", errb.String(), out.String())
	}
}

func TestAnUnknownExportFormatIsNamed(t *testing.T) {
	report := writeReport(t, t.TempDir())
	code, _, errOut := runCLI(t, "export", "--format", "pdf", report)
	if code != exitBadInput || !strings.Contains(errOut, `onbekend formaat "pdf"`) {
		t.Errorf("%d %q", code, errOut)
	}
	code, _, errOut = runCLI(t, "convenant", "--format", "odt", report)
	if code != exitBadInput || !strings.Contains(errOut, `onbekend formaat "odt"`) {
		t.Errorf("%d %q", code, errOut)
	}
}

func TestValidateWarnsOfATextCutByAHashAndStillAcceptsTheSet(t *testing.T) {
	path, err := filepath.Abs("../../content/testdata/warnings/cut-by-hash.yaml")
	if err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, "validate", path)
	if code != exitOK || !strings.Contains(out, "in orde") {
		t.Errorf("a set with only warnings: exit %d, %s %s", code, out, errOut)
	}
	if !strings.Contains(errOut, "cut-by-hash.yaml:") || !strings.Contains(errOut, "waarschuwing") || !strings.Contains(errOut, "#") {
		t.Errorf("validate says nothing of the text cut by #:\n%s", errOut)
	}
}

// writeReportWithParties writes a conversation with four organisations at
// the table: a municipality, the parents' section of a participation
// council, a care provider whose name holds a comma, and a school.
func writeReportWithParties(t *testing.T, dir string) string {
	t.Helper()
	set := content.Default()
	s := sessions.New(set.ID, set.Version)
	s.Title, s.Region, s.Date = "Lab", "Noord", "2026-11-22"
	s.Participants = []sessions.Participant{
		{Name: "Piet", Organisation: "Gemeente Noord", PartnerKind: "gemeente", Signs: true, Function: "wethouder"},
		{Name: "Petra", Organisation: "MR De Regenboog (oudergeleding)", PartnerKind: "oudervertegenwoordiging", Signs: true},
		{Name: "Karel", Organisation: "Zorggroep Elde, locatie Oost", PartnerKind: "zorgaanbieders", Signs: true, Function: "bestuurder"},
		{Name: "Els", Organisation: "Basisschool De Linde", PartnerKind: "scholen", Signs: true, Function: "directeur"},
	}
	a := s.Answer("organiseren.afspraken")
	a.Part("verschil-van-mening").Status = sessions.StatusDone
	a.Part("verschil-van-mening").Text = "Bij verschil van mening beslist de stuurgroep."
	path := filepath.Join(dir, "lab.md")
	if err := store.WriteFile(path, report.Render(set, s)); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestTheConvenantCommandDraftsWithThePartiesNamedAndRefusesAnUnknownOne(t *testing.T) {
	dir := t.TempDir()
	path := writeReportWithParties(t, dir)
	bin := testBinary(t)
	run := func(args ...string) (int, string, string) {
		t.Helper()
		cmd := exec.Command(bin, args...)
		cmd.Env = terminalEnv()
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return code, stdout.String(), stderr.String()
	}
	signing := func(draft string) []string {
		var out []string
		for _, l := range strings.Split(draft, "\n") {
			if h, ok := strings.CutPrefix(l, "### Voor "); ok {
				out = append(out, h)
			}
		}
		return out
	}

	// By default the parents' representation is involved, not a party.
	code, out, errOut := run("convenant", path)
	if got := strings.Join(signing(out), "|"); code != exitOK || got != "Gemeente Noord|Zorggroep Elde, locatie Oost|[IN TE VULLEN: bevoegd gezag van Basisschool De Linde]" {
		t.Errorf("default: %d %q, signing %s", code, errOut, got)
	}
	if !strings.Contains(out, "Als vertegenwoordiging van ouders is bij dit convenant betrokken, zonder partij te zijn: MR De Regenboog (oudergeleding).") {
		t.Errorf("default: the parents' representation is not named as involved:\n%s", out)
	}

	// Named in any case, separated by semicolons, a comma inside a name.
	code, out, errOut = run("convenant", path, "--parties", " gemeente noord;MR DE REGENBOOG (oudergeleding) ; zorggroep elde, locatie oost")
	if got := strings.Join(signing(out), "|"); code != exitOK || got != "Gemeente Noord|MR De Regenboog (oudergeleding)|Zorggroep Elde, locatie Oost" {
		t.Errorf("--parties: %d %q, signing %s", code, errOut, got)
	}
	if !strings.Contains(out, "Betrokken bij dit convenant, zonder partij te zijn: Basisschool De Linde.") {
		t.Errorf("--parties: the school left out is not named as involved:\n%s", out)
	}
	draftPath := filepath.Join(dir, "concept.md")
	if code, _, errOut = run("convenant", path, "--parties=Gemeente Noord", "-o", draftPath); code != exitOK {
		t.Fatalf("-o with --parties: %d %s", code, errOut)
	}
	if data, _ := os.ReadFile(draftPath); strings.Join(signing(string(data)), "|") != "Gemeente Noord" {
		t.Errorf("the draft written with -o signs for %v", signing(string(data)))
	}

	// An organisation that was not at the table is refused with status 2,
	// naming the ones that were; nothing is printed as a draft.
	code, out, errOut = run("convenant", path, "--parties", "Gemeente Noord;Gemeente Zuid")
	if code != exitBadInput || out != "" || !strings.Contains(errOut, `onbekende partij "Gemeente Zuid"; aan tafel zaten: Gemeente Noord; MR De Regenboog (oudergeleding); Zorggroep Elde, locatie Oost; Basisschool De Linde`) {
		t.Errorf("unknown party: %d %q\n%s", code, errOut, out)
	}
	code, out, errOut = run("convenant", path, "--parties", " ; ")
	if code != exitBadInput || out != "" || !strings.Contains(errOut, "--parties noemt geen organisatie; kies uit: Gemeente Noord;") {
		t.Errorf("no party named: %d %q", code, errOut)
	}
}
