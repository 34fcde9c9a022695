#!/bin/sh
# build.sh regenerates mapview/basemap/data from Natural Earth 1:50m
# (world-atlas 2.0.2). Needs Node 18+ and npm; run from anywhere.
set -eu
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
node build.mjs
