package cli

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/gctune"
	"github.com/journey-maps/journey/pkg/render/engine"
	"github.com/journey-maps/journey/pkg/site"
	"github.com/journey-maps/journey/pkg/textfmt"
)

type siteFlags struct {
	out, today, configPath string
	clean, flow            bool
}

func newSiteCmd(a *app) *cobra.Command {
	var f siteFlags
	cmd := &cobra.Command{
		Use:   "site [FILE|DIR]... -o DIR",
		Short: "Build a static site of every map: portfolio, map reports, personas, backlog, owners, findings",
		Long: `site writes a self-contained static site of every map found: a portfolio
index (sortable and filterable), a page per map (its report and its
connections to other maps), a page per persona across maps, one backlog
across maps, an owners page, the findings grouped by rule, and a search
index. Pages load nothing from outside and link relatively, so the folder
works from disk and from any static host (GitHub Pages, GitLab Pages).

The same files give the same bytes. Dates are judged on --today, else on
SOURCE_DATE_EPOCH, else on today; the day is printed on the pages only when
one of the first two fixes it. The site is built in a temporary folder and
moved into place; files in DIR that journey site did not write are kept
unless --clean is given (it lists what it wrote in DIR/` + site.ManifestName + `).

Maps with format errors are listed with their findings, not drawn.
--flow adds the Graphviz flow diagram to each map page (through the
journey-graphviz helper; it costs a layout per map).

Exit codes: 0 built; 2 usage errors, no journey map found, and files that
cannot be read or parsed as YAML (the site is still built, listing them).`,
		Example: `  journey site examples/ -o site/
  journey site --today 2026-11-23 --clean maps/ -o public/
  journey site --flow maps/ -o site/`,
		ValidArgsFunction: completeJourneyFiles,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runSite(cmd, args, f)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&f.out, "output", "o", "", "the folder to write the site into (required)")
	fl.BoolVar(&f.clean, "clean", false, "also remove files in the output folder that journey site did not write")
	fl.BoolVar(&f.flow, "flow", false, "draw each map's flow diagram (needs the journey-graphviz helper or Graphviz's dot)")
	fl.StringVar(&f.today, "today", "", "the date reviews and goals are judged on, YYYY-MM-DD (default SOURCE_DATE_EPOCH, else today)")
	fl.StringVar(&f.configPath, "config", "", "configuration file (default .journeylint.yaml found from the current directory upward)")
	return cmd
}

func (a *app) runSite(cmd *cobra.Command, args []string, f siteFlags) error {
	if f.out == "" {
		return usagef("site: name the folder to write with -o DIR")
	}
	opts, closeEngine, err := a.siteOptions(f.today, f.configPath, f.flow)
	if err != nil {
		return err
	}
	defer closeEngine()
	gctune.Raise(siteHeadroom)
	res, err := site.Write(cmd.Context(), a.newLoader(defaultArgs(args)), defaultArgs(args), f.out, opts, f.clean)
	var ue *site.UsageError
	var nf *engine.NotFoundError
	switch {
	case errors.As(err, &nf):
		return a.noEngine(nf)
	case errors.As(err, &ue):
		return usageError{msg: ue.Msg}
	case err != nil:
		return fmt.Errorf("site: %w", err)
	}
	for _, d := range res.Problems {
		fmt.Fprintln(a.env.Stderr, textfmt.Sanitize(d.String()))
	}
	if res.Maps == 0 {
		return usagef("site: no journey map in %s (directories are searched for *.journey.yaml)", strings.Join(defaultArgs(args), " "))
	}
	fmt.Fprintf(a.env.Stderr, "journey: wrote %s (%s drawn) to %s\n",
		textfmt.Plural(res.Maps, "map"), strconv.Itoa(res.Drawn), textfmt.Sanitize(f.out))
	if diag.AnyFatal(res.Problems) {
		return exitCode(ExitUsage)
	}
	return nil
}

// siteHeadroom is the collector's headroom while a site is built: each map
// page is a few hundred kilobytes of garbage, and with the default 16 MB
// the collector ran every few maps. 128 MB took 500 maps from 1.29 s to
// 1.03 s (lint: 0.37 s) for a peak of 190 MB that does not grow with the
// number of maps (docs/performance.md).
var siteHeadroom uint64 = 128 << 20

// siteOptions gathers what journey site and journey serve build with:
// the day, the configuration and its weights, the rules, and a diagram
// engine when --flow asks for one (close it when done).
func (a *app) siteOptions(today, configPath string, flow bool) (site.Options, func(), error) {
	day, dated, err := a.siteDay(today)
	if err != nil {
		return site.Options{}, nil, err
	}
	cfg, weights, err := a.scoreConfig(configPath)
	if err != nil {
		return site.Options{}, nil, err
	}
	opts := site.Options{Config: cfg, Weights: weights, Today: day, Dated: dated}
	for _, r := range lintRules() {
		opts.Rules = append(opts.Rules, site.Rule{ID: r.ID, Summary: r.Summary, URL: r.HelpURI})
	}
	closeEngine := func() {}
	if flow {
		eng := a.env.Graphviz
		if eng == nil {
			auto := &engine.Auto{Lookup: engine.Lookup{Getenv: a.env.Getenv}}
			closeEngine = func() { _ = auto.Close() } // a helper that fails to stop has drawn what it drew
			eng = auto
		}
		opts.Layout = eng.SVG
	}
	return opts, closeEngine, nil
}

// siteDay is the day a site is judged on: --today, else
// SOURCE_DATE_EPOCH (the reproducible-builds convention), else the
// clock. dated says whether it was fixed, so the pages may show it.
func (a *app) siteDay(flag string) (time.Time, bool, error) {
	if flag != "" {
		t, err := time.Parse(time.DateOnly, flag)
		if err != nil {
			return time.Time{}, false, usagef("--today %q: want a date as YYYY-MM-DD", flag)
		}
		return t, true, nil
	}
	if s := a.env.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return time.Time{}, false, usagef("SOURCE_DATE_EPOCH %q: want seconds since 1970", s)
		}
		return time.Unix(n, 0).UTC(), true, nil
	}
	return a.env.Now(), false, nil
}
