#!/usr/bin/env bash
# Deploys a long-lived stack (staging or production): login, preview, policy check on the real preview,
# then `pulumi up`. A mandatory policy violation stops before anything changes.
# Usage: promote-stack.sh STACK   (env: PULUMI_STATE_BUCKET, PULUMI_SECRETS_PROVIDER, GITHUB_SHA, GITHUB_OUTPUT)
set -euo pipefail
stack="${1:?stack}"
evidence="${RUNNER_TEMP:-/tmp}/evidence"
mkdir -p "$evidence"

pulumi login "gs://${PULUMI_STATE_BUCKET:?}"
if ! pulumi stack select "$stack" 2>/dev/null; then
  pulumi stack init "$stack" --secrets-provider "${PULUMI_SECRETS_PROVIDER:?the platform stack sets PULUMI_SECRETS_PROVIDER}"
fi
pulumi config set --stack "$stack" llm-safe:commitSha "${GITHUB_SHA:?}"
pulumi preview --stack "$stack" --json > "$evidence/preview.json"
java -jar target/llm-safe.jar policy check --plan "$evidence/preview.json" --workflows .github/workflows \
  --policy policy.yaml --format markdown --output "$evidence/policy.md"
cat "$evidence/policy.md" >> "${GITHUB_STEP_SUMMARY:-/dev/null}"
pulumi up --yes --stack "$stack"
echo "url=$(pulumi stack output --stack "$stack" url)" >> "${GITHUB_OUTPUT:?}"
