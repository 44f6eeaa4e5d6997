#!/usr/bin/env bash
# Runs `llmsafe audit COMMAND ARGS...` (append, checkpoint, import-history) on the job's audit log. A repository's
# first record starts the log: --new is passed only when `llmsafe audit head` says the store holds no log and the
# checkpoint store holds no checkpoint. Otherwise the command verifies the log that is there and appends to it, or
# fails: a missing log, a wrong bucket or a broken chain fails the step instead of starting a second chain.
# Usage: audit-log.sh COMMAND ARGS...   (env: AUDIT_CHECKPOINTS=gs://BUCKET, the log as LLMSAFE_AUDIT_BUCKET)
set -euo pipefail
command="${1:?usage: audit-log.sh append|checkpoint|import-history ARGS...}"
shift
: "${AUDIT_CHECKPOINTS:?set AUDIT_CHECKPOINTS to the checkpoint store, which shows whether a log ever existed}"
llmsafe=(java -jar target/llm-safe.jar audit)
head=$("${llmsafe[@]}" head --checkpoints "$AUDIT_CHECKPOINTS")
new=()
if [ "$head" = none ]; then
  echo "audit log: none yet and no checkpoint published, so this ${command} starts it" >&2
  new=(--new)
fi
exec "${llmsafe[@]}" "$command" "${new[@]}" "$@"
