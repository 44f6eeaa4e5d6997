#!/usr/bin/env bash
# Says whether a stack exists in the logged-in backend: prints `present` or `absent`. Absence is read from
# `pulumi stack ls --json`, never inferred from a failed `pulumi stack select`, so a backend that errors (no
# access, a bad state file, an unsupported state store) stops the job instead of passing for "never existed".
# Usage: state=$(stack-state.sh STACK)   (run in the project's folder, after `pulumi login`)
set -euo pipefail
stack="${1:?stack name}"
if ! listing=$(pulumi stack ls --json); then
  echo "cannot tell whether stack ${stack} exists: \`pulumi stack ls\` failed (see above); nothing was created" >&2
  exit 1
fi
# DIY backends list project stacks by name; Pulumi Cloud as org/project/name.
if ! found=$(jq -r --arg s "$stack" 'any(.[]; .name == $s or (.name | endswith("/" + $s)))' <<< "$listing"); then
  echo "cannot tell whether stack ${stack} exists: \`pulumi stack ls --json\` printed no stack list" >&2
  exit 1
fi
if [ "$found" = "true" ]; then echo present; else echo absent; fi
