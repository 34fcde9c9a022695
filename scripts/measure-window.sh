#!/usr/bin/env bash
# measure-window.sh [-runs N] [FILE...] measures the real window as issue 13
# does: under Xvfb at 1280×800 it starts a Fyne hello-world (tools/hello,
# the baseline), reportmap on its embedded data, and reportmap on each
# FILE, RUNS times each (default 5), and prints for each run the first
# frame (ms since the process started, from -trace), the time until the
# file's places are on screen ("loaded" in the trace) and the peak RSS
# (VmHWM) once the window has settled. Nothing else should be running.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=5
if [[ ${1:-} == -runs ]]; then runs=$2; shift 2; fi
out=$(mktemp -d /tmp/reportmap-measure.XXXXXX)
go build -o "$out/reportmap" .
go build -o "$out/hello" ./tools/hello

source scripts/xvfb.sh
start_xvfb 191 240 "$out/xvfb.log"
pid=""
trap '[[ -n "$pid" ]] && kill "$pid" 2>/dev/null; kill "$xvfb" 2>/dev/null || true' EXIT
export XDG_CONFIG_HOME="$out/config"

# run NAME CMD...: one measured run; the log is in $out/NAME.log.
run() {
	local name=$1 log="$out/$1.log" t0 ms hwm loaded=-
	shift
	t0=$(date +%s%N)
	"$@" >"$log" 2>&1 &
	pid=$!
	for _ in $(seq 1200); do grep -q first-frame "$log" && break; sleep 0.05; done
	if [[ $name != hello* && $name != embedded* ]]; then
		for _ in $(seq 6000); do grep -q '^loaded ' "$log" && break; sleep 0.05; done
		loaded=$((($(date +%s%N) - t0) / 1000000))
	fi
	sleep 2 # settle: the first frames after loading
	ms=$(grep -o 'first-frame [0-9]*' "$log" | head -n 1 | cut -d' ' -f2)
	hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
	kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
	rm -rf "$XDG_CONFIG_HOME"
	printf '%-12s first-frame %6s ms  loaded %6s ms  peak-rss %5d MB\n' "$name" "$ms" "$loaded" $((hwm / 1024))
}

for i in $(seq "$runs"); do
	run "hello" "$out/hello"
	run "embedded" "$out/reportmap" -trace
	for f in "$@"; do run "$(basename "$f" .geojson)" "$out/reportmap" -trace "$f"; done
done
rm -rf "$out"
