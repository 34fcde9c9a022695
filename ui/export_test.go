package ui

// FlushSearch applies a search typed but not yet applied.
func FlushSearch(v *View) {}
