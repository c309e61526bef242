package content

import (
	"fmt"
	"math"
	"strings"
)

// maxNorm bounds a norm's numbers, so that a count times a norm stays an
// ordinary number: a real norm is a few fte per hundred pupils.
const maxNorm = 1_000_000

// validateNorms checks the norms of a counts question (f is its field
// path): all categories have one or none does, each with a positive Per
// and Amount, and the question then names the unit and the source.
func (c *checker) validateNorms(f string, q *Question) {
	var with, without []int
	for i := range q.Categories {
		if c.has(fmt.Sprintf("%s.categories[%d].norm", f, i)) {
			with = append(with, i)
		} else {
			without = append(without, i)
		}
	}
	if len(with) == 0 {
		for _, name := range []string{"norm_unit", "norm_source"} {
			if c.has(f + "." + name) {
				c.at(f+"."+name, "hoort bij normen, maar geen categorie van deze vraag heeft een norm; geef elke categorie een norm (per en amount) of haal %q weg", name)
			}
		}
		return
	}
	for _, i := range without {
		c.at(fmt.Sprintf("%s.categories[%d]", f, i), "heeft geen norm, terwijl andere categorieën van deze vraag er wel een hebben; geef elke categorie een norm (per en amount)")
	}
	for _, i := range with {
		nf := fmt.Sprintf("%s.categories[%d].norm", f, i)
		n := q.Categories[i].Norm
		if c.reported[nf] {
			continue // not a block of fields: said already
		}
		switch {
		case !c.has(nf + ".per"):
			c.at(nf+".per", "ontbreekt: per hoeveel getelde kinderen geldt de norm (zoals 100)?")
		case n.Per <= 0 || n.Per > maxNorm:
			c.at(nf+".per", "moet een heel getal van 1 tot en met %d zijn, niet %d", maxNorm, n.Per)
		}
		switch {
		case !c.has(nf + ".amount"):
			c.at(nf+".amount", "ontbreekt: hoeveel (in norm_unit) hoort bij per getelde kinderen (zoals 18.61)?")
		case math.IsNaN(n.Amount) || !(n.Amount > 0 && n.Amount <= maxNorm):
			c.at(nf+".amount", "moet een getal groter dan 0 en hoogstens %d zijn", maxNorm)
		}
	}
	c.requiredFor(f+".norm_unit", q.NormUnit, "wat de normen tellen, zoals fte")
	c.requiredFor(f+".norm_source", q.NormSource, "waar de normen vandaan komen; een richtgetal zonder bron zegt niets")
}

// requiredFor is required with a word on what the field is for.
func (c *checker) requiredFor(field, value, what string) {
	if strings.TrimSpace(value) != "" {
		return
	}
	c.at(field, "ontbreekt of is leeg: de vraag heeft normen, dus noem %s", what)
}
