package atlas

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"unsafe"

	"github.com/tidwall/gjson"
)

// Atlas is the content of one places file: its reports and places, and
// what was wrong with it but did not stop it loading.
type Atlas struct {
	File     string    // the file's name as given to Load
	Reports  []Report  // in the order the file lists them
	Places   []Place   // in file order
	Warnings []Problem // features skipped and properties ignored

	placeIndex  map[string]int
	reportIndex map[string]int
}

// Place returns the place with the given id, or nil.
func (a *Atlas) Place(id string) *Place {
	if i, ok := a.placeIndex[id]; ok {
		return &a.Places[i]
	}
	return nil
}

// Index returns the index in Places of the place with the given id, or -1.
func (a *Atlas) Index(id string) int {
	if i, ok := a.placeIndex[id]; ok {
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

// LoadFile reads the places file at path and loads it; see Load.
func LoadFile(path string) (*Atlas, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fileError(path, "cannot read the file: %v", err)
	}
	return Load(path, data)
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
	a, err := decode(name, data)
	if verr := <-invalid; verr != nil {
		return nil, verr
	}
	return a, err
}

// decode decodes data, assumed valid JSON.
func decode(name string, data []byte) (*Atlas, error) {
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
			return true
		})
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
	l.reports(reports.Raw)
	l.features(raws)
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
