package atlas

import (
	"bytes"
	"errors"
	"io"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/tidwall/gjson"
)

// streamChunk is how many bytes of a places file LoadFileWith reads at a
// time: about 22,000 generated features. A chunk is dropped once its
// features are decoded; a feature larger than a chunk gets a larger one.
const streamChunk = 8 << 20

// streamBatch is the most features one decoding goroutine takes at a
// time. It is progressEvery, so that a cancelled load stops within that
// many features a goroutine.
const streamBatch = progressEvery

// errFallback says that the streaming loader left the file to the
// whole-file path (load), which alone gives every message: the file is not
// valid JSON, is not a plain FeatureCollection, or has "reports" both
// before and after "features". LoadFileWith never returns it.
var errFallback = errors.New("atlas: load the whole file")

// stream loads the places file r, of size bytes as far as known (0: not
// known), reading it chunk bytes at a time, for the common case: a
// FeatureCollection that is valid JSON, with "reports" before "features"
// or after them (not both). For anything else it returns errFallback, having read as
// far as it needed to tell; read errors (from r) and o.Context's end stop
// it, the first making an *Error. o.Context is set.
//
// It gives the same Atlas and errors as load: each member of the top-level
// object is validated with gjson.ValidBytes as it is read, each feature on
// the goroutine that decodes it, and the punctuation between them, with the
// nesting depth, by the boundary scan (valueEnd). It keeps no state
// between calls: calls may run at once.
func stream(name string, r io.Reader, size int64, o LoadOptions, chunk int) (*Atlas, error) {
	workers := min(runtime.GOMAXPROCS(0), 8)
	s := &streamer{
		r:     r,
		size:  size,
		chunk: chunk,
		opts:  o,
		l:     newLoader(name),
		free:  make(chan *chunkBuf, workers+2),
		spare: make(chan []span, 2*workers+2),
	}
	s.l.opts = o
	err := s.run(workers)
	if err != nil {
		s.invalid.Store(true) // what is left to decode is not needed
	}
	if s.work != nil {
		close(s.work)
		s.wg.Wait()
	}
	switch {
	case o.Context.Err() != nil:
		return nil, o.Context.Err()
	case s.readErr != nil:
		return nil, readError(name, s.readErr)
	case err != nil:
		return nil, err
	case s.invalid.Load():
		return nil, errFallback
	}
	if t := gjson.Parse(s.typ); t.Type != gjson.String || t.Str != "FeatureCollection" {
		return nil, errFallback
	}
	if s.lateReports {
		// Excerpts quoting reports the file does not list are found
		// by keep, the reports being known only now.
		s.l.lateReports = true
		s.l.reports(s.reports)
	}
	places := s.places[:s.count]
	if o.Progress != nil {
		o.Progress(len(places), len(places))
	}
	issues := slices.Concat(s.issues...)
	slices.SortFunc(issues, func(x, y featureIssue) int { return x.feature - y.feature })
	s.l.keep(places, issues)
	return s.l.finish(len(places))
}

// chunkBuf is a chunk of the file. The scanner holds a reference while it
// reads into or scans it, and each batch of its features one; the last to
// let go gives it back for reuse.
type chunkBuf struct {
	b    []byte
	refs atomic.Int32
}

// span is where one feature's JSON is in a chunk.
type span struct{ start, end int }

// batch is features for one decoding goroutine: spans of c, to decode
// into places, the first numbered first.
type batch struct {
	c      *chunkBuf
	spans  []span
	first  int
	places []Place
}

// streamer is the state of one stream call. Its fields are the scanning
// goroutine's, except the atomics, the channels, issues (under mu) and
// the parts of places that batches give the decoding goroutines.
type streamer struct {
	r     io.Reader
	size  int64
	chunk int
	opts  LoadOptions
	l     *loader

	cur  *chunkBuf
	buf  []byte // cur.b's bytes read so far
	pos  int    // the next byte to scan
	keep int    // the first byte still needed when buf is refilled, ≤ pos
	base int64  // the offset in the file of buf[0]
	eof  bool

	readErr error // the reader's error

	typ, reports string // the last "type" and "reports" members, raw
	reportsFirst bool   // "reports" came before "features"
	lateReports  bool   // it came after, and before did not
	features     bool   // the "features" member has begun
	featureStart int64  // its offset in the file
	pending      []span // features scanned, not yet in a batch
	tooMany      bool   // the features passed MaxFeatures

	count  int     // features in batches so far
	places []Place // their places, estimated length; workers write batches' parts
	total  atomic.Int64
	done   atomic.Int64 // features decoded, for the progress callback

	work     chan batch
	wg       sync.WaitGroup // the decoding goroutines
	inflight sync.WaitGroup // batches sent and not yet decoded
	free     chan *chunkBuf // chunks to reuse
	spare    chan []span    // span slices to reuse
	invalid  atomic.Bool    // a feature was not valid JSON (workers)
	mu       sync.Mutex     // guards issues
	issues   [][]featureIssue
}

// run scans the file: the top-level object, member by member.
func (s *streamer) run(workers int) error {
	if !s.fill() {
		return errFallback
	}
	if bytes.HasPrefix(s.buf, bom) {
		s.pos = len(bom)
	}
	if c, ok := s.peek(); !ok || c != '{' {
		return errFallback
	}
	s.pos++
	for {
		key, ok := s.value(0)
		if !ok || len(key) < 2 || key[0] != '"' || bytes.IndexByte(key, '\\') >= 0 {
			return errFallback // an escaped key: gjson unescapes it
		}
		k := string(key[1 : len(key)-1])
		if c, ok := s.peek(); !ok || c != ':' {
			return errFallback
		}
		s.pos++
		switch k {
		case "features":
			if c, ok := s.peek(); !ok || c != '[' || s.features {
				return errFallback // a second "features" wins over the first
			}
			if err := s.featureArray(workers); err != nil {
				return err
			}
		default:
			v, ok := s.value(maxDepth - 1)
			switch {
			case !ok:
				return errFallback
			case k == "type":
				s.typ = string(v)
			case k == "reports" && s.reportsFirst:
				return errFallback // the features were checked against the earlier reports
			case k == "reports" && s.features:
				s.lateReports, s.reports = true, string(v)
			case k == "reports":
				s.reports = string(v)
			}
		}
		c, ok := s.peek()
		if ok && c == ',' {
			s.pos++
			continue
		}
		if !ok || c != '}' || !s.features {
			return errFallback
		}
		s.pos++
		break
	}
	if _, ok := s.peek(); ok || s.readErr != nil {
		return errFallback // something after the top-level object
	}
	return nil
}

// featureArray scans the "features" array, at pos, sending its features
// to workers decoding goroutines in batches.
func (s *streamer) featureArray(workers int) error {
	s.features = true
	s.pos++ // '['
	s.featureStart = s.base + int64(s.pos)
	s.reportsFirst = s.reports != ""
	s.l.reports(s.reports)
	s.work = make(chan batch)
	for range workers {
		s.wg.Go(s.decode)
	}
	c, ok := s.peek()
	if ok && c == ']' {
		s.pos++
		return nil
	}
	for ok {
		if s.tooMany {
			return tooManyFeatures(s.l.file)
		}
		n, st := valueEnd(s.buf[s.pos:], maxDepth-2)
		switch {
		case st == scanMore:
			s.keep = s.pos
			if !s.fill() {
				return errFallback
			}
			continue // scan it again, in the larger buffer
		case st == scanDeep || n == 0:
			return errFallback
		}
		s.pending = append(s.pending, span{s.pos, s.pos + n})
		s.pos += n
		if len(s.pending) == streamBatch {
			if s.send(); s.invalid.Load() {
				return errFallback
			}
		}
		if c, ok = s.peek(); ok && c == ',' {
			s.pos++
			_, ok = s.peek()
			continue
		}
		if ok && c == ']' {
			s.pos++
			if s.send(); s.tooMany {
				return tooManyFeatures(s.l.file)
			}
			return nil
		}
		break
	}
	return errFallback
}

// decode decodes batches until the work channel closes. It runs on its
// own goroutine.
func (s *streamer) decode() {
	fd := s.l.newDecoder()
	ctx, progress := s.opts.Context, s.opts.Progress
	for b := range s.work {
		if !s.invalid.Load() && ctx.Err() == nil {
			issues, ok := fd.run(b.first, b.places, func(k int) (string, bool) {
				raw := b.c.b[b.spans[k].start:b.spans[k].end]
				return unsafe.String(unsafe.SliceData(raw), len(raw)), gjson.ValidBytes(raw)
			}, func(n int) bool {
				if ctx.Err() != nil {
					return false
				}
				if progress != nil {
					done := int(s.done.Add(int64(n)))
					progress(done, max(int(s.total.Load()), done+1))
				}
				return true
			})
			if !ok && ctx.Err() == nil {
				s.invalid.Store(true)
			}
			if len(issues) > 0 {
				s.mu.Lock()
				s.issues = append(s.issues, issues)
				s.mu.Unlock()
			}
		}
		s.release(b.c)
		select {
		case s.spare <- b.spans[:0]:
		default:
		}
		s.inflight.Done()
	}
}

// send gives the pending features to a decoding goroutine, waiting for
// one to be free.
func (s *streamer) send() {
	if len(s.pending) == 0 {
		return
	}
	if s.count+len(s.pending) > maxFeatures {
		s.tooMany = true // featureArray stops at once
		s.pending = s.pending[:0]
		return
	}
	first := s.count
	s.count += len(s.pending)
	if s.count > len(s.places) {
		s.inflight.Wait() // no goroutine writes places now
		// 2 % over the estimate at first: a generated 1M file (later
		// features a little longer) then has 4 % spare, 9 MB. Growing,
		// which copies, is then rare, and makes room for a quarter more.
		margin := 1.02
		if s.places != nil {
			margin = 1.05
		}
		n := max(min(max(s.estimate(margin), len(s.places)+len(s.places)/4), maxFeatures), s.count)
		s.places = slices.Grow(s.places[:len(s.places):len(s.places)], n-len(s.places))
		s.places = s.places[:cap(s.places)]
	}
	s.total.Store(int64(s.estimate(1)))
	s.cur.refs.Add(1)
	s.inflight.Add(1)
	s.work <- batch{c: s.cur, spans: s.pending, first: first, places: s.places[first:s.count:s.count]}
	select {
	case s.pending = <-s.spare:
	default:
		s.pending = make([]span, 0, streamBatch)
	}
}

// estimate guesses how many features the file has, from the features so
// far and the bytes they took, the rest times margin. places is made
// longer than the guess, as growing it means copying it.
func (s *streamer) estimate(margin float64) int {
	used := s.base + int64(s.pos) - s.featureStart
	left := max(s.size-s.base-int64(s.pos), 0)
	if used <= 0 {
		return s.count
	}
	return s.count + int(float64(left)*float64(s.count)/float64(used)*margin)
}

// release lets go of one reference to c.
func (s *streamer) release(c *chunkBuf) {
	if c.refs.Add(-1) > 0 || cap(c.b) != s.chunk {
		return // an odd size is left to the collector
	}
	select {
	case s.free <- c:
	default:
	}
}

// fill reads more of the file into a new chunk, which starts with what is
// left of buf from keep on, and sends the pending features. It reports
// false, reading nothing, at the end of the file, on a read error
// (readErr) and when the load's context has ended.
func (s *streamer) fill() bool {
	if s.eof || s.readErr != nil || s.opts.Context.Err() != nil {
		return false
	}
	tail := s.buf[s.keep:]
	size := max(s.chunk, 2*len(tail)) // doubling: a long value is scanned O(1) times
	if rest := s.size - s.base - int64(len(s.buf)); s.size > 0 && rest >= 0 && int64(size-len(tail)) > rest {
		// No more than the file has left, as its size says, and one byte
		// to see its end. Should it have grown, the next fill doubles.
		size = len(tail) + int(rest) + 1
	}
	var c *chunkBuf
	select {
	case c = <-s.free:
	default:
	}
	if c == nil || cap(c.b) < size {
		c = &chunkBuf{b: make([]byte, size)}
	}
	c.refs.Store(1)
	buf := append(c.b[:0], tail...)
	if s.cur != nil {
		s.send()
		s.release(s.cur)
	}
	s.cur, s.buf = c, buf
	s.base += int64(s.keep)
	s.pos -= s.keep
	s.keep = 0
	n := len(buf)
	for empty := 0; len(s.buf) < cap(s.buf); {
		m, err := s.r.Read(s.buf[len(s.buf):cap(s.buf)])
		s.buf = s.buf[:len(s.buf)+m]
		if err == io.EOF {
			s.eof = true
			break
		}
		if err != nil {
			s.readErr = err
			return false
		}
		if m > 0 {
			empty = 0
		} else if empty++; empty == 100 {
			s.readErr = io.ErrNoProgress
			return false
		}
	}
	return len(s.buf) > n
}

// peek skips JSON white space and returns the byte after it, reading more
// as needed; ok is false at the end of the file.
func (s *streamer) peek() (c byte, ok bool) {
	for {
		for ; s.pos < len(s.buf); s.pos++ {
			switch c := s.buf[s.pos]; c {
			case ' ', '\t', '\n', '\r':
			default:
				return c, true
			}
		}
		s.keep = s.pos
		if !s.fill() {
			return 0, false
		}
	}
}

// value scans the value at pos, after white space, and returns its JSON,
// which stays valid until the next fill; ok is false unless it is valid
// JSON nesting at most limit levels deep.
func (s *streamer) value(limit int) (raw []byte, ok bool) {
	if _, ok := s.peek(); !ok {
		return nil, false
	}
	s.keep = s.pos
	for {
		n, st := valueEnd(s.buf[s.pos:], limit)
		switch {
		case st == scanMore:
			if !s.fill() {
				return nil, false
			}
			continue
		case st == scanDeep || n == 0:
			return nil, false
		}
		raw = s.buf[s.pos : s.pos+n]
		s.pos += n
		s.keep = s.pos
		return raw, gjson.ValidBytes(raw)
	}
}

// scanStatus is what valueEnd found.
type scanStatus int

const (
	scanDone scanStatus = iota // the value ends in the bytes given
	scanMore                   // it goes on past them
	scanDeep                   // it nests deeper than the limit
)

// valueEnd returns the length of the JSON value b starts with, found by
// following strings and nesting only: what is inside is checked after, by
// gjson.ValidBytes, which needs the whole value in memory. (gjson and
// fastjson give no way to tell a value cut short by the end of a chunk
// from a bad one, hence this scan; encoding/json's Decoder would stream,
// but tokenises everything, far slower.) A value that is not an object,
// array or string ends at white space, a comma or a closing bracket; one
// that starts with one of those has length 0.
func valueEnd(b []byte, limit int) (int, scanStatus) {
	if len(b) == 0 {
		return 0, scanMore
	}
	switch b[0] {
	case '"':
		if n := stringEnd(b); n > 0 {
			return n, scanDone
		}
		return 0, scanMore
	case '{', '[':
	default:
		for i, c := range b {
			switch c {
			case ' ', '\t', '\n', '\r', ',', ']', '}':
				return i, scanDone
			}
		}
		return 0, scanMore
	}
	depth := 0
	for i := 0; i < len(b); i++ {
		switch b[i] {
		case '"':
			n := stringEnd(b[i:])
			if n == 0 {
				return 0, scanMore
			}
			i += n - 1
		case '{', '[':
			if depth++; depth > limit {
				return 0, scanDeep
			}
		case '}', ']':
			if depth--; depth == 0 {
				return i + 1, scanDone
			}
		}
	}
	return 0, scanMore
}

// stringEnd returns the length of the JSON string b starts with, quotes
// included, or 0 when b ends first: its closing quote is the first one not
// escaped by an odd number of backslashes. IndexByte is vectorised.
func stringEnd(b []byte) int {
	for i := 1; ; i++ {
		j := bytes.IndexByte(b[i:], '"')
		if j < 0 {
			return 0
		}
		i += j
		k := i - 1
		for b[k] == '\\' {
			k--
		}
		if (i-1-k)%2 == 0 {
			return i + 1
		}
	}
}
