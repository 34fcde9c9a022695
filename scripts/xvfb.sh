# xvfb.sh is sourced by the measurement scripts. start_xvfb FIRST LAST LOG
# starts Xvfb (1280×800, no TCP, -noreset: it otherwise resets when its
# last client leaves and refuses an app connecting meanwhile) on the first
# free display number from FIRST to LAST, exports DISPLAY, sets xvfb to its
# PID and waits until it answers.
start_xvfb() {
	local n disp=""
	for n in $(seq "$1" "$2"); do
		if [[ ! -e /tmp/.X11-unix/X$n && ! -e /tmp/.X$n-lock ]]; then disp=":$n"; break; fi
	done
	[[ -n "$disp" ]] || { echo "no free X display from :$1 to :$2" >&2; return 1; }
	Xvfb "$disp" -screen 0 1280x800x24 -nolisten tcp -noreset >"$3" 2>&1 &
	xvfb=$!
	export DISPLAY=$disp
	for _ in $(seq 50); do xdotool getdisplaygeometry >/dev/null 2>&1 && return; sleep 0.1; done
	echo "Xvfb did not start on $disp: $(cat "$3")" >&2
	return 1
}
