package sessions

import (
	"errors"
	"strings"
	"sync"
	"testing"
	"time"
)

// fakeStore keeps the report in memory; onDisk is what a reader of the
// file would see, changed says someone edited it beside the program.
type fakeStore struct {
	mu       sync.Mutex
	path     string
	onDisk   *Session
	saves    int
	changed  bool
	readOnly bool
	fail     error
	closed   bool
	copies   int
}

func (f *fakeStore) Save(s *Session) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	switch {
	case f.changed:
		return ErrChangedOnDisk
	case f.fail != nil:
		return f.fail
	}
	f.onDisk, f.saves = s.Clone(), f.saves+1
	return nil
}

func (f *fakeStore) SaveCopy(s *Session) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.copies++
	f.path = "verslag-kopie.md"
	f.onDisk, f.changed = s.Clone(), false
	return f.path, nil
}

func (f *fakeStore) Reload() (*Session, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.changed = false
	return f.onDisk.Clone(), nil
}

func (f *fakeStore) Path() string   { return f.path }
func (f *fakeStore) ReadOnly() bool { return f.readOnly }
func (f *fakeStore) Close() error   { f.closed = true; return nil }

var saveTime = time.Date(2026, 11, 22, 14, 5, 0, 0, time.UTC)

func controlled(t *testing.T, store *fakeStore) (*Controller, *Conversation) {
	t.Helper()
	c := newConv(t)
	store.path = "verslag.md"
	store.onDisk = c.Clone()
	return NewController(c, store, func() time.Time { return saveTime }), c
}

func TestEveryChangeIsSavedOnceAndSaysWhen(t *testing.T) {
	store := &fakeStore{}
	ctl, c := controlled(t, store)
	if ctl.State() != Saved || ctl.Dirty() || ctl.PrepareSave() != nil {
		t.Fatalf("just opened: state %v", ctl.State())
	}
	c.SetText(at(t, c, "1.1"), "Het staat op de agenda.")
	if ctl.State() != Unsaved {
		t.Errorf("after a change: state %v", ctl.State())
	}
	if err := ctl.SaveNow(); err != nil {
		t.Fatal(err)
	}
	if store.onDisk.Answers["bestuur.agenda"].Text != "Het staat op de agenda." || !store.onDisk.Updated.Equal(saveTime) {
		t.Errorf("on disk: %+v", store.onDisk.Answers["bestuur.agenda"])
	}
	if ctl.State() != Saved || !ctl.SavedAt().Equal(saveTime) {
		t.Errorf("after saving: %v at %v", ctl.State(), ctl.SavedAt())
	}
	if ctl.SaveNow(); store.saves != 1 {
		t.Errorf("%d saves without a change in between", store.saves)
	}
}

func TestABackgroundSaveWritesTheSnapshotAndTheNewestWins(t *testing.T) {
	store := &fakeStore{}
	ctl, c := controlled(t, store)
	st := at(t, c, "1.1")
	c.SetText(st, "Eerst.")
	older := ctl.PrepareSave()
	// Typing goes on while the first save waits for the disk.
	c.SetText(st, "Daarna.")
	newer := ctl.PrepareSave()
	ctl.Finish(newer.Run())
	ctl.Finish(older.Run())
	if got := store.onDisk.Answers["bestuur.agenda"].Text; got != "Daarna." || store.saves != 1 {
		t.Errorf("on disk %q after %d saves: an older snapshot overwrote a newer one", got, store.saves)
	}
	if ctl.Dirty() {
		t.Error("dirty after the newest revision was written")
	}
	// The snapshot is a copy: a change after PrepareSave is not in it.
	c.SetText(st, "Later.")
	job := ctl.PrepareSave()
	done := make(chan SaveResult)
	go func() { done <- job.Run() }() // off the interface's goroutine
	c.SetText(st, "Nog later.")
	ctl.Finish(<-done)
	if got := store.onDisk.Answers["bestuur.agenda"].Text; got != "Later." || !ctl.Dirty() {
		t.Errorf("on disk %q, dirty %v", got, ctl.Dirty())
	}
}

func TestAFailedSaveIsShownAndTriedAgain(t *testing.T) {
	store := &fakeStore{fail: errors.New("schijf vol")}
	ctl, c := controlled(t, store)
	c.SetStatus(at(t, c, "1.1"), StatusDone)
	if err := ctl.SaveNow(); err == nil || ctl.State() != SaveFailed || ctl.Err() == nil {
		t.Fatalf("failing save: %v, state %v", err, ctl.State())
	}
	store.fail = nil
	if err := ctl.SaveNow(); err != nil || ctl.State() != Saved || ctl.Err() != nil {
		t.Errorf("second try: %v, state %v", err, ctl.State())
	}
}

func TestAReportChangedOnDiskIsAConflictResolvedByReloading(t *testing.T) {
	store := &fakeStore{}
	ctl, c := controlled(t, store)
	c.SetCurrent(c.StopByNumber("3.1b"))
	ctl.SaveNow()
	// Someone edits the report in a text editor.
	store.onDisk.Answers["bestuur.agenda"] = &Answer{QuestionID: "bestuur.agenda", Text: "Uit de editor."}
	store.changed = true
	c.SetText(at(t, c, "1.1"), "Hier getypt.")
	if err := ctl.SaveNow(); !errors.Is(err, ErrChangedOnDisk) || ctl.State() != Conflict {
		t.Fatalf("save over an edit: %v, state %v", err, ctl.State())
	}
	if ctl.PrepareSave() != nil {
		t.Error("a save is prepared while the conflict waits for an answer")
	}
	nc, err := ctl.Reload()
	if err != nil {
		t.Fatal(err)
	}
	if nc != ctl.Conversation() || nc.Text(at(t, nc, "1.1")) != "Uit de editor." {
		t.Errorf("reloaded: %q", nc.Text(at(t, nc, "1.1")))
	}
	if nc.Stop(nc.Resume()).Number() != "3.1b" || ctl.State() != Saved {
		t.Errorf("after reloading: at %q, state %v", nc.Current, ctl.State())
	}
	// Saving goes on with the reloaded conversation.
	nc.SetText(at(t, nc, "1.1"), "Verder.")
	if err := ctl.SaveNow(); err != nil || store.onDisk.Answers["bestuur.agenda"].Text != "Verder." {
		t.Errorf("save after reload: %v", err)
	}
}

func TestAConflictResolvedByContinuingInACopy(t *testing.T) {
	store := &fakeStore{}
	ctl, c := controlled(t, store)
	store.changed = true
	c.SetText(at(t, c, "1.1"), "Hier getypt.")
	job := ctl.PrepareSave()
	ctl.Finish(job.Run())
	if ctl.State() != Conflict {
		t.Fatalf("state %v", ctl.State())
	}
	path, err := ctl.SaveCopy()
	if err != nil || path != "verslag-kopie.md" || ctl.Path() != path {
		t.Fatalf("copy %q (%v), path now %q", path, err, ctl.Path())
	}
	if store.onDisk.Answers["bestuur.agenda"].Text != "Hier getypt." || ctl.State() != Saved || ctl.Conversation() != c {
		t.Errorf("after the copy: state %v", ctl.State())
	}
	c.SetStatus(at(t, c, "1.1"), StatusDone)
	if err := ctl.SaveNow(); err != nil || store.saves != 1 {
		t.Errorf("saving on in the copy: %v, %d saves", err, store.saves)
	}
}

func TestAReadOnlyReportIsNeverWritten(t *testing.T) {
	store := &fakeStore{readOnly: true}
	ctl, c := controlled(t, store)
	if ctl.State() != ReadOnly || !ctl.ReadOnly() || !c.ReadOnly() {
		t.Fatalf("state %v", ctl.State())
	}
	if c.SetText(at(t, c, "1.1"), "x") {
		t.Error("a read-only conversation took a change")
	}
	if err := ctl.Close(); err != nil || store.saves != 0 || !store.closed {
		t.Errorf("close: %v, %d saves, closed %v", err, store.saves, store.closed)
	}
}

func TestANewConversationIsWrittenAtOnceAndClosingSavesTheRest(t *testing.T) {
	st := NewStart(nil, "", saveTime)
	st.Title = "Lab"
	c, err := Begin(newConv(t).Set, st, "lab.md")
	if err != nil {
		t.Fatal(err)
	}
	store := &fakeStore{path: "lab.md"}
	ctl := NewController(c, store, nil)
	if !ctl.Dirty() {
		t.Fatal("a new conversation is not ahead of its empty report")
	}
	c.SetText(at(t, c, "1.1"), "Begin.")
	if err := ctl.Close(); err != nil || store.saves != 1 || store.onDisk.Title != "Lab" || !store.closed {
		t.Errorf("close: %v, %d saves", err, store.saves)
	}
}

func TestRescueSavesInTheReportWhenItIsSafe(t *testing.T) {
	store := &fakeStore{}
	ctl, c := controlled(t, store)
	c.SetText(at(t, c, "1.1"), "Getypt.")
	r, err := ctl.Rescue()
	if err != nil || r.Path != "verslag.md" || r.Copy() || store.copies != 0 {
		t.Fatalf("rescue: %+v, %v, %d copies", r, err, store.copies)
	}
	if store.onDisk.Answers["bestuur.agenda"].Text != "Getypt." {
		t.Errorf("the report holds %+v", store.onDisk.Answers["bestuur.agenda"])
	}
}

func TestRescueAtAConflictKeepsTheTypedWordsInACopy(t *testing.T) {
	for _, answered := range []bool{false, true} {
		store := &fakeStore{}
		ctl, c := controlled(t, store)
		store.changed = true
		c.SetText(at(t, c, "1.1"), "Hier getypt.")
		if answered {
			// The conflict was seen and is waiting for its answer.
			if err := ctl.SaveNow(); !errors.Is(err, ErrChangedOnDisk) {
				t.Fatal(err)
			}
		}
		if err := ctl.Close(); err != nil {
			t.Fatal(err)
		}
		if store.copies != 1 || ctl.Path() != "verslag-kopie.md" || store.onDisk.Answers["bestuur.agenda"].Text != "Hier getypt." || !store.closed {
			t.Errorf("conflict seen %v: %d copies, path %q, on disk %+v", answered, store.copies, ctl.Path(), store.onDisk.Answers["bestuur.agenda"])
		}
	}
}

func TestRescueSaysWhereTheWordsWent(t *testing.T) {
	store := &fakeStore{}
	ctl, c := controlled(t, store)
	store.changed = true
	c.SetText(at(t, c, "1.1"), "Hier getypt.")
	r, err := ctl.Rescue()
	if err != nil || r.Path != "verslag-kopie.md" || r.Report != "verslag.md" || !r.Copy() || !errors.Is(r.Why, ErrChangedOnDisk) {
		t.Fatalf("rescue: %+v, %v", r, err)
	}
	// Nothing typed since: nothing more is written.
	if r, err := ctl.Rescue(); err != nil || r.Copy() || store.copies != 1 {
		t.Errorf("second rescue: %+v, %v, %d copies", r, err, store.copies)
	}
}

func TestRescueWithoutChangesAtAConflictMakesNoCopy(t *testing.T) {
	store := &fakeStore{}
	ctl, _ := controlled(t, store)
	store.changed = true
	if r, err := ctl.Rescue(); err != nil || r.Copy() || store.copies != 0 || r.Path != "verslag.md" {
		t.Errorf("rescue: %+v, %v, %d copies", r, err, store.copies)
	}
}

func TestAFailedSaveIsRescuedInACopy(t *testing.T) {
	store := &fakeStore{}
	ctl, c := controlled(t, store)
	store.fail = errors.New("de schijf is vol")
	c.SetText(at(t, c, "1.1"), "Getypt.")
	r, err := ctl.Rescue()
	if err != nil || !r.Copy() || r.Why != store.fail || store.onDisk.Answers["bestuur.agenda"].Text != "Getypt." {
		t.Errorf("rescue: %+v, %v", r, err)
	}
}

type noticeStore struct {
	fakeStore
	notices []string
}

func (n *noticeStore) Notice() string {
	if len(n.notices) == 0 {
		return ""
	}
	m := n.notices[0]
	n.notices = n.notices[1:]
	return m
}

func TestNoticeIsWhatTheStorageHasToTellOnce(t *testing.T) {
	store := &noticeStore{notices: []string{"De map is opnieuw gemaakt."}}
	c := newConv(t)
	store.path, store.onDisk = "verslag.md", c.Clone()
	ctl := NewController(c, store, nil)
	if got := ctl.Notice(); got != "De map is opnieuw gemaakt." {
		t.Errorf("notice %q", got)
	}
	if got := ctl.Notice(); got != "" {
		t.Errorf("the notice came twice: %q", got)
	}
	plain, _ := controlled(t, &fakeStore{})
	if got := plain.Notice(); got != "" {
		t.Errorf("a storage without notices: %q", got)
	}
}

func TestRescueKeepsTheContributionsStillWaiting(t *testing.T) {
	for _, conflict := range []bool{false, true} {
		store := &fakeStore{}
		ctl, c := controlled(t, store)
		store.changed = conflict
		st := at(t, c, "3.1b")
		c.Receive(Contribution{ID: "k1", Organisation: "Gemeente Tilburg", QuestionID: "organiseren.afspraken", Part: "beoordeling", Text: "Nog niet verwerkt.", At: saveTime})
		c.Receive(Contribution{ID: "k2", Organisation: "SWV Hart van Brabant", QuestionID: "organiseren.afspraken", Part: "beoordeling", Text: "Terzijde.", At: saveTime})
		c.SetAsideContribution("k2")
		if len(c.WaitingAt(st)) != 1 {
			t.Fatal("nothing waits")
		}
		r, err := ctl.Rescue()
		if err != nil || r.Copy() != conflict {
			t.Fatalf("rescue at a conflict %v: %+v, %v", conflict, r, err)
		}
		got := store.onDisk.Contributions
		if len(got) != 2 || got[0].Text != "Nog niet verwerkt." || got[0].State != ContributionWaiting || got[1].State != ContributionSetAside {
			t.Errorf("conflict %v: on disk %+v", conflict, got)
		}
	}
}

func TestReloadingAtAConflictLosesNoContributionAndKeepsTheRound(t *testing.T) {
	store := &fakeStore{}
	ctl, c := controlled(t, store)
	st := at(t, c, "3.1b")
	c.OpenRound(st, saveTime)
	in := saveTime.Add(time.Minute)
	send := func(c *Conversation, id, org, text string) {
		t.Helper()
		if !c.Receive(Contribution{ID: id, Organisation: org, QuestionID: "organiseren.afspraken", Part: "beoordeling", Text: text, At: in}) {
			t.Fatalf("%s refused", id)
		}
	}
	send(c, "k0", "Gemeente Tilburg", "Opgeslagen en overgenomen.")
	send(c, "k1", "SWV Hart van Brabant", "Opgeslagen, daarna overgenomen.")
	c.AcceptContribution("k0", "")
	if err := ctl.SaveNow(); err != nil {
		t.Fatal(err)
	}
	// After the save: one more arrives, and two are taken over.
	send(c, "k2", "Gemeente Tilburg", "Na het bewaren ontvangen.")
	send(c, "k3", "SWV Hart van Brabant", "Na het bewaren ontvangen en overgenomen.")
	c.AcceptContribution("k1", "")
	c.AcceptContribution("k3", "")
	store.changed = true
	if err := ctl.SaveNow(); !errors.Is(err, ErrChangedOnDisk) {
		t.Fatal(err)
	}
	nc, err := ctl.Reload()
	if err != nil {
		t.Fatal(err)
	}
	// k1 waits as the report has it, k2 came after the save, k3's taking
	// over was not saved: each waits again; k0's taking over was saved.
	var got []string
	for _, k := range nc.Contributions() {
		got = append(got, k.ID+" "+string(k.State))
	}
	if strings.Join(got, ",") != "k1 ,k2 ,k3 " {
		t.Errorf("after reloading: %q", got)
	}
	if text, _ := nc.Perspective(st, "Gemeente Tilburg"); text != "Opgeslagen en overgenomen." {
		t.Errorf("the saved perspective: %q", text)
	}
	if nc.Receive(Contribution{ID: "k0", Organisation: "Gemeente Tilburg", QuestionID: "organiseren.afspraken", Part: "beoordeling", Text: "Te laat.", At: in}) {
		t.Error("a contribution taken over before the reload was edited after it")
	}
	if r, ok := nc.CurrentRound(); !ok || r.Part != "beoordeling" {
		t.Errorf("the round ended with the reload: %+v", r)
	}
	var acc []string
	for _, k := range nc.RoundAccepted() {
		acc = append(acc, k.ID)
	}
	if sent, _ := nc.RoundProgress(); sent != 2 || strings.Join(acc, ",") != "k0" {
		t.Errorf("round: %d sent, taken over %v", sent, acc)
	}
	// What came back is saved with the next save.
	if !ctl.Dirty() {
		t.Fatal("the contributions kept are not waiting to be saved")
	}
	if err := ctl.SaveNow(); err != nil || len(store.onDisk.Contributions) != 3 {
		t.Errorf("saved: %v, %+v", err, store.onDisk.Contributions)
	}
}

func TestReloadingAtAConflictKeepsAParticipantsEditMadeAfterTheSave(t *testing.T) {
	store := &fakeStore{}
	ctl, c := controlled(t, store)
	in := saveTime.Add(time.Minute)
	k := Contribution{ID: "k1", Organisation: "Gemeente Tilburg", QuestionID: "organiseren.afspraken", Part: "beoordeling", Text: "Eerste versie.", At: in}
	if !c.Receive(k) {
		t.Fatal("refused")
	}
	if err := ctl.SaveNow(); err != nil {
		t.Fatal(err)
	}
	k.Text, k.At = "Tweede versie.", in.Add(20*time.Second)
	if !c.Receive(k) {
		t.Fatal("edit refused")
	}
	store.changed = true
	if err := ctl.SaveNow(); !errors.Is(err, ErrChangedOnDisk) {
		t.Fatal(err)
	}
	nc, err := ctl.Reload()
	if err != nil {
		t.Fatal(err)
	}
	if got, _, _ := nc.ContributionByID("k1"); got.Text != "Tweede versie." {
		t.Errorf("after reloading the contribution reads %q", got.Text)
	}
	if !ctl.Dirty() {
		t.Error("the edit kept is not waiting to be saved")
	}
}
