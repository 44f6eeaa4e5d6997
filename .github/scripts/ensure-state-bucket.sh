#!/usr/bin/env bash
# Makes sure the Pulumi state bucket exists before `pulumi login gs://...`, creating it hardened when missing.
# Safe to run twice and from concurrent jobs: a bucket created in between (409) counts as success.
# It sets exactly what the platform stack's StateBackend declares, so the stack can adopt the bucket (Pulumi refuses
# an import whose settings differ); pass the same values as stateNoncurrentVersionDays / stateMaxNoncurrentVersions.
# Usage: ensure-state-bucket.sh BUCKET PROJECT LOCATION [NONCURRENT_DAYS=30] [MAX_NONCURRENT_VERSIONS=20]
set -euo pipefail
bucket="${1:?bucket name}" project="${2:?project id}" location="${3:?location}"
days="${4:-30}" versions="${5:-20}"

describe_err=$(gcloud storage buckets describe "gs://${bucket}" --format='value(name)' 2>&1 >/dev/null) && {
  echo "state bucket gs://${bucket} exists"; exit 0; }
case "$describe_err" in
  *403*|*"does not have storage.buckets.get"*)
    # Deployers may write state objects without reading bucket metadata: the bucket is there.
    echo "state bucket gs://${bucket} exists (no permission to read its settings)"; exit 0 ;;
  *404*|*"not found"*|*"NotFound"*) ;;
  *) echo "cannot check state bucket gs://${bucket}: ${describe_err}" >&2; exit 1 ;;
esac

echo "state bucket gs://${bucket} is missing: creating it (private, uniform access, versioned)"
if ! create_err=$(gcloud storage buckets create "gs://${bucket}" --project="${project}" --location="${location}" \
    --uniform-bucket-level-access --public-access-prevention --default-storage-class=STANDARD 2>&1); then
  case "$create_err" in
    *409*|*"already exists"*|*"already own it"*) echo "created concurrently by another job" ;;
    *) echo "cannot create state bucket gs://${bucket}: ${create_err}" >&2; exit 1 ;;
  esac
fi
# Replaced state versions: deleted after N days, and beyond the newest M (as StateBackend declares them).
lifecycle=$(mktemp)
trap 'rm -f "$lifecycle"' EXIT
cat > "$lifecycle" <<JSON
{"rule": [
  {"action": {"type": "Delete"}, "condition": {"daysSinceNoncurrentTime": ${days}, "isLive": false}},
  {"action": {"type": "Delete"}, "condition": {"numNewerVersions": ${versions}, "isLive": false}}
]}
JSON
gcloud storage buckets update "gs://${bucket}" --versioning --lifecycle-file="$lifecycle"
echo "state bucket gs://${bucket} ready; the platform stack adopts it"
