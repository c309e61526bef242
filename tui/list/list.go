// Package list is the one list of the full-screen interface: participants,
// action items, perspectives, other partners, reports on the start screen,
// last year's action items. It keeps a cursor, scrolls a window that keeps
// the cursor in view at any height, offers an optional add row, and deletes
// only after the delete key is pressed twice.
//
// A list never changes its owner's data. It reports what the user asked
// for as messages (ChosenMsg, AddMsg, DeleteMsg), each naming the list, and
// the owner changes the data through the conversation core and hands the
// list the new items with SetItems. A letter or space typed on a list does
// nothing to the data either; the list reports it (TypedMsg) so the screen
// can say where typing goes.
package list

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"gespreksmap/tui/component"
)

// Styles is what a list draws with; the owner builds it from the
// interface's styles (tui.Styles: Cursor, Selected, Dim, Error).
type Styles struct {
	Cursor   lipgloss.Style // the marker before the cursor row
	Selected lipgloss.Style // the cursor row
	Dim      lipgloss.Style // the add row and the empty text
	Confirm  lipgloss.Style // the question before a delete
}

// Messages a list sends. List is the ID given to New, so that a screen with
// two lists knows which one spoke.
type (
	// ChosenMsg: enter on item Index.
	ChosenMsg struct {
		List  string
		Index int
	}
	// AddMsg: enter on the add row, or the add key.
	AddMsg struct{ List string }
	// DeleteMsg: the delete key pressed twice on item Index.
	DeleteMsg struct {
		List  string
		Index int
	}
	// TypedMsg: a printable key that is none of the list's keys was typed
	// while the list had focus. Nothing changed.
	TypedMsg struct {
		List string
		Text string
	}
)

// List shows items of type T, one line each.
type List[T any] struct {
	id     string
	st     Styles
	Keys   KeyMap
	items  []T
	row    func(item T, width int) string
	add    string         // label of the add row; "" for none
	what   func(T) string // names an item in the delete question; nil: no delete
	empty  string         // shown when there are no rows
	cursor int            // row index; len(items) is the add row
	offset int            // first row shown
	width  int
	height int
	// blurred: focus is elsewhere on the screen; no cursor shows, no key
	// is taken.
	blurred    bool
	confirming bool // delete pressed once on the cursor row
}

// New makes a list. id names it in its messages; row renders one item as
// one line of at most width cells (the list cuts what is longer). Text
// from a report or a question set must be cleaned by row.
func New[T any](id string, st Styles, row func(item T, width int) string) *List[T] {
	l := &List[T]{id: id, st: st, Keys: DefaultKeyMap(), row: row, width: 80, height: 10}
	l.sync()
	return l
}

// WithAdd gives the list an add row at its end, e.g. "+ deelnemer toevoegen".
func (l *List[T]) WithAdd(label string) *List[T] {
	l.add = label
	l.sync()
	return l
}

// WithDelete lets the user delete items; what names an item in the
// question asked first ("dit actiepunt", a participant's name).
func (l *List[T]) WithDelete(what func(T) string) *List[T] {
	l.what = what
	l.sync()
	return l
}

// WithEmpty sets the line shown when the list has no rows at all.
func (l *List[T]) WithEmpty(text string) *List[T] {
	l.empty = text
	return l
}

// ID returns the name the list's messages carry.
func (l *List[T]) ID() string { return l.id }

// SetItems replaces the items, e.g. after the owner deleted one. The cursor
// stays where it was as far as the new length allows; a cursor on an item
// stays on an item rather than sliding onto the add row.
func (l *List[T]) SetItems(items []T) {
	onItem := l.cursor < len(l.items)
	l.items = items
	if onItem && l.cursor >= len(items) {
		l.cursor = len(items) - 1
	}
	l.confirming = false
	l.sync()
}

// Items returns the items shown.
func (l *List[T]) Items() []T { return l.items }

// Rows is the number of rows, the add row included.
func (l *List[T]) Rows() int {
	if l.add != "" {
		return len(l.items) + 1
	}
	return len(l.items)
}

// Cursor returns the cursor row; it is never negative, and 0 in a list
// without rows.
func (l *List[T]) Cursor() int { return l.cursor }

// SetCursor moves the cursor, within the rows.
func (l *List[T]) SetCursor(i int) {
	l.cursor = i
	l.confirming = false
	l.sync()
}

// Selected returns the item at the cursor, and false on the add row or in
// an empty list.
func (l *List[T]) Selected() (item T, index int, ok bool) {
	if l.cursor < len(l.items) {
		return l.items[l.cursor], l.cursor, true
	}
	var zero T
	return zero, -1, false
}

// OnAdd reports whether the cursor is on the add row.
func (l *List[T]) OnAdd() bool { return l.add != "" && l.cursor == len(l.items) }

// Focus gives the list the keys; Blur takes them away and hides the cursor.
func (l *List[T]) Focus() { l.blurred = false; l.sync() }

// Blur takes focus away, and cancels a delete that waits for confirmation.
func (l *List[T]) Blur() { l.blurred, l.confirming = true, false; l.sync() }

// Focused reports whether the list has focus.
func (l *List[T]) Focused() bool { return !l.blurred }

// Confirming reports whether a delete waits for its second press. The
// owner passes every key to the list first while it does, so that esc
// cancels the delete rather than leaving the screen.
func (l *List[T]) Confirming() bool { return l.confirming }

// Edge tells the owner that km would move off the list: -1 for up on the
// first row, +1 for down on the last (or any move in an empty list), 0
// otherwise. A screen uses it to move focus to the field above or below.
func (l *List[T]) Edge(km tea.KeyMsg) int {
	switch {
	case component.Matches(km, l.Keys.Up) && l.cursor == 0:
		return -1
	case component.Matches(km, l.Keys.Down) && l.cursor >= l.Rows()-1:
		return 1
	}
	return 0
}

// Init implements component.Component.
func (l *List[T]) Init() tea.Cmd { return nil }

// Update moves the cursor and reports choices; it changes no data.
func (l *List[T]) Update(msg tea.Msg) (component.Component, tea.Cmd) {
	km, ok := msg.(tea.KeyMsg)
	if !ok || l.blurred {
		return l, nil
	}
	defer l.sync()
	k := l.Keys
	if l.confirming {
		l.confirming = false
		if component.Matches(km, k.Delete) {
			if _, i, ok := l.Selected(); ok {
				return l, component.Send(DeleteMsg{List: l.id, Index: i})
			}
			return l, nil
		}
		if component.Matches(km, k.Cancel) {
			return l, nil
		}
		// Any other key cancels the delete and does what it always does.
	}
	rows := l.Rows()
	switch {
	case component.Matches(km, k.Up):
		l.cursor--
	case component.Matches(km, k.Down):
		l.cursor++
	case component.Matches(km, k.Home):
		l.cursor = 0
	case component.Matches(km, k.End):
		l.cursor = rows - 1
	case component.Matches(km, k.PageUp):
		l.cursor -= l.page()
	case component.Matches(km, k.PageDown):
		l.cursor += l.page()
	case component.Matches(km, k.Choose):
		if l.OnAdd() {
			return l, component.Send(AddMsg{List: l.id})
		}
		if _, i, ok := l.Selected(); ok {
			return l, component.Send(ChosenMsg{List: l.id, Index: i})
		}
	case component.Matches(km, k.Add) && l.add != "":
		return l, component.Send(AddMsg{List: l.id})
	case component.Matches(km, k.Delete) && l.what != nil:
		if _, _, ok := l.Selected(); ok {
			l.confirming = true
		}
	case !k.own(km) && (km.Type == tea.KeyRunes || km.Type == tea.KeySpace) && !km.Alt:
		return l, component.Send(TypedMsg{List: l.id, Text: string(km.Runes)})
	}
	return l, nil
}

// page is how far pgup/pgdown move: the rows in view, at least one.
func (l *List[T]) page() int { return max(1, l.rowsHigh()) }

// rowsHigh is the lines for rows: the height, less the question while a
// delete waits; the cursor row always keeps one line when there are two.
func (l *List[T]) rowsHigh() int {
	h := l.height
	if l.confirming && h >= 2 {
		h -= min(len(l.confirmLines()), h-1)
	}
	return max(0, h)
}

// confirmLines is the delete question wrapped to the width.
func (l *List[T]) confirmLines() []string {
	return strings.Split(ansi.Wordwrap(l.confirmText(), max(1, l.width), ""), "\n")
}

// SetSize sets the width and the most lines the list may take.
func (l *List[T]) SetSize(width, height int) {
	l.width, l.height = max(0, width), max(0, height)
	l.sync()
}

// sync keeps the cursor within the rows, the window around the cursor, and
// the key map's enabled bindings in step with the state.
func (l *List[T]) sync() {
	rows := l.Rows()
	l.cursor = min(max(0, l.cursor), max(0, rows-1))
	h := l.rowsHigh()
	if l.cursor < l.offset {
		l.offset = l.cursor
	}
	if h > 0 && l.cursor >= l.offset+h {
		l.offset = l.cursor - h + 1
	}
	l.offset = max(0, min(l.offset, rows-max(1, h)))

	k := &l.Keys
	_, _, onItem := l.Selected()
	active := !l.blurred
	for _, b := range []*key.Binding{&k.Up, &k.Down, &k.Home, &k.End} {
		b.SetEnabled(active && !l.confirming && rows > 1)
	}
	for _, b := range []*key.Binding{&k.PageUp, &k.PageDown} {
		b.SetEnabled(active && !l.confirming && rows > max(1, h))
	}
	k.Choose.SetEnabled(active && !l.confirming && onItem)
	// Help-only bindings still need keys: bubbles counts a binding without
	// keys as disabled.
	k.addHere = key.NewBinding(key.WithKeys(k.Choose.Keys()...), key.WithHelp(firstKey(k.Choose), addDesc(k.Add)))
	k.addHere.SetEnabled(active && !l.confirming && l.OnAdd())
	k.Add.SetEnabled(active && !l.confirming && l.add != "" && !l.OnAdd())
	k.Delete.SetEnabled(active && !l.confirming && onItem && l.what != nil)
	k.Cancel.SetEnabled(active && l.confirming)
	k.confirmDelete = key.NewBinding(key.WithKeys(k.Delete.Keys()...), key.WithHelp(firstKey(k.Delete), "nogmaals: verwijderen"))
	k.confirmDelete.SetEnabled(active && l.confirming)
}

func firstKey(b key.Binding) string {
	if b.Help().Key != "" {
		return b.Help().Key
	}
	if ks := b.Keys(); len(ks) > 0 {
		return ks[0]
	}
	return ""
}

func addDesc(b key.Binding) string {
	if d := b.Help().Desc; d != "" {
		return d
	}
	return "toevoegen"
}

// ShortHelp implements help.KeyMap with the bindings that apply now.
func (l *List[T]) ShortHelp() []key.Binding { return l.Keys.ShortHelp() }

// FullHelp implements help.KeyMap.
func (l *List[T]) FullHelp() [][]key.Binding { return l.Keys.FullHelp() }

// confirmText is the question asked before a delete.
func (l *List[T]) confirmText() string {
	what := "dit"
	if item, _, ok := l.Selected(); ok && l.what != nil {
		if w := component.Plain(l.what(item)); w != "" {
			what = w
		}
	}
	return "Nogmaals " + firstKey(l.Keys.Delete) + " om " + what + " te verwijderen; een andere toets annuleert."
}
