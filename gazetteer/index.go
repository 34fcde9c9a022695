package gazetteer

import (
	"slices"
	"strconv"
	"strings"
)

// nameIndex maps folded names to entry indices. It is one text of
// records "folded\ti,j,k\n", sorted by folded name, and the offset of each
// record: as compact in memory as on disk, and searched by bisection.
type nameIndex struct {
	blob string
	offs []uint32
}

// buildIndex indexes entries by the folded names names(i) of entry i,
// most prominent entry first for each name.
func buildIndex(entries []Entry, names func(i int) []string) nameIndex {
	post := map[string][]int32{}
	for i := range entries {
		for _, f := range names(i) {
			post[f] = append(post[f], int32(i))
		}
	}
	keys := make([]string, 0, len(post))
	for k, ids := range post {
		keys = append(keys, k)
		slices.SortStableFunc(ids, func(a, b int32) int { return Compare(&entries[a], &entries[b]) })
	}
	slices.Sort(keys)
	var b strings.Builder
	for _, k := range keys {
		b.WriteString(k)
		for j, id := range post[k] {
			if j == 0 {
				b.WriteByte('\t')
			} else {
				b.WriteByte(',')
			}
			b.WriteString(strconv.Itoa(int(id)))
		}
		b.WriteByte('\n')
	}
	return parseIndex(b.String())
}

// parseIndex takes an index text as buildIndex writes it.
func parseIndex(blob string) nameIndex {
	offs := make([]uint32, 0, strings.Count(blob, "\n"))
	for i := 0; i < len(blob); {
		offs = append(offs, uint32(i))
		n := strings.IndexByte(blob[i:], '\n')
		if n < 0 {
			break
		}
		i += n + 1
	}
	return nameIndex{blob: blob, offs: offs}
}

// key returns record r's folded name and the rest of its line.
func (x *nameIndex) record(r int) (key, rest string) {
	line := x.blob[x.offs[r]:]
	if n := strings.IndexByte(line, '\n'); n >= 0 {
		line = line[:n]
	}
	key, rest, _ = strings.Cut(line, "\t")
	return key, rest
}

// find returns the record of folded, or -1.
func (x *nameIndex) find(folded string) int {
	r, ok := slices.BinarySearchFunc(x.offs, folded, func(off uint32, f string) int {
		line := x.blob[off:]
		if n := strings.IndexByte(line, '\t'); n >= 0 {
			line = line[:n]
		}
		return strings.Compare(line, f)
	})
	if !ok {
		return -1
	}
	return r
}

// lookup returns the entry indices of folded, most prominent first.
func (x *nameIndex) lookup(folded string) []int32 {
	r := x.find(folded)
	if r < 0 {
		return nil
	}
	_, rest := x.record(r)
	ids := make([]int32, 0, strings.Count(rest, ",")+1)
	for s := range strings.SplitSeq(rest, ",") {
		n, err := strconv.Atoi(s)
		if err == nil {
			ids = append(ids, int32(n))
		}
	}
	return ids
}

// Len returns the number of distinct folded names.
func (x *nameIndex) len() int { return len(x.offs) }
