package atlas

import "unsafe"

// arenaChunk is the size of the blocks strings are copied into.
const arenaChunk = 256 << 10

// stringArena copies strings into large shared blocks, so that a million
// places cost a few hundred allocations for their text rather than
// millions. A block lives as long as any string in it; the places of one
// file live and die together, so nothing is kept longer than it would be.
// It is not safe for concurrent use.
type stringArena struct {
	block []byte
}

// copy returns b as a string that no longer aliases b.
func (a *stringArena) copy(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if len(b) > arenaChunk/8 { // big strings get their own allocation
		return string(b)
	}
	if len(a.block)+len(b) > cap(a.block) {
		a.block = make([]byte, 0, arenaChunk)
	}
	start := len(a.block)
	a.block = append(a.block, b...)
	// The bytes at block[start:start+len(b)] are never written again:
	// append only writes past len, and a full block is replaced.
	return unsafe.String(&a.block[start], len(b))
}
