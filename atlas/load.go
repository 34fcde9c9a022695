package atlas

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"unsafe"

	"github.com/tidwall/gjson"

	"reportmap/internal/userfile"
)

// Atlas is the content of one places file: its reports and places, and
// what was wrong with it but did not stop it loading.
type Atlas struct {
	File     string    // the file's name as given to Load
	Reports  []Report  // in the order the file lists them
	Places   []Place   // in file order
	Warnings []Problem // features skipped and properties ignored

	placeIndex  idIndex // over Places
	reportIndex map[string]int
}

// Place returns the place with the given id, or nil.
func (a *Atlas) Place(id string) *Place {
	if i, ok := a.placeIndex.get(a.Places, id); ok {
		return &a.Places[i]
	}
	return nil
}

// Index returns the index in Places of the place with the given id, or -1.
func (a *Atlas) Index(id string) int {
	if i, ok := a.placeIndex.get(a.Places, id); ok {
		return i
	}
	return -1
}

// Report returns the report with the given id, or nil.
func (a *Atlas) Report(id string) *Report {
	if i, ok := a.reportIndex[id]; ok {
		return &a.Reports[i]
	}
	return nil
}

// Excerpts returns the number of excerpts over all places.
func (a *Atlas) Excerpts() int {
	n := 0
	for i := range a.Places {
		n += len(a.Places[i].Excerpts)
	}
	return n
}

// Skipped returns the number of features left out.
func (a *Atlas) Skipped() int {
	n := 0
	for _, w := range a.Warnings {
		if w.Skipped {
			n++
		}
	}
	return n
}

// maxDepth is how deeply JSON may nest. GeoJSON needs about 6 levels; the
// limit keeps the decoder's recursion bounded on hostile input.
const maxDepth = 512

var bom = []byte("\ufeff")

// MaxPlacesFileSize is the largest places file LoadFile reads: 4 GiB. A
// million places take about 376 MB of GeoJSON, so this leaves room for
// ten million; a larger file is refused before it is read rather than
// exhausting memory.
const MaxPlacesFileSize int64 = 4 << 30

// MaxFeatures is the most features a places file may have: 12 million.
// A place takes about 0.7 KB in the window, so that is some 8 GB; and
// without the limit a file of tiny features ([1,1,1,…], two bytes each)
// would cost a Place and a warning per two bytes, which for 100 MB took
// all of a 24 GB machine. A file with more is refused as soon as the
// count passes it, before its places are made.
const MaxFeatures = 12_000_000

// maxFeatures is MaxFeatures, lowered by tests.
var maxFeatures = MaxFeatures

// tooManyFeatures is the error for a file over MaxFeatures.
func tooManyFeatures(name string) *Error {
	return fileError(name, "the FeatureCollection has more than %d features, the most reportmap opens; split it into smaller files", maxFeatures)
}

// LoadFile reads the places file at path and loads it; see Load. Only a
// regular file (or a symbolic link to one) of at most MaxPlacesFileSize
// bytes is read: a named pipe, device, socket or directory is refused
// without blocking, and the error's Err is then a *userfile.Error.
func LoadFile(path string) (*Atlas, error) {
	return LoadFileWith(path, LoadOptions{})
}

// LoadOptions are LoadFileWith's options; the zero value is LoadFile.
type LoadOptions struct {
	// Context, when set, stops the load once it is done: LoadFileWith
	// then returns its Err. Decoding stops within a few thousand
	// features, and reading the file at the next chunk (8 MiB).
	Context context.Context
	// Progress, when set, is told how many of the file's features are
	// decoded (done) and how many it has (total), every few thousand and
	// once at the end. Until the last call total is an estimate, from
	// the file's size and the bytes the features so far took, and may
	// change from call to call, but it is always more than done; the
	// last call has done == total, the exact count. It is called from the
	// decoding goroutines, possibly several at once, so it must be safe
	// for concurrent use, and quick.
	Progress func(done, total int)
}

// LoadFileWith is LoadFile with options: a context that cancels it and
// a progress callback, for a window loading a big file on a worker.
//
// It reads the file in chunks of 8 MiB, decoding each chunk's features
// on every core while it reads the next, and drops each chunk once its
// features are decoded, so that the memory a load takes is about that of
// the places it gives plus a few chunks, not the file's size. A file it
// cannot read that way — one that is not valid JSON, a single Feature,
// "reports" both before and after "features", and other rare shapes — is
// then read again whole (as Load), which alone gives their messages.
// Either way the result and the messages are those of Load.
func LoadFileWith(path string, o LoadOptions) (*Atlas, error) {
	if o.Context == nil {
		o.Context = context.Background()
	}
	if err := o.Context.Err(); err != nil {
		return nil, err
	}
	f, err := userfile.Open(path, MaxPlacesFileSize)
	if err != nil {
		return nil, readError(path, err)
	}
	a, err := stream(path, f, f.Size(), o, streamChunk)
	f.Close()
	if !errors.Is(err, errFallback) {
		return a, err
	}
	data, err := userfile.Read(path, MaxPlacesFileSize)
	if err != nil {
		return nil, readError(path, err)
	}
	return load(path, data, o)
}

// readError is the *Error for err, the error reading the file name.
func readError(name string, err error) *Error {
	e := fileError(name, "%s", describeReadError(err, "the file"))
	e.Err = err
	return e
}

// describeReadError says why a file could not be read, with subject
// standing for the file.
func describeReadError(err error, subject string) string {
	var ue *userfile.Error
	if errors.As(err, &ue) {
		return ue.Describe(subject)
	}
	return fmt.Sprintf("cannot read %s: %v", subject, err)
}

// Load decodes a places file. name is used in messages only. data is
// GeoJSON: a FeatureCollection or a single Feature, optionally starting
// with a UTF-8 byte-order mark. Load keeps no reference to data.
//
// The error, when there is one, is an *Error naming the file, the feature
// index where there is one and what is wrong. When some features are bad
// but others are good, the good ones load and each bad one is reported in
// Atlas.Warnings.
func Load(name string, data []byte) (*Atlas, error) {
	return load(name, data, LoadOptions{Context: context.Background()})
}

// load is Load with options; o.Context is set.
func load(name string, data []byte, o LoadOptions) (*Atlas, error) {
	data = bytes.TrimPrefix(data, bom)
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fileError(name, "the file is empty; want a GeoJSON FeatureCollection")
	}
	// Validate on one core while the others decode: gjson and fastjson are
	// safe on any input (fastjson bounds its depth, gjson's skipping is
	// iterative), but their result counts only once the whole file is
	// known to be valid JSON.
	invalid := make(chan error, 1)
	go func() {
		switch {
		case nestsDeeperThan(data, maxDepth):
			invalid <- fileError(name, "the JSON nests more than %d levels deep", maxDepth)
		case !gjson.ValidBytes(data):
			invalid <- fileError(name, "%s", syntaxMessage(data))
		default:
			invalid <- nil
		}
	}()
	a, err := decode(name, data, o)
	if verr := <-invalid; verr != nil {
		return nil, verr
	}
	if cerr := o.Context.Err(); cerr != nil {
		return nil, cerr
	}
	return a, err
}

// decode decodes data, assumed valid JSON.
func decode(name string, data []byte, o LoadOptions) (*Atlas, error) {
	// gjson reads strings; alias the bytes rather than copy them. Every
	// string kept is copied (see str), so nothing outlives Load.
	root := gjson.Parse(unsafe.String(unsafe.SliceData(data), len(data)))
	if !root.IsObject() {
		return nil, fileError(name, "the top level is %s; want a GeoJSON FeatureCollection or Feature object", describeRaw(root.Raw))
	}
	var typ, features, reports gjson.Result
	root.ForEach(func(k, v gjson.Result) bool {
		switch k.Str {
		case "type":
			typ = v
		case "features":
			features = v
		case "reports":
			reports = v
		}
		return true
	})
	if typ.Type != gjson.String {
		if !typ.Exists() {
			return nil, fileError(name, `the top-level object has no "type"; want "FeatureCollection" or "Feature"`)
		}
		return nil, fileError(name, `the top-level "type" is %s; want "FeatureCollection" or "Feature"`, describeRaw(typ.Raw))
	}
	var raws []string
	switch typ.Str {
	case "FeatureCollection":
		if !features.IsArray() {
			if !features.Exists() {
				return nil, fileError(name, `the FeatureCollection has no "features" member`)
			}
			return nil, fileError(name, `"features" is %s; want an array of Features`, describeRaw(features.Raw))
		}
		// Split the array into one raw string per feature; decoding them
		// is what takes the time, and it can run in parallel.
		raws = make([]string, 0, estimateFeatures(len(features.Raw)))
		features.ForEach(func(_, f gjson.Result) bool {
			raws = append(raws, f.Raw)
			return len(raws) <= maxFeatures
		})
		if len(raws) > maxFeatures {
			return nil, tooManyFeatures(name)
		}
	case "Feature":
		raws = []string{root.Raw}
	case "Topology":
		return nil, fileError(name, `this is TopoJSON ("type": "Topology"), not GeoJSON; convert it first, for example with topojson-client's topo2geo`)
	case "Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection":
		return nil, fileError(name, "the top level is a bare %s geometry; wrap it in a Feature with properties", typ.Str)
	default:
		return nil, fileError(name, `unknown top-level "type" %q; want "FeatureCollection" or "Feature"`, typ.Str)
	}
	l := newLoader(name)
	l.opts = o
	l.reports(reports.Raw)
	if !l.features(raws) {
		return nil, o.Context.Err()
	}
	return l.finish(len(raws))
}

// estimateFeatures guesses how many features n bytes of them hold, to size
// a slice; small Point features take about 150 bytes.
func estimateFeatures(n int) int {
	return min(n/150+1, 1<<22)
}

// syntaxMessage explains why data is not JSON, with the line and column.
// It is only called on failure, so the slower standard decoder is fine.
func syntaxMessage(data []byte) string {
	if msg := encodingMessage(data); msg != "" {
		return msg
	}
	var raw json.RawMessage
	err := json.Unmarshal(data, &raw)
	var se *json.SyntaxError
	if !errors.As(err, &se) {
		return "the file is not valid JSON"
	}
	if se.Error() == "unexpected end of JSON input" {
		line, col := lineCol(data, int64(len(bytes.TrimRight(data, " \t\r\n"))))
		return fmt.Sprintf("the JSON is truncated: the file ends at line %d, column %d in the middle of a value", line, col)
	}
	// Offset counts the bytes read, the bad one included.
	line, col := lineCol(data, max(se.Offset-1, 0))
	return fmt.Sprintf("not valid JSON at line %d, column %d: %s", line, col, se.Error())
}

// encodingMessage says why data, which is not valid JSON, is not UTF-8
// text at all, or returns "". A byte-order mark says which encoding it is;
// without one, JSON's first two characters are ASCII, so the NUL bytes
// among the first four give UTF-16 or UTF-32 away (RFC 4627, section 3).
func encodingMessage(data []byte) string {
	const resave = "; GeoJSON must be UTF-8 (RFC 8259) — re-save it as UTF-8"
	var enc string
	// b is the first four bytes, padded with non-NUL bytes.
	b := append(data[:min(len(data), 4):min(len(data), 4)], 1, 1, 1)
	switch {
	case len(data) < 2:
	case b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0:
		enc = "UTF-32 encoded (little-endian, with a byte-order mark)"
	case b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF:
		enc = "UTF-32 encoded (big-endian, with a byte-order mark)"
	case b[0] == 0xFF && b[1] == 0xFE:
		enc = "UTF-16 encoded (little-endian, with a byte-order mark)"
	case b[0] == 0xFE && b[1] == 0xFF:
		enc = "UTF-16 encoded (big-endian, with a byte-order mark)"
	case b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] != 0:
		enc = "UTF-32 encoded (big-endian)"
	case b[0] != 0 && b[1] == 0 && b[2] == 0 && b[3] == 0:
		enc = "UTF-32 encoded (little-endian)"
	case b[0] == 0 && b[1] != 0:
		enc = "UTF-16 encoded (big-endian)"
	case b[0] != 0 && b[1] == 0:
		enc = "UTF-16 encoded (little-endian)"
	}
	if enc != "" {
		return "the file is " + enc + resave
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		line, col := lineCol(data, int64(i))
		return fmt.Sprintf("the file is binary, not text: it has a NUL byte at line %d, column %d; GeoJSON is UTF-8 text (RFC 8259)", line, col)
	}
	return ""
}

// lineCol converts a byte offset to a 1-based line and column.
func lineCol(data []byte, off int64) (line, col int) {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	before := data[:off]
	line = 1 + bytes.Count(before, []byte{'\n'})
	col = int(off) - bytes.LastIndexByte(before, '\n')
	return line, col
}

// nestsDeeperThan reports whether arrays and objects in data nest deeper
// than limit, skipping over strings.
func nestsDeeperThan(data []byte, limit int) bool {
	depth := 0
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '"':
			// Jump to the closing quote: the next quote not escaped by an
			// odd number of backslashes. IndexByte is vectorised.
			for {
				j := bytes.IndexByte(data[i+1:], '"')
				if j < 0 {
					return false
				}
				i += 1 + j
				k := i - 1
				for k >= 0 && data[k] == '\\' {
					k--
				}
				if (i-1-k)%2 == 0 {
					break
				}
			}
		case '{', '[':
			depth++
			if depth > limit {
				return true
			}
		case '}', ']':
			depth--
		}
	}
	return false
}
