package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"slices"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/journey-maps/journey/pkg/config"
	"github.com/journey-maps/journey/pkg/loader"
	"github.com/journey-maps/journey/pkg/score"
	"github.com/journey-maps/journey/pkg/serve"
	"github.com/journey-maps/journey/pkg/site"
	"github.com/journey-maps/journey/pkg/textfmt"
)

func newServeCmd(a *app) *cobra.Command {
	var (
		addr, today, configPath string
		open, flow              bool
	)
	cmd := &cobra.Command{
		Use:   "serve [FILE|DIR]...",
		Short: "Preview the site of the maps while you edit them; pages reload on save",
		Long: `serve builds the same site as journey site, in memory, and serves it on
this machine (` + serve.DefaultAddr + ` unless --addr says otherwise). When a
map, a persona library or .journeylint.yaml is saved it makes again what
the save touched, and the open pages reload themselves.

After a bad save (a map that no longer parses or has format errors) the
last good pages stay, and every page shows the problems (file:line:col and
message) in a banner until the file is fixed.

Only the site is served, from memory: no other file can be reached. Stop
it with Ctrl-C.`,
		Example: `  journey serve examples/
  journey serve --open maps/
  journey serve --addr 127.0.0.1:8080 --today 2026-11-23 maps/`,
		ValidArgsFunction: completeJourneyFiles,
		RunE: func(cmd *cobra.Command, args []string) error {
			if slices.Contains(args, "-") {
				return usagef("serve watches files; standard input (-) cannot be watched")
			}
			opts, closeEngine, err := a.siteOptions(today, configPath, flow)
			if err != nil {
				return err
			}
			defer closeEngine()
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			err = serve.Run(ctx, serve.Options{
				Addr: addr, Args: defaultArgs(args), Site: opts, ConfigFile: a.config.Path,
				Reconfigure: func() (site.Options, error) { return a.reconfigure(opts, configPath) },
				Loader:      loader.Options{MaxFileSize: int64(a.maxFileSize), Roots: loader.DefaultRoots(defaultArgs(args), a.repoRoot(defaultArgs(args)))},
				Log:         a.env.Stderr,
				Listening: func(url string) {
					fmt.Fprintf(a.env.Stderr, "journey: serving the site at %s (Ctrl-C stops)\n", url)
					if open {
						if err := serve.OpenBrowser(context.WithoutCancel(ctx), url); err != nil {
							fmt.Fprintf(a.env.Stderr, "journey: cannot open a browser: %v\n", err)
						}
					}
				},
			})
			if errors.Is(err, serve.ErrNoAddr) {
				return usageError{msg: textfmt.Sanitize(err.Error())}
			}
			return err
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&addr, "addr", serve.DefaultAddr, "the `host:port` to listen on (this machine only by default)")
	fl.BoolVar(&open, "open", false, "open the site in the default browser")
	fl.BoolVar(&flow, "flow", false, "draw each map's flow diagram (needs the journey-graphviz helper or Graphviz's dot)")
	fl.StringVar(&today, "today", "", "the date reviews and goals are judged on, YYYY-MM-DD (default today)")
	fl.StringVar(&configPath, "config", "", "configuration file (default .journeylint.yaml found from the current directory upward)")
	return cmd
}

// reconfigure reads the configuration again for journey serve: the same
// file, or the one now found from the current directory.
func (a *app) reconfigure(prev site.Options, path string) (site.Options, error) {
	wd, err := os.Getwd()
	if err != nil {
		return prev, err
	}
	cfg, err := config.Discover(path, wd, configSchema())
	if err != nil {
		return prev, err
	}
	weights, err := score.WeightsFrom(cfg.Weights)
	if err != nil {
		return prev, fmt.Errorf("%s: %v", cfg.Path, err)
	}
	prev.Config, prev.Weights = cfg, weights
	return prev, nil
}
