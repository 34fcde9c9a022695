package geoparse_test

import (
	"errors"
	"strings"
	"testing"

	"reportmap/geoparse"
)

func TestStripMarkdown(t *testing.T) {
	tests := []struct{ in, want string }{
		{"# Gaza talks\n", "  Gaza talks\n"},
		{"> quoted *Kyiv* text", "  quoted  Kyiv  text"},
		{"- item **bold**\n1. first", "  item   bold  \n   first"},
		{"see [Paris](https://x.org/p) now", "see  Paris                   now"},
		{"an ![map](m.png) here", "an               here"},
		{"`code` and snake_case", " code  and snake_case"},
		{"```\nKyiv\n```\nafter", "   \n    \n   \nafter"},
		{"a <b>tag</b>", "a    tag    "},
		{"---", "   "},
	}
	for _, tc := range tests {
		got := geoparse.StripMarkdown(tc.in)
		if got != tc.want {
			t.Errorf("StripMarkdown(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if len(got) != len(tc.in) {
			t.Errorf("StripMarkdown(%q) changed the length", tc.in)
		}
	}
}

func TestReadFormats(t *testing.T) {
	p := newParser(t)
	md := "# Talks in Kyiv\n\nEnvoys met in **Kyiv** on Monday, [officials](https://example.org) said.\n"
	doc, err := geoparse.Read(strings.NewReader(md), geoparse.FormatMarkdown)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Title != "Talks in Kyiv" {
		t.Errorf("title %q", doc.Title)
	}
	r := p.Parse(doc.Text)
	if len(r.Places) != 1 || r.Places[0].Name != "Kyiv" {
		t.Fatalf("places %+v", r.Places)
	}
	for _, m := range r.Places[0].Mentions {
		if md[m.Start:m.End] != "Kyiv" {
			t.Errorf("mention at %d–%d is %q in the source", m.Start, m.End, md[m.Start:m.End])
		}
	}

	page := `<!doctype html><html><head><title>Ceasefire talks</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/paris">Paris</a></nav>
<article><h1>Ceasefire talks</h1>
<p>Mediators met in Cairo on Tuesday to push for a ceasefire in Gaza, officials said, as the talks entered a third week without a deal.</p>
<p>Thousands of people have fled to Rafah in recent days, aid groups said, and the United Nations warned that shelters there were full and that food was running short.</p>
<p>Negotiators from both sides were expected to return to Cairo at the weekend, according to two people familiar with the talks who asked not to be named.</p>
</article><footer>Copyright</footer></body></html>`
	doc, err = geoparse.Read(strings.NewReader(page), geoparse.FormatHTML)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, pl := range p.Parse(doc.Text).Places {
		names = append(names, pl.Name)
	}
	if got := strings.Join(names, ","); got != "Cairo,Gaza Strip,Rafah" {
		t.Errorf("HTML places %q (text %q)", got, doc.Text)
	}

	_, err = geoparse.Read(strings.NewReader("<html><body></body></html>"), geoparse.FormatHTML)
	if err == nil || !strings.HasPrefix(err.Error(), "geoparse: ") {
		t.Errorf("empty page: err %v, want a geoparse error", err)
	}
	if errors.Is(err, geoparse.ErrNoArticle) {
		t.Log("empty page: ErrNoArticle")
	}
}

func TestFormatOf(t *testing.T) {
	for name, want := range map[string]geoparse.Format{"a.md": geoparse.FormatMarkdown, "b.HTML": geoparse.FormatHTML, "c.txt": geoparse.FormatText, "d": geoparse.FormatText} {
		if got := geoparse.FormatOf(name); got != want {
			t.Errorf("FormatOf(%q) = %v, want %v", name, got, want)
		}
	}
}
