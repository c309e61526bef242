package store

import (
	"os"
	"strings"
	"testing"
	"time"

	"gespreksmap/sessions"
)

// A contribution still waiting when the program quits, or when the report
// was changed beside it, is on disk afterwards and waits again when the
// report is reopened.
func TestContributionsStillWaitingWhenTheProgramQuitsAreOfferedAgainOnReopening(t *testing.T) {
	for _, conflict := range []bool{false, true} {
		path := newReport(t)
		f, s, err := Open(path, testSet())
		if err != nil {
			t.Fatal(err)
		}
		conv := sessions.NewConversation(testSet(), s)
		ctl := sessions.NewController(conv, f, nil)
		before := conv.WaitingCount()
		at := time.Date(2026, 11, 30, 14, 5, 0, 0, time.Local)
		if !conv.Receive(sessions.Contribution{ID: "laat-1", Organisation: "Ouderraad", QuestionID: "bestuur.uitwerking", Part: "toezicht", Text: "Wij kijken mee.\n<b>Echt.</b>", At: at}) {
			t.Fatal("refused")
		}
		if conflict {
			edited := strings.Replace(readFile(t, path), "> Vooral vragen over verpleging.", "> Bewerkt.", 1)
			if err := os.WriteFile(path, []byte(edited), 0o600); err != nil {
				t.Fatal(err)
			}
		}
		r, err := ctl.Rescue()
		if err != nil || r.Copy() != conflict {
			t.Fatalf("conflict %v: rescued %+v, %v", conflict, r, err)
		}
		if err := ctl.Close(); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(readFile(t, r.Path), "> Wij kijken mee.  \n> \\<b>Echt.\\</b>\n") {
			t.Errorf("conflict %v: %s lacks the contribution", conflict, r.Path)
		}
		f, s, err = Open(r.Path, testSet())
		if err != nil {
			t.Fatal(err)
		}
		again := sessions.NewConversation(testSet(), s)
		k, _, ok := again.ContributionByID("laat-1")
		if again.WaitingCount() != before+1 || !ok || k.Text != "Wij kijken mee.\n<b>Echt.</b>" || k.Part != "toezicht" || !k.At.Equal(at) {
			t.Errorf("conflict %v: reopened, %d waiting; %+v", conflict, again.WaitingCount(), k)
		}
		if i := again.StopIndex("bestuur.uitwerking", "toezicht"); len(again.WaitingAt(again.Stop(i))) != 1 {
			t.Errorf("conflict %v: not waiting at its stop", conflict)
		}
		f.Close()
	}
}
