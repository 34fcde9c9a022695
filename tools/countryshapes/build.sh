#!/bin/sh
# Regenerates gazetteer/data/country-shapes.bin.gz from Natural Earth 1:50m
# admin-0 (npm world-atlas@2.0.2) and world-countries@5.1.0's ISO codes, at
# these exact versions. Run from the repository root:
# tools/countryshapes/build.sh. Needs npm and Go.
set -eu
root=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
for p in world-atlas@2.0.2 world-countries@5.1.0; do
	npm pack --silent "$p" >/dev/null
done
for t in *.tgz; do
	d=${t%-*.tgz}
	mkdir -p "$d"
	tar -xzf "$t" -C "$d" --strip-components=1
done
cd "$root"
go run ./tools/countryshapes -src "$tmp" -out gazetteer/data "$@"
