package document

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"slices"

	"github.com/paulmach/orb"

	"reportmap/atlas"
	"reportmap/gazetteer"
	"reportmap/geoparse"
)

// MaxUndo is how many edits Undo can take back.
const MaxUndo = 200

// ErrNoPlace is returned by an edit given a place index out of range.
var ErrNoPlace = errors.New("document: no such place")

// ErrNoEntry is returned when a gazetteer entry asked for does not exist.
var ErrNoEntry = errors.New("document: no such gazetteer entry")

// Document is an open places file and its reports, with the edits made
// since it was opened. See the package comment for goroutine safety.
type Document struct {
	atlas   *atlas.Atlas
	base    fs.FS // the folder of the report texts on disk, or embedded
	path    string
	builtin bool
	saved   int // len(undo) when last saved or opened; -1 when no state is
	s       snapshot
	undo    []edit
	redo    []edit
}

// snapshot is everything an edit can change. Its slices are never
// written in place: an edit builds new ones, so a snapshot is a cheap
// shallow copy.
type snapshot struct {
	places   []atlas.Place
	reports  []atlas.Report
	texts    map[string]string // imported, unsaved texts by slash path
	rejected map[string]bool   // folded names the reader said are not places
}

// edit is one undoable change.
type edit struct {
	label  string
	before snapshot
	after  snapshot
}

// New returns the document of atlas a, whose report texts are read from
// texts (nil when it has none), saved at path ("" for a new document).
// builtin marks the embedded reports: Save never writes over them.
func New(a *atlas.Atlas, texts fs.FS, path string, builtin bool) *Document {
	if a == nil {
		a = atlas.New("", nil, nil)
	}
	return &Document{atlas: a, base: texts, path: path, builtin: builtin,
		s: snapshot{places: a.Places, reports: a.Reports, texts: map[string]string{}, rejected: map[string]bool{}}}
}

// Atlas returns the document's places and reports as they are now. It is
// a new value after every edit, Undo and Redo: do not keep it.
func (d *Document) Atlas() *atlas.Atlas { return d.atlas }

// Texts returns the folder of the report texts: imported ones from
// memory, the others from disk (or the embedded folder).
func (d *Document) Texts() fs.FS { return overlay{base: d.base, texts: d.s.texts} }

// Path returns where the document is saved, "" for a new one.
func (d *Document) Path() string {
	if d.builtin {
		return ""
	}
	return d.path
}

// Builtin reports whether the document is the embedded reports.
func (d *Document) Builtin() bool { return d.builtin }

// NeedsName reports whether Save must ask where to save: a new document,
// or the embedded reports, which are never written over.
func (d *Document) NeedsName() bool { return d.path == "" || d.builtin }

// Dirty reports whether the document has changes not saved.
func (d *Document) Dirty() bool { return d.saved != len(d.undo) }

// Rejected reports whether the reader said name is not a place.
func (d *Document) Rejected(name string) bool { return d.s.rejected[gazetteer.Fold(name)] }

// CanUndo and CanRedo report whether there is an edit to take back or
// make again; UndoLabel and RedoLabel name it ("Not a place: Rocha").
func (d *Document) CanUndo() bool { return len(d.undo) > 0 }

// CanRedo reports whether there is an edit to make again.
func (d *Document) CanRedo() bool { return len(d.redo) > 0 }

// UndoLabel names the edit Undo takes back, "" if none.
func (d *Document) UndoLabel() string { return top(d.undo) }

// RedoLabel names the edit Redo makes again, "" if none.
func (d *Document) RedoLabel() string { return top(d.redo) }

// top is the label of the last edit of a stack, "" if none.
func top(stack []edit) string {
	if len(stack) == 0 {
		return ""
	}
	return stack[len(stack)-1].label
}

// Undo takes back the last edit; false when there is none.
func (d *Document) Undo() bool {
	if len(d.undo) == 0 {
		return false
	}
	e := d.undo[len(d.undo)-1]
	d.undo = d.undo[:len(d.undo)-1]
	d.redo = append(d.redo, e)
	d.set(e.before)
	return true
}

// Redo makes the last edit taken back again; false when there is none.
func (d *Document) Redo() bool {
	if len(d.redo) == 0 {
		return false
	}
	e := d.redo[len(d.redo)-1]
	d.redo = d.redo[:len(d.redo)-1]
	d.undo = append(d.undo, e)
	d.set(e.after)
	return true
}

// set makes s the current state and rebuilds the atlas over it.
func (d *Document) set(s snapshot) {
	d.s = s
	d.atlas = atlas.New(d.atlas.File, s.reports, s.places)
}

// begin returns a copy of the current state to change; commit records it.
func (d *Document) begin() snapshot {
	return snapshot{places: slices.Clone(d.s.places), reports: slices.Clone(d.s.reports),
		texts: maps.Clone(d.s.texts), rejected: maps.Clone(d.s.rejected)}
}

// commit makes next the current state as the edit label.
func (d *Document) commit(label string, next snapshot) {
	d.undo = append(d.undo, edit{label: label, before: d.s, after: next})
	if len(d.undo) > MaxUndo {
		d.undo = slices.Delete(d.undo, 0, 1)
		d.saved-- // the saved state may now be beyond reach: never clean again
	}
	if d.saved > len(d.undo) {
		d.saved = -1 // the saved state was undone and then replaced
	}
	d.redo = nil
	d.set(next)
}

// place returns a copy of place i of s, corrected, for an edit.
func (s *snapshot) place(i int) (*atlas.Place, error) {
	if i < 0 || i >= len(s.places) {
		return nil, fmt.Errorf("%w: %d", ErrNoPlace, i)
	}
	p := &s.places[i]
	if p.Provenance != nil {
		pv := *p.Provenance
		pv.Corrected = true
		p.Provenance = &pv
	} else {
		p.Provenance = &atlas.Provenance{Corrected: true}
	}
	return p, nil
}

// Move puts place i's marker at pt (longitude, latitude in degrees).
func (d *Document) Move(i int, pt orb.Point) error {
	s := d.begin()
	p, err := s.place(i)
	if err != nil {
		return err
	}
	p.Point = pt
	p.Geometry = nil
	d.commit("Move "+p.Name, s)
	return nil
}

// SetRole makes place i a setting or a mention of every report that
// quotes it, and keeps the reports' settings lists in step.
func (d *Document) SetRole(i int, r atlas.Role) error {
	s := d.begin()
	p, err := s.place(i)
	if err != nil {
		return err
	}
	if p.Role == r {
		return nil
	}
	p.Role = r
	quoted := p.Reports()
	for k := range s.reports {
		rep := &s.reports[k]
		if !slices.Contains(quoted, rep.ID) {
			continue
		}
		settings := slices.DeleteFunc(slices.Clone(rep.Settings), func(id string) bool { return id == p.ID })
		if r == atlas.RoleSetting {
			settings = append(settings, p.ID)
		}
		rep.Settings = settings
	}
	label := "Mark " + p.Name + " as mentioned"
	if r == atlas.RoleSetting {
		label = "Mark " + p.Name + " as a setting"
	}
	d.commit(label, s)
	return nil
}

// Repoint makes place i the gazetteer entry e: its point, kind and
// canonical name (the written forms stay as aliases); the entry it was
// joins its alternatives. g, which may be nil, names that entry's
// country.
func (d *Document) Repoint(i int, e *gazetteer.Entry, g *gazetteer.Gazetteer) error {
	if e == nil {
		return ErrNoEntry
	}
	s := d.begin()
	p, err := s.place(i)
	if err != nil {
		return err
	}
	old := p.Name
	aliases := slices.Clone(p.Aliases)
	if !slices.Contains(aliases, old) && old != e.Name {
		aliases = append(aliases, old)
	}
	aliases = slices.DeleteFunc(aliases, func(a string) bool { return a == e.Name })
	p.Aliases = aliases
	p.Name = e.Name
	p.Point = e.Point
	p.Geometry = nil
	p.Kind = geoparse.KindOf(e.Kind, false)
	pv := p.Provenance
	// The entry chosen leaves the alternatives; the one left joins them.
	alts := slices.DeleteFunc(slices.Clone(pv.Alternatives), func(a atlas.Alternative) bool { return a.Gazetteer == e.ID.String() })
	if pv.Gazetteer != "" && pv.Gazetteer != e.ID.String() {
		alt := atlas.Alternative{Gazetteer: pv.Gazetteer, Name: old}
		if id, err := gazetteer.ParseID(pv.Gazetteer); err == nil && g != nil {
			if o := g.ByID(id); o != nil {
				alt.Name, alt.Country = o.Name, o.Country
			}
		}
		alts = append([]atlas.Alternative{alt}, alts...)
	}
	pv.Alternatives = alts
	pv.Gazetteer = e.ID.String()
	d.commit(fmt.Sprintf("Make %s %s", old, describeEntry(e)), s)
	return nil
}

// ChooseAlternative makes place i the gazetteer entry id, one of its
// alternatives or any other.
func (d *Document) ChooseAlternative(i int, g *gazetteer.Gazetteer, id string) error {
	gid, err := gazetteer.ParseID(id)
	if err != nil {
		return fmt.Errorf("%w: %q", ErrNoEntry, id)
	}
	e := g.ByID(gid)
	if e == nil {
		return fmt.Errorf("%w: %q", ErrNoEntry, id)
	}
	return d.Repoint(i, e, g)
}

// NotAPlace removes place i, and its name and aliases are not proposed
// again by later imports into this document.
func (d *Document) NotAPlace(i int) error {
	s := d.begin()
	if i < 0 || i >= len(s.places) {
		return fmt.Errorf("%w: %d", ErrNoPlace, i)
	}
	p := s.places[i]
	for _, n := range p.Names() {
		s.rejected[gazetteer.Fold(n)] = true
	}
	s.places = slices.Delete(s.places, i, i+1)
	for k := range s.reports {
		if slices.Contains(s.reports[k].Settings, p.ID) {
			s.reports[k].Settings = slices.DeleteFunc(slices.Clone(s.reports[k].Settings), func(id string) bool { return id == p.ID })
		}
	}
	d.commit("Not a place: "+p.Name, s)
	return nil
}

// describeEntry says what an entry is, for labels: "Washington (US-WA,
// region)".
func describeEntry(e *gazetteer.Entry) string {
	where := e.Country
	if e.Kind == gazetteer.KindAdmin1 || e.Country == "" {
		where = e.ID.Key
	}
	if where == "" {
		return e.Name
	}
	return e.Name + " (" + where + ")"
}
