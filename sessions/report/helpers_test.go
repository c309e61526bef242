package report

import (
	"fmt"
	"strings"
	"testing"

	"gespreksmap/content"
	"gespreksmap/content/contenttest"
	"gespreksmap/sessions"
	"gespreksmap/sessions/sessionstest"
)

// defaultSet is the embedded question set, loaded once.
var defaultSet = content.Default()

var nastyTexts = contenttest.NastyTexts

func testSet() *content.Set                                 { return contenttest.Set() }
func everything() *sessions.Session                         { return sessionstest.Everything() }
func fullSession(set *content.Set, n int) *sessions.Session { return sessionstest.Full(set, n) }

// mustParse parses a report or fails the test.
func mustParse(t testing.TB, data []byte, set *content.Set) *sessions.Session {
	t.Helper()
	s, err := Parse(data, set)
	if err != nil {
		t.Fatalf("Parse: %v\n%s", err, numbered(data))
	}
	return s
}

// numbered shows a report with line numbers, for failure messages.
func numbered(data []byte) string {
	var b strings.Builder
	for i, l := range strings.Split(string(data), "\n") {
		fmt.Fprintf(&b, "%4d %s\n", i+1, l)
	}
	return b.String()
}

var lineOf = sessionstest.LineOf
