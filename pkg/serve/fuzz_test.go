package serve

import (
	"net/http"
	"strings"
	"testing"
)

// FuzzSiteName: whatever the request path, a name handed to the site is
// relative, has no . or .. segment, no backslash and no NUL.
func FuzzSiteName(f *testing.F) {
	for _, s := range []string{"/", "/index.html", "/maps/a.html", "/../etc/passwd", "/%2e%2e/x", "/a%2fb", "/a\\b", "/./x", "//x", "/maps/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, target string) {
		if !strings.HasPrefix(target, "/") {
			target = "/" + target
		}
		req, err := http.NewRequest(http.MethodGet, "http://127.0.0.1"+target, nil)
		if err != nil {
			return // not a request a server would get
		}
		name, ok := siteName(req)
		if !ok {
			return
		}
		if strings.HasPrefix(name, "/") || strings.ContainsAny(name, "\\\x00") {
			t.Fatalf("%q: name %q", target, name)
		}
		for _, seg := range strings.Split(name, "/") {
			if seg == ".." || seg == "." {
				t.Fatalf("%q: name %q has a %q segment", target, name, seg)
			}
		}
	})
}
