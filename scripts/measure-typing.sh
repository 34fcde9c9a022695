#!/usr/bin/env bash
# measure-typing.sh FILE [QUERY] [DELAY_MS] [RUNS] measures how far the real
# window falls behind typing: under Xvfb at 1280×800 it opens FILE, waits
# until its places are shown, focuses the search box (Ctrl+F) and types
# QUERY (default "place 12345") with xdotool, one key every DELAY_MS
# (default 50: 20 keys a second, a fast typist; one xdotool call a key,
# the time of sending taken before each), RUNS times (default 5).
# For each key it finds the first search that covered it in -trace's
# "searched … at MS" lines (wall clock) and prints the lag from the key
# being sent to its rows being ready: the worst key, and the last key
# (how long after typing ends the answer appears). One more frame (16 ms)
# draws it.
set -euo pipefail
cd "$(dirname "$0")/.."
file=$1 query=${2:-place 12345} delay=${3:-50} runs=${4:-5}
out=$(mktemp -d /tmp/reportmap-typing.XXXXXX)
go build -o "$out/reportmap" .
source scripts/xvfb.sh
start_xvfb 241 290 "$out/xvfb.log"
pid=""
trap '[[ -n "$pid" ]] && kill "$pid" 2>/dev/null; kill "$xvfb" 2>/dev/null || true' EXIT
export XDG_CONFIG_HOME="$out/config"
for r in $(seq "$runs"); do
	log="$out/run$r.log"
	"$out/reportmap" -trace "$file" >"$log" 2>&1 &
	pid=$!
	for _ in $(seq 1200); do grep -q '^loaded ' "$log" && break; sleep 0.1; done
	grep -q '^loaded ' "$log" || { echo "run $r: the file never loaded: $(tail -3 "$log")"; exit 1; }
	sleep 1
	wid=$(xdotool search --onlyvisible --name '^reportmap' | head -n 1)
	xdotool windowmove "$wid" 0 0 windowsize "$wid" 1280 800
	sleep 0.5
	xdotool key --window "$wid" ctrl+f
	for _ in $(seq 50); do grep -q '^focus search' "$log" && break; sleep 0.1; done
	# One xdotool call per key, its sending time taken just before it,
	# spaced DELAY_MS apart (from the first key, so no drift).
	sent=()
	t0=$(date +%s%3N)
	for ((k = 0; k < ${#query}; k++)); do
		now=$(date +%s%3N)
		wait_ms=$((t0 + k * delay - now))
		((wait_ms > 0)) && sleep "$(printf '0.%03d' "$wait_ms")"
		sent+=("$(date +%s%3N)")
		xdotool type --window "$wid" "${query:k:1}"
	done
	t1=$(date +%s%3N)
	sleep 3
	kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
	rm -rf "$XDG_CONFIG_HOME"
	# Key k (1-based) was sent at sent[k]; the search that covered it is
	# the first whose query has k or more characters.
	awk -v t0="$t0" -v t1="$t1" -v q="$query" -v run="$r" -v sent="${sent[*]}" '
		/^searched / { n = split($0, f, ": "); ms = $7; sub(/:$/, "", ms); ms += 0; s = substr($0, index($0, ": ") + 2); len[++m] = length(s); at[m] = ms; rows[m] = $2 }
		END {
			keys = length(q); worst = 0; split(sent, at_key, " ")
			for (k = 1; k <= keys; k++) {
				sent_k = at_key[k]; got = -1
				for (i = 1; i <= m; i++) if (len[i] >= k) { got = at[i]; break }
				if (got < 0) { printf "run %d: key %d never searched (log: %s)\n", run, k, FILENAME; exit 1 }
				lag = got - sent_k; if (lag > worst) worst = lag
				lags = lags (k > 1 ? " " : "") lag
				if (k == keys) last = lag
			}
			printf "run %d: %d keys in %d ms, %d searches; worst key %d ms behind, last key %d ms (each key: %s)\n", run, keys, t1 - t0, m, worst, last, lags
		}' "$log"
done
[[ -n "${KEEP:-}" ]] && echo "logs in $out" || rm -rf "$out"
