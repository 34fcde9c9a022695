package geoparse

// Span is a half-open byte range [Start, End) of a text.
type Span struct {
	Start, End int
}

// Len returns the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether s contains the byte offset off.
func (s Span) Contains(off int) bool { return off >= s.Start && off < s.End }
