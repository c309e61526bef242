package tui

import (
	"github.com/charmbracelet/bubbles/key"

	"gespreksmap/tui/component"
)

// rootKeys are the keys the root answers on every screen.
type rootKeys struct {
	Quit, More, HelpLetter, Glossary key.Binding
	Find, FindLetter                 key.Binding
	Park, Present                    key.Binding
}

func newRootKeys() rootKeys {
	b := component.Bind
	return rootKeys{
		Quit:       b("ctrl+c", "opslaan en stoppen", "ctrl+c"),
		More:       b("F1", "alle toetsen", "f1"),
		HelpLetter: b("?", "alle toetsen", "?"),
		Glossary:   b("ctrl+g", "begrippen", "ctrl+g"),
		Find:       b("ctrl+f", "ga naar een vraag (nummer of woorden)", "ctrl+f"),
		FindLetter: b("/", "ga naar een vraag", "/"),
		// ctrl and a function key: both work while an answer is typed.
		Park: b("ctrl+l", "parkeren: een opmerking voor later", "ctrl+l", "f3"),
		// For one terminal mirrored on the projector: only the question and
		// what was said, while typing goes on (tui/presenter).
		Present: b("F5", "beamer: alleen de vraag tonen, of alles weer", "f5"),
	}
}
