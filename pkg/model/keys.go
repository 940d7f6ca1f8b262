package model

import (
	"math"
	"slices"
)

// Keys is where an element's keys are written, in source order, and the
// entries of those whose value is a list, so a finding about one can
// point at it. It is a part of the positions a KeyRecorder records for a
// whole file: small values with no parse tree behind them. The zero
// value holds no keys.
type Keys struct {
	file     *keyStore
	from, to uint32 // the element's marks: file.marks[from:to]
}

// keyStore holds the marks of one file's elements, and the key names
// they are written with (nearly always each once).
type keyStore struct {
	marks []mark
	names []string
}

// mark is a key, or an entry of the list that is the value of the key
// before it. It holds no pointer, so the collector does not look inside.
type mark struct {
	line, col uint32
	name      int32 // an index in keyStore.names, or entry or unnamedKey
}

const (
	entry      = -1 // an entry of the list value of the key before it
	unnamedKey = -2 // a key that is a list or a mapping
)

// KeyRecorder records the keys of one file's elements, element by element,
// into one store they share.
type KeyRecorder struct {
	s    *keyStore
	from int
	// recent holds, by nameHash, one more than the index of the last name
	// with that hash, so a name written again is mostly stored once.
	recent [256]int32
}

// NewKeyRecorder returns a recorder for one file, with room for size keys
// and list entries.
func NewKeyRecorder(size int) *KeyRecorder {
	return &KeyRecorder{s: &keyStore{marks: make([]mark, 0, size), names: make([]string, 0, 64)}}
}

// Key records a key named name, written at line and col.
func (r *KeyRecorder) Key(name string, line, col int) {
	r.add(line, col, r.nameIndex(name))
}

// UnnamedKey records a key that is not a plain string (a list or a
// mapping used as a key): the element counts as written, but no field
// name finds it.
func (r *KeyRecorder) UnnamedKey(line, col int) { r.add(line, col, unnamedKey) }

// Entry records an entry, at line and col, of the list that is the value
// of the key recorded last. Only the entries the model holds are recorded
// (plain values, not nulls), so entry i is the model's item i.
func (r *KeyRecorder) Entry(line, col int) { r.add(line, col, entry) }

// Keys returns the keys and entries recorded since the last call: those
// of one element.
func (r *KeyRecorder) Keys() Keys {
	k := Keys{file: r.s, from: uint32(r.from), to: uint32(len(r.s.marks))}
	r.from = len(r.s.marks)
	return k
}

// Done gives back the room the store was given beyond what it holds,
// when that is more than a quarter, once the file's last element is
// recorded.
func (r *KeyRecorder) Done() {
	if m := r.s.marks; cap(m)-len(m) > len(m)/4 {
		r.s.marks = slices.Clone(m)
	}
}

func (r *KeyRecorder) add(line, col int, name int32) {
	r.s.marks = append(r.s.marks, mark{line: clamp(line), col: clamp(col), name: name})
}

func (r *KeyRecorder) nameIndex(name string) int32 {
	slot := &r.recent[nameHash(name)]
	if i := *slot - 1; i >= 0 && r.s.names[i] == name {
		return i
	}
	r.s.names = append(r.s.names, name)
	*slot = int32(len(r.s.names))
	return *slot - 1
}

// nameHash is a slot of KeyRecorder.recent for a name, from its length
// and its first and last two bytes: over the examples and 20 generated
// maps, 1,180 names were stored for 1,169 distinct ones.
func nameHash(name string) uint8 {
	h := uint64(len(name))
	if n := len(name); n > 0 {
		h |= uint64(name[0])<<8 | uint64(name[n-1])<<32
		if n > 1 {
			h |= uint64(name[1])<<16 | uint64(name[n-2])<<24
		}
	}
	return uint8(h * 0x9E3779B97F4A7C15 >> 56) // the top bits, which mix all of h
}

// clamp keeps a line or column in a mark: no file the loader can hold has
// 4 billion lines.
func clamp(n int) uint32 { return uint32(min(max(n, 0), math.MaxUint32)) }

func (k Keys) marks() []mark {
	if k.file == nil {
		return nil
	}
	return k.file.marks[k.from:k.to]
}

// find returns the index in marks of the first key named name, or -1.
func (k Keys) find(marks []mark, name string) int {
	for i, m := range marks {
		if m.name >= 0 && k.file.names[m.name] == name {
			return i
		}
	}
	return -1
}

// key returns the mark of the first key named name.
func (k Keys) key(name string) (mark, bool) {
	marks := k.marks()
	if i := k.find(marks, name); i >= 0 {
		return marks[i], true
	}
	return mark{}, false
}

// entry returns entry i of the list value of the first key named name.
func (k Keys) entry(name string, i int) (mark, bool) {
	marks := k.marks()
	key := k.find(marks, name)
	if key < 0 || i < 0 {
		return mark{}, false
	}
	// The entries of a key follow it: entry i is there when no other key
	// comes before it.
	for j := key + 1; j < len(marks) && marks[j].name == entry; j++ {
		if j == key+1+i {
			return marks[j], true
		}
	}
	return mark{}, false
}

// written reports whether any key was recorded.
func (k Keys) written() bool { return k.to > k.from }
