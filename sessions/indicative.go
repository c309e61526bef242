package sessions

import (
	"math/big"
	"strconv"
	"strings"

	"gespreksmap/content"
)

// The indicative result of a counts question with norms (the Leidraad's
// inventarisatiekader): what the numbers filled in stand for by the norms
// of the set. It is computed here, once, for every front end, the report,
// the comparison and the convenant draft; none of them computes or words
// it on its own.

// IndicativeWord marks the result wherever it is shown: it is an
// indication, not a calculation of what a child needs.
const IndicativeWord = "Indicatief"

// Amount is an exact result of norms: a fraction, rounded only when it is
// shown, so that 250 × 18,61 / 100 = 46,525 shows as 46,5 and a total is
// the rounded sum, not the sum of rounded parts. The zero Amount is 0.
type Amount struct{ r *big.Rat }

func (a Amount) rat() *big.Rat {
	if a.r == nil {
		return new(big.Rat)
	}
	return a.r
}

// Sub is a - b.
func (a Amount) Sub(b Amount) Amount { return Amount{new(big.Rat).Sub(a.rat(), b.rat())} }

// Sign is -1, 0 or +1.
func (a Amount) Sign() int { return a.rat().Sign() }

// String is the amount in Dutch: one decimal after a decimal comma, points
// between thousands ("1.234,5"); a small amount that would show as 0,0 gets
// two decimals ("0,04"); zero is "0".
func (a Amount) String() string {
	r := a.rat()
	if r.Sign() == 0 {
		return "0"
	}
	s := roundedDutch(r, 1)
	if strings.Trim(s, "−0,.") == "" {
		s = roundedDutch(r, 2)
	}
	return s
}

// Signed is String with a sign before a difference: "+3,5", "−1,2" (a
// real minus sign, as in print), "0".
func (a Amount) Signed() string {
	if a.Sign() > 0 {
		return "+" + a.String()
	}
	return a.String()
}

// roundedDutch rounds r half away from zero to the given decimals.
func roundedDutch(r *big.Rat, decimals int) string {
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(decimals)), nil)
	num := new(big.Int).Mul(new(big.Int).Abs(r.Num()), scale)
	// floor(num/den + 1/2) = floor((2·num + den) / (2·den))
	num.Add(num.Lsh(num, 1), r.Denom())
	n := num.Quo(num, new(big.Int).Lsh(r.Denom(), 1)).String()
	for len(n) <= decimals {
		n = "0" + n
	}
	whole, frac := n[:len(n)-decimals], n[len(n)-decimals:]
	var b strings.Builder
	if r.Sign() < 0 && strings.Trim(n, "0") != "" {
		b.WriteString("−") // a real minus sign, as in print
	}
	for i, d := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(d)
	}
	b.WriteByte(',')
	b.WriteString(frac)
	return b.String()
}

// normAmount is the norm's amount as the exact decimal the set writes:
// 18.61 is 1861/100, not the nearest binary fraction.
func normAmount(n content.Norm) *big.Rat {
	r, ok := new(big.Rat).SetString(strconv.FormatFloat(n.Amount, 'f', -1, 64))
	if !ok || n.Per <= 0 {
		return new(big.Rat)
	}
	return r.Quo(r, new(big.Rat).SetInt64(int64(n.Per)))
}

// Indicative is the result of a counts question's norms for the numbers
// filled in.
type Indicative struct {
	Unit   string           // what the norms count, e.g. "fte"
	Source string           // where the norms come from
	Parts  []IndicativePart // the categories filled in, in the set's order
	Total  Amount
}

// IndicativePart is the result for one category.
type IndicativePart struct {
	CategoryID string
	Label      string // the category's label on one line
	Count      int
	Value      Amount
}

// IndicativeFor computes the result of q's norms for the counts by
// category id. ok is false when q has no norms or no category with a norm
// is filled in: no numbers, no result (an empty count is not a zero).
func IndicativeFor(q *content.Question, counts map[string]int) (in Indicative, ok bool) {
	if !q.HasNorms() {
		return Indicative{}, false
	}
	in = Indicative{Unit: oneLine(q.NormUnit), Source: oneLine(q.NormSource)}
	total := new(big.Rat)
	for _, cat := range q.Categories {
		n, filled := counts[cat.ID]
		if !filled || cat.Norm.Amount <= 0 {
			continue
		}
		v := normAmount(cat.Norm)
		v.Mul(v, new(big.Rat).SetInt64(int64(n)))
		total.Add(total, v)
		in.Parts = append(in.Parts, IndicativePart{CategoryID: cat.ID, Label: oneLine(cat.Label), Count: n, Value: Amount{v}})
	}
	if len(in.Parts) == 0 {
		return Indicative{}, false
	}
	in.Total = Amount{total}
	return in, true
}

// Indicative is IndicativeFor at the stop's question with the numbers
// recorded there. It does work in the number of categories only, so a
// screen may call it on every key.
func (c *Conversation) Indicative(st content.Stop) (Indicative, bool) {
	var counts map[string]int
	if a := c.peek(questionOf(st)); a != nil {
		counts = a.Counts
	}
	return IndicativeFor(st.Question, counts)
}

// The words around the result. Each takes esc, the escaping of the
// medium for texts from the set (labels, unit, source): Printable for a
// terminal, inline markdown for a report.

// Headline is "Indicatief: 46,5 fte".
func (in Indicative) Headline(esc func(string) string) string {
	return IndicativeWord + ": " + in.Total.String() + " " + esc(in.Unit)
}

// Details are the parts: "Breed profiel 46,5 · Smal profiel 1,6".
func (in Indicative) Details(esc func(string) string) string {
	parts := make([]string, len(in.Parts))
	for i, p := range in.Parts {
		parts[i] = esc(p.Label) + " " + p.Value.String()
	}
	return strings.Join(parts, " · ")
}

// SourceText is "bron: <source>".
func (in Indicative) SourceText(esc func(string) string) string {
	return "bron: " + esc(in.Source)
}

// Line is the whole result on one line: "Indicatief: 46,5 fte (Breed
// profiel 46,5 · Smal profiel 1,6; bron: …)".
func (in Indicative) Line(esc func(string) string) string {
	return in.Headline(esc) + " (" + in.Details(esc) + "; " + in.SourceText(esc) + ")"
}

// NormsLine states q's norms, for before any number is filled in:
// "Normen (fte per 100): Breed profiel 18,61 · Smal profiel 3,89; bron:
// …", or with unit and per at every category when they differ. "" when q
// has no norms.
func NormsLine(q *content.Question, esc func(string) string) string {
	if !q.HasNorms() {
		return ""
	}
	unit := esc(oneLine(q.NormUnit))
	same := true
	for _, cat := range q.Categories {
		same = same && cat.Norm.Per == q.Categories[0].Norm.Per
	}
	parts := make([]string, len(q.Categories))
	for i, cat := range q.Categories {
		amount, _ := new(big.Rat).SetString(strconv.FormatFloat(cat.Norm.Amount, 'f', -1, 64))
		parts[i] = esc(oneLine(cat.Label)) + " " + decimalDutch(amount)
		if !same {
			parts[i] += " " + unit + " per " + strconv.Itoa(cat.Norm.Per)
		}
	}
	head := "Normen: "
	if same {
		head = "Normen (" + unit + " per " + strconv.Itoa(q.Categories[0].Norm.Per) + "): "
	}
	return head + strings.Join(parts, " · ") + "; bron: " + esc(oneLine(q.NormSource))
}

// decimalDutch writes a norm as the set does, with a decimal comma and no
// rounding: 18.61 is "18,61".
func decimalDutch(r *big.Rat) string {
	if r == nil {
		return "0"
	}
	s := r.FloatString(6)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	return strings.Replace(s, ".", ",", 1)
}
