package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"reportmap/atlas"
	"reportmap/gazetteer"
	"reportmap/geoparse/geoparsetest"
	"reportmap/internal/userfile/userfiletest"
)

// withTestGazetteer makes -import use the small test gazetteer.
func withTestGazetteer(t *testing.T) {
	t.Helper()
	old := importGazetteer
	importGazetteer = func() (*gazetteer.Gazetteer, error) { return geoparsetest.Gazetteer(), nil }
	t.Cleanup(func() { importGazetteer = old })
}

func TestImport(t *testing.T) {
	withTestGazetteer(t)
	in := t.TempDir()
	var files []string
	originals := map[string][]byte{}
	for _, name := range []string{"kursk-troops.txt", "dunkirk-boat.txt", "gaza-ceasefire.txt", "dunkirk-camp.txt"} {
		data, err := os.ReadFile(filepath.Join("reports", name))
		if err != nil {
			t.Fatal(err)
		}
		f := filepath.Join(in, name)
		if err := os.WriteFile(f, data, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
		originals[f] = data
	}
	md := filepath.Join(in, "paris.md")
	html := filepath.Join(in, "cairo.html")
	extra := map[string]string{
		md: "# A tornado in Paris, Texas\n\nPARIS, Texas (AP) — A tornado tore through **Paris** on Monday, [officials](https://example.org) said.\n",
		html: `<html><head><title>Talks in Cairo</title></head><body><article><h1>Talks in Cairo</h1>
<p>Mediators met in Cairo on Tuesday to push for a ceasefire in Gaza, officials said, as the talks entered a third week without a deal.</p>
<p>Thousands of people have fled to Rafah in recent days, aid groups said, and the United Nations warned that shelters there were full.</p>
<p>Negotiators were expected to return to Cairo at the weekend, according to two people familiar with the talks who asked not to be named.</p></article></body></html>`,
	}
	for f, s := range extra {
		if err := os.WriteFile(f, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
		originals[f] = []byte(s)
	}
	outDir := t.TempDir()
	out := filepath.Join(outDir, "imported.geojson")
	var stdout, stderr bytes.Buffer
	if code := run(append([]string{"-import", "-o", out}, files...), &stdout, &stderr); code != 0 {
		t.Fatalf("-import exit %d\nstdout %s\nstderr %s", code, &stdout, &stderr)
	}
	t.Logf("\n%s", &stdout)
	if lines := strings.Count(stdout.String(), "\n"); lines != len(files)+1 {
		t.Errorf("%d lines of summary, want one per file and a total:\n%s", lines, &stdout)
	}
	for f, data := range originals {
		if got, _ := os.ReadFile(f); !bytes.Equal(got, data) {
			t.Errorf("input %s changed", f)
		}
	}
	a, err := atlas.LoadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if w := slices.Concat(a.Warnings, atlas.Verify(a, atlas.ReportsDir(out))); len(w) > 0 {
		t.Errorf("warnings: %v", w)
	}
	stdout.Reset()
	stderr.Reset()
	if code := run([]string{"-check", out}, &stdout, &stderr); code != 0 || stderr.Len() > 0 || !strings.Contains(stdout.String(), " 0 warnings") {
		t.Errorf("-check exit %d\nstdout %s\nstderr %s", code, &stdout, &stderr)
	}
	if len(a.Reports) != len(files) {
		t.Fatalf("%d reports, want %d", len(a.Reports), len(files))
	}
	if r := a.Report("paris"); r == nil || r.Title != "A tornado in Paris, Texas" || !slices.Contains(r.Settings, "paris-us-tx") {
		t.Errorf("paris report %+v", r)
	}
	if r := a.Report("cairo"); r == nil || r.Title != "Talks in Cairo" {
		t.Errorf("cairo report %+v", r)
	}
	if p := a.Place("kursk-oblast"); p == nil || p.Role != atlas.RoleSetting || !slices.Contains(p.Aliases, "Kursk region") {
		t.Errorf("kursk-oblast %+v", p)
	}
	// The same place in two reports is one feature quoting both.
	if p := a.Place("dunkirk"); p == nil || len(p.Reports()) != 2 {
		t.Errorf("dunkirk %+v", p)
	}
	raw, _ := os.ReadFile(out)
	for _, key := range []string{`"confidence"`, `"gazetteer": "geonames:`, `"alternatives"`} {
		if !bytes.Contains(raw, []byte(key)) {
			t.Errorf("output has no %s", key)
		}
	}
	// Every place keeps how it was found, and the app writes the file
	// back as it is.
	for _, p := range a.Places {
		if pv := p.Provenance; pv == nil || pv.Gazetteer == "" || pv.Confidence < 0 || pv.Confidence > 1 || pv.Corrected {
			t.Errorf("%s: provenance %+v", p.ID, p.Provenance)
		}
	}
	if p := a.Place("paris-us-tx"); p == nil || p.Provenance == nil || len(p.Provenance.Alternatives) == 0 {
		t.Errorf("paris-us-tx %+v has no alternatives", p)
	}
	if again, err := atlas.Encode(a); err != nil || !bytes.Equal(again, raw) {
		t.Errorf("atlas.Encode(LoadFile(out)) is not the file -import wrote (err %v)", err)
	}
}

// -import of files that name no place writes nothing: a places file needs
// a place.
func TestImportNoPlaces(t *testing.T) {
	withTestGazetteer(t)
	dir := t.TempDir()
	none := filepath.Join(dir, "none.txt")
	if err := os.WriteFile(none, []byte("The talks ended without a deal.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out.geojson")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-import", "-o", out, none}, &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), "no places found in 1 readable file; "+out+" not written") {
		t.Errorf("exit %d, stderr %q", code, &stderr)
	}
	if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("%s written: %v", out, err)
	}
}

func TestImportErrors(t *testing.T) {
	withTestGazetteer(t)
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	if err := os.WriteFile(good, []byte("Talks in Kyiv ended."), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out.geojson")
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"no -o", []string{"-import", good}, 2, "needs -o"},
		{"no files", []string{"-import", "-o", out}, 2, "needs -o"},
		{"-o without -import", []string{"-o", out, good}, 2, "-o is for -import"},
		{"out is an input", []string{"-import", "-o", good, good}, 2, "never overwritten"},
		{"missing file", []string{"-import", "-o", out, good, filepath.Join(dir, "nope.txt")}, 1, "nope.txt: cannot be read: no such file"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := run(tc.args, &stdout, &stderr); code != tc.code || !strings.Contains(stderr.String(), tc.stderr) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, &stderr, tc.code, tc.stderr)
			}
		})
	}
	importGazetteer = func() (*gazetteer.Gazetteer, error) { return nil, errors.New("gazetteer: data damaged") }
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-import", "-o", out, good}, &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), "gazetteer") {
		t.Errorf("no gazetteer: exit %d, stderr %q", code, &stderr)
	}
}

// -import with the embedded gazetteer, as a user runs it: the seed
// reports become a places file that -check accepts with no warnings,
// with the settings and quotes found.
func TestImportWithTheEmbeddedGazetteer(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "map", "places.geojson")
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join("reports", "*.txt"))
	if err != nil || len(files) != 4 {
		t.Fatalf("seed reports: %v %v", files, err)
	}
	var stdout, stderr bytes.Buffer
	if code := run(append([]string{"-import", "-o", out}, files...), &stdout, &stderr); code != 0 {
		t.Fatalf("-import: exit %d: %s", code, &stderr)
	}
	stdout.Reset()
	if code := run([]string{"-check", out}, &stdout, &stderr); code != 0 || !strings.Contains(stdout.String(), ", 0 warnings") {
		t.Fatalf("-check: exit %d: %s %s", code, &stdout, &stderr)
	}
	a, err := atlas.LoadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []struct{ name, role string }{{"Kursk Oblast", "setting"}, {"Dunkirk", "setting"}, {"Gaza Strip", "setting"}, {"Pyongyang", "mentioned"}} {
		found := false
		for i := range a.Places {
			p := &a.Places[i]
			if p.Name == want.name {
				found = true
				if p.Role.String() != want.role || len(p.Excerpts) == 0 {
					t.Errorf("%s: role %s, %d excerpts; want %s with quotes", p.Name, p.Role, len(p.Excerpts), want.role)
				}
			}
		}
		if !found {
			t.Errorf("no %s among the imported places", want.name)
		}
	}
}

// -import reads the files it is given as the loader does: a named pipe
// or /dev/zero is refused at once, with bounded memory, naming the file;
// the good file still imports.
func TestImportRefusesPipesAndDevices(t *testing.T) {
	withTestGazetteer(t)
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	if err := os.WriteFile(good, []byte("KYIV, Ukraine (AP) — Drones struck Kyiv overnight.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	pipe := filepath.Join(dir, "pipe.txt")
	userfiletest.Mkfifo(t, pipe)
	zero := filepath.Join(dir, "zero.txt")
	userfiletest.DevZeroLink(t, zero)
	out := filepath.Join(dir, "out.geojson")
	var stdout, stderr bytes.Buffer
	code := 0
	userfiletest.Within(t, "-import of a pipe and /dev/zero", 32<<20, func() {
		code = run([]string{"-import", "-o", out, pipe, zero, good}, &stdout, &stderr)
	})
	if code != 1 {
		t.Errorf("exit %d; want 1", code)
	}
	for _, want := range []string{"pipe.txt: cannot be read: it is a named pipe (FIFO), not a regular file", "zero.txt: cannot be read: it is a symbolic link to /dev/zero, which is a character device, not a regular file"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr %q lacks %q", &stderr, want)
		}
	}
	if a, err := atlas.LoadFile(out); err != nil || len(a.Reports) != 1 {
		t.Errorf("the good file was not imported: %v", err)
	}
}
