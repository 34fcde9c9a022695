package atlas

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"testing/iotest"
)

// streamChunks are the chunk sizes the streaming tests read with: tiny
// ones make every feature straddle chunks and chunks be reused often.
var streamChunks = []int{16, 100, 4096, streamChunk}

// point is a Point feature with the given properties.
func point(props string) string {
	return `{"type":"Feature","geometry":{"type":"Point","coordinates":[2.37,51.03]},"properties":` + props + `}`
}

// streamInputs are places files for the tests of the streaming loader, by
// name: which of them it streams and which it leaves to load is said by
// streams.
func streamInputs(t testing.TB) map[string]string {
	in := map[string]string{}
	files, _ := filepath.Glob("testdata/bad/*")
	files = append(files, "../places.geojson")
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		in[name] = string(b)
	}
	p1 := point(`{"id":"a","name":"A","excerpts":[{"report":"r1","text":"t"},{"report":"r9","text":"u"}]}`)
	p2 := point(`{"id":"a","name":"B \"quoted\" \\\\","role":"setting","aliases":["x",1],"marker-color":"#zzz","excerpts":[{"text":"t"},{"report":"","text":"u"}]}`)
	p3 := point(`{"name":"n` + "\xff" + `","confidence":0.5,"gazetteer":"geonames:1","alternatives":[{"gazetteer":"ne:X","name":"X","country":"FR"}],"reasons":["r"]}`)
	// p4 has warnings before its excerpts' (ignored properties), among
	// them (unknown reports) and after them (unattributed, UTF-8).
	p4 := point(`{"id":"d","name":"D` + "\xfe" + `","aliases":[1],"confidence":"high","excerpts":[{"report":"zz","text":"t"},{"text":"u"},{"report":"r1","text":"v"},{"report":"r8","text":"w"}]}`)
	reports := `[{"id":"r1","title":"One","settings":["a","zz"]},{"id":"r1"},{"title":"no id"},3]`
	feats := p1 + ",\n " + p2 + ",\t" + p3 + `,1,"s",null,[1,2],{},{"type":"Feature"},` + p4
	for name, s := range map[string]string{
		"plain":                 `{"type":"FeatureCollection","features":[` + feats + `]}`,
		"reports first":         `{"type":"FeatureCollection","reports":` + reports + `,"features":[` + feats + `]}`,
		"reports after":         `{"type":"FeatureCollection","features":[` + feats + `],"reports":` + reports + `}`,
		"reports twice":         `{"reports":[],"type":"FeatureCollection","reports":` + reports + `,"features":[` + feats + `]}`,
		"reports after twice":   `{"type":"FeatureCollection","reports":[],"features":[` + feats + `],"reports":` + reports + `}`,
		"reports last, twice":   `{"type":"FeatureCollection","features":[` + feats + `],"reports":[],"reports":` + reports + `}`,
		"reports after, null":   `{"type":"FeatureCollection","features":[` + feats + `],"reports":null}`,
		"reports after, bad":    `{"type":"FeatureCollection","features":[` + feats + `],"reports":{"x":1}}`,
		"reports after, empty":  `{"type":"FeatureCollection","features":[],"reports":[{"id":"r1","settings":["x"]}]}`,
		"reports null":          `{"type":"FeatureCollection","reports":null,"features":[` + p1 + `]}`,
		"reports not a list":    `{"type":"FeatureCollection","reports":{"a":1},"features":[` + p1 + `]}`,
		"type last":             `{"features":[` + feats + `],"type":"FeatureCollection"}`,
		"type twice":            `{"type":"Feature","features":[` + p1 + `],"type":"FeatureCollection"}`,
		"type twice, wrong":     `{"type":"FeatureCollection","features":[` + p1 + `],"type":"Feature"}`,
		"type escaped":          `{"type":"Feature\u0043ollection","features":[` + p1 + `]}`,
		"type a number":         `{"type":1,"features":[` + p1 + `]}`,
		"no type":               `{"features":[` + p1 + `]}`,
		"key escaped":           `{"type":"FeatureCollection","feat\u0075res":[` + p1 + `]}`,
		"features twice":        `{"type":"FeatureCollection","features":[` + p1 + `],"features":[` + p2 + `]}`,
		"features not a list":   `{"type":"FeatureCollection","features":{"a":1}}`,
		"features empty":        `{"type":"FeatureCollection","features":[ ]}`,
		"features empty, rep":   `{"type":"FeatureCollection","reports":[{"id":"r1","settings":["x"]}],"features":[]}`,
		"no features":           `{"type":"FeatureCollection"}`,
		"all skipped":           `{"type":"FeatureCollection","features":[1,2,{}]}`,
		"single feature":        p1,
		"bom":                   "\ufeff" + `{"type":"FeatureCollection","features":[` + p1 + `]}`,
		"white space":           " \r\n\t{ \"type\" :\n\"FeatureCollection\" , \"features\" : [ " + p1 + " , " + p2 + " ] } \n\t ",
		"unicode space":         "\u00a0" + `{"type":"FeatureCollection","features":[` + p1 + `]}`,
		"form feed":             "\f" + `{"type":"FeatureCollection","features":[` + p1 + `]}`,
		"other members":         `{"type":"FeatureCollection","bbox":[1,2,3,4],"name":"x","n":-1.5e3,"t":true,"f":false,"z":null,"o":{"a":[{}]},"features":[` + p1 + `],"after":"yes"}`,
		"trailing garbage":      `{"type":"FeatureCollection","features":[` + p1 + `]} x`,
		"trailing object":       `{"type":"FeatureCollection","features":[` + p1 + `]}{}`,
		"syntax error after":    `{"type":"FeatureCollection","features":[` + p1 + `],"x":[1,]}`,
		"syntax error in one":   `{"type":"FeatureCollection","features":[` + p1 + `,{"type":"Feature",}]}`,
		"bad number":            `{"type":"FeatureCollection","features":[` + p1 + `,01]}`,
		"bad scalar":            `{"type":"FeatureCollection","features":[` + p1 + `,tru]}`,
		"trailing comma":        `{"type":"FeatureCollection","features":[` + p1 + `,]}`,
		"missing comma":         `{"type":"FeatureCollection","features":[` + p1 + ` ` + p1 + `]}`,
		"mismatched brackets":   `{"type":"FeatureCollection","features":[{"type":"Feature"]]}`,
		"truncated":             `{"type":"FeatureCollection","features":[` + p1,
		"truncated in a string": `{"type":"FeatureCollection","features":[{"type":"Feat`,
		"control character":     `{"type":"FeatureCollection","features":[` + point(`{"name":"a`+"\x01"+`b"}`) + `]}`,
		"nul byte":              `{"type":"FeatureCollection","features":[` + p1 + "]}\x00",
		"bad escape":            `{"type":"FeatureCollection","features":[` + point(`{"name":"a\qb"}`) + `]}`,
		"deep":                  `{"type":"FeatureCollection","features":[` + point(`{"x":`+strings.Repeat("[", 508)+strings.Repeat("]", 508)+`}`) + `]}`,
		"too deep":              `{"type":"FeatureCollection","features":[` + point(`{"x":`+strings.Repeat("[", 509)+strings.Repeat("]", 509)+`}`) + `]}`,
		"too deep elsewhere":    `{"type":"FeatureCollection","x":` + strings.Repeat("[", 512) + strings.Repeat("]", 512) + `,"features":[` + p1 + `]}`,
		"one giant string":      `"` + strings.Repeat("a", 50000) + `"`,
		"giant string member":   `{"type":"FeatureCollection","x":"` + strings.Repeat("a", 50000) + `","features":[` + p1 + `]}`,
		"giant feature":         `{"type":"FeatureCollection","features":[` + p1 + `,` + point(`{"name":"`+strings.Repeat("\\\"", 30000)+`"}`) + `,` + p2 + `]}`,
		"top-level array":       `[` + p1 + `]`,
		"empty object":          `{}`,
		"empty":                 ``,
		"spaces":                "  \n",
		"utf-16":                "\xff\xfe{\x00}\x00",
		"many":                  manyFeatures(9000),
	} {
		in[name] = s
	}
	return in
}

// manyFeatures is a FeatureCollection of n points, some of them bad.
func manyFeatures(n int) string {
	var b strings.Builder
	b.WriteString(`{"type":"FeatureCollection","reports":[{"id":"r"}],"features":[`)
	for i := range n {
		if i > 0 {
			b.WriteString(",\n")
		}
		switch i % 1000 {
		case 7:
			b.WriteString(`{"type":"Feature","geometry":null}`)
		case 8:
			fmt.Fprintf(&b, `{"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]},"properties":{"id":"p%d"}}`, i-1) // a duplicate id
		default:
			fmt.Fprintf(&b, `{"type":"Feature","geometry":{"type":"Point","coordinates":[%d.5,%d.25]},"properties":{"id":"p%d","name":"Place %d","excerpts":[{"report":"r","text":"t %d"}]}}`, i%170, i%80, i, i, i)
		}
	}
	b.WriteString("]}\n")
	return b.String()
}

// streams are the inputs of streamInputs that the streaming loader takes
// on itself: all the well-formed FeatureCollections.
var streams = map[string]bool{
	"../places.geojson": true, "plain": true, "reports first": true, "reports twice": true,
	"reports null": true, "reports not a list": true, "type last": true, "type twice": true,
	"features empty": true, "features empty, rep": true, "all skipped": true, "bom": true,
	"white space": true, "other members": true, "deep": true, "giant string member": true,
	"giant feature": true, "many": true, "type escaped": true, "reports after": true,
	"reports last, twice": true, "reports after, null": true, "reports after, bad": true, "reports after, empty": true,
	"testdata/bad/coordinates-missing.geojson": true, "testdata/bad/coordinates-overflow.geojson": true,
	"testdata/bad/coordinates-string.geojson": true, "testdata/bad/coordinates-too-few.geojson": true,
	"testdata/bad/excerpts-wrong-shape.geojson": true, "testdata/bad/latitude-out-of-range.geojson": true,
	"testdata/bad/longitude-out-of-range.geojson": true, "testdata/bad/mixed-warnings.geojson": true,
}

// streamed loads data with stream, read chunk bytes at a time in small
// reads, and load when stream leaves it; fell says which.
func streamed(name string, data []byte, chunk int, o LoadOptions) (a *Atlas, err error, fell bool) {
	a, err = stream(name, iotest.HalfReader(bytes.NewReader(data)), int64(len(data)), o, chunk)
	if errors.Is(err, errFallback) {
		a, err = load(name, data, o)
		return a, err, true
	}
	return a, err, false
}

// TestStreamIsLoad checks that streaming gives what load gives, for every
// input and chunk size, and that it streams the well-formed files.
func TestStreamIsLoad(t *testing.T) {
	o := LoadOptions{Context: context.Background()}
	for name, s := range streamInputs(t) {
		want, wantErr := load("f.geojson", []byte(s), o)
		for _, chunk := range streamChunks {
			got, err, fell := streamed("f.geojson", []byte(s), chunk, o)
			if fell == streams[name] {
				t.Errorf("%s, chunk %d: fell back to load %v; want %v", name, chunk, fell, !streams[name])
			}
			if !sameAtlas(got, want) || !reflect.DeepEqual(err, wantErr) {
				t.Errorf("%s, chunk %d:\ngot  %v, %v\nwant %v, %v", name, chunk, summary(got), err, summary(want), wantErr)
			}
		}
	}
}

// sameAtlas reports whether two atlases hold the same: reflect.DeepEqual
// but for their id indexes, whose hash seeds differ, compared by what
// they find.
func sameAtlas(a, b *Atlas) bool {
	if a == nil || b == nil {
		return a == b
	}
	for i := range a.Places {
		if id := a.Places[i].ID; a.Index(id) != b.Index(id) {
			return false
		}
	}
	x, y := *a, *b
	x.placeIndex, y.placeIndex = idIndex{}, idIndex{}
	return reflect.DeepEqual(&x, &y)
}

// summary shows an Atlas briefly.
func summary(a *Atlas) string {
	if a == nil {
		return "no atlas"
	}
	return fmt.Sprintf("%d places, reports %v, warnings %v", len(a.Places), a.Reports, a.Warnings)
}

// FuzzStream checks that streaming gives what load gives.
//
//	go test ./atlas -run '^$' -fuzz FuzzStream -fuzztime 5m
func FuzzStream(f *testing.F) {
	for _, s := range streamInputs(f) {
		f.Add([]byte(s), uint16(16))
	}
	f.Fuzz(func(t *testing.T, data []byte, chunk uint16) {
		o := LoadOptions{Context: context.Background()}
		want, wantErr := load("f.geojson", data, o)
		got, err, _ := streamed("f.geojson", data, max(int(chunk), 1), o)
		if !sameAtlas(got, want) || !reflect.DeepEqual(err, wantErr) {
			t.Errorf("got  %v, %v\nwant %v, %v", summary(got), err, summary(want), wantErr)
		}
	})
}

// TestStreamReadError checks that a read error stops the stream with a
// message naming the file.
func TestStreamReadError(t *testing.T) {
	data := manyFeatures(5000)
	r := iotest.TimeoutReader(strings.NewReader(data)) // fails on its second read
	_, err := stream("f.geojson", r, int64(len(data)), LoadOptions{Context: context.Background()}, 4096)
	var e *Error
	if !errors.As(err, &e) || !errors.Is(err, iotest.ErrTimeout) || e.Problems[0].Msg != "cannot read the file: timeout" {
		t.Fatalf("err = %v; want an *Error wrapping the read error", err)
	}
}

// TestStreamCancelled checks that a cancelled load stops reading.
func TestStreamCancelled(t *testing.T) {
	data := manyFeatures(50000)
	ctx, cancel := context.WithCancel(context.Background())
	r := &countingReader{r: strings.NewReader(data)}
	o := LoadOptions{Context: ctx, Progress: func(int, int) { cancel() }}
	a, err := stream("f.geojson", r, int64(len(data)), o, 4096)
	if !errors.Is(err, context.Canceled) || a != nil {
		t.Fatalf("%v, %v; want context.Canceled", summary(a), err)
	}
	if r.n > len(data)/2 {
		t.Errorf("read %d of %d bytes after the cancel", r.n, len(data))
	}
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r interface{ Read([]byte) (int, error) }
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

// TestStreamProgress checks the progress contract: total more than done
// until the last call, which gives the exact count.
func TestStreamProgress(t *testing.T) {
	data := manyFeatures(50000)
	var mu sync.Mutex
	var calls, last, lastTotal int
	bad := ""
	o := LoadOptions{Context: context.Background(), Progress: func(done, total int) {
		mu.Lock()
		defer mu.Unlock()
		calls++
		if done >= total && done != 50000 {
			bad = fmt.Sprintf("done %d of %d before the end", done, total)
		}
		last, lastTotal = done, total
	}}
	_, err := stream("f.geojson", strings.NewReader(data), int64(len(data)), o, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	if bad != "" || calls < 5 || last != 50000 || lastTotal != 50000 {
		t.Errorf("%s; %d calls, last %d of %d", bad, calls, last, lastTotal)
	}
}
