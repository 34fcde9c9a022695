package atlas_test

import (
	"encoding/binary"
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf16"
	"unicode/utf8"

	"reportmap/atlas"
)

// withID is a Point feature with the given id.
func withID(id string) string {
	return pt(`[1,2]`, fmt.Sprintf(`{"id":%q,"name":"N"}`, id))
}

func TestDuplicateIDNames(t *testing.T) {
	tests := []struct {
		name string
		ids  []string // as the file gives them
		want []string // as loaded
	}{
		{"three", []string{"x", "x", "x"}, []string{"x", "x-2", "x-3"}},
		{"a later real x-2 keeps its id", []string{"x", "x", "x-2"}, []string{"x", "x-3", "x-2"}},
		{"an earlier real x-2", []string{"x-2", "x", "x"}, []string{"x-2", "x", "x-3"}},
		{"real ids in the way", []string{"x", "x", "x-3", "x", "x-5", "x"}, []string{"x", "x-2", "x-3", "x-4", "x-5", "x-6"}},
		{"a renamed x-2 twice", []string{"x", "x-2", "x", "x-2"}, []string{"x", "x-2", "x-3", "x-2-2"}},
		{"two ids", []string{"a", "b", "a", "b", "a"}, []string{"a", "b", "a-2", "b-2", "a-3"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var fs []string
			for _, id := range tt.ids {
				fs = append(fs, withID(id))
			}
			a, err := atlas.Load("dup.geojson", []byte(fc(fs...)))
			if err != nil {
				t.Fatal(err)
			}
			dups := 0
			for i, p := range a.Places {
				if p.ID != tt.want[i] {
					t.Errorf("place %d: id %q; want %q", i, p.ID, tt.want[i])
				}
				if a.Place(p.ID) != &a.Places[i] {
					t.Errorf("Place(%q) is not place %d", p.ID, i)
				}
				if p.ID != tt.ids[i] {
					dups++
				}
			}
			if len(a.Warnings) != dups {
				t.Errorf("warnings %v; want %d", a.Warnings, dups)
			}
			for _, w := range a.Warnings {
				if w.Kind != atlas.ProblemDuplicateID || !strings.Contains(w.Msg, "is already used by feature") {
					t.Errorf("warning %+v", w)
				}
			}
		})
	}
	// A report's setting names the real x-2, not a renamed x.
	a, err := atlas.Load("dup.geojson", []byte(`{"type":"FeatureCollection","reports":[{"id":"r","settings":["x-2"]}],"features":[`+
		withID("x")+","+withID("x")+","+pt(`[1,2]`, `{"id":"x-2","name":"Real","role":"setting"}`)+`]}`))
	if err != nil {
		t.Fatal(err)
	}
	if p := a.Place("x-2"); p == nil || p.Name != "Real" {
		t.Errorf("Place(x-2) = %+v; want the feature whose id is x-2", p)
	}
}

// sameIDs is a FeatureCollection of n features that all have the id "x".
func sameIDs(n int) []byte {
	return []byte(fc(strings.Split(strings.Repeat(withID("x")+"\n", n-1)+withID("x"), "\n")...))
}

// BenchmarkLoadDuplicateIDs loads files whose features all share one id.
// The time per feature must not grow with the count: renaming is linear.
func BenchmarkLoadDuplicateIDs(b *testing.B) {
	for _, n := range []int{20_000, 100_000} {
		b.Run(fmt.Sprintf("%dk", n/1000), func(b *testing.B) {
			data := sameIDs(n)
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				a, err := atlas.Load("dup.geojson", data)
				if err != nil || len(a.Places) != n {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/feature")
		})
	}
}

// nullGeometry is n features with null geometry.
func nullGeometry(n int) []string {
	return strings.Split(strings.Repeat(`{"type":"Feature","geometry":null,"properties":{"name":"Ghost"}}`+"\n", n-1)+
		`{"type":"Feature","geometry":null,"properties":{"name":"Ghost"}}`, "\n")
}

func TestSummarizeFlood(t *testing.T) {
	const n = 100_000
	a, err := atlas.Load("flood.geojson", []byte(fc(append([]string{good}, nullGeometry(n)...)...)))
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Warnings) != n || a.Skipped() != n {
		t.Fatalf("%d warnings, %d skipped; want all %d kept", len(a.Warnings), a.Skipped(), n)
	}
	lines := atlas.Summarize(a.Warnings, atlas.ShownPerKind)
	if len(lines) != atlas.ShownPerKind+1 {
		t.Fatalf("%d lines; want %d", len(lines), atlas.ShownPerKind+1)
	}
	for i, l := range lines[:atlas.ShownPerKind] {
		if l.More != 0 || l.Problem != a.Warnings[i] {
			t.Errorf("line %d = %+v; want warning %d", i, l, i)
		}
	}
	last := lines[atlas.ShownPerKind]
	if last.More != n-atlas.ShownPerKind || last.Problem.Kind != atlas.ProblemNoGeometry || last.String() != "… and 99980 more like this" {
		t.Errorf("last line %+v %q", last, last)
	}
}

func TestSummarize(t *testing.T) {
	p := func(kind atlas.ProblemKind, feature int) atlas.Problem {
		return atlas.Problem{File: "f", Feature: feature, Kind: kind, Msg: string(kind)}
	}
	var probs []atlas.Problem
	for i := range 5 {
		probs = append(probs, p("a", i), p("b", i))
	}
	probs = append(probs, p("c", 9))
	tests := []struct {
		perKind int
		want    []string
	}{
		{2, []string{"f: feature 0: a", "f: feature 0: b", "f: feature 1: a", "… and 3 more like this", "f: feature 1: b", "… and 3 more like this", "f: feature 9: c"}},
		{4, []string{"f: feature 0: a", "f: feature 0: b", "f: feature 1: a", "f: feature 1: b", "f: feature 2: a", "f: feature 2: b",
			"f: feature 3: a", "… and 1 more like this", "f: feature 3: b", "… and 1 more like this", "f: feature 9: c"}},
		{5, nil}, // all
		{0, nil}, // all
	}
	for _, tt := range tests {
		var got []string
		for _, l := range atlas.Summarize(probs, tt.perKind) {
			got = append(got, l.String())
		}
		want := tt.want
		if want == nil {
			for _, p := range probs {
				want = append(want, p.String())
			}
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("perKind %d:\n%s\nwant\n%s", tt.perKind, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

func TestInvalidUTF8(t *testing.T) {
	a, err := atlas.Load("bad-utf8.geojson", []byte("{\"type\":\"FeatureCollection\",\"reports\":[{\"id\":\"r\",\"title\":\"T\xfe\"}],\"features\":["+
		pt(`[1,2]`, "{\"name\":\"Ky\xffiv\"}")+","+
		pt(`[1,2]`, "{\"name\":\"B\",\"aliases\":[\"ok\",\"b\xc3\"],\"description\":\"d\xff\",\"title\":\"t\xff\",\"excerpts\":[{\"report\":\"r\",\"text\":\"q\xff\"},{\"report\":\"r\",\"text\":\"q2\xff\"}]}")+","+
		pt(`[1,2]`, `{"name":"Fine \ufffd"}`)+`]}`))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"bad-utf8.geojson: reports[0] title is not valid UTF-8; shown with U+FFFD replacement characters",
		"bad-utf8.geojson: feature 0: name is not valid UTF-8; shown with U+FFFD replacement characters",
		"bad-utf8.geojson: feature 1: aliases, title, description and excerpts are not valid UTF-8; shown with U+FFFD replacement characters",
	}
	var got []string
	for _, w := range a.Warnings {
		got = append(got, w.String())
		if w.Kind != atlas.ProblemInvalidUTF8 {
			t.Errorf("warning %q has kind %q", w, w.Kind)
		}
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if n := a.Places[0].Name; n != "Ky\ufffdiv" {
		t.Errorf("name %q", n)
	}
	p := a.Places[1]
	for _, s := range []string{p.Aliases[1], p.Description, p.Title, p.Excerpts[0].Text, a.Reports[0].Title} {
		if !utf8.ValidString(s) || !strings.Contains(s, "\ufffd") {
			t.Errorf("%q is not valid UTF-8 with U+FFFD", s)
		}
	}
}

func TestUnattributedExcerpts(t *testing.T) {
	features := []string{
		pt(`[1,2]`, `{"name":"Missing","excerpts":[{"text":"one"}]}`),
		pt(`[1,2]`, `{"name":"Empty","excerpts":[{"report":"","text":"two"}]}`),
		pt(`[1,2]`, `{"name":"Blank","excerpts":[{"report":"  ","text":"three"}]}`),
		pt(`[1,2]`, `{"name":"Null","excerpts":[{"report":null,"text":"four"}]}`),
		pt(`[1,2]`, `{"name":"Number","excerpts":[{"report":1,"text":"five"}]}`),
		pt(`[1,2]`, `{"name":"Mixed","excerpts":[{"report":"r1","text":"a beach"},{"text":"six"},{"text":"seven"}]}`),
	}
	wantWarnings := []string{
		`feature 0: excerpts[0] "report" is missing; kept as an unattributed quote`,
		`feature 1: excerpts[0] "report" is a string (""); kept as an unattributed quote`,
		`feature 2: excerpts[0] "report" is a string ("  "); kept as an unattributed quote`,
		`feature 3: excerpts[0] "report" is null; kept as an unattributed quote`,
		`feature 4: excerpts[0] "report" is a number (1); kept as an unattributed quote`,
		`feature 5: 2 excerpts name no report (the first, excerpts[1], "report" is missing); kept as unattributed quotes`,
	}
	for _, withReports := range []bool{false, true} {
		t.Run(fmt.Sprintf("reports member %v", withReports), func(t *testing.T) {
			data := fc(features...)
			if withReports {
				data = `{"type":"FeatureCollection","reports":[{"id":"r1","file":"r1.txt"}],"features":[` + strings.Join(features, ",") + `]}`
			}
			a, err := atlas.Load("u.geojson", []byte(data))
			if err != nil {
				t.Fatal(err)
			}
			if len(a.Places) != len(features) {
				t.Fatalf("%d places; want every one of %d", len(a.Places), len(features))
			}
			var got []string
			for _, w := range a.Warnings {
				got = append(got, strings.TrimPrefix(w.String(), "u.geojson: "))
				if w.Kind != atlas.ProblemUnattributed || w.Skipped {
					t.Errorf("warning %+v", w)
				}
			}
			if strings.Join(got, "\n") != strings.Join(wantWarnings, "\n") {
				t.Errorf("warnings\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(wantWarnings, "\n"))
			}
			for i := range 5 {
				if e := a.Places[i].Excerpts; len(e) != 1 || e[0].Report != "" {
					t.Errorf("place %d excerpts %+v; want one unattributed", i, e)
				}
			}
			if len(a.Reports) != 1 || a.Reports[0].ID != "r1" || a.Report("") != nil {
				t.Errorf("reports %+v; want only r1 and no report with id \"\"", a.Reports)
			}
			mixed := &a.Places[5]
			if ids := mixed.Reports(); len(ids) != 1 || ids[0] != "r1" {
				t.Errorf("Reports() = %q; want [r1]", ids)
			}
			if ids := a.Places[0].Reports(); len(ids) != 0 {
				t.Errorf("Reports() of an unattributed quote = %q; want none", ids)
			}
			// Hiding r1 hides the place r1 quotes, whatever its unattributed
			// quotes; places with only unattributed quotes stay, as places
			// no report quotes do.
			hide := atlas.Filter{Hidden: map[string]bool{"r1": true}}
			if hide.Matches(mixed) || !hide.Matches(&a.Places[0]) {
				t.Errorf("hiding r1: Mixed shown %v (want false), Missing shown %v (want true)", hide.Matches(mixed), hide.Matches(&a.Places[0]))
			}
			if q := (atlas.Filter{Query: "seven"}); !q.Matches(mixed) {
				t.Error("search does not find an unattributed quote's text")
			}
			// Verify checks r1's excerpt and passes over the rest.
			texts := fstest.MapFS{"r1.txt": {Data: []byte("on a beach")}}
			if probs := atlas.Verify(a, fs.FS(texts)); withReports && len(probs) != 0 {
				t.Errorf("Verify = %v", probs)
			}
		})
	}
}

// utf16Bytes encodes s as UTF-16 in the given byte order, with or
// without a byte-order mark.
func utf16Bytes(s string, order binary.AppendByteOrder, mark bool) []byte {
	var b []byte
	units := utf16.Encode([]rune(s))
	if mark {
		units = append([]uint16{0xFEFF}, units...)
	}
	for _, u := range units {
		b = order.AppendUint16(b, u)
	}
	return b
}

func utf32Bytes(s string, order binary.AppendByteOrder) []byte {
	b := order.AppendUint32(nil, 0xFEFF)
	for _, r := range s {
		b = order.AppendUint32(b, uint32(r))
	}
	return b
}

func TestEncodings(t *testing.T) {
	file := fc(good)
	const resave = "; GeoJSON must be UTF-8 (RFC 8259) — re-save it as UTF-8"
	tests := []struct {
		name string
		data []byte
		msg  string
	}{
		{"utf-16le bom", utf16Bytes(file, binary.LittleEndian, true), "the file is UTF-16 encoded (little-endian, with a byte-order mark)" + resave},
		{"utf-16be bom", utf16Bytes(file, binary.BigEndian, true), "the file is UTF-16 encoded (big-endian, with a byte-order mark)" + resave},
		{"utf-16le", utf16Bytes(file, binary.LittleEndian, false), "the file is UTF-16 encoded (little-endian)" + resave},
		{"utf-16be", utf16Bytes(file, binary.BigEndian, false), "the file is UTF-16 encoded (big-endian)" + resave},
		{"utf-16le indented", utf16Bytes("\n  "+file, binary.LittleEndian, false), "the file is UTF-16 encoded (little-endian)" + resave},
		{"utf-16 bom only", []byte{0xFF, 0xFE}, "the file is UTF-16 encoded (little-endian, with a byte-order mark)" + resave},
		{"utf-32le bom", utf32Bytes(file, binary.LittleEndian), "the file is UTF-32 encoded (little-endian, with a byte-order mark)" + resave},
		{"utf-32be bom", utf32Bytes(file, binary.BigEndian), "the file is UTF-32 encoded (big-endian, with a byte-order mark)" + resave},
		{"utf-32le", utf32Bytes(file, binary.LittleEndian)[4:], "the file is UTF-32 encoded (little-endian)" + resave},
		{"utf-32be", utf32Bytes(file, binary.BigEndian)[4:], "the file is UTF-32 encoded (big-endian)" + resave},
		{"nul inside", []byte("{\"type\":\n \"Feature\x00\"}"), "the file is binary, not text: it has a NUL byte at line 2, column 10; GeoJSON is UTF-8 text (RFC 8259)"},
		{"sqlite", []byte("SQLite format 3\x00\x10\x00"), "the file is binary, not text: it has a NUL byte at line 1, column 16"},
		{"one NUL", []byte{0}, "the file is binary, not text: it has a NUL byte at line 1, column 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := atlas.Load("enc.geojson", tt.data)
			if err == nil || !strings.HasPrefix(err.Error(), "atlas: enc.geojson: "+tt.msg) {
				t.Errorf("err\n%v; want\natlas: enc.geojson: %s", err, tt.msg)
			}
		})
	}
}

func TestClip(t *testing.T) {
	tests := []struct {
		s    string
		max  int
		want string
	}{
		{"Dunkirk", 10, "Dunkirk"},
		{"Dunkirk", 7, "Dunkirk"},
		{"Dunkirk", 6, "Dunki…"},
		{"Dunkirk", 1, "…"},
		{"Dunkirk", 0, ""},
		{"", 3, ""},
		{"Київ — столиця", 6, "Київ…"}, // the space before the cut is trimmed
		{"🏙🏙🏙🏙", 3, "🏙🏙…"},
		{"ab\xffcdef", 4, "ab\xff…"},
	}
	for _, tt := range tests {
		if got := atlas.Clip(tt.s, tt.max); got != tt.want {
			t.Errorf("Clip(%q, %d) = %q; want %q", tt.s, tt.max, got, tt.want)
		}
		if got := atlas.Clip(tt.s, tt.max); tt.max > 0 && utf8.RuneCountInString(got) > tt.max {
			t.Errorf("Clip(%q, %d) = %q has more than %d runes", tt.s, tt.max, got, tt.max)
		}
	}
	// A 5 MB name costs one small string, not a copy of it.
	huge := strings.Repeat("Київ", 5<<20/8)
	var got string
	if allocs := testing.AllocsPerRun(10, func() { got = atlas.Clip(huge, 80) }); allocs > 1 {
		t.Errorf("Clip of 5 MB: %v allocations; want at most 1", allocs)
	}
	if utf8.RuneCountInString(got) != 80 || !strings.HasSuffix(got, "…") {
		t.Errorf("Clip of 5 MB = %q", got)
	}
}

// TestLongIDs checks that a huge id is kept whole in the data but clipped
// in messages, so that duplicates of it cannot swell the warnings.
func TestLongIDs(t *testing.T) {
	long := strings.Repeat("x", 1<<20)
	a, err := atlas.Load("long.geojson", []byte(fc(withID(long), withID(long), pt(`[1,2]`, fmt.Sprintf(`{"title":%q}`, long)))))
	if err != nil {
		t.Fatal(err)
	}
	if a.Places[0].ID != long || a.Places[1].ID != long+"-2" || a.Places[2].Name != long || a.Places[2].ID != long+"-3" {
		t.Errorf("ids or names not kept whole")
	}
	for _, w := range a.Warnings {
		if len(w.Msg) > 300 {
			t.Errorf("warning of %d bytes: %.80q…", len(w.Msg), w.Msg)
		}
	}
	if len(a.Warnings) != 3 || !strings.HasSuffix(a.Warnings[0].Msg, `…-2"`) {
		t.Errorf("warnings %.300v", a.Warnings)
	}
}
