#!/usr/bin/env bash
# Selects (or creates) a pull request's stack and writes its per-PR config file from Pulumi.review.yaml.
# `pulumi config set --config-file F` writes into F, so each PR gets its own copy, never the shared file.
# Values come from the environment, never from workflow text, so branch names cannot inject commands.
# Usage: stack-config.sh CONFIG_FILE   (env: PR_NUMBER, PR_BRANCH, PR_SHA, PR_LABELS, PULUMI_SECRETS_PROVIDER)
set -euo pipefail
config_file="${1:?config file path}"
: "${PR_NUMBER:?}" "${PR_BRANCH:?}" "${PR_SHA:?}"
stack="pr-${PR_NUMBER}"

cp Pulumi.review.yaml "$config_file"
if ! pulumi stack select "$stack" 2>/dev/null; then
  pulumi stack init "$stack" --secrets-provider "${PULUMI_SECRETS_PROVIDER:?set the PULUMI_SECRETS_PROVIDER variable}"
fi
pulumi config set --config-file "$config_file" --stack "$stack" llm-safe:prNumber "$PR_NUMBER"
pulumi config set --config-file "$config_file" --stack "$stack" llm-safe:branch -- "$PR_BRANCH"
pulumi config set --config-file "$config_file" --stack "$stack" llm-safe:commitSha "$PR_SHA"
pulumi config set --config-file "$config_file" --stack "$stack" llm-safe:prLabels -- "${PR_LABELS:-}"
echo "stack ${stack} configured from Pulumi.review.yaml"
