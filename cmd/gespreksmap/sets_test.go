package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gespreksmap/content"
	"gespreksmap/sessions/report"
)

func TestSetsListsTheBuiltInSetsWithIdTitleAndVersion(t *testing.T) {
	code, out, errOut := runCLI(t, "sets")
	if code != exitOK || errOut != "" {
		t.Fatalf("sets: %d %s", code, errOut)
	}
	want := "Ingebouwde vragensets (kies er een met --set ID):\n" +
		"  zio-gespreksmap  Gespreksmap Zorg in Onderwijstijd (versie 1), standaard\n" +
		"  randvoorwaarden  Randvoorwaarden en werkzame factoren (versie 1)\n" +
		"  intermezzo       Intermezzo Zorg in Onderwijstijd (versie 1)\n"
	if out != want {
		t.Errorf("sets printed\n%s\nwant\n%s", out, want)
	}
	if code, _, errOut := runCLI(t, "sets", "--help"); code != exitOK || !strings.Contains(errOut, "Gebruik: gespreksmap sets") {
		t.Errorf("sets --help: %d %s", code, errOut)
	}
	if code, _, _ := runCLI(t, "sets", "extra"); code != exitBadInput {
		t.Errorf("sets with an argument: exit %d", code)
	}
}

// --set intermezzo runs the built-in set; the report names it.
func TestSetByIdRunsThatSetAndTheReportNamesIt(t *testing.T) {
	for _, how := range []string{"flag", "env"} {
		t.Run(how, func(t *testing.T) {
			dir := t.TempDir()
			args := []string{"--accessible", "--dir", dir}
			if how == "flag" {
				args = append(args, "--set", "intermezzo")
			} else {
				t.Setenv("GESPREKSMAP_SET", "intermezzo")
			}
			in := "1\nKort gesprek\nTilburg\n\nAnna\n\n1\nWe beginnen met een pilot.\n\n1\n"
			var out, errb bytes.Buffer
			code := run(args, strings.NewReader(in), &out, &errb)
			if code != exitOK {
				t.Fatalf("exit %d\n%s\n%s", code, out.String(), errb.String())
			}
			if !strings.Contains(out.String(), "Gespreksmap · Intermezzo Zorg in Onderwijstijd") || strings.Contains(out.String(), "kies de vragenset") {
				t.Errorf("the start does not name the set, or offers a choice:\n%s", out.String())
			}
			files, _ := filepath.Glob(filepath.Join(dir, "*.md"))
			if len(files) != 1 {
				t.Fatalf("reports: %v", files)
			}
			data, _ := os.ReadFile(files[0])
			s, err := report.Parse(data, content.EmbeddedSet("intermezzo"))
			if err != nil || s.SetID != "intermezzo" || s.Answers["intermezzo.eigen-situatie"] == nil {
				t.Errorf("the report does not name the set or lacks the answer (%v):\n%s", err, data)
			}
			if !strings.Contains(string(data), "intermezzo") {
				t.Errorf("report:\n%s", data)
			}
			// Continued without --set: with the set the report names.
			os.Unsetenv("GESPREKSMAP_SET")
			out.Reset()
			errb.Reset()
			code = run([]string{"--accessible", "--dir", dir, files[0]}, strings.NewReader(""), &out, &errb)
			if code != exitOK || !strings.Contains(out.String(), "Onderdeel 1: Intermezzo") {
				t.Errorf("continued without --set: %d\n%s\n%s", code, out.String(), errb.String())
			}
			// And exported: the HTML shows the intermezzo's question.
			code, html, errOut := runCLI(t, "export", "--format", "html", files[0])
			if code != exitOK || !strings.Contains(html, "Wat kun jij hiermee voor je eigen situatie") {
				t.Errorf("export without --set: %d %s", code, errOut)
			}
		})
	}
}

func TestAnUnknownSetNameSaysWhichSetsThereAreWithStatus2(t *testing.T) {
	for _, args := range [][]string{{"--set", "intermezo"}, {"compare", "a.md", "b.md", "--set", "intermezo"}, {"export", "--format", "html", "x.md", "--set", "intermezo"}} {
		code, out, errOut := runCLI(t, args...)
		if code != exitBadInput || out != "" {
			t.Errorf("%v: exit %d, out %q", args, code, out)
		}
		for _, want := range []string{`vragenset "intermezo" niet gevonden`, "zio-gespreksmap", "randvoorwaarden", "intermezzo ", "--set ID"} {
			if !strings.Contains(errOut, want) {
				t.Errorf("%v: stderr lacks %q:\n%s", args, want, errOut)
			}
		}
	}
}

// A file that exists wins over a built-in id of the same name.
func TestAFileNamedLikeABuiltInSetIsTheFile(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	os.WriteFile("intermezzo", []byte("id: eigen\ntitle: Eigen set\nversion: \"2\"\nsections:\n  - id: a\n    title: A\n    questions:\n      - id: a.b\n        kind: open\n        text: Eigen vraag?\n"), 0o600)
	code, out, errOut := runCLI(t, "--set", "intermezzo", "--help")
	if code != exitOK || !strings.Contains(out, "Vragenset: Eigen set (eigen, versie 2) uit het bestand intermezzo.") {
		t.Errorf("--help with a file: %d %s %s", code, out, errOut)
	}
	var o, e bytes.Buffer
	code = run([]string{"--accessible", "--set", "intermezzo", "--dir", "s"}, strings.NewReader("q\n"), &o, &e)
	if code != exitOK || !strings.Contains(o.String(), "Gespreksmap · Eigen set") {
		t.Errorf("the file is not the set: %d\n%s%s", code, o.String(), e.String())
	}
}

func TestHelpNamesTheSetThatIsLoaded(t *testing.T) {
	t.Setenv("GESPREKSMAP_SET", "")
	_, out, _ := runCLI(t, "--help")
	for _, want := range []string{
		"Vragenset: Gespreksmap Zorg in Onderwijstijd (zio-gespreksmap, versie 1); bij een nieuw gesprek kies je uit 3 ingebouwde vragensets.",
		"gespreksmap sets", "--set NAAM", "een bestaand bestand gaat voor een id",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("--help lacks %q:\n%s", want, out)
		}
	}
	_, out, _ = runCLI(t, "--set", "randvoorwaarden", "--help")
	if !strings.Contains(out, "Vragenset: Randvoorwaarden en werkzame factoren (randvoorwaarden, versie 1).") || strings.Contains(out, "het gesprek over Zorg in Onderwijstijd") {
		t.Errorf("--help with --set randvoorwaarden:\n%s", out)
	}
	t.Setenv("GESPREKSMAP_SET", "intermezzo")
	if _, out, _ = runCLI(t, "help"); !strings.Contains(out, "Vragenset: Intermezzo Zorg in Onderwijstijd (intermezzo, versie 1).") {
		t.Errorf("help with GESPREKSMAP_SET:\n%s", out)
	}
}
