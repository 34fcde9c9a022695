package atlas

import (
	"fmt"
	"strconv"

	"github.com/tidwall/gjson"
)

// feature decodes feature i and adds it to the atlas, or records why not.
func (l *loader) feature(i int, f gjson.Result) {
	if !f.IsObject() {
		l.skip(i, "is %s; want a Feature object", describe(f))
		return
	}
	var typ, id, geom, props gjson.Result
	f.ForEach(func(k, v gjson.Result) bool {
		switch k.Str {
		case "type":
			typ = v
		case "id":
			id = v
		case "geometry":
			geom = v
		case "properties":
			props = v
		}
		return true
	})
	if typ.Type != gjson.String || typ.Str != "Feature" {
		l.skip(i, `"type" is %s; want "Feature"`, describe(typ))
		return
	}
	switch {
	case !geom.Exists():
		l.skip(i, `has no "geometry" member, so the place has no location`)
		return
	case geom.Type == gjson.Null:
		l.skip(i, "geometry is null, so the place has no location")
		return
	}
	p := Place{Feature: i, Role: RoleMentioned}
	if msg := readGeometry(&p, geom); msg != "" {
		l.skip(i, "%s", msg)
		return
	}
	var warnings []string
	if msg := readProperties(&p, props, l.reportsGiven, l.atlas.reportIndex, &warnings); msg != "" {
		l.skip(i, "%s", msg)
		return
	}
	for _, w := range warnings {
		l.warn(i, "%s", w)
	}
	l.add(&p, id)
}

// add gives p its id and name and appends it. featureID is the feature's
// own "id" member, used when the properties give none.
func (l *loader) add(p *Place, featureID gjson.Result) {
	i := p.Feature
	if p.ID == "" {
		switch featureID.Type {
		case gjson.String:
			p.ID = str(featureID)
		case gjson.Number:
			p.ID = featureID.Raw
		}
	}
	if p.ID == "" {
		p.ID = Slug(p.Name)
	}
	if p.ID == "" {
		p.ID = Slug(p.Title)
	}
	if p.ID == "" {
		p.ID = "feature-" + strconv.Itoa(i)
	}
	if p.Name == "" {
		p.Name = p.Title
		if p.Name == "" {
			p.Name = p.ID
		}
		l.warn(i, "has no name; shown as %q", p.Name)
	}
	if j, dup := l.atlas.placeIndex[p.ID]; dup {
		id := p.ID
		for n := 2; ; n++ {
			p.ID = fmt.Sprintf("%s-%d", id, n)
			if _, taken := l.atlas.placeIndex[p.ID]; !taken {
				break
			}
		}
		l.warn(i, "id %q is already used by feature %d; renamed %q", id, l.atlas.Places[j].Feature, p.ID)
	}
	l.atlas.placeIndex[p.ID] = len(l.atlas.Places)
	l.atlas.Places = append(l.atlas.Places, *p)
}
