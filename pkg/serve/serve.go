// Package serve previews the site of a folder of journey maps while they
// are edited (journey serve): it builds the site in memory with package
// site, serves it on a local address, watches the files, makes again
// what a save changed, and tells the open pages to reload through
// server-sent events. After a bad save it keeps the last good pages and
// shows what is wrong in a banner on every page.
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"

	"github.com/journey-maps/journey/pkg/gitrev"
	"github.com/journey-maps/journey/pkg/loader"
	"github.com/journey-maps/journey/pkg/site"
)

// DefaultAddr is where journey serve listens unless told otherwise:
// this machine only.
const DefaultAddr = "127.0.0.1:4848"

// Options configure a preview.
type Options struct {
	// Addr is the host:port to listen on; "" is DefaultAddr.
	Addr string
	// Args are the files and folders to serve, as journey site takes them.
	Args []string
	// Site are the options the pages are built with.
	Site site.Options
	// ConfigFile is the lint configuration in force ("" when none was
	// found); it is watched, and so is .journeylint.yaml in the current
	// folder.
	ConfigFile string
	// Reconfigure reads the configuration again after it changed and
	// returns the options to build with; nil keeps Site. An error is
	// shown in the banner and the last good options kept.
	Reconfigure func() (site.Options, error)
	// Loader sets how files are read (MaxFileSize); Roots default to
	// those of Args, fixed for the whole run.
	Loader loader.Options
	// Debounce is how long the files must be quiet before a rebuild;
	// 0 is 40 ms.
	Debounce time.Duration
	// Listening is called with the site's address once it can be opened.
	Listening func(url string)
	// Log receives a line for each rebuild; nil discards them.
	Log io.Writer
}

// ErrNoAddr is returned when the address cannot be listened on.
var ErrNoAddr = errors.New("cannot listen")

// Run builds the site, serves it and rebuilds it as files change, until
// ctx is done; then it stops serving (open event streams are closed
// first) and returns nil.
func Run(ctx context.Context, o Options) error {
	if o.Addr == "" {
		o.Addr = DefaultAddr
	}
	if o.Debounce <= 0 {
		o.Debounce = 40 * time.Millisecond
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
	if len(o.Loader.Roots) == 0 {
		o.Loader.Roots = loader.DefaultRoots(o.Args, gitrev.Root(loader.FirstDir(o.Args)))
	}
	// Listen first: a taken address fails before the build.
	ln, err := net.Listen("tcp", o.Addr)
	if err != nil {
		return fmt.Errorf("%w on %s: %v", ErrNoAddr, o.Addr, err)
	}
	defer func() { _ = ln.Close() }() // the server has closed it already, or never served
	st := newState(o)
	w, err := newWatcher(o.Debounce)
	if err != nil {
		return fmt.Errorf("watching files: %w", err)
	}
	defer w.close()
	st.rebuild(ctx, nil)
	w.follow(st.watchList())
	srv := &http.Server{Handler: st.handler(loopback(ln.Addr())), ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	if !loopback(ln.Addr()) {
		fmt.Fprintf(o.Log, "journey: listening on %s: whoever can reach this machine can read the site\n", ln.Addr())
	}
	if o.Listening != nil {
		o.Listening("http://" + ln.Addr().String() + "/")
	}
	for {
		select {
		case <-ctx.Done():
			return st.shutdown(srv)
		case err := <-served:
			return err
		case changed := <-w.batches:
			st.rebuild(ctx, changed)
			w.follow(st.watchList())
		case err := <-w.errors:
			fmt.Fprintf(o.Log, "journey: watching files: %v\n", err)
		}
	}
}

// shutdown ends the event streams, which would otherwise hold the
// server open, then stops the server.
func (s *state) shutdown(srv *http.Server) error {
	s.closeStreams()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		return srv.Close()
	}
	return nil
}

// loopback reports whether the server listens on this machine only,
// when it also refuses requests for other host names (a page elsewhere
// rebinding its name to 127.0.0.1 cannot read the site).
func loopback(a net.Addr) bool {
	tcp, ok := a.(*net.TCPAddr)
	return ok && tcp.IP.IsLoopback()
}
