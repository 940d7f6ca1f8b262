package site

import (
	"html"
	"strings"
)

// A small HTML reader for the tests: enough for the pages html/template
// writes (and the SVG render draws), so the tests need no parser module.

type token struct {
	tag     string // lower case; "" for text
	closing bool
	attrs   map[string]string
	text    string
}

var rawText = map[string]bool{"script": true, "style": true}

// tokenize splits a page into tags and text; comments and the doctype
// are dropped, the content of script and style kept as one text.
func tokenize(s string) []token {
	var out []token
	for len(s) > 0 {
		lt := strings.IndexByte(s, '<')
		if lt < 0 {
			out = append(out, token{text: html.UnescapeString(s)})
			break
		}
		if lt > 0 {
			out = append(out, token{text: html.UnescapeString(s[:lt])})
		}
		s = s[lt:]
		switch {
		case strings.HasPrefix(s, "<!--"):
			end := strings.Index(s, "-->")
			if end < 0 {
				return out
			}
			s = s[end+3:]
			continue
		case strings.HasPrefix(s, "<!"), strings.HasPrefix(s, "<?"):
			end := strings.IndexByte(s, '>')
			if end < 0 {
				return out
			}
			s = s[end+1:]
			continue
		}
		t, rest := readTag(s)
		out = append(out, t)
		s = rest
		if rawText[t.tag] && !t.closing {
			end := strings.Index(strings.ToLower(s), "</"+t.tag)
			if end < 0 {
				end = len(s)
			}
			out = append(out, token{text: s[:end]})
			s = s[end:]
		}
	}
	return out
}

// readTag reads one tag at the start of s.
func readTag(s string) (token, string) {
	i := 1
	t := token{attrs: map[string]string{}}
	if i < len(s) && s[i] == '/' {
		t.closing = true
		i++
	}
	start := i
	for i < len(s) && !strings.ContainsRune(" \t\n\r/>", rune(s[i])) {
		i++
	}
	t.tag = strings.ToLower(s[start:i])
	for i < len(s) && s[i] != '>' {
		for i < len(s) && strings.ContainsRune(" \t\n\r/", rune(s[i])) {
			i++
		}
		ks := i
		for i < len(s) && !strings.ContainsRune(" \t\n\r/>=", rune(s[i])) {
			i++
		}
		key := strings.ToLower(s[ks:i])
		val := ""
		if i < len(s) && s[i] == '=' {
			i++
			if i < len(s) && (s[i] == '"' || s[i] == '\'') {
				q := s[i]
				end := strings.IndexByte(s[i+1:], q)
				if end < 0 {
					end = len(s) - i - 1
				}
				val = s[i+1 : i+1+end]
				i += end + 2
			} else {
				vs := i
				for i < len(s) && !strings.ContainsRune(" \t\n\r>", rune(s[i])) {
					i++
				}
				val = s[vs:i]
			}
		}
		if key != "" {
			t.attrs[key] = html.UnescapeString(val)
		}
	}
	if i < len(s) {
		i++
	}
	return t, s[i:]
}

var blockTags = map[string]bool{
	"p": true, "div": true, "section": true, "article": true, "header": true, "footer": true, "main": true,
	"nav": true, "ul": true, "ol": true, "li": true, "dl": true, "dt": true, "dd": true, "table": true,
	"thead": true, "tbody": true, "tr": true, "figure": true, "figcaption": true, "h1": true, "h2": true,
	"h3": true, "h4": true, "form": true, "br": true, "title": true,
}

// outline is a page as text, one block a line: headings marked with #,
// list items with -, table cells split by |, links as [text](href),
// pictures as [figure: title]. It is what the golden files hold: the
// content of the page, not its bytes.
func outline(page string) string {
	var lines []string
	var line strings.Builder
	flush := func() {
		if l := strings.Join(strings.Fields(line.String()), " "); l != "" {
			lines = append(lines, l)
		}
		line.Reset()
	}
	var href string
	anchor := -1
	cell := 0
	toks := tokenize(page)
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch {
		case t.tag == "":
			line.WriteString(t.text)
		case t.tag == "head" && !t.closing:
			for i < len(toks) && (toks[i].tag != "head" || !toks[i].closing) {
				if toks[i].tag == "title" && !toks[i].closing && i+1 < len(toks) {
					lines = append(lines, "title: "+strings.TrimSpace(toks[i+1].text))
				}
				i++
			}
		case rawText[t.tag] && !t.closing:
			i++ // skip the script's text
		case t.tag == "svg" && !t.closing:
			title := ""
			for i < len(toks) && (toks[i].tag != "svg" || !toks[i].closing) {
				if toks[i].tag == "title" && !toks[i].closing && title == "" && i+1 < len(toks) {
					title = toks[i+1].text
				}
				i++
			}
			flush()
			lines = append(lines, "[figure: "+strings.TrimSpace(title)+"]")
		case t.tag == "a" && !t.closing:
			href, anchor = t.attrs["href"], line.Len()
		case t.tag == "a" && t.closing && anchor >= 0:
			text := line.String()[anchor:]
			s := line.String()[:anchor]
			line.Reset()
			line.WriteString(s + "[" + strings.TrimSpace(text) + "](" + href + ")")
			anchor = -1
		case t.tag == "tr":
			flush()
			cell = 0
		case (t.tag == "td" || t.tag == "th") && !t.closing:
			if cell > 0 {
				line.WriteString(" | ")
			}
			cell++
		case len(t.tag) == 2 && t.tag[0] == 'h' && t.tag[1] >= '1' && t.tag[1] <= '6':
			flush()
			if !t.closing {
				line.WriteString(strings.Repeat("#", int(t.tag[1]-'0')) + " ")
			}
		case t.tag == "li" && !t.closing:
			flush()
			line.WriteString("- ")
		case blockTags[t.tag]:
			flush()
		}
	}
	flush()
	return strings.Join(lines, "\n") + "\n"
}
