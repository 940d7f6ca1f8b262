package model

// The vocabularies of docs/format.md ("Scales and vocabularies"), in their
// documented order. The JSON Schema enforces them; these lists serve
// defaults, rules and rendering.
var (
	Phases = []string{"awareness", "consideration", "decision", "purchase", "post-purchase", "loyalty", "advocacy"}

	Channels = []string{"website", "mobile-app", "email", "sms", "chat", "social-media", "search",
		"advertising", "review-site", "word-of-mouth", "phone", "call-centre", "in-person", "store",
		"event", "packaging", "print", "direct-mail", "product-manual", "delivery", "partner", "other"}

	Severities = []string{"low", "medium", "high", "critical"}

	Statuses = []string{"idea", "planned", "in-progress", "done", "dropped"}
)

var physicalChannels = map[string]bool{
	"phone": true, "call-centre": true, "in-person": true, "store": true, "event": true,
	"packaging": true, "print": true, "direct-mail": true, "product-manual": true,
	"delivery": true, "word-of-mouth": true,
}

// DefaultType is the touchpoint type a channel implies.
func DefaultType(channel string) string {
	if physicalChannels[channel] {
		return "physical"
	}
	return "digital"
}

// PhaseIndex is the position of a phase in the lifecycle, or -1.
func PhaseIndex(phase string) int {
	for i, p := range Phases {
		if p == phase {
			return i
		}
	}
	return -1
}

// SeverityIndex ranks a severity from 1 (low) to 4 (critical); 0 when unset.
func SeverityIndex(s string) int {
	for i, v := range Severities {
		if v == s {
			return i + 1
		}
	}
	return 0
}
