package content

import (
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// yamlBlocks returns the ```yaml blocks of a markdown file.
func yamlBlocks(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var blocks []string
	var cur []string
	in := false
	for _, line := range strings.Split(string(data), "\n") {
		switch {
		case !in && line == "```yaml":
			in, cur = true, nil
		case in && line == "```":
			in = false
			blocks = append(blocks, strings.Join(cur, "\n")+"\n")
		case in:
			cur = append(cur, line)
		}
	}
	return blocks
}

func TestEveryExampleInTheSchemaDocumentIsAValidSet(t *testing.T) {
	blocks := yamlBlocks(t, "README.md")
	var sets, questions int
	for i, block := range blocks {
		name := "README.md voorbeeld " + strconv.Itoa(i+1)
		data := block
		if strings.HasPrefix(block, "- id: ") {
			// A question example: place it in a set of its own.
			questions++
			data = "id: voorbeeld-set\ntitle: Voorbeeld\npartner_kinds:\n  - id: school\n    label: School\n" +
				"sections:\n  - id: voorbeeld\n    title: Voorbeeld\n    questions:\n"
			for _, line := range strings.Split(strings.TrimRight(block, "\n"), "\n") {
				data += "      " + line + "\n"
			}
		} else {
			sets++
		}
		set, err := Parse([]byte(data), name)
		if err != nil {
			t.Errorf("%s does not validate:\n%v\n%s", name, err, block)
			continue
		}
		if len(set.Sections) == 0 || len(set.Sections[0].Questions) == 0 {
			t.Errorf("%s has no question", name)
		}
	}
	// One complete set and one example per kind, and the counts question
	// with norms.
	if sets != 1 || questions != len(Kinds)+1 {
		t.Errorf("README has %d complete sets and %d question examples, want 1 and %d", sets, questions, len(Kinds)+1)
	}
}

func TestTheSchemaDocumentShowsEveryKind(t *testing.T) {
	seen := map[Kind]bool{}
	for _, block := range yamlBlocks(t, "README.md") {
		for _, line := range strings.Split(block, "\n") {
			if k, ok := strings.CutPrefix(strings.TrimSpace(line), "kind: "); ok {
				seen[Kind(k)] = true
			}
		}
	}
	for _, k := range Kinds {
		if !seen[k] {
			t.Errorf("no example of kind %q in README.md", k)
		}
	}
}

func TestTheSchemaDocumentNamesEveryField(t *testing.T) {
	data, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	for _, v := range []any{Set{}, PartnerKind{}, Section{}, Tip{}, Question{}, Category{}, Norm{}, Choice{}, FollowUp{}, Point{}, Term{}} {
		for _, name := range fieldNames(reflect.TypeOf(v)) {
			if !strings.Contains(doc, "`"+name+"`") {
				t.Errorf("README.md does not document field %q of %T", name, v)
			}
		}
	}
}

func TestTheSchemaDocumentsNormsExampleGivesAQuestionWithNorms(t *testing.T) {
	for _, block := range yamlBlocks(t, "README.md") {
		if !strings.HasPrefix(block, "- id: ") || !strings.Contains(block, "norm:") {
			continue
		}
		data := "id: voorbeeld-set\ntitle: Voorbeeld\nsections:\n  - id: voorbeeld\n    title: Voorbeeld\n    questions:\n"
		for _, line := range strings.Split(strings.TrimRight(block, "\n"), "\n") {
			data += "      " + line + "\n"
		}
		set, err := Parse([]byte(data), "README.md")
		if err != nil {
			t.Fatal(err)
		}
		q := &set.Sections[0].Questions[0]
		if !q.HasNorms() || q.Categories[0].Norm != (Norm{Per: 100, Amount: 18.61}) || q.NormSource == "" {
			t.Errorf("the norms example reads as %+v", q)
		}
		return
	}
	t.Error("README.md has no example of a counts question with norms")
}
