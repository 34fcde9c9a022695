// Package document is what the window has open: a places file (an
// atlas), the texts of its reports, where it is saved, and the reader's
// corrections, each undoable. It imports reports (geoparsing them with
// package geoparse), merges their places with those already open by
// gazetteer entry, and saves the whole atomically. It has no UI.
//
// A Document is not safe for concurrent use: the window's goroutine owns
// it. Parse, which does the slow work, is safe to call from any
// goroutine; its result is applied with Document.Add.
package document
