#!/usr/bin/env bash
# run.sh installs what is missing and opens reportmap. Arguments are passed
# on: scripts/run.sh my-places.geojson
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
if ! command -v go >/dev/null 2>&1; then export PATH="/usr/local/go/bin:$PATH"; fi
go build -o reportmap .
exec ./reportmap "$@"
