package participants

import (
	"context"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// browser is the path of an installed Chromium or Chrome, or "".
func browser() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// inBrowser opens a fresh headless browser tab with a 360×740 phone
// screen, and returns a function that runs steps within ten seconds each.
func inBrowser(t *testing.T) (ctx context.Context, step func(what string, steps ...chromedp.Action[chromedp.Void])) {
	t.Helper()
	bin := browser()
	if bin == "" {
		t.Skip("no chromium or chrome found (exec.LookPath): the participants' page is not tried in a real browser")
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(bin), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(360, 740))
	ctx, cancel := chromedp.NewContext(alloc)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	// The first run starts the browser and lives as long as ctx: no timeout.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(360, 740, chromedp.EmulatePortrait, chromedp.EmulateMobile, chromedp.EmulateTouch)); err != nil {
		t.Fatalf("starting %s: %v", bin, err)
	}
	step = func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		sctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		if err := chromedp.Do(sctx, steps...); err != nil {
			dctx, c2 := context.WithTimeout(ctx, 3*time.Second)
			defer c2()
			page, _ := chromedp.Run(dctx, chromedp.Evaluate[string](`location.href + "\n" + document.documentElement.outerHTML`))
			t.Fatalf("%s: %v\n%s", what, err, page)
		}
	}
	return ctx, step
}

// evaluate runs a script in the page and returns its value.
func evaluate[T any](t *testing.T, ctx context.Context, script string) T {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	v, err := chromedp.Run(sctx, chromedp.Evaluate[T](script))
	if err != nil {
		t.Fatalf("%s: %v", script, err)
	}
	return v
}

func TestInABrowserOnAPhoneAParticipantJoinsFollowsTheQuestionLiveAndSends(t *testing.T) {
	r := openRoom(t, defaultLimits)
	r.SetStop(stop31)
	ctx, step := inBrowser(t)
	text := func(sel string) string {
		return evaluate[string](t, ctx, `document.querySelector(`+strconv.Quote(sel)+`).textContent`)
	}

	step("opening the join URL", chromedp.Navigate(r.URL()), chromedp.WaitVisible(chromedp.CSS(`label[for="org-2"]`)))
	step("choosing the parents", chromedp.Click(chromedp.CSS(`label[for="org-2"]`)), chromedp.Click(chromedp.CSS(`button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(`#vraag-titel`)))
	if got := text("#vraag-titel"); got != stop31.Title {
		t.Fatalf("the question shown is %q", got)
	}
	if got := text("header strong"); got != "Ouders" {
		t.Fatalf("writing on behalf of %q", got)
	}
	// The script runs (the Content-Security-Policy lets it) and follows
	// the events.
	step("following the events", chromedp.WaitReady(chromedp.CSS(`body[data-ref="3.1"]`)))

	// On a 360-pixel screen: nothing wider than the screen, and every
	// button and field large enough to touch.
	if w := evaluate[int](t, ctx, `document.documentElement.scrollWidth`); w > 360 {
		t.Fatalf("the page is %d pixels wide on a 360-pixel screen", w)
	}
	small := evaluate[[]string](t, ctx, `Array.from(document.querySelectorAll("button, textarea, input, a.knop, summary"))
		.filter(e => e.offsetParent !== null && e.type !== "hidden" && e.getBoundingClientRect().height < 44)
		.map(e => e.outerHTML)`)
	if len(small) > 0 {
		t.Fatalf("too small to touch: %v", small)
	}

	r.SetStop(stop32)
	step("the new question arrives by itself", chromedp.WaitReady(chromedp.CSS(`body[data-ref="3.2#b"]`)))
	if got := text("#vraag-titel"); got != stop32.Title {
		t.Fatalf("after SetStop the question shown is %q", got)
	}
	if got := text("#aankondiging"); !strings.Contains(got, "Nieuwe vraag: 3.2b") {
		t.Fatalf("the screen reader is told %q", got)
	}
	if got := text("#schrijf-bij"); got != "3.2b "+stop32.Title {
		t.Fatalf("the empty form writes at %q", got)
	}

	step("writing and sending", chromedp.SendKeys(chromedp.CSS(`#tekst`), "Ouders willen meebeslissen <b>echt</b>."),
		chromedp.Click(chromedp.CSS(`#schrijven button[type="submit"]`)), chromedp.WaitVisible(chromedp.CSS(`#gelukt`)))
	c := drainOne(t, r)
	if c.Kind != Sent || c.Ref != "3.2#b" || c.Organisation != "Ouders" || c.Text != "Ouders willen meebeslissen <b>echt</b>." {
		t.Fatalf("drained %+v", c)
	}
	if got := evaluate[string](t, ctx, `document.getElementById(`+strconv.Quote("b-"+c.ID)+`).querySelector(".tekst").textContent`); got != c.Text {
		t.Fatalf("the page lists %q", got)
	}
	step("the state follows too", chromedp.WaitReady(chromedp.CSS(`body[data-ref="3.2#b"]`)))
	if _, ok := r.Take(c.ID); !ok {
		t.Fatal("Take refused")
	}
	step("taken over, shown without reloading",
		chromedp.Poll[chromedp.Void](`document.getElementById(`+strconv.Quote("b-"+c.ID)+`).querySelector(".staat").textContent === "overgenomen"`),
		chromedp.Poll[chromedp.Void](`document.getElementById(`+strconv.Quote("b-"+c.ID)+`).querySelector(".bewerk").hidden === true`))
	if !r.Release(c.ID) {
		t.Fatal("Release refused")
	}
	step("freed again, changeable without reloading",
		chromedp.Poll[chromedp.Void](`document.getElementById(`+strconv.Quote("b-"+c.ID)+`).querySelector(".staat").textContent === "wacht"`),
		chromedp.Poll[chromedp.Void](`document.getElementById(`+strconv.Quote("b-"+c.ID)+`).querySelector(".bewerk").hidden === false`))
}

func TestInABrowserAParticipantJoinsByTypingTheCode(t *testing.T) {
	r := openRoom(t, defaultLimits)
	ctx, step := inBrowser(t)
	step("opening the root page and typing the code", chromedp.Navigate("http://"+r.Addr()+"/"),
		chromedp.SendKeys(chromedp.CSS(`#code`), strings.ToLower(r.JoinCode())),
		chromedp.Click(chromedp.CSS(`button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(`label[for="org-0"]`)))
	if got := evaluate[string](t, ctx, `document.querySelector("legend").textContent`); got != "Welke organisatie vertegenwoordig je?" {
		t.Fatalf("after the code the page asks %q", got)
	}
	if n := r.Connected(); n != 1 {
		t.Fatalf("Connected = %d", n)
	}
}
