#!/usr/bin/env bash
# Prints the `llmsafe comment --outcome` arguments for a preview run, one per line, from what GitHub reported:
# the preview job's own step outcomes (outcomes.env in its evidence, written by its last step), or, when that job
# never got that far, its job result for all of its stages; the checks job's result; and the outcomes of the
# record job's own steps. A stage whose step never ran reads "not reached", one that failed "step failed"; the
# comment refuses a missing file for a stage said to have succeeded, and a result GitHub never reports.
# Usage: comment-outcomes.sh EVIDENCE_DIR   (env: PREVIEW_JOB, CHECKS_JOB, REVIEWS_STEP, AUDIT_STEP)
set -euo pipefail
evidence="${1:?usage: comment-outcomes.sh EVIDENCE_DIR}"

# Passed on as GitHub reported them: `llmsafe comment --outcome` knows GitHub's words (comment/StepOutcome) and
# refuses anything else, an empty value included, with exit 2, so nothing is guessed here.
outcome() {
  printf -- '--outcome\n%s=%s\n' "$1" "$2"
}

preview_stages=(preview policy outputs verify)
if [ -f "${evidence}/outcomes.env" ]; then
  for stage in "${preview_stages[@]}"; do
    value="$(sed -n "s/^${stage}=//p" "${evidence}/outcomes.env" | tail -n 1)"
    outcome "$stage" "$value"
  done
else
  for stage in "${preview_stages[@]}"; do
    outcome "$stage" "${PREVIEW_JOB:-}"
  done
fi
outcome checks "${CHECKS_JOB:-}"
outcome reviews "${REVIEWS_STEP:-}"
outcome audit "${AUDIT_STEP:-}"
