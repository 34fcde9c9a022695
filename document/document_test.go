package document_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"reportmap/atlas"
	"reportmap/document"
	"reportmap/geoparse"
	"reportmap/geoparse/geoparsetest"
)

const georgia = "TBILISI, Georgia (AP) — Thousands rallied in Tbilisi on Sunday against a law that critics say copies Russia's.\n" +
	"Half a world away in Atlanta, Georgia, state officials said an election would go ahead.\n"

const paris = "PARIS, Texas (AP) — A tornado tore through Paris late on Monday, flattening homes.\n" +
	"The governor said in Austin that the state would help Paris.\n"

func parser(t testing.TB) *geoparse.Parser {
	t.Helper()
	p, err := geoparse.New(geoparsetest.Gazetteer())
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func names(a *atlas.Atlas) []string {
	var out []string
	for _, p := range a.Places {
		out = append(out, p.Name)
	}
	return out
}

func imported(t *testing.T, d *document.Document, name, text string) document.Added {
	t.Helper()
	im, err := document.Parse(parser(t), name, []byte(text), "")
	if err != nil {
		t.Fatal(err)
	}
	return d.Add(im)
}

func TestImportMergesByGazetteerEntry(t *testing.T) {
	d := document.New(nil, nil, "", false)
	a1 := imported(t, d, "tbilisi.txt", georgia)
	if a1.New == 0 || d.Atlas().Report("tbilisi") == nil {
		t.Fatalf("first import: %+v, reports %v", a1, d.Atlas().Reports)
	}
	n := len(d.Atlas().Places)
	a2 := imported(t, d, "tbilisi.txt", georgia) // the same text again: a second report
	if a2.New != 0 || a2.Merged != n || len(d.Atlas().Places) != n {
		t.Errorf("second import of the same text: %+v, %d places (want %d merged, none new)", a2, len(d.Atlas().Places), n)
	}
	if a2.Report != "tbilisi-2" {
		t.Errorf("second report id %q, want tbilisi-2", a2.Report)
	}
	tb := d.Atlas().Place(d.Atlas().Places[0].ID)
	if got := tb.Reports(); !slices.Equal(got, []string{"tbilisi", "tbilisi-2"}) {
		t.Errorf("%s is quoted by %v, want both reports", tb.Name, got)
	}
	if !d.Dirty() {
		t.Error("not dirty after an import")
	}
}

func TestParseErrors(t *testing.T) {
	p := parser(t)
	for _, tc := range []struct {
		name string
		data string
		want error
	}{
		{"empty.txt", "  \n\n ", document.ErrEmpty},
		{"picture.txt", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", document.ErrBinary},
		{"nothing.txt", "Nobody went anywhere on Tuesday, officials said.", document.ErrNoPlaces},
		{"page.html", "<html><body></body></html>", geoparse.ErrNoArticle},
	} {
		_, err := document.Parse(p, tc.name, []byte(tc.data), "")
		var ie *document.ImportError
		if !errors.Is(err, tc.want) || !errors.As(err, &ie) || !strings.Contains(ie.Message(), tc.name) {
			t.Errorf("%s: got %v, want %v naming the file", tc.name, err, tc.want)
		}
	}
}

func TestCorrectionsUndoAndRedo(t *testing.T) {
	g := geoparsetest.Gazetteer()
	d := document.New(nil, nil, "", false)
	imported(t, d, "paris.txt", paris)
	i := slices.IndexFunc(d.Atlas().Places, func(p atlas.Place) bool { return p.Name == "Paris" })
	if i < 0 {
		t.Fatalf("no Paris in %q", names(d.Atlas()))
	}
	p := d.Atlas().Places[i]
	if p.Provenance == nil || len(p.Provenance.Alternatives) == 0 {
		t.Fatalf("Paris has no alternatives: %+v", p.Provenance)
	}
	texas := p.Point
	alt := p.Provenance.Alternatives[0]
	if err := d.ChooseAlternative(i, g, alt.Gazetteer); err != nil {
		t.Fatal(err)
	}
	q := d.Atlas().Places[i]
	if q.Point == texas || q.Provenance.Gazetteer != alt.Gazetteer || !q.Provenance.Corrected {
		t.Errorf("after choosing %s: point %v (was %v), entry %s, corrected %v", alt.Name, q.Point, texas, q.Provenance.Gazetteer, q.Provenance.Corrected)
	}
	if q.Provenance.Alternatives[0].Gazetteer != p.Provenance.Gazetteer {
		t.Errorf("the entry left is not the first alternative: %+v", q.Provenance.Alternatives)
	}
	if err := d.Move(i, orb.Point{1, 2}); err != nil {
		t.Fatal(err)
	}
	if err := d.SetRole(i, atlas.RoleMentioned); err != nil {
		t.Fatal(err)
	}
	if r := d.Atlas().Report("paris"); slices.Contains(r.Settings, q.ID) {
		t.Errorf("report settings still list %s: %v", q.ID, r.Settings)
	}
	n := len(d.Atlas().Places)
	if err := d.NotAPlace(i); err != nil {
		t.Fatal(err)
	}
	if len(d.Atlas().Places) != n-1 || d.Atlas().Place(q.ID) != nil || !d.Rejected("Paris") {
		t.Errorf("Not a place left %d places (want %d), rejected %v", len(d.Atlas().Places), n-1, d.Rejected("Paris"))
	}
	if d.UndoLabel() != "Not a place: Paris" {
		t.Errorf("undo label %q", d.UndoLabel())
	}
	// Undo all four, back to the import.
	for range 4 {
		if !d.Undo() {
			t.Fatal("nothing to undo")
		}
	}
	if got := d.Atlas().Places[i]; got.Point != texas || got.Provenance.Corrected || got.Role != atlas.RoleSetting {
		t.Errorf("after undoing everything: point %v corrected %v role %s; want %v, false, setting", got.Point, got.Provenance.Corrected, got.Role, texas)
	}
	if d.Rejected("Paris") {
		t.Error("the rejection was not undone")
	}
	for range 4 {
		if !d.Redo() {
			t.Fatal("nothing to redo")
		}
	}
	if d.Atlas().Place(q.ID) != nil || d.CanRedo() {
		t.Errorf("after redoing everything Paris is back or more to redo")
	}
	// A later import does not propose Paris again.
	a := imported(t, d, "paris-again.txt", paris)
	if a.Skipped == 0 || slices.Contains(names(d.Atlas()), "Paris") {
		t.Errorf("Paris proposed again: %+v, %q", a, names(d.Atlas()))
	}
}

func TestSaveWritesWhatLoadReadsBack(t *testing.T) {
	dir := t.TempDir()
	d := document.New(nil, nil, "", false)
	imported(t, d, "tbilisi.txt", georgia)
	imported(t, d, "paris.txt", paris)
	if err := d.Move(0, orb.Point{44.8, 41.7}); err != nil {
		t.Fatal(err)
	}
	if err := d.Save(); !errors.Is(err, document.ErrNoName) {
		t.Errorf("Save of a new document: %v, want ErrNoName", err)
	}
	file := filepath.Join(dir, "mine.geojson")
	if err := d.SaveAs(file); err != nil {
		t.Fatal(err)
	}
	if d.Dirty() || d.Path() != file {
		t.Errorf("after saving: dirty %v, path %q", d.Dirty(), d.Path())
	}
	back, err := atlas.LoadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Warnings) > 0 {
		t.Errorf("warnings: %v", back.Warnings)
	}
	if probs := atlas.Verify(back, atlas.ReportsDir(file)); len(probs) > 0 {
		t.Errorf("excerpts not in the saved texts: %v", probs)
	}
	want := d.Atlas()
	if len(back.Places) != len(want.Places) || len(back.Reports) != len(want.Reports) {
		t.Fatalf("read back %d places, %d reports; want %d, %d", len(back.Places), len(back.Reports), len(want.Places), len(want.Reports))
	}
	for i := range want.Places {
		w, g := &want.Places[i], &back.Places[i]
		if g.ID != w.ID || g.Name != w.Name || g.Point != w.Point || g.Role != w.Role || !slices.Equal(g.Excerpts, w.Excerpts) ||
			(g.Provenance == nil) != (w.Provenance == nil) || g.Provenance != nil && (g.Provenance.Gazetteer != w.Provenance.Gazetteer ||
			g.Provenance.Confidence != w.Provenance.Confidence || g.Provenance.Corrected != w.Provenance.Corrected) {
			t.Errorf("place %d read back as %+v, want %+v", i, g, w)
		}
	}
	if !back.Places[0].Provenance.Corrected {
		t.Error("the moved place is not marked corrected in the file")
	}
	// Saving again writes nothing new beside it and leaves no temporary file.
	if err := d.Save(); err != nil {
		t.Fatal(err)
	}
	var files []string
	filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			files = append(files, filepath.ToSlash(rel))
		}
		return nil
	})
	if want := []string{"mine.geojson", "reports/paris.txt", "reports/tbilisi.txt"}; !slices.Equal(files, want) {
		t.Errorf("files in the folder: %q, want %q", files, want)
	}
}

func TestSaveNeverOverwritesAnotherText(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "reports"), 0o755); err != nil {
		t.Fatal(err)
	}
	theirs := filepath.Join(dir, "reports", "paris.txt")
	if err := os.WriteFile(theirs, []byte("someone else's text"), 0o644); err != nil {
		t.Fatal(err)
	}
	d := document.New(nil, nil, "", false)
	imported(t, d, "paris.txt", paris)
	file := filepath.Join(dir, "p.geojson")
	if err := d.SaveAs(file); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(theirs); string(b) != "someone else's text" {
		t.Errorf("an existing text was overwritten: %q", b)
	}
	back, err := atlas.LoadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if f := back.Reports[0].File; f != "reports/paris-2.txt" {
		t.Errorf("report saved as %q, want reports/paris-2.txt", f)
	}
	if probs := atlas.Verify(back, atlas.ReportsDir(file)); len(probs) > 0 {
		t.Errorf("verify: %v", probs)
	}
}

func TestBuiltinIsNeverWrittenOver(t *testing.T) {
	d := document.New(nil, nil, "places.geojson", true)
	if err := d.Save(); !errors.Is(err, document.ErrBuiltin) || !d.NeedsName() {
		t.Errorf("Save of the built-in reports: %v, needs name %v", err, d.NeedsName())
	}
}
