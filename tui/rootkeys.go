package tui

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"

	"gespreksmap/tui/component"
)

// rootKeys are the keys the root answers on every screen.
type rootKeys struct {
	Quit, More, HelpLetter, Glossary key.Binding
	Find, FindLetter                 key.Binding
	Park, Present                    key.Binding
	// The participants' page (F6), the contributions waiting (F7), the
	// writing round (F8): function keys, so they work while typing.
	Page, Waiting, Round key.Binding
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
		Page:    b("F6", "deelnemers: pagina voor telefoons (adres en QR-code)", "f6"),
		Waiting: b("F7", "bijdragen van deelnemers: overnemen, bewerken of terzijde leggen", "f7"),
		Round:   b("F8", "schrijfronde: elke organisatie stuurt haar perspectief in", "f8"),
	}
}

// footerRoomKeys are F6, F7 and F8 as the footer names them, short.
var footerRoomKeys = struct{ Page, Waiting, Round key.Binding }{
	Page:    component.Bind("F6", "deelnemers", "f6"),
	Waiting: component.Bind("F7", "bijdragen", "f7"),
	Round:   component.Bind("F8", "schrijfronde", "f8"),
}

// roomHelp is a screen's keys with F6, F7 and F8 among them where they
// apply: after the screen's two most important ones, so that they show
// also where the footer has room for few.
type roomHelp struct {
	help.KeyMap
	extra []key.Binding
}

func (k roomHelp) ShortHelp() []key.Binding {
	own := k.KeyMap.ShortHelp()
	at := min(2, len(own))
	out := make([]key.Binding, 0, len(own)+len(k.extra))
	out = append(append(append(out, own[:at]...), k.extra...), own[at:]...)
	return out
}

// footKeys is what the footer shows: the keys of what has focus, and on
// the screens of a conversation the contributions (F7) when some wait, the
// writing round (F8) on a question while the page runs, and the page (F6)
// on the overview.
func (a *App) footKeys() help.KeyMap {
	km := a.current()
	if a.c.conv == nil || a.prompt != nil || a.finder != nil || a.overlay != nil || a.sheet != nil ||
		a.screen == screenStart || a.screen == screenSetup {
		return km
	}
	var extra []key.Binding
	if a.waitingCount() > 0 {
		extra = append(extra, footerRoomKeys.Waiting)
	}
	if a.room.link != nil && a.screen == screenQuestion {
		extra = append(extra, footerRoomKeys.Round)
	}
	if a.screen == screenOverview {
		extra = append(extra, footerRoomKeys.Page)
	}
	if len(extra) == 0 {
		return km
	}
	return roomHelp{KeyMap: km, extra: extra}
}
