package tiles

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// defaultFreshness is how long a tile stays fresh when the server says
// nothing about it (OpenStreetMap's tile usage policy asks for at least
// this much caching).
const defaultFreshness = 7 * 24 * time.Hour

// freshness reads a response's caching headers: whether the tile may be
// stored at all (no "Cache-Control: no-store") and until when it is fresh,
// from "Cache-Control: max-age" (less any Age), else Expires (relative to
// the server's Date when it sent one), else now+7 days. "no-cache" makes
// it stale at once: it is kept, but revalidated before each use.
func freshness(h http.Header, now time.Time) (expires time.Time, store bool) {
	store = true
	maxAge, noCache := -1, false
	for _, line := range h.Values("Cache-Control") {
		for _, d := range strings.Split(line, ",") {
			name, val, _ := strings.Cut(strings.TrimSpace(d), "=")
			switch strings.ToLower(strings.TrimSpace(name)) {
			case "no-store":
				store = false
			case "no-cache":
				noCache = true
			case "max-age":
				n, err := strconv.Atoi(strings.Trim(strings.TrimSpace(val), `"`))
				if err != nil {
					maxAge = 0 // malformed: treat as stale (RFC 9111 §4.2.1)
				} else {
					maxAge = max(n, 0)
				}
			}
		}
	}
	if noCache {
		maxAge = 0
	}
	if maxAge >= 0 {
		age := 0
		if a, err := strconv.Atoi(strings.TrimSpace(h.Get("Age"))); err == nil && a > 0 {
			age = a
		}
		return now.Add(time.Duration(max(maxAge-age, 0)) * time.Second), store
	}
	if e := h.Get("Expires"); e != "" {
		t, err := http.ParseTime(e)
		if err != nil {
			return now, store // "Expires: 0" and the like: already expired
		}
		if d, err := http.ParseTime(h.Get("Date")); err == nil {
			return now.Add(t.Sub(d)), store // immune to clock skew
		}
		return t, store
	}
	return now.Add(defaultFreshness), store
}
