package pagecheck

import "testing"

func TestExternalLoads(t *testing.T) {
	for page, want := range map[string]int{
		`<a xlink:href="https://example.com">x</a><a href="#journey">j</a>`:    0,
		`<img src="data:image/png;base64,AAAA">`:                               0,
		`<svg><use href="#n1"/></svg>`:                                         0,
		`<img src="http://evil/x.png">`:                                        1,
		`<image xlink:href='https://evil/x.png'/>`:                             1,
		`<link rel=stylesheet href=//evil/x.css>`:                              1,
		`<script src="x.js"></script>`:                                         1,
		`<div style="background:url(http://evil/x)">`:                          1,
		`<style>@import "https://evil/x.css"; b{background:url('#g')}</style>`: 1,
		`<iframe src="file:///etc/passwd">`:                                    1,
	} {
		if got := ExternalLoads([]byte(page)); len(got) != want {
			t.Errorf("%s: %q, want %d", page, got, want)
		}
	}
}
