package textedit

import (
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

func TestTypedTextAppearsWithTheCursorAfterIt(t *testing.T) {
	m := editor(30, 3, "")
	m = typeText(m, "Ouders zijn welkom")
	wantValue(t, m, "Ouders zijn welkom")
	wantScreen(t, m, "Ouders zijn welkom", "", "")
	wantCursor(t, m, 0, 18)

	m = press(m, repeat(tea.KeyLeft, 6)...)
	m = typeText(m, "altijd ")
	wantValue(t, m, "Ouders zijn altijd welkom")
	wantCursor(t, m, 0, 19)
}

func TestEnterSplitsTheLineAtTheCursor(t *testing.T) {
	m := editor(30, 3, "eerste tweede")
	m = press(m, repeat(tea.KeyLeft, 6)...)
	m = press(m, tea.KeyEnter)
	wantValue(t, m, "eerste \ntweede")
	wantScreen(t, m, "eerste", "tweede", "")
	wantCursor(t, m, 1, 0)
}

func TestBackspaceAtTheStartOfALineJoinsItWithTheLineAbove(t *testing.T) {
	m := editor(30, 3, "school\nouders")
	m = press(m, tea.KeyHome, tea.KeyBackspace)
	wantValue(t, m, "schoolouders")
	wantCursor(t, m, 0, 6)
	m = press(m, tea.KeyBackspace)
	wantValue(t, m, "schooouders")
	wantCursor(t, m, 0, 5)
}

func TestBackspaceAtTheStartOfTheTextChangesNothing(t *testing.T) {
	m := editor(30, 3, "gemeente")
	m = press(m, tea.KeyCtrlHome)
	v := m.Version()
	m = press(m, tea.KeyBackspace)
	wantValue(t, m, "gemeente")
	if m.Version() != v {
		t.Fatal("a backspace that removes nothing should not count as a change")
	}
}

func TestDeleteAtTheEndOfALineJoinsTheNextLine(t *testing.T) {
	m := editor(30, 3, "zorg\nkantoor")
	m = press(m, tea.KeyUp, tea.KeyEnd, tea.KeyDelete)
	wantValue(t, m, "zorgkantoor")
	wantCursor(t, m, 0, 4)
	m = press(m, tea.KeyDelete)
	wantValue(t, m, "zorgantoor")
}

func TestLongTextWrapsAtWordBoundaries(t *testing.T) {
	m := editor(20, 5, "Wie neemt het initiatief voor het gesprek met de ouders?")
	wantScreen(t, m,
		"Wie neemt het",
		"initiatief voor het",
		"gesprek met de",
		"ouders?",
		"")
	wantCursor(t, m, 3, 7)
}

func TestAWordWiderThanTheEditorIsCutWhereTheRowIsFull(t *testing.T) {
	m := editor(10, 5, "a onderwijszorgarrangement b")
	wantScreen(t, m,
		"a",
		"onderwijsz",
		"orgarrange",
		"ment b",
		"")
}

func TestBlanksThatDoNotFitHangPastTheEdgeInsteadOfStartingARow(t *testing.T) {
	m := editor(10, 3, "abcdefghij   klm")
	wantScreen(t, m, "abcdefghij", "klm", "")
	// The cursor on a hanging blank is drawn in the last cell.
	m = press(m, tea.KeyCtrlHome)
	m = press(m, repeat(tea.KeyRight, 11)...)
	wantCursor(t, m, 0, 9)
	checkShape(t, m)
}

func TestAFullLastRowLeavesTheCursorOnTheNextRow(t *testing.T) {
	m := editor(5, 3, "abcde")
	wantScreen(t, m, "abcde", "", "")
	wantCursor(t, m, 1, 0)
	m = press(m, tea.KeyBackspace)
	wantCursor(t, m, 0, 4)
}

func TestUpAndDownMoveByVisualRowKeepingTheColumn(t *testing.T) {
	m := editor(20, 5, "Wie neemt het initiatief voor het gesprek met de ouders?")
	m = press(m, tea.KeyCtrlHome, tea.KeyDown)
	wantCursor(t, m, 1, 0)
	m = press(m, tea.KeyRight, tea.KeyRight, tea.KeyRight)
	m = press(m, tea.KeyDown)
	wantCursor(t, m, 2, 3)
	m = press(m, tea.KeyDown)
	wantCursor(t, m, 3, 3)
	m = press(m, tea.KeyUp, tea.KeyUp, tea.KeyUp)
	wantCursor(t, m, 0, 3)

	// The column is remembered across a shorter line.
	m = editor(40, 3, "een lange regel hier\nkort\nnog een lange regel")
	m = press(m, tea.KeyCtrlHome, tea.KeyEnd, tea.KeyDown)
	wantCursor(t, m, 1, 4)
	m = press(m, tea.KeyDown)
	wantCursor(t, m, 2, 19)
	m = typeText(m, "X")
	wantValue(t, m, "een lange regel hier\nkort\nnog een lange regelX")

	// Past the last row the cursor goes to the end, past the first to the start.
	m = press(m, tea.KeyLeft, tea.KeyLeft, tea.KeyDown)
	wantCursor(t, m, 2, 20)
	m = press(m, tea.KeyCtrlHome, tea.KeyRight, tea.KeyUp)
	wantCursor(t, m, 0, 0)
}

func TestHomeAndEndGoToTheEdgesOfTheVisualRow(t *testing.T) {
	m := editor(20, 5, "Wie neemt het initiatief voor het gesprek met de ouders?")
	m = press(m, tea.KeyCtrlHome, tea.KeyDown, tea.KeyRight, tea.KeyRight)
	m = press(m, tea.KeyEnd)
	wantCursor(t, m, 1, 19)
	m = press(m, tea.KeyHome)
	wantCursor(t, m, 1, 0)
	m = press(m, tea.KeyCtrlE)
	wantCursor(t, m, 1, 19)
	m = press(m, tea.KeyCtrlA)
	wantCursor(t, m, 1, 0)
	m = press(m, tea.KeyCtrlEnd, tea.KeyHome)
	wantCursor(t, m, 3, 0)
	m = press(m, tea.KeyEnd)
	wantCursor(t, m, 3, 7)
}

func TestWordsAreStepsForMovingAndDeleting(t *testing.T) {
	m := editor(40, 3, "begin\neen twee drie")
	m = press(m, tea.KeyCtrlLeft)
	wantCursor(t, m, 1, 9)
	m = press(m, tea.KeyCtrlLeft)
	wantCursor(t, m, 1, 4)
	m = alt(m, 'b')
	wantCursor(t, m, 1, 0)
	m = press(m, tea.KeyCtrlLeft)
	wantCursor(t, m, 0, 5)
	m = press(m, tea.KeyCtrlRight)
	wantCursor(t, m, 1, 0)
	m = press(m, tea.KeyCtrlRight)
	wantCursor(t, m, 1, 3)
	m = alt(m, 'f')
	wantCursor(t, m, 1, 8)

	m = editor(40, 3, "begin\neen twee drie  ")
	m = press(m, tea.KeyCtrlW)
	wantValue(t, m, "begin\neen twee ")
	m, _ = m.Update(tea.KeyMsg{Type: tea.KeyBackspace, Alt: true})
	wantValue(t, m, "begin\neen ")
	m = press(m, tea.KeyCtrlW, tea.KeyCtrlW)
	wantValue(t, m, "begin")
	wantCursor(t, m, 0, 5)
}

func TestCtrlKAndCtrlUDeleteToTheEndsOfTheLine(t *testing.T) {
	m := editor(40, 3, "afspraak maken\nmet de gemeente")
	m = press(m, tea.KeyCtrlHome, tea.KeyCtrlRight, tea.KeyCtrlK)
	wantValue(t, m, "afspraak\nmet de gemeente")
	m = press(m, tea.KeyCtrlK)
	wantValue(t, m, "afspraakmet de gemeente")
	m = press(m, tea.KeyCtrlRight, tea.KeyCtrlU)
	wantValue(t, m, " de gemeente")
	wantCursor(t, m, 0, 0)
	m = press(m, tea.KeyCtrlU)
	wantValue(t, m, " de gemeente")
}

func TestWideCharactersTakeTwoCells(t *testing.T) {
	m := editor(10, 3, "日本語のテキスト")
	wantScreen(t, m, "日本語のテ", "キスト", "")
	wantCursor(t, m, 1, 6)
	m = press(m, tea.KeyLeft)
	wantCursor(t, m, 1, 4)

	// On an odd width a wide character that does not fit moves down whole.
	m.SetSize(9, 3)
	wantScreen(t, m, "日本語の", "テキスト", "")
	wantCursor(t, m, 1, 6)

	m = editor(20, 2, "ok 👍🏽 klaar")
	wantScreen(t, m, "ok 👍🏽 klaar", "")
	m = press(m, repeat(tea.KeyLeft, 7)...)
	wantCursor(t, m, 0, 3)
	m = press(m, tea.KeyRight)
	wantCursor(t, m, 0, 5)
}

func TestLettersWithAccentsAndEmojiSequencesAreDeletedWhole(t *testing.T) {
	family := "👨\u200d👩\u200d👧"
	m := editor(20, 2, "ge"+family)
	m = press(m, tea.KeyBackspace)
	wantValue(t, m, "ge")

	// A combining accent typed after a letter joins it.
	m = typeText(m, "e\u0301")
	wantValue(t, m, "gee\u0301")
	wantCursor(t, m, 0, 3)
	m = press(m, tea.KeyLeft)
	wantCursor(t, m, 0, 2)
	m = press(m, tea.KeyDelete)
	wantValue(t, m, "ge")
}

func TestAJoinerTypedBetweenTwoEmojiMakesThemOne(t *testing.T) {
	m := editor(20, 2, "ok👍🏽👍🏽")
	m = press(m, tea.KeyLeft)
	m = typeText(m, "\u200d")
	wantValue(t, m, "ok👍🏽\u200d👍🏽")
	wantCursor(t, m, 0, 4)
	m = press(m, tea.KeyBackspace)
	wantValue(t, m, "ok")

	// Typed one after the other at the end.
	m = editor(20, 2, "ok👍🏽")
	m = typeText(m, "\u200d👍🏽")
	wantValue(t, m, "ok👍🏽\u200d👍🏽")
	wantCursor(t, m, 0, 4)
	m = press(m, tea.KeyBackspace)
	wantValue(t, m, "ok")
}

func TestAMarkWithoutItsLetterIsDrawnAsASpaceSoRowsKeepTheirWidth(t *testing.T) {
	m := editor(12, 3, "y\t\u0e33z\n\u0301a\nb\u0600")
	wantScreen(t, m, "y     z", " a", "b")
	wantValue(t, m, "y\t\u0e33z\n\u0301a\nb\u0600")
}

func TestRightToLeftTextIsStoredInTheOrderItIsTyped(t *testing.T) {
	m := editor(20, 2, "")
	m = typeText(m, "שלום עולם")
	wantValue(t, m, "שלום עולם")
	m = press(m, tea.KeyBackspace)
	wantValue(t, m, "שלום עול")
	checkShape(t, m)
}

func TestThePlaceholderShowsOnlyWhileTheEditorIsEmpty(t *testing.T) {
	m := editor(20, 4, "")
	m.SetPlaceholder("Typ hier het antwoord van de groep")
	wantScreen(t, m, "Typ hier het", "antwoord van de", "groep", "")
	wantCursor(t, m, 0, 0)
	if !strings.Contains(m.View(), faintOn) {
		t.Fatal("the placeholder should be dimmed")
	}
	m = typeText(m, "a")
	wantScreen(t, m, "a", "", "", "")
	m = press(m, tea.KeyBackspace)
	wantScreen(t, m, "Typ hier het", "antwoord van de", "groep", "")

	// A placeholder longer than the editor is cut, not overflowing.
	m.SetSize(8, 2)
	wantScreen(t, m, "Typ hier", "het")
}

func TestPastedTextKeepsItsLinesAndLosesControlCharacters(t *testing.T) {
	m := editor(30, 4, "begin eind")
	m = press(m, repeat(tea.KeyLeft, 4)...)
	m = paste(m, "een\r\ntwee\x1b[31m rood\x07\x7f\u009b\n\tdrie\rvier")
	wantValue(t, m, "begin een\ntwee[31m rood\n\tdrie\nviereind")
	wantScreen(t, m, "begin een", "twee[31m rood", "    drie", "viereind")
	wantCursor(t, m, 3, 4)
	if strings.Contains(m.View(), "\x1b[31m") || strings.Contains(m.View(), "\x07") {
		t.Fatal("control characters from a paste reached the screen")
	}
}

func TestTheTabKeyIsLeftToTheScreenAroundTheEditor(t *testing.T) {
	m := editor(30, 2, "vraag")
	m = press(m, tea.KeyTab, tea.KeyShiftTab, tea.KeyEsc)
	m = alt(m, 'x')
	wantValue(t, m, "vraag")
}

func TestInsertStringAddsTextAtTheCursor(t *testing.T) {
	m := editor(30, 3, "AB")
	m = press(m, tea.KeyLeft)
	m.InsertString("1\n2")
	wantValue(t, m, "A1\n2B")
	wantCursor(t, m, 1, 1)
}

func TestTheViewIsAlwaysHeightRowsOfWidthCells(t *testing.T) {
	texts := []string{
		"",
		"kort",
		"Wie neemt het initiatief voor het gesprek met de ouders? " + strings.Repeat("lang ", 40),
		"onderwijszorgarrangementenoverleg\n\n\tmet tab\n日本語のテキストです",
		"a  b   c    d\n" + strings.Repeat("👨\u200d👩\u200d👧 ", 12),
		strings.Repeat("regel\n", 30),
	}
	for _, text := range texts {
		for _, w := range []int{1, 2, 3, 5, 8, 13, 40} {
			for _, h := range []int{0, 1, 2, 7} {
				m := editor(w, h, text)
				checkShape(t, m)
				m = press(m, tea.KeyCtrlHome)
				checkShape(t, m)
				for range 5 {
					m = press(m, tea.KeyDown, tea.KeyRight, tea.KeyRight)
					checkShape(t, m)
				}
				m.Blur()
				checkShape(t, m)
			}
		}
	}
}

func TestTheCursorStaysOnScreenWhileTypingAndMoving(t *testing.T) {
	m := editor(20, 3, "")
	for i := 1; i <= 10; i++ {
		if i > 1 {
			m = press(m, tea.KeyEnter)
		}
		m = typeText(m, "regel "+string(rune('0'+i%10)))
	}
	wantScreen(t, m, "regel 8", "regel 9", "regel 0")
	wantCursor(t, m, 2, 7)

	m = press(m, tea.KeyCtrlHome)
	wantScreen(t, m, "regel 1", "regel 2", "regel 3")
	wantCursor(t, m, 0, 0)
	m = press(m, repeat(tea.KeyDown, 4)...)
	wantScreen(t, m, "regel 3", "regel 4", "regel 5")
	wantCursor(t, m, 2, 0)
	m = press(m, tea.KeyUp, tea.KeyUp, tea.KeyUp)
	wantScreen(t, m, "regel 2", "regel 3", "regel 4")
	wantCursor(t, m, 0, 0)

	m = press(m, tea.KeyPgDown)
	wantScreen(t, m, "regel 5", "regel 6", "regel 7")
	wantCursor(t, m, 0, 0)
	m = press(m, tea.KeyPgDown, tea.KeyPgDown, tea.KeyPgDown)
	wantScreen(t, m, "regel 8", "regel 9", "regel 0")
	// The last page down ran into the end, so page up lands a screen
	// above it.
	m = press(m, tea.KeyPgUp)
	wantScreen(t, m, "regel 5", "regel 6", "regel 7")
	wantCursor(t, m, 2, 0)
	m = press(m, tea.KeyCtrlEnd)
	wantScreen(t, m, "regel 8", "regel 9", "regel 0")
	wantCursor(t, m, 2, 7)

	// Deleting at the end pulls the text down instead of leaving rows empty.
	// Each line takes three: the digit, the word, the line break.
	m = press(m, repeat(tea.KeyCtrlW, 6)...)
	wantValue(t, m, "regel 1\nregel 2\nregel 3\nregel 4\nregel 5\nregel 6\nregel 7\nregel 8")
	wantScreen(t, m, "regel 6", "regel 7", "regel 8")
}

func TestBackspaceJoiningIntoALineAboveTheScreenScrollsUp(t *testing.T) {
	m := editor(20, 2, "een\ntwee\ndrie")
	m = press(m, tea.KeyUp, tea.KeyHome)
	wantScreen(t, m, "twee", "drie")
	wantCursor(t, m, 0, 0)
	m = press(m, tea.KeyBackspace)
	wantScreen(t, m, "eentwee", "drie")
	wantCursor(t, m, 0, 3)
}

func TestResizingKeepsTheSameTextAtTheTop(t *testing.T) {
	text := "Wie neemt het initiatief voor het gesprek met de ouders? Dat hangt af van de vraag."
	m := editor(20, 2, text)
	m = press(m, tea.KeyCtrlHome, tea.KeyDown, tea.KeyDown)
	top := screen(m)[0]
	if !strings.HasPrefix(top, "initiatief") {
		t.Fatalf("setup: top row is %q", top)
	}
	m.SetSize(30, 2)
	if got := screen(m)[0]; !strings.Contains(got, "initiatief") {
		t.Fatalf("after widening the top row is %q, it should still hold %q", got, "initiatief")
	}
	r, _ := cursorOnScreen(m)
	if r < 0 {
		t.Fatal("the cursor left the screen after a resize")
	}
	checkShape(t, m)
}

func TestABlurredEditorIgnoresKeysAndHidesItsCursor(t *testing.T) {
	m := editor(20, 2, "stil")
	m.Blur()
	if m.Focused() {
		t.Fatal("Blur should unfocus")
	}
	m = typeText(m, "xyz")
	m = press(m, tea.KeyBackspace)
	wantValue(t, m, "stil")
	if strings.Contains(m.View(), reverseOn) {
		t.Fatal("a blurred editor should not show a cursor")
	}
	m.Focus()
	m = typeText(m, "!")
	wantValue(t, m, "stil!")
}

func TestVersionChangesWithTheTextAndNotWithTheCursor(t *testing.T) {
	m := editor(20, 2, "a")
	v := m.Version()
	m = press(m, tea.KeyLeft, tea.KeyRight, tea.KeyUp, tea.KeyCtrlHome)
	if m.Version() != v {
		t.Fatal("moving the cursor changed the version")
	}
	seen := map[uint64]bool{v: true}
	for _, step := range []func(Model) Model{
		func(m Model) Model { return typeText(m, "b") },
		func(m Model) Model { return press(m, tea.KeyEnter) },
		func(m Model) Model { return press(m, tea.KeyBackspace) },
		func(m Model) Model { return paste(m, "cd") },
		func(m Model) Model { m.SetValue("nieuw"); return m },
	} {
		m = step(m)
		if seen[m.Version()] {
			t.Fatalf("version %d repeated after a change", m.Version())
		}
		seen[m.Version()] = true
	}
}

func TestLenCountsRunesIncludingNewlines(t *testing.T) {
	m := editor(20, 2, "héllo\n日本 👍🏽")
	wantValue(t, m, "héllo\n日本 👍🏽")
	m = press(m, tea.KeyBackspace, tea.KeyUp, tea.KeyEnd, tea.KeyDelete)
	wantValue(t, m, "héllo日本 ")
	m.SetValue("")
	wantValue(t, m, "")
}

func TestOnlyRowsNearTheScreenAreLaidOut(t *testing.T) {
	text := strings.Repeat(strings.Repeat("woord ", 30)+"\n", 200)
	m := editor(40, 5, text)
	laidOut := func() int {
		n := 0
		for _, ln := range m.lines {
			if ln.wrapW == m.wrapWidth() {
				n++
			}
		}
		return n
	}
	m = typeText(m, "abc")
	_ = m.View()
	if n := laidOut(); n > 6 {
		t.Fatalf("%d of %d lines were laid out for a screen of 5 rows", n, len(m.lines))
	}
	m = press(m, tea.KeyCtrlHome)
	_ = m.View()
	if n := laidOut(); n > 12 {
		t.Fatalf("%d of %d lines were laid out after jumping to the start", n, len(m.lines))
	}
	m.SetSize(30, 5)
	_ = m.View()
	if n := laidOut(); n > 6 {
		t.Fatalf("%d lines were laid out again after a resize", n)
	}
	checkShape(t, m)
	if got := ansi.Strip(m.View()); !strings.HasPrefix(got, "woord woord") {
		t.Fatalf("view after resize starts %q", got[:20])
	}
}

func TestAnEditorMadeWithoutNewStillWorks(t *testing.T) {
	var m Model
	if m.Value() != "" || m.Len() != 0 {
		t.Fatal("an empty editor should hold no text")
	}
	m.SetSize(10, 2)
	checkShape(t, m)
	m.Focus()
	m.KeyMap = DefaultKeyMap()
	m = typeText(m, "ja")
	m = press(m, tea.KeyBackspace)
	wantValue(t, m, "j")
	wantScreen(t, m, "j", "")
}

func TestTheKeyMapExplainsItselfInDutchInTheHelpBar(t *testing.T) {
	h := help.New()
	h.Width = 200
	short := ansi.Strip(h.View(DefaultKeyMap()))
	for _, want := range []string{"enter", "nieuwe regel", "ctrl+w", "woord wissen"} {
		if !strings.Contains(short, want) {
			t.Fatalf("short help %q lacks %q", short, want)
		}
	}
	h.ShowAll = true
	full := ansi.Strip(h.View(DefaultKeyMap()))
	for _, want := range []string{"pagina omlaag", "wissen tot eind van de regel", "begin van de tekst"} {
		if !strings.Contains(full, want) {
			t.Fatalf("full help lacks %q:\n%s", want, full)
		}
	}
}
