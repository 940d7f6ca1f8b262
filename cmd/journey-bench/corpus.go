//go:build bench

package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/journey-maps/journey/pkg/corpus"
)

func corpusMain(args []string) error {
	fs := flag.NewFlagSet("corpus", flag.ExitOnError)
	n := fs.Int("n", 100, "how many maps to write")
	large := fs.Int("large", 0, "write one map with this many touchpoints instead")
	seed := fs.Uint64("seed", 1, "random seed; the same seed writes the same maps")
	out := fs.String("o", "", "directory to write into (created if missing)")
	_ = fs.Parse(args)
	if *out == "" {
		return errors.New("corpus: -o DIR is required")
	}
	return writeCorpus(*out, *n, *large, *seed)
}

func writeCorpus(dir string, n, large int, seed uint64) error {
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
