#!/usr/bin/env bash
# Runs one of the app's preview scripts (seed, tests) only when the repository has it, and records the outcome
# (passed, failed, absent) in STATUS_FILE for the PR comment. A missing script is said, never silently skipped.
# Usage: run-if-present.sh NAME SCRIPT STATUS_FILE   (env: PREVIEW_URL)
set -uo pipefail
name="${1:?}" script="${2:?}" status_file="${3:?}"
if [ ! -f "$script" ]; then
  echo "${name}: ${script} does not exist, nothing to run"
  echo "${name}=absent" >> "$status_file"
  exit 0
fi
echo "${name}: running ${script} against ${PREVIEW_URL:?}"
if bash "$script"; then
  echo "${name}=passed" >> "$status_file"
else
  echo "${name}=failed" >> "$status_file"
  exit 1
fi
