package textfmt

import (
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"
)

func sampleTable() Table {
	return Table{
		Header: []string{"Rank", "Action", "Title", "Owner"},
		Right:  []int{0},
		Rows: [][][]string{
			{{"1"}, {"guest-checkout"}, {"Offer guest checkout with an optional account after payment"}, {"web-team"}},
			{{"2"}, {"show-shipping"}, {"Show the delivery cost on the product page, before the cart"}, {"web-team"}},
			{{"3"}, {"tracking"}, {"Send a one-hour window and a live tracking link by SMS"}, {"logistics-team"}},
		},
	}
}

// words lists every word of the table's cells.
func words(t Table) []string {
	var out []string
	for _, r := range t.Rows {
		for _, c := range r {
			for _, l := range c {
				out = append(out, strings.Fields(l)...)
			}
		}
	}
	return out
}

func TestWriteTableFitsWithoutBreakingWords(t *testing.T) {
	tb := sampleTable()
	for _, width := range []int{200, 100, 80, 60, 40, 30} {
		var b strings.Builder
		if err := WriteTable(&b, tb, width); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		for _, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
			if w := runewidth.StringWidth(l); w > width {
				t.Errorf("width %d: a line of %d cells: %q", width, w, l)
			}
		}
		// Every word is whole on some line: words are never broken.
		lines := " " + strings.ReplaceAll(out, "\n", " \n ") + " "
		for _, word := range words(tb) {
			if !strings.Contains(lines, " "+word+" ") {
				t.Errorf("width %d: the word %q is broken:\n%s", width, word, out)
			}
		}
	}
}

func TestWriteTableRecordsWhenColumnsCannotFit(t *testing.T) {
	var b strings.Builder
	WriteTable(&b, sampleTable(), 40)
	if strings.Contains(b.String(), "┌") || !strings.Contains(b.String(), "Title   Offer guest checkout with") {
		t.Errorf("want records at 40 columns:\n%s", b.String())
	}
	b.Reset()
	WriteTable(&b, sampleTable(), 100)
	if !strings.Contains(b.String(), "┌") {
		t.Errorf("want a table at 100 columns:\n%s", b.String())
	}
}

func TestWriteTableUnwrappedWithoutWidth(t *testing.T) {
	var b strings.Builder
	WriteTable(&b, sampleTable(), 0)
	if !strings.Contains(b.String(), "Offer guest checkout with an optional account after payment") {
		t.Errorf("a pipe or file gets the cells whole:\n%s", b.String())
	}
}

func TestWrapKeepsIndent(t *testing.T) {
	got := Wrap("  a long touchpoint name here", 12)
	for _, l := range got {
		if !strings.HasPrefix(l, "  ") || runewidth.StringWidth(l) > 12 {
			t.Errorf("%q", got)
		}
	}
	if got := Wrap("supercalifragilistic", 8); len(got) != 3 || got[0] != "supercal" {
		t.Errorf("a word wider than the width is broken: %q", got)
	}
}
