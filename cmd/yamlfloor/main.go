// Command yamlfloor is the floor that `journey lint` is measured against:
// it only finds the same files, reads each and decodes it into a yaml.Node,
// on every core. Nothing can lint YAML faster than it can be parsed.
//
//	yamlfloor DIR|FILE...
package main

import (
	"fmt"
	"os"
	"runtime"
	"sync"
	"sync/atomic"

	"go.yaml.in/yaml/v3"

	"github.com/journey-maps/journey/pkg/loader"
)

func main() {
	paths, problems := loader.Expand(os.Args[1:])
	if len(problems) > 0 {
		fmt.Fprintln(os.Stderr, "yamlfloor:", problems[0].String())
		os.Exit(2)
	}
	var nodes, failed atomic.Int64
	work := make(chan string)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
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
					continue
				}
				nodes.Add(int64(len(n.Content)))
			}
		}()
	}
	for _, p := range paths {
		work <- p
	}
	close(work)
	wg.Wait()
	fmt.Printf("%d files parsed, %d failed\n", len(paths), failed.Load())
}
