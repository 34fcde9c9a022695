package cluster

// chunkBits sets the size of the chunks clusters are stored in.
const chunkBits = 14

// clusterRec is a cluster: 64 bytes.
type clusterRec struct {
	x, y       float64 // mean of the member points
	bounds     box     // of the member points
	start, cnt int32   // members are Index.perm[start:start+cnt]
	prio       bool
}

// store holds clusters in chunks of 2^chunkBits, so that adding one never
// copies the others and at most one chunk is partly empty.
type store struct {
	chunks [][]clusterRec
	n      int
}

// len returns the number of clusters.
func (s *store) len() int { return s.n }

// at returns cluster c.
func (s *store) at(c int32) *clusterRec {
	return &s.chunks[c>>chunkBits][c&(1<<chunkBits-1)]
}

// add appends a cluster and returns its index.
func (s *store) add(r clusterRec) int32 {
	c := s.n
	if c&(1<<chunkBits-1) == 0 {
		s.chunks = append(s.chunks, make([]clusterRec, 0, 1<<chunkBits))
	}
	last := &s.chunks[len(s.chunks)-1]
	*last = append(*last, r)
	s.n++
	return int32(c)
}
