#!/usr/bin/env bash
# Creates or updates the one evidence comment of a pull request: the comment carrying the hidden marker that this
# workflow's own identity wrote (the GITHUB_TOKEN's user, github-actions[bot], of type Bot). A comment with the
# marker written by anyone else is left as it is, so nobody can plant or take over the evidence.
# Runs of two pushes can finish out of order (the record job is outside the deploy's concurrency group, which could
# cancel it and its audit record), so the comment ends with the number of the run that wrote it, and a run never
# replaces what a later run of this workflow wrote. Only the comment's last line counts: the evidence quotes data
# from the pull request, which could carry a line of the same form anywhere else.
# Calls the REST API (version 2022-11-28) at GITHUB_API_URL, which every runner sets.
# Usage: upsert-comment.sh PR_NUMBER BODY_FILE
#   (env: GH_TOKEN, GITHUB_REPOSITORY, GITHUB_API_URL, GITHUB_RUN_NUMBER)
set -euo pipefail
pr="${1:?pull request number}" body_file="${2:?comment body file}"
marker='<!-- llmsafe:evidence -->'
author='github-actions[bot]'
api="${GITHUB_API_URL:?the runner sets GITHUB_API_URL}/repos/${GITHUB_REPOSITORY:?}/issues"
run="${GITHUB_RUN_NUMBER:?the runner sets GITHUB_RUN_NUMBER}"
[[ "$run" =~ ^[0-9]{1,18}$ ]] || { echo "GITHUB_RUN_NUMBER '${run}' is not a run number" >&2; exit 1; }
grep -qF "$marker" "$body_file" || { echo "comment body lacks the marker ${marker}" >&2; exit 1; }
headers=$(mktemp)
trap 'rm -f "$headers"' EXIT

github() { # METHOD URL [curl args...]: the response body on stdout, its headers in $headers; fails on 4xx/5xx
  local method="$1" url="$2"
  shift 2
  curl --silent --show-error --fail-with-body --request "$method" --dump-header "$headers" \
    --header "Authorization: Bearer ${GH_TOKEN:?}" --header "Accept: application/vnd.github+json" \
    --header "X-GitHub-Api-Version: 2022-11-28" "$@" "$url"
}

# Every page of the PR's comments (Link: rel="next"), oldest first; the first of ours with the marker wins. It gives
# its id and the run that wrote it (0 when its last line names none: a comment written before runs were named).
existing="" written_by=0
url="${api}/${pr}/comments?per_page=100"
while [ -n "$url" ] && [ -z "$existing" ]; do
  page=$(github GET "$url")
  found=$(jq -r --arg m "$marker" --arg a "$author" 'map(select(.user.login == $a and .user.type == "Bot"
    and ((.body // "") | contains($m)))) | first | select(. != null)
    | "\(.id) \(.body | capture("<!-- llmsafe:evidence-run (?<n>[0-9]{1,18}) -->\\s*\\z").n // "0")"' <<< "$page")
  if [ -n "$found" ]; then read -r existing written_by <<< "$found"; fi
  url=$(tr -d '\r' < "$headers" | sed -n 's/^[Ll]ink: //p' | tr ',' '\n' | sed -n 's/^ *<\(.*\)>; *rel="next".*/\1/p')
done

if [ -n "$existing" ] && [ "$written_by" -gt "$run" ]; then
  echo "left comment ${existing} as it is: run ${written_by} of this workflow wrote it, later than this run (${run})"
  exit 0
fi
payload=$( (cat "$body_file"; printf '\n<!-- llmsafe:evidence-run %s -->\n' "$run") | jq -Rs '{body: .}')
if [ -n "$existing" ]; then
  github PATCH "${api}/comments/${existing}" --data-binary "$payload" > /dev/null
  echo "updated comment ${existing}"
else
  github POST "${api}/${pr}/comments" --data-binary "$payload" > /dev/null
  echo "created the evidence comment"
fi
