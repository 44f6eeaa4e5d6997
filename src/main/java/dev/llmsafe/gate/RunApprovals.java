package dev.llmsafe.gate;

import java.util.List;

/**
 * What the gate judges: a workflow run's approvals, who started it, which attempt this is, and who wrote the
 * change it deploys.
 *
 * @param attempt         the run's {@code run_attempt}: 1, or more after a re-run
 * @param actor           the user whose action first triggered the run
 * @param triggeringActor the user who triggered this attempt (differs from {@code actor} on a re-run)
 */
public record RunApprovals(long runId, int attempt, GithubUser actor, GithubUser triggeringActor,
                           ChangeAuthors change, List<Approval> approvals) {
    public RunApprovals {
        approvals = List.copyOf(approvals);
    }
}
