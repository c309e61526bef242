package textedit

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/textarea"
	tea "github.com/charmbracelet/bubbletea"
)

var sentences = []string{
	"De school nodigt de ouders uit voor een gesprek over de zorg onder schooltijd.",
	"Het zorgkantoor wil weten welke uren de begeleider in de klas aanwezig is.",
	"We spreken af dat de intern begeleider de aanvraag voor het einde van de maand indient.",
	"De gemeente betaalt het vervoer, maar de vraag is wie de planning maakt.",
	"Ouders vinden het belangrijk dat hun kind zoveel mogelijk in de eigen groep blijft.",
	"Het samenwerkingsverband kijkt mee of het arrangement past bij wat de leerling nodig heeft.",
	"Niet alles is al duidelijk; over de financiering praten we in het voorjaar verder.",
	"Iedereen is het erover eens dat één vast aanspreekpunt voor de ouders veel rust geeft.",
	"De zorgaanbieder levert een begeleider die de leerkracht ook tips geeft voor de groep.",
	"Na zes weken kijken we samen terug: wat gaat goed en wat moet anders?",
}

// benchText returns about n characters of Dutch sentences in paragraphs of
// about 400 characters, separated by blank lines, and the logical line and
// character position of a cursor in the middle of the middle paragraph.
func benchText(n int) (text string, line, col int) {
	var paras []string
	var p strings.Builder
	total := 0
	for i := 0; total < n; i++ {
		if p.Len() > 0 {
			p.WriteByte(' ')
		}
		p.WriteString(sentences[i%len(sentences)])
		if p.Len() >= 400 {
			paras = append(paras, p.String())
			total += len([]rune(p.String())) + 2
			p.Reset()
		}
	}
	mid := len(paras) / 2
	return strings.Join(paras, "\n\n"), 2 * mid, len([]rune(paras[mid])) / 2
}

var benchSizes = []int{1000, 20000}

// One op is one key, alternately a letter and a backspace, through Update
// and then View, at 100 by 12 cells with the cursor mid-text.
func BenchmarkEditor(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("chars=%d", n), func(b *testing.B) {
			text, line, col := benchText(n)
			m := editor(100, 12, text)
			m.row, m.col = line, col
			m.scrollToCursor()
			keys := []tea.KeyMsg{{Type: tea.KeyRunes, Runes: []rune{'e'}}, {Type: tea.KeyBackspace}}
			var view string
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				m, _ = m.Update(keys[i%2])
				view = m.View()
			}
			b.StopTimer()
			if !strings.Contains(view, "\x1b[7m") || m.Len() < n-1 {
				b.Fatalf("the editor did not show the text being edited")
			}
		})
	}
}

// BenchmarkTextarea is the same work for bubbles/textarea, the component
// the editor replaces.
func BenchmarkTextarea(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("chars=%d", n), func(b *testing.B) {
			text, line, col := benchText(n)
			m := textarea.New()
			m.ShowLineNumbers = false
			m.Prompt = ""
			m.CharLimit = 0
			m.MaxHeight = 0
			m.SetWidth(100)
			m.SetHeight(12)
			m.Focus()
			m.SetValue(text)
			for m.Line() > line {
				m.CursorUp()
			}
			m.SetCursor(col)
			keys := []tea.KeyMsg{{Type: tea.KeyRunes, Runes: []rune{'e'}}, {Type: tea.KeyBackspace}}
			var view string
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				m, _ = m.Update(keys[i%2])
				view = m.View()
			}
			b.StopTimer()
			if m.Length() < n-1 || len(view) == 0 {
				b.Fatalf("the textarea did not hold the text (%d runes)", m.Length())
			}
		})
	}
}

// BenchmarkEditorOneParagraph is the worst case for the per-line design: a
// whole answer typed without ever pressing enter.
func BenchmarkEditorOneParagraph(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("chars=%d", n), func(b *testing.B) {
			text, _, _ := benchText(n)
			text = strings.ReplaceAll(text, "\n\n", " ")
			m := editor(100, 12, text)
			m.row, m.col = 0, len(m.lines[0].cells)/2
			m.scrollToCursor()
			keys := []tea.KeyMsg{{Type: tea.KeyRunes, Runes: []rune{'e'}}, {Type: tea.KeyBackspace}}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				m, _ = m.Update(keys[i%2])
				_ = m.View()
			}
		})
	}
}
