package tui

import (
	"image"
	"image/color"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
	goqr "github.com/piglig/go-qr"

	"gespreksmap/tui/participants"
	"gespreksmap/tui/phonetest"
)

// pageOpen opens a conversation under way at w×h and starts the
// participants' page (F6) on the loopback.
func pageOpen(t *testing.T, w, h int) (*App, *participants.Room) {
	t.Helper()
	cfg, _, rooms := meetingWithPhones(t, tableOrgs...)
	app := New(cfg)
	app.Init()
	send(app, tea.WindowSizeMsg{Width: w, Height: h})
	t.Cleanup(func() { app.Close() })
	send(app, keyOf(tea.KeyF6))
	return app, phonetest.Room(t, rooms)
}

// seen is what a phone's camera sees of QR lines drawn on a terminal: a
// character's ink is the terminal's text colour (light on a dark
// background when dark is set), its blank the background. The image has
// scale pixels a module; true is dark.
func seen(t *testing.T, lines []string, twoCells, dark bool) image.Image {
	t.Helper()
	var rows [][]bool
	inked := func(c rune, top bool) bool {
		switch c {
		case '█':
			return true
		case '▀':
			return top
		case '▄':
			return !top
		case ' ':
			return false
		}
		t.Fatalf("character %q in the QR code", c)
		return false
	}
	for _, l := range lines {
		rs := []rune(l)
		if twoCells {
			var row []bool
			for x := 0; x+1 < len(rs); x += 2 {
				row = append(row, inked(rs[x], true) != dark)
			}
			rows = append(rows, row)
			continue
		}
		var top, bottom []bool
		for _, c := range rs {
			top, bottom = append(top, inked(c, true) != dark), append(bottom, inked(c, false) != dark)
		}
		rows = append(rows, top, bottom)
	}
	const scale = 8
	// A margin of background around the code, as the screen gives it.
	img := image.NewGray(image.Rect(0, 0, (len(rows[0])+8)*scale, (len(rows)+8)*scale))
	bg := color.Gray{Y: 255}
	if dark {
		bg = color.Gray{Y: 0}
	}
	for y := range img.Bounds().Dy() {
		for x := range img.Bounds().Dx() {
			img.SetGray(x, y, bg)
		}
	}
	for y, row := range rows {
		for x, d := range row {
			c := color.Gray{Y: 255}
			if d {
				c = color.Gray{Y: 0}
			}
			for dy := range scale {
				for dx := range scale {
					img.SetGray((x+4)*scale+dx, (y+4)*scale+dy, c)
				}
			}
		}
	}
	return img
}

// decode reads a QR code as a phone would; "" with the reason logged when
// it cannot.
func decode(t *testing.T, img image.Image) string {
	res, err := goqr.DecodeDetailed(img)
	if err != nil {
		t.Logf("the code does not read: %v", err)
		return ""
	}
	return res.Text
}

// qrOnScreen cuts the QR code out of the sheet's lines: w cells from the
// left, from the first line of the body, n lines.
func qrOnScreen(view string, w, n int) []string {
	lines := strings.Split(ansi.Strip(view), "\n")[1:]
	out := make([]string, n)
	for i := range n {
		rs := []rune(lines[i])
		out[i] = string(rs[:min(w, len(rs))])
	}
	return out
}

func TestTheQRCodeOnScreenReadsBackAsTheJoinAddressAtEverySize(t *testing.T) {
	for _, tc := range []struct {
		w, h     int
		twoCells bool
	}{{80, 24, false}, {120, 40, true}, {200, 50, true}} {
		app, room := pageOpen(t, tc.w, tc.h)
		view := app.View()
		modules := len([]rune(room.QR()[0]))
		w, n := modules, (modules+1)/2
		if tc.twoCells {
			w, n = 2*modules, modules
		}
		plain := ansi.Strip(view)
		lines := strings.Split(plain, "\n")
		if len(lines) != tc.h {
			t.Errorf("%dx%d: %d lines", tc.w, tc.h, len(lines))
		}
		for i, l := range lines {
			if ansi.StringWidth(l) > tc.w {
				t.Errorf("%dx%d: line %d is %d wide", tc.w, tc.h, i, ansi.StringWidth(l))
			}
		}
		// The tests' terminal has no colours and a dark background: the
		// code is drawn so that it still shows dark on light.
		if got := decode(t, seen(t, qrOnScreen(view, w, n), tc.twoCells, true)); got != room.URL() {
			t.Fatalf("%dx%d: the code on screen reads %q, want %q:\n%s", tc.w, tc.h, got, room.URL(), plain)
		}
		flat := strings.Join(strings.Fields(plain), " ")
		for _, want := range []string{room.URL(), room.JoinCode(), "Verbonden: 0 deelnemers"} {
			if !strings.Contains(strings.ReplaceAll(plain, "\n", ""), want) && !strings.Contains(flat, want) {
				t.Errorf("%dx%d: the sheet does not show %q:\n%s", tc.w, tc.h, want, plain)
			}
		}
	}
}

func TestAPageOnlyThisComputerCanReachSaysSo(t *testing.T) {
	// The tests' pages listen on 127.0.0.1: no phone reaches them.
	app, _ := pageOpen(t, 200, 50)
	if plain := ansi.Strip(app.View()); !strings.Contains(plain, "Dit adres werkt alleen op deze computer") || strings.Contains(plain, "Alleen wie op hetzelfde netwerk zit") {
		t.Fatalf("a page on the loopback should say that no phone reaches it:\n%s", plain)
	}
	if isLoopback("192.168.1.20:8080") || !isLoopback("[::1]:8080") {
		t.Fatal("isLoopback")
	}
}

func TestWithColoursTheCodeIsBlackInkOnWhiteWhateverTheTerminalsBackground(t *testing.T) {
	_, room := pageOpen(t, 120, 40)
	modules := room.QRModules()
	for _, dark := range []bool{true, false} {
		lines := drawQR(modules, 1, termenv.TrueColor, dark)
		if !strings.Contains(lines[0], "38;2;0;0;0") || !strings.Contains(lines[0], "48;2;255;255;255") {
			t.Fatalf("not black on white: %q", lines[0])
		}
		plain := make([]string, len(lines))
		for i, l := range lines {
			plain[i] = ansi.Strip(l)
		}
		// Ink is black here: seen as on a light terminal.
		if got := decode(t, seen(t, plain, false, false)); got != room.URL() {
			t.Fatalf("dark %v: the coloured code reads %q", dark, got)
		}
	}
	// Without colours on a light background the characters are the dark
	// modules, as they come.
	if got := decode(t, seen(t, drawQR(modules, 1, termenv.Ascii, false), false, false)); got != room.URL() {
		t.Fatalf("on a light terminal without colours the code reads %q", got)
	}
}

func TestAWindowTooSmallForTheCodeSaysSoAndStillGivesTheAddress(t *testing.T) {
	app, room := pageOpen(t, 60, 16)
	plain := ansi.Strip(app.View())
	flat := strings.Join(strings.Fields(plain), " ")
	if !strings.Contains(flat, "Het venster is te klein voor de QR-code") || !strings.Contains(strings.ReplaceAll(plain, "\n", ""), room.URL()) || !strings.Contains(flat, room.JoinCode()) {
		t.Fatalf("at 60x16:\n%s", plain)
	}
	send(app, tea.WindowSizeMsg{Width: 80, Height: 24})
	if strings.Contains(ansi.Strip(app.View()), "te klein") {
		t.Fatalf("at 80x24 the code fits:\n%s", ansi.Strip(app.View()))
	}
}

func TestStoppingThePageAsksFirstAndWhatArrivedIsKept(t *testing.T) {
	app, room := pageOpen(t, 120, 40)
	p := phonetest.Join(t, room.URL())
	p.Choose("Ouders")
	p.Send("Nog net op tijd.")
	send(app, runes("s"))
	if v := ansi.Strip(app.View()); !strings.Contains(v, "De pagina stoppen?") {
		t.Fatalf("s does not ask first:\n%s", v)
	}
	send(app, runes("n"))
	if app.room.link == nil || p.Answers() == false {
		t.Fatal("n stopped the page")
	}
	send(app, runes("s"), runes("j"))
	if app.room.link != nil || p.Answers() {
		t.Fatal("j did not stop the page")
	}
	if got := app.c.conv.WaitingCount(); got != 1 {
		t.Fatalf("%d contributions wait after stopping the page, want the one sent", got)
	}
}
