// Command reportmap puts the places named in news reports on a map: click
// a place, read what the reports say about it.
//
// Usage:
//
//	reportmap [FILE]            open FILE (default: the embedded places)
//	reportmap -check FILE...    validate places files; no display needed
package main

import (
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"

	"reportmap/atlas"
	_ "reportmap/internal/locale" // before Fyne initialises; see its doc
	"reportmap/ui"
)

// version is the app's version, shown in -version and the About box.
var version = "0.1.0"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is main with its arguments and streams, returning the exit status:
// 0 success, 1 failure, 2 bad usage.
func run(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("reportmap", flag.ContinueOnError)
	fl.SetOutput(stderr)
	check := fl.Bool("check", false, "validate each `FILE` and print a summary; exit 1 if any is invalid")
	showVersion := fl.Bool("version", false, "print the version and exit")
	fl.Usage = func() {
		fmt.Fprintf(stderr, "Usage:\n  reportmap [FILE]            open FILE (default: the embedded places)\n  reportmap -check FILE...    validate places files\n\nFlags:\n")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	switch {
	case *showVersion:
		fmt.Fprintln(stdout, "reportmap", version)
		return 0
	case *check:
		if fl.NArg() == 0 {
			fmt.Fprintln(stderr, "reportmap: -check needs at least one FILE")
			fl.Usage()
			return 2
		}
		return runCheck(fl.Args(), stdout, stderr)
	case fl.NArg() > 1:
		fmt.Fprintln(stderr, "reportmap: give at most one FILE to open")
		fl.Usage()
		return 2
	}

	a, texts, err := loadForWindow(fl.Arg(0))
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if msg := noDisplay(); msg != "" {
		fmt.Fprintln(stderr, msg)
		return 1
	}
	ui.Run(a, texts, version)
	return 0
}

// loadForWindow loads the file to open, or the embedded places when file
// is "", with the folder its reports are read from.
func loadForWindow(file string) (*atlas.Atlas, fs.FS, error) {
	if file == "" {
		data, err := embedded.ReadFile(embeddedName)
		if err != nil {
			return nil, nil, err
		}
		a, err := atlas.Load(embeddedName, data)
		return a, embedded, err
	}
	a, err := atlas.LoadFile(file)
	return a, os.DirFS(filepath.Dir(file)), err
}

// noDisplay explains, when there is no display to open a window on, what
// to do instead; "" when there is one.
func noDisplay() string {
	if runtime.GOOS != "linux" && runtime.GOOS != "freebsd" {
		return ""
	}
	if os.Getenv("DISPLAY") != "" || os.Getenv("WAYLAND_DISPLAY") != "" {
		return ""
	}
	return "reportmap: no display: neither DISPLAY nor WAYLAND_DISPLAY is set, so no window can open.\n" +
		"Run it in a desktop session, or under Xvfb (xvfb-run reportmap); `reportmap -check FILE` works without one."
}
