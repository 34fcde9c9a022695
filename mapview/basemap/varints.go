package basemap

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"fmt"
	"io"
)

// gunzip decompresses embedded data; what names it in errors.
func gunzip(gz []byte, what string) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("basemap: %s: %w", what, err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("basemap: %s: %w", what, err)
	}
	return raw, nil
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
