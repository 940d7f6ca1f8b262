package lint

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/gitrev"
	"github.com/journey-maps/journey/pkg/gitrev/gitrevtest"
	"github.com/journey-maps/journey/pkg/loader"
)

const baselineMap = `kind: Journey
version: 1
title: Shop
stages:
  - name: Purchase
    phase: purchase
    touchpoints:
      - name: Checkout form
        channel: website
        emotion: 3
`

// TestBaselineDropsOnlyWhatWasThere: a finding present at the revision
// (matched by rule and item, though its line moved) is dropped; one the
// change introduces is kept, as are findings of a file new since then.
func TestBaselineDropsOnlyWhatWasThere(t *testing.T) {
	dir, git := gitrevtest.New(t)
	path := filepath.Join(dir, "shop.journey.yaml")
	os.WriteFile(path, []byte(baselineMap), 0o644)
	git("add", ".")
	git("commit", "-qm", "first")
	// Move the touchpoint down a line and add one without an owner.
	changed := "# reviewed\n" + baselineMap + "      - name: Receipt email\n        channel: email\n        emotion: 4\n"
	os.WriteFile(path, []byte(changed), 0o644)
	os.WriteFile(filepath.Join(dir, "new.journey.yaml"), []byte(baselineMap), 0o644)

	repo, err := gitrev.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	commit, err := repo.Resolve("HEAD")
	if err != nil {
		t.Fatal(err)
	}
	paths := []string{path, filepath.Join(dir, "new.journey.yaml")}
	var ds []diag.Diagnostic
	l := loader.New(loader.Options{Roots: []string{dir}})
	for _, p := range paths {
		ds = append(ds, Lint(l.LoadFile(p), nil, Options{Today: today})...)
	}
	base := Baseline{Repo: repo, Commit: commit, MaxFileSize: 1 << 20}
	kept, dropped := base.Drop(paths, append([]diag.Diagnostic(nil), ds...), nil, Options{Today: today})
	if dropped == 0 || len(kept)+dropped != len(ds) {
		t.Fatalf("kept %d, dropped %d of %d", len(kept), dropped, len(ds))
	}
	for _, d := range kept {
		if d.File == path && d.Item != "touchpoint:receipt-email" {
			t.Errorf("kept a finding that was there before: %s (%s)", d, d.Item)
		}
	}
	newFile, ownerKept := 0, false
	for _, d := range kept {
		newFile += b2i(d.File == paths[1])
		ownerKept = ownerKept || (d.File == path && d.Rule == "touchpoint-has-owner")
	}
	if !ownerKept {
		t.Errorf("the new touchpoint's missing owner was dropped: %v", kept)
	}
	if newFile == 0 {
		t.Errorf("the findings of a file new since the revision were dropped")
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
