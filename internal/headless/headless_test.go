package headless_test

import (
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"reportmap/internal/headless"
)

// A worker's fyne.Do runs on the goroutine that drains, not on the worker.
func TestDoRunsOnTheOwningGoroutine(t *testing.T) {
	a := headless.Wrap(test.NewTempApp(t))
	var ran atomic.Bool
	owner := make(chan struct{})
	var onOwner bool
	done := make(chan struct{})
	go func() {
		fyne.Do(func() {
			select {
			case <-owner: // closed only by the owning goroutine, before Drain
				onOwner = true
			default:
			}
			ran.Store(true)
		})
		close(done)
	}()
	<-done
	if ran.Load() {
		t.Fatal("fyne.Do ran on the worker goroutine at once")
	}
	if a.Pending() != 1 {
		t.Fatalf("Pending = %d, want 1", a.Pending())
	}
	close(owner)
	if n := a.Drain(); n != 1 || !ran.Load() || !onOwner {
		t.Fatalf("Drain ran %d callbacks (ran %v, on owner %v); want 1 on the owner", n, ran.Load(), onOwner)
	}
	if a.Pending() != 0 {
		t.Fatalf("Pending after Drain = %d", a.Pending())
	}
}

// fyne.DoAndWait from a worker waits until the owner runs the callback.
func TestDoAndWaitWaitsForTheOwner(t *testing.T) {
	a := headless.Wrap(test.NewTempApp(t))
	var got int
	returned := make(chan struct{})
	go func() {
		fyne.DoAndWait(func() { got = 42 })
		close(returned)
	}()
	select {
	case <-returned:
		t.Fatal("DoAndWait returned before the owner ran it")
	case <-time.After(20 * time.Millisecond):
	}
	if !a.RunUntil(func() bool {
		select {
		case <-returned:
			return true
		default:
			return false
		}
	}, 5*time.Second) {
		t.Fatal("DoAndWait never returned")
	}
	if got != 42 {
		t.Fatalf("got %d", got)
	}
}

// Callbacks queued by callbacks run in the same Drain, in order.
func TestDrainRunsNestedCallbacksInOrder(t *testing.T) {
	a := headless.Wrap(test.NewTempApp(t))
	var order []int
	done := make(chan struct{})
	go func() {
		fyne.Do(func() {
			order = append(order, 1)
			fyne.Do(func() { order = append(order, 3) })
		})
		fyne.Do(func() { order = append(order, 2) })
		close(done)
	}()
	<-done
	if n := a.Drain(); n != 3 {
		t.Fatalf("Drain ran %d, want 3", n)
	}
	if len(order) != 3 || order[0] != 1 || order[1] != 2 || order[2] != 3 {
		t.Fatalf("order %v, want [1 2 3]", order)
	}
}

// RunUntil gives up after its timeout.
func TestRunUntilTimesOut(t *testing.T) {
	a := headless.Wrap(test.NewTempApp(t))
	if a.RunUntil(func() bool { return false }, 30*time.Millisecond) {
		t.Fatal("RunUntil reported success")
	}
}
