#!/usr/bin/env bash
# Creates or updates the one evidence comment of a pull request, found by its hidden marker.
# Usage: upsert-comment.sh PR_NUMBER BODY_FILE   (env: GH_TOKEN, GITHUB_REPOSITORY)
set -euo pipefail
pr="${1:?pull request number}" body_file="${2:?comment body file}"
marker='<!-- llmsafe:evidence -->'
grep -qF "$marker" "$body_file" || { echo "comment body lacks the marker ${marker}" >&2; exit 1; }

existing=$(gh api --paginate "repos/${GITHUB_REPOSITORY}/issues/${pr}/comments" \
  --jq ".[] | select(.body | contains(\"${marker}\")) | .id" | head -n 1)
if [ -n "$existing" ]; then
  gh api --method PATCH "repos/${GITHUB_REPOSITORY}/issues/comments/${existing}" -F "body=@${body_file}" >/dev/null
  echo "updated comment ${existing}"
else
  gh api --method POST "repos/${GITHUB_REPOSITORY}/issues/${pr}/comments" -F "body=@${body_file}" >/dev/null
  echo "created the evidence comment"
fi
