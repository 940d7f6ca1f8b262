// Package gctune sets the garbage collector's target as a fixed headroom
// over the live heap.
//
// journey's live heap is a few megabytes while files stream through, so
// Go's default target (collect when the heap has doubled) collects every
// few megabytes parsed, and a large fixed GOGC multiplies whatever a run
// does keep: GOGC=400 let 2,000 maps' findings grow lint's peak by five
// times their size, and `journey score` on 2,000 maps reach 3 GB. A
// headroom gives small heaps room and leaves large ones at the default.
package gctune

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
)

// heapMinimum is the runtime's smallest target at GOGC=100; it scales
// with GOGC (runtime/mgcpacer.go defaultHeapMinimum).
const heapMinimum = 4 << 20

// DefaultHeadroom is journey's: 16 MB, the target GOGC=400 gave a run
// whose live heap is under 4 MB.
const DefaultHeadroom = 16 << 20

const liveMetric = "/gc/heap/live:bytes"

// Headroom has the collector run when the heap has grown headroom bytes
// past what the last collection left live, or has doubled, whichever is
// later. It is retuned after every collection until stop is called. It
// does nothing when the GOGC environment variable is set, so users keep
// the last word.
func Headroom(headroom uint64) (stop func()) {
	if os.Getenv("GOGC") != "" {
		return func() {}
	}
	t := &tuner{sample: []metrics.Sample{{Name: liveMetric}}}
	t.headroom.Store(headroom)
	t.tune()
	t.arm()
	running.Store(t)
	return func() { t.stopped.Store(true); running.CompareAndSwap(t, nil) }
}

type tuner struct {
	headroom atomic.Uint64
	sample   []metrics.Sample // read by Headroom, then by one finalizer at a time
	stopped  atomic.Bool
}

// running is the tuner Headroom started, for Raise.
var running atomic.Pointer[tuner]

// Raise gives the running tuner (Headroom's) a larger headroom, from the
// next collection on: for a command that makes much garbage a page at a
// time while it keeps a growing index (journey site). It does nothing
// without a tuner or when the headroom is already as large.
func Raise(headroom uint64) {
	if t := running.Load(); t != nil && t.headroom.Load() < headroom {
		t.headroom.Store(headroom)
	}
}

// sentinel is garbage as soon as it is made; its finalizer runs after the
// next collection, retunes and makes the next sentinel. It holds a
// pointer so it is never packed into a tiny allocation, whose finalizer
// may not run.
type sentinel struct{ t *tuner }

func (t *tuner) arm() {
	runtime.SetFinalizer(&sentinel{t}, func(s *sentinel) {
		if s.t.stopped.Load() {
			return
		}
		s.t.tune()
		s.t.arm()
	})
}

func (t *tuner) tune() {
	metrics.Read(t.sample)
	if t.sample[0].Value.Kind() != metrics.KindUint64 {
		return // a runtime without the metric: keep its default
	}
	debug.SetGCPercent(Percent(t.sample[0].Value.Uint64(), t.headroom.Load()))
}

// Percent is the GOGC value whose target is live+headroom bytes, or
// twice live (GOGC=100) once live is the larger. The runtime's target is
// the larger of live·(1+p/100) and heapMinimum·p/100, so p is the least
// of what makes each of them live+headroom.
func Percent(live, headroom uint64) int {
	if live >= headroom {
		return 100
	}
	byGrowth := headroom * 100 / max(live, 1)
	byMinimum := (live + headroom) * 100 / heapMinimum
	return max(int(min(byGrowth, byMinimum)), 100)
}
