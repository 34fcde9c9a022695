package basemap

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"fmt"
)

// gunzip decompresses embedded data; what names it in errors. It reads
// into one buffer of the size the gzip trailer gives, so that it leaves
// no garbage of a growing buffer behind.
func gunzip(gz []byte, what string) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("basemap: %s: %w", what, err)
	}
	// The trailer's last four bytes are the size modulo 2^32: a hint,
	// which a wrong value only makes the buffer grow or waste.
	size := 0
	if n := len(gz); n >= 4 {
		size = min(int(binary.LittleEndian.Uint32(gz[n-4:])), 1<<28)
	}
	buf := bytes.NewBuffer(make([]byte, 0, size+bytes.MinRead))
	if _, err := buf.ReadFrom(zr); err != nil {
		return nil, fmt.Errorf("basemap: %s: %w", what, err)
	}
	return buf.Bytes(), nil
}

// varints reads the embedded binary files (towns, admin-1 borders):
// unsigned and signed varints and bytes from b, from pos on. A read past
// the end, or a cut varint, sets bad and reads nothing.
type varints struct {
	b   []byte
	pos int
	bad bool
}

// u reads an unsigned varint.
func (r *varints) u() uint64 {
	v, n := binary.Uvarint(r.b[r.pos:])
	if n <= 0 {
		r.bad, n = true, 0
	}
	r.pos += n
	return v
}

// s reads a signed (zig-zag) varint.
func (r *varints) s() int64 {
	v, n := binary.Varint(r.b[r.pos:])
	if n <= 0 {
		r.bad, n = true, 0
	}
	r.pos += n
	return v
}
