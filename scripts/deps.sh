#!/usr/bin/env bash
# deps.sh installs what reportmap needs on Debian or Ubuntu and nothing that
# is already there: the C libraries Fyne builds against, Go if it is
# missing, and the Go modules. With --test it also installs what the window
# tests use (Xvfb, xdotool, ImageMagick, Tesseract to read the screen back).
# Uses sudo when not run as root.
set -euo pipefail
cd "$(dirname "$0")/.."

build_pkgs=(gcc libc6-dev pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev
	libxinerama-dev libxi-dev libxxf86vm-dev git ca-certificates)
test_pkgs=(xvfb xauth libgl1-mesa-dri xdotool imagemagick tesseract-ocr tesseract-ocr-eng)

pkgs=("${build_pkgs[@]}")
if [[ "${1:-}" == "--test" ]]; then
	pkgs+=("${test_pkgs[@]}")
fi
command -v go >/dev/null 2>&1 || [[ -x /usr/local/go/bin/go ]] || pkgs+=(golang-go)

missing=()
for p in "${pkgs[@]}"; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
		missing+=("$p")
	fi
done
if ((${#missing[@]})); then
	if ! command -v apt-get >/dev/null 2>&1; then
		echo "deps: missing ${missing[*]}, and there is no apt-get to install them; install them by hand" >&2
		exit 1
	fi
	sudo=""
	if [[ $(id -u) -ne 0 ]]; then sudo=sudo; fi
	echo "deps: installing ${missing[*]}"
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Go: reportmap needs 1.26. Any Go from 1.21 on fetches 1.26 by itself
# through the module proxy (GOTOOLCHAIN=auto).
if ! command -v go >/dev/null 2>&1 && [[ -x /usr/local/go/bin/go ]]; then
	export PATH="/usr/local/go/bin:$PATH"
fi
minor=$(go env GOVERSION | sed -E 's/^go1\.([0-9]+).*/\1/')
if ((minor < 21)); then
	echo "deps: $(go env GOVERSION) is too old to fetch Go 1.26 by itself; install Go 1.26 from https://go.dev/dl/" >&2
	exit 1
fi
go mod download
