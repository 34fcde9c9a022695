package atlastest

import (
	"bytes"
	"sync"

	"reportmap/atlas"
)

// Million returns a million generated places (Generate with seed 1),
// loaded once per process and shared: callers must not change it. For
// benchmarks of the paths a user runs at that size. It is safe for
// concurrent use.
var Million = sync.OnceValues(func() (*atlas.Atlas, error) {
	var buf bytes.Buffer
	if err := Generate(&buf, 1_000_000, 1); err != nil {
		return nil, err
	}
	return atlas.Load("gen.geojson", buf.Bytes())
})
