package cluster

// batch is a level under construction, as a structure of arrays.
type batch struct {
	x, y []float64 // centres
	cnt  []int32   // points in the item
	prio []bool
	ref  []int32 // point index, or complement of a cluster index
}

// makeBatch returns a batch of length 0 and capacity n.
func makeBatch(n int) batch {
	return batch{
		x:    make([]float64, 0, n),
		y:    make([]float64, 0, n),
		cnt:  make([]int32, 0, n),
		prio: make([]bool, 0, n),
		ref:  make([]int32, 0, n),
	}
}

// setLen sets the length of every array to n, within their capacity.
func (s *batch) setLen(n int) {
	s.x, s.y, s.cnt, s.prio, s.ref = s.x[:n], s.y[:n], s.cnt[:n], s.prio[:n], s.ref[:n]
}

// add appends an item.
func (s *batch) add(x, y float64, cnt int32, prio bool, ref int32) {
	s.x = append(s.x, x)
	s.y = append(s.y, y)
	s.cnt = append(s.cnt, cnt)
	s.prio = append(s.prio, prio)
	s.ref = append(s.ref, ref)
}
