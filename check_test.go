package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeFile writes a file into dir and returns its path.
func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestCheck(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, dir, "good.geojson", `{"type":"FeatureCollection","reports":[{"id":"r","title":"R","source":"S","file":"r.txt","settings":["here"]}],
	 "features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]},"properties":{"id":"here","name":"Here","role":"setting","kind":"city","excerpts":[{"report":"r","text":"It happened   here."}]}}]}`)
	writeFile(t, dir, "r.txt", "It happened\nhere.\n")
	mixed := writeFile(t, dir, "mixed.geojson", `{"type":"FeatureCollection","features":[
	 {"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]},"properties":{"name":"Here"}},
	 {"type":"Feature","geometry":{"type":"Point","coordinates":[1,200]},"properties":{"name":"There"}}]}`)
	misquoted := writeFile(t, dir, "misquoted.geojson", strings.Replace(mustRead(t, good), "It happened", "It hapened", 1))
	bad := writeFile(t, dir, "bad.geojson", `{"type":"FeatureCollection","features":[`)

	tests := []struct {
		name     string
		args     []string
		status   int
		out, err []string
		noOut    bool
	}{
		{"embedded data", []string{"-check", "places.geojson"}, 0,
			[]string{"places.geojson: ok: 30 places (6 settings), 75 excerpts, 4 reports, 0 warnings\n"}, nil, false},
		{"good", []string{"-check", good}, 0, []string{"good.geojson: ok: 1 place (1 setting), 1 excerpt, 1 report, 0 warnings"}, nil, false},
		{"warnings still valid", []string{"-check", mixed}, 0,
			[]string{"mixed.geojson: ok: 1 place (0 settings), 0 excerpts, 0 reports, 1 warning", "  warning: " + mixed + ": feature 1: latitude 200"}, nil, false},
		{"misquote", []string{"-check", misquoted}, 0,
			[]string{"1 warning", `feature 0: excerpts[0] is not found verbatim in report "r" (r.txt)`}, nil, false},
		{"invalid", []string{"-check", good, bad}, 1,
			[]string{"good.geojson: ok"}, []string{bad + ": invalid", "the JSON is truncated"}, false},
		{"missing file", []string{"-check", filepath.Join(dir, "nope.geojson")}, 1,
			nil, []string{"nope.geojson: cannot read the file: no such file or directory"}, true},
		{"no file", []string{"-check"}, 2, nil, []string{"-check needs at least one FILE"}, true},
		{"unknown flag", []string{"-chek", good}, 2, nil, []string{"flag provided but not defined: -chek"}, true},
		{"two files to open", []string{good, good}, 2, nil, []string{"at most one FILE"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			if got := run(tt.args, &out, &errb); got != tt.status {
				t.Errorf("status %d; want %d\nstdout:\n%s\nstderr:\n%s", got, tt.status, out.String(), errb.String())
			}
			for _, w := range tt.out {
				if !strings.Contains(out.String(), w) {
					t.Errorf("stdout lacks %q:\n%s", w, out.String())
				}
			}
			for _, w := range tt.err {
				if !strings.Contains(errb.String(), w) {
					t.Errorf("stderr lacks %q:\n%s", w, errb.String())
				}
			}
			if tt.noOut && out.Len() > 0 {
				t.Errorf("stdout not empty:\n%s", out.String())
			}
		})
	}
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestNoDisplayMessage(t *testing.T) {
	t.Setenv("DISPLAY", "")
	t.Setenv("WAYLAND_DISPLAY", "")
	var out, errb bytes.Buffer
	if got := run(nil, &out, &errb); got != 1 {
		t.Fatalf("status %d; want 1", got)
	}
	if !strings.Contains(errb.String(), "no display") || !strings.Contains(errb.String(), "-check") {
		t.Errorf("stderr:\n%s", errb.String())
	}
}
