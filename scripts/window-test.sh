#!/usr/bin/env bash
# window-test.sh starts the real reportmap binary in a real X window under
# Xvfb (1280×800), drives it with xdotool like a person would, and checks
# the screenshots. Screenshots and logs stay in $WINDOW_TEST_OUT (default:
# a new temporary folder, printed at the end) so they can be looked at.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${WINDOW_TEST_OUT:-$(mktemp -d /tmp/reportmap-window.XXXXXX)}
mkdir -p "$out"
go build -o "$out/reportmap" .

fail() { echo "window test: FAIL: $*" >&2; echo "window test: screenshots and logs in $out" >&2; exit 1; }

# A display nobody uses.
disp=""
for n in $(seq 90 140); do
	if [[ ! -e /tmp/.X11-unix/X$n && ! -e /tmp/.X$n-lock ]]; then disp=":$n"; break; fi
done
[[ -n "$disp" ]] || fail "no free X display number"
# -noreset: Xvfb otherwise resets when its last client leaves, and an app
# connecting during the reset is refused ("Failed to open display").
Xvfb "$disp" -screen 0 1280x800x24 -nolisten tcp -noreset >"$out/xvfb.log" 2>&1 &
xvfb=$!
app=""
cleanup() {
	[[ -n "$app" ]] && kill "$app" 2>/dev/null || true
	kill "$xvfb" 2>/dev/null || true
}
trap cleanup EXIT

# await_window LOG [TITLE]: waits up to 10 s for the app's window (titled
# for places.geojson, or matching the regular expression TITLE) and sets
# wid; fails, with LOG, if the app exits first.
await_window() {
	local title=${2:-'^reportmap — places.geojson$'}
	wid=""
	for _ in $(seq 100); do
		wid=$(xdotool search --onlyvisible --name "$title" 2>/dev/null | head -n 1 || true)
		[[ -n "$wid" ]] && return
		kill -0 "$app" 2>/dev/null || fail "the app exited: $(cat "$1")"
		sleep 0.1
	done
	fail "no window titled '$title' within 10 s"
}

# shortcut KEYS: presses a shortcut such as ctrl+q as a keyboard does
# (XTEST, to the focused window). Sent to the window as synthetic events
# (xdotool key --window), a Ctrl+Q right after a search was lost about
# one time in four, leaving no trace at all (3 of 10, and 0 of 10 by XTEST).
shortcut() {
	xdotool windowfocus "$wid" 2>/dev/null || true
	xdotool key "$@"
}

# await_trace LOG PATTERN [SECONDS]: waits for a line of the app's trace.
await_trace() {
	for _ in $(seq $((${3:-10} * 10))); do
		grep -Eq "$2" "$1" && return
		kill -0 "$app" 2>/dev/null || fail "the app exited waiting for '$2': $(cat "$1")"
		sleep 0.1
	done
	fail "the trace never said '$2' within ${3:-10} s: $(cat "$1")"
}
export DISPLAY=$disp
# Fresh preferences each run: the test must not depend on what an earlier
# run (or the user's own session) saved.
export XDG_CONFIG_HOME="$out/config"
rm -rf "$out/config" "$out/home" "$out/saved" # a run before left its own
# and a home of its own, where Fyne's file dialogs start.
# with the user folders Fyne's file dialog lists (else it logs an error).
export HOME="$out/home"
mkdir -p "$XDG_CONFIG_HOME"
for d in Desktop Documents Downloads Music Pictures Videos; do mkdir -p "$HOME/$d"; done
cat >"$XDG_CONFIG_HOME/user-dirs.dirs" <<'DIRS'
XDG_DESKTOP_DIR="$HOME/Desktop"
XDG_DOCUMENTS_DIR="$HOME/Documents"
XDG_DOWNLOAD_DIR="$HOME/Downloads"
XDG_MUSIC_DIR="$HOME/Music"
XDG_PICTURES_DIR="$HOME/Pictures"
XDG_VIDEOS_DIR="$HOME/Videos"
DIRS
for _ in $(seq 50); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done
xdotool getdisplaygeometry >/dev/null 2>&1 || fail "Xvfb did not start"

# -check needs no display and prints nothing but its summary.
"$out/reportmap" -check places.geojson >"$out/check.out" 2>"$out/check.err" || fail "-check places.geojson failed: $(cat "$out/check.err")"
grep -q '^places.geojson: ok: 30 places (6 settings), 75 excerpts, 4 reports, 0 warnings$' "$out/check.out" || fail "-check printed: $(cat "$out/check.out")"
[[ ! -s "$out/check.err" ]] || fail "-check wrote to stderr: $(cat "$out/check.err")"

# A display that refuses the connection: a clear message and exit 1, no
# panic from the window system.
nodisp=""
for n in $(seq 141 190); do
	if [[ ! -e /tmp/.X11-unix/X$n && ! -e /tmp/.X$n-lock ]]; then nodisp=":$n"; break; fi
done
set +e
DISPLAY=$nodisp "$out/reportmap" >"$out/nodisplay.out" 2>"$out/nodisplay.err"
rc=$?
set -e
[[ $rc == 1 ]] || fail "with DISPLAY=$nodisp the app exited $rc, not 1: $(cat "$out/nodisplay.err")"
grep -q "^reportmap: ui: cannot open a window on display \"$nodisp\"" "$out/nodisplay.err" || fail "with DISPLAY=$nodisp the app said: $(cat "$out/nodisplay.err")"
! grep -q "panic" "$out/nodisplay.err" || fail "with DISPLAY=$nodisp the app panicked: $(cat "$out/nodisplay.err")"

"$out/reportmap" -trace >"$out/app.out" 2>"$out/app.err" &
app=$!
await_window "$out/app.err"
xdotool windowmove "$wid" 0 0 windowsize "$wid" 1280 800
sleep 2
import -window "$wid" "$out/before.png"
sd=$(convert "$out/before.png" -format '%[fx:standard_deviation]' info:)
awk -v sd="$sd" 'BEGIN { exit !(sd > 0.02) }' || fail "the window looks blank (standard deviation $sd)"

# Where the map is (the app traces it on every resize; the last line
# holds), and where Kursk is on a map of that size, from the app's own
# viewport code.
read -r mx my mw mh < <(grep '^map ' "$out/app.err" | tail -n 1 | cut -d' ' -f2-)
[[ -n "${mh:-}" ]] || fail "the app traced no map geometry: $(cat "$out/app.err")"
# The Dunkirk migrant camp, by its pixel like Kursk below (first: choosing
# from the search may move the map). It must not be taken for the Dunkirk
# beaches beside it.
read -r dx dy < <("$out/reportmap" -locate dunkirk-camp -size "${mw}x${mh}")
[[ -n "${dy:-}" ]] || fail "-locate dunkirk-camp -size ${mw}x${mh} printed nothing"
echo "window test: clicking the Dunkirk camp at $((mx + dx)),$((my + dy))"
xdotool mousemove --window "$wid" $((mx + dx)) $((my + dy)) click 1
sleep 1
import -window "$wid" "$out/dunkirk.png"
grep -q '^select dunkirk-camp$' "$out/app.err" || fail "clicking the Dunkirk camp's pixel did not select it; trace: $(grep '^select' "$out/app.err" | tr '\n' ' ')"

read -r kx ky < <("$out/reportmap" -locate kursk -size "${mw}x${mh}")
[[ -n "${ky:-}" ]] || fail "-locate kursk -size ${mw}x${mh} printed nothing"
cx=$((mx + kx)); cy=$((my + ky))
echo "window test: map at $mx,$my ${mw}x${mh}; clicking Kursk at $cx,$cy"
xdotool mousemove --window "$wid" "$cx" "$cy" click 1
sleep 1
grep -q '^select kursk$' "$out/app.err" || fail "clicking Kursk's pixel did not select Kursk; trace: $(cat "$out/app.err")"
import -window "$wid" "$out/after.png"
# The excerpt panel (bottom right) must have changed.
panel="380x280+880+500"
convert "$out/before.png" -crop "$panel" +repage "$out/before-panel.png"
convert "$out/after.png" -crop "$panel" +repage "$out/after-panel.png"
changed=$(compare -metric AE "$out/before-panel.png" "$out/after-panel.png" null: 2>&1 || true)
changed=${changed%% *}
awk -v n="$changed" 'BEGIN { exit !(n > 2000) }' || fail "the panel did not change after clicking Kursk ($changed pixels differ)"

# Ctrl+F, type Gaza, Enter: Gaza is selected.
shortcut ctrl+f
sleep 0.5
xdotool type --window "$wid" --delay 50 "Gaza"
sleep 0.5
xdotool key --window "$wid" Return
sleep 1
grep -q '^select gaza$' "$out/app.err" || fail "Ctrl+F, Gaza, Enter did not select Gaza; trace: $(cat "$out/app.err")"
import -window "$wid" "$out/search.png"

# File ▸ Export PNG… (Ctrl+E): Fyne's save dialog opens in the (test's)
# home folder with the name field focused; type a name and save. The file
# must be a picture of the window, not blank, not transparent.
xdotool key --window "$wid" Escape # leave the search box
sleep 0.3
shortcut ctrl+e
sleep 1
import -window "$wid" "$out/export-dialog.png"
shortcut ctrl+a
xdotool type --window "$wid" --delay 30 "export.png"
xdotool key --window "$wid" Return
for _ in $(seq 200); do grep -q '^export ' "$out/app.err" && break; sleep 0.1; done
exported=$(grep '^export ' "$out/app.err" | tail -n 1 | cut -d' ' -f2- || true)
[[ -n "$exported" ]] || fail "Ctrl+E, a name, Enter exported nothing; trace: $(cat "$out/app.err")"
[[ "$exported" == "$HOME/export.png" ]] || fail "exported to $exported, not $HOME/export.png"
cp "$exported" "$out/exported.png"
[[ "$(identify -format '%m' "$exported")" == PNG ]] || fail "$exported is not a PNG"
sd=$(convert "$exported" -format '%[fx:standard_deviation]' info:)
awk -v sd="$sd" 'BEGIN { exit !(sd > 0.02) }' || fail "the exported PNG is blank (standard deviation $sd)"
alpha=$(convert "$exported" -alpha extract -format '%[fx:mean]' info:)
awk -v a="$alpha" 'BEGIN { exit !(a > 0.99) }' || fail "the exported PNG is (partly) transparent (alpha mean $alpha)"

# Errors logged while running, before we stop it. (At exit Fyne rewrites
# its preferences file in place and its own file watcher can read it half
# written; that message is Fyne's, harmless, and not checked here.)
cp "$out/app.err" "$out/app-running.err"
if grep -Eq 'panic|Fyne error' "$out/app-running.err"; then fail "the app logged errors: $(cat "$out/app-running.err")"; fi

# Resize, quit with Ctrl+Q, start again with the same preferences: the
# window comes back at the size it had.
xdotool windowsize "$wid" 1100 700
sleep 1
shortcut ctrl+q || true # the window may be gone before the key is up
for _ in $(seq 50); do kill -0 "$app" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$app" 2>/dev/null; then fail "Ctrl+Q did not end the app within 5 s"; fi
wait "$app" || fail "the app exited with status $? after Ctrl+Q: $(cat "$out/app.err")"
app=""
"$out/reportmap" -trace >"$out/again.out" 2>"$out/again.err" &
app=$!
await_window "$out/again.err"
sleep 1
geometry=$(xdotool getwindowgeometry "$wid" | sed -n 's/^ *Geometry: //p')
[[ "$geometry" == 1100x700 ]] || fail "started again, the window is $geometry, not the 1100x700 it had at Ctrl+Q (preferences: $(cat "$XDG_CONFIG_HOME"/fyne/*/preferences.json 2>/dev/null))"
# SIGTERM ends it cleanly and at once (Fyne 2.7.1 can deadlock as its
# loop ends; the app's watchdog then exits 143 after 3 s): no panic, and
# gone within 5 s.
kill "$app" # by PID, SIGTERM
for _ in $(seq 50); do kill -0 "$app" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$app" 2>/dev/null; then fail "SIGTERM did not end the app within 5 s: $(cat "$out/again.err")"; fi
set +e
wait "$app"
rc=$?
set -e
[[ $rc == 0 || $rc == 143 ]] || fail "after SIGTERM the app exited with status $rc: $(cat "$out/again.err")"
! grep -q "panic" "$out/again.err" || fail "the app panicked after SIGTERM: $(cat "$out/again.err")"
app=""

# A file of the user's, watched for changes, is replaced by a named pipe:
# the window must not freeze. It says what is wrong, keeps the places on
# screen, still answers, and Ctrl+Q quits it.
rm -rf "$out/data" # a pipe left by an earlier run would block cp
mkdir -p "$out/data/reports"
cp places.geojson "$out/data/"
cp reports/*.txt "$out/data/reports/"
"$out/reportmap" -trace "$out/data/places.geojson" >"$out/fifo.out" 2>"$out/fifo.err" &
app=$!
await_window "$out/fifo.err"
# The window opens at once and loads the file on a worker; it watches
# the file once it has loaded.
await_trace "$out/fifo.err" "^loaded $out/data/places.geojson 30\$" 10
sleep 1
rm "$out/data/places.geojson"
mkfifo "$out/data/places.geojson"
for _ in $(seq 50); do grep -q '^error .*named pipe' "$out/fifo.err" && break; sleep 0.1; done
grep -q '^error .*named pipe' "$out/fifo.err" || fail "replacing the file by a named pipe gave no clear error; trace: $(cat "$out/fifo.err")"
sleep 0.5
import -window "$wid" "$out/fifo.png"
# The window still answers: a shortcut gets through (the error dialog is
# modal, so that is all that can).
shortcut ctrl+f
for _ in $(seq 30); do grep -q '^focus search$' "$out/fifo.err" && break; sleep 0.1; done
grep -q '^focus search$' "$out/fifo.err" || fail "after the named pipe the window did not answer Ctrl+F; trace: $(cat "$out/fifo.err")"
# Esc closes the error dialog; then the search works on the places kept.
xdotool key --window "$wid" Escape
sleep 0.3
shortcut ctrl+f
sleep 0.3
xdotool type --window "$wid" --delay 50 "Kursk"
xdotool key --window "$wid" Return
for _ in $(seq 30); do grep -q '^select kursk$' "$out/fifo.err" && break; sleep 0.1; done
grep -q '^select kursk$' "$out/fifo.err" || fail "after the named pipe and Esc the search did not choose Kursk; trace: $(cat "$out/fifo.err")"
shortcut ctrl+q || true # fails once the window is gone
for _ in $(seq 50); do kill -0 "$app" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$app" 2>/dev/null; then
	import -window root "$out/fifo-quit.png" 2>/dev/null || true
	fail "Ctrl+Q did not end the app within 5 s (screenshot fifo-quit.png); trace: $(grep -v '^zoom\|^hover\|^map ' "$out/fifo.err" | tail -n 8)"
fi
wait "$app" || fail "the app exited with status $? after Ctrl+Q: $(cat "$out/fifo.err")"
app=""
if grep -Eq 'panic|DATA RACE' "$out/fifo.err"; then fail "the app logged errors: $(cat "$out/fifo.err")"; fi
# Import: `reportmap story.txt` opens a new, unsaved document and
# geoparses the report off the UI goroutine. A place it found is clicked
# by its pixel (-locate works on a text file too); its panel offers the
# corrections; Ctrl+S asks where to save, the path is typed; -check of
# what it wrote is clean, and Ctrl+Q then quits without asking.
cat >"$out/story.txt" <<'STORY'
KHARKIV, Ukraine (AP) — Russian drones struck an apartment block in Kharkiv overnight, killing three people, regional officials said on Tuesday.
The attack came hours after Ukrainian forces said they had pushed Russian troops back from villages near Vovchansk, close to the border with Russia's Belgorod region.
In Kyiv, President Volodymyr Zelenskyy urged Western allies to speed up deliveries of air defence systems, saying Kharkiv had been hit more than 20 times this month.
Residents of Saltivka, the northern district of Kharkiv worst hit since 2022, said many had moved to Lviv or Poltava.
STORY
"$out/reportmap" -trace "$out/story.txt" >"$out/import.out" 2>"$out/import.err" &
app=$!
await_window "$out/import.err" '^reportmap — Untitled'
xdotool windowmove "$wid" 0 0 windowsize "$wid" 1280 800
await_trace "$out/import.err" '^import done 1$' 20
grep -q '^import story.txt report story: [0-9]* new' "$out/import.err" || fail "the import added nothing: $(cat "$out/import.err")"
sleep 1.5 # the map's fit to the places found, and the resize, settle
read -r _ mx my mw mh < <(grep '^map ' "$out/import.err" | tail -n 1)
read -r kx ky < <("$out/reportmap" -locate kharkiv -size "${mw}x${mh}" "$out/story.txt") || fail "-locate kharkiv on the text file failed"
echo "window test: clicking the imported Kharkiv at $((mx + kx)),$((my + ky))"
xdotool mousemove --window "$wid" $((mx + kx)) $((my + ky)) click 1
await_trace "$out/import.err" '^select kharkiv$' 5
sleep 0.5
import -window "$wid" "$out/review.png"
title=$(xdotool getwindowname "$wid")
[[ "$title" == "reportmap — Untitled •" ]] || fail "the title of the unsaved import is '$title'"
# The panel says where Kharkiv was resolved and offers the corrections:
# the screen says so, as read back from the screenshot.
convert "$out/review.png" -crop 430x800+850+0 -resize 200% "$out/review-panel.png"
tesseract "$out/review-panel.png" "$out/review-panel" >/dev/null 2>&1 || fail "tesseract failed"
for words in "Found as" "Confidence" "Mark as" "Search the gazetteer"; do
	grep -qi "$words" "$out/review-panel.txt" || fail "the review panel does not say '$words'; it reads: $(tr '\n' ' ' <"$out/review-panel.txt")"
done
shortcut ctrl+s
await_trace "$out/import.err" '^ask-path ' 5
sleep 0.3
shortcut ctrl+a
xdotool type --window "$wid" --delay 20 "$out/saved/story.geojson"
xdotool key --window "$wid" Return
await_trace "$out/import.err" "^saved $out/saved/story.geojson\$" 5
"$out/reportmap" -check "$out/saved/story.geojson" >"$out/saved-check.out" 2>&1 || fail "-check of the saved file failed: $(cat "$out/saved-check.out")"
grep -q ', 0 warnings$' "$out/saved-check.out" || fail "-check of the saved file: $(cat "$out/saved-check.out")"
[[ -f "$out/saved/reports/story.txt" ]] || fail "the report's text was not saved beside it"
for _ in $(seq 30); do # the X window's name follows SetTitle a moment later
	title=$(xdotool getwindowname "$wid")
	[[ "$title" == "reportmap — story.geojson" ]] && break
	sleep 0.1
done
[[ "$title" == "reportmap — story.geojson" ]] || fail "after saving the title is '$title'"
shortcut ctrl+q || true
for _ in $(seq 50); do kill -0 "$app" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$app" 2>/dev/null; then fail "Ctrl+Q after saving did not end the app within 5 s"; fi
wait "$app" || fail "the app exited with status $? after Ctrl+Q: $(cat "$out/import.err")"
app=""
if grep -Eq 'panic|DATA RACE' "$out/import.err"; then fail "the app logged errors: $(cat "$out/import.err")"; fi

echo "window test: ok (Kursk and the Dunkirk camp selected by their pixels, $changed panel pixels changed; Gaza found by search; Export PNG wrote a picture (standard deviation $sd); the window size came back after Ctrl+Q; a named pipe in place of the file refused while the window still answers, Esc closes the error and the search works; Ctrl+Q quits; a report imported from the command line, a found place chosen by its pixel, its review panel read back, saved with Ctrl+S and -check clean); screenshots in $out"
