package lint

import (
	"fmt"
	"testing"
)

// An idSet holds every id added, once, whether it is still a short list
// or has grown into a map, and no other.
func TestIDSet(t *testing.T) {
	for _, n := range []int{0, 1, fewIDs, fewIDs + 1, 5 * fewIDs} {
		var s idSet
		for round := 0; round < 2; round++ { // the second time, every id is there already
			for i := range n {
				s.add(fmt.Sprintf("id-%d", i))
			}
		}
		for i := range n {
			if id := fmt.Sprintf("id-%d", i); !s.has(id) {
				t.Errorf("%d ids: %s missing", n, id)
			}
		}
		for _, id := range []string{"", "id-", fmt.Sprintf("id-%d", n), "ID-0"} {
			if s.has(id) {
				t.Errorf("%d ids: has %q", n, id)
			}
		}
		if size := len(s.few) + len(s.many); size != n {
			t.Errorf("%d ids: holds %d", n, size)
		}
	}
}
