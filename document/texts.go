package document

import (
	"io"
	"io/fs"
	"strings"
	"time"
)

// overlay is the folder of report texts: those imported and not yet
// saved, held in memory, over the folder beside the places file.
type overlay struct {
	base  fs.FS             // nil when there is none
	texts map[string]string // slash path → text
}

// Open opens name from the imported texts, else from the base folder.
func (o overlay) Open(name string) (fs.File, error) {
	if t, ok := o.texts[name]; ok {
		return &memFile{name: name, r: strings.NewReader(t), size: int64(len(t))}, nil
	}
	if o.base == nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return o.base.Open(name)
}

// memFile is an imported report's text as an fs.File.
type memFile struct {
	name string
	r    *strings.Reader
	size int64
}

func (f *memFile) Read(b []byte) (int, error) { return f.r.Read(b) }
func (f *memFile) Close() error               { return nil }
func (f *memFile) Stat() (fs.FileInfo, error) { return memInfo{f}, nil }

type memInfo struct{ f *memFile }

func (i memInfo) Name() string       { return i.f.name[strings.LastIndexByte(i.f.name, '/')+1:] }
func (i memInfo) Size() int64        { return i.f.size }
func (i memInfo) Mode() fs.FileMode  { return 0o444 }
func (i memInfo) ModTime() time.Time { return time.Time{} }
func (i memInfo) IsDir() bool        { return false }
func (i memInfo) Sys() any           { return nil }

var _ io.Reader = (*memFile)(nil)
