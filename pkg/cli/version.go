package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// Version is set at build time with -ldflags "-X .../pkg/cli.Version=v1.2.3";
// otherwise it comes from the module version of `go install`.
var Version = ""

type buildInfo struct {
	Version, Commit, Date, Go string
	Modified                  bool
}

func readBuildInfo() buildInfo {
	info, _ := debug.ReadBuildInfo() // nil when there is none
	return buildInfoFrom(Version, info)
}

// buildInfoFrom reads the version (the -ldflags one first, then the module
// version that `go install ...@v1.2.3` records), the commit and whether the
// work tree had changes (what `go build` in a git checkout records) and
// the Go version.
func buildInfoFrom(version string, info *debug.BuildInfo) buildInfo {
	b := buildInfo{Version: version, Go: runtime.Version()}
	if info != nil {
		if info.GoVersion != "" {
			b.Go = info.GoVersion
		}
		if b.Version == "" && info.Main.Version != "" && info.Main.Version != "(devel)" {
			b.Version = info.Main.Version
		}
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				b.Commit = s.Value
			case "vcs.time":
				b.Date = s.Value
			case "vcs.modified":
				b.Modified = s.Value == "true"
			}
		}
	}
	if b.Version == "" {
		b.Version = "dev"
	}
	return b
}

func versionString() string { return readBuildInfo().Version }

func newVersionCmd(a *app) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "version",
		Short: "Print the version, commit and Go version",
		Long: `version prints the version of journey (set at release, or the module
version recorded by go install), the git commit it was built from and
whether the work tree had changes, the build time and the Go version.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return writeVersion(a.env.Stdout, readBuildInfo(), format)
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or json")
	return cmd
}

func writeVersion(w io.Writer, b buildInfo, format string) error {
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(struct {
			Version  string `json:"version"`
			Commit   string `json:"commit,omitempty"`
			Modified bool   `json:"modified"`
			Date     string `json:"date,omitempty"`
			Go       string `json:"go"`
			OS       string `json:"os"`
			Arch     string `json:"arch"`
		}{b.Version, b.Commit, b.Modified, b.Date, b.Go, runtime.GOOS, runtime.GOARCH})
	case "text", "":
	default:
		return usagef("--format %q: want text or json", format)
	}
	fmt.Fprintf(w, "journey %s\n", b.Version)
	if b.Commit != "" {
		dirty := ""
		if b.Modified {
			dirty = " (modified)"
		}
		fmt.Fprintf(w, "commit:  %s%s\n", b.Commit, dirty)
	}
	if b.Date != "" {
		fmt.Fprintf(w, "built:   %s\n", b.Date)
	}
	fmt.Fprintf(w, "go:      %s %s/%s\n", b.Go, runtime.GOOS, runtime.GOARCH)
	return nil
}
