package basemap

import (
	_ "embed"
	"errors"
	"fmt"
	"math"
	"sync"

	"github.com/paulmach/orb"
)

// The embedded data, written by tools/basemap/build.sh: Natural Earth
// 1:50m land and shared country borders, projected to world coordinates
// and simplified into Draw's zoom bands, and one label point per country,
// as Encode writes them, gzipped.
//
//go:embed data/world.bin.gz
var worldFile []byte

// worldVersion is the first varint of data/world.bin; Load refuses others.
const worldVersion = 1

// worldUnits is the quantum of data/world.bin's coordinates: a world
// coordinate w is stored as the integer round(w·2^30), which float64
// holds exactly. The error, at most 2^-31 of the world, is 2^(z-23)
// pixels at zoom z: 0.00006 px at zoom 9, 0.06 px at zoom 19, far under
// the 1:50m data's own (1e-4°, 18 px at zoom 19). Drawings differ from
// those of the unquantised coordinates by one level in 255 on at most a
// few dozen pixels of a 640×400 view.
const worldUnits = 1 << 30

// Basemap is the decoded world basemap together with the buffers Draw
// reuses from frame to frame. Get one from Load. Its geometry is immutable
// and shared by every Basemap; its buffers are its own, so Draw is not safe
// for concurrent use on one Basemap, while Labels is.
type Basemap struct {
	data *data

	painter // Draw's buffers, reused between calls
}

// data is everything decoded from the embedded file, in world
// coordinates. It is built once and never modified.
type data struct {
	bands  []band  // by maxScale, ascending; the last has maxScale +Inf
	labels []label // by area, descending
}

// label is a country's label point in world coordinates.
type label struct {
	name string
	x, y float64
	area float64
}

// band returns the band for views at scale pixels per world unit.
func (d *data) band(scale float64) *band {
	for i := range d.bands {
		if scale < d.bands[i].maxScale {
			return &d.bands[i]
		}
	}
	return &d.bands[len(d.bands)-1]
}

// shared decodes the embedded data on the first call to Load.
var shared = sync.OnceValues(decode)

// Load returns a Basemap of the embedded world data. The data is read
// once per process, on the first call (about 15 ms, 5 MB allocated,
// 3.3 MB kept); later calls return at once with a new Basemap sharing it, and
// the same error if the first failed. Load is safe for concurrent use.
func Load() (*Basemap, error) {
	d, err := shared()
	if err != nil {
		return nil, err
	}
	return &Basemap{data: d}, nil
}

// decode reads the embedded file.
func decode() (*data, error) { return decodeWorld(worldFile) }

// decodeWorld reads data/world.bin, gzipped, into flat slices allocated
// once at their final size. The file is varints, u unsigned and s
// zig-zag signed: u version; u bands; per band u Float64bits(maxScale),
// its land layer and its borders layer; u labels; per label u name
// length, the name's bytes, s Δx, s Δy (from the label before) and
// u Float64bits(area). A layer is u shapes, u rings, u vertices; per shape
// u rings; per ring u vertices; per vertex s Δx, s Δy (from the vertex
// before, 0, 0 at the layer's start), in worldUnits. Rings are stored open
// and oriented as layer says; their boxes are worked out here.
func decodeWorld(gz []byte) (*data, error) {
	raw, err := gunzip(gz, "world")
	if err != nil {
		return nil, err
	}
	r := &varints{b: raw}
	if v := r.u(); r.bad || v != worldVersion {
		return nil, fmt.Errorf("basemap: world: version %d, want %d", v, worldVersion)
	}
	nb := r.u()
	if r.bad || nb == 0 || nb > 64 {
		return nil, errors.New("basemap: world: corrupt header")
	}
	d := &data{bands: make([]band, nb)}
	for i := range d.bands {
		b := &d.bands[i]
		b.maxScale = math.Float64frombits(r.u())
		if r.bad || !(b.maxScale > 0) || i > 0 && !(b.maxScale > d.bands[i-1].maxScale) {
			return nil, errors.New("basemap: world: corrupt band")
		}
		if err := r.layer(&b.land); err != nil {
			return nil, err
		}
		if err := r.layer(&b.borders); err != nil {
			return nil, err
		}
	}
	if !math.IsInf(d.bands[nb-1].maxScale, 1) {
		return nil, errors.New("basemap: world: no full-resolution band")
	}
	n := r.u()
	if r.bad || n > uint64(len(raw)) {
		return nil, errors.New("basemap: world: corrupt labels")
	}
	// One string, a copy of the labels' end of the file (a few KB), holds
	// every name; each label's is a slice of it.
	base := r.pos
	all := string(raw[base:])
	d.labels = make([]label, n)
	var px, py int64
	for i := range d.labels {
		ln := r.u()
		if r.bad || ln > uint64(len(raw)-r.pos) {
			return nil, errors.New("basemap: world: truncated labels")
		}
		name := all[r.pos-base : r.pos-base+int(ln)]
		r.pos += int(ln)
		px += r.s()
		py += r.s()
		area := math.Float64frombits(r.u())
		d.labels[i] = label{name: name, x: float64(px) / worldUnits, y: float64(py) / worldUnits, area: area}
	}
	if r.bad {
		return nil, errors.New("basemap: world: truncated labels")
	}
	if r.pos != len(raw) {
		return nil, errors.New("basemap: world: trailing bytes")
	}
	return d, nil
}

// layer reads one layer as appendLayer writes it into l, allocating each
// slice once, and works out the rings' and shapes' boxes.
func (r *varints) layer(l *layer) error {
	nShapes, nRings, nPts := r.u(), r.u(), r.u()
	// Each count takes a byte at least, each vertex two.
	if r.bad || nShapes > nRings || nRings > uint64(len(r.b)) || nPts > uint64(len(r.b)/2) {
		return errors.New("basemap: world: corrupt layer")
	}
	l.shapes = make([]shape, nShapes)
	l.starts = make([]int32, nRings+1)
	l.boxes = make([]box, nRings)
	l.pts = make([]orb.Point, nPts)
	// Each shape's rings follow the last's, as each ring's vertices do.
	shapesOK := r.spans(nShapes, nRings, func(i int, end int32) {
		l.shapes[i].last = end
		if i+1 < len(l.shapes) {
			l.shapes[i+1].first = end
		}
	})
	ringsOK := r.spans(nRings, nPts, func(i int, end int32) { l.starts[i+1] = end })
	if !shapesOK || !ringsOK {
		return errors.New("basemap: world: corrupt layer")
	}
	var px, py int64
	for i := range l.pts {
		px += r.s()
		py += r.s()
		l.pts[i] = orb.Point{float64(px) / worldUnits, float64(py) / worldUnits}
	}
	if r.bad {
		return errors.New("basemap: world: truncated layer")
	}
	for i := range l.boxes {
		b := emptyBox
		for _, p := range l.ring(int32(i)) {
			b.extend(p)
		}
		l.boxes[i] = b
	}
	for i := range l.shapes {
		l.shapes[i].box = l.boxes[l.shapes[i].first]
	}
	return nil
}

// spans reads n counts of at least 1 that add up to total, and calls set
// with each running sum. It reports whether they were so.
func (r *varints) spans(n, total uint64, set func(i int, end int32)) bool {
	var sum uint64
	for i := range int(n) {
		c := r.u()
		if r.bad || c == 0 || c > total-sum {
			r.bad = true
			return false
		}
		sum += c
		set(i, int32(sum))
	}
	return sum == total
}
