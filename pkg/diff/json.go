package diff

import (
	"encoding/json"
	"io"
)

// WriteJSON writes the result as indented JSON (shape in docs/diff.md).
func WriteJSON(w io.Writer, r *Result, _ WriteOptions) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}
