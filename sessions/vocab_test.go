package sessions

import "testing"

func TestEveryWordIsReadBackAsTheValueItNames(t *testing.T) {
	for _, st := range Statuses {
		if got, ok := ParseStatus(st.Label()); !ok || got != st {
			t.Errorf("status %q: %q reads back as %q, %v", st, st.Label(), got, ok)
		}
	}
	for _, ps := range []PartnerState{PartnerTogether, PartnerNotYet, PartnerNA, PartnerUnknown} {
		if got, ok := ParsePartnerState(ps.Label()); !ok || got != ps {
			t.Errorf("partner state %q: %q reads back as %q, %v", ps, ps.Label(), got, ok)
		}
	}
	for _, o := range []Outcome{OutcomeOpen, OutcomeDone, OutcomeCarried, OutcomeDropped} {
		if got, ok := ParseOutcome(o.Label()); !ok || got != o {
			t.Errorf("outcome %q: %q reads back as %q, %v", o, o.Label(), got, ok)
		}
	}
	for _, k := range []ContributionState{ContributionWaiting, ContributionSetAside} {
		if got, ok := ParseContributionState(k.Label()); !ok || got != k {
			t.Errorf("contribution state %q: %q reads back as %q, %v", k, k.Label(), got, ok)
		}
	}
	if ContributionWaiting.Label() != "wacht" || ContributionSetAside.Label() != "terzijde gelegd" {
		t.Errorf("contribution states read %q and %q", ContributionWaiting.Label(), ContributionSetAside.Label())
	}
}

func TestTheWordsPeopleTypeAreUnderstoodAndOthersRefused(t *testing.T) {
	for word, want := range map[string]Status{"Nog-Niet": StatusNotYet, "NVT": StatusNA, "n.v.t": StatusNA, "": StatusNone, "GEREGELD": StatusDone} {
		if got, ok := ParseStatus(word); !ok || got != want {
			t.Errorf("ParseStatus(%q) = %q, %v; want %q", word, got, ok, want)
		}
	}
	if got, ok := ParsePartnerState("samen"); !ok || got != PartnerTogether {
		t.Errorf("ParsePartnerState(samen) = %q, %v", got, ok)
	}
	if got, ok := ParseOutcome("nog open"); !ok || got != OutcomeOpen {
		t.Errorf("ParseOutcome(nog open) = %q, %v", got, ok)
	}
	for _, w := range []string{"misschien", "half"} {
		if _, ok := ParseStatus(w); ok {
			t.Errorf("ParseStatus(%q) accepted", w)
		}
		if _, ok := ParsePartnerState(w); ok {
			t.Errorf("ParsePartnerState(%q) accepted", w)
		}
		if _, ok := ParseOutcome(w); ok {
			t.Errorf("ParseOutcome(%q) accepted", w)
		}
		if _, ok := ParseContributionState(w); ok {
			t.Errorf("ParseContributionState(%q) accepted", w)
		}
	}
	if Status("onzin").Label() != "niet besproken" {
		t.Errorf("an unknown status shows as %q", Status("onzin").Label())
	}
}
