package common

import (
	"strings"
	"testing"
)

func TestWhenTakesARealDateOrWords(t *testing.T) {
	for _, ok := range []string{"", "voor de zomer", "voor de kerstvakantie", "2027-06-30", "30-6-2027", "1-12-2027", "29-02-2028", "2027/6/30", "Q3 2027", "week 12"} {
		if err := WhenCheck(ok); err != nil {
			t.Errorf("%q should be taken: %v", ok, err)
		}
	}
	for _, bad := range []string{"31-02-2027", "2027-13-01", "2027-02-30", "32-1-2027", "29-02-2027", "12-31-2027"} {
		err := WhenCheck(bad)
		if err == nil || !strings.Contains(err.Error(), "geen bestaande datum") {
			t.Errorf("%q should be refused with a message: %v", bad, err)
		}
	}
}
