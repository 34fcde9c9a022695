package tiles

// lru is a map whose entries are kept in order of use, most recent first,
// holding at most max entries (no limit when max ≤ 0). Lookups that touch
// an entry and removals do not allocate. It is not goroutine-safe: its
// owner locks around it.
type lru[K comparable, V any] struct {
	max  int
	m    map[K]*lruNode[K, V]
	root lruNode[K, V]  // sentinel: root.next is the most recent, root.prev the oldest
	free *lruNode[K, V] // one spare node, reused by the next add
}

type lruNode[K comparable, V any] struct {
	key        K
	val        V
	prev, next *lruNode[K, V]
}

// newLRU returns an empty lru of at most max entries (max ≤ 0: no limit).
func newLRU[K comparable, V any](max int) *lru[K, V] {
	c := &lru[K, V]{max: max, m: make(map[K]*lruNode[K, V])}
	c.root.next, c.root.prev = &c.root, &c.root
	return c
}

// len returns the number of entries.
func (c *lru[K, V]) len() int { return len(c.m) }

// get returns k's value and makes k the most recent entry.
func (c *lru[K, V]) get(k K) (V, bool) {
	n, ok := c.m[k]
	if !ok {
		var zero V
		return zero, false
	}
	c.toFront(n)
	return n.val, true
}

// peek returns k's value without changing the order.
func (c *lru[K, V]) peek(k K) (V, bool) {
	n, ok := c.m[k]
	if !ok {
		var zero V
		return zero, false
	}
	return n.val, true
}

// add sets k's value and makes k the most recent entry. If that takes the
// lru over its limit, the oldest entry is removed and returned.
func (c *lru[K, V]) add(k K, v V) (oldK K, oldV V, evicted bool) {
	if n, ok := c.m[k]; ok {
		n.val = v
		c.toFront(n)
		return oldK, oldV, false
	}
	n := c.free
	if n != nil {
		c.free = nil
	} else {
		n = new(lruNode[K, V])
	}
	n.key, n.val = k, v
	c.m[k] = n
	c.link(n, &c.root)
	if c.max > 0 && len(c.m) > c.max {
		return c.popBack()
	}
	return oldK, oldV, false
}

// each calls f for every entry, in no particular order, without changing
// the order. f must not change the lru.
func (c *lru[K, V]) each(f func(K, V)) {
	for k, n := range c.m {
		f(k, n.val)
	}
}

// popFront removes and returns the most recent entry.
func (c *lru[K, V]) popFront() (k K, v V, ok bool) {
	if len(c.m) == 0 {
		return k, v, false
	}
	n := c.root.next
	k, v = n.key, n.val
	c.drop(n)
	return k, v, true
}

// popBack removes and returns the oldest entry.
func (c *lru[K, V]) popBack() (k K, v V, ok bool) {
	if len(c.m) == 0 {
		return k, v, false
	}
	n := c.root.prev
	k, v = n.key, n.val
	c.drop(n)
	return k, v, true
}

// drop unlinks n, forgets its key and keeps it as the spare node.
func (c *lru[K, V]) drop(n *lruNode[K, V]) {
	n.prev.next, n.next.prev = n.next, n.prev
	delete(c.m, n.key)
	var zero lruNode[K, V]
	*n = zero // let the value be collected
	c.free = n
}

// toFront moves n to the front.
func (c *lru[K, V]) toFront(n *lruNode[K, V]) {
	if c.root.next == n {
		return
	}
	n.prev.next, n.next.prev = n.next, n.prev
	c.link(n, &c.root)
}

// link inserts n after at.
func (c *lru[K, V]) link(n, at *lruNode[K, V]) {
	n.prev, n.next = at, at.next
	at.next.prev = n
	at.next = n
}
