package ui

import "reportmap/atlas"

// Bounds on text the window shows. The data keeps every string whole;
// what is shown is cut with "…", so a hostile file with a 5 MB name costs
// a label's worth of layout, not gigabytes.
const (
	maxNameRunes = 80   // place names and report titles in lists, titles and buttons
	maxTextRunes = 1200 // one quote or description in the panel
)

// shortName is a place name or report title as the window shows it.
func shortName(s string) string { return atlas.Clip(s, maxNameRunes) }

// shortText is a quote or description as the panel shows it.
func shortText(s string) string { return atlas.Clip(s, maxTextRunes) }
