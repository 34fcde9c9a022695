package ui

import (
	"errors"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestMain lets TestExitWatchdog run this test binary as a stand-in for an
// app whose window system never stops.
func TestMain(m *testing.M) {
	switch os.Getenv("REPORTMAP_EXIT_TEST") {
	case "closed":
		watchExit(os.Stderr)() // the window closed; the loop hangs
		select {}
	case "signal":
		watchExit(os.Stderr)
		os.Stdout.WriteString("ready\n")
		select {} // a SIGTERM arrives; the loop hangs
	}
	os.Exit(m.Run())
}

// A process whose event loop hangs as it stops still ends: exitGrace after
// its window closed (status 0), or after a SIGTERM (status 143).
func TestExitWatchdog(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for the watchdog")
	}
	for _, tt := range []struct {
		mode string
		code int
		says string
	}{
		{"closed", 0, "after the window closed; exiting"},
		{"signal", 143, "after signal 15 (terminated); exiting"},
	} {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), "REPORTMAP_EXIT_TEST="+tt.mode)
		var stderr strings.Builder
		cmd.Stderr = &stderr
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		if tt.mode == "signal" {
			buf := make([]byte, 6)
			if _, err := stdout.Read(buf); err != nil {
				t.Fatal(err)
			}
			cmd.Process.Signal(syscall.SIGTERM)
		}
		err = cmd.Wait()
		took := time.Since(start)
		code := 0
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		if code != tt.code || !strings.Contains(stderr.String(), tt.says) || took < exitGrace || took > exitGrace+5*time.Second {
			t.Errorf("%s: exited %d after %v saying %q; want %d after about %v saying %q", tt.mode, code, took.Round(time.Millisecond), stderr.String(), tt.code, exitGrace, tt.says)
		}
	}
}
