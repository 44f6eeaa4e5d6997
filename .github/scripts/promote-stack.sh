#!/usr/bin/env bash
# Deploys a long-lived stack (staging or production): login, the image to run, preview, policy check on the real
# preview, then `pulumi up`. A mandatory policy violation stops before anything changes.
# The image: with IMAGE_ARCHIVE (an image the build job saved) it is pushed for this commit and run by its digest;
# with IMAGE_DIGEST (the digest staging ran) that digest is run; with neither the stack file's imageDigest stays.
# Usage: promote-stack.sh STACK
#   (env: PULUMI_STATE_BUCKET, PULUMI_SECRETS_PROVIDER, GITHUB_SHA, GITHUB_OUTPUT; IMAGE_ARCHIVE or IMAGE_DIGEST)
set -euo pipefail
stack="${1:?stack}"
scripts="$(dirname "$0")"
evidence="${RUNNER_TEMP:-/tmp}/evidence"
mkdir -p "$evidence"

# The environment's state bucket; a backend already named in PULUMI_BACKEND_URL wins, as it does for every pulumi
# command (the engine tests run this script against a file:// backend).
pulumi login "${PULUMI_BACKEND_URL:-gs://${PULUMI_STATE_BUCKET:?}}"
state=$("$scripts/stack-state.sh" "$stack")
if [ "$state" = present ]; then
  pulumi stack select "$stack"
else
  pulumi stack init "$stack" --secrets-provider "${PULUMI_SECRETS_PROVIDER:?the platform stack sets PULUMI_SECRETS_PROVIDER}"
fi
pulumi config set --stack "$stack" llm-safe:commitSha "${GITHUB_SHA:?}"
if [ -n "${IMAGE_ARCHIVE:-}" ]; then
  IMAGE_VERSION="$GITHUB_SHA" "$scripts/app-image.sh" push "$stack" "Pulumi.${stack}.yaml"
elif [ -n "${IMAGE_DIGEST:-}" ]; then
  pulumi config set --stack "$stack" llm-safe:imageDigest "$IMAGE_DIGEST"
  echo "digest=${IMAGE_DIGEST}" >> "${GITHUB_OUTPUT:?}"
fi
pulumi preview --stack "$stack" --json > "$evidence/preview.json"
java -jar target/llm-safe.jar policy check --plan "$evidence/preview.json" --workflows .github/workflows \
  --policy policy.yaml --format markdown --output "$evidence/policy.md"
cat "$evidence/policy.md" >> "${GITHUB_STEP_SUMMARY:-/dev/null}"
pulumi up --yes --stack "$stack"
echo "url=$(pulumi stack output --stack "$stack" url)" >> "${GITHUB_OUTPUT:?}"
