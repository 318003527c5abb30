// Command composecheck loads docker-compose.yml with compose-go, the loader Docker Compose itself uses,
// and prints the resolved project as JSON: schema, interpolation from .env and cross-references
// (depends_on, volumes, profiles) are checked without a Docker engine.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/compose-spec/compose-go/v2/cli"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: composecheck PROJECT_DIR")
		os.Exit(2)
	}
	options, err := cli.NewProjectOptions(nil,
		cli.WithWorkingDirectory(os.Args[1]),
		cli.WithDefaultConfigPath,
		cli.WithEnvFiles(),
		cli.WithDotEnv,
		cli.WithProfiles([]string{"*"}), // every service, the one-shot crawl profile included
	)
	if err == nil {
		err = run(options)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "composecheck:", err)
		os.Exit(1)
	}
}

func run(options *cli.ProjectOptions) error {
	project, err := options.LoadProject(context.Background())
	if err != nil {
		return err
	}
	encoder := json.NewEncoder(os.Stdout)
	encoder.SetIndent("", "  ")
	return encoder.Encode(project)
}
