package schema

import "testing"

// A schema the validator cannot enforce fails to compile, saying where.
func TestCompileRefusesWhatItCannotEnforce(t *testing.T) {
	for _, c := range []struct{ schema, want string }{
		{`{"type": "object", "uniqueItems": true}`, `#: keyword "uniqueItems" is not supported by the validator`},
		{`{"properties": {"a": false}}`, `#/properties/a: false schemas are not supported`},
		{`{"properties": {"a": {"type": "thing"}}}`, `#/properties/a/type: unknown type "thing"`},
		{`{"items": {"format": "email"}}`, `#/items: #/items/format: format "email" is not supported`},
		{`{"$ref": "other.json"}`, `#/$ref: only local $defs references are supported`},
		{`{"$ref": "#/$defs/missing"}`, `unresolved $ref #/$defs/missing`},
		{`{"oneOf": [{}, 3]}`, `#/oneOf/1: a schema must be an object`},
		{`{"patternProperties": {"(": {}}}`, "error parsing regexp: missing closing ): `(`"},
		{`{"$defs": {"d": {"additionalProperties": {"minimum": "x", "pattern": "("}}}}`, "#/$defs/d/additionalProperties: #/$defs/d/additionalProperties/pattern: error parsing regexp: missing closing ): `(`"},
	} {
		_, err := compileSchema([]byte(c.schema))
		if err == nil || err.Error() != c.want {
			t.Errorf("%s: got %v, want %s", c.schema, err, c.want)
		}
	}
	if _, err := compileSchema([]byte(`{"type": ["string", "null"], "enum": ["a", null], "if": {"const": 1}, "then": true, "else": {"minLength": 1}}`)); err != nil {
		t.Errorf("a schema of supported keywords: %v", err)
	}
}
