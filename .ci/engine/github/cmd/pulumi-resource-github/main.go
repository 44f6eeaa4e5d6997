package main

import (
	_ "embed"

	"github.com/pulumi/pulumi-terraform-bridge/v3/pkg/tfbridge"

	"llmsafe.dev/engine/github/provider"
	"llmsafe.dev/engine/github/version"
)

//go:embed schema-embed.json
var pulumiSchema []byte

func main() { tfbridge.Main("github", version.Version, provider.Provider(), pulumiSchema) }
