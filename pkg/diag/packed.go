package diag

import (
	"encoding/binary"
	"slices"

	"github.com/journey-maps/journey/pkg/model"
)

// Packed holds findings encoded in one byte slice, which the garbage
// collector does not scan: a run over thousands of maps keeps every
// finding for its report, and as Diagnostic values (four strings each)
// they would be marked again at every collection.
type Packed struct {
	buf      []byte
	n        int
	lastFile string
}

// Add appends findings.
//
// Each is encoded as: the file (0 when it is the previous finding's,
// else its length+1 and bytes), line, column and severity as varints, a
// fatal byte, then rule, message and item, each as a length and bytes.
func (p *Packed) Add(ds ...Diagnostic) {
	for _, d := range ds {
		if p.n > 0 && d.File == p.lastFile {
			p.buf = append(p.buf, 0)
		} else {
			p.buf = binary.AppendUvarint(p.buf, uint64(len(d.File))+1)
			p.buf = append(p.buf, d.File...)
			p.lastFile = d.File
		}
		p.buf = binary.AppendVarint(p.buf, int64(d.Line))
		p.buf = binary.AppendVarint(p.buf, int64(d.Col))
		p.buf = binary.AppendVarint(p.buf, int64(d.Severity))
		fatal := byte(0)
		if d.Fatal {
			fatal = 1
		}
		p.buf = append(p.buf, fatal)
		for _, s := range [...]string{d.Rule, d.Message, d.Item} {
			p.buf = binary.AppendUvarint(p.buf, uint64(len(s)))
			p.buf = append(p.buf, s...)
		}
		p.n++
	}
}

// Len is the number of findings held.
func (p *Packed) Len() int { return p.n }

// AppendTo appends the findings held, in the order they were added, to
// ds. Findings of one file share its path, and rule ids are shared.
func (p *Packed) AppendTo(ds []Diagnostic) []Diagnostic {
	ds = slices.Grow(ds, p.n)
	rules := map[string]string{}
	b := p.buf
	var file string
	uvarint := func() uint64 {
		v, n := binary.Uvarint(b)
		b = b[n:]
		return v
	}
	varint := func() int64 {
		v, n := binary.Varint(b)
		b = b[n:]
		return v
	}
	take := func(n uint64) []byte {
		s := b[:n]
		b = b[n:]
		return s
	}
	for range p.n {
		if l := uvarint(); l > 0 {
			file = string(take(l - 1))
		}
		d := Diagnostic{Pos: model.Pos{File: file}}
		d.Line = int(varint())
		d.Col = int(varint())
		d.Severity = Severity(varint())
		d.Fatal = take(1)[0] == 1
		rule := take(uvarint())
		d.Rule = rules[string(rule)]
		if d.Rule == "" && len(rule) > 0 {
			d.Rule = string(rule)
			rules[d.Rule] = d.Rule
		}
		d.Message = string(take(uvarint()))
		d.Item = string(take(uvarint()))
		ds = append(ds, d)
	}
	return ds
}
