#!/usr/bin/env bash
# Puts the Railway API token of an environment into RAILWAY_TOKEN for later steps, read from Secret Manager
# (secret <env>-railway-token), masked in logs. GitHub holds no copy of it.
# TARGET is what the stack deploys to. railway (the default) cannot deploy without the token, so a missing secret
# fails the job here, naming the fix, instead of half-way through `pulumi up`. cloudrun takes the token when there
# is one (destroying a stack that once ran on Railway still needs it) and goes on without it.
# Only gcloud's NOT_FOUND means "missing": any other error (PERMISSION_DENIED, expired credentials, no network)
# says nothing about the secret, so it fails with gcloud's own message whatever the target.
# Usage: railway-token.sh ENVIRONMENT [railway|cloudrun]   (env: GCP_PROJECT, GITHUB_ENV)
set -euo pipefail
env_name="${1:?usage: railway-token.sh ENVIRONMENT [railway|cloudrun]}"
target="${2:-railway}"
case "$target" in
  railway | cloudrun) ;;
  *)
    echo "::error::railway-token.sh: target '${target}' is neither railway nor cloudrun"
    exit 2
    ;;
esac
project="${GCP_PROJECT:?GCP_PROJECT is not set; the platform stack sets it as an environment variable}"
secret="${env_name}-railway-token"
errors=$(mktemp)
trap 'rm -f "$errors"' EXIT

if ! token=$(gcloud secrets versions access latest --secret="$secret" --project="$project" 2>"$errors"); then
  if grep -q '^ERROR: (gcloud\.secrets\.versions\.access) NOT_FOUND: ' "$errors"; then
    if [ "$target" = cloudrun ]; then
      echo "::notice::no secret ${secret} (or no version of it) in ${project}: a Cloud Run deploy needs no Railway token"
      exit 0
    fi
    echo "::error::Secret Manager has no secret ${secret} (or no version of it) in ${project}, and a Railway deploy" \
      "needs it. List railway-token in deployerSecretNames (Pulumi.yaml), run \`pulumi up -s platform\`, then add the token:" \
      "printf '%s' \"\$RAILWAY_TOKEN\" | gcloud secrets versions add ${secret} --data-file=- --project ${project}"
    exit 1
  fi
  echo "::error::could not read ${secret} from Secret Manager in ${project}; gcloud said:"
  cat "$errors"
  exit 1
fi

# GITHUB_ENV takes one NAME=value per line: a line break would hand the rest of the text over as more variables.
if [[ "$token" == *$'\n'* || "$token" == *$'\r'* ]]; then
  echo "::error::the latest version of ${secret} contains a line break; add the token again without one (printf '%s')"
  exit 1
fi
if [ -z "$token" ]; then
  echo "::error::the latest version of ${secret} is empty; add the Railway token as a new version"
  exit 1
fi
echo "::add-mask::${token}"
echo "RAILWAY_TOKEN=${token}" >> "${GITHUB_ENV:?}"
