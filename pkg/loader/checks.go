package loader

import "github.com/journey-maps/journey/pkg/diag"

// checksURI is where the format checks are documented (docs/format.md).
const checksURI = "https://github.com/journey-maps/journey/blob/main/docs/format.md"

// Checks documents every finding id of the format checks the loader
// makes (journey validate), in the order docs/format.md lists them. They
// are always errors: a map that breaks its format cannot be trusted by
// the rules, scores or pictures made from it.
var Checks = []diag.RuleDoc{
	{
		ID: diag.RuleFile, Severity: diag.Error, HelpURI: checksURI,
		Summary: "A file that cannot be read",
		Why: `The file named (or found in a directory, or included) is missing, a
directory, not a regular file, unreadable, larger than --max-file-size, or
a symbolic-link loop. Nothing in it can be checked. The exit code is 2.`,
		Fix: `Check the path and its permissions. Raise --max-file-size (default 8MiB)
for a larger map, or split the map.`,
	},
	{
		ID: diag.RuleSyntax, Severity: diag.Error, HelpURI: checksURI,
		Summary: "Not valid YAML, or not one mapping document",
		Why: `The file is not YAML that journey can read: a syntax error, tabs used for
indentation, invalid UTF-8, NUL bytes, nesting deeper than 100 levels, an
alias bomb, or merge keys (<<), which hide the data under review. The exit
code is 2 (1 for merge keys).`,
		Fix: `Fix the YAML at the line shown (a YAML-aware editor helps). yaml.v3 may
name the line where a broken construct began. Write merged keys out.`,
	},
	{
		ID: diag.RuleSchema, Severity: diag.Error, HelpURI: checksURI,
		Summary: "A value of the wrong type, out of range, not in the allowed list, a missing key or an impossible date",
		Why: `The map breaks its JSON Schema (journey schema prints it): kind or version
missing or wrong, a required key missing, a value of the wrong type, a
number out of range (emotion 1..5, say), a value not in its list, an
impossible date, a URL that is not http(s), an id that is not kebab-case.
Figures computed from such a map would be wrong.`,
		Fix: `Change the value at the position shown; the message says what is
allowed and suggests the nearest allowed value. docs/format.md describes
every key.`,
	},
	{
		ID: diag.RuleUnknownKey, Severity: diag.Error, HelpURI: checksURI,
		Summary: "A key the journey format does not have",
		Why: `A key the format does not know is most often a typo (emotoin for
emotion), whose value every command would silently ignore.`,
		Fix: `Use the key the message suggests, or prefix your own keys with x- (x-notes:
...): extensions are kept by every command and ignored by the rules.`,
	},
	{
		ID: diag.RuleDuplicateKey, Severity: diag.Error, HelpURI: checksURI,
		Summary: "The same key twice in one mapping",
		Why: `YAML readers disagree about a key written twice: some keep the first,
some the last. The map must mean one thing to every reader.`,
		Fix: `Keep one of the two keys (the finding points at the second).`,
	},
	{
		ID: diag.RuleDuplicateID, Severity: diag.Error, HelpURI: checksURI,
		Summary: "The same id twice for one kind of item",
		Why: `Ids tie the map together: references, diffs (items are matched by id) and
suppressions use them. Two stages, touchpoints, pain points, actions,
personas, metrics or goals with one id (given, or the slug of the name)
cannot be told apart.`,
		Fix: `Give one of them another id (the finding points at the second and names
the first). Remember that an id defaults to the slug of the name.`,
	},
	{
		ID: diag.RuleReference, Severity: diag.Error, HelpURI: checksURI,
		Summary: "An id that names no persona, metric or touchpoint",
		Why: `A touchpoint's personas, per-persona emotions, metrics and next, a
goal's metric and an action's metrics name items by id; a name that
matches nothing is a typo or a removed item, and the figures built on it
would be wrong.`,
		Fix: `Use an id that exists (the message suggests the nearest), or add the
item it names. Personas may come from an included library.`,
	},
	{
		ID: diag.RuleInclude, Severity: diag.Error, HelpURI: checksURI,
		Summary: "An include that is missing, leaves the tree, makes a cycle or nests too deep",
		Why: `include names persona libraries by a path relative to the including
file. A path that is missing, absolute, outside the tree of the first
file named (or the current directory or repository), in a cycle, nested
deeper than 8, or not a persona library cannot be followed safely.`,
		Fix: `Point include at a *.personas.yaml file inside the repository with a
relative path, and break any cycle.`,
	},
	{
		ID: diag.RuleShareTotal, Severity: diag.Error, HelpURI: checksURI,
		Summary: "Persona shares that add up to more than 1",
		Why: `A persona's share is the fraction of customers it stands for (0..1).
Shares that add up to more than 1, across a map's own personas and those
it includes, describe more customers than there are: the report would
print them as shares of customers, and every figure weighted by share
would be wrong.`,
		Fix: `Correct the shares so they add up to 1 or less (the finding is at the
share that passes 1 and lists those before it). Leave share out of a
persona whose share is not known.`,
	},
}
