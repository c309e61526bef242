package content

import (
	"errors"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

var (
	yamlLineRe   = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)
	decodeLineRe = regexp.MustCompile(`^\s*line (\d+): (.*)$`)
)

// syntaxMessages gives Dutch wording for the YAML syntax errors content
// authors meet most.
var syntaxMessages = map[string]string{
	"mapping values are not allowed in this context":  "hier kan geen \"naam: waarde\" staan; staat er een dubbele punt in een tekst, zet de tekst dan tussen aanhalingstekens",
	"found a tab character that violates indentation": "tab gevonden; spring in met spaties",
	"found character that cannot start any token":     "deze regel bevat een teken dat hier niet mag: begint de tekst met @ of met een accent grave (`), zet de tekst dan tussen aanhalingstekens; staat er een tab, spring dan in met spaties",
	"found unexpected end of stream":                  "onverwacht einde van het bestand; ontbreekt een afsluitend aanhalingsteken of haakje?",
	"did not find expected node content":              "hier ontbreekt een waarde; ontbreekt een afsluitend haakje?",
	"did not find expected ',' or ']'":                "hier ontbreekt een komma of het sluithaakje ] van een lijst",
	"did not find expected ',' or '}'":                "hier ontbreekt een komma of het sluithaakje } van een reeks velden",
	"did not find expected key":                       "hier werd een veld verwacht; klopt het inspringen?",
	"did not find expected '-' indicator":             "hier werd een lijstregel (\"- \") verwacht; klopt het inspringen?",
}

// syntaxError turns a yaml syntax error into a line and a Dutch message.
func syntaxError(err error, data []byte) (int, string) {
	line, msg := 0, err.Error()
	if m := yamlLineRe.FindStringSubmatch(err.Error()); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	}
	switch {
	case strings.Contains(msg, "tab character"):
		line = tabLine(data, line)
	case strings.HasPrefix(msg, "did not find expected") && line > 0:
		// yaml.v3 counts lines from 0 in its parser's errors (from 1 in
		// its scanner's): the line it names is the one above.
		line++
	}
	if nl, ok := syntaxMessages[msg]; ok {
		return line, "ongeldige YAML: " + nl
	}
	return line, "ongeldige YAML: " + msg
}

// tabLine is the line that holds the offending tab. yaml.v3 reports a tab in
// the indentation at the line of the token before it, which is often the
// line above, so the line it names is where the search starts.
func tabLine(data []byte, from int) int {
	for i, l := range strings.Split(string(data), "\n") {
		if i+1 < from {
			continue
		}
		indent := l[:len(l)-len(strings.TrimLeft(l, " \t"))]
		if strings.Contains(indent, "\t") {
			return i + 1
		}
	}
	return from
}

func (c *checker) addDecodeError(err error) {
	var te *yaml.TypeError
	if !errors.As(err, &te) {
		line, msg := syntaxError(err, nil)
		c.add(line, "", "%s", msg)
		return
	}
	for _, e := range te.Errors {
		if m := decodeLineRe.FindStringSubmatch(e); m != nil {
			line, _ := strconv.Atoi(m[1])
			c.add(line, "", "ongeldige waarde: %s", m[2])
		} else {
			c.add(0, "", "ongeldige waarde: %s", e)
		}
	}
}
