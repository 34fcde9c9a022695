package cluster

import (
	"runtime"
	"sync"
)

// minSplit is the smallest number of elements split between goroutines.
const minSplit = 1 << 15

// maxWorkers bounds the goroutines of one split.
const maxWorkers = 8

// workers returns how many goroutines split uses for n elements.
func workers(n int) int {
	if n < minSplit {
		return 1
	}
	return min(runtime.GOMAXPROCS(0), maxWorkers, n/minSplit)
}

// split calls fn(w, lo, hi) for the w-th of nw consecutive slices [lo,
// hi) of [0, n), concurrently, and waits for them.
func split(n, nw int, fn func(w, lo, hi int)) {
	if nw <= 1 {
		fn(0, 0, n)
		return
	}
	var wg sync.WaitGroup
	for w := range nw {
		lo, hi := n*w/nw, n*(w+1)/nw
		wg.Go(func() { fn(w, lo, hi) })
	}
	wg.Wait()
}
