package tui

import (
	"os"
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"gespreksmap/sessions"
	"gespreksmap/sessions/store"
)

// hostileSetTexts are sequences a question set could carry in its texts.
const (
	setTitleSeq = "\x1b]0;SETTITEL\x07"
	setClipSeq  = "\x1b]52;c;aGFjaw==\x07"
	setClear    = "\x1b[2J"
	setBidi     = "\u202e"
)

func TestQuestionSetTextsAreDrawnWithoutTheirEscapeSequences(t *testing.T) {
	cfg := testConfig(t)
	set := *cfg.Set
	set.Title = "Gespreksmap" + setTitleSeq
	set.Sections = slices.Clone(set.Sections)
	sec := &set.Sections[0]
	sec.Title = setClear + sec.Title + setBidi
	sec.Questions = slices.Clone(sec.Questions)
	sec.Questions[0].Text = sec.Questions[0].Text + setClipSeq
	sec.Questions[0].Help = setClear + sec.Questions[0].Help
	cfg.Set = &set

	app := New(cfg)
	send(app, tea.WindowSizeMsg{Width: 120, Height: 40})
	frames := []string{app.View()}
	app.startSession(sessions.New(set.ID, set.Version), nil)
	send(app, tea.WindowSizeMsg{Width: 120, Height: 40})
	app.show(screenOverview)
	frames = append(frames, app.View())
	app.openQuestion(0)
	frames = append(frames, app.View())
	if !strings.Contains(frames[2], "SETTITEL") && !strings.Contains(frames[2], "Staat de") {
		t.Fatalf("the question screen is not drawn:\n%s", frames[2])
	}
	for i, f := range frames {
		for _, seq := range []string{"\x1b]", "aGFjaw==", "SETTITEL", setClear, setBidi} {
			if strings.Contains(f, seq) {
				t.Errorf("frame %d holds %q from the question set:\n%q", i, seq, f)
			}
		}
	}
}

// noticeStorage is a storage with something to tell.
type noticeStorage struct {
	noStorage
	notes []string
}

func (n *noticeStorage) Path() string { return "verslag.md" }

func (n *noticeStorage) Notice() string {
	if len(n.notes) == 0 {
		return ""
	}
	m := n.notes[0]
	n.notes = n.notes[1:]
	return m
}

func TestWhatTheStorageHasToTellIsShownAfterASave(t *testing.T) {
	cfg := testConfig(t)
	app := New(cfg)
	send(app, tea.WindowSizeMsg{Width: 120, Height: 40})
	st := &noticeStorage{}
	app.adopt(sessions.NewConversation(cfg.Set, sessions.New(cfg.Set.ID, cfg.Set.Version)), st)
	app.show(screenOverview)
	st.notes = []string{"De map met verslagen was verdwenen en is opnieuw gemaakt."}
	app.c.conv.SetCurrent(1)
	send(app, autosaveMsg{})
	if screen := app.View(); !strings.Contains(strings.Join(strings.Fields(screen), " "), "De map met verslagen was verdwenen") {
		t.Errorf("the notice should be in the footer after the save:\n%s", screen)
	}
}

func TestTheSessionsFolderRemovedWhileOpenIsMadeAgainAndTheScreenSaysSo(t *testing.T) {
	cfg := testConfig(t)
	s := sessions.New(cfg.Set.ID, cfg.Set.Version)
	s.Title, s.Date = "Oplossingenlab", "2026-11-22"
	cfg.Open = writeReport(t, cfg, s)
	app := New(cfg)
	run(app, app.Init(), 0)
	send(app, tea.WindowSizeMsg{Width: 120, Height: 40})
	if err := os.RemoveAll(cfg.Dir); err != nil {
		t.Fatal(err)
	}
	app.openQuestion(0)
	send(app, runes("Nog steeds getypt."))
	send(app, autosaveMsg{})
	screen := strings.Join(strings.Fields(ansi.Strip(app.View())), " ")
	if !strings.Contains(screen, "opnieuw gemaakt") || strings.Contains(screen, "mislukt") {
		t.Errorf("the screen should say the folder was made again, and not that saving failed:\n%s", screen)
	}
	got, err := store.Load(cfg.Open, cfg.Set)
	if err != nil {
		t.Fatal(err)
	}
	if got.Answers["bestuur.agenda"] == nil || got.Answers["bestuur.agenda"].Text != "Nog steeds getypt." {
		t.Errorf("the answer is not in the report in the new folder: %+v", got.Answers["bestuur.agenda"])
	}
}

// changedStorage: an edit landed while the report was being saved; the
// store kept it and put this program's version in a copy.
type changedStorage struct{ noStorage }

func (changedStorage) Path() string { return "verslag.md" }
func (changedStorage) Save(*sessions.Session) error {
	return &store.ChangedError{Path: "verslag.md", Copy: "verslag-kopie.md"}
}

func TestTheConflictPromptNamesTheCopyTheStoreAlreadyMade(t *testing.T) {
	cfg := testConfig(t)
	app := New(cfg)
	send(app, tea.WindowSizeMsg{Width: 120, Height: 40})
	app.adopt(sessions.NewConversation(cfg.Set, sessions.New(cfg.Set.ID, cfg.Set.Version)), changedStorage{})
	app.show(screenOverview)
	app.c.conv.SetCurrent(1)
	send(app, autosaveMsg{})
	screen := strings.Join(strings.Fields(ansi.Strip(app.View())), " ")
	if !strings.Contains(screen, "Het verslag is buiten dit programma gewijzigd") || !strings.Contains(screen, "jouw werk is bewaard in verslag-kopie.md") {
		t.Errorf("the conflict prompt does not name the copy:\n%s", screen)
	}
}
