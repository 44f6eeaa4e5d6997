#!/usr/bin/env bash
# Creates or updates the one evidence comment of a pull request: the comment carrying the hidden marker that this
# workflow's own identity wrote (the GITHUB_TOKEN's user, github-actions[bot], of type Bot). A comment with the
# marker written by anyone else is left as it is, so nobody can plant or take over the evidence.
# Calls the REST API (version 2022-11-28) at GITHUB_API_URL, which every runner sets.
# Usage: upsert-comment.sh PR_NUMBER BODY_FILE   (env: GH_TOKEN, GITHUB_REPOSITORY, GITHUB_API_URL)
set -euo pipefail
pr="${1:?pull request number}" body_file="${2:?comment body file}"
marker='<!-- llmsafe:evidence -->'
author='github-actions[bot]'
api="${GITHUB_API_URL:?the runner sets GITHUB_API_URL}/repos/${GITHUB_REPOSITORY:?}/issues"
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

# Every page of the PR's comments (Link: rel="next"), oldest first; the first of ours with the marker wins.
existing=""
url="${api}/${pr}/comments?per_page=100"
while [ -n "$url" ] && [ -z "$existing" ]; do
  page=$(github GET "$url")
  existing=$(jq -r --arg m "$marker" --arg a "$author" 'map(select(.user.login == $a and .user.type == "Bot"
    and ((.body // "") | contains($m)))) | first | .id // empty' <<< "$page")
  url=$(tr -d '\r' < "$headers" | sed -n 's/^[Ll]ink: //p' | tr ',' '\n' | sed -n 's/^ *<\(.*\)>; *rel="next".*/\1/p')
done

payload=$(jq -Rs '{body: .}' < "$body_file")
if [ -n "$existing" ]; then
  github PATCH "${api}/comments/${existing}" --data-binary "$payload" > /dev/null
  echo "updated comment ${existing}"
else
  github POST "${api}/${pr}/comments" --data-binary "$payload" > /dev/null
  echo "created the evidence comment"
fi
