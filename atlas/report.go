package atlas

import "strings"

// Report is one news report the places are drawn from, as listed in the
// places file's top-level "reports" member.
type Report struct {
	ID       string
	Title    string   // a plain descriptive title
	Source   string   // who published it, e.g. "Sky News"
	File     string   // path of the report's text, relative to the places file
	Settings []string // ids of the places where its events happen
}

// Paragraph is one paragraph of a report's text.
type Paragraph struct {
	Text    string
	Caption bool // a picture caption ("Image: …") or picture credit ("Pic: …")
}

// ParseText splits a report's text into paragraphs: one paragraph a line,
// blank lines ignored. A line that begins "Image: " or "Pic: " is a
// caption. A UTF-8 byte-order mark and carriage returns are dropped.
func ParseText(text string) []Paragraph {
	text = strings.TrimPrefix(text, "\ufeff")
	var ps []Paragraph
	for line := range strings.Lines(text) {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		ps = append(ps, Paragraph{
			Text:    line,
			Caption: strings.HasPrefix(line, "Image: ") || strings.HasPrefix(line, "Pic: "),
		})
	}
	return ps
}

// Normalize folds every run of white space in s to one space and trims the
// ends, so that quotes can be compared with report text whatever its line
// breaks.
func Normalize(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
