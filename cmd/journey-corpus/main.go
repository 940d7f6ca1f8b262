// Command journey-corpus writes generated journey maps for benchmarks:
//
//	journey-corpus -n 2000 -o /tmp/corpus          # 2,000 maps of about 600 lines
//	journey-corpus -large 300 -o /tmp/large        # one map with 300 touchpoints
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/journey-maps/journey/pkg/corpus"
)

func main() {
	n := flag.Int("n", 100, "how many maps to write")
	large := flag.Int("large", 0, "write one map with this many touchpoints instead")
	seed := flag.Uint64("seed", 1, "random seed; the same seed writes the same maps")
	out := flag.String("o", "", "directory to write into (created if missing)")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "journey-corpus: -o DIR is required")
		os.Exit(2)
	}
	if err := run(*out, *n, *large, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "journey-corpus:", err)
		os.Exit(1)
	}
}

func run(dir string, n, large int, seed uint64) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if large > 0 {
		return os.WriteFile(filepath.Join(dir, "large.journey.yaml"), corpus.Large(large), 0o644)
	}
	for i := 0; i < n; i++ {
		// 100 maps a folder, as teams group maps by product.
		sub := filepath.Join(dir, fmt.Sprintf("team-%03d", i/100))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("map-%05d.journey.yaml", i)), corpus.Map(seed, i), 0o644); err != nil {
			return err
		}
	}
	return nil
}
