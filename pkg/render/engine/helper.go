package engine

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"time"
)

// DefaultTimeout bounds one diagram, the helper's start included (its
// first run on a machine compiles the WebAssembly: about a second).
const DefaultTimeout = 2 * time.Minute

// stderrLimit bounds what is kept of a child's standard error.
const stderrLimit = 16 << 10

// Helper runs journey-graphviz once and sends it every diagram of the
// run. It is safe for concurrent use: calls are serialised. Close ends
// the process.
type Helper struct {
	// Path is the journey-graphviz executable; it is run directly, never
	// through a shell.
	Path string
	// Timeout bounds each diagram; 0 means DefaultTimeout.
	Timeout time.Duration

	mu     sync.Mutex
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	stdout *bufio.Reader
	stderr *limitBuffer
	broken error
	starts int
}

// Starts is how many helper processes this Helper has started (0 or 1).
func (h *Helper) Starts() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.starts
}

func (h *Helper) timeout() time.Duration { return orDefault(h.Timeout) }

// orDefault is a Timeout field's value: DefaultTimeout when unset.
func orDefault(t time.Duration) time.Duration {
	if t > 0 {
		return t
	}
	return DefaultTimeout
}

// SVG lays out one DOT graph.
func (h *Helper) SVG(ctx context.Context, dot []byte) ([]byte, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.broken != nil {
		return nil, h.broken
	}
	if len(dot) > MaxDOT {
		return nil, fmt.Errorf("the graph is %d bytes of DOT, over the limit of %d", len(dot), MaxDOT)
	}
	ctx, cancel := context.WithTimeout(ctx, h.timeout())
	defer cancel()

	type result struct {
		svg []byte
		err error
	}
	done := make(chan result, 1)
	starting := h.cmd == nil
	if starting {
		if err := h.start(); err != nil {
			h.broken = err
			return nil, err
		}
	}
	go func() {
		if starting {
			greeting := make([]byte, len(Magic))
			if _, err := io.ReadFull(h.stdout, greeting); err != nil || string(greeting) != Magic {
				done <- result{err: fmt.Errorf("%s is not a journey-graphviz helper of this version (no greeting)", h.Path)}
				return
			}
		}
		if err := writeFrame(h.stdin, 0, dot); err != nil {
			done <- result{err: fmt.Errorf("sending the graph: %w", err)}
			return
		}
		svg, err := readReply(h.stdout)
		done <- result{svg, err}
	}()

	select {
	case r := <-done:
		var le *LayoutError
		if r.err != nil && !errors.As(r.err, &le) {
			// The conversation is out of step: end the helper.
			h.kill()
			h.broken = h.failure(r.err)
			return nil, h.broken
		}
		return r.svg, r.err
	case <-ctx.Done():
		h.kill()
		<-done // the pipes are closed: the exchange ends
		h.broken = h.failure(fmt.Errorf("no answer within %s (%v)", h.timeout(), ctx.Err()))
		return nil, h.broken
	}
}

func (h *Helper) start() error {
	cmd := exec.Command(h.Path, "serve")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	h.stderr = &limitBuffer{limit: stderrLimit}
	cmd.Stderr = h.stderr
	cmd.WaitDelay = 5 * time.Second
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("starting the diagram helper %s: %w", h.Path, err)
	}
	h.starts++
	h.cmd, h.stdin, h.stdout = cmd, stdin, bufio.NewReader(stdout)
	return nil
}

// failure describes a broken exchange with what the helper printed.
func (h *Helper) failure(err error) error {
	msg := fmt.Sprintf("diagram helper %s: %v", h.Path, err)
	if s := strings.TrimSpace(h.stderr.String()); s != "" {
		msg += ": " + s
	}
	return errors.New(msg)
}

// kill ends the helper at once and reaps it.
func (h *Helper) kill() {
	if h.cmd == nil {
		return
	}
	if h.cmd.Process != nil {
		_ = h.cmd.Process.Kill()
	}
	_ = h.cmd.Wait()
	h.cmd = nil
}

// Close ends the helper: its input is closed and it exits; one that does
// not within a few seconds is killed.
func (h *Helper) Close() error {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.cmd == nil {
		return nil
	}
	_ = h.stdin.Close()
	exited := make(chan struct{})
	cmd := h.cmd
	go func() {
		// The exit status on the way out tells nothing: the helper has
		// answered every request it was sent.
		_ = cmd.Wait()
		close(exited)
	}()
	select {
	case <-exited:
	case <-time.After(5 * time.Second):
		_ = cmd.Process.Kill()
		<-exited
	}
	h.cmd = nil
	if h.broken == nil {
		h.broken = errors.New("diagram helper closed")
	}
	return nil
}

// limitBuffer keeps the first limit bytes written to it and drops the rest.
type limitBuffer struct {
	mu    sync.Mutex
	buf   bytes.Buffer
	limit int
	over  bool
}

func (b *limitBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if room := b.limit - b.buf.Len(); room > 0 {
		if len(p) > room {
			b.buf.Write(p[:room])
			b.over = true
		} else {
			b.buf.Write(p)
		}
	} else if len(p) > 0 {
		b.over = true
	}
	return len(p), nil
}

func (b *limitBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	s := b.buf.String()
	if b.over {
		s += " [...]"
	}
	return s
}

// Dot runs Graphviz's own `dot -Tsvg`, one process per diagram, when the
// helper is not installed. Its output contract is the helper's: DOT in,
// SVG out.
type Dot struct {
	// Path is the dot executable, run directly, never through a shell.
	Path string
	// Timeout bounds each diagram; 0 means DefaultTimeout.
	Timeout time.Duration
}

// SVG lays out one DOT graph.
func (d Dot) SVG(ctx context.Context, dot []byte) ([]byte, error) {
	timeout := orDefault(d.Timeout)
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, d.Path, "-Tsvg")
	cmd.Stdin = bytes.NewReader(dot)
	out := &capWriter{limit: MaxSVG}
	errb := &limitBuffer{limit: stderrLimit}
	cmd.Stdout, cmd.Stderr = out, errb
	cmd.WaitDelay = 5 * time.Second
	err := cmd.Run()
	if out.over {
		return nil, fmt.Errorf("%s: the SVG is over the limit of %d bytes", d.Path, MaxSVG)
	}
	if ctx.Err() != nil {
		return nil, fmt.Errorf("%s: no answer within %s", d.Path, timeout)
	}
	if err != nil {
		msg := strings.TrimSpace(errb.String())
		if msg == "" {
			msg = err.Error()
		}
		return nil, fmt.Errorf("%s: %s", d.Path, msg)
	}
	return fixAmpersands(out.buf.Bytes()), nil
}

// ampersand is an XML entity or character reference, else a bare '&'
// (the first alternative that matches wins). It is compiled on first use,
// not at the start of every run.
var ampersand = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`&(?:[a-zA-Z][a-zA-Z0-9]*|#[0-9]+|#x[0-9a-fA-F]+);|&`)
})

// fixAmpersands escapes the bare '&' that older Graphviz (2.43, Debian 12)
// leaves in URLs (xlink:href="...?a=1&b=2"), which makes the SVG invalid
// XML; Graphviz 12 and the helper escape them.
func fixAmpersands(svg []byte) []byte {
	if !bytes.Contains(svg, []byte("&")) {
		return svg
	}
	return ampersand().ReplaceAllFunc(svg, func(m []byte) []byte {
		if len(m) == 1 {
			return []byte("&amp;")
		}
		return m
	})
}

// capWriter fails once more than limit bytes are written, which ends the
// child's output instead of buffering without bound.
type capWriter struct {
	buf   bytes.Buffer
	limit int
	over  bool
}

func (w *capWriter) Write(p []byte) (int, error) {
	if w.buf.Len()+len(p) > w.limit {
		w.over = true
		return 0, errors.New("output over the limit")
	}
	return w.buf.Write(p)
}
