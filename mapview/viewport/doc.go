// Package viewport does the Web Mercator arithmetic of a map view: lon/lat
// to pixels and back for a centre, a fractional zoom and a size; the
// visible bounds; fitting bounds with padding; zooming about a pixel so
// the place under the cursor stays put; and the world's horizontal wrap.
//
// It has no user-interface code, so it is tested on its own, and the map
// widget, its tests and scripts that need a place's pixel all use it.
//
// Three coordinate systems appear:
//   - lon/lat: degrees, as orb.Point{lon, lat};
//   - world: normalised Web Mercator, x in [0,1] eastward from -180°,
//     y in [0,1] southward from +85.0511°; one world unit is
//     TileSize·2^zoom pixels;
//   - pixels: from the view's top-left corner, x right, y down.
package viewport
