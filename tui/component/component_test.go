package component

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

func TestScreensAskTheRootThroughMessages(t *testing.T) {
	cases := []struct {
		name string
		cmd  tea.Cmd
		want tea.Msg
	}{
		{"opening a stop names the stop", OpenStop(7), NavigateMsg{To: Question, Stop: 7}},
		{"going to the overview", Navigate(Overview), NavigateMsg{To: Overview}},
		{"a note", Flash("Opgeslagen."), FlashMsg{Text: "Opgeslagen.", Kind: Info}},
		{"an error", FlashError("Mislukt."), FlashMsg{Text: "Mislukt.", Kind: Error}},
		{"closing the overlay", CloseOverlay(), CloseOverlayMsg{}},
		{"quitting", Quit(), QuitMsg{}},
	}
	for _, c := range cases {
		if got := c.cmd(); got != c.want {
			t.Errorf("%s: got %#v, want %#v", c.name, got, c.want)
		}
	}
	if m, ok := OpenOverlay(nil)().(OpenOverlayMsg); !ok || m.Overlay != nil {
		t.Errorf("OpenOverlay(nil) gave %#v", m)
	}
}
