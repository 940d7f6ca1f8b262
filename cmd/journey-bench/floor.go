//go:build bench

package main

import (
	"fmt"
	"os"
	"runtime"
	"sync"
	"sync/atomic"

	"go.yaml.in/yaml/v3"

	"github.com/journey-maps/journey/pkg/gctune"
	"github.com/journey-maps/journey/pkg/loader"
)

// floorMain is the floor `journey lint` is measured against: it finds the
// same files, reads each and decodes it into a yaml.Node, on every core.
// Nothing can lint YAML faster than it can be parsed.
func floorMain(args []string) error {
	// The same garbage-collection target as journey's main, so the two
	// differ only in the work done.
	gctune.Headroom(gctune.DefaultHeadroom)
	paths, problems := loader.Expand(args)
	if len(problems) > 0 {
		return fmt.Errorf("floor: %s", problems[0].String())
	}
	var failed atomic.Int64
	work := make(chan string)
	var wg sync.WaitGroup
	// As many workers as journey's loader: one a core and one more, which
	// runs while another waits for its file to be read (2 to 3% faster).
	for w := 0; w < runtime.GOMAXPROCS(0)+1; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range work {
				data, err := os.ReadFile(p)
				var n yaml.Node
				if err == nil {
					err = yaml.Unmarshal(data, &n)
				}
				if err != nil {
					failed.Add(1)
				}
			}
		}()
	}
	for _, p := range paths {
		work <- p
	}
	close(work)
	wg.Wait()
	fmt.Printf("%d files parsed, %d failed\n", len(paths), failed.Load())
	return nil
}
