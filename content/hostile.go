package content

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// maxNodes bounds the YAML nodes the validator visits, counting every
// visit through an alias (*name) anew. The default set has a few thousand;
// a "billion laughs" file of 3 KB would expand to billions.
const maxNodes = 100_000

// enter counts a visit of n and follows it when it is an alias. It returns
// the node to check and a function to call when its check is done, or
// ok=false when the walk must not go on: the file expands beyond maxNodes,
// or an alias refers to a value that contains it. Only a node with an
// anchor (&name) can be met again through an alias, so only those are
// remembered while their contents are walked.
func (c *checker) enter(n *yaml.Node, path string) (_ *yaml.Node, leave func(), ok bool) {
	if c.stopped {
		return nil, nil, false
	}
	c.visited++
	if c.visited > maxNodes {
		c.add(n.Line, "", "door verwijzingen (& en *) wordt de vragenset groter dan %d onderdelen; schrijf de teksten uit in plaats van ze te herhalen met *", maxNodes)
		c.stopped = true
		return nil, nil, false
	}
	alias := n
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	if n.Anchor == "" {
		return n, func() {}, true
	}
	if c.open[n] {
		c.add(alias.Line, path, "verwijzing *%s verwijst naar de waarde waar ze zelf in staat; zo wordt de vragenset oneindig groot", alias.Value)
		c.stopped = true
		return nil, nil, false
	}
	c.open[n] = true
	return n, func() { delete(c.open, n) }, true
}

// unsafeRune reports the characters a set may not contain: control
// characters other than tab and newline (C0, DEL, C1, among them ESC, which
// starts the escape sequences that move the cursor, set the window title or
// fill the clipboard), and the bidirectional embedding, override and isolate
// controls (U+202A–U+202E, U+2066–U+2069), which make text read in another
// order than it is written.
func unsafeRune(r rune) bool {
	switch {
	case r == '\t' || r == '\n':
		return false
	case r < 0x20 || r >= 0x7f && r <= 0x9f:
		return true
	}
	return r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069'
}

// unsafeText describes the first character of s that a set may not
// contain, or returns "" when there is none.
func unsafeText(s string) string {
	for _, r := range s {
		if !unsafeRune(r) {
			continue
		}
		switch {
		case r == 0x1b:
			return "bevat een escape-teken (U+001B), waarmee een tekst het scherm kan besturen; haal het weg"
		case r < 0x20 || r >= 0x7f && r <= 0x9f:
			return fmt.Sprintf("bevat een stuurteken (U+%04X); haal het weg", r)
		default:
			return fmt.Sprintf("bevat een onzichtbaar teken (U+%04X) dat de leesrichting van de tekst omkeert; haal het weg", r)
		}
	}
	return ""
}

// scanBytes finds what makes a file unreadable as text before the YAML
// parser sees it, which names neither the line nor the cause: invalid
// UTF-8 (a file saved as Windows-1252 or Latin-1) and control characters
// written into the file itself. It reports one problem per line, at most
// ten, so a binary file does not give thousands, and returns whether it
// found any. Bidirectional controls are left to the checks of the fields
// they are in, which name the field.
func scanBytes(data []byte, errf func(line int, format string, args ...any)) bool {
	const most = 10
	found, line := 0, 1
	for i := 0; i < len(data) && found < most; {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			errf(line, "deze regel is geen geldige UTF-8-tekst (het bestand is misschien opgeslagen als Windows-1252 of Latin-1); sla het bestand op als UTF-8")
		case r == '\r' || r == '\n' || r == '\t':
		case unsafeRune(r) && r < 0xa0: // a bidi control is judged in its field
			errf(line, "deze regel %s", unsafeText(string(r)))
		default:
			i += size
			continue
		}
		if r != '\r' && r != '\n' && r != '\t' {
			found++
			i = nextLine(data, i)
			line++
			continue
		}
		if r == '\n' || r == '\r' && (i+1 == len(data) || data[i+1] != '\n') {
			line++
		}
		i += size
	}
	return found > 0
}

// nextLine is the index after the line break that ends the line holding
// data[i] (a lone CR counts as a line break, as it does for YAML).
func nextLine(data []byte, i int) int {
	for ; i < len(data); i++ {
		switch data[i] {
		case '\n':
			return i + 1
		case '\r':
			if i+1 < len(data) && data[i+1] == '\n' {
				return i + 2
			}
			return i + 1
		}
	}
	return i
}

// visible writes the characters unsafeRune refuses as Go escapes (\x1b,
// \u202e), so a message that quotes a file's text, or a file name, cannot
// change the terminal it is printed on.
func visible(s string) string {
	if !strings.ContainsFunc(s, unsafeRune) && utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"):
			fmt.Fprintf(&b, "\\x%02x", s[i])
		case unsafeRune(r) && r < 0x100:
			fmt.Fprintf(&b, "\\x%02x", r)
		case unsafeRune(r):
			fmt.Fprintf(&b, "\\u%04x", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// checkText checks one text of the set: it may hold no character that
// unsafeRune refuses, and a plain (unquoted) text followed by a comment on
// its line gets a warning, because YAML ends a plain text at " #": the
// title "Eerste stappen #ZiO" is read as "Eerste stappen".
func (c *checker) checkText(n *yaml.Node, path string) {
	if msg := unsafeText(n.Value); msg != "" {
		c.add(n.Line, path, "%s", msg)
	}
	const quotedOrBlock = yaml.DoubleQuotedStyle | yaml.SingleQuotedStyle | yaml.LiteralStyle | yaml.FoldedStyle
	if n.LineComment != "" && n.Style&quotedOrBlock == 0 {
		c.warns = append(c.warns, &Error{File: c.file, Line: n.Line, Field: path, Warning: true,
			Msg: fmt.Sprintf("de tekst eindigt bij %q: wat na \" #\" staat (%q) leest YAML als opmerking en het wordt niet getoond; hoort het bij de tekst, zet de hele tekst dan tussen aanhalingstekens", n.Value, n.LineComment)})
	}
}
