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

func TestMatchesIgnoresWhetherABindingIsEnabled(t *testing.T) {
	del := Bind("x", "verwijderen", "x", "delete")
	del.SetEnabled(false)
	if !Matches(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("x")}, del) || !Matches(tea.KeyMsg{Type: tea.KeyDelete}, del) {
		t.Error("a disabled binding's keys are still its keys")
	}
	if Matches(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("y")}, del) {
		t.Error("y is not x")
	}
}

func TestPlainLeavesNoEscapeSequenceAndOneLine(t *testing.T) {
	if got := Plain("Gemeente\x1b[31m\nTilburg\x07  \tnoord"); got != "Gemeente Tilburg noord" {
		t.Errorf("Plain gave %q", got)
	}
}
