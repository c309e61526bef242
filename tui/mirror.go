package tui

import "gespreksmap/tui/presenter"

// The mirror (F5): when one terminal is mirrored on the projector, the
// window shows only the calm view of the stop (tui/presenter) instead of
// the interface, while keys still go to the screens underneath, so the
// facilitator keeps typing.

// toggleMirror switches between the interface and the calm view.
func (a *App) toggleMirror() {
	if a.mirror == nil {
		a.mirror = presenter.New(a.c.Common)
		return
	}
	a.mirror = nil
}

// mirrorTyped records what is typed in the answer at once while the room
// watches, not on the next save a second later.
func (a *App) mirrorTyped() {
	if a.mirror != nil && a.pane != nil && a.screen == screenQuestion && a.pane.Pending() {
		a.pane.Flush()
	}
}
