package atlas

import (
	"fmt"
	"strings"
)

// FileLevel is the Feature of a Problem that concerns the whole file rather
// than one feature.
const FileLevel = -1

// Problem is one thing wrong in a places file.
type Problem struct {
	File    string // the file's name as given to Load
	Feature int    // index of the feature, or FileLevel
	Skipped bool   // the feature was left out because of it
	Msg     string
}

// String formats the problem as "FILE: feature N: MSG".
func (p Problem) String() string {
	if p.Feature == FileLevel {
		return fmt.Sprintf("%s: %s", p.File, p.Msg)
	}
	return fmt.Sprintf("%s: feature %d: %s", p.File, p.Feature, p.Msg)
}

// Error is returned by Load when a file cannot be used at all. Problems
// holds every problem found, the first being the main one.
type Error struct {
	File     string
	Problems []Problem
}

// maxListed is how many problems Error's message spells out.
const maxListed = 5

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("atlas: ")
	if len(e.Problems) == 0 {
		b.WriteString(e.File + ": unusable file")
		return b.String()
	}
	b.WriteString(e.Problems[0].String())
	for i, p := range e.Problems[1:] {
		if i+1 == maxListed {
			fmt.Fprintf(&b, "\n  … and %d more problems", len(e.Problems)-maxListed)
			break
		}
		b.WriteString("\n  " + p.String())
	}
	return b.String()
}

func fileError(file, format string, args ...any) *Error {
	return &Error{File: file, Problems: []Problem{{File: file, Feature: FileLevel, Msg: fmt.Sprintf(format, args...)}}}
}
