package tui

import (
	"io"
	"net"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"gespreksmap/tui/component"
	"gespreksmap/tui/participants"
)

// roomSheet is the participants' page as the facilitator shows it to the
// room (F6): the QR code, the address, the join code and how many
// participants are connected. The QR code is drawn as large as the window
// allows (two cells a module when it fits, so it reads from the back of a
// room on a projector) and dark on light whatever the terminal's colours.
type roomSheet struct {
	c       *base
	room    *participants.Room
	url     string
	home    string // the address to type the join code on
	local   bool   // the page listens on this computer only (no network found)
	code    string
	modules [][]bool // the QR code, quiet zone included; true is dark
	// drawn is the code drawn for the terminal, at two cells a module
	// ([0]) and in half blocks ([1]).
	drawn [2][]string

	connected int
	confirm   bool // asked whether to stop the page
	w, h      int
	keys      roomSheetKeys
}

type roomSheetKeys struct{ Back, Stop, Yes, No key.Binding }

// connectedEvery is how often the sheet looks how many are connected.
const connectedEvery = 2 * time.Second

func newRoomSheet(a *App) *roomSheet {
	room := a.room.link.Room
	b := component.Bind
	s := &roomSheet{
		c: a.c, room: room, url: room.URL(), code: room.JoinCode(),
		modules:   room.QRModules(),
		connected: room.Connected(),
		local:     isLoopback(room.Addr()),
		keys: roomSheetKeys{
			Back: b("esc", "terug (de pagina blijft aan)", "esc", "q"),
			Stop: b("s", "pagina stoppen", "s"),
			Yes:  b("j", "ja, stoppen", "j", "y"),
			No:   b("n", "nee, aan laten", "n", "esc"),
		},
	}
	for i, scale := range []int{2, 1} {
		s.drawn[i] = drawQR(s.modules, scale, lipgloss.ColorProfile(), a.c.Dark)
	}
	s.home = s.url
	if i := strings.Index(s.url, "/j/"); i >= 0 {
		s.home = s.url[:i+1]
	}
	return s
}

func (s *roomSheet) Title() string { return "Deelnemers: pagina voor telefoons" }

// Init looks how many participants are connected every two seconds while
// the sheet is open.
func (s *roomSheet) Init() tea.Cmd { return s.tick() }

func (s *roomSheet) tick() tea.Cmd {
	return tea.Tick(connectedEvery, func(time.Time) tea.Msg { return roomTickMsg{sheet: s} })
}

// roomTick counts the connected participants again, while the sheet that
// asked is open.
func (a *App) roomTick(m roomTickMsg) tea.Cmd {
	s, ok := a.sheet.(*roomSheet)
	if !ok || s != m.sheet || a.room.link == nil || a.room.link.Room != s.room {
		return nil
	}
	s.connected = s.room.Connected()
	return s.tick()
}

func (s *roomSheet) Update(tea.Msg) (component.Component, tea.Cmd) { return s, nil }

func (s *roomSheet) SetSize(w, h int) { s.w, s.h = w, h }

func (s *roomSheet) key(a *App, km tea.KeyMsg) (tea.Cmd, bool) {
	k := s.keys
	if s.confirm {
		switch {
		case component.Matches(km, k.Yes):
			a.stopRoom()
			return component.Flash("De pagina voor deelnemers is gestopt. Wat al was ingestuurd, blijft bewaard."), true
		case component.Matches(km, k.No):
			s.confirm = false
		}
		return nil, false
	}
	switch {
	case component.Matches(km, k.Back):
		return nil, true
	case component.Matches(km, k.Stop):
		s.confirm = true
	}
	return nil, false
}

func (s *roomSheet) ShortHelp() []key.Binding {
	if s.confirm {
		return []key.Binding{s.keys.Yes, s.keys.No}
	}
	return []key.Binding{s.keys.Back, s.keys.Stop}
}

func (s *roomSheet) FullHelp() [][]key.Binding { return [][]key.Binding{s.ShortHelp()} }

// View lays the QR code out with what it says beside it, or below it on a
// narrow window; a window too small for the code says so plainly.
func (s *roomSheet) View() string {
	st := s.c.St
	info := func(w int, url bool) []string {
		var out []string
		add := func(style lipgloss.Style, text string) {
			for _, l := range strings.Split(ansi.Wordwrap(text, w, ""), "\n") {
				out = append(out, style.Render(l))
			}
		}
		add(st.Title, "Meedoen vanaf je eigen telefoon of laptop")
		out = append(out, "")
		if url {
			add(st.App, "Scan de QR-code met de camera, of open dit adres in de browser:")
			for _, l := range strings.Split(ansi.Hardwrap(s.url, w, false), "\n") {
				out = append(out, st.Key.Render(l))
			}
		} else {
			add(st.App, "Scan de QR-code met de camera, of open het adres eronder in de browser.")
		}
		out = append(out, "")
		add(st.App, "Zonder camera: ga naar "+s.home+" en typ de code")
		out = append(out, st.Key.Render(s.code))
		out = append(out, "")
		add(st.Label, "Verbonden: "+connectedWords(s.connected))
		if n := s.c.conv; n != nil {
			add(st.App, "Bijdragen die wachten: "+strconv.Itoa(n.WaitingCount())+" (F7)")
		}
		out = append(out, "")
		if s.confirm {
			add(st.Error, "De pagina stoppen? Deelnemers kunnen dan niets meer insturen; wat al binnen is, blijft bewaard. j: stoppen · n: aan laten")
		} else if s.local {
			add(st.Error, localWarning)
		} else {
			add(st.Dim, "Alleen wie op hetzelfde netwerk zit, komt erbij. De pagina stopt als het gesprek sluit.")
		}
		return out
	}
	const gap, minInfo = 3, 28
	for _, qr := range s.drawn {
		if len(qr) == 0 {
			break
		}
		qw, qh := ansi.StringWidth(qr[0]), len(qr)
		if iw := min(s.w-qw-gap, 72); iw >= minInfo {
			// The address whole on one line under the code, when it is
			// too long for the column beside it: to be read, or copied.
			if uw := ansi.StringWidth(s.url); uw > iw && uw <= s.w && qh+1 <= s.h {
				if lines := info(iw, false); len(lines) <= qh {
					return beside(qr, lines, gap) + "\n" + st.Key.Render(s.url)
				}
			}
			if lines := info(iw, true); max(qh, len(lines)) <= s.h {
				return beside(qr, lines, gap)
			}
		}
		if lines := info(min(s.w, 72), true); qw <= s.w && qh+1+len(lines) <= s.h {
			return strings.Join(qr, "\n") + "\n\n" + strings.Join(lines, "\n")
		}
	}
	n := len(s.modules)
	need := "Het venster is te klein voor de QR-code: maak het minstens " + strconv.Itoa(n+gap+minInfo) + "×" + strconv.Itoa((n+1)/2+3) + ". Deelnemers kunnen ook dit adres openen:"
	out := strings.Split(ansi.Wordwrap(need, max(10, s.w), ""), "\n")
	out = append(out, strings.Split(ansi.Hardwrap(s.url, max(10, s.w), false), "\n")...)
	out = append(out, "", "Of "+s.home+" met de code "+s.code+".")
	if s.local {
		out = append(out, "", localWarning)
	}
	return strings.Join(out, "\n")
}

// beside puts the lines of right beside those of left, gap cells apart.
func beside(left, right []string, gap int) string {
	lw := 0
	if len(left) > 0 {
		lw = ansi.StringWidth(left[0])
	}
	pad := strings.Repeat(" ", gap)
	var b strings.Builder
	for i := range max(len(left), len(right)) {
		if i > 0 {
			b.WriteByte('\n')
		}
		if i < len(left) {
			b.WriteString(left[i])
		} else {
			b.WriteString(strings.Repeat(" ", lw))
		}
		if i < len(right) {
			b.WriteString(pad + right[i])
		}
	}
	return b.String()
}

// connectedWords says how many participants are connected.
func connectedWords(n int) string {
	if n == 1 {
		return "1 deelnemer"
	}
	return strconv.Itoa(n) + " deelnemers"
}

// drawQR draws modules for the terminal so that dark modules show dark on
// a light ground, which is what a phone's camera reads. scale 2 gives each
// module two full cells of a row (twice the size, for a projector); scale
// 1 puts two rows of modules in a line with half blocks. With colours the
// code is black ink on white, whatever the terminal's own colours. Without
// colours (NO_COLOR, or a terminal without them) the characters' ink is
// the terminal's text colour: on a dark background that is light, so the
// code is drawn inverted there (ink for the light modules), and comes out
// dark on light all the same.
func drawQR(modules [][]bool, scale int, profile termenv.Profile, dark bool) []string {
	invert := profile == termenv.Ascii && dark
	ink := func(y, x int) bool {
		if y >= len(modules) || x >= len(modules[y]) {
			return invert // beyond the last row: light, like the quiet zone
		}
		return modules[y][x] != invert
	}
	var out []string
	var b strings.Builder
	if scale >= 2 {
		for y := range modules {
			b.Reset()
			for x := range modules[y] {
				if ink(y, x) {
					b.WriteString("██")
				} else {
					b.WriteString("  ")
				}
			}
			out = append(out, b.String())
		}
	} else {
		cols := 0
		if len(modules) > 0 {
			cols = len(modules[0])
		}
		out = participants.HalfBlocks(len(modules), cols, ink)
	}
	if profile == termenv.Ascii {
		return out
	}
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(profile)
	paper := r.NewStyle().Foreground(lipgloss.Color("#000000")).Background(lipgloss.Color("#ffffff"))
	for i, l := range out {
		out[i] = paper.Render(l)
	}
	return out
}

// localWarning is said when no phone can reach the page.
const localWarning = "Dit adres werkt alleen op deze computer: er is geen netwerk gevonden. Verbind de laptop met de wifi of een hotspot, stop de pagina (s) en start haar opnieuw (F6)."

// isLoopback says whether addr (host:port) is on this computer only, where
// no phone can reach it.
func isLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
