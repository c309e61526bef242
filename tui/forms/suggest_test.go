package forms

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

func whoForm(who *string) *Form {
	f := New("actiepunt", Styles{},
		Text("what", "Wat", nil),
		Text("who", "Wie", who).Suggest("Piet Jansen", "Els de Boer", "Gemeente Tilburg", "piet jansen", ""),
	)
	f.SetSize(70, 10)
	f.Focus("who")
	return f
}

func TestANameIsPickedWithTheRightArrowOrTypedFreely(t *testing.T) {
	var who string
	f := whoForm(&who)
	if v := ansi.Strip(f.View()); !strings.Contains(v, "→ kiest: Piet Jansen · Els de Boer · Gemeente Tilburg") {
		t.Fatalf("the names to pick should show under the field, once each:\n%s", v)
	}
	press(f, "g", "e", "right")
	if who != "Gemeente Tilburg" {
		t.Fatalf("ge → should pick Gemeente Tilburg: %q", who)
	}
	// "e" fits three names: those that begin with it first, → goes on to the next.
	press(f, "backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace",
		"backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "e", "right")
	if who != "Els de Boer" {
		t.Fatalf("e → should pick Els de Boer first: %q", who)
	}
	press(f, "right")
	if who != "Piet Jansen" {
		t.Fatalf("→ again should pick the next name holding e: %q", who)
	}
	// Any name may be typed: one no participant has stays as typed.
	for range len([]rune(who)) {
		press(f, "backspace")
	}
	press(f, "B", "o", "a", "r", "d")
	if who != "Board" || !strings.Contains(ansi.Strip(f.View()), "geen naam past") {
		t.Fatalf("a free name should stay, saying no name fits: %q\n%s", who, ansi.Strip(f.View()))
	}
	// → inside the text moves the cursor, it picks nothing.
	press(f, "left", "right")
	if who != "Board" {
		t.Fatalf("→ inside the text changed it: %q", who)
	}
}

func TestDeletingTheWordForwardOnTheLastCharacterDoesNotCrash(t *testing.T) {
	var who string
	f := whoForm(&who)
	press(f, "a", "b", "left")
	for _, k := range []tea.KeyMsg{{Type: tea.KeyRunes, Runes: []rune{'d'}, Alt: true}, {Type: tea.KeyDelete, Alt: true}} {
		f.Update(k)
	}
	if who != "a" {
		t.Fatalf("alt+d on the last character should delete it: %q", who)
	}
}
