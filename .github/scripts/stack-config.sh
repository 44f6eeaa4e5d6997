#!/usr/bin/env bash
# Selects (or creates) a pull request's stack and writes its config file, Pulumi.pr-<N>.yaml, from
# Pulumi.review.yaml. The file is the stack's own file, the one `pulumi stack init` writes the secrets provider
# (secretsprovider, encryptedkey or encryptionsalt) into: it is copied first, so init adds to it. On a runner that
# finds the stack already created, the copy has no secrets provider and the engine takes it from the stack's state
# (PULUMI_FALLBACK_TO_STATE_SECRETS_MANAGER, set by the workflows).
# Values come from the environment, never from workflow text, so branch names cannot inject commands.
# A stack that cannot be listed stops here (stack-state.sh): only a stack the backend says is absent is created.
# Usage: stack-config.sh   (env: PR_NUMBER, PR_BRANCH, PR_SHA, PR_LABELS, PULUMI_SECRETS_PROVIDER)
set -euo pipefail
: "${PR_NUMBER:?}" "${PR_BRANCH:?}" "${PR_SHA:?}"
stack="pr-${PR_NUMBER}"
config_file="Pulumi.${stack}.yaml"

cp Pulumi.review.yaml "$config_file"
state=$("$(dirname "$0")/stack-state.sh" "$stack")
if [ "$state" = present ]; then
  pulumi stack select "$stack"
  # The preview job's concurrency group holds every run of ours on this stack, so a lock now is one a killed run
  # left behind; a DIY backend's lock never expires, and every later up and destroy would fail on it.
  pulumi cancel --yes --stack "$stack"
else
  pulumi stack init "$stack" --secrets-provider "${PULUMI_SECRETS_PROVIDER:?set the PULUMI_SECRETS_PROVIDER variable}"
fi
pulumi config set --config-file "$config_file" --stack "$stack" llm-safe:prNumber "$PR_NUMBER"
pulumi config set --config-file "$config_file" --stack "$stack" llm-safe:branch -- "$PR_BRANCH"
pulumi config set --config-file "$config_file" --stack "$stack" llm-safe:commitSha "$PR_SHA"
pulumi config set --config-file "$config_file" --stack "$stack" llm-safe:prLabels -- "${PR_LABELS:-}"
echo "stack ${stack} configured from Pulumi.review.yaml into ${config_file}"
