package provider

import (
	_ "embed"

	"github.com/integrations/terraform-provider-github/v6/github"
	"github.com/pulumi/pulumi-terraform-bridge/v3/pkg/tfbridge"
	"github.com/pulumi/pulumi-terraform-bridge/v3/pkg/tfbridge/tokens"
	shimv2 "github.com/pulumi/pulumi-terraform-bridge/v3/pkg/tfshim/sdk-v2"

	"llmsafe.dev/engine/github/version"
)

const (
	mainPkg = "github"
	mainMod = "index"
)

//go:embed bridge-metadata.json
var metadata []byte

func Provider() tfbridge.ProviderInfo {
	p := shimv2.NewProvider(github.NewProvider(version.Version, "")())
	prov := tfbridge.ProviderInfo{
		P:                       p,
		Name:                    "github",
		Version:                 version.Version,
		Description:             "A Pulumi package for creating and managing github cloud resources.",
		Keywords:                []string{"pulumi", "github"},
		License:                 "Apache-2.0",
		Homepage:                "https://pulumi.io",
		Repository:              "https://github.com/pulumi/pulumi-github",
		TFProviderModuleVersion: "v6",
		GitHubOrg:               "integrations",
		Config: map[string]*tfbridge.SchemaInfo{
			"base_url": {Default: &tfbridge.DefaultInfo{EnvVars: []string{"GITHUB_BASE_URL"}, Value: "https://api.github.com/"}},
			"token":    {Default: &tfbridge.DefaultInfo{EnvVars: []string{"GITHUB_TOKEN"}}, Secret: tfbridge.True()},
		},
		Resources: map[string]*tfbridge.ResourceInfo{
			"github_branch": {Fields: map[string]*tfbridge.SchemaInfo{"branch": {CSharpName: "BranchName"}}},
			"github_repository_environment": {Fields: map[string]*tfbridge.SchemaInfo{"reviewers": {MaxItemsOne: tfbridge.False()}}},
		},
		DataSources: map[string]*tfbridge.DataSourceInfo{
			"github_app": {Tok: "github:index/getGithubApp:getGithubApp"},
		},
		Golang: &tfbridge.GolangInfo{
			ImportBasePath:                 "github.com/pulumi/pulumi-github/sdk/v6/go/github",
			GenerateResourceContainerTypes: true,
			GenerateExtraInputTypes:        true,
		},
		MetadataInfo: tfbridge.NewProviderMetadata(metadata),
	}
	prov.MustComputeTokens(tokens.SingleModule("github_", mainMod, tokens.MakeStandard(mainPkg)))
	prov.MustApplyAutoAliases()
	prov.SetAutonaming(255, "-")
	return prov
}
