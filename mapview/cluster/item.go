package cluster

// Item is what the map draws at a zoom: a single point or a cluster.
type Item struct {
	// X, Y are world coordinates: the point's, or for a cluster the mean
	// of its member points. Index.Items and Index.Hit shift X by whole
	// worlds to the copy of the world that was asked for.
	X, Y float64

	// Count is the number of input points in the item, 1 for a single
	// point.
	Count int

	// Point is the index of the point in the slice given to New when
	// Count is 1, and -1 for a cluster.
	Point int

	// ID identifies the item for Index.Members and Index.Bounds for as
	// long as the Index lives. IDs below Index.Len are single points and
	// the others clusters; a point keeps its ID at every zoom, and so
	// does a cluster that spans several zoom levels unchanged. A single
	// point's ID is in general not its Point.
	ID int

	// Priority reports whether the item holds priority points (then it
	// holds only priority points).
	Priority bool
}
