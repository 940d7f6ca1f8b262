// Package schemas embeds the JSON Schemas of the journey file formats, so
// the binary, editors and third-party validators all use the same files.
package schemas

import _ "embed"

// JourneyURL is where the journey schema is published (its $id): the
// address editors are pointed at from a map's yaml-language-server line.
const JourneyURL = "https://journey-maps.github.io/journey/schemas/journey.schema.json"

// Journey is schemas/journey.schema.json: journey maps and persona libraries.
//
//go:embed journey.schema.json
var Journey []byte

// Journeylint is schemas/journeylint.schema.json: the .journeylint.yaml
// configuration of journey lint.
//
//go:embed journeylint.schema.json
var Journeylint []byte
