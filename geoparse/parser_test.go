package geoparse_test

import (
	"errors"
	"reflect"
	"sync"
	"testing"

	"reportmap/geoparse"
)

func TestNewNil(t *testing.T) {
	if _, err := geoparse.New(nil); !errors.Is(err, geoparse.ErrNoGazetteer) {
		t.Errorf("New(nil): %v, want ErrNoGazetteer", err)
	}
}

func TestParseEmpty(t *testing.T) {
	p := newParser(t)
	for _, s := range []string{"", " \n\t", "—", "’s", "A", "THE, ("} {
		if r := p.Parse(s); len(r.Places) != 0 {
			t.Errorf("Parse(%q): %+v", s, r.Places)
		}
	}
}

// TestParseConcurrent parses one text from several goroutines and wants
// the same result from each.
func TestParseConcurrent(t *testing.T) {
	p := newParser(t)
	text := pitfalls[0].text + "\n" + pitfalls[3].text
	want := p.Parse(text)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 20 {
				if got := p.Parse(text); !reflect.DeepEqual(got, want) {
					t.Error("results differ between goroutines")
					return
				}
			}
		})
	}
	wg.Wait()
}
