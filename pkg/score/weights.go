package score

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/journey-maps/journey/pkg/diag"
)

// Weights are the relative importance of the factors of an action's
// priority. Only their ratios matter: {impact: 2, ease: 1} ranks like
// {impact: 4, ease: 2}. A weight of 0 leaves the factor out.
type Weights struct{ Impact, Ease, Resources, ROI, Confidence, Severity, Reach float64 }

// DefaultWeights favour customer impact, then ease, ROI and the severity
// of the pain point; confidence, resources and reach refine the order.
func DefaultWeights() Weights {
	return Weights{Impact: 3, Ease: 2, Resources: 1, ROI: 2, Confidence: 1, Severity: 2, Reach: 1}
}

// WeightKeys are the keys of `score.weights` in .journeylint.yaml, in the
// order they are documented and printed.
var WeightKeys = []string{"impact", "ease", "resources", "roi", "confidence", "severity", "reach"}

func (w *Weights) field(key string) *float64 {
	switch key {
	case "impact":
		return &w.Impact
	case "ease":
		return &w.Ease
	case "resources":
		return &w.Resources
	case "roi":
		return &w.ROI
	case "confidence":
		return &w.Confidence
	case "severity":
		return &w.Severity
	case "reach":
		return &w.Reach
	}
	return nil
}

// Get returns the weight of a key of WeightKeys (0 for an unknown key).
func (w Weights) Get(key string) float64 {
	if p := w.field(key); p != nil {
		return *p
	}
	return 0
}

// Map returns the weights by key.
func (w Weights) Map() map[string]float64 {
	m := make(map[string]float64, len(WeightKeys))
	for _, k := range WeightKeys {
		m[k] = w.Get(k)
	}
	return m
}

// Sum is the total of the weights, the divisor of the priority.
func (w Weights) Sum() float64 {
	s := 0.0
	for _, k := range WeightKeys {
		s += w.Get(k)
	}
	return s
}

// Validate reports weights that cannot rank anything: negative, not
// finite, or all zero.
func (w Weights) Validate() error {
	for _, k := range WeightKeys {
		v := w.Get(k)
		if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
			return fmt.Errorf("score weight %s: %v is not a number of 0 or more", k, v)
		}
	}
	if w.Sum() <= 0 {
		return fmt.Errorf("score weights: at least one weight must be above 0")
	}
	return nil
}

// WeightsFrom reads `score.weights` from the configuration. Keys left out
// keep their default weight.
func WeightsFrom(m map[string]float64) (Weights, error) {
	w := DefaultWeights()
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys) // report the same unknown key first every time
	for _, k := range keys {
		p := w.field(k)
		if p == nil {
			msg := fmt.Sprintf("unknown score weight %q", k)
			if s := diag.Suggest(k, WeightKeys); s != "" {
				msg += fmt.Sprintf(": did you mean %q?", s)
			}
			msg += fmt.Sprintf(" (want one of %s)", strings.Join(WeightKeys, ", "))
			return Weights{}, fmt.Errorf("%s", msg)
		}
		*p = m[k]
	}
	if err := w.Validate(); err != nil {
		return Weights{}, err
	}
	return w, nil
}

// CheckWeights reports `score.weights` that WeightsFrom would refuse; it
// is what a configuration's weights are checked with (config.Schema).
func CheckWeights(m map[string]float64) error {
	_, err := WeightsFrom(m)
	return err
}
