package participants

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestAParticipantJoinsFromTheQRCodeChoosesTheirOrganisationAndSendsTheirPerspective(t *testing.T) {
	r := openRoom(t, defaultLimits)
	r.SetStop(stop31)
	p, body := join(t, r)
	for _, want := range append([]string{"Welke organisatie vertegenwoordig je?", `lang="nl"`}, orgs...) {
		if !strings.Contains(body, want) {
			t.Fatalf("the first page lacks %q:\n%s", want, body)
		}
	}
	p.choose("Ouders")
	page := p.page()
	for _, want := range []string{"Je schrijft namens <strong>Ouders</strong>", "Vraag <span id=\"vraag-nummer\">3.1</span>",
		"Samenwerking – Wie doet wat?", "Hoe verdelen we de taken?", "Denk aan school en zorg.",
		"<dt>OOGO</dt><dd class=\"tekst\">Op overeenstemming gericht overleg</dd>", `maxlength="10000"`, `value="3.1"`} {
		if !strings.Contains(page, want) {
			t.Fatalf("the page lacks %q:\n%s", want, page)
		}
	}

	code, page := p.send("3.1", "Wij willen als ouders\nmeedenken.")
	if code != http.StatusSeeOther || !strings.Contains(page, "Verstuurd.") || !strings.Contains(page, "Wij willen als ouders\nmeedenken.") {
		t.Fatalf("sending: %d\n%s", code, page)
	}
	if !strings.Contains(page, `<span class="staat">wacht</span>`) {
		t.Fatalf("a sent contribution is not shown as waiting:\n%s", page)
	}
	sent := drainOne(t, r)
	if sent.Kind != Sent || sent.Ref != "3.1" || sent.Organisation != "Ouders" || sent.Text != "Wij willen als ouders\nmeedenken." || sent.ID == "" || sent.At.IsZero() {
		t.Fatalf("drained %+v", sent)
	}

	code, page = p.post(r.base()+"edit", url.Values{"t": {p.token()}, "id": {sent.ID}, "text": {"Wij willen meedenken én meebeslissen."}})
	if code != http.StatusSeeOther || !strings.Contains(page, "Je wijziging is verstuurd.") || !strings.Contains(page, "meebeslissen") {
		t.Fatalf("editing: %d\n%s", code, page)
	}
	edited := drainOne(t, r)
	if edited.Kind != Edited || edited.ID != sent.ID || edited.Text != "Wij willen meedenken én meebeslissen." || edited.Ref != "3.1" || edited.Organisation != "Ouders" {
		t.Fatalf("drained %+v", edited)
	}

	text, ok := r.Take(sent.ID)
	if !ok || text != "Wij willen meedenken én meebeslissen." {
		t.Fatalf("Take = %q, %v", text, ok)
	}
	page = p.page()
	if !strings.Contains(page, `<span class="staat">overgenomen</span>`) || strings.Contains(page, `value="`+sent.ID+`"`) {
		t.Fatalf("a taken contribution is not shown as taken without its forms:\n%s", page)
	}
	code, page = p.post(r.base()+"edit", url.Values{"t": {p.token()}, "id": {sent.ID}, "text": {"Toch anders."}})
	if code != http.StatusConflict || !strings.Contains(page, "kan niet meer worden gewijzigd") {
		t.Fatalf("editing a taken contribution: %d\n%s", code, page)
	}
	code, _ = p.post(r.base()+"withdraw", url.Values{"t": {p.token()}, "id": {sent.ID}})
	if code != http.StatusConflict {
		t.Fatalf("withdrawing a taken contribution: %d", code)
	}
	if got := r.Drain(); len(got) != 0 {
		t.Fatalf("a refused edit arrived: %+v", got)
	}
	if text, ok := r.Take(sent.ID); !ok || text != "Wij willen meedenken én meebeslissen." {
		t.Fatalf("Take again = %q, %v", text, ok)
	}

	// The facilitator gives up taking it over: the participant may change
	// it again, and the page never says it was set aside.
	if !r.Release(sent.ID) || r.Release(sent.ID) {
		t.Fatal("Release should succeed once")
	}
	page = p.page()
	if !strings.Contains(page, `<span class="staat">wacht</span>`) || strings.Contains(page, "terzijde") {
		t.Fatalf("a released contribution is not waiting again:\n%s", page)
	}
	code, _ = p.post(r.base()+"edit", url.Values{"t": {p.token()}, "id": {sent.ID}, "text": {"Toch anders."}})
	if code != http.StatusSeeOther {
		t.Fatalf("editing a released contribution: %d", code)
	}
	if again := drainOne(t, r); again.Kind != Edited || again.Text != "Toch anders." {
		t.Fatalf("drained %+v", again)
	}
}

func TestAParticipantWithdrawsAContributionAndTheFacilitatorSetsOneAsideAndRestoresIt(t *testing.T) {
	r := openRoom(t, defaultLimits)
	r.SetStop(stop31)
	p, _ := join(t, r)
	p.choose("Gemeente Tilburg")
	p.send("3.1", "Eerste gedachte.")
	p.send("3.1", "Tweede gedachte.")
	got := waitChanges(t, r, 2)
	first, second := got[0], got[1]
	if first.ID == second.ID {
		t.Fatal("two contributions share an id")
	}

	code, page := p.post(r.base()+"withdraw", url.Values{"t": {p.token()}, "id": {first.ID}})
	if code != http.StatusSeeOther || strings.Contains(page, "Eerste gedachte.") || !strings.Contains(page, "Je bijdrage is ingetrokken.") {
		t.Fatalf("withdrawing: %d\n%s", code, page)
	}
	w := drainOne(t, r)
	if w.Kind != Withdrawn || w.ID != first.ID || w.Organisation != "Gemeente Tilburg" || w.Ref != "3.1" || w.Text != "" {
		t.Fatalf("drained %+v", w)
	}
	if _, ok := r.Take(first.ID); ok {
		t.Fatal("a withdrawn contribution was taken")
	}

	if !r.SetAside(second.ID) {
		t.Fatal("SetAside refused")
	}
	if page := p.page(); !strings.Contains(page, `<span class="staat">terzijde gelegd</span>`) || strings.Contains(page, "Wijziging versturen") {
		t.Fatalf("a contribution set aside is not shown so, or can still be edited:\n%s", page)
	}
	if code, _ := p.post(r.base()+"edit", url.Values{"t": {p.token()}, "id": {second.ID}, "text": {"Anders."}}); code != http.StatusConflict {
		t.Fatalf("editing one set aside: %d", code)
	}
	if !r.Restore(second.ID) || r.Restore(second.ID) {
		t.Fatal("Restore should succeed once")
	}
	if page := p.page(); !strings.Contains(page, `<span class="staat">wacht</span>`) || !strings.Contains(page, "Wijziging versturen") {
		t.Fatalf("a restored contribution is not waiting and editable again:\n%s", page)
	}
	if r.SetAside("onbekend") || r.Restore("onbekend") {
		t.Fatal("an unknown id was changed")
	}
}

func TestAParticipantJoinsByTypingTheCode(t *testing.T) {
	r := openRoom(t, defaultLimits)
	if !regexp.MustCompile(`^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$`).MatchString(r.JoinCode()) {
		t.Fatalf("join code %q", r.JoinCode())
	}
	p := newParticipant(t, r)
	code, body := p.get("/")
	if code != http.StatusOK || !strings.Contains(body, `<label for="code">Code</label>`) || strings.Contains(body, "Tilburg") {
		t.Fatalf("root page: %d\n%s", code, body)
	}
	typed := strings.ToLower(strings.Replace(r.JoinCode(), "-", " ", 1))
	code, body = p.post("/", url.Values{"code": {typed}})
	if code != http.StatusSeeOther || !strings.Contains(body, "Welke organisatie vertegenwoordig je?") {
		t.Fatalf("typing the code %q: %d\n%s", typed, code, body)
	}
	p.choose("Ouders")
	if !strings.Contains(p.page(), "Je schrijft namens <strong>Ouders</strong>") {
		t.Fatal("joined by code, the page does not know the participant")
	}
}

func TestThePageFollowsTheFacilitatorLive(t *testing.T) {
	r := openRoom(t, defaultLimits)
	p, _ := join(t, r)
	p.choose("Ouders")
	if page := p.page(); !strings.Contains(page, "De gespreksleider heeft nu geen vraag open") || !strings.Contains(page, `id="schrijven" hidden`) {
		t.Fatalf("with nothing open the page does not say so:\n%s", page)
	}
	ev := p.events()
	if s := ev.next(); s.Stop.Open {
		t.Fatalf("first event: %+v", s)
	}
	r.SetStop(stop31)
	s := ev.until("3.1 open", func(s snapshot) bool { return s.Stop.Open })
	if s.Stop.Number != "3.1" || s.Stop.Text != "Hoe verdelen we de taken?" || len(s.Stop.Terms) != 1 || s.Stop.Terms[0].Name != "OOGO" {
		t.Fatalf("event: %+v", s)
	}
	r.SetStop(stop32)
	s = ev.until("3.2b", func(s snapshot) bool { return s.Stop.Ref == "3.2#b" })
	if s.Stop.Number != "3.2b" || len(s.Stop.Terms) != 0 {
		t.Fatalf("event: %+v", s)
	}

	r.SetRound(RoundView{Open: true, Ref: "3.2#b"})
	s = ev.until("the round", func(s snapshot) bool { return s.Round != "" })
	if s.Round != roundLine || s.Revealed {
		t.Fatalf("round event: %+v", s)
	}
	if page := p.page(); !strings.Contains(page, "Schrijfronde: schrijf nu het perspectief van jouw organisatie") {
		t.Fatalf("the page does not show the round:\n%s", page)
	}
	r.SetStop(StopView{})
	s = ev.until("nothing open", func(s snapshot) bool { return !s.Stop.Open })
	if s.Round != "" {
		t.Fatalf("a round on another stop is shown: %+v", s)
	}
	if !strings.Contains(p.page(), "De gespreksleider heeft nu geen vraag open") {
		t.Fatal("the page does not say nothing is open")
	}
}

func TestOtherOrganisationsContributionsAreShownOnlyAfterTheRoundIsRevealed(t *testing.T) {
	r := openRoom(t, defaultLimits)
	r.SetStop(stop32)
	r.SetRound(RoundView{Open: true, Ref: stop32.Ref})
	a, _ := join(t, r)
	a.choose("Ouders")
	b, _ := join(t, r)
	b.choose("Gemeente Tilburg")
	evA := a.events()
	evA.next()
	b.send(stop32.Ref, "Tekst van de gemeente.")
	a.send(stop32.Ref, "Tekst van de ouders.")
	waitChanges(t, r, 2)
	if page := a.page(); strings.Contains(page, "Tekst van de gemeente.") {
		t.Fatalf("another organisation's text shows before the reveal:\n%s", page)
	}
	s := evA.next()
	if s.Revealed || len(s.Contributions) != 0 {
		t.Fatalf("the event stream tells before the reveal: %+v", s)
	}
	r.SetRound(RoundView{Open: true, Ref: stop32.Ref, Revealed: true})
	s = evA.until("the reveal", func(s snapshot) bool { return s.Revealed })
	// In the order of the organisations: the gemeente before the parents.
	if len(s.Contributions) != 2 || s.Contributions[0].Org != "Gemeente Tilburg" || s.Contributions[1].Text != "Tekst van de ouders." {
		t.Fatalf("revealed: %+v", s.Contributions)
	}
	if page := a.page(); !strings.Contains(page, "Tekst van de gemeente.") || !strings.Contains(page, "Ingestuurd in deze schrijfronde") {
		t.Fatalf("the revealed round is not on the page:\n%s", page)
	}
	r.SetRound(RoundView{})
	if page := a.page(); strings.Contains(page, "Tekst van de gemeente.") {
		t.Fatal("a closed round still shows other organisations' texts")
	}
}

func TestAFormLoadedAtOneStopSendsToThatStopAfterTheFacilitatorMovedOn(t *testing.T) {
	r := openRoom(t, defaultLimits)
	r.SetStop(stop31)
	p, _ := join(t, r)
	p.choose("Ouders")
	tok := p.token()
	r.SetStop(stop32)
	p.post(r.base()+"send", url.Values{"t": {tok}, "ref": {"3.1"}, "text": {"Over de taken."}})
	if c := drainOne(t, r); c.Ref != "3.1" {
		t.Fatalf("sent at %q", c.Ref)
	}
	// A stop never shown, or none, is refused and the text kept.
	code, page := p.send("9.9", "Nergens.")
	if code != http.StatusConflict || !strings.Contains(page, ">Nergens.</textarea>") {
		t.Fatalf("an unknown stop: %d\n%s", code, page)
	}
	r.SetStop(StopView{})
	code, page = p.send("", "Zonder vraag.")
	if code != http.StatusConflict || !strings.Contains(page, "geen vraag open") || !strings.Contains(page, ">Zonder vraag.</textarea>") {
		t.Fatalf("no stop open: %d\n%s", code, page)
	}
	if got := r.Drain(); len(got) != 0 {
		t.Fatalf("refused texts arrived: %+v", got)
	}
}

func TestConnectedCountsParticipantsSeenInTheLastHalfMinute(t *testing.T) {
	r := openRoom(t, defaultLimits)
	if r.Connected() != 0 {
		t.Fatal("connected before anyone joined")
	}
	join(t, r)
	join(t, r)
	if n := r.Connected(); n != 2 {
		t.Fatalf("Connected = %d", n)
	}
	r.mu.Lock()
	for _, c := range r.clients {
		c.seen = time.Now().Add(-time.Minute)
	}
	r.mu.Unlock()
	if n := r.Connected(); n != 0 {
		t.Fatalf("Connected = %d after a minute of silence", n)
	}
}

func TestTheRoomAddressesAndJoinURL(t *testing.T) {
	r := openRoom(t, defaultLimits)
	if !strings.HasPrefix(r.Addr(), "127.0.0.1:") || r.URL() != "http://"+r.Addr()+"/j/"+testSecret {
		t.Fatalf("Addr %q URL %q", r.Addr(), r.URL())
	}
	q, err := Start(Config{Addr: "127.0.0.1"})
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	secret := strings.TrimPrefix(q.URL(), "http://"+q.Addr()+"/j/")
	if len(secret) < 22 || validSecret(secret) != nil || q.JoinCode() == r.JoinCode() {
		t.Fatalf("a random room: URL %q code %q", q.URL(), q.JoinCode())
	}
	if _, err := Start(Config{Addr: "127.0.0.1", Secret: "kort"}); err == nil {
		t.Fatal("a short secret was accepted")
	}
}

func TestPressingSendTwiceSendsOnce(t *testing.T) {
	r := openRoom(t, defaultLimits)
	r.SetStop(stop31)
	p, _ := join(t, r)
	p.choose("Ouders")
	tok := p.token()
	for range 2 {
		if code, _ := p.post(r.base()+"send", url.Values{"t": {tok}, "ref": {"3.1"}, "text": {"Eén keer."}}); code != http.StatusSeeOther {
			t.Fatalf("send: %d", code)
		}
	}
	if got := r.Drain(); len(got) != 1 {
		t.Fatalf("drained %d: %+v", len(got), got)
	}
	if n := strings.Count(p.page(), `<p class="tekst">Eén keer.</p>`); n != 1 {
		t.Fatalf("listed %d times", n)
	}
	// The same words again later, after another, are a new contribution.
	p.send("3.1", "Iets anders.")
	p.send("3.1", "Eén keer.")
	if got := waitChanges(t, r, 2); len(got) != 2 || got[1].Text != "Eén keer." {
		t.Fatalf("drained %+v", got)
	}
}
