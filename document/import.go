package document

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"math"
	"path"
	"slices"
	"strings"
	"unicode/utf8"

	"reportmap/atlas"
	"reportmap/gazetteer"
	"reportmap/geoparse"
)

// Errors of Parse, checked with errors.Is. Each *ImportError wraps one.
var (
	ErrEmpty    = errors.New("document: the text is empty")
	ErrBinary   = errors.New("document: not a text file")
	ErrNoPlaces = errors.New("document: no place found")
)

// ImportError is why a report could not be imported: Name is the file
// (or "the clipboard"), Err one of ErrEmpty, ErrBinary, ErrNoPlaces,
// geoparse.ErrNoArticle or a reading error.
type ImportError struct {
	Name string
	Err  error
}

func (e *ImportError) Error() string { return "document: " + e.Message() }

// Message says what went wrong in words, without the package prefix.
func (e *ImportError) Message() string {
	switch {
	case errors.Is(e.Err, ErrEmpty):
		return e.Name + " has no text to import"
	case errors.Is(e.Err, ErrBinary):
		return e.Name + " is not a text file (it holds binary data); import a .txt, .md or .html report"
	case errors.Is(e.Err, geoparse.ErrNoArticle):
		return e.Name + " is a web page with no article text in it"
	case errors.Is(e.Err, ErrNoPlaces):
		return "no place was found in " + e.Name + "; nothing was added"
	}
	return e.Name + ": " + e.Err.Error()
}

func (e *ImportError) Unwrap() error { return e.Err }

// Import is a report geoparsed and ready to add to a document.
type Import struct {
	Report atlas.Report  // id, title and source; File and Settings are set by Add
	Text   string        // the report's text, as it will be saved
	Places []atlas.Place // the places found, with provenance; ids are the parser's

	// namesakes are the places' ids qualified by where they are
	// ("paris-us-tx"), for when a namesake already has the plain id.
	namesakes []string
}

// Parse geoparses data, the content of a file called name (its
// extension gives the format: .md, .html, else plain text) or of the
// clipboard, as one report. title, when not "", is the report's title;
// else the HTML or Markdown title, else the text's first line. It is safe
// for concurrent use and does not touch any document: call it from a
// worker goroutine, then give the result to Document.Add.
func Parse(p *geoparse.Parser, name string, data []byte, title string) (*Import, error) {
	if looksBinary(data) {
		return nil, &ImportError{Name: name, Err: ErrBinary}
	}
	d, err := geoparse.Read(bytes.NewReader(data), geoparse.FormatOf(name))
	if err != nil {
		return nil, &ImportError{Name: name, Err: err}
	}
	text := tidyText(d.Text)
	if strings.TrimSpace(text) == "" {
		return nil, &ImportError{Name: name, Err: ErrEmpty}
	}
	base := path.Base(strings.ReplaceAll(name, `\`, "/"))
	im := &Import{Text: text}
	im.Report.Title = cmp.Or(strings.TrimSpace(title), d.Title, headline(text), strings.TrimSuffix(base, path.Ext(base)))
	im.Report.ID = atlas.Slug(strings.TrimSuffix(base, path.Ext(base)))
	if im.Report.ID == "" || strings.HasPrefix(name, "the ") {
		im.Report.ID = atlas.Slug(im.Report.Title)
	}
	im.Report.ID = cmp.Or(im.Report.ID, "report")
	im.Report.Source = base
	res := p.Parse(text)
	for _, pl := range res.Places {
		ap := atlas.Place{ID: pl.ID, Name: pl.Name, Role: pl.Role, Kind: pl.Kind,
			Point: roundPoint(pl.Point)}
		ap.Aliases = addAliases(nil, pl.Name, pl.Aliases)
		for _, e := range pl.Excerpts {
			ap.Excerpts = append(ap.Excerpts, atlas.Excerpt{Text: atlas.Normalize(e.Text)})
		}
		pv := &atlas.Provenance{Gazetteer: pl.Gazetteer.String(), Confidence: pl.Confidence}
		for _, r := range pl.Reasons {
			pv.Reasons = append(pv.Reasons, r.String())
		}
		for _, a := range pl.Alternatives {
			pv.Alternatives = append(pv.Alternatives, atlas.Alternative{Gazetteer: a.ID.String(), Name: a.Name, Country: a.Country})
		}
		ap.Provenance = pv
		im.Places = append(im.Places, ap)
		namesake := ""
		if e := p.Gazetteer().ByID(pl.Gazetteer); e != nil {
			namesake = atlas.Slug(pl.ID + " " + cmp.Or(e.Admin1, e.Country))
		}
		im.namesakes = append(im.namesakes, namesake)
	}
	if len(im.Places) == 0 {
		return nil, &ImportError{Name: name, Err: ErrNoPlaces}
	}
	return im, nil
}

// Added is what Document.Add did.
type Added struct {
	Report  string // the report's id in the document
	New     int    // places added
	Merged  int    // places found that were already in the document
	Skipped int    // places the reader had said are not places
	First   int    // index of the first place of the report, -1 if none
}

// Add adds an imported report and its places to the document, as one
// undoable edit. A place whose gazetteer entry (and name, for "northern
// France" beside France) is already in the document is merged into it:
// its quotes, written forms and role join the place's. Names the reader
// said are not places are skipped.
func (d *Document) Add(im *Import) Added {
	s := d.begin()
	out := Added{First: -1}
	usedReport := map[string]bool{}
	usedFile := map[string]bool{}
	for _, r := range s.reports {
		usedReport[r.ID] = true
		usedFile[r.File] = true
	}
	rep := im.Report
	rep.ID = unique(cmp.Or(rep.ID, "report"), usedReport)
	rep.File = "reports/" + rep.ID + ".txt"
	for n := 2; usedFile[rep.File]; n++ {
		rep.File = fmt.Sprintf("reports/%s-%d.txt", rep.ID, n)
	}
	rep.Settings = []string{}
	out.Report = rep.ID
	usedPlace := map[string]bool{}
	byKey := map[string]int{}
	for i := range s.places {
		usedPlace[s.places[i].ID] = true
		if pv := s.places[i].Provenance; pv != nil && pv.Gazetteer != "" {
			byKey[pv.Gazetteer+"|"+s.places[i].Name] = i
		}
	}
	for k, ip := range im.Places {
		if s.rejected[gazetteer.Fold(ip.Name)] || slices.ContainsFunc(ip.Aliases, func(a string) bool { return s.rejected[gazetteer.Fold(a)] }) {
			out.Skipped++
			continue
		}
		excerpts := make([]atlas.Excerpt, len(ip.Excerpts))
		for k, e := range ip.Excerpts {
			excerpts[k] = atlas.Excerpt{Report: rep.ID, Text: e.Text}
		}
		key := ip.Provenance.Gazetteer + "|" + ip.Name
		i, ok := byKey[key]
		if ok {
			p := &s.places[i]
			p.Excerpts = append(slices.Clone(p.Excerpts), excerpts...)
			p.Aliases = addAliases(slices.Clone(p.Aliases), p.Name, ip.Aliases)
			if p.Provenance != nil && ip.Provenance.Confidence < p.Provenance.Confidence && !p.Provenance.Corrected {
				pv := *p.Provenance
				pv.Confidence = ip.Provenance.Confidence
				p.Provenance = &pv
			}
			if ip.Role == atlas.RoleSetting {
				p.Role = atlas.RoleSetting
			}
			out.Merged++
		} else {
			p := ip
			p.Excerpts = excerpts
			if usedPlace[p.ID] && k < len(im.namesakes) && im.namesakes[k] != "" {
				p.ID = im.namesakes[k] // a namesake of a place already there: "paris-us-tx"
			}
			p.ID = unique(p.ID, usedPlace)
			pv := *ip.Provenance
			p.Provenance = &pv
			i = len(s.places)
			s.places = append(s.places, p)
			byKey[key] = i
			out.New++
		}
		if out.First < 0 {
			out.First = i
		}
		if ip.Role == atlas.RoleSetting && !slices.Contains(rep.Settings, s.places[i].ID) {
			rep.Settings = append(rep.Settings, s.places[i].ID)
		}
	}
	s.reports = append(s.reports, rep)
	s.texts[rep.File] = im.Text
	d.commit("Import "+rep.Title, s)
	return out
}

// addAliases appends to aliases each written form of more that is
// neither the name nor already there.
func addAliases(aliases []string, name string, more []string) []string {
	for _, a := range more {
		if a != name && !slices.Contains(aliases, a) {
			aliases = append(aliases, a)
		}
	}
	return aliases
}

// unique returns id, or id-2, id-3…, whichever used lacks, and marks it
// used.
func unique(id string, used map[string]bool) string {
	try := id
	for n := 2; used[try]; n++ {
		try = fmt.Sprintf("%s-%d", id, n)
	}
	used[try] = true
	return try
}

// looksBinary reports whether data is not text: a NUL byte or invalid
// UTF-8 in its first 8 KB (a UTF-16 file has NULs too).
func looksBinary(data []byte) bool {
	head := data[:min(len(data), 8192)]
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	for len(head) > 0 {
		r, n := utf8.DecodeRune(head)
		if r == utf8.RuneError && n == 1 && len(head) >= utf8.UTFMax {
			return true
		}
		head = head[n:]
	}
	return false
}

// tidyText folds runs of space within each line (Markdown leaves spaces
// where its markup was), drops blank lines' spaces and carriage returns.
func tidyText(s string) string {
	var b strings.Builder
	for line := range strings.Lines(strings.ReplaceAll(s, "\r\n", "\n")) {
		b.WriteString(strings.Join(strings.Fields(line), " "))
		if strings.HasSuffix(line, "\n") {
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// headline returns the text's first non-blank line when it reads as a
// headline: at most 150 characters, not ending a sentence and not a
// dateline's lede ("KYIV (AP) — …"); else "".
func headline(s string) string {
	for line := range strings.Lines(s) {
		t := strings.TrimSpace(line)
		if t == "" {
			continue
		}
		if utf8.RuneCountInString(t) > 150 || strings.HasSuffix(t, ".") || strings.Contains(t, " — ") || strings.Contains(t, " -- ") {
			return ""
		}
		return t
	}
	return ""
}

func roundPoint(p [2]float64) [2]float64 {
	return [2]float64{math.Round(p[0]*1e5) / 1e5, math.Round(p[1]*1e5) / 1e5}
}
