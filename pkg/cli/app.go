// Package cli is the journey command line. Run executes one invocation
// in-process with injected streams and returns the exit code, so the whole
// CLI is testable without a subprocess.
package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/journey-maps/journey/pkg/config"
	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/loader"
	"github.com/journey-maps/journey/pkg/render/engine"
	"github.com/journey-maps/journey/pkg/textfmt"
)

// Exit codes (README.md, docs/cli).
const (
	ExitOK       = 0 // clean
	ExitFindings = 1 // findings at or above the failing severity, a failed gate, a difference
	ExitUsage    = 2 // usage errors, files that cannot be read or parsed as YAML
)

// Env is the outside world of one invocation.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// Getenv reads the environment (NO_COLOR); nil means os.Getenv.
	Getenv func(string) string
	// IsTerminal reports whether a writer is a terminal; nil means a check
	// of the file mode of *os.File writers.
	IsTerminal func(w io.Writer) bool
	// Now is the current time; nil means time.Now. --today overrides it.
	Now func() time.Time
	// Graphviz lays out diagrams; nil means the journey-graphviz helper
	// (or Graphviz's dot), found and started only when a diagram is drawn.
	// Tests set it to the in-process graphviz.InProcess.
	Graphviz engine.Engine
}

// OSEnv is the environment of a real process.
func OSEnv() Env {
	return Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}
}

func (e *Env) fill() {
	if e.Stdin == nil {
		e.Stdin = strings.NewReader("")
	}
	if e.Stdout == nil {
		e.Stdout = io.Discard
	}
	if e.Stderr == nil {
		e.Stderr = io.Discard
	}
	if e.Getenv == nil {
		e.Getenv = os.Getenv
	}
	if e.IsTerminal == nil {
		e.IsTerminal = isTerminal
	}
	if e.Now == nil {
		e.Now = time.Now
	}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// app is the state shared by the commands of one invocation.
type app struct {
	env         Env
	color       string // auto | always | never
	maxFileSize byteSize
	config      *config.Config // the lint configuration, once loaded (lintConfig)
	root        string         // the repository root, once known (repoRoot)
	rootKnown   bool
}

// exitCode is returned by a command's RunE to end with that code once its
// own messages are printed.
type exitCode int

func (e exitCode) Error() string { return fmt.Sprintf("exit %d", int(e)) }

// usageError is a mistake in the command line: exit 2. flag is set for
// a flag that does not parse, where the usage text helps.
type usageError struct {
	msg  string
	flag bool
}

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{msg: fmt.Sprintf(format, args...)} }

// commands builds the command tree; each command lives in its own file.
var commands = []func(*app) *cobra.Command{
	newValidateCmd,
	newSchemaCmd,
	newVersionCmd,
	newRenderCmd,
	newScoreCmd,
	newDiffCmd,
	newFmtCmd,
	newLintCmd,
	newExplainCmd,
	newInitCmd,
	newImportCmd,
	newSiteCmd,
	newServeCmd,
}

// Run executes the command line args (without the program name).
func Run(args []string, env Env) int {
	env.fill()
	a := &app{env: env}
	root := a.rootCmd()
	root.SetArgs(args)
	root.SetIn(env.Stdin)
	root.SetOut(env.Stdout)
	root.SetErr(env.Stderr)
	err := root.Execute()
	var code exitCode
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &code):
		return int(code)
	}
	fmt.Fprintf(env.Stderr, "journey: %s\n", textfmt.Sanitize(err.Error()))
	if aboutUsage(err) {
		fmt.Fprintln(env.Stderr, "Run 'journey --help' for usage.")
	}
	return ExitUsage
}

// runError is a failure of a command that ran (a file it could not
// write, say): exit 2, but not a mistake in the command line.
type runError struct{ err error }

func (e runError) Error() string { return e.err.Error() }

func (e runError) Unwrap() error { return e.err }

// aboutUsage reports whether an error is a mistake in the command line
// that the usage text helps with: an unknown command, a wrong number of
// arguments, a flag that does not parse.
func aboutUsage(err error) bool {
	if errors.As(err, new(runError)) {
		return false
	}
	var u usageError
	return !errors.As(err, &u) || u.flag
}

// markRunErrors wraps what each command's RunE returns, other than usage
// errors and exit codes, as a runError.
func markRunErrors(c *cobra.Command) {
	if run := c.RunE; run != nil {
		c.RunE = func(cmd *cobra.Command, args []string) error {
			err := run(cmd, args)
			if err == nil || errors.As(err, new(usageError)) || errors.As(err, new(exitCode)) {
				return err
			}
			return runError{err}
		}
	}
	for _, sub := range c.Commands() {
		markRunErrors(sub)
	}
}

func (a *app) rootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "journey",
		Short: "Customer journey maps as code: validate, lint, score, render and diff",
		Long: `journey treats customer journey maps as code: YAML files kept in git,
checked by analysts and CI, and rendered for the people who read them.

Every command takes files, directories (searched for *.journey.yaml,
*.personas.yaml and their .yml twins) and - for standard input, and writes
nothing unless told to. Arguments that name no journey file are an error.

Exit codes: 0 clean; 1 findings at or above the failing severity, a failed
gate or a difference; 2 usage errors and files that cannot be read or parsed.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       versionString(),
	}
	root.SetVersionTemplate("journey {{.Version}}\n")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{msg: err.Error(), flag: true} })
	root.PersistentPreRunE = func(*cobra.Command, []string) error {
		if !slices.Contains(colorValues, a.color) {
			return usageError{msg: fmt.Sprintf("--color %q: %s", a.color, diag.Choice(a.color, colorValues)), flag: true}
		}
		return nil
	}
	pf := root.PersistentFlags()
	pf.StringVar(&a.color, "color", "auto", "colour output: auto (on a terminal, unless NO_COLOR is set), always, never")
	a.maxFileSize = loader.DefaultMaxFileSize
	pf.Var(&a.maxFileSize, "max-file-size", "largest file read, e.g. 8MiB, 512KiB")
	for _, c := range commands {
		root.AddCommand(c(a))
	}
	a.registerCompletions(root)
	markRunErrors(root)
	return root
}

// colorValues are the values of --color.
var colorValues = []string{"auto", "always", "never"}

// useColor decides colour for a writer: only on a terminal, never with NO_COLOR.
func (a *app) useColor(w io.Writer) (bool, error) {
	if a.env.Getenv("NO_COLOR") != "" {
		return false, nil
	}
	switch a.color {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto", "":
		return a.env.IsTerminal(w), nil
	}
	return false, usagef("--color %q: %s", a.color, diag.Choice(a.color, colorValues))
}
