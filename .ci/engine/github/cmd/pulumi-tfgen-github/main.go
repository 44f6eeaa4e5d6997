package main

import (
	"github.com/pulumi/pulumi-terraform-bridge/v3/pkg/tfgen"

	"llmsafe.dev/engine/github/provider"
	"llmsafe.dev/engine/github/version"
)

func main() { tfgen.Main("github", version.Version, provider.Provider()) }
