package participants

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"strings"
)

// secretBytes is the size of the secret in the join URL: 160 bits, more than
// the 128 the page needs so that guessing it is out of the question.
const secretBytes = 20

// codeAlphabet spells the join code: digits and capitals without 0, 1, I and
// O, which are read for one another on a projector. 32 letters, so a random
// byte maps onto it without bias.
var codeAlphabet = func() string {
	var b []byte
	for c := byte('2'); c <= '9'; c++ {
		b = append(b, c)
	}
	for c := byte('A'); c <= 'Z'; c++ {
		if c != 'I' && c != 'O' {
			b = append(b, c)
		}
	}
	return string(b)
}()

// codeLen is the join code's length: 40 bits, which the attempt limits
// (codeTriesGlobal a minute) put beyond reach during a conversation.
const codeLen = 8

// randomText is n random bytes, base64url without padding.
func randomText(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand does not fail on supported platforms
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// newCode is a random join code of codeLen letters from codeAlphabet.
func newCode() string {
	b := make([]byte, codeLen)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	for i := range b {
		b[i] = codeAlphabet[int(b[i])%len(codeAlphabet)]
	}
	return string(b)
}

// showCode is the join code as people read it: two groups of four.
func showCode(code string) string { return code[:4] + "-" + code[4:] }

// normaliseCode spells what someone typed as newCode does: capitals,
// without the spaces and dashes people type between the groups.
func normaliseCode(s string) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(s) {
		if r == ' ' || r == '-' || r == '\t' {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// validSecret reports whether s can serve as the secret: at least 22
// base64url characters (128 bits).
func validSecret(s string) error {
	if len(s) < 22 {
		return fmt.Errorf("participants: the secret must have at least 22 characters (128 bits), not %d", len(s))
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return fmt.Errorf("participants: the secret may hold only letters, digits, - and _")
		}
	}
	return nil
}

// equal compares two secrets in constant time.
func equal(got, want string) bool {
	return subtle.ConstantTimeCompare([]byte(got), []byte(want)) == 1
}

// formToken is the token every form of a client carries: an HMAC of the
// client's id under the room's key, so a page from elsewhere cannot post in
// the client's name even with its cookie.
func formToken(key []byte, clientID string) string {
	m := hmac.New(sha256.New, key)
	m.Write([]byte("form\x00" + clientID))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// validToken reports whether tok is the form token of clientID.
func validToken(key []byte, clientID, tok string) bool {
	return hmac.Equal([]byte(tok), []byte(formToken(key, clientID)))
}
