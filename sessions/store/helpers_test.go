package store

import (
	"gespreksmap/content"
	"gespreksmap/content/contenttest"
	"gespreksmap/sessions"
	"gespreksmap/sessions/sessionstest"
)

var defaultSet = content.Default()

func testSet() *content.Set                                 { return contenttest.Set() }
func everything() *sessions.Session                         { return sessionstest.Everything() }
func fullSession(set *content.Set, n int) *sessions.Session { return sessionstest.Full(set, n) }

var lineOf = sessionstest.LineOf
