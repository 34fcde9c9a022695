// Package atlas loads the places named in news reports, and the reports
// themselves, from GeoJSON files, and writes them back: Encode writes a
// places file that Load reads back the same, EncodeSubset one of some of
// the places, and WriteCSV a table of them.
//
// A places file is an RFC 7946 FeatureCollection (or a single Feature) of
// Point features whose properties name the place, give its role in the
// reports and quote the excerpts that speak of it. A foreign member
// "reports" at the top level lists the reports. See README.md in the
// repository root for the format.
//
// Load never panics on any input. Problems with single features become
// warnings and the rest of the file still loads; only a file with no usable
// feature, or one that is not GeoJSON at all, is an error. Every message
// names the file and, where there is one, the feature index, and has a
// ProblemKind; Summarize shortens a long list of them for display. A place
// the geoparser found keeps how it found it in its Provenance.
//
// LoadFile and ReadText read only regular files, within MaxPlacesFileSize
// and MaxReportFileSize: a named pipe, a device or an oversized file is
// refused before it is read, never blocking. Report files are read through
// ReportsDir, which refuses symbolic links that lead out of the places
// file's folder. LoadFile and LoadFileWith read a places file in chunks
// and decode each chunk's features while they read the next, so that a
// load takes about the memory of the places it gives, not that of the
// file as well; Load is given the whole file's bytes.
//
// The package has no user-interface code and is safe to use from any
// goroutine: it keeps no state between calls.
package atlas
