#!/usr/bin/env bash
# The app's container image, in two halves so no job holds credentials while the app's own code runs:
#   build: in a job without credentials, builds the image of commit IMAGE_VERSION (the app's Dockerfile, or
#          APP_BUILD_COMMAND when set) and saves it to IMAGE_ARCHIVE. The commit goes in as the build argument
#          APP_VERSION, which the app reports as its version (docs/health-contract.md). No Dockerfile and no
#          command: nothing is built, and built=false says so.
#   push:  in the deploy job, loads IMAGE_ARCHIVE, pushes it as <image>:<IMAGE_VERSION> to the stack's
#          llm-safe:image repository with the job's Workload Identity credentials, and sets the pushed digest as
#          the stack's llm-safe:imageDigest, so the stack runs exactly what was pushed.
# Usage: app-image.sh build                  (env: IMAGE_VERSION, IMAGE_ARCHIVE, GITHUB_OUTPUT;
#                                             APP_DOCKERFILE=Dockerfile, APP_BUILD_CONTEXT=., APP_BUILD_COMMAND)
#        app-image.sh push STACK CONFIG_FILE  (env: IMAGE_VERSION, IMAGE_ARCHIVE, GITHUB_OUTPUT)
set -euo pipefail
mode="${1:?build or push}"
version="${IMAGE_VERSION:?the commit the image is built from}"
archive="${IMAGE_ARCHIVE:?where the saved image goes}"
local_tag="llmsafe-app:${version}"

build() {
  local dockerfile="${APP_DOCKERFILE:-Dockerfile}" context="${APP_BUILD_CONTEXT:-.}"
  if [ -n "${APP_BUILD_COMMAND:-}" ]; then
    echo "building ${local_tag} with APP_BUILD_COMMAND"
    IMAGE="$local_tag" APP_VERSION="$version" bash -c "$APP_BUILD_COMMAND"
    docker image inspect "$local_tag" > /dev/null 2>&1 || {
      echo "APP_BUILD_COMMAND finished without building the image \$IMAGE (${local_tag}); tag what it builds so" >&2
      exit 1; }
  elif [ -f "$dockerfile" ]; then
    docker build --build-arg "APP_VERSION=${version}" --label "org.opencontainers.image.revision=${version}" \
      --file "$dockerfile" --tag "$local_tag" "$context"
  else
    echo "no ${dockerfile} and no APP_BUILD_COMMAND: no image built (a Railway preview builds the repository itself)"
    echo "built=false" >> "${GITHUB_OUTPUT:?}"
    return
  fi
  mkdir -p "$(dirname "$archive")"
  docker save --output "$archive" "$local_tag"
  echo "built=true" >> "${GITHUB_OUTPUT:?}"
}

push() {
  local stack="${1:?stack}" config="${2:?stack config file}" repository host target digest
  if ! repository=$(pulumi config get --stack "$stack" --config-file "$config" llm-safe:image); then
    echo "stack ${stack} has no llm-safe:image: set the repository to push to in ${config}, e.g." \
      "europe-west4-docker.pkg.dev/acme-shop-prod/apps/shop" >&2
    exit 1
  fi
  host="${repository%%/*}"
  target="${repository}:${version}"
  docker load --input "$archive"
  docker tag "$local_tag" "$target"
  # Artifact Registry takes the job's short-lived access token: no key, nothing stored past the job.
  gcloud auth print-access-token | docker login --username oauth2accesstoken --password-stdin "https://${host}"
  docker push "$target"
  digest=$(docker image inspect --format '{{json .RepoDigests}}' "$target" \
    | jq -r --arg r "$repository" '.[] | select(startswith($r + "@")) | sub("^[^@]*@"; "")' | head -n 1)
  if ! [[ "$digest" =~ ^sha256:[0-9a-f]{64}$ ]]; then
    echo "pushed ${target} but the registry reported no digest for ${repository} (got '${digest}')" >&2
    exit 1
  fi
  pulumi config set --stack "$stack" --config-file "$config" llm-safe:imageDigest "$digest"
  echo "digest=${digest}" >> "${GITHUB_OUTPUT:?}"
  echo "pushed ${target}: stack ${stack} runs ${repository}@${digest}"
}

case "$mode" in
  build) build ;;
  push) shift; push "$@" ;;
  *) echo "unknown mode ${mode}: use build or push" >&2; exit 2 ;;
esac
