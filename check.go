package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"reportmap/atlas"
)

// runCheck validates each places file and prints one summary line per
// file to stdout, followed by its warnings, or its errors to stderr. It
// returns the exit status: 0 when every file is usable, 1 otherwise.
func runCheck(files []string, stdout, stderr io.Writer) int {
	status := 0
	for _, f := range files {
		a, err := atlas.LoadFile(f)
		if err != nil {
			fmt.Fprintf(stderr, "%s: invalid\n", f)
			if ae, ok := err.(*atlas.Error); ok {
				for _, p := range ae.Problems {
					fmt.Fprintf(stderr, "  %s\n", p)
				}
			} else {
				fmt.Fprintf(stderr, "  %v\n", err)
			}
			status = 1
			continue
		}
		warnings := append(a.Warnings, atlas.Verify(a, os.DirFS(filepath.Dir(f)))...)
		printSummary(stdout, a, warnings)
	}
	return status
}

// printSummary prints the one-line summary of a loaded file and its
// warnings, indented.
func printSummary(w io.Writer, a *atlas.Atlas, warnings []atlas.Problem) {
	settings := 0
	for i := range a.Places {
		if a.Places[i].Role == atlas.RoleSetting {
			settings++
		}
	}
	fmt.Fprintf(w, "%s: ok: %s (%d %s), %s, %s, %s\n", a.File,
		plural(len(a.Places), "place"), settings, pluralWord(settings, "setting"),
		plural(a.Excerpts(), "excerpt"), plural(len(a.Reports), "report"), plural(len(warnings), "warning"))
	for _, p := range warnings {
		fmt.Fprintf(w, "  warning: %s\n", p)
	}
}

func plural(n int, word string) string {
	return fmt.Sprintf("%d %s", n, pluralWord(n, word))
}

func pluralWord(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}
