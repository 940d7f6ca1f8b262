// Package engine lays out DOT as SVG outside the journey process.
//
// go-graphviz compiles Graphviz's WebAssembly in a package init, at the
// start of every process that links it, drawing or not. So the journey
// binary does not link it: a diagram is laid out by the helper executable
// journey-graphviz (cmd/journey-graphviz, installed beside journey by
// `go install github.com/journey-maps/journey/cmd/...`), started once per
// run and only when a diagram is drawn, or by Graphviz's own `dot` when
// the helper is missing. This package must never import go-graphviz.
//
// # Protocol
//
// The helper is started as `journey-graphviz serve` and speaks over its
// standard input and output:
//
//   - It first writes the greeting Magic.
//   - Each request is one frame: a 4-byte big-endian length, then that
//     many bytes of DOT (at most MaxDOT).
//   - Each reply is a 1-byte kind, 'S' (the payload is SVG) or 'E' (the
//     payload is an error message), a 4-byte big-endian length (at most
//     MaxSVG) and the payload.
//   - Requests are answered one at a time, in order; the helper exits 0
//     when its standard input ends.
package engine

import (
	"bufio"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// Magic is the helper's greeting; the version in it changes with the
// protocol.
const Magic = "journey-graphviz/1\n"

// Limits on one frame.
const (
	MaxDOT = 64 << 20  // a DOT text sent to the helper
	MaxSVG = 256 << 20 // an SVG (or error) sent back
)

// Reply kinds.
const (
	kindSVG   = 'S'
	kindError = 'E'
)

// ErrFrameTooLarge is a frame over its limit.
var ErrFrameTooLarge = errors.New("frame too large")

func writeFrame(w io.Writer, kind byte, payload []byte) error {
	var hdr [5]byte
	n := 0
	if kind != 0 {
		hdr[0] = kind
		n = 1
	}
	binary.BigEndian.PutUint32(hdr[n:n+4], uint32(len(payload)))
	if _, err := w.Write(hdr[:n+4]); err != nil {
		return err
	}
	_, err := w.Write(payload)
	return err
}

// readFrame reads a length-prefixed payload of at most max bytes. It
// returns io.EOF only when the stream ends cleanly before a frame.
func readFrame(r io.Reader, max int) ([]byte, error) {
	var hdr [4]byte
	if _, err := io.ReadFull(r, hdr[:]); err != nil {
		if err == io.ErrUnexpectedEOF {
			return nil, fmt.Errorf("truncated frame header")
		}
		return nil, err
	}
	n := binary.BigEndian.Uint32(hdr[:])
	if uint64(n) > uint64(max) {
		return nil, fmt.Errorf("%w: %d bytes (limit %d)", ErrFrameTooLarge, n, max)
	}
	buf := make([]byte, n)
	if _, err := io.ReadFull(r, buf); err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return nil, fmt.Errorf("truncated frame: %w", err)
	}
	return buf, nil
}

// Layout turns DOT into SVG.
type Layout func(ctx context.Context, dot []byte) ([]byte, error)

// Serve is the helper's side of the protocol: it greets, then answers
// each DOT frame read from r with an SVG or error frame on w, one at a
// time (so the layout, which go-graphviz cannot run concurrently, is
// never called twice at once). It returns nil when r ends between frames
// and an error for a broken or oversized frame.
func Serve(ctx context.Context, r io.Reader, w io.Writer, layout Layout) error {
	bw := bufio.NewWriter(w)
	br := bufio.NewReader(r)
	if _, err := bw.WriteString(Magic); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	for {
		dot, err := readFrame(br, MaxDOT)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("reading a request: %w", err)
		}
		svg, err := layout(ctx, dot)
		switch {
		case err != nil:
			err = writeFrame(bw, kindError, []byte(err.Error()))
		case len(svg) > MaxSVG:
			err = writeFrame(bw, kindError, []byte(fmt.Sprintf("the SVG is %d bytes, over the limit of %d", len(svg), MaxSVG)))
		default:
			err = writeFrame(bw, kindSVG, svg)
		}
		if err == nil {
			err = bw.Flush()
		}
		if err != nil {
			return fmt.Errorf("writing a reply: %w", err)
		}
	}
}

// readReply reads one reply frame.
func readReply(r *bufio.Reader) ([]byte, error) {
	kind, err := r.ReadByte()
	if err != nil {
		return nil, err
	}
	if kind != kindSVG && kind != kindError {
		return nil, fmt.Errorf("unexpected reply kind %q", kind)
	}
	payload, err := readFrame(r, MaxSVG)
	if err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return nil, err
	}
	if kind == kindError {
		return nil, &LayoutError{Msg: string(payload)}
	}
	return payload, nil
}

// LayoutError is Graphviz's own complaint about a graph.
type LayoutError struct{ Msg string }

func (e *LayoutError) Error() string { return "graphviz: " + e.Msg }
