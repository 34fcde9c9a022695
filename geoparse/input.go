package geoparse

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
)

// Format is the markup of an input text.
type Format uint8

// The input formats.
const (
	FormatText     Format = iota // plain text
	FormatMarkdown               // Markdown (CommonMark-ish)
	FormatHTML                   // an HTML page; the article is extracted
)

// FormatOf returns the format a file name's extension says: .md and
// .markdown are Markdown, .html and .htm HTML, anything else plain text.
func FormatOf(name string) Format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown":
		return FormatMarkdown
	case ".html", ".htm", ".xhtml":
		return FormatHTML
	}
	return FormatText
}

// Document is a text ready to geoparse, with its title when the input
// had one (an HTML page's title, a Markdown file's first heading).
type Document struct {
	Title string
	Text  string
}

// ErrNoArticle is returned by Read when an HTML page has no article text.
var ErrNoArticle = errors.New("geoparse: no article text in the page")

// Read reads a document in format f. Plain text is kept as is; Markdown
// loses its markup byte for byte (see StripMarkdown), so offsets into
// Text are offsets into the file; HTML is reduced to its article's text
// by go-readability, and offsets are into that text. Errors are
// prefixed "geoparse: " and wrap the reader's. It is safe for concurrent
// use.
func Read(r io.Reader, f Format) (Document, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return Document{}, fmt.Errorf("geoparse: reading: %w", err)
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	switch f {
	case FormatMarkdown:
		text := StripMarkdown(string(data))
		return Document{Title: markdownTitle(string(data)), Text: text}, nil
	case FormatHTML:
		a, err := readability.FromReader(bytes.NewReader(data), nil)
		if err != nil {
			return Document{}, fmt.Errorf("geoparse: extracting the article: %w", err)
		}
		if a.Node == nil {
			return Document{}, ErrNoArticle
		}
		var b strings.Builder
		if err := a.RenderText(&b); err != nil {
			return Document{}, fmt.Errorf("geoparse: extracting the article: %w", err)
		}
		text := strings.TrimSpace(b.String())
		if text == "" {
			return Document{}, ErrNoArticle
		}
		return Document{Title: strings.TrimSpace(a.Title()), Text: text}, nil
	}
	return Document{Text: string(data)}, nil
}

// markdownTitle returns the text of the first ATX heading, or "".
func markdownTitle(src string) string {
	for line := range strings.Lines(src) {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "#") {
			return strings.TrimSpace(StripMarkdown(strings.TrimLeft(t, "#")))
		}
	}
	return ""
}

// StripMarkdown returns src with its Markdown markup replaced by spaces,
// byte for byte, so that every offset into the result is the same offset
// into src: heading marks, block quotes, list bullets, emphasis, code
// spans, fenced code (blanked whole), link and image syntax (a link keeps
// its text, an image is blanked), HTML tags. It is safe for concurrent
// use.
func StripMarkdown(src string) string {
	b := []byte(src)
	blank := func(i, j int) {
		for ; i < j && i < len(b); i++ {
			if b[i] != '\n' && b[i] != '\r' {
				b[i] = ' '
			}
		}
	}
	fence := false
	for start := 0; start < len(b); {
		end := bytes.IndexByte(b[start:], '\n')
		if end < 0 {
			end = len(b)
		} else {
			end += start
		}
		line := b[start:end]
		trim := bytes.TrimLeft(line, " \t")
		ind := len(line) - len(trim)
		switch {
		case bytes.HasPrefix(trim, []byte("```")) || bytes.HasPrefix(trim, []byte("~~~")):
			fence = !fence
			blank(start, end)
		case fence:
			blank(start, end)
		default:
			i := start + ind
			// Block marks, possibly nested: "> ", "#", "- ", "1. ".
			for i < end {
				switch {
				case b[i] == '>':
					blank(i, i+1)
					i++
				case b[i] == '#':
					j := i
					for j < end && b[j] == '#' {
						j++
					}
					blank(i, j)
					i = j
				case (b[i] == '-' || b[i] == '*' || b[i] == '+') && i+1 < end && b[i+1] == ' ':
					blank(i, i+1)
					i++
				case b[i] >= '0' && b[i] <= '9':
					j := i
					for j < end && b[j] >= '0' && b[j] <= '9' {
						j++
					}
					if j < end && (b[j] == '.' || b[j] == ')') && j+1 < end && b[j+1] == ' ' {
						blank(i, j+1)
						i = j + 1
						continue
					}
					i = end
					continue
				case b[i] == ' ' || b[i] == '\t':
					i++
					continue
				default:
					i = end
					continue
				}
			}
			if isRule(trim) {
				blank(start, end)
			}
			inline(b, start, end, blank)
		}
		start = end + 1
	}
	return string(b)
}

// isRule reports whether a line is a thematic break ("---", "***").
func isRule(line []byte) bool {
	t := bytes.TrimSpace(line)
	if len(t) < 3 {
		return false
	}
	for _, c := range t {
		if c != t[0] && c != ' ' {
			return false
		}
	}
	return t[0] == '-' || t[0] == '*' || t[0] == '_' || t[0] == '='
}

// inline blanks the inline markup of b[start:end].
func inline(b []byte, start, end int, blank func(i, j int)) {
	isWord := func(i int) bool {
		if i < start || i >= end {
			return false
		}
		c := b[i]
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
	}
	for i := start; i < end; i++ {
		switch c := b[i]; {
		case c == '`' || c == '*':
			blank(i, i+1)
		case c == '_' && !(isWord(i-1) && isWord(i+1)):
			blank(i, i+1)
		case c == '!' && i+1 < end && b[i+1] == '[':
			if j := closeLink(b, i+1, end); j > 0 {
				blank(i, j)
				i = j - 1
			}
		case c == '[':
			if j := closeLink(b, i, end); j > 0 {
				mid := bytes.IndexByte(b[i:j], ']') + i
				blank(i, i+1)
				blank(mid, j)
				i = mid
			}
		case c == '<':
			if j := bytes.IndexByte(b[i:end], '>'); j > 0 {
				tag := b[i+1 : i+j]
				if len(tag) > 0 && (tag[0] == '/' || tag[0] == '!' || tag[0] >= 'a' && tag[0] <= 'z' || bytes.Contains(tag, []byte("://"))) {
					blank(i, i+j+1)
					i += j
				}
			}
		}
	}
}

// closeLink returns the end of "[text](url)" or "[text][ref]" starting at
// b[i] == '[', or 0.
func closeLink(b []byte, i, end int) int {
	mid := bytes.IndexByte(b[i:end], ']')
	if mid < 0 {
		return 0
	}
	mid += i
	if mid+1 >= end {
		return 0
	}
	var closer byte
	switch b[mid+1] {
	case '(':
		closer = ')'
	case '[':
		closer = ']'
	default:
		return 0
	}
	j := bytes.IndexByte(b[mid+2:end], closer)
	if j < 0 {
		return 0
	}
	return mid + 2 + j + 1
}
