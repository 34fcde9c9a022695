package atlas_test

import (
	"fmt"
	"strings"
	"testing"
	"unsafe"

	"reportmap/atlas"
)

// TestEnumStrings checks String for each value of Role, Kind and
// MarkerSize in turn from 0, the last a value with no name.
func TestEnumStrings(t *testing.T) {
	checkStrings(t, atlas.Role(0), "", "setting", "mentioned", "Role(3)")
	checkStrings(t, atlas.KindUnknown, "", "city", "region", "country", "sea", "area", "Kind(6)")
	checkStrings(t, atlas.MarkerDefault, "", "small", "medium", "large", "MarkerSize(4)")
	if got := atlas.Kind(200).String(); got != "Kind(200)" {
		t.Errorf("Kind(200).String() = %q; want %q", got, "Kind(200)")
	}
}

// checkStrings checks that value i of zero's type has String want[i].
func checkStrings[T interface {
	~uint8
	fmt.Stringer
}](t *testing.T, zero T, want ...string) {
	t.Helper()
	for i, w := range want {
		if got := (zero + T(i)).String(); got != w {
			t.Errorf("%T(%d).String() = %q; want %q", zero, i, got, w)
		}
	}
}

// TestLoadEnums loads every role, kind and marker size a file may give and
// encodes each place back to the same member.
func TestLoadEnums(t *testing.T) {
	type enums struct {
		role atlas.Role
		kind atlas.Kind
		size atlas.MarkerSize
	}
	tests := []struct {
		props string // role, kind and marker-size members
		want  enums
	}{
		{`"role":"setting"`, enums{atlas.RoleSetting, atlas.KindUnknown, atlas.MarkerDefault}},
		{`"role":"mentioned","kind":"city","marker-size":"small"`, enums{atlas.RoleMentioned, atlas.KindCity, atlas.MarkerSmall}},
		{`"role":"setting","kind":"region","marker-size":"medium"`, enums{atlas.RoleSetting, atlas.KindRegion, atlas.MarkerMedium}},
		{`"role":"mentioned","kind":"country","marker-size":"large"`, enums{atlas.RoleMentioned, atlas.KindCountry, atlas.MarkerLarge}},
		{`"role":"setting","kind":"sea"`, enums{atlas.RoleSetting, atlas.KindSea, atlas.MarkerDefault}},
		{`"role":"setting","kind":"area"`, enums{atlas.RoleSetting, atlas.KindArea, atlas.MarkerDefault}},
	}
	for _, tt := range tests {
		in := fc(pt(`[1,2]`, `{"id":"p","name":"P",`+tt.props+`,"excerpts":[{"report":"r","text":"t"}]}`))
		a, err := atlas.Load("enums.geojson", []byte(in))
		if err != nil {
			t.Fatalf("%s: %v", tt.props, err)
		}
		if len(a.Warnings) > 0 {
			t.Errorf("%s: warnings %v", tt.props, a.Warnings)
		}
		p := a.Places[0]
		if got := (enums{p.Role, p.Kind, p.MarkerSize}); got != tt.want {
			t.Errorf("%s: loaded %v, %v, %v; want %v, %v, %v", tt.props, got.role, got.kind, got.size, tt.want.role, tt.want.kind, tt.want.size)
		}
		a.Reports = []atlas.Report{{ID: "r", Title: "R"}}
		out, err := atlas.Encode(a)
		if err != nil {
			t.Fatalf("%s: Encode: %v", tt.props, err)
		}
		for _, m := range strings.Split(tt.props, ",") {
			m = strings.Replace(m, `":"`, `": "`, 1) // Encode indents
			if !strings.Contains(string(out), m) {
				t.Errorf("%s: Encode wrote %s; want %s in it", tt.props, out, m)
			}
		}
	}
}

// TestPlaceSize keeps a Place within its share of issue 13's budget of a
// million places in 0.9 GB: a field added in the wrong spot pads it.
func TestPlaceSize(t *testing.T) {
	if got := unsafe.Sizeof(atlas.Place{}); got > 168 {
		t.Errorf("a Place is %d bytes; want at most 168", got)
	}
}
