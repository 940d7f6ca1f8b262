package serve

import (
	"bytes"
	_ "embed"
	"fmt"
	"html"
	"net"
	"net/http"
	"os"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/journey-maps/journey/pkg/model"
	"github.com/journey-maps/journey/pkg/site"
)

// The preview's own files, beside the site's: the script that reloads a
// page when the site changes, and the banner's style.
const (
	liveScript = "/_journey/live.js"
	liveStyle  = "/_journey/live.css"
	eventsPath = "/_journey/events"
)

//go:embed live.js
var liveJS []byte

//go:embed live.css
var liveCSS []byte

// headerCSP is the site's policy, and no framing (which only a header
// can say).
const headerCSP = site.CSP + "; frame-ancestors 'none'"

var contentTypes = map[string]string{
	".html": "text/html; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".json": "application/json",
}

// handler serves the site from memory: nothing is read from disk for a
// request, so no path, link or encoding can reach a file outside it.
func (s *state) handler(localOnly bool) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", headerCSP)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cache-Control", "no-store")
		if localOnly && !localHost(r.Host) {
			http.Error(w, "journey serve answers only to localhost", http.StatusForbidden)
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			h.Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		switch r.URL.Path {
		case eventsPath:
			s.events(w, r)
			return
		case liveScript:
			serveBytes(w, r, "text/javascript; charset=utf-8", liveJS)
			return
		case liveStyle:
			serveBytes(w, r, "text/css; charset=utf-8", liveCSS)
			return
		}
		name, ok := siteName(r)
		s.mu.RLock()
		data, found := s.files[name]
		version, banner := s.version, s.banner
		s.mu.RUnlock()
		if !ok || !found {
			w.WriteHeader(http.StatusNotFound)
			notFound := []byte("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Not found · Journey maps</title>\n</head>\n<body>\n<main><h1>Not found</h1><p><a href=\"/index.html\">The portfolio</a></p></main>\n</body>\n</html>\n")
			_, _ = w.Write(live(notFound, version, banner)) // a client gone away is nothing to report
			return
		}
		ext := path.Ext(name)
		if ext == ".html" {
			data = live(data, version, banner)
		}
		serveBytes(w, r, contentTypes[ext], data)
	})
}

// siteName turns a request path into a file of the site. Anything that
// could name a way out (.., encoded slashes or backslashes, NUL, empty
// segments) is refused, though nothing outside the site is there to
// reach.
func siteName(r *http.Request) (string, bool) {
	raw := strings.ToLower(r.URL.EscapedPath())
	if strings.Contains(raw, "%2f") || strings.Contains(raw, "%5c") || strings.Contains(raw, "%00") {
		return "", false
	}
	p := r.URL.Path
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") {
		return "", false
	}
	segs := strings.Split(p, "/")
	for i, seg := range segs {
		if seg == ".." || seg == "." || seg == "" && i > 0 && i < len(segs)-1 {
			return "", false
		}
	}
	name := strings.TrimPrefix(p, "/")
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	return name, true
}

func serveBytes(w http.ResponseWriter, r *http.Request, ctype string, data []byte) {
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	if r.Method == http.MethodHead {
		return
	}
	_, _ = w.Write(data) // a client gone away is nothing to report
}

// live adds to a page the reload script, the version it shows and the
// banner of problems.
func live(page []byte, version uint64, banner []string) []byte {
	head := fmt.Sprintf("<meta name=\"journey-version\" content=\"%d\">\n<link rel=\"stylesheet\" href=\"%s\">\n<script src=\"%s\" defer></script>\n", version, liveStyle, liveScript)
	var b bytes.Buffer
	i := bytes.Index(page, []byte("</head>"))
	j := bytes.Index(page, []byte("<body"))
	if i < 0 || j < i {
		return page
	}
	k := j + bytes.IndexByte(page[j:], '>') + 1
	b.Write(page[:i])
	b.WriteString(head)
	b.Write(page[i:k])
	if len(banner) > 0 {
		b.WriteString("\n<div class=\"journey-live-banner\" role=\"alert\">\n<p><strong>The last save has problems.</strong> These pages show the last version that could be drawn; they update once the files are fixed.</p>\n<ul>\n")
		for _, line := range banner {
			b.WriteString("<li><code>" + html.EscapeString(line) + "</code></li>\n")
		}
		b.WriteString("</ul>\n</div>")
	}
	b.Write(page[k:])
	return b.Bytes()
}

// events streams the site's version to a page: once at once, then at
// every rebuild, until the page goes or the server stops.
func (s *state) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	ch := make(chan uint64, 1)
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		http.Error(w, "stopping", http.StatusServiceUnavailable)
		return
	}
	s.streams[ch] = struct{}{}
	ch <- s.version
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.streams, ch)
		s.mu.Unlock()
	}()
	w.Header().Set("Content-Type", "text/event-stream")
	w.WriteHeader(http.StatusOK)
	tick := time.NewTicker(20 * time.Second)
	defer tick.Stop()
	for {
		select {
		case v, open := <-ch:
			if !open {
				return
			}
			fmt.Fprintf(w, "event: version\ndata: %d\n\n", v)
		case <-tick.C:
			fmt.Fprint(w, ": keep-alive\n\n")
		case <-r.Context().Done():
			return
		}
		flusher.Flush()
	}
}

// closeStreams ends every event stream, for the server to stop.
func (s *state) closeStreams() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	for ch := range s.streams {
		close(ch)
		delete(s.streams, ch)
	}
}

// localHost reports whether a Host header names this machine.
func localHost(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.Trim(host, "[]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

func diagPos(path string) model.Pos { return model.Pos{File: path} }
