// Command reportmap puts the places named in news reports on a map: click
// a place, read what the reports say about it.
//
// Usage:
//
//	reportmap [FILE]            open FILE (default: the embedded places)
//	reportmap -check FILE...    validate places files; no display needed
//	reportmap -png OUT.png [-size 1280x800] [-select ID] [-theme light|dark] [FILE]
//	reportmap -locate ID [-size 1280x800] [FILE]   print where a place is drawn
//	reportmap -trace [FILE]     print one line per UI event to stderr
package main

import (
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime"
	"time"

	"fyne.io/fyne/v2"

	"reportmap/atlas"
	"reportmap/document"
	_ "reportmap/internal/locale" // before Fyne initialises; see its doc
	"reportmap/internal/userfile"
	"reportmap/ui"
)

// version is the app's version, shown in -version and the About box.
var version = "0.1.0"

// start is when the process started, for the first-frame trace.
var start = time.Now()

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
	pngOut := fl.String("png", "", "render the window without a display into `OUT.png` and exit")
	size := fl.String("size", "1280x800", "window size for -png and -locate, `WxH`")
	selectID := fl.String("select", "", "with -png: the place `ID` to select")
	themeName := fl.String("theme", "light", "with -png: `light` or dark")
	locate := fl.String("locate", "", "print where the place `ID` is drawn on a map of -size in its default view, as \"X Y\" from the map's corner, and exit")
	viewArg := fl.String("view", "", "with -png and -locate: the map's view `LON,LAT,ZOOM` (such as 2.37,51.03,9) instead of the default")
	trace := fl.Bool("trace", false, "print one line per UI event to stderr")
	tilesURL := fl.String("tiles", "", "show raster tiles from the XYZ server `TEMPLATE` (https://…/{z}/{x}/{y}.png) over the embedded map")
	mbtiles := fl.String("mbtiles", "", "show raster tiles from the MBTiles `FILE`")
	offline := fl.Bool("offline", false, "show only the embedded basemap (no tiles)")
	importFiles := fl.Bool("import", false, "geoparse each `FILE` (.txt, .md, .html) as one report and write a places file to -o")
	importOut := fl.String("o", "", "with -import: the places file `OUT.geojson` to write (its reports go in reports/ beside it)")
	fl.Usage = func() {
		fmt.Fprintf(stderr, "Usage:\n  reportmap [FILE]            open FILE (default: the embedded places)\n  reportmap -check FILE...    validate places files\n  reportmap -import -o OUT.geojson FILE...   find the places in news texts\n  reportmap -png OUT.png [-size WxH] [-select ID] [-theme light|dark] [-view LON,LAT,ZOOM] [FILE]\n  reportmap -locate ID [-size WxH] [-view LON,LAT,ZOOM] [FILE]\n\nFlags:\n")
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
	case *importFiles:
		return runImport(*importOut, fl.Args(), stdout, stderr)
	case *importOut != "":
		fmt.Fprintln(stderr, "reportmap: -o is for -import")
		fl.Usage()
		return 2
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

	var basemap *ui.BasemapChoice // nil: the one remembered
	switch {
	case *offline && (*tilesURL != "" || *mbtiles != ""), *tilesURL != "" && *mbtiles != "":
		fmt.Fprintln(stderr, "reportmap: choose one of -tiles, -mbtiles and -offline")
		return 2
	case *offline:
		basemap = &ui.OfflineBasemap
	case *tilesURL != "":
		c := ui.XYZBasemap(*tilesURL)
		basemap = &c
	case *mbtiles != "":
		c := ui.MBTilesBasemap(*mbtiles)
		basemap = &c
	}

	report := fl.NArg() == 1 && ui.IsReportFile(fl.Arg(0)) // `reportmap story.txt`: import it
	var a *atlas.Atlas
	var texts fs.FS
	var err error
	switch {
	case report && (*pngOut != "" || *locate != ""):
		a, texts, err = importForCLI(fl.Arg(0))
	case report:
		a = atlas.New("Untitled", nil, nil) // the window imports it, off its goroutine
	case fl.NArg() == 1 && *pngOut == "" && *locate == "":
		// The window opens at once and loads the file on a worker (a
		// million places take seconds); a file that is not there at
		// all is said here, as before.
		if _, serr := os.Stat(fl.Arg(0)); serr != nil {
			a, texts, err = loadForWindow(fl.Arg(0)) // fails, saying why
		}
	default:
		a, texts, err = loadForWindow(fl.Arg(0))
	}
	if err != nil {
		fmt.Fprintln(stderr, ui.ErrorMessage(err))
		return 1
	}
	if *pngOut != "" || *locate != "" {
		sz, err := parseSize(*size)
		if err != nil {
			fmt.Fprintln(stderr, "reportmap:", err)
			return 2
		}
		if *themeName != "light" && *themeName != "dark" {
			fmt.Fprintf(stderr, "reportmap: -theme is %q; want light or dark\n", *themeName)
			return 2
		}
		opts := ui.HeadlessOptions{Dark: *themeName == "dark", Select: *selectID, FitAll: report}
		if *viewArg != "" {
			v, err := ui.ParseMapView(*viewArg)
			if err != nil {
				fmt.Fprintln(stderr, "reportmap:", err)
				return 2
			}
			opts.View = &v
		}
		return runHeadless(a, texts, sz, opts, *pngOut, *locate, basemap, stdout, stderr)
	}
	if msg := noDisplay(); msg != "" {
		fmt.Fprintln(stderr, msg)
		return 1
	}
	opts := ui.Options{Version: version, File: fl.Arg(0), Start: start, Icon: fyne.NewStaticResource("Icon.png", icon), Basemap: basemap,
		Builtin: func() (*atlas.Atlas, fs.FS, error) { return loadForWindow("") }}
	if report {
		opts.File, opts.Import = "", []string{fl.Arg(0)}
	}
	if *trace {
		opts.Trace = stderr
	}
	if err := ui.Run(a, texts, opts); err != nil {
		fmt.Fprintln(stderr, "reportmap:", err)
		return 1
	}
	return 0
}

// parseSize parses "WxH".
func parseSize(s string) (fyne.Size, error) {
	var w, h int
	if _, err := fmt.Sscanf(s, "%dx%d", &w, &h); err != nil || w < 200 || h < 150 || w > 10000 || h > 10000 {
		return fyne.Size{}, fmt.Errorf("-size is %q; want WxH, such as 1280x800 (200x150 to 10000x10000)", s)
	}
	return fyne.NewSize(float32(w), float32(h)), nil
}

// runHeadless renders the window without a display: -png writes it,
// -locate prints where a place is drawn. Fyne's software driver expects to
// be driven from a goroutine other than main (as in tests), so it is.
func runHeadless(a *atlas.Atlas, texts fs.FS, size fyne.Size, opts ui.HeadlessOptions, pngOut, locate string, basemap *ui.BasemapChoice, stdout, stderr io.Writer) int {
	status := make(chan int)
	go func() {
		status <- headless(a, texts, size, opts, pngOut, locate, basemap, stdout, stderr)
	}()
	return <-status
}

// headless is runHeadless on its goroutine.
func headless(a *atlas.Atlas, texts fs.FS, size fyne.Size, opts ui.HeadlessOptions, pngOut, locate string, basemap *ui.BasemapChoice, stdout, stderr io.Writer) int {
	if locate != "" {
		pos, on := ui.Locate(a, size, locate, opts)
		if !on {
			fmt.Fprintf(stderr, "reportmap: %q is not on a map of this size\n", locate)
			return 1
		}
		fmt.Fprintf(stdout, "%.0f %.0f\n", pos.X, pos.Y)
		return 0
	}
	h, err := ui.NewHeadless(a, texts, size, opts)
	if err != nil {
		fmt.Fprintln(stderr, "reportmap:", err)
		return 1
	}
	defer h.Close()
	if basemap != nil && basemap.Kind != ui.BasemapOffline {
		if err := h.View.SetBasemap(*basemap, version); err != nil {
			fmt.Fprintln(stderr, "reportmap:", err)
			return 1
		}
		// Wait, a while at most, for the visible tiles.
		if missing := h.WaitForTiles(15 * time.Second); missing > 0 {
			fmt.Fprintf(stderr, "reportmap: %d tiles did not arrive within 15 s; they show as the embedded map\n", missing)
		}
	}
	if err := ui.WritePNG(pngOut, h.Image()); err != nil {
		fmt.Fprintln(stderr, "reportmap:", err)
		return 1
	}
	return 0
}

// importForCLI geoparses a report file as the window would import it,
// for -png and -locate.
func importForCLI(file string) (*atlas.Atlas, fs.FS, error) {
	data, err := userfile.Read(file, atlas.MaxReportFileSize)
	if err != nil {
		return nil, nil, err
	}
	p, err := importParser()
	if err != nil {
		return nil, nil, err
	}
	im, err := document.Parse(p, file, data, "")
	if err != nil {
		return nil, nil, err
	}
	doc := document.New(nil, nil, "", false)
	doc.Add(im)
	return doc.Atlas(), doc.Texts(), nil
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
	return a, atlas.ReportsDir(file), err
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
		"Run it in a desktop session or under Xvfb, or render the window to a file with `reportmap -png out.png`; `reportmap -check FILE` validates files without one."
}
