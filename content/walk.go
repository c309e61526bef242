package content

import (
	"fmt"
	"reflect"
	"strings"

	"gopkg.in/yaml.v3"
)

// walk checks the shape of the YAML against the Go type the strict decoder
// fills (unknown and repeated fields, lists where text belongs, ...) and
// records the line of every field it passes.
func (c *checker) walk(n *yaml.Node, t reflect.Type, path string, line int) {
	if _, ok := c.lines[path]; !ok {
		c.lines[path] = line
	}
	n, leave, ok := c.enter(n, path)
	if !ok {
		return
	}
	defer leave()
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return // an empty value: the checks on the decoded set judge it
	}
	switch t.Kind() {
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			c.badShape(n, path, "verwacht velden (zoals \"id: ...\"), maar vond %s")
			return
		}
		fields := yamlFields(t)
		seen := map[string]int{}
		kept := n.Content[:0:0]
		for i := 0; i+1 < len(n.Content); i += 2 {
			key, val := n.Content[i], n.Content[i+1]
			fp := fieldPath(path, key.Value)
			if first, dup := seen[key.Value]; dup {
				c.add(key.Line, fp, "dit veld staat er twee keer (eerder op regel %d)", first)
				continue
			}
			seen[key.Value] = key.Line
			ft, ok := fields[key.Value]
			if !ok {
				c.add(key.Line, fp, "onbekend veld %q (toegestaan: %s)%s", key.Value, strings.Join(fieldNames(t), ", "), suggestField(key.Value, t))
				continue
			}
			kept = append(kept, key, val)
			c.walk(val, ft, fp, key.Line)
		}
		n.Content = kept
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			c.badShape(n, path, "verwacht een lijst (regels die beginnen met \"- \"), maar vond %s")
			return
		}
		for i, item := range n.Content {
			c.walk(item, t.Elem(), fmt.Sprintf("%s[%d]", path, i), item.Line)
		}
	case reflect.Int, reflect.Float64:
		c.number(n, path, t.Kind() == reflect.Int)
	case reflect.String:
		if n.Kind != yaml.ScalarNode {
			c.badShape(n, path, "verwacht een tekst, maar vond %s")
		} else if !c.texts[n] {
			c.texts[n] = true // once, however many aliases repeat it
			c.checkText(n, path)
		}
	}
}

// number checks that a number is written as one: digits, with a point
// as decimal sign where a fraction is allowed.
func (c *checker) number(n *yaml.Node, path string, whole bool) {
	switch {
	case n.Kind != yaml.ScalarNode:
		c.badShape(n, path, "verwacht een getal, maar vond %s")
	case n.Tag == "!!int":
	case n.Tag == "!!float" && !whole:
	case whole:
		c.badShape(n, path, "verwacht een heel getal (zoals 100), maar vond %s")
	case strings.Contains(n.Value, ","):
		c.badShape(n, path, "verwacht een getal, maar vond %s; schrijf een punt als decimaalteken (18.61), zonder aanhalingstekens")
	default:
		c.badShape(n, path, "verwacht een getal (zoals 18.61, zonder aanhalingstekens), maar vond %s")
	}
}

// badShape reports a value of the wrong shape and empties it, so the rest
// of the file can still be decoded and checked.
func (c *checker) badShape(n *yaml.Node, path, format string) {
	c.add(c.lines[path], path, format, nodeDesc(n))
	c.reported[path] = true
	*n = yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Line: n.Line, Column: n.Column}
}

// suggestField names the known field closest to a misspelt one.
func suggestField(name string, t reflect.Type) string {
	best, bestDist := "", 3
	for _, f := range fieldNames(t) {
		if d := editDistance(name, f); d < bestDist {
			best, bestDist = f, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf("; bedoel je %q?", best)
}

// editDistance is the Levenshtein distance between two short names.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

func fieldPath(path, field string) string {
	if path == "" {
		return field
	}
	return path + "." + field
}

func nodeDesc(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "velden"
	case yaml.SequenceNode:
		return "een lijst"
	case yaml.AliasNode:
		return "een verwijzing (*)"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "niets"
		}
		return fmt.Sprintf("de tekst %q", n.Value)
	}
	return "iets anders"
}

// yamlFields maps the yaml names of a struct's fields to their types.
func yamlFields(t reflect.Type) map[string]reflect.Type {
	m := map[string]reflect.Type{}
	for i := range t.NumField() {
		f := t.Field(i)
		if name := yamlName(f); name != "" {
			m[name] = f.Type
		}
	}
	return m
}

// fieldNames lists a struct's yaml names in declaration order.
func fieldNames(t reflect.Type) []string {
	var names []string
	for i := range t.NumField() {
		if name := yamlName(t.Field(i)); name != "" {
			names = append(names, name)
		}
	}
	return names
}

func yamlName(f reflect.StructField) string {
	if !f.IsExported() {
		return ""
	}
	name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
	if name == "-" {
		return ""
	}
	if name == "" {
		name = strings.ToLower(f.Name)
	}
	return name
}
