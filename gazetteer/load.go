package gazetteer

import (
	"bytes"
	"compress/gzip"
	"embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/paulmach/orb"
)

//go:embed data
var embedded embed.FS

// The data files, under data/: one entries file per part (in this order,
// which the index's entry numbers follow), the name index, the demonyms
// and the admin-1 polygons.
var partFiles = []string{"countries", "admin1", "curated", "cities"}

const (
	indexFile    = "index"
	demonymsFile = "demonyms"
	shapesFile   = "admin1-shapes.bin.gz"
	// countryShapesFile is written by tools/countryshapes; a data folder
	// without it has no country outlines.
	countryShapesFile = "country-shapes.bin.gz"
)

// Default returns the embedded gazetteer, loading it on the first call
// (about 0.12 s and 44 MB; see BenchmarkLoad). It is safe for concurrent use: callers
// that arrive during the load wait for it.
var Default = sync.OnceValues(Load)

// Load decodes the embedded gazetteer. Each call builds a new one; most
// callers want Default.
func Load() (*Gazetteer, error) {
	sub, err := fs.Sub(embedded, "data")
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	g, err := LoadFS(sub)
	if err != nil {
		return nil, err
	}
	g.shapes, g.countryShapes = embeddedAdmin1, embeddedCountries // shared with Outline
	return g, nil
}

// The embedded outlines, decoded once for Outline and every Load.
var (
	embeddedAdmin1 = sync.OnceValues(func() (*shapeSet, error) {
		return openShapes(embedded, "data/"+shapesFile, false)
	})
	embeddedCountries = sync.OnceValues(func() (*shapeSet, error) {
		return openShapes(embedded, "data/"+countryShapesFile, true)
	})
)

// LoadFS decodes a gazetteer from the data files (as WriteFiles writes
// them) at the root of fsys.
func LoadFS(fsys fs.FS) (*Gazetteer, error) {
	g := &Gazetteer{demonyms: map[string]string{}}
	var n int
	texts := make([]string, len(partFiles))
	for i, p := range partFiles {
		t, err := readGz(fsys, p+".tsv.gz")
		if err != nil {
			return nil, err
		}
		texts[i] = t
		n += strings.Count(t, "\n")
	}
	g.entries = make([]Entry, 0, n)
	for i, t := range texts {
		if err := g.parseEntries(t); err != nil {
			return nil, fmt.Errorf("gazetteer: %s: %w", partFiles[i], err)
		}
	}
	g.byID = make(map[ID]int32, len(g.entries))
	for i := range g.entries {
		g.byID[g.entries[i].ID] = int32(i)
	}
	idx, err := readGz(fsys, indexFile+".tsv.gz")
	if err != nil {
		return nil, err
	}
	g.names = parseIndex(idx)
	dem, err := readGz(fsys, demonymsFile+".tsv.gz")
	if err != nil {
		return nil, err
	}
	for line := range strings.SplitSeq(strings.TrimSuffix(dem, "\n"), "\n") {
		if d, cc, ok := strings.Cut(line, "\t"); ok {
			g.demonyms[d] = cc
		}
	}
	g.shapes = sync.OnceValues(func() (*shapeSet, error) { return openShapes(fsys, shapesFile, false) })
	g.countryShapes = sync.OnceValues(func() (*shapeSet, error) { return openShapes(fsys, countryShapesFile, true) })
	return g, nil
}

// openShapes decodes a polygon file of fsys; optional allows it to be
// missing (no polygons).
func openShapes(fsys fs.FS, name string, optional bool) (*shapeSet, error) {
	f, err := fsys.Open(name)
	if optional && errors.Is(err, fs.ErrNotExist) {
		return &shapeSet{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	defer f.Close()
	return decodeShapes(f, gzipSize(f))
}

// gzipSize returns the uncompressed size a gzip file's trailer gives
// (modulo 2^32, so a hint), or 0 when f cannot say.
func gzipSize(f fs.File) int {
	ra, ok := f.(io.ReaderAt)
	st, err := f.Stat()
	if !ok || err != nil || st.Size() < 4 {
		return 0
	}
	var b [4]byte
	if _, err := ra.ReadAt(b[:], st.Size()-4); err != nil {
		return 0
	}
	return min(int(binary.LittleEndian.Uint32(b[:])), 1<<28)
}

func readGz(fsys fs.FS, name string) (string, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return "", fmt.Errorf("gazetteer: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return "", fmt.Errorf("gazetteer: %s: %w", name, err)
	}
	var b strings.Builder
	if st, err := f.Stat(); err == nil {
		b.Grow(int(st.Size()) * 4)
	}
	if _, err := io.Copy(&b, zr); err != nil {
		return "", fmt.Errorf("gazetteer: %s: %w", name, err)
	}
	return b.String(), nil
}

// An entries line: id, kind, name, country, admin1, lon, lat, population,
// feature, and the other names joined by "|", tab-separated.
func (g *Gazetteer) parseEntries(text string) error {
	var f [10]string
	for line := range strings.SplitSeq(strings.TrimSuffix(text, "\n"), "\n") {
		if line == "" {
			continue
		}
		rest := line
		for i := range f {
			if i == len(f)-1 {
				f[i] = rest
				break
			}
			var ok bool
			if f[i], rest, ok = strings.Cut(rest, "\t"); !ok {
				return fmt.Errorf("short line %q", line)
			}
		}
		id, err := ParseID(f[0])
		if err != nil {
			return err
		}
		kind, err1 := strconv.Atoi(f[1])
		lon, err2 := strconv.ParseFloat(f[5], 64)
		lat, err3 := strconv.ParseFloat(f[6], 64)
		pop, err4 := strconv.Atoi(f[7])
		if err1 != nil || err2 != nil || err3 != nil || err4 != nil {
			return fmt.Errorf("bad line %q", line)
		}
		names := make([]string, 1, 1+strings.Count(f[9], "|")+1)
		names[0] = f[2]
		if f[9] != "" {
			for n := range strings.SplitSeq(f[9], "|") {
				names = append(names, n)
			}
		}
		g.entries = append(g.entries, Entry{ID: id, Kind: Kind(kind), Name: f[2], Country: f[3], Admin1: f[4],
			Point: orb.Point{lon, lat}, Population: pop, Feature: f[8], Names: names})
	}
	return nil
}

// Part is one entries file for WriteFiles: its name (one of countries,
// admin1, curated, cities) and its entries.
type Part struct {
	Name    string
	Entries []Entry
}

// WriteFiles writes the data files LoadFS reads into dir: an entries file
// per part, the name index (names folded once, here) and the demonyms.
// The output depends only on the input: the same parts give the same
// bytes. It is for tools/gazetteer.
func WriteFiles(dir string, parts []Part, demonyms map[string]string) error {
	if len(parts) != len(partFiles) {
		return fmt.Errorf("gazetteer: want parts %v", partFiles)
	}
	var all []Entry
	for i, p := range parts {
		if p.Name != partFiles[i] {
			return fmt.Errorf("gazetteer: part %d is %q, want %q", i, p.Name, partFiles[i])
		}
		var b strings.Builder
		for _, e := range p.Entries {
			for _, s := range append([]string{e.Name, e.Country, e.Admin1, e.Feature}, e.Names...) {
				if strings.ContainsAny(s, "\t\n|") {
					return fmt.Errorf("gazetteer: %s: bad character in %q", e.ID, s)
				}
			}
			alts := e.Names
			if len(alts) > 0 && alts[0] == e.Name {
				alts = alts[1:]
			}
			fmt.Fprintf(&b, "%s\t%d\t%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\n", e.ID, e.Kind, e.Name, e.Country, e.Admin1,
				strconv.FormatFloat(e.Point[0], 'f', -1, 64), strconv.FormatFloat(e.Point[1], 'f', -1, 64),
				e.Population, e.Feature, strings.Join(alts, "|"))
		}
		if err := writeGz(filepath.Join(dir, p.Name+".tsv.gz"), []byte(b.String())); err != nil {
			return err
		}
		all = append(all, p.Entries...)
	}
	for i := range all {
		if len(all[i].Names) == 0 || all[i].Names[0] != all[i].Name {
			all[i].Names = append([]string{all[i].Name}, all[i].Names...)
		}
	}
	idx := buildIndex(all, func(i int) []string { return FoldedNames(&all[i]) })
	if err := writeGz(filepath.Join(dir, indexFile+".tsv.gz"), []byte(idx.blob)); err != nil {
		return err
	}
	folded := map[string]string{}
	for d, cc := range demonyms {
		folded[Fold(d)] = cc
	}
	keys := make([]string, 0, len(folded))
	for k := range folded {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var b bytes.Buffer
	for _, k := range keys {
		fmt.Fprintf(&b, "%s\t%s\n", k, folded[k])
	}
	return writeGz(filepath.Join(dir, demonymsFile+".tsv.gz"), b.Bytes())
}

// writeGz writes data gzipped at the best compression, with no name or
// time in the header, so the bytes depend on data alone.
func writeGz(path string, data []byte) error {
	var b bytes.Buffer
	zw, err := gzip.NewWriterLevel(&b, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("gazetteer: %w", err)
	}
	if _, err := zw.Write(data); err != nil {
		return fmt.Errorf("gazetteer: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("gazetteer: %w", err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		return fmt.Errorf("gazetteer: %w", err)
	}
	return nil
}
