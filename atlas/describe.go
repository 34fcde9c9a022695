package atlas

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/valyala/fastjson"
)

// describe says what kind of JSON value v is, for messages; nil is a
// member that is missing.
func describe(v *fastjson.Value) string {
	if v == nil {
		return "missing"
	}
	switch v.Type() {
	case fastjson.TypeNull:
		return "null"
	case fastjson.TypeTrue, fastjson.TypeFalse:
		return "a boolean (" + v.String() + ")"
	case fastjson.TypeNumber:
		return "a number (" + clip(v.String()) + ")"
	case fastjson.TypeString:
		return fmt.Sprintf("a string (%q)", clip(string(v.GetStringBytes())))
	case fastjson.TypeArray:
		return "an array"
	}
	return "an object"
}

// describeRaw is describe for a raw JSON value, which may be large.
func describeRaw(raw string) string {
	raw = strings.TrimSpace(raw)
	switch {
	case raw == "":
		return "missing"
	case raw[0] == '{':
		return "an object"
	case raw[0] == '[':
		return "an array"
	}
	v, err := fastjson.Parse(raw)
	if err != nil {
		return "not JSON"
	}
	return describe(v)
}

// clip shortens s, a value quoted in a message.
func clip(s string) string { return Clip(s, 25) }

// clipName shortens an id, name or path for a message: long enough for
// any real one, short enough that a hostile one cannot swell the messages.
func clipName(s string) string { return Clip(s, 100) }

// Clip returns s shortened for display to at most maxRunes runes: when it
// is longer, its first maxRunes-1 runes (trailing spaces trimmed) and "…".
// It cuts on a rune boundary, never inside a UTF-8 sequence, and looks at
// no more of s than it keeps, so it is cheap on a huge string. Invalid
// UTF-8 counts a rune a byte. The data is not changed: Clip is for labels
// and titles. It is safe for concurrent use.
func Clip(s string, maxRunes int) string {
	if maxRunes < 1 {
		return ""
	}
	n, cut := 0, 0
	for i := range s {
		if n == maxRunes-1 {
			cut = i
		}
		if n == maxRunes {
			return strings.TrimRight(s[:cut], " ") + "…"
		}
		n++
	}
	return s
}

// str returns a JSON string's value as a new Go string (fastjson's alias
// its input, which Load must not keep). Invalid UTF-8 becomes U+FFFD. The
// feature decoder uses its own str instead; this is for the rare rest.
func str(v *fastjson.Value) string {
	b := v.GetStringBytes()
	if !utf8.Valid(b) {
		return string(toValidUTF8(b))
	}
	return string(b)
}

// toValidUTF8 replaces invalid UTF-8 in b with U+FFFD.
func toValidUTF8(b []byte) []byte {
	return bytes.ToValidUTF8(b, []byte("\uFFFD"))
}

// isString reports whether v is a JSON string.
func isString(v *fastjson.Value) bool {
	return v != nil && v.Type() == fastjson.TypeString
}

// isNull reports whether v is missing or null.
func isNull(v *fastjson.Value) bool {
	return v == nil || v.Type() == fastjson.TypeNull
}
