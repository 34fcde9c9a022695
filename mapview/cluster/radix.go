package cluster

// radixBits is the digit width of radixSort.
const (
	radixBits = 8
	buckets   = 1 << radixBits
)

// radixSort sorts keys, which must be below 2^keyBits, ascending and
// applies the same permutation to idx, by least-significant-digit radix
// sort, skipping digits that are the same in every key. tk and ti are
// scratch buffers at least as long as keys. The sorted data ends up in
// keys and idx or in tk and ti; radixSort returns whichever holds it.
// The sort is stable, and each pass is split between goroutines.
func radixSort(keys []uint64, idx []int32, tk []uint64, ti []int32, keyBits int) ([]uint64, []int32) {
	n := len(keys)
	if n < 2 {
		return keys, idx
	}
	digits := min(max((keyBits+radixBits-1)/radixBits, 1), (64+radixBits-1)/radixBits)
	tk, ti = tk[:n], ti[:n]
	nw := workers(n)
	count := make([][buckets]int, nw)
	for d := range digits {
		shift := uint(d * radixBits)
		split(n, nw, func(w, lo, hi int) {
			c := &count[w]
			clear(c[:])
			for _, k := range keys[lo:hi] {
				c[(k>>shift)&(buckets-1)]++
			}
		})
		if count0 := bucketTotal(count, int((keys[0]>>shift)&(buckets-1))); count0 == n {
			continue // every key has this digit
		}
		// Worker w's elements of bucket b go after those of bucket b-1
		// and those of earlier workers in bucket b.
		sum := 0
		for b := range buckets {
			for w := range count {
				count[w][b], sum = sum, sum+count[w][b]
			}
		}
		src, srci := keys, idx
		split(n, nw, func(w, lo, hi int) {
			c := &count[w]
			for i, k := range src[lo:hi] {
				b := (k >> shift) & (buckets - 1)
				j := c[b]
				c[b]++
				tk[j] = k
				ti[j] = srci[lo+i]
			}
		})
		keys, tk = tk, keys
		idx, ti = ti, idx
	}
	return keys, idx
}

// bucketTotal returns the number of keys in bucket b over all workers.
func bucketTotal(count [][buckets]int, b int) int {
	t := 0
	for w := range count {
		t += count[w][b]
	}
	return t
}
