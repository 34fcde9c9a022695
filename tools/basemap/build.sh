#!/bin/sh
# build.sh regenerates mapview/basemap/data/world.bin.gz from Natural Earth
# 1:50m (world-atlas 2.0.2): the npm step writes land, borders and label
# points as gzipped GeoJSON/JSON to out/ (not committed), then the Go step
# (bin) projects, simplifies and packs them. Needs Node 18+, npm and Go;
# run from anywhere.
set -eu
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
node build.mjs
go run ./bin -src out -out ../../mapview/basemap/data/world.bin.gz
