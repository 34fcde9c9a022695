package cluster

// Defaults and limits for Options.
const (
	DefaultRadius  = 40 // pixels
	DefaultMaxZoom = 16
	// MaxMaxZoom is the largest Options.MaxZoom New accepts; larger values
	// are lowered to it.
	MaxMaxZoom = 30
)

// Options configures New. The zero value selects the defaults.
type Options struct {
	// Radius is the clustering radius in pixels: at zoom z, items whose
	// centres are at most Radius pixels (Radius/(256·2^z) world units)
	// from a seed item are merged into its cluster. Zero or negative
	// selects DefaultRadius.
	Radius float64

	// MaxZoom is the highest integer zoom with a level of its own; zooms
	// above it show the MaxZoom level, where only points closer than
	// Radius pixels at MaxZoom (such as points at the same spot) are
	// still merged. Zero or negative selects DefaultMaxZoom; values above
	// MaxMaxZoom select MaxMaxZoom.
	MaxZoom int
	// MinPriorityPoints is the fewest priority points that form a
	// cluster: fewer stay apart even when their markers overlap, so a
	// few settings near each other stay visible and tappable one by one.
	// Ordinary points cluster in any number. Zero or less selects 2.
	MinPriorityPoints int
}

// withDefaults returns o with zero and out-of-range fields replaced.
func (o Options) withDefaults() Options {
	if !(o.Radius > 0) { // also catches NaN
		o.Radius = DefaultRadius
	}
	if o.MaxZoom <= 0 {
		o.MaxZoom = DefaultMaxZoom
	}
	if o.MinPriorityPoints < 2 {
		o.MinPriorityPoints = 2
	}
	if o.MaxZoom > MaxMaxZoom {
		o.MaxZoom = MaxMaxZoom
	}
	return o
}
