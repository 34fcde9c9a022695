package main

import (
	"errors"
	"fmt"
	"io"
	"slices"

	"reportmap/atlas"
)

// runCheck validates each places file and prints one summary line per
// file to stdout, followed by its warnings, or its errors to stderr. Of
// each kind of problem only the first atlas.ShownPerKind are printed,
// then how many more there are. It returns the exit status: 0 when every
// file is usable, 1 otherwise.
func runCheck(files []string, stdout, stderr io.Writer) int {
	status := 0
	for _, f := range files {
		a, err := atlas.LoadFile(f)
		if err != nil {
			fmt.Fprintf(stderr, "%s: invalid\n", f)
			var ae *atlas.Error
			if errors.As(err, &ae) {
				printProblems(stderr, "", ae.Problems)
			} else {
				fmt.Fprintf(stderr, "  %v\n", err)
			}
			status = 1
			continue
		}
		warnings := slices.Concat(a.Warnings, atlas.Verify(a, atlas.ReportsDir(f)))
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
	printProblems(w, "warning: ", warnings)
}

// printProblems prints problems, indented, each after label, summarized
// by kind.
func printProblems(w io.Writer, label string, problems []atlas.Problem) {
	for _, l := range atlas.Summarize(problems, atlas.ShownPerKind) {
		if l.More > 0 {
			fmt.Fprintf(w, "  %s\n", l)
			continue
		}
		fmt.Fprintf(w, "  %s%s\n", label, l)
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
