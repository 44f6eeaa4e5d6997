#!/usr/bin/env bash
# Puts the Railway API token of an environment into RAILWAY_TOKEN for later steps, read from Secret Manager
# (secret <env>-railway-token), masked in logs. GitHub holds no copy of it.
# Usage: railway-token.sh ENVIRONMENT   (env: GCP_PROJECT, GITHUB_ENV)
set -euo pipefail
env_name="${1:?environment}"
if ! token=$(gcloud secrets versions access latest --secret="${env_name}-railway-token" --project="${GCP_PROJECT:?}" 2>/dev/null); then
  echo "no secret ${env_name}-railway-token: Railway deploys are unavailable, Cloud Run still works"
  exit 0
fi
echo "::add-mask::${token}"
echo "RAILWAY_TOKEN=${token}" >> "${GITHUB_ENV:?}"
