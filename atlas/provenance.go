package atlas

import (
	"fmt"

	"github.com/valyala/fastjson"
)

// Provenance says how a place was found: for places the geoparser found
// (reportmap -import or import in the app); nil for places made by hand.
type Provenance struct {
	Gazetteer    string        // the gazetteer entry, e.g. "geonames:2988507", "ne:RU-KRS", "country:FR", "curated:english-channel"; "" when placed by hand
	Confidence   float64       // 0–1: how sure the geoparser was
	Reasons      []string      // the rules that fired, in words
	Alternatives []Alternative // other entries the name could mean, best first
	Corrected    bool          // the reader changed the place (moved it, chose another entry, changed its role)
}

// LowConfidence is the confidence under which a place the geoparser
// found is worth a reader's check. On the six held-out sets it flags 35%
// of the places found wrongly and 5% of those found rightly.
const LowConfidence = 0.7

// NeedsCheck reports whether the reader should check the place: the
// geoparser found it (Found) with low confidence and nobody has corrected
// it.
func (p *Place) NeedsCheck() bool {
	return p.Found() && !p.Provenance.Corrected && p.Provenance.Gazetteer != "" && p.Provenance.Confidence < LowConfidence
}

// Found reports whether the geoparser found the place: it has a
// provenance with a confidence above 0 or at least one reason. The
// geoparser always writes both (its confidence is never under 0.17, and
// every place it finds has a reason). A place made by hand may carry a
// "gazetteer" id alone, naming the entry whose area the map draws for
// it; that gives it a Provenance but does not make it found, so it is
// never flagged for a check nor shown as the geoparser's.
func (p *Place) Found() bool {
	pv := p.Provenance
	return pv != nil && (pv.Confidence > 0 || len(pv.Reasons) > 0)
}

// Alternative is another gazetteer entry a place's name could mean.
type Alternative struct {
	Gazetteer string
	Name      string
	Country   string // ISO 3166-1 alpha-2, "" if none
}

// readProvenance reads the properties that say how the geoparser found
// the place: "gazetteer", "confidence", "alternatives", "reasons" and
// "corrected". Any of them present (not null) gives p a Provenance; one
// of the wrong type or value is left at its zero value with a warning.
func (fd *featureDecoder) readProvenance(p *Place, o *fastjson.Object, warn func(format string, args ...any)) {
	var pv Provenance
	found := false
	if v := o.Get("gazetteer"); !isNull(v) {
		found = true
		if isString(v) {
			pv.Gazetteer = fd.str(v, "gazetteer")
		} else {
			warn(`gazetteer is %s; want a string such as "geonames:2988507" (ignored)`, describe(v))
		}
	}
	if v := o.Get("confidence"); !isNull(v) {
		found = true
		ok := false
		if v.Type() == fastjson.TypeNumber {
			f, err := fd.number(v)
			if ok = err == nil && f >= 0 && f <= 1; ok {
				pv.Confidence = f
			}
		}
		if !ok {
			warn("confidence is %s; want a number from 0 to 1 (ignored)", describe(v))
		}
	}
	if v := o.Get("alternatives"); !isNull(v) {
		found = true
		var msg string
		pv.Alternatives, msg = fd.alternatives(v)
		if msg != "" {
			warn("%s (alternatives ignored)", msg)
		}
	}
	if v := o.Get("reasons"); !isNull(v) {
		found = true
		var ok bool
		if pv.Reasons, ok = stringList(v, func(s *fastjson.Value) string { return fd.str(s, "reasons") }); !ok {
			warn("reasons is %s; want a list of strings (ignored)", describe(v))
		}
	}
	if v := o.Get("corrected"); !isNull(v) {
		found = true
		switch v.Type() {
		case fastjson.TypeTrue:
			pv.Corrected = true
		case fastjson.TypeFalse:
		default:
			warn("corrected is %s; want true or false (ignored)", describe(v))
		}
	}
	if found {
		p.Provenance = fd.newProvenance()
		*p.Provenance = pv
	}
}

// newProvenance returns a new Provenance from a block of them, so that a
// file of imported places costs an allocation a few hundred places, not
// one a place; like the string arena's, a block lives as long as any of
// its places.
func (fd *featureDecoder) newProvenance() *Provenance {
	if len(fd.provenances) == cap(fd.provenances) {
		fd.provenances = make([]Provenance, 0, 256)
	}
	fd.provenances = fd.provenances[:len(fd.provenances)+1]
	return &fd.provenances[len(fd.provenances)-1]
}

// alternatives decodes the "alternatives" list, or says what is wrong
// with it. A member that is missing or null is "".
func (fd *featureDecoder) alternatives(v *fastjson.Value) ([]Alternative, string) {
	const want = `{"gazetteer": …, "name": …, "country": …}`
	if v.Type() != fastjson.TypeArray {
		return nil, "alternatives is " + describe(v) + "; want a list of " + want + " objects"
	}
	a := v.GetArray()
	if len(a) == 0 {
		return nil, ""
	}
	alts := make([]Alternative, len(a))
	for j, e := range a {
		o, err := e.Object()
		if err != nil {
			return nil, fmt.Sprintf("alternatives[%d] is %s; want %s", j, describe(e), want)
		}
		for _, f := range [...]struct {
			name string
			dst  *string
		}{{"gazetteer", &alts[j].Gazetteer}, {"name", &alts[j].Name}, {"country", &alts[j].Country}} {
			switch m := o.Get(f.name); {
			case isString(m):
				*f.dst = fd.str(m, "alternatives")
			case !isNull(m):
				return nil, fmt.Sprintf("alternatives[%d] %q is %s; want a string", j, f.name, describe(m))
			}
		}
	}
	return alts, ""
}
