#!/usr/bin/env bash
# test.sh installs what is missing and runs every check and test: gofmt,
# go vet, staticcheck, the unit and widget tests, the same under the race
# detector, 30 s of fuzzing the loader, and the real binary in a real
# window under Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh --test
if ! command -v go >/dev/null 2>&1; then export PATH="/usr/local/go/bin:$PATH"; fi

echo "== gofmt"
unformatted=$(gofmt -l $(find . -name '*.go' -not -path './.git/*'))
if [[ -n "$unformatted" ]]; then
	echo "gofmt would change:"; echo "$unformatted"; exit 1
fi
echo "== go vet"
go vet ./...
echo "== staticcheck"
go run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...
echo "== go test"
go test -count=1 ./...
echo "== go test -race"
go test -race -count=1 ./...
echo "== fuzz FuzzLoad 30s"
go test -run='^$' -fuzz=FuzzLoad -fuzztime=30s ./atlas/
echo "== real window"
scripts/window-test.sh
echo "== all checks passed"
