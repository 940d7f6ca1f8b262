// Command journey treats customer journey maps as code.
package main

import (
	"os"

	"github.com/journey-maps/journey/pkg/cli"
)

func main() { os.Exit(cli.Run(os.Args[1:], cli.OSEnv())) }
