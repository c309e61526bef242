package tui

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"gespreksmap/content"
	"gespreksmap/sessions"
	"gespreksmap/tui/phonetest"
)

// benchPhones is how many phones keep changing their contribution while
// BenchmarkKeystrokeWhileContributionsArrive types: a full table and more.
const benchPhones = 30

// BenchmarkKeystrokeWhileContributionsArrive is BenchmarkKeystroke/chars=20000
// while a busy room sends: a real participants' page on the loopback, to
// which 30 phones (the participants of the conversation) each sent a
// contribution at the stop on screen and keep changing it as fast as the
// page lets them (its rate limit, five requests a second each). One op is
// one key through Update and View; before the key, when the page has
// signalled, its changes are taken in as the program loop does
// (arrivalMsg: drain into the conversation, the header's count, the side
// panel at 200×50), so their cost is in the figure. It reports the changes
// taken in per key; it never fails on time.
func BenchmarkKeystrokeWhileContributionsArrive(b *testing.B) {
	for _, size := range [][2]int{{120, 40}, {200, 50}} {
		b.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(b *testing.B) {
			benchWidth, benchHeight = size[0], size[1]
			defer func() { benchWidth, benchHeight = 120, 40 }()
			benchArrivals(b)
		})
	}
}

func benchArrivals(b *testing.B) {
	const n = 20000
	set := content.Default()
	current := firstOpenQuestion(b, set)
	s := benchConversation(set, current, n)
	orgs := make([]string, benchPhones)
	for i := range orgs {
		orgs[i] = fmt.Sprintf("Organisatie %02d", i+1)
		s.Participants = append(s.Participants, sessions.Participant{Name: "Deelnemer", Organisation: orgs[i]})
	}
	app := resumeConversation(b, set, s)
	start, rooms := phonetest.Loopback(b)
	app.c.cfg.Participants = start
	send(app, keyOf(tea.KeyF6))
	room := phonetest.Room(b, rooms)
	send(app, keyOf(tea.KeyEsc))
	if app.sheet != nil || app.room.link == nil {
		b.Fatal("the page did not start, or its sheet did not close")
	}

	// Every phone joins, sends once, and then keeps changing its text.
	type busy struct {
		p      *phonetest.Phone
		token  string
		id     string
		number string
	}
	phones := make([]busy, benchPhones)
	for i, o := range orgs {
		p := phonetest.Join(b, room.URL())
		p.Choose(o)
		p.Send("Eerste versie van " + o + ".")
		phones[i] = busy{p: p, token: p.Token(), id: p.Mine()[0]}
	}
	arrive(b, app, benchPhones)
	if got := len(app.c.conv.WaitingAt(app.c.stops[app.pane.Stop()])); got != benchPhones {
		b.Fatalf("%d contributions wait at the stop on screen, want %d", got, benchPhones)
	}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var edits atomic.Int64
	for i := range phones {
		wg.Add(1)
		go func(ph busy, i int) {
			defer wg.Done()
			for k := 0; ; k++ {
				select {
				case <-stop:
					return
				default:
				}
				code, err := ph.p.TryEdit(ph.token, ph.id, fmt.Sprintf("Versie %d van organisatie %02d: %s", k, i+1, strings.Repeat("woord ", 40)))
				if err != nil {
					return
				}
				if code == 303 {
					edits.Add(1)
				}
			}
		}(phones[i], i)
	}

	app.Update(tea.KeyMsg{Type: tea.KeyCtrlHome})
	for range n / 2 {
		app.Update(tea.KeyMsg{Type: tea.KeyRight})
	}
	taken := 0
	var view string
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		select {
		case <-room.Notify():
			before := app.c.conv.Revision()
			app.Update(arrivalMsg{room: room})
			taken += int(app.c.conv.Revision() - before)
		default:
		}
		app.Update(benchKeys[i%2])
		view = app.View()
	}
	b.StopTimer()
	close(stop)
	wg.Wait()
	b.ReportMetric(float64(taken)/float64(b.N), "changes/key")
	b.ReportMetric(float64(edits.Load()), "edits-sent")
	if !strings.Contains(view, "✉ 30 wachten") {
		b.Fatalf("the header does not count the contributions:\n%s", view)
	}
}

// arrive takes in what the page signals until want contributions wait, as
// the program loop does with the command that waits for the page (which
// the tests' pump does not run).
func arrive(t testing.TB, app *App, want int) {
	t.Helper()
	room := app.room.link.Room
	deadline := time.After(5 * time.Second)
	for app.c.conv.WaitingCount() < want {
		select {
		case <-room.Notify():
			send(app, arrivalMsg{room: room})
		case <-deadline:
			t.Fatalf("%d contributions arrived, want %d", app.c.conv.WaitingCount(), want)
		}
	}
}
