// Package headless runs Fyne content without a display while keeping to
// Fyne's threading rule: one goroutine owns the UI.
//
// Fyne's test driver, which its software renderer needs, runs a fyne.Do
// callback at once on the goroutine that calls it. A tile worker or a
// file watcher that calls fyne.Do would then touch widgets from its own
// goroutine, racing the goroutine that lays out and renders them. [Wrap]
// replaces the current app's driver with one that queues those callbacks
// instead; the goroutine that owns the UI runs them with [App.Drain] or
// [App.RunUntil], between frames, as a real driver's event loop would.
//
// The package is used by `reportmap -png` and by tests.
package headless

import (
	"sync"
	"time"

	"fyne.io/fyne/v2"
)

// App is a Fyne app whose driver queues fyne.Do callbacks for the
// goroutine that owns the UI. Everything but Driver is the wrapped app's.
// Drain and RunUntil must be called from the owning goroutine; the queue
// itself is safe for concurrent use.
type App struct {
	fyne.App
	drv *driver
}

var _ fyne.App = (*App)(nil)

// Wrap makes base's driver queue fyne.Do callbacks, makes the result the
// current app (fyne.CurrentApp) and returns it. The goroutine that calls
// Wrap owns the UI from then on.
func Wrap(base fyne.App) *App {
	a := &App{App: base, drv: &driver{Driver: base.Driver(), wake: make(chan struct{}, 1)}}
	fyne.SetCurrentApp(a)
	return a
}

// Driver returns the queueing driver.
func (a *App) Driver() fyne.Driver { return a.drv }

// Drain runs, on the calling goroutine, every callback queued so far and
// every callback those queue in turn, and returns how many ran.
func (a *App) Drain() int {
	n := 0
	for {
		fs := a.drv.take()
		if len(fs) == 0 {
			return n
		}
		for _, f := range fs {
			f()
			n++
		}
	}
}

// RunUntil runs queued callbacks as they come until done returns true or
// the timeout passes, and reports whether done returned true. done is
// called on the calling goroutine, after each batch of callbacks and at
// least every 10 ms.
func (a *App) RunUntil(done func() bool, timeout time.Duration) bool {
	deadline := time.Now().Add(timeout)
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	for {
		a.Drain()
		if done() {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
		select {
		case <-a.drv.wake:
		case <-tick.C:
		}
	}
}

// Pending returns how many callbacks wait to run.
func (a *App) Pending() int {
	a.drv.mu.Lock()
	defer a.drv.mu.Unlock()
	return len(a.drv.queue)
}

// driver is the wrapped app's driver but for DoFromGoroutine.
type driver struct {
	fyne.Driver

	mu    sync.Mutex
	queue []func()
	wake  chan struct{} // has a value when the queue may have grown
}

// DoFromGoroutine queues f for the owning goroutine. With wait it blocks
// until f has run, so it must not be called from the owning goroutine.
func (d *driver) DoFromGoroutine(f func(), wait bool) {
	if !wait {
		d.push(f)
		return
	}
	done := make(chan struct{})
	d.push(func() {
		defer close(done)
		f()
	})
	<-done
}

func (d *driver) push(f func()) {
	d.mu.Lock()
	d.queue = append(d.queue, f)
	d.mu.Unlock()
	select {
	case d.wake <- struct{}{}:
	default:
	}
}

func (d *driver) take() []func() {
	d.mu.Lock()
	defer d.mu.Unlock()
	fs := d.queue
	d.queue = nil
	return fs
}
