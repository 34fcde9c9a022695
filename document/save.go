package document

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"

	"reportmap/atlas"
	"reportmap/internal/userfile"
)

// ErrBuiltin is returned by Save for the embedded reports: they are never
// written over; save them under a name (Save As).
var ErrBuiltin = errors.New("document: the built-in reports are never written over; save them under another name")

// ErrNoName is returned by Save for a new document: it needs a name.
var ErrNoName = errors.New("document: the document has no file yet; save it under a name")

// Save writes the document where it was opened or last saved.
func (d *Document) Save() error {
	switch {
	case d.builtin:
		return ErrBuiltin
	case d.path == "":
		return ErrNoName
	}
	return d.SaveAs(d.path)
}

// SaveAs writes the places file to file and every report's text that is
// not already there, with the same content, under the reports/ folder
// beside it (each report's "file"). Each file is written atomically (a
// temporary file renamed over it); a report text that exists with other
// content is never overwritten: that report's text is saved under a new
// name. On success the document is file, and clean. Errors are prefixed
// "document: " and name the file.
func (d *Document) SaveAs(file string) error {
	abs, err := filepath.Abs(file)
	if err != nil {
		return fmt.Errorf("document: %w", err)
	}
	dir := filepath.Dir(abs)
	src := d.Texts()
	// home: the texts on disk are read from the folder saved to.
	home := d.path != "" && !d.builtin && samePath(filepath.Dir(d.path), dir)
	reports := append([]atlas.Report(nil), d.s.reports...)
	for k := range reports {
		r := &reports[k]
		name := path.Clean(r.File)
		if r.File == "" || !fs.ValidPath(name) {
			continue // Verify warns of it; nothing to copy
		}
		if _, imported := d.s.texts[name]; !imported && home {
			continue // read from this very folder: already where it belongs
		}
		text, err := userfile.ReadFS(src, name, atlas.MaxReportFileSize)
		if err != nil {
			if home {
				continue // missing here too, as it was
			}
			return fmt.Errorf("document: reading the text of report %q (%s): %w", r.ID, r.File, err)
		}
		// A free name for it in the folder: its own, unless another text is there.
		target := name
		for n := 2; ; n++ {
			have, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(target)))
			if errors.Is(err, fs.ErrNotExist) {
				break
			}
			if err == nil && bytes.Equal(have, text) {
				target = "" // already saved there
				break
			}
			ext := path.Ext(name)
			target = fmt.Sprintf("%s-%d%s", name[:len(name)-len(ext)], n, ext)
		}
		if target == "" {
			continue
		}
		full := filepath.Join(dir, filepath.FromSlash(target))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return fmt.Errorf("document: %w", err)
		}
		if err := userfile.WriteAtomic(full, func(w io.Writer) error { _, err := w.Write(text); return err }); err != nil {
			return fmt.Errorf("document: saving the text of report %q: %w", r.ID, err)
		}
		if target != name {
			if d.s.texts[name] != "" {
				d.s.texts[target] = d.s.texts[name]
			}
			r.File = target
		}
	}
	a := atlas.New(abs, reports, d.s.places)
	data, err := atlas.Encode(a)
	if err != nil {
		return fmt.Errorf("document: %w", err)
	}
	if err := userfile.WriteAtomic(abs, func(w io.Writer) error { _, err := w.Write(data); return err }); err != nil {
		return fmt.Errorf("document: saving %s: %w", file, err)
	}
	d.s.reports = reports
	d.atlas = atlas.New(abs, reports, d.s.places)
	d.path, d.builtin = abs, false
	d.base = atlas.ReportsDir(abs)
	d.saved = len(d.undo)
	return nil
}

// samePath reports whether two folder paths name the same folder.
func samePath(a, b string) bool {
	if a == b {
		return true
	}
	fa, err1 := os.Stat(a)
	fb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(fa, fb)
}
