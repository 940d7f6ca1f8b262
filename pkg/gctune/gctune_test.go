package gctune

import (
	"os"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func TestPercent(t *testing.T) {
	const mb = 1 << 20
	tests := []struct {
		name           string
		live, headroom uint64
		want           int
	}{
		// Under 4 MB live the runtime's minimum decides: 16 MB headroom
		// over 2 MB live is a target of 18 MB = 4 MB·450%.
		{"small heap", 2 * mb, 16 * mb, 450},
		{"empty heap", 0, 16 * mb, 400},
		// Over it, growth decides: 8 MB live + 16 MB = 8 MB·(1+200%).
		{"middle heap", 8 * mb, 16 * mb, 200},
		{"heap as large as the headroom", 16 * mb, 16 * mb, 100},
		{"large heap keeps the default", 600 * mb, 16 * mb, 100},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Percent(tt.live, tt.headroom); got != tt.want {
				t.Errorf("Percent(%d, %d) = %d, want %d", tt.live, tt.headroom, got, tt.want)
			}
		})
	}
}

// The runtime's target at GOGC=p is max(live·(1+p/100), 4 MB·p/100);
// Percent's must be live+headroom for every live heap under the headroom.
func TestPercentTarget(t *testing.T) {
	const mb = 1 << 20
	for live := uint64(0); live < 16*mb; live += mb / 4 {
		p := uint64(Percent(live, 16*mb))
		target := max(live+live*p/100, heapMinimum*p/100)
		if want := live + 16*mb; target > want || want-target > want/50 {
			t.Errorf("live %d: GOGC=%d gives a target of %d, want about %d", live, p, target, want)
		}
	}
}

// Headroom retunes after every collection: with a large heap kept live,
// GOGC falls back to 100 once the collector has seen it.
func TestHeadroomRetunesAfterCollection(t *testing.T) {
	t.Setenv("GOGC", "")
	old := debug.SetGCPercent(100)
	defer debug.SetGCPercent(old)

	stop := Headroom(16 << 20)
	defer stop()
	if p := gcPercent(); p < 400 {
		t.Fatalf("GOGC after Headroom on a small heap = %d, want at least 400", p)
	}
	big := make([]*[1 << 20]byte, 40) // 40 MB live, pointers so it is kept
	for i := range big {
		big[i] = new([1 << 20]byte)
	}
	deadline := time.Now().Add(10 * time.Second)
	for gcPercent() != 100 {
		if time.Now().After(deadline) {
			t.Fatalf("GOGC = %d with 40 MB live, want 100", gcPercent())
		}
		runtime.GC()
		time.Sleep(time.Millisecond)
	}
	runtime.KeepAlive(big)
}

func TestHeadroomLeavesGOGCToTheUser(t *testing.T) {
	t.Setenv("GOGC", "50")
	old := debug.SetGCPercent(50)
	defer debug.SetGCPercent(old)
	defer Headroom(16 << 20)()
	runtime.GC()
	if p := gcPercent(); p != 50 {
		t.Errorf("GOGC = %d after Headroom with GOGC=50 set, want 50", p)
	}
}

func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

// Raise changes the headroom of the running tuner, upward only.
func TestRaise(t *testing.T) {
	if os.Getenv("GOGC") != "" {
		t.Skip("GOGC is set: Headroom leaves the collector alone")
	}
	stop := Headroom(16 << 20)
	defer stop()
	Raise(64 << 20)
	if got := running.Load().headroom.Load(); got != 64<<20 {
		t.Errorf("headroom %d after Raise(64 MB)", got)
	}
	Raise(8 << 20)
	if got := running.Load().headroom.Load(); got != 64<<20 {
		t.Errorf("Raise lowered the headroom to %d", got)
	}
	stop()
	Raise(1 << 30) // no tuner: nothing to do, no panic
}
