package geoparse_test

import (
	"fmt"

	"reportmap/geoparse"
	"reportmap/geoparse/geoparsetest"
)

func Example() {
	p, err := geoparse.New(geoparsetest.Gazetteer())
	if err != nil {
		fmt.Println(err)
		return
	}
	r := p.Parse("PARIS, Texas (AP) — A tornado tore through Paris on Monday. " +
		"French officials in Paris, France, sent condolences.")
	for _, pl := range r.Places {
		fmt.Printf("%s (%s, %s) %.2f %s %q\n", pl.Name, pl.Kind, pl.Gazetteer, pl.Confidence, pl.Role, pl.Aliases)
	}
	// Output:
	// Paris (city, geonames:4717560) 0.98 setting ["PARIS"]
	// Texas (region, ne:US-TX) 0.95 mentioned []
	// Paris (city, geonames:2988507) 0.99 mentioned []
	// France (country, country:FR) 0.95 mentioned []
}

func ExampleSentences() {
	text := "Mr. Smith flew to the U.S. capital. He landed at 9 a.m. on Monday."
	for _, s := range geoparse.Sentences(text) {
		fmt.Printf("%d–%d %s\n", s.Start, s.End, text[s.Start:s.End])
	}
	// Output:
	// 0–35 Mr. Smith flew to the U.S. capital.
	// 36–66 He landed at 9 a.m. on Monday.
}

func ExampleReason_String() {
	fmt.Println(geoparse.ReasonPair)
	// Output: the name beside it ("City, State") says which
}
