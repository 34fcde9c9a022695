// build.mjs turns Natural Earth 1:50m (via world-atlas 2.0.2 TopoJSON) into
// three gzipped files in tools/basemap/out/ (not committed), which the Go
// step of build.sh (tools/basemap/bin) projects, simplifies and packs into
// mapview/basemap/data/world.bin.gz, the file the app embeds:
//
//   land.geojson.gz       land polygons (lakes are holes), GeoJSON
//   borders.geojson.gz    shared country borders only, one MultiLineString
//   countries.json.gz     [{name, lon, lat, area}] label points, largest first
//
// Coordinates are longitude/latitude in degrees rounded to 4 decimals (label
// points to 3). Run it through build.sh, which installs the pinned packages
// first and runs the Go step after. The output is deterministic: the same inputs give the same bytes.

import { readFileSync, writeFileSync, mkdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync, constants } from "node:zlib";
import { feature, mesh } from "topojson-client";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const outDir = join(here, "out");

const readTopo = (name) =>
  JSON.parse(readFileSync(require.resolve(`world-atlas/${name}`), "utf8"));

const countriesTopo = readTopo("countries-50m.json");
const landTopo = readTopo("land-50m.json");

// round returns v rounded to d decimals, without negative zero.
const round = (v, d) => {
  const f = 10 ** d;
  const r = Math.round(v * f) / f;
  return r === 0 ? 0 : r;
};

// roundLine rounds every point of a line and drops consecutive duplicates.
const roundLine = (line) => {
  const out = [];
  for (const [x, y] of line) {
    const p = [round(x, 4), round(y, 4)];
    const q = out[out.length - 1];
    if (!q || q[0] !== p[0] || q[1] !== p[1]) out.push(p);
  }
  return out;
};

// roundRing rounds a closed ring; it returns null when fewer than three
// distinct points survive.
const roundRing = (ring) => {
  const out = roundLine(ring);
  const a = out[0];
  const b = out[out.length - 1];
  if (a[0] !== b[0] || a[1] !== b[1]) out.push([a[0], a[1]]);
  return out.length >= 4 ? out : null;
};

// roundPolygon rounds every ring; a polygon whose outer ring collapses is dropped.
const roundPolygon = (rings) => {
  const out = [];
  for (let i = 0; i < rings.length; i++) {
    const r = roundRing(rings[i]);
    if (r) out.push(r);
    else if (i === 0) return null;
  }
  return out;
};

const polygonsOfRaw = (geom) => {
  if (!geom) return [];
  if (geom.type === "Polygon") return [geom.coordinates];
  if (geom.type === "MultiPolygon") return geom.coordinates;
  if (geom.type === "GeometryCollection") return geom.geometries.flatMap(polygonsOfRaw);
  return [];
};

// ringArea is the planar area of a ring in square degrees, unsigned.
const ringArea = (ring) => {
  let s = 0;
  for (let i = 0, n = ring.length - 1; i < n; i++) {
    s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  }
  return Math.abs(s / 2);
};

const polygonArea = (rings) =>
  Math.max(0, ringArea(rings[0]) - rings.slice(1).reduce((s, r) => s + ringArea(r), 0));

// ringCentroid is the area centroid of a ring in lon/lat, or the vertex mean
// for a degenerate ring.
const ringCentroid = (ring) => {
  let a = 0, cx = 0, cy = 0;
  for (let i = 0, n = ring.length - 1; i < n; i++) {
    const [x0, y0] = ring[i];
    const [x1, y1] = ring[i + 1];
    const c = x0 * y1 - x1 * y0;
    a += c;
    cx += (x0 + x1) * c;
    cy += (y0 + y1) * c;
  }
  if (Math.abs(a) < 1e-12) {
    const n = ring.length - 1;
    return [ring.slice(0, n).reduce((s, p) => s + p[0], 0) / n,
            ring.slice(0, n).reduce((s, p) => s + p[1], 0) / n];
  }
  return [cx / (3 * a), cy / (3 * a)];
};

// crossings returns the sorted longitudes where the rings cross latitude y.
const crossings = (rings, y) => {
  const xs = [];
  for (const ring of rings) {
    for (let i = 0, n = ring.length - 1; i < n; i++) {
      const [x0, y0] = ring[i];
      const [x1, y1] = ring[i + 1];
      if ((y0 <= y) !== (y1 <= y)) xs.push(x0 + ((y - y0) / (y1 - y0)) * (x1 - x0));
    }
  }
  return xs.sort((a, b) => a - b);
};

const inside = (rings, [x, y]) => {
  const xs = crossings(rings, y);
  let n = 0;
  for (const c of xs) if (c < x) n++;
  return n % 2 === 1;
};

// labelPoint is the centroid of the polygon's outer ring when it lies inside
// the polygon, else the middle of the widest interior span of a few
// horizontal scan lines (the one nearest the centroid's latitude wins ties).
const labelPoint = (rings) => {
  const c = ringCentroid(rings[0]);
  if (inside(rings, c)) return c;
  let minY = Infinity, maxY = -Infinity;
  for (const [, y] of rings[0]) { minY = Math.min(minY, y); maxY = Math.max(maxY, y); }
  let best = null, bestW = -1, bestD = Infinity;
  const steps = 41;
  for (let k = 1; k < steps; k++) {
    const y = minY + ((maxY - minY) * k) / steps;
    const xs = crossings(rings, y);
    for (let i = 0; i + 1 < xs.length; i += 2) {
      const w = xs[i + 1] - xs[i];
      const d = Math.abs(y - c[1]);
      if (w > bestW * 1.0001 || (w > bestW * 0.9999 && d < bestD)) {
        best = [(xs[i] + xs[i + 1]) / 2, y]; bestW = w; bestD = d;
      }
    }
  }
  return best ?? c;
};

// Antimeridian. world-atlas stitches Natural Earth's shapes on the sphere, so
// a few rings (Russia, Wrangel Island, a Fiji islet, Antarctica) jump from
// +180 to -180 and back, and Antarctica's ring runs once round the pole with
// an extra ring hugging the pole. unwrap makes a ring's longitudes continuous
// and closes a ring that goes once round the globe through the pole; cutRing
// then clips the result to [-180, 180], moving what lies beyond by 360°.

// unwrap returns the ring with continuous longitudes, or null for a ring that
// lies within a degree of a pole (the pole ring).
const unwrap = (ring) => {
  if (ring.every(([, y]) => Math.abs(y) > 89)) return null;
  const out = [[ring[0][0], ring[0][1]]];
  let off = 0;
  for (let k = 1; k < ring.length; k++) {
    const dx = ring[k][0] - ring[k - 1][0];
    if (dx > 180) off -= 360;
    else if (dx < -180) off += 360;
    out.push([ring[k][0] + off, ring[k][1]]);
  }
  if (off !== 0) {
    // Once round the globe: close the ring along the nearer pole.
    const meanLat = ring.reduce((s, p) => s + p[1], 0) / ring.length;
    const pole = meanLat < 0 ? -90 : 90;
    const first = out[0];
    const last = out[out.length - 1];
    out.push([last[0], pole], [first[0], pole], [first[0], first[1]]);
  }
  return out;
};

// clipX clips a closed ring to the half-plane keep(x) (Sutherland–Hodgman),
// where the boundary is the vertical line at x = edge.
const clipX = (ring, edge, keep) => {
  const out = [];
  for (let i = 0; i + 1 < ring.length; i++) {
    const p = ring[i];
    const q = ring[i + 1];
    const pin = keep(p[0]);
    const qin = keep(q[0]);
    if (pin) out.push(p);
    if (pin !== qin) {
      const t = (edge - p[0]) / (q[0] - p[0]);
      out.push([edge, p[1] + t * (q[1] - p[1])]);
    }
  }
  if (out.length) out.push(out[0]);
  return out;
};

// cutRing returns the pieces of a ring within [-180, 180] longitude.
const cutRing = (ring) => {
  const u = unwrap(ring);
  if (!u) return [];
  let minX = Infinity, maxX = -Infinity;
  for (const [x] of u) { minX = Math.min(minX, x); maxX = Math.max(maxX, x); }
  if (minX >= -180 && maxX <= 180) return [u];
  const pieces = [];
  for (const s of [-360, 0, 360]) {
    if (maxX + s <= -180 || minX + s >= 180) continue;
    let r = u.map(([x, y]) => [x + s, y]);
    r = clipX(r, -180, (x) => x >= -180);
    r = clipX(r, 180, (x) => x <= 180);
    if (r.length >= 4 && ringArea(r) > 1e-9) pieces.push(r);
  }
  return pieces;
};

// cutPolygon splits a polygon that crosses the antimeridian into polygons
// that do not; each hole goes with the piece that contains it.
const cutPolygon = (polygon) => {
  // The pole ring may come first (countries-50m) or second (land-50m).
  const rings = polygon.filter((r) => !r.every(([, y]) => Math.abs(y) > 89));
  if (rings.length === 0) return [];
  const crosses = (r) => r.some((p, k) => k > 0 && Math.abs(p[0] - r[k - 1][0]) > 180);
  if (!rings.some(crosses)) return [rings];
  const outers = cutRing(rings[0]).map((r) => [r]);
  for (const hole of rings.slice(1)) {
    for (const h of cutRing(hole)) {
      const home = outers.find((o) => inside([o[0]], h[0])) ?? outers.find((o) => inside([o[0]], ringCentroid(h)));
      if (home) home.push(h);
    }
  }
  return outers;
};

const polygonsOf = (geom) => polygonsOfRaw(geom).flatMap(cutPolygon);

// land: one GeoJSON FeatureCollection.
const landFC = feature(landTopo, landTopo.objects.land);
const land = {
  type: "FeatureCollection",
  features: landFC.features.map((f) => ({
    type: "Feature",
    properties: {},
    geometry: {
      type: "MultiPolygon",
      coordinates: polygonsOf(f.geometry).map(roundPolygon).filter(Boolean),
    },
  })),
};

// borders: arcs shared by two different countries (no coastlines).
const borderMesh = mesh(countriesTopo, countriesTopo.objects.countries, (a, b) => a !== b);
const borders = {
  type: "FeatureCollection",
  features: [{
    type: "Feature",
    properties: {},
    geometry: {
      type: "MultiLineString",
      coordinates: borderMesh.coordinates.map(roundLine).filter((l) => l.length >= 2),
    },
  }],
};

// countries: label points.
const countryFC = feature(countriesTopo, countriesTopo.objects.countries);
const countries = [];
for (const f of countryFC.features) {
  const name = f.properties && f.properties.name;
  const polys = polygonsOf(f.geometry);
  if (!name || polys.length === 0) continue;
  let largest = polys[0], largestArea = -1, total = 0;
  for (const p of polys) {
    const a = polygonArea(p);
    total += a;
    if (a > largestArea) { largest = p; largestArea = a; }
  }
  const [lon, lat] = labelPoint(largest);
  countries.push({
    name,
    lon: round(lon, 3),
    lat: round(lat, 3),
    area: Number(total.toPrecision(4)),
  });
}
countries.sort((a, b) => b.area - a.area || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

mkdirSync(outDir, { recursive: true });
const write = (name, value) => {
  const json = Buffer.from(JSON.stringify(value));
  const gz = gzipSync(json, { level: constants.Z_BEST_COMPRESSION, memLevel: 9 });
  const path = join(outDir, name);
  writeFileSync(path, gz);
  return { name, path, raw: json.length, gz: statSync(path).size };
};

const countPoints = (c) => (typeof c[0] === "number" ? 1 : c.reduce((s, x) => s + countPoints(x), 0));

const results = [
  write("land.geojson.gz", land),
  write("borders.geojson.gz", borders),
  write("countries.json.gz", countries),
];
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
let total = 0;
for (const r of results) {
  total += r.gz;
  console.log(`${relative(process.cwd(), r.path).padEnd(44)} ${kb(r.gz).padStart(10)}  (${kb(r.raw)} uncompressed)`);
}
console.log(`${"total".padEnd(44)} ${kb(total).padStart(10)}`);
console.log(`land: ${land.features[0].geometry.coordinates.length} polygons, ` +
  `${countPoints(land.features[0].geometry.coordinates)} points; ` +
  `borders: ${borders.features[0].geometry.coordinates.length} lines, ` +
  `${countPoints(borders.features[0].geometry.coordinates)} points; ` +
  `countries: ${countries.length}`);
