package model

// Keys records where an element's keys are written, in source order, and
// after each key the entries of its value when that is a list: small
// values the loader records while it decodes, so a model keeps no parse
// tree. The zero value holds no keys.
type Keys struct {
	marks []mark
}

// mark is one key, or one entry of the list value of the key before it.
type mark struct {
	name      string // the key's name; "" for the other kinds
	line, col int
	kind      markKind
}

type markKind uint8

const (
	namedKey   markKind = iota // a key that is a plain string
	unnamedKey                 // a key that is a list or a mapping
	listEntry                  // an entry of the list value of the key before
)

// MakeKeys returns Keys with room for n keys and list entries together.
func MakeKeys(n int) Keys { return Keys{marks: make([]mark, 0, n)} }

// AddKey records a key named name written at line and col.
func (k *Keys) AddKey(name string, line, col int) {
	k.marks = append(k.marks, mark{name: name, line: line, col: col, kind: namedKey})
}

// AddUnnamedKey records a key that is not a plain string (a list or a
// mapping used as a key): the element counts as written, but no field
// name finds it.
func (k *Keys) AddUnnamedKey(line, col int) {
	k.marks = append(k.marks, mark{line: line, col: col, kind: unnamedKey})
}

// AddEntry records an entry, at line and col, of the list that is the
// value of the key added last. Only the entries the model holds are
// recorded (plain values, not nulls), so entry i is the model's item i.
func (k *Keys) AddEntry(line, col int) {
	k.marks = append(k.marks, mark{line: line, col: col, kind: listEntry})
}

// find returns the index of the first key named name, or -1.
func (k Keys) find(name string) int {
	for i := range k.marks {
		if m := &k.marks[i]; m.kind == namedKey && m.name == name {
			return i
		}
	}
	return -1
}

// entry returns entry i of the list value of the first key named name.
func (k Keys) entry(name string, i int) (mark, bool) {
	key := k.find(name)
	if key < 0 || i < 0 {
		return mark{}, false
	}
	at := key + 1 + i
	if at >= len(k.marks) {
		return mark{}, false
	}
	// The entries of a key follow it without a gap: entry i is there
	// when no other key comes before it.
	for j := key + 1; j <= at; j++ {
		if k.marks[j].kind != listEntry {
			return mark{}, false
		}
	}
	return k.marks[at], true
}
