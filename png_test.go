package main

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// -view puts the map where it says: Dunkirk's camp at the middle of the
// map at zoom 9, where by default (all the settings) it is elsewhere.
func TestView(t *testing.T) {
	var stdout, stderr bytes.Buffer
	locate := func(args ...string) (x, y int) {
		t.Helper()
		stdout.Reset()
		if got := run(append([]string{"-locate", "dunkirk-camp", "-size", "800x600"}, args...), &stdout, &stderr); got != 0 {
			t.Fatalf("-locate %v: %d %s", args, got, &stderr)
		}
		if _, err := fmtSscan(stdout.String(), &x, &y); err != nil {
			t.Fatalf("-locate printed %q", stdout.String())
		}
		return x, y
	}
	dx, dy := locate()
	// The camp's own point, from places.geojson, in the middle.
	x, y := locate("-view", "2.22,51.0,9")
	if x < 395 || x > 405 || y < 295 || y > 305 {
		t.Errorf("with -view centred on the camp it is at %d,%d; want the middle, 400,300", x, y)
	}
	if dx == x && dy == y {
		t.Errorf("-view changed nothing: %d,%d both ways", x, y)
	}
	out := filepath.Join(t.TempDir(), "dunkirk.png")
	img := renderPNG(t, out, "-size", "800x600", "-view", "2.37,51.03,9")
	if b := img.Bounds(); b.Dx() != 800 || b.Dy() != 600 {
		t.Errorf("image %v; want 800×600", b)
	}
}

func TestPNGAndLocate(t *testing.T) {
	out := filepath.Join(t.TempDir(), "shot.png")
	var stdout, stderr bytes.Buffer
	img := renderPNG(t, out, "-size", "900x600", "-select", "gaza", "-theme", "dark")
	if b := img.Bounds(); b.Dx() != 900 || b.Dy() != 600 {
		t.Errorf("image %v; want 900×600", b)
	}
	// Not blank: the dark map and the light text differ.
	seen := map[uint32]bool{}
	for y := 0; y < 600; y += 7 {
		for x := 0; x < 900; x += 7 {
			r, g, b, _ := img.At(x, y).RGBA()
			seen[r>>12<<8|g>>12<<4|b>>12] = true
		}
	}
	if len(seen) < 20 {
		t.Errorf("only %d colours: blank?", len(seen))
	}
	if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 1 {
		t.Errorf("a temporary file was left: %v", entries)
	}

	stdout.Reset()
	if got := run([]string{"-locate", "kursk", "-size", "834x761"}, &stdout, &stderr); got != 0 {
		t.Fatalf("-locate: %d %s", got, stderr.String())
	}
	var x, y int
	if _, err := fmtSscan(stdout.String(), &x, &y); err != nil || x < 0 || x > 834 || y < 0 || y > 761 {
		t.Errorf("-locate printed %q", stdout.String())
	}

	for _, bad := range []struct {
		args   []string
		status int
		msg    string
	}{
		{[]string{"-png", out, "-size", "big"}, 2, "-size is \"big\""},
		{[]string{"-png", out, "-theme", "blue"}, 2, "-theme is \"blue\""},
		{[]string{"-png", out, "-select", "atlantis"}, 1, `no place "atlantis"`},
		{[]string{"-locate", "atlantis"}, 1, `"atlantis" is not on a map`},
		{[]string{"-png", out, "-view", "2.37,51.03"}, 2, "want LON,LAT,ZOOM"},
		{[]string{"-png", out, "-view", "2.37,north,9"}, 2, `"north" is not a number`},
		{[]string{"-png", out, "-view", "2.37,91,9"}, 2, "latitude 91 is outside"},
		{[]string{"-png", out, "-view", "200,51,9"}, 2, "longitude 200 is outside"},
		{[]string{"-png", out, "-view", "2.37,51.03,30"}, 2, "zoom 30 is outside"},
		{[]string{"-png", filepath.Join(t.TempDir(), "no", "such", "dir", "x.png")}, 1, "export"},
	} {
		stderr.Reset()
		if got := run(bad.args, &stdout, &stderr); got != bad.status || !strings.Contains(stderr.String(), bad.msg) {
			t.Errorf("%v: status %d, stderr %q; want %d and %q", bad.args, got, stderr.String(), bad.status, bad.msg)
		}
	}
}

func fmtSscan(s string, x, y *int) (int, error) {
	return fmt.Sscan(s, x, y)
}

// renderPNG runs reportmap -png out with args and decodes the image.
func renderPNG(t *testing.T, out string, args ...string) image.Image {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if got := run(append([]string{"-png", out}, args...), &stdout, &stderr); got != 0 {
		t.Fatalf("status %d: %s", got, stderr.String())
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}
