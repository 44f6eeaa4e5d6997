#!/usr/bin/env bash
# Lints .github/workflows with actionlint (built from the exact version in .ci/lint/go.mod, through the Go module
# proxy, into a cache outside the repository) and action-validator (pinned in .ci/lint/package-lock.json).
# Usage: .ci/lint-workflows.sh   (env: LLMSAFE_LINT_CACHE, default ~/.cache/llm-safe/lint)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v go >/dev/null 2>&1 || { echo "lint-workflows: go not found on PATH: actionlint is built from .ci/lint/go.mod" >&2; exit 1; }

# One build per go.mod and go.sum: a warm run builds nothing, a version change builds anew.
cache="${LLMSAFE_LINT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/llm-safe/lint}"
key=$(cat .ci/lint/go.mod .ci/lint/go.sum | sha256sum | cut -c1-16)
actionlint="$cache/$key/actionlint"
if [ ! -x "$actionlint" ]; then
  mkdir -p "$cache/$key"
  (cd .ci/lint && GOFLAGS="-buildvcs=false -mod=readonly" go build -trimpath -o "$actionlint.partial" \
    github.com/rhysd/actionlint/cmd/actionlint)
  mv "$actionlint.partial" "$actionlint"
fi
npm ci --prefix .ci/lint --no-audit --no-fund --loglevel=error

shopt -s nullglob
workflows=(.github/workflows/*.yml .github/workflows/*.yaml)
echo "actionlint $("$actionlint" -version | head -n 1)"
# shellcheck and pyflakes are switched off, so a runner that happens to have them judges exactly as one without;
# the run: scripts are tested by running them (src/test/java/dev/llmsafe/workflows).
"$actionlint" -shellcheck= -pyflakes= "${workflows[@]}"
echo "actionlint: ${#workflows[@]} file(s) clean"
for wf in "${workflows[@]}"; do
  .ci/lint/node_modules/.bin/action-validator "$wf"
done
echo "action-validator: ${#workflows[@]} file(s) valid"
