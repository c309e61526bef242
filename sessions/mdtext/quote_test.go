package mdtext

import (
	"bytes"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// unquote reads a quote written by Quote back, as the report reader does.
func unquote(q string) string {
	var lines []string
	for _, l := range strings.Split(strings.TrimSuffix(q, "\n\n"), "\n") {
		lines = append(lines, strings.TrimPrefix(strings.TrimPrefix(l, ">"), " "))
	}
	return UnquoteLines(lines)
}

func TestTypedLinesAreEscapedOnlyWhereMarkdownWouldChangeThem(t *testing.T) {
	for _, c := range []struct{ typed, written string }{
		{"# Agenda", `\# Agenda`},
		{"   ## Agenda", `   \## Agenda`},
		{"#hashtag", "#hashtag"},
		{"---", `\---`},
		{"***", `\***`},
		{"___", `\___`},
		{"* * *", `\* * *`},
		{"===", `\===`},
		{"--", `\--`},
		{"```", "\\`\\`\\`"},
		{"```go", "\\`\\`\\`go"},
		{"~~~", `\~~~`},
		{"zie `code`", "zie \\`code\\`"},
		{"<b>vet</b>", `\<b>vet\</b>`},
		{"<!-- x -->", `\<!-- x -->`},
		{"a < b en c<d", `a < b en c\<d`},
		{"<https://example.com>", `\<https://example.com>`},
		{"&amp; & co", `\&amp; & co`},
		{"> citaat", `\> citaat`},
		{"[x]: https://example.com", `\[x]: https://example.com`},
		{`C:\map`, `C:\map`},
		{`\*`, `\\*`},
		{`\\server\share`, `\\\server\share`},
		// What a person means as markup keeps its meaning.
		{"- punt", "- punt"},
		{"* punt", "* punt"},
		{"1. punt", "1. punt"},
		{"2) punt", "2) punt"},
		{"*nadruk* en **vet** en _ook_", "*nadruk* en **vet** en _ook_"},
		{"| a | b |", "| a | b |"},
		{"[site](https://example.com)", "[site](https://example.com)"},
		// Inside a list item the same rules hold.
		{"- # kop", `- \# kop`},
		{"1. ---", `1. \---`},
		{"- - -", `\- - -`},
		{"-", `\-`},
		{"*", `\*`},
		{"1.", `1\.`},
	} {
		q := Quote(c.typed)
		if want := "> " + c.written + "\n\n"; q != want {
			t.Errorf("%q is written %q, want %q", c.typed, q, want)
		}
		if got := unquote(q); got != c.typed {
			t.Errorf("%q reads back as %q", c.typed, got)
		}
	}
}

func TestAnIndentedLineIsNotCode(t *testing.T) {
	text := "    ingesprongen\ngewoon\n\tmet tab\n\n\tna een lege regel\n  twee spaties"
	q := Quote(text)
	want := "> &#32;    ingesprongen  \n> gewoon  \n> \tmet tab\n>\n> &#32;\tna een lege regel  \n>   twee spaties\n\n"
	if q != want {
		t.Errorf("Quote = %q\nwant    %q", q, want)
	}
	if got := unquote(q); got != text {
		t.Errorf("reads back as %q", got)
	}
	// A typed entity for a space is not taken for the escape.
	if got := unquote(Quote("&#32;    x")); got != "&#32;    x" {
		t.Errorf("a typed &#32; reads back as %q", got)
	}
}

// typedAnswer holds every line shape that markdown would turn into
// something else than what was typed, and lists that should stay lists.
const typedAnswer = "# Agenda\nTitel\n---\nNog een titel\n===\n***\n___\n* * *\n```\ncode?\n~~~\n<b>vet</b> en <script>x</script>\n<!-- verborgen\n&nbsp;&amp;\n![foto](x.png)\n> citaat\n\n    ingesprongen\n\n- eerste\n- tweede\n\n1. een\n2. twee\n\n- # kop in een lijst\n\n*nadruk*"

func TestTypedTextRendersAsTyped(t *testing.T) {
	var html bytes.Buffer
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	if err := md.Convert([]byte(Quote(typedAnswer)), &html); err != nil {
		t.Fatal(err)
	}
	out := html.String()
	for _, tag := range []string{"<h1", "<h2", "<hr", "<pre", "<code", "<b>", "<script", "<!--", "<blockquote>\n<blockquote"} {
		if strings.Contains(out, tag) {
			t.Errorf("typed text renders %s:\n%s", tag, out)
		}
	}
	for _, shown := range []string{"# Agenda", "Titel<br>\n---", "Nog een titel<br>\n===", "***", "___", "* * *", "```", "~~~",
		"&lt;b&gt;vet&lt;/b&gt; en &lt;script&gt;", "&lt;!-- verborgen", "&amp;nbsp;&amp;amp;", `<img src="x.png" alt="foto">`, "&gt; citaat", "ingesprongen",
		"<ul>\n<li>eerste</li>\n<li>tweede</li>\n</ul>", "<ol>\n<li>een</li>\n<li>twee</li>\n</ol>", "<li># kop in een lijst</li>", "<em>nadruk</em>"} {
		if !strings.Contains(out, shown) {
			t.Errorf("the rendered quote lacks %q:\n%s", shown, out)
		}
	}
	if strings.Count(out, "<blockquote>") != 1 {
		t.Errorf("the answer is not one quote:\n%s", out)
	}
}

func TestAQuoteWrittenBeforeTheseEscapesReadsAsItWasTyped(t *testing.T) {
	// Earlier reports escaped only "<" and "[x]:" at the start of a line.
	old := "> # Dit is geen kop  \n> > en geen citaat  \n> \\<!-- geen commentaar  \n> ```  \n> ---  \n> \\\\<b> al ge-escaped  \n> C:\\map\n\n"
	want := "# Dit is geen kop\n> en geen citaat\n<!-- geen commentaar\n```\n---\n\\<b> al ge-escaped\nC:\\map"
	if got := unquote(old); got != want {
		t.Errorf("read %q, want %q", got, want)
	}
}
